# ruff: noqa: UP031  (ipcs output uses busybox's own printf formats, kept verbatim)
"""An IPC namespace: System V shared memory and semaphores, POSIX shared memory and semaphores.

One :class:`IPCNamespace` per pod (all its containers share it); a ``hostIPC: true`` pod uses
its node's namespace instead. Nothing crosses namespaces: a key or a name means something only
inside one.

* **System V** (keyed by a number): :meth:`~IPCNamespace.shmget`/:meth:`~IPCNamespace.shmat`/
  :meth:`~IPCNamespace.shmdt`/:meth:`~IPCNamespace.shmctl` and :meth:`~IPCNamespace.semget`/
  :meth:`~IPCNamespace.semop`/:meth:`~IPCNamespace.semctl`. Ids are numbered as Linux numbers
  them (``0, 1, 2, ...``; after 64 the index cycles and the sequence number, ``id // 32768``,
  grows). ``ipcs`` lists them (:meth:`~IPCNamespace.ipcs`, busybox's format).
* **POSIX** (named ``/name``): :meth:`~IPCNamespace.shm_open` and :meth:`~IPCNamespace.sem_open`
  are files in the namespace's ``/dev/shm`` tmpfs (:meth:`~IPCNamespace.dev_shm_tree`), as glibc
  makes them (``/dev/shm/name``, ``/dev/shm/sem.name``), so ``ls /dev/shm`` in any container of the
  pod shows them.

Every blocking call (``semop``, ``sem_wait``) parks through the cluster's clock, so it waits in
*virtual* time; from a :class:`~sandbox.runtime.process.Process` it is interrupted by a caught
signal (``EINTR``) and by ``SIGKILL``. Errors are :class:`IPCError` (an ``OSError``) with Linux's
errno and words. Credentials (uid/gid/capabilities) come from the ``creds`` argument, else from
the process running on the calling thread, else root.
"""

from __future__ import annotations

import errno as _errno
import math
import threading
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from sandbox.clock import Clock, WaitQueue
from sandbox.runtime.filesystem import ROOT, Credentials, FileSystem, FSError, Inode

__all__ = [
    "IPC_PRIVATE",
    "IPC_CREAT",
    "IPC_EXCL",
    "IPC_NOWAIT",
    "IPC_RMID",
    "IPC_SET",
    "IPC_STAT",
    "SHM_RDONLY",
    "GETPID",
    "GETVAL",
    "GETALL",
    "GETNCNT",
    "GETZCNT",
    "SETVAL",
    "SETALL",
    "SEM_UNDO",
    "SEMVMX",
    "SHMMAX",
    "IPCError",
    "ShmSegment",
    "SemaphoreSet",
    "ShmObject",
    "Mapping",
    "NamedSemaphore",
    "IPCNamespace",
]

IPC_PRIVATE = 0
IPC_CREAT = 0o1000
IPC_EXCL = 0o2000
IPC_NOWAIT = 0o4000
IPC_RMID = 0
IPC_SET = 1
IPC_STAT = 2
SHM_RDONLY = 0o10000
GETPID = 11
GETVAL = 12
GETALL = 13
GETNCNT = 14
GETZCNT = 15
SETVAL = 16
SETALL = 17
SEM_UNDO = 0x1000

#: Linux limits (``/proc/sys/kernel/shmmax``, ``sem``).
SHMMAX = 2**63 - 1
SEMMSL = 32000
SEMVMX = 32767
SEMOPM = 500
NAME_MAX = 255
_SHM_DEST = 0o1000  # the "dest" status bit ipcs shows
_SEQ_MULTIPLIER = 32768
_MIN_CYCLE = 64

MESSAGES: dict[int, str] = {
    _errno.ENOENT: "No such file or directory",
    _errno.EEXIST: "File exists",
    _errno.EACCES: "Permission denied",
    _errno.EPERM: "Operation not permitted",
    _errno.EINVAL: "Invalid argument",
    _errno.EAGAIN: "Resource temporarily unavailable",
    _errno.EIDRM: "Identifier removed",
    _errno.EINTR: "Interrupted system call",
    _errno.ETIMEDOUT: "Connection timed out",
    _errno.ERANGE: "Numerical result out of range",
    _errno.EFBIG: "File too large",
    _errno.ENAMETOOLONG: "File name too long",
    _errno.ENOSPC: "No space left on device",
    _errno.EOVERFLOW: "Value too large for defined data type",
    _errno.E2BIG: "Argument list too long",
    _errno.EBADF: "Bad file descriptor",
}


