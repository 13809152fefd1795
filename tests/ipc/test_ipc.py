"""IPC namespaces: shared memory and semaphores between a pod's containers, in virtual time."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from sandbox.clock import Clock
from sandbox.ipc import (
    GETALL,
    GETNCNT,
    GETVAL,
    IPC_CREAT,
    IPC_EXCL,
    IPC_NOWAIT,
    IPC_PRIVATE,
    IPC_RMID,
    IPC_STAT,
    SETALL,
    SETVAL,
    SHM_RDONLY,
    IPCError,
    IPCNamespace,
    IPCRegistry,
)
from sandbox.ipc.applets import ipcrm, ipcs
from sandbox.runtime import FileSystem, MountNamespace, OutputBuffer, Process, ProcessTable, Signal
from sandbox.runtime.filesystem import ROOT, Credentials

ALICE = Credentials(uid=1000, gid=1000)
BOB = Credentials(uid=2000, gid=2000)


@pytest.fixture
def clock():  # noqa: ANN201
    c = Clock()
    yield c
    c.close()


@pytest.fixture
def ns(clock: Clock) -> IPCNamespace:
    return IPCNamespace(clock, name="default/web")


def run_containers(clock: Clock, *fns: Callable[[], Any]) -> list[Any]:
    """Run each function as a container thread until all end; return their results."""
    tasks = [clock.spawn(fn, name=f"c{i}") for i, fn in enumerate(fns)]
    assert clock.run_until(lambda: all(t.done for t in tasks), timeout=3600)
    for t in tasks:
        if t.exception is not None:
            raise t.exception
    return [t.result for t in tasks]


def err(fn: Callable[[], Any]) -> tuple[str, str]:
    with pytest.raises(IPCError) as e:
        fn()
    return e.value.code, str(e.value)


# ------------------------------------------------------------------------ System V, two containers


def test_two_containers_share_a_segment_and_synchronise_in_virtual_time(clock: Clock, ns: IPCNamespace) -> None:
    log: list[tuple[float, str]] = []

    def writer() -> None:
        shmid = ns.shmget(0x1234, 4096, IPC_CREAT | 0o600)
        semid = ns.semget(0x1234, 1, IPC_CREAT | 0o600)
        mem = ns.shmat(shmid)
        clock.sleep(5)
        mem[0:5] = b"hello"
        log.append((clock.elapsed(), "posted"))
        ns.semop(semid, [(0, 1, 0)])  # V
        ns.shmdt(mem)

    def reader() -> bytes:
        clock.sleep(1)
        shmid = ns.shmget(0x1234, 0, 0)
        semid = ns.semget(0x1234, 0, 0)
        mem = ns.shmat(shmid, SHM_RDONLY)
        ns.semop(semid, [(0, -1, 0)])  # P: waits for the writer
        log.append((clock.elapsed(), "woke"))
        data = bytes(mem[0:5])
        ns.shmdt(mem)
        return data

    _, data = run_containers(clock, writer, reader)
    assert data == b"hello"
    assert log == [(5.0, "posted"), (5.0, "woke")]
    (seg,) = ns.shm_segments()
    assert (seg.nattch, seg.size, seg.key) == (0, 4096, 0x1234)


def test_semaphore_counts_and_wakes_waiters_in_order(clock: Clock, ns: IPCNamespace) -> None:
    semid = ns.semget(IPC_PRIVATE, 1, 0o600)
    woke: list[tuple[str, float]] = []

    def waiter(name: str) -> Callable[[], None]:
        def run() -> None:
            ns.semop(semid, [(0, -1, 0)])
            woke.append((name, clock.elapsed()))
        return run

    def poster() -> None:
        clock.sleep(2)
        assert ns.semctl(semid, 0, GETNCNT) == 2
        ns.semop(semid, [(0, 1, 0)])
        clock.sleep(3)
        ns.semop(semid, [(0, 1, 0)])

    run_containers(clock, waiter("a"), waiter("b"), poster)
    assert woke == [("a", 2.0), ("b", 5.0)]
    assert ns.semctl(semid, 0, GETVAL) == 0


def test_semop_is_atomic_across_semaphores(clock: Clock, ns: IPCNamespace) -> None:
    semid = ns.semget(IPC_PRIVATE, 2, 0o600)
    ns.semctl(semid, 0, SETVAL, 1)
    # needs both; the second is 0, so nothing is taken
    assert err(lambda: ns.semop(semid, [(0, -1, IPC_NOWAIT), (1, -1, IPC_NOWAIT)])) == (
        "EAGAIN", "Resource temporarily unavailable")
    assert ns.semctl(semid, 0, GETALL) == [1, 0]
    ns.semctl(semid, 0, SETALL, [3, 2])
    ns.semop(semid, [(0, -2, 0), (1, -2, 0)])
    assert ns.semctl(semid, 0, GETALL) == [1, 0]


def test_wait_for_zero(clock: Clock, ns: IPCNamespace) -> None:
    semid = ns.semget(IPC_PRIVATE, 1, 0o600)
    ns.semctl(semid, 0, SETVAL, 2)

    def zero_waiter() -> float:
        ns.semop(semid, [(0, 0, 0)])
        return clock.elapsed()

    def drainer() -> None:
        clock.sleep(4)
        ns.semop(semid, [(0, -2, 0)])

    when, _ = run_containers(clock, zero_waiter, drainer)
    assert when == 4.0


def test_semtimedop_times_out_in_virtual_time(clock: Clock, ns: IPCNamespace) -> None:
    semid = ns.semget(IPC_PRIVATE, 1, 0o600)

    def waiter() -> tuple[str, float]:
        with pytest.raises(IPCError) as e:
            ns.semop(semid, [(0, -1, 0)], timeout=7.5)
        return e.value.code, clock.elapsed()

    assert run_containers(clock, waiter) == [("EAGAIN", 7.5)]


def test_removing_a_set_wakes_its_waiters_with_eidrm(clock: Clock, ns: IPCNamespace) -> None:
    semid = ns.semget(0x42, 1, IPC_CREAT | 0o600)

    def waiter() -> tuple[str, str, float]:
        with pytest.raises(IPCError) as e:
            ns.semop(semid, [(0, -1, 0)])
        return e.value.code, str(e.value), clock.elapsed()

    def remover() -> None:
        clock.sleep(3)
        ns.semctl(semid, 0, IPC_RMID)

    result, _ = run_containers(clock, waiter, remover)
    assert result == ("EIDRM", "Identifier removed", 3.0)
    assert err(lambda: ns.semget(0x42, 1, 0)) == ("ENOENT", "No such file or directory")


def test_semctl_value_limits(ns: IPCNamespace) -> None:
    semid = ns.semget(IPC_PRIVATE, 1, 0o600)
    assert err(lambda: ns.semctl(semid, 0, SETVAL, 32768)) == ("ERANGE", "Numerical result out of range")
    assert err(lambda: ns.semctl(semid, 1, GETVAL)) == ("EINVAL", "Invalid argument")
    assert ns.semctl(semid, 0, IPC_STAT).nsems == 1


# ------------------------------------------------------------------------ errors and permissions

ERROR_CASES: list[tuple[str, Callable[[IPCNamespace], Any], str, str]] = [
    ("shmget without IPC_CREAT", lambda n: n.shmget(0x99, 10, 0), "ENOENT", "No such file or directory"),
    ("shmget IPC_EXCL on an existing key",
     lambda n: n.shmget(0x10, 10, IPC_CREAT | IPC_EXCL | 0o600), "EEXIST", "File exists"),
    ("shmget bigger than the segment", lambda n: n.shmget(0x10, 4097, 0o600), "EINVAL", "Invalid argument"),
    ("shmget of size 0", lambda n: n.shmget(0x77, 0, IPC_CREAT | 0o600), "EINVAL", "Invalid argument"),
    ("shmget by another user", lambda n: n.shmget(0x10, 0, 0o600, creds=BOB), "EACCES", "Permission denied"),
    ("shmat by another user", lambda n: n.shmat(n.shmget(0x10, 0, 0), creds=BOB), "EACCES", "Permission denied"),
    ("shmat of a bad id", lambda n: n.shmat(12345), "EINVAL", "Invalid argument"),
    ("IPC_RMID by another user",
     lambda n: n.shmctl(n.shmget(0x11, 0, 0), IPC_RMID, creds=BOB), "EPERM", "Operation not permitted"),
    ("semget IPC_EXCL", lambda n: n.semget(0x20, 1, IPC_CREAT | IPC_EXCL), "EEXIST", "File exists"),
    ("semop by a reader", lambda n: n.semop(n.semget(0x21, 0, 0), [(0, 1, 0)], creds=BOB), "EACCES", "Permission denied"),
    ("semop on a missing semaphore", lambda n: n.semop(n.semget(0x20, 0, 0), [(3, 1, 0)]), "EFBIG", "File too large"),
    ("shm_open of a missing name", lambda n: n.shm_open("/nope"), "ENOENT", "No such file or directory"),
    ("shm_open without a slash", lambda n: n.shm_open("nope", create=True), "EINVAL", "Invalid argument"),
    ("shm_open O_EXCL", lambda n: n.shm_open("/data", create=True, exclusive=True), "EEXIST", "File exists"),
    ("shm_open by another user", lambda n: n.shm_open("/data", creds=BOB), "EACCES", "Permission denied"),
    ("shm_unlink by another user (sticky /dev/shm)", lambda n: n.shm_unlink("/data", creds=BOB), "EPERM",
     "Operation not permitted"),
    ("sem_open of a missing name", lambda n: n.sem_open("/nope"), "ENOENT", "No such file or directory"),
]


@pytest.mark.parametrize(("what", "call", "code", "message"), ERROR_CASES, ids=[c[0] for c in ERROR_CASES])
def test_errors_are_linux_errors(ns: IPCNamespace, what: str, call: Callable[[IPCNamespace], Any], code: str,
                                 message: str) -> None:
    ns.shmget(0x10, 4096, IPC_CREAT | 0o600, creds=ALICE)
    ns.shmget(0x11, 16, IPC_CREAT | 0o666, creds=ALICE)
    ns.semget(0x20, 1, IPC_CREAT | 0o600)
    ns.semget(0x21, 1, IPC_CREAT | 0o644, creds=ALICE)
    ns.shm_open("/data", create=True, mode=0o600, creds=ALICE)
    got = err(lambda: call(ns))
    assert got == (code, message)


def test_permissions_by_group_and_mode(ns: IPCNamespace) -> None:
    shmid = ns.shmget(0x30, 64, IPC_CREAT | 0o640, creds=ALICE)
    same_group = Credentials(uid=3000, gid=1000)
    view = ns.shmat(shmid, SHM_RDONLY, creds=same_group)  # group may read
    assert err(lambda: ns.shmat(shmid, creds=same_group)) == ("EACCES", "Permission denied")  # but not write
    with pytest.raises(TypeError):
        view[0] = 1  # a read-only attachment
    ns.shmdt(view)
    # a container's root has no CAP_IPC_OWNER: mode bits apply to it too
    assert err(lambda: ns.shmat(shmid, creds=Credentials(uid=0))) == ("EACCES", "Permission denied")
    ns.shmdt(ns.shmat(shmid, creds=Credentials(uid=0, capabilities=frozenset({"IPC_OWNER"}))))


def test_detached_segment_cannot_be_touched_and_rmid_waits_for_last_detach(ns: IPCNamespace) -> None:
    shmid = ns.shmget(0x40, 8, IPC_CREAT | 0o600)
    a, b = ns.shmat(shmid), ns.shmat(shmid)
    a[0:2] = b"hi"
    assert bytes(b[0:2]) == b"hi"  # one segment, shared by reference
    ns.shmctl(shmid, IPC_RMID)
    seg = ns.shmctl(shmid, IPC_STAT)
    assert (seg.key, seg.status, seg.nattch) == (0, "dest", 2)
    ns.shmdt(a)
    with pytest.raises(ValueError):
        a[0]  # noqa: B018 - touching a detached segment
    assert err(lambda: ns.shmdt(a)) == ("EINVAL", "Invalid argument")
    ns.shmdt(b)
    assert ns.shm_segments() == []
    assert err(lambda: ns.shmat(shmid)) == ("EINVAL", "Invalid argument")


def test_ids_are_numbered_as_linux_numbers_them(ns: IPCNamespace) -> None:
    assert [ns.shmget(IPC_PRIVATE, 1, 0o600) for _ in range(3)] == [0, 1, 2]
    ns.shmctl(1, IPC_RMID)
    assert ns.shmget(IPC_PRIVATE, 1, 0o600) == 3  # the index keeps cycling forward
    for i in range(4):
        if i != 1:
            ns.shmctl(i, IPC_RMID)
    ids = []
    for _ in range(61):
        i = ns.shmget(IPC_PRIVATE, 1, 0o600)
        ids.append(i)
        ns.shmctl(i, IPC_RMID)
    assert ids[0] == 4 and ids[59] == 63
    assert ids[60] == 32768  # wrapped: sequence number 1, index 0
    assert ns.semget(IPC_PRIVATE, 1, 0o600) == 0  # semaphores have their own id space


# ------------------------------------------------------------------------ namespaces


def test_nothing_crosses_namespaces(clock: Clock) -> None:
    a, b = IPCNamespace(clock), IPCNamespace(clock)
    a.shmget(0x1234, 16, IPC_CREAT | 0o600)
    a.semget(0x1234, 1, IPC_CREAT | 0o600)
    a.shm_open("/cache", create=True)
    a.sem_open("/lock", create=True, value=1)
    assert err(lambda: b.shmget(0x1234, 16, 0)) == ("ENOENT", "No such file or directory")
    assert err(lambda: b.semget(0x1234, 1, 0)) == ("ENOENT", "No such file or directory")
    assert err(lambda: b.shm_open("/cache")) == ("ENOENT", "No such file or directory")
    assert err(lambda: b.sem_open("/lock")) == ("ENOENT", "No such file or directory")
    # the same key in b is a different segment, with its own id space
    assert b.shmget(0x1234, 16, IPC_CREAT | 0o600) == 0
    assert b.dev_shm_tree() is not a.dev_shm_tree()


def test_host_ipc_pods_share_the_node_namespace(clock: Clock) -> None:
    node = IPCRegistry(clock, "node-1")
    web = node.for_pod("uid-web")
    db = node.for_pod("uid-db")
    h1 = node.for_pod("uid-h1", host_ipc=True)
    h2 = node.for_pod("uid-h2", host_ipc=True)
    assert web is node.for_pod("uid-web") and web is not db
    assert h1 is h2 is node.host
    h1.shmget(0x5, 32, IPC_CREAT | 0o666)
    assert h2.shmget(0x5, 32, 0) == 0  # another hostIPC pod sees it
    assert err(lambda: web.shmget(0x5, 32, 0))[0] == "ENOENT"  # an ordinary pod does not
    node.release("uid-h1")
    assert node.host.shm_segments() != []  # releasing a hostIPC pod frees nothing of the host
    web.shmget(0x6, 8, IPC_CREAT | 0o600)
    node.release("uid-web")
    assert web.closed and web.usage()["shm_segments"] == 0
    assert node.for_pod("uid-web") is not web


# ------------------------------------------------------------------------ POSIX


def container_view(clock: Clock, ns: IPCNamespace, creds: Credentials = ROOT) -> MountNamespace:
    """A container's filesystem with the pod's /dev/shm mounted, as the runtime sets it up."""
    mnt = MountNamespace(FileSystem(clock.now), creds=creds)
    mnt.mount("/dev/shm", ns.dev_shm_tree())
    return mnt


def test_posix_shm_is_a_file_in_dev_shm_of_every_container(clock: Clock, ns: IPCNamespace) -> None:
    c1, c2 = container_view(clock, ns), container_view(clock, ns)

    def producer() -> None:
        obj = ns.shm_open("/frames", create=True, mode=0o644)
        obj.ftruncate(16)
        m = obj.mmap()
        m[0:6] = b"frame1"
        clock.sleep(2)
        m[0:6] = b"frame2"

    def consumer() -> list[bytes]:
        clock.sleep(1)
        m = ns.shm_open("/frames", readonly=True).mmap(writable=False)
        seen = [bytes(m[0:6])]
        clock.sleep(2)
        seen.append(m.read(0, 6))
        return seen

    _, seen = run_containers(clock, producer, consumer)
    assert seen == [b"frame1", b"frame2"]
    assert c2.listdir("/dev/shm") == ["frames"]
    assert c1.read_bytes("/dev/shm/frames") == b"frame2" + bytes(10)
    st = c2.stat("/dev/shm/frames")
    assert (oct(st.mode & 0o777), st.size) == ("0o644", 16)
    # a file written by a shell is a shared memory object too
    c1.write_text("/dev/shm/note", "hi")
    assert bytes(ns.shm_open("/note").mmap()) == b"hi"
    ns.shm_unlink("/frames")
    assert c2.listdir("/dev/shm") == ["note"]


def test_named_semaphore_wait_post_and_timeout(clock: Clock, ns: IPCNamespace) -> None:
    view = container_view(clock, ns)
    sem = ns.sem_open("/ready", create=True, mode=0o600, value=0)
    assert view.listdir("/dev/shm") == ["sem.ready"]
    assert err(sem.trywait) == ("EAGAIN", "Resource temporarily unavailable")

    def waiter() -> list[Any]:
        s = ns.sem_open("/ready")
        out: list[Any] = []
        try:
            s.wait(timeout=2)
        except IPCError as e:
            out.append((e.code, str(e), clock.elapsed()))
        s.wait()
        out.append(("ok", clock.elapsed()))
        return out

    def poster() -> None:
        clock.sleep(6)
        ns.sem_open("/ready").post()

    out, _ = run_containers(clock, waiter, poster)
    assert out == [("ETIMEDOUT", "Connection timed out", 2.0), ("ok", 6.0)]
    assert sem.value == 0
    ns.sem_unlink("/ready")
    assert view.listdir("/dev/shm") == []
    sem.post()  # still usable by whoever had it open
    assert sem.value == 1


def test_dev_shm_is_a_64mi_tmpfs(ns: IPCNamespace) -> None:
    obj = ns.shm_open("/big", create=True)
    assert err(lambda: obj.ftruncate(65 * 1024 * 1024)) == ("ENOSPC", "No space left on device")
    obj.ftruncate(1024)
    assert ns.usage()["dev_shm_bytes"] == 1024


# ------------------------------------------------------------------------ processes


def process(clock: Clock, ns: IPCNamespace | None, argv: list[str], table: ProcessTable | None = None,
            creds: Credentials = ROOT) -> tuple[Process, OutputBuffer, OutputBuffer]:
    root = FileSystem(clock.now)
    root.add_file("/etc/passwd", "root:x:0:0:root:/root:/bin/sh\nnobody:x:65534:65534:nobody:/home:/bin/false\n"
                  "averyveryverylongname:x:1000:1000::/home:/bin/sh\n")
    out, errs = OutputBuffer(), OutputBuffer()
    p = Process(table if table is not None else ProcessTable(clock), argv, fs=MountNamespace(root), stdout=out, stderr=errs, creds=creds)
    if ns is not None:
        p.ipc = ns  # type: ignore[attr-defined]
    return p, out, errs


def test_a_caught_signal_interrupts_sem_wait_and_kill_ends_it(clock: Clock, ns: IPCNamespace) -> None:
    table = ProcessTable(clock)
    process(clock, None, ["init"], table)  # pid 1
    p, _, _ = process(clock, ns, ["waiter"], table)
    got: list[Any] = []

    def prog(proc: Process) -> int:
        proc.set_handler(Signal.SIGUSR1, "catch")
        sem = ns.sem_open("/s", create=True)
        try:
            sem.wait()
        except IPCError as e:
            got.append((e.code, str(e), clock.elapsed()))
        got.append(proc.take_signals())  # the handler runs
        sem.wait()
        return 0

    clock.call_later(3, table.kill, p.pid, Signal.SIGUSR1)
    clock.call_later(10, table.kill, p.pid, Signal.SIGKILL)
    assert p.run(prog) == 137
    assert got == [("EINTR", "Interrupted system call", 3.0), [Signal.SIGUSR1]]
    assert clock.elapsed() == 10


IPCS_EMPTY = (
    "\n"
    "------ Message Queues --------\n"
    "key        msqid      owner      perms      used-bytes   messages    \n"
    "\n"
    "------ Shared Memory Segments --------\n"
    "key        shmid      owner      perms      bytes      nattch     status      \n"
    "\n"
    "------ Semaphore Arrays --------\n"
    "key        semid      owner      perms      nsems     \n"
    "\n"
)


def test_ipcs_prints_busybox_format(clock: Clock, ns: IPCNamespace) -> None:
    p, out, _ = process(clock, ns, ["ipcs"])
    assert p.run(ipcs) == 0
    assert out.getvalue() == IPCS_EMPTY

    ns.shmget(0x162E, 1024, IPC_CREAT | 0o644)
    s2 = ns.shmget(IPC_PRIVATE, 65536, 0o600, creds=ALICE)
    ns.shmget(0xABC, 8, IPC_CREAT | 0o600, creds=Credentials(uid=4242))
    ns.shmat(s2, creds=ALICE)
    ns.shmctl(s2, IPC_RMID, creds=ALICE)
    ns.semget(0x2A, 3, IPC_CREAT | 0o666)
    ns.semget(0x2B, 1, IPC_CREAT | 0o600, creds=Credentials(uid=4242))
    p, out, _ = process(clock, ns, ["ipcs", "-m", "-s"])
    assert p.run(ipcs) == 0
    assert out.getvalue() == (
        "\n"
        "------ Shared Memory Segments --------\n"
        "key        shmid      owner      perms      bytes      nattch     status      \n"
        "0x0000162e 0          root       644        1024       0                       \n"
        "0x00000000 1          averyveryv 600        65536      1          dest         \n"
        "0x00000abc 2          4242       600        8          0                       \n"
        "\n"
        "------ Semaphore Arrays --------\n"
        "key        semid      owner      perms      nsems     \n"
        "0x0000002a 0          root       666        3         \n"
        "0x0000002b 1          4242      600        1         \n"
        "\n"
    )


def test_ipcs_without_namespace_and_bad_option(clock: Clock) -> None:
    p, out, _ = process(clock, None, ["ipcs", "-m"])
    assert p.run(ipcs) == 0
    assert out.getvalue() == "\nkernel not configured for shared memory\n\n"
    p, _, errs = process(clock, IPCNamespace(clock), ["ipcs", "-x"])
    assert p.run(ipcs) == 1
    assert errs.getvalue().startswith("ipcs: invalid option -- 'x'\n")


def test_child_process_finds_the_namespace_of_its_parent(clock: Clock, ns: IPCNamespace) -> None:
    ns.semget(0x7, 1, IPC_CREAT | 0o600)
    parent, out, _ = process(clock, ns, ["sh"])

    def sh(proc: Process) -> int:
        return proc.run_child(proc.child(["ipcs", "-s"]), ipcs)

    assert parent.run(sh) == 0
    assert "0x00000007 0          root       600        1         \n" in out.getvalue()


ROOT_ADMIN = Credentials(uid=0, capabilities=frozenset({"SYS_ADMIN"}))


@pytest.mark.parametrize(
    ("argv", "creds", "code", "stderr", "left"),
    [
        (["ipcrm", "-m", "0"], ALICE, 0, "", [1]),
        (["ipcrm", "-M", "0x162e"], ALICE, 0, "", [1]),
        (["ipcrm", "-m", "0", "-m", "1"], ROOT_ADMIN, 0, "", []),
        (["ipcrm", "-m", "7"], ALICE, 1, "ipcrm: invalid id (7)\n", [0, 1]),
        (["ipcrm", "-M", "0x99"], ALICE, 1, "ipcrm: invalid key (0x99)\n", [0, 1]),
        (["ipcrm", "-M", "0"], ALICE, 1, "ipcrm: illegal key (0)\n", [0, 1]),
        (["ipcrm", "-m", "1", "-m", "0"], ALICE, 1, "ipcrm: permission denied for id (1)\n", [1]),
    ],
)
def test_ipcrm(clock: Clock, ns: IPCNamespace, argv: list[str], creds: Credentials, code: int, stderr: str,
               left: list[int]) -> None:
    ns.shmget(0x162E, 16, IPC_CREAT | 0o600, creds=ALICE)
    ns.shmget(0x162F, 16, IPC_CREAT | 0o600, creds=BOB)
    p, _, errs = process(clock, ns, argv, creds=creds)
    assert p.run(ipcrm) == code
    assert errs.getvalue() == stderr
    assert [s.id for s in ns.shm_segments()] == left


def test_ipcrm_removes_semaphores(clock: Clock, ns: IPCNamespace) -> None:
    ns.semget(0x2A, 1, IPC_CREAT | 0o600)
    ns.semget(0x2B, 1, IPC_CREAT | 0o600)
    p, _, errs = process(clock, ns, ["ipcrm", "-s", "0", "-S", "0x2b"])
    assert p.run(ipcrm) == 0 and errs.getvalue() == ""
    assert ns.sem_sets() == []


# ------------------------------------------------------------------------ teardown


def test_close_frees_everything_and_wakes_waiters(clock: Clock, ns: IPCNamespace) -> None:
    shmid = ns.shmget(0x1, 4096, IPC_CREAT | 0o600)
    view = ns.shmat(shmid)
    semid = ns.semget(0x1, 1, IPC_CREAT | 0o600)
    obj = ns.shm_open("/x", create=True)
    obj.ftruncate(100)
    ns.sem_open("/y", create=True)
    mnt = container_view(clock, ns)

    def waiter() -> str:
        with pytest.raises(IPCError) as e:
            ns.semop(semid, [(0, -1, 0)])
        return e.value.code

    def teardown() -> None:
        clock.sleep(1)
        ns.close()

    code, _ = run_containers(clock, waiter, teardown)
    assert code == "EIDRM"
    assert ns.usage() == {"shm_segments": 0, "shm_bytes": 0, "sem_sets": 0, "dev_shm_bytes": 0, "dev_shm_files": 0}
    assert mnt.listdir("/dev/shm") == []
    with pytest.raises(ValueError):
        view[0]  # noqa: B018
    assert err(lambda: ns.shmget(0x1, 1, IPC_CREAT))[0] == "EIDRM"
    assert ns.ipcs(msg=False, sem=False).count("\n") == 4  # blank, title, header, blank
