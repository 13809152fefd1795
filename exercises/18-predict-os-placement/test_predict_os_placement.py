"""Checks for 18-predict-os-placement: the learner's predictions against the scheduler."""

import pytest

from podlab.kata import expect, load_learner_manifest, load_prediction, one_of, run_cluster
from sandbox.scheduler import why_pending

PODS = ["legacy-report", "windows-report", "windows-report-tolerant"]
ANSWERS = ("node-1", "node-2", "Pending")


def prediction(name):
    """The predicted place of pod ``name``: node-1, node-2 or Pending."""
    return load_prediction({pod: one_of(*ANSWERS) for pod in PODS})[name]


def placement(name):
    """Apply pods.yaml to node-1 (linux) + node-2 (windows, tainted) and return where ``name`` is."""
    cluster = run_cluster(nodes=1)
    cluster.add_node(os="windows", taints=["os=windows:NoSchedule"])
    cluster.advance(5)
    cluster.apply(list(load_learner_manifest("pods.yaml")))
    cluster.advance(30)
    return cluster, cluster.get("pod", name).spec.nodeName or "Pending"


@pytest.mark.parametrize("name", PODS)
def test_prediction(name):
    """your prediction for each Pod matches where the scheduler put it"""
    predicted = prediction(name)
    cluster, actual = placement(name)
    if actual == "Pending":
        why = why_pending(cluster.api, name)
    else:
        labels = cluster.get("node", actual).metadata.labels
        why = f"the scheduler bound {name} to {actual} (kubernetes.io/os={labels['kubernetes.io/os']})"
    expect(actual, f"where pod {name} is after 30 seconds").to_equal(predicted, because=why)
