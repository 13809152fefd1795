"""Checks for 13-predict-restarts: predicted restartCount, phase and STATUS at t=40s against a run."""

from pathlib import Path

import yaml

from podlab.kata import exercise_dir, fail, run_cluster
from sandbox.kubectl import run as kubectl

PODS = {"on-failure": ("OnFailure", 1), "never": ("Never", 1), "done": ("OnFailure", 0)}
PHASES = ["Pending", "Running", "Succeeded", "Failed", "Unknown"]
FIELDS = ["restartCount", "phase", "status"]


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
        fail("prediction.yaml should have one section per Pod: on-failure, never, done.")
    for name in PODS:
        section = data.get(name)
        if not isinstance(section, dict):
            fail(f"prediction.yaml: the section `{name}:` is missing or is not a mapping of restartCount, phase, status.")
        for field in FIELDS:
            if section.get(field) in (None, "?"):
                fail(f"prediction.yaml: `{name}.{field}` is still `?`: write your prediction.")
        if not isinstance(section["restartCount"], int):
            fail(f"prediction.yaml: `{name}.restartCount` should be a number, not {section['restartCount']!r}.")
        if section["phase"] not in PHASES:
            fail(
                f'prediction.yaml: `{name}.phase` is "{section["phase"]}", which is not a phase. '
                f"A Pod's phase is one of {', '.join(PHASES)}; words like CrashLoopBackOff or Error are "
                "container reasons, shown in the STATUS column."
            )
    return data


def observed() -> dict:
    """Create the three Pods at t=0 on a node that has busybox, advance 40 s, read what happened."""
    cluster = run_cluster(nodes=1)
    cluster.node("node-1").runtime.preload("busybox:1.36")
    for name, (policy, code) in PODS.items():
        cluster.apply({
            "apiVersion": "v1", "kind": "Pod", "metadata": {"name": name},
            "spec": {"restartPolicy": policy, "containers": [
                {"name": "app", "image": "busybox:1.36", "command": ["sh", "-c", f"echo working; sleep 5; exit {code}"]}]},
        })
    cluster.advance(40)
    table = kubectl(cluster, "get pods").stdout
    rows = {line.split()[0]: line.split()[2] for line in table.splitlines()[1:] if line.strip()}
    out = {}
    for name in PODS:
        pod = cluster.get("pod", name)
        out[name] = {"restartCount": pod.status.containerStatuses[0].restartCount, "phase": pod.status.phase, "status": rows[name]}
    out["_table"] = table
    return out


def _check(name: str) -> None:
    predicted = prediction()[name]
    seen = observed()
    for field in FIELDS:
        if predicted[field] != seen[name][field]:
            fail(
                f'Not as expected: pod "{name}" at t=40s: {field}.\n\n'
                f"  expected: {predicted[field]}   (your prediction)\n"
                f"  got:      {seen[name][field]}\n\n"
                f"$ kubectl get pods   (at t=40s)\n" + "\n".join("  " + ln for ln in seen["_table"].rstrip().splitlines())
            )


def test_on_failure():
    """on-failure (OnFailure, exit 1) at t=40s"""
    _check("on-failure")


def test_never():
    """never (Never, exit 1) at t=40s"""
    _check("never")


def test_done():
    """done (OnFailure, exit 0) at t=40s"""
    _check("done")
