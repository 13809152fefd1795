"""``activeDeadlineSeconds``: the pod fails with ``DeadlineExceeded`` for good, whatever the
containers' exit codes once they are stopped (``pkg/kubelet/active_deadline.go``; in
``generateAPIPodStatus`` "pods are not allowed to transition out of terminal phases")."""

from __future__ import annotations

import pytest

from sandbox import Cluster

MESSAGE = "Pod was active on the node longer than the specified deadline"

POD = """
apiVersion: v1
kind: Pod
metadata: {{name: web}}
spec:
  activeDeadlineSeconds: 30
  restartPolicy: {policy}
  containers:
  - name: app
    image: {image}
{command}"""


@pytest.mark.parametrize(
    ("image", "command", "policy", "exit_code"),
    [
        ("nginx:1.27", "", "Always", 0),  # nginx exits 0 on SIGTERM
        ("nginx:1.27", "", "Never", 0),
        ("busybox:1.36", "    command: [sh, -c, \"trap 'exit 0' TERM; while true; do sleep 1; done\"]\n",
         "OnFailure", 0),
        ("busybox:1.36", "    command: [sh, -c, 'sleep 3600']\n", "Always", 137),  # PID 1 ignores SIGTERM
    ],
)
def test_deadline_exceeded_stays_failed(image: str, command: str, policy: str, exit_code: int) -> None:
    with Cluster(nodes=1, seed=0) as cluster:
        cluster.apply(POD.format(image=image, command=command, policy=policy))
        cluster.advance(100)
        pod = cluster.get("pod", "web")
        assert (pod.status.phase, pod.status.reason, pod.status.message) == ("Failed", "DeadlineExceeded", MESSAGE)
        term = pod.status.containerStatuses[0].state.terminated
        assert term is not None and term.exitCode == exit_code
        ready = next(c for c in pod.status.conditions if c.type == "Ready")
        assert (ready.status, ready.reason) == ("False", "PodFailed")
        reasons = [e.reason for e in cluster.events("pod", "web")]
        assert reasons.count("DeadlineExceeded") == 1
        cluster.advance(300)
        again = cluster.get("pod", "web")
        assert (again.status.phase, again.status.reason) == ("Failed", "DeadlineExceeded")
        assert "Reason:           DeadlineExceeded" in cluster.kubectl("describe pod web")


def test_pod_done_before_its_deadline_stays_succeeded() -> None:
    with Cluster(nodes=1, seed=0) as cluster:
        cluster.apply(POD.format(image="busybox:1.36", command="    command: [sh, -c, 'echo done']\n",
                                 policy="Never"))
        cluster.advance(100)
        pod = cluster.get("pod", "web")
        assert (pod.status.phase, pod.status.reason) == ("Succeeded", None)
        assert "DeadlineExceeded" not in [e.reason for e in cluster.events("pod", "web")]
