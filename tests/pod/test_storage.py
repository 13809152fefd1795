"""Volumes as containers see them: emptyDir, hostPath, configMap, secret, downward API, projected."""

from __future__ import annotations

from pod_helpers import events, out

SHARED = """
apiVersion: v1
kind: Pod
metadata: {name: shared}
spec:
  volumes:
  - {name: data, emptyDir: {}}
  containers:
  - name: writer
    image: busybox:1.36
    command: ["sh", "-c", "i=0; while true; do echo line $i >> /data/log; i=$((i+1)); sleep 10; done"]
    volumeMounts: [{name: data, mountPath: /data}]
  - name: reader
    image: busybox:1.36
    command: ["tail", "-F", "/in/log"]
    volumeMounts: [{name: data, mountPath: /in, readOnly: true}]
"""


def test_two_containers_share_an_emptydir_and_a_sidecar_tails_it(cluster):
    cluster.apply(SHARED)
    cluster.wait_for("pod/shared", "Ready")
    cluster.advance(25)
    assert out(cluster, "shared", "cat /in/log", "reader") == "line 0\nline 1\nline 2\n"
    assert cluster.logs("shared", container="reader").startswith("line 0\nline 1\nline 2\n")
    assert out(cluster, "shared", "echo x > /in/log", "reader") == "sh: can't create /in/log: Read-only file system\n"
    assert out(cluster, "shared", "ls -ld /data", "writer").startswith("drwxrwxrwx    2 root     root ")


def test_root_filesystem_is_reset_but_emptydir_survives_a_restart(cluster):
    cluster.apply("""
apiVersion: v1
kind: Pod
metadata: {name: p}
spec:
  volumes: [{name: cache, emptyDir: {}}]
  containers:
  - name: c
    image: busybox:1.36
    command: ["sleep", "3600"]
    volumeMounts: [{name: cache, mountPath: /cache}]
""")
    cluster.wait_for("pod/p", "Ready")
    out(cluster, "p", "echo a > /tmp/root-file; echo b > /cache/kept")
    out(cluster, "p", "kill 1")  # sleep as PID 1 has no handler: SIGTERM is ignored
    cluster.exec("p", ["sh", "-c", "kill -9 1"])
    cluster.wait_for("pod/p", lambda p: (p.status.containerStatuses[0].restartCount == 1
                                         and p.status.containerStatuses[0].state.running is not None))
    r = cluster.exec("p", "cat /tmp/root-file; cat /cache/kept")
    assert (r.stdout, r.stderr) == ("b\n", "cat: can't open '/tmp/root-file': No such file or directory\n")


def test_memory_emptydir_refuses_writes_past_its_size_limit(cluster):
    cluster.apply("""
apiVersion: v1
kind: Pod
metadata: {name: m}
spec:
  volumes: [{name: shm, emptyDir: {medium: Memory, sizeLimit: 1Ki}}]
  containers:
  - name: c
    image: busybox:1.36
    command: ["sleep", "3600"]
    volumeMounts: [{name: shm, mountPath: /shm}]
""")
    cluster.wait_for("pod/m", "Ready")
    r = cluster.exec("m", "head -c 2000 /dev/zero > /shm/big")
    assert (r.exit_code, r.stderr) == (1, "head: write error: No space left on device\n")
    assert out(cluster, "m", "wc -c < /shm/big") == "1024\n"  # tmpfs took what fitted


DISK_LIMIT = """
apiVersion: v1
kind: Pod
metadata: {name: hog}
spec:
  volumes: [{name: cache, emptyDir: {sizeLimit: 10Ki}}]
  containers:
  - name: c
    image: busybox:1.36
    command: ["sleep", "3600"]
    volumeMounts: [{name: cache, mountPath: /cache}]
"""


