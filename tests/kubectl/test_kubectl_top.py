"""``kubectl top pod`` and ``kubectl top node``: the Metrics API served from the kubelets' summary
API (memory is what containers allocate; CPU is a fixed 1m per running container), printed as
kubectl 1.32's ``TopCmdPrinter`` prints it (every cell padded, trailing spaces included)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from sandbox.cluster import Cluster
from sandbox.images import image
from sandbox.kubectl import run
from sandbox.kubelet.stats import CPU_NANO_CORES, summary
from sandbox.metrics import ContainerMetrics, MetricsServer, NodeMetrics, PodMetrics

PODS = """\
apiVersion: v1
kind: Pod
metadata: {name: memory-demo, labels: {app: demo}}
spec:
  nodeName: node-1
  containers:
  - name: memory-demo-ctr
    image: polinux/stress
    resources: {limits: {memory: 200Mi}, requests: {memory: 100Mi}}
    command: ["stress"]
    args: ["--vm", "1", "--vm-bytes", "150M", "--vm-hang", "1"]
---
apiVersion: v1
kind: Pod
metadata: {name: two, labels: {app: two}}
spec:
  nodeName: node-2
  containers:
  - {name: hog, image: example.com/top-hog:1, env: [{name: MEM, value: 10M}]}
  - {name: idle, image: busybox:1.36, command: [sleep, "3600"]}
---
apiVersion: v1
kind: Namespace
metadata: {name: other}
---
apiVersion: v1
kind: Pod
metadata: {name: big, namespace: other}
spec:
  nodeName: node-2
  containers:
  - {name: hog, image: example.com/top-hog:1, env: [{name: MEM, value: 1G}]}
