"""Checks for 10-predict-restarts: predicted restartCount, phase and STATUS at t=40s against a run."""

from podlab.kata import fail, load_prediction, run_cluster
from sandbox.kubectl import run as kubectl

PODS = {"on-failure": ("OnFailure", 1), "never": ("Never", 1), "done": ("OnFailure", 0)}
PHASES = ["Pending", "Running", "Succeeded", "Failed", "Unknown"]
FIELDS = ["restartCount", "phase", "status"]


def prediction() -> dict:
    """prediction.yaml, checked for shape."""
    kinds = {"restartCount": int, "phase": str, "status": str}
    data = load_prediction({f"{name}.{field}": kinds[field] for name in PODS for field in FIELDS})
    for name in PODS:
        if data[name]["phase"] not in PHASES:
            fail(
                f'prediction.yaml: `{name}.phase` is "{data[name]["phase"]}", which is not a phase. '
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
