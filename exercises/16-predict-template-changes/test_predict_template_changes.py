"""Checks for 16-predict-template-changes: which changes to a Deployment replace its Pods."""

import copy
from pathlib import Path

import yaml

from podlab.kata import exercise_dir, fail, run_cluster
from sandbox.kubectl import run as kubectl

CHANGES = ["scale", "image", "deployment-label", "template-annotation"]

WEB = {
    "apiVersion": "apps/v1", "kind": "Deployment", "metadata": {"name": "web"},
    "spec": {"replicas": 3, "selector": {"matchLabels": {"app": "web"}},
             "template": {"metadata": {"labels": {"app": "web"}},
                          "spec": {"containers": [{"name": "nginx", "image": "nginx:1.26"}]}}},
}


def prediction() -> dict:
    """prediction.yaml, checked for shape."""
    path = Path(exercise_dir()) / "prediction.yaml"
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        problem = None
    except yaml.YAMLError as e:
        data, problem = None, f"prediction.yaml cannot be read as YAML: {e}"
    if problem:
        fail(problem + '\n\nKeep the `"?"` placeholders quoted, or replace them with your answers.')
    if not isinstance(data, dict):
        fail(f"prediction.yaml should have one section per change: {', '.join(CHANGES)}.")
    for change in CHANGES:
        section = data.get(change)
        if not isinstance(section, dict):
            fail(f"prediction.yaml: the section `{change}:` is missing or is not a mapping of surviving and new_replicaset.")
        if section.get("surviving") in (None, "?") or section.get("new_replicaset") in (None, "?"):
            fail(f"prediction.yaml: `{change}` still has a `?`: write your prediction.")
        if not isinstance(section["surviving"], int) or isinstance(section["surviving"], bool):
            fail(f"prediction.yaml: `{change}.surviving` should be a number of Pods, not {section['surviving']!r}.")
        if not isinstance(section["new_replicaset"], bool):
            fail(f"prediction.yaml: `{change}.new_replicaset` should be true or false, not {section['new_replicaset']!r}.")
    return data


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
