"""The container runtime driven directly on a virtual clock (no kubelet): start, logs, exit codes,
signals and grace periods, command/args merging, start errors, exec, filesystems, shutdown."""

from __future__ import annotations

import random
import threading

import pytest

from sandbox.clock import Clock
from sandbox.network import Network
from sandbox.runtime.container import merge_argv
from sandbox.runtime.cri import (
    ContainerConfig,
    CreateContainerError,
    Credentials,
    Mount,
    PodSandboxConfig,
    StartContainerError,
)
from sandbox.runtime.filesystem import FileSystem
from sandbox.runtime.logs import format_timestamp
from sandbox.runtime.runtime import CreateContainerConfigError, ThreadRuntime


@pytest.fixture
def clock():
    threads_before = threading.active_count()
    c = Clock(watchdog=1.0)
    yield c
    assert c.close() == []
    assert threading.active_count() == threads_before


@pytest.fixture
def rt(clock):
    runtime = ThreadRuntime(clock, Network(clock), random.Random(0), "node-1")
    runtime.preload("busybox", "busybox:1.36", "nginx:1.27")
    yield runtime
    runtime.close()


def sandbox(rt, name="pod", **kw):
    return rt.run_pod_sandbox(PodSandboxConfig(name=name, namespace="default", uid=f"uid-{name}", hostname=name, **kw))


def start(rt, sb, name="c", image="busybox", **kw):
    cid = rt.create_container(sb, ContainerConfig(name=name, image=image, **kw))
    rt.start_container(cid)
    return cid


def test_a_shell_container_logs_with_timestamps_and_exits_3_with_reason_error_at_5s(clock, rt):
    sb = sandbox(rt)
    exited = []
    rt.on_container_exit(lambda cid: exited.append((cid, clock.elapsed())))
    cid = start(rt, sb, command=["sh", "-c", "echo hi; sleep 5; echo bye >&2; exit 3"])
    clock.advance(10)
    st = rt.container_status(cid)
    assert (st.state, st.exit_code, st.reason, st.signal) == ("exited", 3, "Error", None)
    assert st.finished_at - st.started_at == 5.0
    assert exited == [(cid, 5.0)]
    assert [(ln.time - clock._start, ln.stream, ln.text) for ln in rt.logs(cid)] == [
        (0.0, "stdout", "hi"),
        (5.0, "stderr", "bye"),
    ]
    assert rt.container_log(cid).text(timestamps=True) == (
        "2025-01-01T00:00:00.000000000Z hi\n2025-01-01T00:00:05.000000000Z bye\n"
    )
    assert cid.startswith("containerd://") and len(cid) == len("containerd://") + 64
    assert st.image_ref.startswith("docker.io/library/busybox@sha256:")


def test_exit_0_is_completed_and_the_termination_message_is_read_from_the_file(clock, rt):
    sb = sandbox(rt)
    cid = start(rt, sb, command=["sh", "-c", "echo -n 'all done' > /dev/termination-log"])
    clock.advance(1)
    st = rt.container_status(cid)
    assert (st.exit_code, st.reason, st.message) == (0, "Completed", "all done")


def test_termination_message_is_cut_at_4096_bytes_and_honours_a_custom_path(clock, rt):
    sb = sandbox(rt)
    cid = start(
        rt, sb, command=["sh", "-c", "i=0; while [ $i -lt 600 ]; do echo -n 0123456789 >> /tmp/msg; i=$((i+1)); done; exit 1"],
        termination_message_path="/tmp/msg",
    )
    clock.advance(1)
    st = rt.container_status(cid)
    assert st.exit_code == 1 and len(st.message) == 4096


@pytest.mark.parametrize(
    "script, grace, exit_code, signal, at",
    [
        # PID 1 without a trap ignores SIGTERM: killed when the grace period ends
        ("sleep 3600", 30, 137, 9, 30.0),
        # a trap handles it once the foreground `sleep 1` returns (as sh does), with the trap's code
        ("trap 'echo bye; exit 0' TERM; while true; do sleep 1; done", 30, 0, None, 1.0),
        # a trap that ignores it: killed at the end of the grace period
        ("trap '' TERM; sleep 3600", 5, 137, 9, 5.0),
    ],
    ids=["no-trap", "trap-exit", "trap-ignore"],
)
def test_stop_sends_sigterm_then_sigkill_after_the_grace_period(clock, rt, script, grace, exit_code, signal, at):
    sb = sandbox(rt)
    cid = start(rt, sb, command=["sh", "-c", script])
    clock.advance(1)
    stopped = []
    t0 = clock.elapsed()
    rt.stop_container(cid, grace, lambda c: stopped.append(clock.elapsed() - t0))
    clock.advance(60)
    st = rt.container_status(cid)
    assert (st.exit_code, st.signal) == (exit_code, signal)
    assert stopped == [at]
    assert st.reason == ("Completed" if exit_code == 0 else "Error")


