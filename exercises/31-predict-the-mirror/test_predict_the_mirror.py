"""Checks for 31-predict-the-mirror: predictions against a static Pod's mirror on node-1."""

from podlab.kata import exercise_dir, fail, load_prediction, run_cluster
from sandbox.errors import NotFound
from sandbox.kubectl import run as kubectl

FIELDS = ["listed_after_delete", "restarted_by_delete", "listed_after_file_removed"]


def prediction() -> dict:
    """prediction.yaml, checked for shape: true or false for each question."""
    return load_prediction(dict.fromkeys(FIELDS, bool))


def _listed(cluster) -> bool:
    try:
        cluster.get("pod", "web-node-1")
        return True
    except NotFound:
        return False


def observe() -> dict:
    cluster = run_cluster(nodes=1)
    node = cluster.node("node-1")
    node.add_static_pod((exercise_dir() / "web.yaml").read_text(encoding="utf-8"))
    cluster.advance(20)
    story = ["t=20s $ kubectl delete pod web-node-1", "  " + kubectl(cluster, "delete pod web-node-1").stdout.strip()]
    cluster.advance(2)
    seen = {"listed_after_delete": _listed(cluster)}
    table = kubectl(cluster, "get pods").stdout or "No resources found in default namespace.\n"
    story += ["t=22s $ kubectl get pods", *("  " + ln for ln in table.rstrip().splitlines())]
    log = cluster.logs("web-node-1", container="web")
    seen["restarted_by_delete"] = log.count("started") > 1
    story += ["t=22s $ kubectl logs web-node-1", *("  " + ln for ln in log.rstrip().splitlines())]
    cluster.advance(18)
    node.remove_static_pod("web.yaml")
    story.append("t=40s web.yaml removed from /etc/kubernetes/manifests/")
    cluster.advance(60)
    seen["listed_after_file_removed"] = _listed(cluster)
    table = kubectl(cluster, "get pods").stdout or "No resources found in default namespace.\n"
    story += ["t=100s $ kubectl get pods", *("  " + ln for ln in table.rstrip().splitlines())]
    seen["_story"] = "\n".join(story)
    return seen


def _check(field: str) -> None:
    predicted = prediction()[field]
    seen = observe()
    if predicted != seen[field]:
        fail(
            f"Not as expected: {field}.\n\n"
            f"  expected: {str(predicted).lower()}   (your prediction)\n"
            f"  got:      {str(seen[field]).lower()}\n\nWhat happened:\n" + seen["_story"]
        )


def test_listed_after_delete():
    """is the mirror listed 2 s after `kubectl delete pod web-node-1`?"""
    _check("listed_after_delete")


def test_restarted_by_delete():
    """did the delete restart the container?"""
    _check("restarted_by_delete")


def test_listed_after_file_removed():
    """is the mirror listed 60 s after the file was removed?"""
    _check("listed_after_file_removed")
