"""IPC shared by a pod's containers and isolated between pods; busybox ``tail -F`` as a log sidecar."""

from __future__ import annotations

from pod_helpers import out

from sandbox.images import image
from sandbox.ipc import IPC_CREAT


@image("example.com/shm-writer:1.0")
def shm_writer(c):
    shmid = c.ipc.shmget(0x1234, 64, IPC_CREAT | 0o600)
    view = c.ipc.shmat(shmid)
    view[:5] = b"hello"
    c.sleep(3600)
    return 0


@image("example.com/shm-reader:1.0")
def shm_reader(c):
    c.sleep(5)
    try:
        shmid = c.ipc.shmget(0x1234, 64, 0)
    except OSError as e:
        c.print(f"shmget: {e}")
    else:
        c.print("read", bytes(c.ipc.shmat(shmid)[:5]).decode())
    c.sleep(3600)
    return 0


def _pod(name: str, images: list[str], host_ipc: bool = False) -> dict:
    return {"apiVersion": "v1", "kind": "Pod", "metadata": {"name": name}, "spec": {
        "hostIPC": host_ipc,
        "containers": [{"name": f"c{i}", "image": img} for i, img in enumerate(images)]}}


def test_system_v_shared_memory_is_shared_in_a_pod_and_not_across_pods(cluster):
    cluster.apply(_pod("pair", ["example.com/shm-writer:1.0", "example.com/shm-reader:1.0"]))
    cluster.apply(_pod("other", ["example.com/shm-reader:1.0"]))
    cluster.wait_for("pod/pair", "Ready")
    cluster.wait_for("pod/other", "Ready")
    cluster.advance(10)
    assert cluster.logs("pair", container="c1") == "read hello\n"
    assert cluster.logs("other", container="c0") == "shmget: No such file or directory\n"
    ipcs = out(cluster, "pair", "ipcs -m", "c1")
    assert "0x00001234 0          root       600        64         2" in ipcs  # both attached in ipcs
    assert "0x00001234" not in out(cluster, "other", "ipcs -m", "c0")


def test_dev_shm_is_the_pods_and_hostipc_pods_share_the_nodes(cluster):
    sleep = {"image": "busybox:1.36", "command": ["sleep", "3600"]}
    for name, host in (("a", False), ("b", False), ("h1", True), ("h2", True)):
        cluster.apply({"apiVersion": "v1", "kind": "Pod", "metadata": {"name": name}, "spec": {
            "hostIPC": host, "containers": [{"name": "x", **sleep}, {"name": "y", **sleep}]}})
    for name in ("a", "b", "h1", "h2"):
        cluster.wait_for(f"pod/{name}", "Ready")
    out(cluster, "a", "echo hi > /dev/shm/f", "x")
    assert out(cluster, "a", "cat /dev/shm/f", "y") == "hi\n"
    assert out(cluster, "b", "ls /dev/shm", "x") == ""
    out(cluster, "h1", "echo node > /dev/shm/g", "x")
    assert out(cluster, "h2", "cat /dev/shm/g", "y") == "node\n"
    assert out(cluster, "a", "ls /dev/shm", "x") == "f\n"


def test_tail_capital_f_follows_a_log_file_by_name_as_a_sidecar(cluster):
    cluster.apply("""
apiVersion: v1
kind: Pod
metadata: {name: app}
spec:
  volumes: [{name: logs, emptyDir: {}}]
  containers:
  - name: app
    image: busybox:1.36
    command: ["sh", "-c", "sleep 5; while true; do date >> /var/log/app.log; sleep 10; done"]
    volumeMounts: [{name: logs, mountPath: /var/log}]
  - name: logshipper
    image: busybox:1.36
    command: ["tail", "-F", "/var/log/app.log"]
    volumeMounts: [{name: logs, mountPath: /var/log}]
""")
    cluster.wait_for("pod/app", "Ready")
    cluster.advance(30)
    logs = cluster.logs("app", container="logshipper").splitlines()
    assert logs[0] == "tail: can't open '/var/log/app.log': No such file or directory"
    assert logs[1] == "tail: /var/log/app.log has appeared; following end of new file"
    assert len(logs) == 5 and all(line.startswith("Wed Jan  1 00:00:") for line in logs[2:])
    pod = cluster.get("pod/app")
    assert pod.status.containerStatuses[1].state.running is not None
    assert pod.status.containerStatuses[1].restartCount == 0
    out(cluster, "app", ": > /var/log/app.log; echo after-truncate >> /var/log/app.log", "app")
    cluster.advance(2)
    assert cluster.logs("app", container="logshipper").splitlines()[5] == "after-truncate"
