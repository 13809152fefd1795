"""Checks for 13-predict-template-changes: which changes to a Deployment replace its Pods."""

import copy

from podlab.kata import fail, load_prediction, run_cluster
from sandbox.kubectl import run as kubectl

CHANGES = ["scale", "image", "deployment-label", "template-annotation"]

WEB = {
    "apiVersion": "apps/v1", "kind": "Deployment", "metadata": {"name": "web"},
    "spec": {"replicas": 3, "selector": {"matchLabels": {"app": "web"}},
             "template": {"metadata": {"labels": {"app": "web"}},
                          "spec": {"containers": [{"name": "nginx", "image": "nginx:1.26"}]}}},
}


def prediction() -> dict:
    """prediction.yaml, checked for shape: surviving Pods and whether a ReplicaSet is new, per change."""
    return load_prediction({f"{c}.{f}": kind for c in CHANGES for f, kind in (("surviving", int), ("new_replicaset", bool))})


def _settled(cluster) -> bool:
    d = cluster.get("deployment", "web")
    pods = [p for p in cluster.list("pods", selector="app=web")]
    return (
        (d.status.observedGeneration or 0) >= (d.metadata.generation or 0)
        and d.status.updatedReplicas == d.spec.replicas
        and d.status.availableReplicas == d.spec.replicas
        and (d.status.replicas or 0) == d.spec.replicas
        and len(pods) == d.spec.replicas
    )


def observed() -> tuple:
    """Make the four changes; return the cluster, and per change: surviving Pods and whether a ReplicaSet was added."""
    cluster = run_cluster(nodes=2)
    web = copy.deepcopy(WEB)
    cluster.apply(web)
    cluster.clock.run_until(lambda: _settled(cluster), timeout=120)
    seen = {}
    for change in CHANGES:
        if change == "scale":
            web["spec"]["replicas"] = 4
        elif change == "image":
            web["spec"]["template"]["spec"]["containers"][0]["image"] = "nginx:1.27"
        elif change == "deployment-label":
            web["metadata"]["labels"] = {"team": "shop"}
        else:
            web["spec"]["template"]["metadata"]["annotations"] = {"note": "hello"}
        before = {p.metadata.name for p in cluster.list("pods", selector="app=web")}
        sets_before = {r.metadata.name for r in cluster.list("replicasets")}
        cluster.apply(copy.deepcopy(web))
        cluster.advance(1)
        cluster.clock.run_until(lambda: _settled(cluster), timeout=120)
        after = {p.metadata.name for p in cluster.list("pods", selector="app=web")}
        sets_after = {r.metadata.name for r in cluster.list("replicasets")}
        seen[change] = {"surviving": len(before & after), "new_replicaset": bool(sets_after - sets_before)}
    return cluster, seen


def _check(change: str) -> None:
    predicted = prediction()[change]
    cluster, seen = observed()
    for field in ("surviving", "new_replicaset"):
        want, got = predicted[field], seen[change][field]
        if want != got:
            show = {True: "true", False: "false"}
            fail(
                f"Not as expected: after the change `{change}`, {field}.\n\n"
                f"  expected: {show.get(want, want) if isinstance(want, bool) else want}   (your prediction)\n"
                f"  got:      {show.get(got, got) if isinstance(got, bool) else got}\n\n"
                "$ kubectl describe deployment web   (its events, after all four changes)\n"
                + "\n".join("  " + ln for ln in kubectl(cluster, "describe deployment web").stdout.split("Events:")[1].strip("\n").splitlines())
            )


def test_scale():
    """change 1: spec.replicas 3 -> 4"""
    _check("scale")


def test_image():
    """change 2: the image nginx:1.26 -> nginx:1.27"""
    _check("image")


def test_deployment_label():
    """change 3: a label on the Deployment itself"""
    _check("deployment-label")


def test_template_annotation():
    """change 4: an annotation in the Pod template"""
    _check("template-annotation")