class IPCError(FSError):
    """An IPC call failed: ``e.errno``, ``e.code`` (``"EEXIST"``) and ``str(e)`` (``File exists``)."""

    def __init__(self, err: int, filename: str | None = None) -> None:
        OSError.__init__(self, err, MESSAGES.get(err, _errno.errorcode.get(err, "Error")), filename)
        self.code = _errno.errorcode.get(err, str(err))


# ---------------------------------------------------------------------------------------------
# helpers


def _current_creds(creds: Credentials | None) -> Credentials:
    if creds is not None:
        return creds
    from sandbox.runtime.process import current_process

    proc = current_process()
    return proc.creds if proc is not None else ROOT


def _allowed(creds: Credentials, uid: int, gid: int, mode: int, want: int) -> bool:
    """``ipcperms``: ``want`` is a 3-bit rwx request checked against owner/group/other bits."""
    if creds.uid == uid:
        granted = mode >> 6
    elif creds.in_group(gid):
        granted = mode >> 3
    else:
        granted = mode
    if want & ~granted & 0o7 == 0:
        return True
    return creds.has("IPC_OWNER")


class _Changed:
    """Wakes whoever waits on an IPC object: clock waiters and blocked processes."""

    def __init__(self, clock: Clock, what: str) -> None:
        from sandbox.runtime.process import Notifier

        self.queue = WaitQueue(clock, what)
        self.notifier = Notifier()

    def notify(self) -> None:
        self.queue.notify_all()
        self.notifier.notify()


def _block(clock: Clock, changed: _Changed, ready: Callable[[], bool], timeout: float | None) -> bool:
    """Wait until ``ready()``; ``False`` on timeout. ``EINTR`` if a caught signal arrives."""
    from sandbox.runtime.process import current_process

    proc = current_process()
    if proc is not None:
        ok = proc.wait_for(ready, timeout, notifiers=[changed.notifier])
        if not ok and proc.signal_pending():
            raise IPCError(_errno.EINTR)
        return ok
    deadline = None if timeout is None or math.isinf(timeout) else clock.now() + max(0.0, timeout)
    while not ready():
        remaining = None
        if deadline is not None:
            remaining = deadline - clock.now()
            if remaining <= 0:
                return False
        changed.queue.wait(remaining, satisfied=ready)
    return True