def test_disk_emptydir_over_its_size_limit_gets_the_pod_evicted_at_the_next_housekeeping(cluster):
    cluster.apply(DISK_LIMIT)
    cluster.wait_for("pod/hog", "Ready")
    t0 = cluster.elapsed
    r = cluster.exec("hog", "yes 0123456789abcdef | head -n 1000 > /cache/big; wc -c < /cache/big")
    assert r.stdout == "17000\n"  # on disk the write itself succeeds
    cluster.wait_for("pod/hog", lambda p: p.status.phase == "Failed")
    pod = cluster.get("pod/hog")
    assert (pod.status.reason, pod.status.message) == (
        "Evicted", 'Usage of EmptyDir volume "cache" exceeds the limit "10Ki". ')
    assert cluster.elapsed - t0 <= 10.0  # the eviction manager looks every 10 s
    assert events(cluster, "hog", "Evicted") == ['Usage of EmptyDir volume "cache" exceeds the limit "10Ki". ']
    cluster.advance(5)
    st = cluster.get("pod/hog").status.containerStatuses[0]
    assert st.state.terminated is not None and st.state.terminated.exitCode == 137


HOSTPATH = """
apiVersion: v1
kind: Pod
metadata: {name: NAME}
spec:
  nodeName: NODE
  volumes: [{name: host, hostPath: {path: /var/local/shared, type: DirectoryOrCreate}}]
  containers:
  - name: c
    image: busybox:1.36
    command: ["sleep", "3600"]
    volumeMounts: [{name: host, mountPath: /host}]
"""


def _hp(name: str, node: str) -> str:
    return HOSTPATH.replace("NAME", name).replace("NODE", node)


def test_hostpath_is_shared_by_pods_on_one_node_and_not_across_nodes(cluster2):
    c = cluster2
    c.apply(_hp("a", "node-1"))
    c.apply(_hp("b", "node-1"))
    c.apply(_hp("other", "node-2"))
    for p in ("a", "b", "other"):
        c.wait_for(f"pod/{p}", "Ready")
    out(c, "a", "echo from-a > /host/note")
    assert out(c, "b", "cat /host/note") == "from-a\n"
    assert out(c, "other", "cat /host/note") == "cat: can't open '/host/note': No such file or directory\n"
    assert c.node("node-1").fs.view().read_text("/var/local/shared/note") == "from-a\n"
    c.delete("pod", "a")
    c.delete("pod", "b")
    c.advance(60)
    assert [p.metadata.name for p in c.list("pods")] == ["other"]
    assert c.node("node-1").fs.view().read_text("/var/local/shared/note") == "from-a\n"  # outlives the pods


def test_hostpath_directory_type_check_fails_the_mount_and_the_pod_waits(cluster):
    cluster.apply(_hp("p", "node-1").replace("DirectoryOrCreate", "Directory"))
    cluster.advance(30)
    pod = cluster.get("pod/p")
    assert pod.status.phase == "Pending"
    assert pod.status.containerStatuses[0].state.waiting.reason == "ContainerCreating"
    msgs = events(cluster, "p", "FailedMount")
    assert msgs[0] == ('MountVolume.SetUp failed for volume "host" : hostPath type check failed: '
                       "/var/local/shared is not a directory")
    cluster.node("node-1").fs.add_dir("/var/local/shared")
    cluster.wait_for("pod/p", "Ready", timeout=130)  # the next retry (backoff at most 2m2s) mounts it


def test_hostpath_file_types(cluster):
    fs = cluster.node("node-1").fs
    fs.add_file("/etc/app.conf", "x=1\n")
    cluster.apply("""
apiVersion: v1
kind: Pod
metadata: {name: f}
spec:
  volumes:
  - {name: conf, hostPath: {path: /etc/app.conf, type: File}}
  - {name: made, hostPath: {path: /var/log/made.log, type: FileOrCreate}}
  - {name: notsock, hostPath: {path: /etc/app.conf, type: Socket}}
  containers:
  - name: c
    image: busybox:1.36
    command: ["sleep", "3600"]
    volumeMounts:
    - {name: conf, mountPath: /conf}
    - {name: made, mountPath: /made.log}
""")
    cluster.advance(5)
    assert events(cluster, "f", "FailedMount")[:2] == [
        # FileOrCreate does not make the parent directory
        'MountVolume.SetUp failed for volume "made" : open /var/log/made.log: no such file or directory',
        'MountVolume.SetUp failed for volume "notsock" : hostPath type check failed: /etc/app.conf is not a socket file',
    ]
    fs.add_dir("/var/log")
    cluster.advance(5)
    assert fs.view().read_text("/var/log/made.log") == ""
    assert fs.view().stat("/var/log/made.log").mode & 0o777 == 0o644
