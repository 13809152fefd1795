"""``kubectl debug --target=C``: the ephemeral container joins C's PID namespace.

Kubernetes: ``pkg/kubelet/kuberuntime/kuberuntime_container.go`` (``getTargetID``: the target
must be running, else ``Error: unable to find target container app``) and the CRI's
``NamespaceMode_TARGET``, which containerd implements by joining the target's PID namespace;
kubectl prints ``Targeting container "app". ...`` (``pkg/cmd/debug/debug.go``).
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from sandbox import Cluster

TARGETING = ('Targeting container "app". If you don\'t see processes from this container it may be '
             "because the container runtime doesn't support this feature.\n")


@pytest.fixture
def cluster() -> Iterator[Cluster]:
    with Cluster(nodes=1, seed=0) as c:
        c.apply({"apiVersion": "v1", "kind": "Pod", "metadata": {"name": "app"},
                 "spec": {"containers": [{"name": "app", "image": "nginx:1.27"}]}})
        c.wait_for("pod/app", "Ready")
        yield c


def test_the_debug_container_sees_and_signals_the_targets_processes(cluster: Cluster) -> None:
    out = cluster.kubectl("debug app --image=busybox:1.36 --target=app -c dbg -- sleep 3600")
    assert out.stdout == TARGETING
    cluster.advance(5)
    ps = cluster.exec("app", "ps", container="dbg")
    assert ps.stdout == ("PID   USER     TIME  COMMAND\n"
                         "    1 root      0:00 nginx: master process nginx -g daemon off;\n"
                         "    2 root      0:00 nginx: worker process\n"
                         "    3 root      0:00 sleep 3600\n"
                         "    4 root      0:00 ps\n")
    # root in the debug container may signal the target's PID 1: nginx quits, the container restarts
    assert cluster.exec("app", "kill -QUIT 1; echo $?", container="dbg").stdout == "0\n"
    cluster.advance(5)
    assert cluster.get("pod/app").status.containerStatuses[0].restartCount == 1


def test_without_target_the_debug_container_has_its_own_pid_namespace(cluster: Cluster) -> None:
    out = cluster.kubectl("debug app --image=busybox:1.36 -c dbg -- sleep 3600")
    assert out.stdout == ""
    cluster.advance(5)
    assert cluster.exec("app", "ps", container="dbg").stdout == ("PID   USER     TIME  COMMAND\n"
                                                                 "    1 root      0:00 sleep 3600\n"
                                                                 "    2 root      0:00 ps\n")