"""


@image("example.com/top-hog:1")
def _hog(c):  # type: ignore[no-untyped-def]
    c.allocate(c.env["MEM"])
    c.sleep(3600)
    return 0


@pytest.fixture(scope="module")
def cluster() -> Iterator[Cluster]:
    with Cluster(nodes=2, seed=0) as c:
        c.apply(PODS)
        c.advance(30)
        yield c


def top(c: Cluster, cmd: str) -> tuple[str, str, int]:
    r = run(c, "kubectl top " + cmd)
    return r.stdout, r.stderr, r.exit_code


@pytest.mark.parametrize(("cmd", "stdout"), [
    ("pod", "NAME          CPU(cores)   MEMORY(bytes)   \n"
            "memory-demo   1m           150Mi           \n"
            "two           2m           10Mi            \n"),
    ("pods --containers", "POD           NAME              CPU(cores)   MEMORY(bytes)   \n"
                          "memory-demo   memory-demo-ctr   1m           150Mi           \n"
                          "two           hog               1m           10Mi            \n"
                          "two           idle              1m           0Mi             \n"),
    ("po -A", "NAMESPACE   NAME          CPU(cores)   MEMORY(bytes)   \n"
              "default     memory-demo   1m           150Mi           \n"
              "default     two           2m           10Mi            \n"
              "other       big           1m           1024Mi          \n"),
    ("pod -A --sort-by=memory --no-headers", "other     big           1m    1024Mi   \n"
                                             "default   memory-demo   1m    150Mi    \n"
                                             "default   two           2m    10Mi     \n"),
    ("pod --sort-by cpu", "NAME          CPU(cores)   MEMORY(bytes)   \n"
                          "two           2m           10Mi            \n"
                          "memory-demo   1m           150Mi           \n"),
    ("pod -l app=demo", "NAME          CPU(cores)   MEMORY(bytes)   \n"
                        "memory-demo   1m           150Mi           \n"),
    ("pod two --containers", "POD   NAME   CPU(cores)   MEMORY(bytes)   \n"
                             "two   hog    1m           10Mi            \n"
                             "two   idle   1m           0Mi             \n"),
    ("pod big -n other", "NAME   CPU(cores)   MEMORY(bytes)   \nbig    1m           1024Mi          \n"),
    ("pod --sum", "NAME          CPU(cores)   MEMORY(bytes)   \n"
                  "memory-demo   1m           150Mi           \n"
                  "two           2m           10Mi            \n"
                  "              ________     ________        \n"
                  "              3m           160Mi           \n"),
    ("pod -A --containers --sum",
     "NAMESPACE   POD           NAME              CPU(cores)   MEMORY(bytes)   \n"
     "default     memory-demo   memory-demo-ctr   1m           150Mi           \n"
     "default     two           hog               1m           10Mi            \n"
     "default     two           idle              1m           0Mi             \n"
     "other       big           hog               1m           1024Mi          \n"
     "                                            ________     ________        \n"
     "                                            4m           1184Mi          \n"),
    # percentages of the node's allocatable (4 CPUs, 8092Mi of memory), rounded down
    ("node", "NAME     CPU(cores)   CPU(%)   MEMORY(bytes)   MEMORY(%)   \n"
             "node-1   1m           0%       150Mi           1%          \n"
             "node-2   3m           0%       1034Mi          12%         \n"),
    ("nodes node-2 --no-headers", "node-2   3m    0%    1034Mi   12%   \n"),
    ("node --sort-by=memory --show-capacity", "NAME     CPU(cores)   CPU(%)   MEMORY(bytes)   MEMORY(%)   \n"
                                              "node-2   3m           0%       1034Mi          12%         \n"
                                              "node-1   1m           0%       150Mi           1%          \n"),
])
def test_top_prints_as_kubectl(cluster: Cluster, cmd: str, stdout: str) -> None:
    assert top(cluster, cmd) == (stdout, "", 0)


def test_node_percentages_are_of_the_nodes_allocatable(cluster: Cluster) -> None:
    alloc = cluster.get("node", "node-2").status.allocatable
    assert (str(alloc["cpu"]), str(alloc["memory"])) == ("4", "8092Mi")
    assert int(1034 / 8092 * 100) == 12 and int(3 / 4000 * 100) == 0


@pytest.mark.parametrize(("cmd", "stderr"), [
    ("pod nope", 'Error from server (NotFound): pods "nope" not found\n'),
    ("node node-9", 'Error from server (NotFound): nodes "node-9" not found\n'),
    ("pod -n kube-system", "No resources found in kube-system namespace.\n"),
    ("pod -l app=none", "No resources found in default namespace.\n"),
    ("pod --sort-by=name", "error: --sort-by accepts only cpu or memory\n"),
    ("pod two -l app=two", "error: only one of NAME or selector can be provided\n"),
    ("node node-1 -l a=b", "error: only one of NAME or --selector can be provided\n"),
    ("pod a b", "error: pod [NAME | -l label]\nSee 'kubectl top pod -h' for help and examples\n"),
    ("node a b", "error: node [NAME | -l label]\nSee 'kubectl top node -h' for help and examples\n"),
    ("foo", "error: unknown command \"foo\"\nSee 'kubectl top -h' for help and examples\n"),
])
def test_top_errors_as_kubectl(cluster: Cluster, cmd: str, stderr: str) -> None:
    out, err, code = top(cluster, cmd)
    assert (out, err) == ("", stderr)
    assert code == (0 if err.startswith("No resources") else 1)


def test_top_alone_prints_its_help_on_stderr(cluster: Cluster) -> None:
    out, err, code = top(cluster, "")
    assert (out, code) == ("", 1)
    assert err.startswith("Display resource (CPU/memory) usage.\n\n The top command allows you")
    assert "  node          Display resource (CPU/memory) usage of nodes\n" in err


def test_pods_without_running_containers_have_no_metrics() -> None:
    with Cluster(nodes=1, seed=0) as c:
        c.apply({"apiVersion": "v1", "kind": "Pod", "metadata": {"name": "stuck"},
                 "spec": {"nodeSelector": {"disk": "ssd"}, "containers": [{"name": "a", "image": "busybox:1.36"}]}})
        c.advance(60)
        assert top(c, "pod") == ("", "error: metrics not available yet\n", 1)
        assert top(c, "pod stuck") == (
            "", 'Error from server (NotFound): podmetrics.metrics.k8s.io "default/stuck" not found\n', 1)
        c.advance(90.5)
        assert top(c, "pod") == ("", "error: Metrics not available for pod default/stuck, age: 2m30.5s\n", 1)


def test_a_failed_node_has_unknown_metrics_and_its_pods_none() -> None:
    with Cluster(nodes=2, seed=0) as c:
        c.apply(PODS)
        c.advance(30)
        c.node("node-2").fail()
        out = top(c, "node")[0].splitlines()
        assert out[2].split() == ["node-2"] + ["<unknown>"] * 4
        assert out[1].split()[:2] == ["node-1", "1m"]
        assert top(c, "pod")[0].splitlines()[1:] == ["memory-demo   1m           150Mi           "]
        assert top(c, "node node-2") == (
            "", 'Error from server (NotFound): nodemetrics.metrics.k8s.io "node-2" not found\n', 1)


def test_metrics_follow_the_containers_allocations() -> None:
    @image("example.com/top-steps:1")
    def steps(c):  # type: ignore[no-untyped-def]
        c.allocate("64M")
        c.sleep(10)
        c.allocate("64M")
        c.sleep(10)
        c.free("100M")
        c.sleep(3600)
        return 0

    with Cluster(nodes=1, seed=0) as c:
        c.apply({"apiVersion": "v1", "kind": "Pod", "metadata": {"name": "steps"},
                 "spec": {"containers": [{"name": "s", "image": "example.com/top-steps:1"}]}})
        c.wait_for("pod/steps", "Ready", timeout=30)
        server = MetricsServer(c.api, c.kubelet_for)
        seen = [server.get_pod_metrics("default", "steps").memory_bytes]
        for _ in range(2):
            c.advance(10)
            seen.append(server.get_pod_metrics("default", "steps").memory_bytes)
        assert seen == [64 * 2**20, 128 * 2**20, 28 * 2**20]
        stats = summary(c.kubelet_for("node-1"))
        assert [(p.name, [(x.name, x.cpu_usage_nano_cores, x.memory_working_set_bytes) for x in p.containers])
                for p in stats.pods] == [("steps", [("s", CPU_NANO_CORES, 28 * 2**20)])]
        assert server.pod_metrics("default") == [
            PodMetrics("default", "steps", (ContainerMetrics("s", 1, 28 * 2**20),))]
        assert server.node_metrics() == [NodeMetrics("node-1", 1, 28 * 2**20)]
