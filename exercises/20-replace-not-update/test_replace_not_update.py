"""Checks for 20-replace-not-update: roll_out() replaces the Pod instead of updating it."""

import importlib.util

from podlab.kata import exercise_dir, expect, expect_pod, fail, run_cluster
from sandbox.errors import StatusError


def old_manifest():
    """The Pod as it runs before the roll-out: new-api.yaml with MODE=blue."""
    return (exercise_dir() / "new-api.yaml").read_text(encoding="utf-8").replace("value: green", "value: blue")


def learner_roll_out():
    """The learner's roll_out function from rollout.py."""
    path = exercise_dir() / "rollout.py"
    spec = importlib.util.spec_from_file_location("learner_rollout", path)
    module = importlib.util.module_from_spec(spec)
    try:
        spec.loader.exec_module(module)
    except Exception as e:  # noqa: BLE001 - any error in the learner's file is shown, not raised
        fail(f"rollout.py cannot be loaded: {type(e).__name__}: {e}")
    if not callable(getattr(module, "roll_out", None)):
        fail("rollout.py has no function roll_out(cluster, manifest).")
    return module.roll_out


def rolled_out():
    """The old Pod running, then roll_out() called with new-api.yaml; returns (cluster, old uid)."""
    roll_out = learner_roll_out()
    cluster = run_cluster(old_manifest())
    expect_pod(cluster, "api").to_be("Ready", within=60)
    old_uid = cluster.get("pod", "api").metadata.uid
    new = (exercise_dir() / "new-api.yaml").read_text(encoding="utf-8")
    refused = None
    try:
        roll_out(cluster, new)
    except StatusError as e:
        refused = e.kubectl()
    if refused is not None:
        fail(
            "roll_out() failed: the API server refused a request. kubectl would print:\n\n"
            f"  {refused}\n\n"
            "A Pod's spec allows almost no changes in place, and a Pod's name is taken until the "
            "old Pod is completely gone."
        )
    return cluster, old_uid


def test_a_new_pod_named_api_runs_in_mode_green():
    """afterwards a new Pod named api (new UID) is Ready and its container sees MODE=green"""
    cluster, old_uid = rolled_out()
    pod = expect_pod(cluster, "api").to_exist()
    expect(pod.metadata.uid != old_uid, "whether pod api is a new Pod (a new UID)").to_equal(
        True, because="the env of a Pod cannot change: only a new Pod can run with MODE=green"
    )
    expect_pod(cluster, "api").to_be("Ready", within=60)
    out = cluster.exec("api", "echo $MODE").stdout.strip()
    expect(out, "MODE inside the new container").to_equal("green")