def test_a_shell_that_is_not_pid_1_dies_of_sigterm_with_143(clock, rt):
    sb = sandbox(rt, share_process_namespace=True)
    cid = start(rt, sb, command=["sh", "-c", "sleep 3600"])
    clock.advance(1)
    ps = rt.exec_sync(cid, ["ps"])
    assert ps.stdout.splitlines()[1].split()[0] == "1" and "/pause" in ps.stdout
    rt.stop_container(cid, 30)
    clock.advance(1)
    st = rt.container_status(cid)
    assert (st.exit_code, st.signal, st.reason) == (143, 15, "Error")


def test_a_second_stop_with_a_shorter_grace_period_kills_sooner(clock, rt):
    sb = sandbox(rt)
    cid = start(rt, sb, command=["sh", "-c", "sleep 3600"])
    rt.stop_container(cid, 30)
    clock.advance(2)
    rt.stop_container(cid, 1)
    clock.advance(2)
    assert rt.container_status(cid).exit_code == 137
    assert rt.container_status(cid).finished_at - clock._start == 3.0


@pytest.mark.parametrize(
    "entrypoint, cmd, command, args, argv",
    [
        (["/docker-entrypoint.sh"], ["nginx", "-g", "daemon off;"], None, None, ["/docker-entrypoint.sh", "nginx", "-g", "daemon off;"]),
        (["/docker-entrypoint.sh"], ["nginx"], ["sh"], None, ["sh"]),
        (["/docker-entrypoint.sh"], ["nginx"], None, ["nginx", "-T"], ["/docker-entrypoint.sh", "nginx", "-T"]),
        (["/docker-entrypoint.sh"], ["nginx"], ["sh", "-c"], ["echo hi"], ["sh", "-c", "echo hi"]),
        ([], ["sh"], None, None, ["sh"]),
        ([], ["sh"], None, ["echo", "x"], ["echo", "x"]),
        ([], ["sh"], [], [], ["sh"]),
    ],
    ids=["neither", "command-only", "args-only", "both", "cmd-only-image", "args-replace-cmd", "empty-lists"],
)
def test_command_and_args_merge_with_entrypoint_and_cmd_as_kubernetes_documents(entrypoint, cmd, command, args, argv):
    assert merge_argv(entrypoint, cmd, command, args) == argv


def test_args_alone_keep_the_images_entrypoint(clock, rt):
    sb = sandbox(rt)
    cid = start(rt, sb, image="nginx:1.27", args=["nginx", "-v"])
    clock.advance(1)
    st = rt.container_status(cid)
    assert st.exit_code == 0
    lines = [ln.text for ln in rt.logs(cid)]
    assert lines[0] == "/docker-entrypoint.sh: /docker-entrypoint.d/ is not empty, will attempt to perform configuration"
    assert lines[-1] == "nginx version: nginx/1.27.3"


@pytest.mark.parametrize(
    "command, words",
    [
        (["foo"], 'exec: "foo": executable file not found in $PATH'),
        (["/bin/nosuch"], 'exec: "/bin/nosuch": stat /bin/nosuch: no such file or directory'),
        (["/etc"], 'exec: "/etc": is a directory: permission denied'),
        (["/etc/passwd"], 'exec: "/etc/passwd": permission denied'),
    ],
)
def test_a_missing_executable_fails_the_start_as_containerd_words_it(clock, rt, command, words):
    sb = sandbox(rt)
    cid = rt.create_container(sb, ContainerConfig(name="c", image="busybox", command=command))
    with pytest.raises(StartContainerError) as err:
        rt.start_container(cid)
    prefix = (
        "failed to create containerd task: failed to create shim task: OCI runtime create failed: "
        "runc create failed: unable to start container process: error during container init: "
    )
    assert str(err.value) == prefix + words + ": unknown"
    st = rt.container_status(cid)
    assert (st.state, st.exit_code, st.reason, st.message) == ("exited", 128, "StartError", prefix + words)


def test_no_command_at_all_fails_the_create(clock, rt):
    rt.preload("gcr.io/distroless/static:nonroot")
    sb = sandbox(rt)
    with pytest.raises(CreateContainerError, match="failed to generate spec: no command specified$"):
        rt.create_container(sb, ContainerConfig(name="c", image="gcr.io/distroless/static:nonroot"))


def test_an_image_that_was_not_pulled_cannot_be_used(clock, rt):
    sb = sandbox(rt)
    with pytest.raises(CreateContainerError) as err:
        rt.create_container(sb, ContainerConfig(name="c", image="nginx:1.14.2"))
    assert str(err.value) == 'failed to get image "docker.io/library/nginx:1.14.2": image "docker.io/library/nginx:1.14.2": not found'


