"""Checks for 11-deployment-from-a-template: a Deployment keeps three Pods made from its template."""

from podlab.kata import expect, fail, load_learner_manifest, run_cluster
from sandbox.kubectl import run as kubectl


def shop_cluster():
    """A two-node cluster with deployment.yaml applied; it must hold the Deployment shop."""
    docs = load_learner_manifest("deployment.yaml")
    expect(len(docs), "the number of objects in deployment.yaml").to_equal(1)
    expect(docs[0].get("kind"), "the kind of the object in deployment.yaml").to_equal(
        "Deployment", because="a Deployment creates and replaces Pods for you; a Pod on its own is never replaced"
    )
    cluster = run_cluster(docs, nodes=2)
    names = [d.metadata.name for d in cluster.list("deployments")]
    expect(names, "the Deployments in the cluster").to_equal(["shop"])
    return cluster


def _ready(pod) -> bool:
    return pod.metadata.deletionTimestamp is None and any(
        c.type == "Ready" and c.status == "True" for c in (pod.status.conditions or [])
    )


def wait_for_ready_pods(cluster, count: int, within: float):
    """Wait until exactly ``count`` Pods labelled app=shop are Ready; fail with kubectl's view if not."""
    def enough() -> bool:
        return len([p for p in cluster.list("pods", selector="app=shop") if _ready(p)]) == count

    cluster.clock.run_until(enough, timeout=within)
    pods = cluster.list("pods", selector="app=shop")
    ready = [p for p in pods if _ready(p)]
    if len(ready) != count:
        fail(
            f"Timed out: {count} Pods labelled app=shop were not Ready after {within:g} seconds (virtual time).\n\n"
            f"  expected: {count} Ready\n  got:      {len(ready)} Ready\n\n"
            "$ kubectl get deployments,replicasets,pods -o wide\n"
            + "\n".join("  " + ln for ln in kubectl(cluster, "get deployments,replicasets,pods -o wide").stdout.rstrip().splitlines())
        )
    return ready


def test_three_pods_become_ready():
    """three Pods labelled app: shop are Ready within 60 seconds, running nginx:1.27"""
    cluster = shop_cluster()
    for pod in wait_for_ready_pods(cluster, 3, 60):
        expect(pod.spec.containers[0].name, f"the container name in pod {pod.metadata.name}").to_equal("web")
        expect(pod.spec.containers[0].image, f"the image in pod {pod.metadata.name}").to_equal("nginx:1.27")


def test_pods_are_owned_by_a_replicaset_of_shop():
    """each Pod is owned by a ReplicaSet, which the Deployment shop owns"""
    cluster = shop_cluster()
    for pod in wait_for_ready_pods(cluster, 3, 60):
        owner = (pod.metadata.ownerReferences or [None])[0]
        expect(owner and owner.kind, f"the kind of the owner of pod {pod.metadata.name}").to_equal("ReplicaSet")
        rs = cluster.get("replicaset", owner.name)
        expect(rs.metadata.ownerReferences[0].name, f"the owner of replicaset {rs.metadata.name}").to_equal("shop")
        expect(pod.metadata.name.startswith(f"{rs.metadata.name}-"), f"pod {pod.metadata.name} is named after its ReplicaSet").to_equal(True)


def test_a_deleted_pod_is_replaced():
    """a deleted Pod is replaced by a new one (a new name) within 30 seconds"""
    cluster = shop_cluster()
    before = wait_for_ready_pods(cluster, 3, 60)
    victim = before[0].metadata.name
    cluster.delete("pod", victim)
    after = wait_for_ready_pods(cluster, 3, 30)
    names = {p.metadata.name for p in after}
    expect(victim in names, f"the deleted pod {victim} is still among the Ready Pods").to_equal(False)
    expect(len(names - {p.metadata.name for p in before}), "the number of new Pods").to_equal(
        1, because="the ReplicaSet makes a new Pod (a new name, a new uid) to replace the one that went away"
    )
