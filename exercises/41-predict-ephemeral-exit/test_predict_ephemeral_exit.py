"""Checks for 41-predict-ephemeral-exit: predictions against a real debug session."""

from podlab.kata import fail, load_prediction, one_of, run_cluster
from sandbox.kubectl import run as kubectl

BOX = {
    "apiVersion": "v1", "kind": "Pod", "metadata": {"name": "box"},
    "spec": {"containers": [{"name": "box", "image": "busybox:1.36", "command": ["sleep", "36000"]}]},
}
FIELDS = ["state", "restartCount", "still_in_spec", "ready"]


def prediction() -> dict:
    """prediction.yaml, checked for shape."""
    return load_prediction({"state": one_of("waiting", "running", "terminated"), "restartCount": int,
                            "still_in_spec": bool, "ready": str})


def observe() -> dict:
    cluster = run_cluster(BOX)
    cluster.wait_for("pod/box", "Ready", timeout=60)
    kubectl(cluster, "debug box --image=busybox:1.36 -c oops -- sh -c 'echo checking; exit 3'")
    cluster.advance(300)
    pod = cluster.get("pod/box")
    status = next(s for s in pod.status.ephemeralContainerStatuses or [] if s.name == "oops")
    state = next(k for k in ("waiting", "running", "terminated") if getattr(status.state, k) is not None)
    table = kubectl(cluster, "get pod box").stdout
    return {
        "state": state,
        "restartCount": status.restartCount,
        "still_in_spec": any(c.name == "oops" for c in pod.spec.ephemeralContainers or []),
        "ready": table.splitlines()[1].split()[1],
        "_describe": kubectl(cluster, "describe pod box").stdout,
    }


def _check(field: str) -> None:
    predicted = prediction()[field]
    seen = observe()
    if predicted != seen[field] and str(predicted) != str(seen[field]):
        fail(
            f"Not as expected: {field}, five minutes after `kubectl debug`.\n\n"
            f"  expected: {predicted}   (your prediction)\n"
            f"  got:      {seen[field]}\n\n$ kubectl describe pod box\n"
            + "\n".join("  " + ln for ln in seen["_describe"].rstrip().splitlines())
        )


def test_state():
    """the state of ephemeral container oops"""
    _check("state")


def test_restart_count():
    """its restartCount"""
    _check("restartCount")


def test_still_in_spec():
    """whether it is still in spec.ephemeralContainers"""
    _check("still_in_spec")


def test_ready():
    """READY of the Pod"""
    _check("ready")