class _IdSpace:
    """Linux's id allocation for one kind of System V object (``ipc_idr_alloc``)."""

    def __init__(self) -> None:
        self.objects: dict[int, Any] = {}  # idx -> object
        self.seq = 0
        self.last_idx = -1
        self.next_idx = 0

    def add(self, obj: Any) -> int:
        max_idx = max(len(self.objects) * 3 // 2, _MIN_CYCLE)
        idx = None
        for i in list(range(self.next_idx, max_idx)) + list(range(0, min(self.next_idx, max_idx))):
            if i not in self.objects:
                idx = i
                break
        if idx is None:
            raise IPCError(_errno.ENOSPC)
        if idx <= self.last_idx:
            self.seq += 1
        self.last_idx = idx
        self.next_idx = idx + 1
        self.objects[idx] = obj
        return self.seq * _SEQ_MULTIPLIER + idx

    def get(self, ident: int) -> Any:
        if ident < 0:
            raise IPCError(_errno.EINVAL)
        obj = self.objects.get(ident % _SEQ_MULTIPLIER)
        if obj is None or obj.id != ident:
            raise IPCError(_errno.EINVAL)
        return obj

    def remove(self, obj: Any) -> None:
        self.objects.pop(obj.id % _SEQ_MULTIPLIER, None)

    def by_key(self, key: int) -> Any | None:
        if key == IPC_PRIVATE:
            return None
        for obj in self.objects.values():
            if obj.key == key:
                return obj
        return None

    def sorted(self) -> list[Any]:
        return [self.objects[i] for i in sorted(self.objects)]


@dataclass
class _Perm:
    key: int
    id: int
    uid: int
    gid: int
    cuid: int
    cgid: int
    mode: int


# ---------------------------------------------------------------------------------------------
# System V shared memory


@dataclass(eq=False)
class ShmSegment:
    """A System V shared memory segment (``struct shmid_ds``)."""

    key: int
    id: int
    uid: int
    gid: int
    cuid: int
    cgid: int
    mode: int
    size: int
    data: bytearray
    ctime: float
    cpid: int = 0
    lpid: int = 0
    nattch: int = 0
    atime: float = 0.0
    dtime: float = 0.0
    removed: bool = False
    views: list[memoryview] = field(default_factory=list)

    @property
    def status(self) -> str:
        """``dest`` once marked for removal while still attached (what ``ipcs`` prints)."""
        return "dest" if self.mode & _SHM_DEST else ""


@dataclass(eq=False)
class SemaphoreSet:
    """A System V semaphore set (``struct semid_ds`` and its ``struct sem`` values)."""

    key: int
    id: int
    uid: int
    gid: int
    cuid: int
    cgid: int
    mode: int
    values: list[int]
    pids: list[int]
    ctime: float
    otime: float = 0.0
    removed: bool = False
    ncount: list[int] = field(default_factory=list)
    zcount: list[int] = field(default_factory=list)
    changed: _Changed | None = None

    @property
    def nsems(self) -> int:
        return len(self.values)


# ---------------------------------------------------------------------------------------------
# POSIX objects


class Mapping:
    """``mmap`` of a POSIX shared memory object: bytes shared by reference with every mapper.

    Indexing and slicing read and write the object's current bytes (``m[0:5] = b"hello"``,
    ``bytes(m)``); it covers ``length`` bytes from the start, like ``mmap(NULL, length, ...)``.
    """

    def __init__(self, obj: ShmObject, length: int, writable: bool) -> None:
        self._obj = obj
        self.length = length
        self.writable = writable
        self.closed = False

    def _data(self) -> bytearray:
        if self.closed:
            raise ValueError("mmap closed or invalid")
        data = self._obj._node.data
        assert data is not None
        return data

    def __len__(self) -> int:
        return self.length

    def _range(self, key: int | slice) -> tuple[int, int, bool]:
        if isinstance(key, slice):
            start, stop, step = key.indices(self.length)
            if step != 1:
                raise ValueError("mmap slices must be contiguous")
            return start, max(start, stop), True
        i = key + self.length if key < 0 else key
        if not 0 <= i < self.length:
            raise IndexError("mmap index out of range")
        return i, i + 1, False

    def __getitem__(self, key: int | slice) -> Any:
        start, stop, is_slice = self._range(key)
        data = self._data()
        if stop > len(data):  # past the end of the object: SIGBUS on Linux
            raise IPCError(_errno.EFBIG, self._obj.name)
        chunk = bytes(data[start:stop])
        return chunk if is_slice else chunk[0]

    def __setitem__(self, key: int | slice, value: Any) -> None:
        if not self.writable:
            raise TypeError("mmap can't modify a readonly memory map.")
        start, stop, is_slice = self._range(key)
        b = bytes(value) if is_slice else bytes([value])
        if len(b) != stop - start:
            raise IndexError("mmap slice assignment is wrong size")
        data = self._data()
        if stop > len(data):
            raise IPCError(_errno.EFBIG, self._obj.name)
        data[start:stop] = b

    def __bytes__(self) -> bytes:
        return self[0 : self.length]  # type: ignore[no-any-return]

    def read(self, offset: int = 0, n: int = -1) -> bytes:
        """``n`` bytes from ``offset`` (to the end if ``n < 0``)."""
        end = self.length if n < 0 else min(self.length, offset + n)
        return self[offset:end]  # type: ignore[no-any-return]

    def write(self, offset: int, data: bytes) -> int:
        self[offset : offset + len(data)] = data
        return len(data)

    def close(self) -> None:
        """``munmap``."""
        self.closed = True


class ShmObject:
    """An open POSIX shared memory object (the fd ``shm_open`` returns)."""

    def __init__(self, ns: IPCNamespace, name: str, node: Inode, writable: bool) -> None:
        self.ns = ns
        self.name = name
        self._node = node
        self.writable = writable
        self.closed = False

    @property
    def size(self) -> int:
        """``fstat(fd).st_size``."""
        return len(self._node.data or b"")

    def ftruncate(self, length: int) -> None:
        """Set the size (new bytes are zeros), as ``ftruncate(fd, length)``."""
        if self.closed:
            raise IPCError(_errno.EBADF)
        if length < 0:
            raise IPCError(_errno.EINVAL)
        if not self.writable:
            raise IPCError(_errno.EINVAL)
        data = self._node.data
        assert data is not None
        fs = self.ns._dev_shm
        try:  # our tmpfs is not sparse: its size limit applies at ftruncate
            fs._grow(length - len(data), "/dev/shm/" + self.name.lstrip("/"))
        except FSError as e:
            raise IPCError(e.errno, self.name) from None
        if length < len(data):
            del data[length:]
        else:
            data.extend(bytes(length - len(data)))
        self._node.mtime = self.ns.clock.now()

    def mmap(self, length: int | None = None, *, writable: bool = True) -> Mapping:
        """Map ``length`` bytes (the whole object by default) shared with every other mapper."""
        if self.closed:
            raise IPCError(_errno.EBADF)
        length = self.size if length is None else length
        if length <= 0:
            raise IPCError(_errno.EINVAL)
        if writable and not self.writable:
            raise IPCError(_errno.EACCES)
        return Mapping(self, length, writable)

    def close(self) -> None:
        self.closed = True


class NamedSemaphore:
    """An open POSIX named semaphore (``sem_t *`` from ``sem_open``)."""

    def __init__(self, ns: IPCNamespace, name: str, node: Inode) -> None:
        self.ns = ns
        self.name = name
        self._node = node
        self.closed = False

    @property
    def _state(self) -> list[Any]:
        return self.ns._named_sems[self._node]

    @property
    def value(self) -> int:
        """``sem_getvalue``."""
        return int(self._state[0])

    def post(self) -> None:
        """``sem_post``: add one and wake a waiter."""
        self._check()
        with self.ns._lock:
            if self._state[0] >= SEMVMX:
                raise IPCError(_errno.EOVERFLOW)
            self._state[0] += 1
        self._state[1].notify()

    def trywait(self) -> None:
        """``sem_trywait``: take one now or fail with ``EAGAIN``."""
        self._check()
        if not self._take():
            raise IPCError(_errno.EAGAIN)

    def wait(self, timeout: float | None = None) -> None:
        """``sem_wait`` (``timeout=None``) or ``sem_timedwait``: ``ETIMEDOUT`` when it runs out."""
        self._check()
        state = self._state
        while not self._take():
            if not _block(self.ns.clock, state[1], lambda: state[0] > 0, timeout):
                raise IPCError(_errno.ETIMEDOUT)

    def _take(self) -> bool:
        with self.ns._lock:
            if self._state[0] > 0:
                self._state[0] -= 1
                return True
            return False

    def _check(self) -> None:
        if self.closed:
            raise IPCError(_errno.EINVAL)

    def close(self) -> None:
        """``sem_close``."""
        self.closed = True


# ---------------------------------------------------------------------------------------------
# the namespace


class IPCNamespace:
    """One IPC namespace (a pod's, or a node's for ``hostIPC`` pods).

    Args:
        clock: the cluster's clock; blocking calls wait on it.
        name: for messages (``"default/web"``, ``"host:node-1"``).
        shm_size: bytes the ``/dev/shm`` tmpfs may hold (Docker's and containerd's default 64 MiB).
    """

    def __init__(self, clock: Clock, *, name: str = "", shm_size: int = 64 * 1024 * 1024) -> None:
        self.clock = clock
        self.name = name
        self._lock = threading.RLock()
        self._shm = _IdSpace()
        self._sem = _IdSpace()
        self._views: dict[int, tuple[memoryview, ShmSegment]] = {}
        self._dev_shm = FileSystem(clock.now, size_limit=shm_size, enforce_limit=True, name="shm", root_mode=0o1777)
        self._named_sems: dict[Inode, list[Any]] = {}
        self.closed = False

    # ------------------------------------------------------------------ System V shared memory

    def shmget(self, key: int, size: int, flags: int = 0, *, creds: Credentials | None = None,
               pid: int = 0) -> int:
        """``shmget(2)``: the id of the segment for ``key``, made if ``IPC_CREAT`` (or ``IPC_PRIVATE``)."""
        creds = _current_creds(creds)
        with self._lock:
            self._check_open()
            seg = self._shm.by_key(key)
            if seg is not None:
                if flags & IPC_CREAT and flags & IPC_EXCL:
                    raise IPCError(_errno.EEXIST)
                if size > seg.size:
                    raise IPCError(_errno.EINVAL)
                if not _allowed(creds, seg.uid, seg.gid, seg.mode, self._want(flags)):
                    raise IPCError(_errno.EACCES)
                return seg.id
            if key != IPC_PRIVATE and not flags & IPC_CREAT:
                raise IPCError(_errno.ENOENT)
            if size < 1 or size > SHMMAX:
                raise IPCError(_errno.EINVAL)
            seg = ShmSegment(key, -1, creds.uid, creds.gid, creds.uid, creds.gid, flags & 0o777, size,
                             bytearray(size), self.clock.now(), cpid=pid)
            seg.id = self._shm.add(seg)
            return seg.id

    @staticmethod
    def _want(flags: int) -> int:
        """The rwx request ``ipcperms`` checks for a ``get`` (``flags & 0777`` folded to 3 bits)."""
        m = flags & 0o777
        return (m >> 6 | m >> 3 | m) & 0o7

    def shmat(self, shmid: int, flags: int = 0, *, creds: Credentials | None = None, pid: int = 0) -> memoryview:
        """``shmat(2)``: the segment's bytes, shared by reference (read-only with ``SHM_RDONLY``).

        The view has the segment's fixed size; after :meth:`shmdt` any access raises ``ValueError``
        (where a C program would get ``SIGSEGV``).
        """
        creds = _current_creds(creds)
        with self._lock:
            self._check_open()
            seg = self._shm.get(shmid)
            want = 0o4 if flags & SHM_RDONLY else 0o6
            if not _allowed(creds, seg.uid, seg.gid, seg.mode, want):
                raise IPCError(_errno.EACCES)
            if seg.removed:
                raise IPCError(_errno.EIDRM)
            view = memoryview(seg.data)
            if flags & SHM_RDONLY:
                view = view.toreadonly()
            seg.views.append(view)
            seg.nattch += 1
            seg.atime = self.clock.now()
            seg.lpid = pid
            self._views[id(view)] = (view, seg)
            return view

    def shmdt(self, view: memoryview, *, pid: int = 0) -> None:
        """``shmdt(2)``: detach; a segment marked for removal goes when its last user detaches."""
        with self._lock:
            entry = self._views.pop(id(view), None)
            if entry is None or entry[0] is not view:
                raise IPCError(_errno.EINVAL)
            seg = entry[1]
            seg.views.remove(view)
            view.release()
            seg.nattch -= 1
            seg.dtime = self.clock.now()
            seg.lpid = pid
            if seg.removed and seg.nattch == 0:
                self._shm.remove(seg)

    def shmctl(self, shmid: int, cmd: int, *, creds: Credentials | None = None) -> ShmSegment | None:
        """``shmctl(2)``: ``IPC_STAT`` (returns the segment's description) or ``IPC_RMID``."""
        creds = _current_creds(creds)
        with self._lock:
            self._check_open()
            seg = self._shm.get(shmid)
            if cmd == IPC_STAT:
                if not _allowed(creds, seg.uid, seg.gid, seg.mode, 0o4):
                    raise IPCError(_errno.EACCES)
                return seg
            if cmd == IPC_RMID:
                self._check_owner(creds, seg)
                if seg.nattch == 0:
                    self._shm.remove(seg)
                else:
                    seg.removed = True
                    seg.mode |= _SHM_DEST
                    seg.key = IPC_PRIVATE
                seg.ctime = self.clock.now()
                return None
            raise IPCError(_errno.EINVAL)

    @staticmethod
    def _check_owner(creds: Credentials, obj: Any) -> None:
        if creds.uid not in (obj.uid, obj.cuid) and not creds.has("SYS_ADMIN"):
            raise IPCError(_errno.EPERM)

    def shm_segments(self) -> list[ShmSegment]:
        """The segments, in id order (what ``ipcs -m`` lists)."""
        with self._lock:
            return self._shm.sorted()

    # ------------------------------------------------------------------ System V semaphores

    def semget(self, key: int, nsems: int, flags: int = 0, *, creds: Credentials | None = None) -> int:
        """``semget(2)``: the id of the set for ``key`` (made with ``nsems`` zeros if ``IPC_CREAT``)."""
        creds = _current_creds(creds)
        with self._lock:
            self._check_open()
            if nsems < 0 or nsems > SEMMSL:
                raise IPCError(_errno.EINVAL)
            sset = self._sem.by_key(key)
            if sset is not None:
                if flags & IPC_CREAT and flags & IPC_EXCL:
                    raise IPCError(_errno.EEXIST)
                if nsems > sset.nsems:
                    raise IPCError(_errno.EINVAL)
                if not _allowed(creds, sset.uid, sset.gid, sset.mode, self._want(flags)):
                    raise IPCError(_errno.EACCES)
                return sset.id
            if key != IPC_PRIVATE and not flags & IPC_CREAT:
                raise IPCError(_errno.ENOENT)
            if nsems == 0:
                raise IPCError(_errno.EINVAL)
            sset = SemaphoreSet(key, -1, creds.uid, creds.gid, creds.uid, creds.gid, flags & 0o777,
                                [0] * nsems, [0] * nsems, self.clock.now(), ncount=[0] * nsems,
                                zcount=[0] * nsems, changed=_Changed(self.clock, f"semaphore key {key:#x}"))
            sset.id = self._sem.add(sset)
            return sset.id

    def semop(self, semid: int, ops: Iterable[tuple[int, int, int]], *, timeout: float | None = None,
              creds: Credentials | None = None, pid: int = 0) -> None:
        """``semop(2)``/``semtimedop``: apply ``(sem_num, sem_op, sem_flg)`` operations atomically.

        A negative ``sem_op`` waits until the value is large enough (P), a positive one adds (V), zero
        waits for zero. With ``IPC_NOWAIT`` a wait fails with ``EAGAIN`` instead; with ``timeout`` it
        gives up after that many virtual seconds (``EAGAIN``, as ``semtimedop``). A set removed while
        waiting gives ``EIDRM``.
        """
        creds = _current_creds(creds)
        ops = list(ops)
        with self._lock:
            self._check_open()
            if not ops or len(ops) > SEMOPM:
                raise IPCError(_errno.E2BIG if len(ops) > SEMOPM else _errno.EINVAL)
            sset: SemaphoreSet = self._sem.get(semid)
            if any(n < 0 or n >= sset.nsems for n, _, _ in ops):
                raise IPCError(_errno.EFBIG)
            alter = any(op != 0 for _, op, _ in ops)
            if not _allowed(creds, sset.uid, sset.gid, sset.mode, 0o2 if alter else 0o4):
                raise IPCError(_errno.EACCES)
        changed = sset.changed
        assert changed is not None

        def attempt() -> tuple[int, int, int] | None:
            """Apply all or nothing; returns the operation that would block, or ``None`` when done."""
            if sset.removed:
                raise IPCError(_errno.EIDRM)
            values = list(sset.values)
            for n, op, fl in ops:
                if op == 0:
                    if values[n] != 0:
                        return (n, op, fl)
                elif op < 0:
                    if values[n] + op < 0:
                        return (n, op, fl)
                    values[n] += op
                else:
                    if values[n] + op > SEMVMX:
                        raise IPCError(_errno.ERANGE)
                    values[n] += op
            sset.values = values
            for n, _, _ in ops:
                sset.pids[n] = pid
            sset.otime = self.clock.now()
            return None

        while True:
            with self._lock:
                blocker = attempt()
                if blocker is None:
                    break
                if blocker[2] & IPC_NOWAIT:
                    raise IPCError(_errno.EAGAIN)
                counts = sset.zcount if blocker[1] == 0 else sset.ncount
                counts[blocker[0]] += 1
            try:
                ok = _block(self.clock, changed, lambda: sset.removed or self._could_apply(sset, ops), timeout)
            finally:
                with self._lock:
                    counts[blocker[0]] -= 1
            if not ok:
                raise IPCError(_errno.EAGAIN)
        changed.notify()

    @staticmethod
    def _could_apply(sset: SemaphoreSet, ops: list[tuple[int, int, int]]) -> bool:
        values = list(sset.values)
        for n, op, _ in ops:
            if op == 0 and values[n] != 0:
                return False
            if op < 0 and values[n] + op < 0:
                return False
            values[n] += op
        return True

    def semctl(self, semid: int, semnum: int, cmd: int, arg: Any = None, *,
               creds: Credentials | None = None) -> Any:
        """``semctl(2)``: ``GETVAL``, ``SETVAL``, ``GETALL``, ``SETALL``, ``GETPID``, ``GETNCNT``,
        ``GETZCNT``, ``IPC_STAT`` (the set) and ``IPC_RMID`` (wakes every waiter with ``EIDRM``)."""
        creds = _current_creds(creds)
        with self._lock:
            self._check_open()
            sset: SemaphoreSet = self._sem.get(semid)
            if cmd == IPC_RMID:
                self._check_owner(creds, sset)
                sset.removed = True
                self._sem.remove(sset)
                assert sset.changed is not None
                changed = sset.changed
            else:
                changed = None
                if cmd in (GETVAL, GETPID, GETNCNT, GETZCNT, SETVAL) and not 0 <= semnum < sset.nsems:
                    raise IPCError(_errno.EINVAL)
                if cmd in (SETVAL, SETALL):
                    if not _allowed(creds, sset.uid, sset.gid, sset.mode, 0o2):
                        raise IPCError(_errno.EACCES)
                    values = [arg] if cmd == SETVAL else list(arg)
                    if cmd == SETALL and len(values) != sset.nsems:
                        raise IPCError(_errno.EINVAL)
                    if any(not isinstance(v, int) or v < 0 or v > SEMVMX for v in values):
                        raise IPCError(_errno.ERANGE)
                    if cmd == SETVAL:
                        sset.values[semnum] = arg
                    else:
                        sset.values = values
                    sset.ctime = self.clock.now()
                    changed = sset.changed
                    result: Any = 0
                elif cmd in (GETVAL, GETALL, GETPID, GETNCNT, GETZCNT, IPC_STAT):
                    if not _allowed(creds, sset.uid, sset.gid, sset.mode, 0o4):
                        raise IPCError(_errno.EACCES)
                    result = {
                        GETVAL: lambda: sset.values[semnum],
                        GETALL: lambda: list(sset.values),
                        GETPID: lambda: sset.pids[semnum],
                        GETNCNT: lambda: sset.ncount[semnum],
                        GETZCNT: lambda: sset.zcount[semnum],
                        IPC_STAT: lambda: sset,
                    }[cmd]()
                else:
                    raise IPCError(_errno.EINVAL)
        if changed is not None:
            changed.notify()
        return None if cmd == IPC_RMID else result

    def sem_sets(self) -> list[SemaphoreSet]:
        """The semaphore sets, in id order (what ``ipcs -s`` lists)."""
        with self._lock:
            return self._sem.sorted()

    # ------------------------------------------------------------------ POSIX shared memory

    def dev_shm_tree(self) -> FileSystem:
        """The namespace's ``/dev/shm`` tmpfs: mount it at ``/dev/shm`` in every container of the pod."""
        return self._dev_shm

    def _posix_name(self, name: str) -> str:
        if not name.startswith("/") or len(name) < 2 or "/" in name[1:]:
            raise IPCError(_errno.EINVAL, name)
        if len(name) - 1 > NAME_MAX:
            raise IPCError(_errno.ENAMETOOLONG, name)
        return name[1:]

    def _open_file(self, fname: str, shown: str, create: bool, exclusive: bool, mode: int, want: int,
                   creds: Credentials) -> tuple[Inode, bool]:
        root = self._dev_shm.root
        assert root.children is not None
        node = root.children.get(fname)
        if node is not None:
            if create and exclusive:
                raise IPCError(_errno.EEXIST, shown)
            if node.kind != "file":
                raise IPCError(_errno.EINVAL, shown)
            if not (creds.has("DAC_OVERRIDE") or _allowed(creds, node.uid, node.gid, node.mode, want)):
                raise IPCError(_errno.EACCES, shown)
            return node, False
        if not create:
            raise IPCError(_errno.ENOENT, shown)
        node = Inode("file", mode & 0o777, creds.uid, creds.gid, self.clock.now())
        root.children[fname] = node
        return node, True

    def shm_open(self, name: str, *, create: bool = False, exclusive: bool = False, mode: int = 0o600,
                 readonly: bool = False, truncate: bool = False,
                 creds: Credentials | None = None) -> ShmObject:
        """``shm_open(name, O_RDWR|O_CREAT|O_EXCL..., mode)``: the file ``/dev/shm/<name>``."""
        creds = _current_creds(creds)
        fname = self._posix_name(name)
        with self._lock:
            self._check_open()
            node, _ = self._open_file(fname, name, create, exclusive, mode, 0o4 if readonly else 0o6, creds)
            if truncate and node.data:
                self._dev_shm._grow(-len(node.data), name)
                del node.data[:]
            return ShmObject(self, name, node, not readonly)

    def shm_unlink(self, name: str, *, creds: Credentials | None = None) -> None:
        """``shm_unlink``: remove the name; mappings made already keep working."""
        creds = _current_creds(creds)
        fname = self._posix_name(name)
        with self._lock:
            root = self._dev_shm.root
            assert root.children is not None
            node = root.children.get(fname)
            if node is None:
                raise IPCError(_errno.ENOENT, name)
            self._unlink(node, fname, name, creds)

    def _unlink(self, node: Inode, fname: str, shown: str, creds: Credentials) -> None:
        root = self._dev_shm.root
        assert root.children is not None
        # /dev/shm is sticky: only the owner (or CAP_FOWNER) may remove
        if creds.uid != node.uid and creds.uid != root.uid and not creds.has("FOWNER"):
            raise IPCError(_errno.EPERM, shown)
        del root.children[fname]
        self._dev_shm._forget(node)

    # ------------------------------------------------------------------ POSIX named semaphores

    def sem_open(self, name: str, *, create: bool = False, exclusive: bool = False, mode: int = 0o600,
                 value: int = 0, creds: Credentials | None = None) -> NamedSemaphore:
        """``sem_open``: the semaphore ``/dev/shm/sem.<name>`` (made with ``value`` if ``create``)."""
        creds = _current_creds(creds)
        fname = "sem." + self._posix_name(name)
        if value < 0 or value > SEMVMX:
            raise IPCError(_errno.EINVAL, name)
        with self._lock:
            self._check_open()
            node, made = self._open_file(fname, name, create, exclusive, mode, 0o6, creds)
            if made or node not in self._named_sems:
                if made:
                    assert node.data is not None
                    node.data.extend(bytes(32))  # sizeof(sem_t) on x86-64 glibc
                    self._dev_shm._grow(32, name)
                self._named_sems[node] = [value if made else 0, _Changed(self.clock, f"semaphore {name}")]
            return NamedSemaphore(self, name, node)

    def sem_unlink(self, name: str, *, creds: Credentials | None = None) -> None:
        """``sem_unlink``: remove the name; processes that opened it keep using it."""
        creds = _current_creds(creds)
        fname = "sem." + self._posix_name(name)
        with self._lock:
            root = self._dev_shm.root
            assert root.children is not None
            node = root.children.get(fname)
            if node is None:
                raise IPCError(_errno.ENOENT, name)
            self._unlink(node, fname, name, creds)

    # ------------------------------------------------------------------ listing and teardown

    def ipcs(self, *, shm: bool = True, sem: bool = True, msg: bool = True,
             users: dict[int, str] | None = None) -> str:
        """What busybox's ``ipcs`` prints (``-q``/``-m``/``-s`` choose sections)."""
        users = {0: "root"} if users is None else users
        out = ["\n"]
        if msg:
            out.append("------ Message Queues --------\n")
            out.append("%-10s %-10s %-10s %-10s %-12s %-12s\n"
                       % ("key", "msqid", "owner", "perms", "used-bytes", "messages"))
            out.append("\n")
        if shm:
            out.append("------ Shared Memory Segments --------\n")
            out.append("%-10s %-10s %-10s %-10s %-10s %-10s %-12s\n"
                       % ("key", "shmid", "owner", "perms", "bytes", "nattch", "status"))
            for seg in self.shm_segments():
                owner = ("%-10d %-10.10s" % (seg.id, users[seg.uid]) if seg.uid in users
                         else "%-10d %-10d" % (seg.id, seg.uid))
                out.append("0x%08x %s %-10o %-10d %-10d %-6s %-6s\n"
                           % (seg.key, owner, seg.mode & 0o777, seg.size, seg.nattch, seg.status or " ", " "))
            out.append("\n")
        if sem:
            out.append("------ Semaphore Arrays --------\n")
            out.append("%-10s %-10s %-10s %-10s %-10s\n" % ("key", "semid", "owner", "perms", "nsems"))
            for s in self.sem_sets():
                owner = ("%-10d %-10.9s" % (s.id, users[s.uid]) if s.uid in users
                         else "%-10d %-9d" % (s.id, s.uid))
                out.append("0x%08x %s %-10o %-10d\n" % (s.key, owner, s.mode & 0o777, s.nsems))
            out.append("\n")
        return "".join(out)

    def _check_open(self) -> None:
        if self.closed:
            raise IPCError(_errno.EIDRM)

    def close(self) -> None:
        """Tear the namespace down (the pod sandbox is gone): free every object, wake every waiter."""
        with self._lock:
            self.closed = True
            segs = self._shm.sorted()
            sets = self._sem.sorted()
            self._shm = _IdSpace()
            self._sem = _IdSpace()
            for view, _seg in self._views.values():
                view.release()
            self._views.clear()
            for seg in segs:
                seg.views.clear()
                seg.nattch = 0
            for s in sets:
                s.removed = True
            named = list(self._named_sems.values())
            self._named_sems.clear()
            root = self._dev_shm.root
            assert root.children is not None
            for fname, node in list(root.children.items()):
                del root.children[fname]
                self._dev_shm._forget(node)
        for s in sets:
            assert s.changed is not None
            s.changed.notify()
        for state in named:
            state[1].notify()

    def usage(self) -> dict[str, int]:
        """How much the namespace holds: segments, semaphore sets, ``/dev/shm`` bytes."""
        with self._lock:
            return {
                "shm_segments": len(self._shm.objects),
                "shm_bytes": sum(s.size for s in self._shm.objects.values()),
                "sem_sets": len(self._sem.objects),
                "dev_shm_bytes": self._dev_shm.usage(),
                "dev_shm_files": len(self._dev_shm.root.children or {}),
            }

    def __repr__(self) -> str:
        return f"<IPCNamespace {self.name or hex(id(self))}>"