@pytest.mark.parametrize(
    "image, uid, message",
    [
        ("busybox", None, 'container has runAsNonRoot and image will run as root (pod: "pod_default(uid-pod)", container: c)'),
        ("busybox", 0, 'container\'s runAsUser breaks non-root policy (pod: "pod_default(uid-pod)", container: c)'),
        ("gcr.io/distroless/static:nonroot", None, None),
        ("busybox", 1000, None),
    ],
)
def test_run_as_non_root_is_checked_against_the_image_user(clock, rt, image, uid, message):
    rt.preload(image)
    sb = sandbox(rt)
    creds = Credentials(uid=uid, run_as_non_root=True)
    config = ContainerConfig(name="c", image=image, command=["/bin/sh", "-c", "id"] if image == "busybox" else ["/x"], credentials=creds)
    if message is None:
        rt.create_container(sb, config)
    else:
        with pytest.raises(CreateContainerConfigError) as err:
            rt.create_container(sb, config)
        assert str(err.value) == message


def test_the_process_runs_as_the_images_user_or_the_security_context(clock, rt):
    sb = sandbox(rt)
    root = start(rt, sb, name="a", command=["id"])
    other = start(rt, sb, name="b", command=["id"], credentials=Credentials(uid=1000, gid=3000, supplemental_groups=[4000]))
    clock.advance(1)
    assert rt.container_log(root).text() == "uid=0(root) gid=0(root) groups=0(root),10(wheel)\n"
    assert rt.container_log(other).text() == "uid=1000 gid=3000 groups=3000,4000\n"


def test_environment_is_image_then_hostname_then_pod_env(clock, rt):
    sb = sandbox(rt)
    cid = start(rt, sb, command=["env"], env=[("GREETING", "hello"), ("PATH", "/bin")])
    clock.advance(1)
    env = rt.container_log(cid).text().splitlines()
    assert env[:3] == ["PATH=/bin", "HOSTNAME=pod", "GREETING=hello"]
    assert "HOME=/root" in env


def test_the_pods_etc_files_are_mounted_in_every_container(clock, rt):
    sb = sandbox(rt, host_aliases=[("10.1.2.3", ["foo.remote", "bar.remote"])])
    cid = start(rt, sb, command=["sh", "-c", "cat /etc/hosts /etc/hostname /etc/resolv.conf"])
    clock.advance(1)
    ip = sb.ips[0]
    assert ip == "10.244.1.2"
    assert rt.container_log(cid).text() == (
        "# Kubernetes-managed hosts file.\n"
        "127.0.0.1\tlocalhost\n"
        "::1\tlocalhost ip6-localhost ip6-loopback\n"
        "fe00::0\tip6-localnet\n"
        "fe00::0\tip6-mcastprefix\n"
        "fe00::1\tip6-allnodes\n"
        "fe00::2\tip6-allrouters\n"
        f"{ip}\tpod\n"
        "\n"
        "# Entries added by HostAliases.\n"
        "10.1.2.3\tfoo.remote\tbar.remote\n"
        "pod\n"
        "search default.svc.cluster.local svc.cluster.local cluster.local\n"
        "nameserver 10.96.0.10\n"
        "options ndots:5\n"
    )


def test_a_subdomain_gives_the_fqdn_in_etc_hosts(clock, rt):
    sb = sandbox(rt, name="busybox-1", subdomain="sub")
    assert sb.file("hosts").splitlines()[-1] == f"{sb.ips[0]}\tbusybox-1.sub.default.svc.cluster.local\tbusybox-1"


def test_the_root_filesystem_is_fresh_for_each_new_container_of_an_image(clock, rt):
    sb = sandbox(rt)
    first = start(rt, sb, name="a", command=["sh", "-c", "echo data > /tmp/file; cat /tmp/file"])
    clock.advance(1)
    second = start(rt, sb, name="b", command=["sh", "-c", "cat /tmp/file"])
    clock.advance(1)
    assert rt.container_log(first).text() == "data\n"
    assert rt.container_status(second).exit_code == 1
    assert rt.container_log(second).text() == "cat: can't open '/tmp/file': No such file or directory\n"


def test_a_shared_volume_is_seen_by_both_containers_and_read_only_mounts_refuse_writes(clock, rt):
    vol = FileSystem(clock.now, name="shared")
    sb = sandbox(rt)
    writer = start(rt, sb, name="w", command=["sh", "-c", "echo from-writer > /data/msg"], mounts=[Mount("/data", vol)])
    clock.advance(1)
    reader = start(
        rt, sb, name="r", command=["sh", "-c", "cat /data/msg; echo x > /data/other"], mounts=[Mount("/data", vol, read_only=True)]
    )
    clock.advance(1)
    assert rt.container_status(writer).exit_code == 0
    assert rt.container_log(reader).text() == "from-writer\nsh: can't create /data/other: Read-only file system\n"


