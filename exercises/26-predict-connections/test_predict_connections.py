"""Checks for 26-predict-connections: the learner's predictions against real wget runs."""

import pytest

from podlab.kata import (
    expect,
    expect_pod,
    load_learner_manifest,
    load_prediction,
    one_of,
    run_cluster,
)

#: key -> (pod, container, URL with {duo} for duo's Pod IP)
CONNECTIONS = {
    "client-to-localhost": ("duo", "client", "http://localhost:8080/hostname"),
    "solo-to-localhost": ("solo", "shell", "http://localhost:8080/hostname"),
    "solo-to-duo-ip": ("solo", "shell", "http://{duo}:8080/hostname"),
    "solo-to-duo-ip-port-80": ("solo", "shell", "http://{duo}:80/"),
    "client-to-own-ip": ("duo", "client", "http://{duo}:8080/hostname"),
}
ANSWERS = ("succeeds", "fails")


def prediction(key):
    """The predicted outcome of connection ``key``: succeeds or fails."""
    return load_prediction({k: one_of(*ANSWERS) for k in CONNECTIONS})[key]


@pytest.mark.parametrize("key", list(CONNECTIONS))
def test_prediction(key):
    """each connection succeeds or fails as you predicted"""
    predicted = prediction(key)
    cluster = run_cluster(load_learner_manifest("pods.yaml"), nodes=2)
    for name in ("duo", "solo"):
        expect_pod(cluster, name).to_be("Ready", within=60)
    pod, container, url = CONNECTIONS[key]
    url = url.format(duo=cluster.get("pod", "duo").status.podIP)
    r = cluster.exec(pod, f"wget -T 5 -qO- {url}", container=container)
    actual = "succeeds" if r.exit_code == 0 else "fails"
    said = r.stdout.strip() if r.exit_code == 0 else r.stderr.strip()
    expect(actual, f"wget {url} from {pod}/{container}").to_equal(predicted, because=f"wget said: {said}")
