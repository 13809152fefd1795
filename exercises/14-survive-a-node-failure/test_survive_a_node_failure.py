"""Checks for 14-survive-a-node-failure: checkout is Ready again on a healthy node after its node fails."""

from podlab.kata import expect, fail, load_learner_manifest, run_cluster
from sandbox.kubectl import run as kubectl

WITHIN = 420


def _ready(pod) -> bool:
    return pod.metadata.deletionTimestamp is None and any(
        c.type == "Ready" and c.status == "True" for c in (pod.status.conditions or [])
    )


def _kubectl(cluster, command: str) -> str:
    return f"$ kubectl {command}\n" + "\n".join("  " + ln for ln in kubectl(cluster, command).stdout.rstrip().splitlines())


def checkout_running():
    """A three-node cluster with app.yaml applied and one checkout Pod Ready; returns (cluster, pod)."""
    cluster = run_cluster(load_learner_manifest("app.yaml"), nodes=3)

    def ready_pods():
        return [p for p in cluster.list("pods", selector="app=checkout") if _ready(p)]

    if not cluster.clock.run_until(lambda: bool(ready_pods()), timeout=60):
        fail(
            "Timed out: no Pod labelled app=checkout was Ready after 60 seconds (virtual time).\n\n"
            "  expected: a Ready Pod with the label app: checkout\n\n" + _kubectl(cluster, "get all --show-labels")
        )
    pod = ready_pods()[0]
    expect(pod.spec.containers[0].image, f"the image of pod {pod.metadata.name}").to_equal(
        "nginx:1.27", because="the same service: keep the container as it was"
    )
    return cluster, pod


def test_checkout_runs():
    """a Pod labelled app: checkout is Ready within 60 seconds"""
    checkout_running()


def test_checkout_comes_back_after_its_node_fails():
    """after its node fails, a checkout Pod is Ready on another node within 420 seconds"""
    cluster, pod = checkout_running()
    dead = pod.spec.nodeName
    cluster.node(dead).fail()

    def back() -> bool:
        return any(p.spec.nodeName != dead and _ready(p) for p in cluster.list("pods", selector="app=checkout"))

    if not cluster.clock.run_until(back, timeout=WITHIN):
        notes = []
        for p in cluster.list("pods", selector="app=checkout"):
            if not p.metadata.ownerReferences:
                notes.append(f"The Pod on {dead} has no owner (no ownerReferences): nothing will make a replacement.")
            for t in p.spec.tolerations or []:
                if t.effect == "NoExecute" and t.tolerationSeconds is None and t.key in (None, "node.kubernetes.io/unreachable"):
                    notes.append(
                        f"Pod {p.metadata.name} tolerates {t.key or 'every taint'}:NoExecute with no tolerationSeconds: "
                        "it is never evicted, so its controller never replaces it."
                    )
        fail(
            f"Timed out: no Pod labelled app=checkout was Ready on a healthy node {WITHIN} seconds after {dead} failed (virtual time).\n\n"
            + ("\n".join(notes) + "\n\n" if notes else "")
            + _kubectl(cluster, "get nodes") + "\n\n" + _kubectl(cluster, "get pods -o wide --show-labels"),
            pod=(cluster, pod.metadata.name),
        )
