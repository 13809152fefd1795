"""Checks for 15-predict-the-replacement-time: predicted replacement times after a node failure."""

from podlab.kata import fail, load_prediction, run_cluster
from sandbox.kubectl import run as kubectl

TOLERANCE = 15


def prediction() -> dict:
    """prediction.yaml, checked for shape: a number of seconds for patient and impatient."""
    return load_prediction({"patient": float, "impatient": float})


def deployment(name: str, toleration_seconds: int | None) -> dict:
    spec: dict = {"containers": [{"name": "web", "image": "nginx:1.27"}]}
    if toleration_seconds is not None:
        spec["tolerations"] = [
            {"key": key, "operator": "Exists", "effect": "NoExecute", "tolerationSeconds": toleration_seconds}
            for key in ("node.kubernetes.io/unreachable", "node.kubernetes.io/not-ready")
        ]
    return {
        "apiVersion": "apps/v1", "kind": "Deployment", "metadata": {"name": name},
        "spec": {"replicas": 1, "selector": {"matchLabels": {"app": name}},
                 "template": {"metadata": {"labels": {"app": name}}, "spec": spec}},
    }


def observed() -> tuple:
    """Run the scenario; return the cluster and, per Deployment, seconds from failure to a Running replacement."""
    cluster = run_cluster(nodes=3)
    for node in ("node-1", "node-3"):  # both Deployments start on node-2
        cluster.node(node).cordon()
    cluster.apply([deployment("patient", None), deployment("impatient", 30)])
    cluster.clock.run_until(
        lambda: len([p for p in cluster.list("pods") if p.status.phase == "Running"]) == 2, timeout=60
    )
    for node in ("node-1", "node-3"):
        cluster.node(node).uncordon()
    failed_at = cluster.elapsed
    cluster.node("node-2").fail()
    seen: dict = {}

    def record() -> bool:
        for p in cluster.list("pods"):
            app = (p.metadata.labels or {}).get("app")
            if app not in seen and p.spec.nodeName not in (None, "node-2") and p.status.phase == "Running":
                seen[app] = round(cluster.elapsed - failed_at)
        return len(seen) == 2

    cluster.clock.run_until(record, timeout=600)
    return cluster, seen


def _check(name: str) -> None:
    predicted = prediction()[name]
    cluster, seen = observed()
    got = seen.get(name)
    if got is None or abs(predicted - got) > TOLERANCE:
        fail(
            f"Not as expected: when the replacement of {name} was Running (seconds after node-2 failed).\n\n"
            f"  expected: {predicted} (your prediction, give or take {TOLERANCE} s)\n"
            f"  got:      {got if got is not None else 'not within 600 s'}\n\n"
            "$ kubectl get events --field-selector reason=TaintManagerEviction\n"
            + "\n".join("  " + ln for ln in kubectl(cluster, "get events --field-selector reason=TaintManagerEviction").stdout.rstrip().splitlines())
            + "\n\n$ kubectl describe node node-2   (conditions and taints)\n"
            + "\n".join(
                "  " + ln for ln in kubectl(cluster, "describe node node-2").stdout.splitlines()
                if ln.startswith(("Taints", "  Ready", "                    node.kubernetes.io"))
            )
        )


def test_patient():
    """patient (default tolerations): when is its replacement Running?"""
    _check("patient")


def test_impatient():
    """impatient (tolerationSeconds: 30): when is its replacement Running?"""
    _check("impatient")