def test_exec_runs_in_the_container_with_output_and_exit_code(clock, rt):
    sb = sandbox(rt)
    cid = start(rt, sb, command=["sh", "-c", "echo ready > /tmp/healthy; sleep 3600"])
    clock.advance(1)
    ok = rt.exec_sync(cid, ["cat", "/tmp/healthy"])
    assert (ok.exit_code, ok.stdout, ok.stderr, ok.timed_out) == (0, "ready\n", "", False)
    bad = rt.exec_sync(cid, ["cat", "/tmp/nope"])
    assert (bad.exit_code, bad.stderr) == (1, "cat: can't open '/tmp/nope': No such file or directory\n")
    withstdin = rt.exec_sync(cid, ["sh", "-c", "read x; echo got $x"], stdin="line\n")
    assert withstdin.stdout == "got line\n"
    assert [ln.text for ln in rt.logs(cid)] == []  # exec output is not the container's log


def test_exec_that_runs_past_its_timeout_is_killed_and_reported(clock, rt):
    sb = sandbox(rt)
    cid = start(rt, sb, command=["sleep", "3600"])
    clock.advance(1)
    t0 = clock.elapsed()
    r = rt.exec_sync(cid, ["sh", "-c", "echo start; sleep 10; echo never"], timeout=2)
    assert (r.exit_code, r.stdout, r.timed_out) == (137, "start\n", True)
    assert clock.elapsed() - t0 == 2.0
    assert rt.container_status(cid).state == "running"


def test_exec_of_a_missing_command_or_in_a_stopped_container_reports_the_runtime_error(clock, rt):
    sb = sandbox(rt)
    cid = start(rt, sb, command=["sh", "-c", "sleep 2"])
    clock.advance(1)
    r = rt.exec_sync(cid, ["nosuch"])
    assert r.error == (
        'OCI runtime exec failed: exec failed: unable to start container process: exec: "nosuch": '
        "executable file not found in $PATH: unknown"
    )
    clock.advance(5)
    r = rt.exec_sync(cid, ["ls"])
    assert r.error == "failed to exec in container: container is in CONTAINER_EXITED state"


def test_a_spinning_process_can_still_be_killed(clock):
    from sandbox.images.image import image
    from sandbox.images.registry import Registry

    reg = Registry(builtins=True)

    @image("example.com/spinner:1.0", registry=reg, shell=False)
    def spinner(c):
        while True:
            pass

    runtime = ThreadRuntime(Clock(watchdog=0.05), None, random.Random(1), "node-1", registry=reg)
    try:
        runtime.preload("example.com/spinner:1.0")
        sb = sandbox(runtime)
        cid = start(runtime, sb, image="example.com/spinner:1.0")
        runtime.clock.advance(1)
        runtime.stop_container(cid, 2)
        runtime.clock.advance(3)
        # the spinning thread gets the kill asynchronously: wait for it on the wall clock
        runtime.container(cid).pid1.task.thread.join(5)
        runtime.clock.run_all()
        assert runtime.container_status(cid).exit_code == 137
        assert runtime.clock.runaways and runtime.clock.runaways[0].task.endswith("/c")
    finally:
        runtime.close()
        assert runtime.clock.close() == []


def test_remove_and_close_leave_no_thread(clock, rt):
    sb = sandbox(rt)
    ids = [start(rt, sb, name=f"c{i}", command=["sh", "-c", "sleep 100 & sleep 3600"]) for i in range(3)]
    clock.advance(1)
    assert threading.active_count() >= 6
    rt.remove_container(ids[0])
    with pytest.raises(Exception, match="not found"):
        rt.container_status(ids[0])
    rt.close()
    assert all(not t.thread.is_alive() for t in rt._tasks)


def test_stopping_the_sandbox_kills_its_containers_and_releases_its_ip(clock, rt):
    sb = sandbox(rt)
    cid = start(rt, sb, command=["sleep", "3600"])
    clock.advance(1)
    rt.stop_pod_sandbox(sb)
    clock.advance(1)
    assert rt.container_status(cid).exit_code == 137
    assert rt.network.namespace(sb.network_key) is None
    assert sandbox(rt, name="next").ips == ["10.244.1.3"]


def test_host_network_pods_share_the_nodes_namespace_and_hostname(clock, rt):
    sb = sandbox(rt, host_network=True)
    assert sb.ips == ["172.18.0.2"] and sb.hostname == "node-1"
    assert sb.network is rt.network.node("node-1")
    assert sb.file("hosts").startswith("# Kubernetes-managed hosts file (host network).\n")


def test_log_timestamps_are_rfc3339_with_nanoseconds():
    assert format_timestamp(1735689605.25) == "2025-01-01T00:00:05.250000000Z"
