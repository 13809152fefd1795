"""A pod created with scheduling gates gets ``PodScheduled=False``, reason ``SchedulingGated``
(``applySchedulingGatedCondition`` in ``pkg/registry/core/pod/strategy.go``)."""

from __future__ import annotations

from sandbox import Cluster
from sandbox.apiserver.strategy import apply_scheduling_gated_condition, prepare_create

GATED = """
apiVersion: v1
kind: Pod
metadata: {name: gated}
spec:
  schedulingGates: [{name: example.com/quota}]
  containers:
  - name: app
    image: nginx:1.27
"""


def test_new_gated_pod_has_the_condition_and_shows_schedulinggated() -> None:
    with Cluster(nodes=1, seed=0) as cluster:
        cluster.apply(GATED)
        cluster.advance(5)
        pod = cluster.get("pod", "gated")
        conds = [c.to_dict() for c in pod.status.conditions]
        assert conds == [{
            "type": "PodScheduled", "status": "False", "reason": "SchedulingGated",
            "message": "Scheduling is blocked due to non-empty scheduling gates",
            "lastTransitionTime": pod.metadata.creationTimestamp.strftime("%Y-%m-%dT%H:%M:%SZ"),
        }]
        assert pod.status.phase == "Pending"
        assert cluster.kubectl("get pod gated").splitlines()[1].split()[:3] == ["gated", "0/1", "SchedulingGated"]
        assert "  PodScheduled   False \n" in cluster.kubectl("describe pod gated")

        cluster.patch("pod", "gated", [{"op": "remove", "path": "/spec/schedulingGates"}], patch_type="json")
        cluster.wait_for("pod/gated", "Ready", timeout=60)
        scheduled = next(c for c in cluster.get("pod", "gated").status.conditions if c.type == "PodScheduled")
        assert (scheduled.status, scheduled.reason) == ("True", None)


def test_condition_only_with_gates_and_only_on_create() -> None:
    plain = {"spec": {"containers": [{"name": "a"}]}}
    prepare_create("Pod", plain, "2025-01-01T00:00:00Z")
    assert plain["status"] == {"phase": "Pending"}
    gated = {"spec": {"schedulingGates": [{"name": "g"}]}, "status": {"phase": "Running"}}
    prepare_create("Pod", gated, "2025-01-01T00:00:00Z")
    assert gated["status"]["conditions"][0]["reason"] == "SchedulingGated"
    # a PodScheduled condition already there is left alone
    pod = {"spec": {"schedulingGates": [{"name": "g"}]},
           "status": {"conditions": [{"type": "PodScheduled", "status": "True"}]}}
    apply_scheduling_gated_condition(pod)
    assert pod["status"]["conditions"] == [{"type": "PodScheduled", "status": "True"}]
