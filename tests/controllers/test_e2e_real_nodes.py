"""End to end on the real scheduler, kubelets and node status (``sandbox.Cluster``) with the
controller manager started beside them."""

from __future__ import annotations

import pytest

from sandbox import Cluster
from sandbox.controllers.deployment import rollout_complete

DEPLOYMENT = """
apiVersion: apps/v1
kind: Deployment
metadata: {name: web}
spec:
  replicas: 3
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec:
      containers:
      - {name: c, image: busybox, command: ["sh", "-c", "sleep 100000"]}
"""

JOB = """
apiVersion: batch/v1
kind: Job
metadata: {name: hello}
spec:
  template:
    spec:
      restartPolicy: Never
      containers:
      - {name: hello, image: busybox, command: ["sh", "-c", "echo \\"Hello, Kubernetes!\\" && sleep 3600"]}
"""


@pytest.fixture
def cluster():
    """Three nodes and the controllers every Cluster runs (a second manager would double every
    controller's work)."""
    c = Cluster(nodes=3, seed=1)
    c.manager = c.controllers
    yield c
    assert c.controllers.errors() == []
    c.close()


def running_on(cluster, selector="app=web"):
    return sorted(p.spec.nodeName for p in cluster.list("pods", selector=selector)
                  if p.status.phase == "Running" and not p.metadata.deletionTimestamp)


def test_deployment_survives_a_node_failure(cluster):
    cluster.apply(DEPLOYMENT)
    assert cluster.clock.run_until(lambda: rollout_complete(cluster.api, "web"), 120)
    assert running_on(cluster) == ["node-1", "node-2", "node-3"]
    t0 = cluster.clock.now()
    cluster.node("node-2").fail()
    assert cluster.clock.run_until(lambda: running_on(cluster) and "node-2" not in running_on(cluster)
                                   and len(running_on(cluster)) == 3, 900)
    elapsed = cluster.clock.now() - t0
    # about 50 s until the node is Unknown, then the 300 s toleration, then a new pod starts
    assert 350 <= elapsed <= 365
    assert sorted(set(running_on(cluster))) == ["node-1", "node-3"]
    # the evicted pod stays Terminating on the dead node (no kubelet to finish it)
    (stuck,) = [p for p in cluster.list("pods", selector="app=web") if p.spec.nodeName == "node-2"]
    assert stuck.metadata.deletionTimestamp is not None
    assert [e.message for e in cluster.events() if e.reason == "TaintManagerEviction"] == [
        f"Marking for deletion Pod default/{stuck.metadata.name}"]
    node = cluster.get("node", "node-2")
    assert {(t.key, t.effect) for t in node.spec.taints} == {
        ("node.kubernetes.io/unreachable", "NoSchedule"), ("node.kubernetes.io/unreachable", "NoExecute")}


def test_seed_job_completes_after_an_hour(cluster):
    cluster.apply(JOB)
    job = cluster.wait_for("job/hello", "Complete", timeout=3700)
    assert job.status.succeeded == 1
    assert 3600 <= (job.status.completionTime - job.status.startTime).total_seconds() <= 3610
    (pod,) = cluster.list("pods", selector="job-name=hello")
    assert cluster.logs(pod.metadata.name) == "Hello, Kubernetes!\n"
