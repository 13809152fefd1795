"""Checks for 11-predict-the-events: the learner's predicted event reasons against a real run."""

from pathlib import Path

import yaml

from podlab.kata import exercise_dir, expect_pod, fail, run_cluster

REASONS = ["Scheduled", "Pulling", "Pulled", "Created", "Started", "Failed", "BackOff"]
PODS = ["first", "second", "third"]


def prediction() -> dict:
    """prediction.yaml, checked for shape: a list of known reasons for each of the three Pods."""
    path = Path(exercise_dir()) / "prediction.yaml"
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        problem = None
    except yaml.YAMLError as e:
        data, problem = None, f"prediction.yaml cannot be read as YAML: {e}"
    if problem:
        fail(problem + '\n\nKeep the `"?"` placeholders quoted, or replace them with your answers.')
    if not isinstance(data, dict):
        fail("prediction.yaml should map each Pod name (first, second, third) to a list of reasons.")
    for name in PODS:
        value = data.get(name)
        if value in (None, "?"):
            fail(f"prediction.yaml: `{name}` is still `?`. Write your prediction as a list, e.g. [Scheduled, ...].")
        if not isinstance(value, list) or not all(isinstance(r, str) for r in value):
            fail(f"prediction.yaml: `{name}` should be a list of reasons like [Scheduled, Pulled], not {value!r}.")
        unknown = [r for r in value if r not in REASONS]
        if unknown:
            fail(f"prediction.yaml: `{name}` lists {unknown}, which is not one of {', '.join(REASONS)} (spelling and case count).")
    return data


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
