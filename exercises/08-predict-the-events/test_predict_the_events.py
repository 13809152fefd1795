"""Checks for 08-predict-the-events: the learner's predicted event reasons against a real run."""

from podlab.kata import expect_pod, fail, list_of, load_prediction, run_cluster

REASONS = ["Scheduled", "Pulling", "Pulled", "Created", "Started", "Failed", "BackOff"]
PODS = ["first", "second", "third"]


def prediction() -> dict:
    """prediction.yaml, checked for shape: a list of known reasons for each of the three Pods."""
    return load_prediction({name: list_of(*REASONS) for name in PODS})


def nginx_pod(name: str, always: bool = False) -> dict:
    container = {"name": "web", "image": "nginx:1.27"}
    if always:
        container["imagePullPolicy"] = "Always"
    return {"apiVersion": "v1", "kind": "Pod", "metadata": {"name": name}, "spec": {"containers": [container]}}


def observed() -> tuple:
    """Run the three steps of the README; return the cluster and each Pod's event reasons."""
    cluster = run_cluster(nodes=1)
    for name, always in [("first", False), ("second", False), ("third", True)]:
        cluster.apply(nginx_pod(name, always))
        expect_pod(cluster, name).to_be("Running", within=60)
    return cluster, {name: [e.reason for e in cluster.events("pod", name)] for name in PODS}


def _check(name: str) -> None:
    predicted = prediction()
    cluster, events = observed()
    if predicted[name] != events[name]:
        lines = "\n".join(f"    {e.reason:10} {e.message}" for e in cluster.events("pod", name))
        fail(
            f'Not as expected: the event reasons of pod "{name}", in order.\n\n'
            f"  expected: [{', '.join(predicted[name])}]   (your prediction)\n"
            f"  got:      [{', '.join(events[name])}]\n\n"
            f"What the cluster said about {name}:\n{lines}"
        )


def test_first():
    """first: a new image on the node"""
    _check("first")


def test_second():
    """second: the same image again"""
    _check("second")


def test_third():
    """third: the same image with imagePullPolicy: Always"""
    _check("third")
