"""Checks for 39-predict-liveness-restarts: predictions against a run of the docs' exec example."""

from podlab.kata import fail, load_learner_manifest, load_prediction, one_of, run_cluster
from sandbox.kubectl import run as kubectl

FIELDS = ["restartCount_at_60s", "restartCount_at_120s", "ready_at_60s"]


def prediction() -> dict:
    """prediction.yaml, checked for shape: two restart counts and the READY column."""
    return load_prediction({"restartCount_at_60s": int, "restartCount_at_120s": int, "ready_at_60s": one_of("1/1", "0/1")})


def observe() -> dict:
    """Run the example; read restartCount at 60 s and 120 s, READY at 60 s, and the timeline."""
    cluster = run_cluster(load_learner_manifest("liveness-exec.yaml"))
    seen: dict = {}
    cluster.advance(60)
    table60 = kubectl(cluster, "get pod liveness-exec").stdout
    seen["ready_at_60s"] = table60.splitlines()[1].split()[1]
    seen["restartCount_at_60s"] = cluster.get("pod/liveness-exec").status.containerStatuses[0].restartCount
    cluster.advance(60)
    seen["restartCount_at_120s"] = cluster.get("pod/liveness-exec").status.containerStatuses[0].restartCount
    seen["_tables"] = "$ kubectl get pod liveness-exec   (at t=60s)\n" + table60
    seen["_timeline"] = str(cluster.timeline("pod/liveness-exec"))
    return seen


def _check(field: str) -> None:
    predicted = prediction()[field]
    seen = observe()
    if str(predicted) != str(seen[field]):
        fail(
            f"Not as expected: {field}.\n\n"
            f"  expected: {predicted}   (your prediction)\n"
            f"  got:      {seen[field]}\n\n"
            + "\n".join("  " + ln for ln in seen["_tables"].rstrip().splitlines())
            + "\n\nThe life of pod liveness-exec on virtual time:\n"
            + "\n".join("  " + ln for ln in seen["_timeline"].rstrip().splitlines())
        )


def test_restart_count_at_60s():
    """restartCount at t=60s"""
    _check("restartCount_at_60s")


def test_restart_count_at_120s():
    """restartCount at t=120s"""
    _check("restartCount_at_120s")


def test_ready_at_60s():
    """READY at t=60s"""
    _check("ready_at_60s")
