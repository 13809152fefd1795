"""ReplicaSet and Deployment controllers on the fake nodes (see conftest)."""

from __future__ import annotations

import re

import pytest

from sandbox.controllers.deployment import (
    RolloutError,
    compute_hash,
    resolve_fenceposts,
    rollback,
    rollout_complete,
    rollout_status,
    safe_encode_string,
)
from sandbox.errors import Forbidden


def rs_manifest(name: str = "web", replicas: int = 3, image: str = "nginx") -> dict:
    return {"apiVersion": "apps/v1", "kind": "ReplicaSet", "metadata": {"name": name},
            "spec": {"replicas": replicas, "selector": {"matchLabels": {"app": name}},
                     "template": {"metadata": {"labels": {"app": name}},
                                  "spec": {"containers": [{"name": "c", "image": image}]}}}}


def deploy_manifest(name: str = "nginx", replicas: int = 3, image: str = "nginx:1.14.2", **spec) -> dict:
    return {"apiVersion": "apps/v1", "kind": "Deployment", "metadata": {"name": name},
            "spec": {"replicas": replicas, "selector": {"matchLabels": {"app": name}}, **spec,
                     "template": {"metadata": {"labels": {"app": name}},
                                  "spec": {"containers": [{"name": "nginx", "image": image}]}}}}


def test_replicaset_creates_pods_with_owner_and_events(world):
    world.api.create(rs_manifest())
    world.advance(5)
    rs = world.get("replicasets", "web")
    pods = world.pods()
    assert len(pods) == 3
    for p in pods:
        assert re.fullmatch(r"web-[bcdfghjklmnpqrstvwxz2456789]{5}", p["metadata"]["name"])
        assert p["metadata"]["generateName"] == "web-"
        assert p["metadata"]["labels"] == {"app": "web"}
        assert p["metadata"]["ownerReferences"] == [{
            "apiVersion": "apps/v1", "kind": "ReplicaSet", "name": "web", "uid": rs["metadata"]["uid"],
            "controller": True, "blockOwnerDeletion": True}]
    assert sorted(world.messages("SuccessfulCreate")) == sorted(f"Created pod: {p['metadata']['name']}" for p in pods)
    assert rs["status"] == {"replicas": 3, "fullyLabeledReplicas": 3, "readyReplicas": 3, "availableReplicas": 3,
                            "observedGeneration": 1}


def test_replicaset_replaces_a_deleted_pod_and_scales_down_unready_first(world):
    world.api.create(rs_manifest())
    world.advance(5)
    victim = world.pods()[0]["metadata"]["name"]
    world.api.delete("pods", victim, grace_period_seconds=0)
    world.advance(5)
    names = [p["metadata"]["name"] for p in world.pods()]
    assert len(names) == 3 and victim not in names
    # a pod that is not ready goes first when scaling down
    unready = names[1]
    world.nodes.set_ready("default", unready, False)
    world.advance(1)
    world.api.patch("replicasets", "web", {"spec": {"replicas": 2}})
    world.advance(5)
    assert world.messages("SuccessfulDelete") == [f"Deleted pod: {unready}"]
    assert world.get("replicasets", "web")["status"]["replicas"] == 2


def test_replicaset_adopts_orphans_and_releases_relabelled_pods(world):
    world.api.create({"apiVersion": "v1", "kind": "Pod", "metadata": {"name": "stray", "labels": {"app": "web"}},
                      "spec": {"containers": [{"name": "c", "image": "nginx"}]}})
    world.advance(2)
    world.api.create(rs_manifest(replicas=2))
    world.advance(5)
    rs = world.get("replicasets", "web")
    stray = world.get("pods", "stray")
    assert stray["metadata"]["ownerReferences"][0]["uid"] == rs["metadata"]["uid"]
    assert len(world.pods("app=web")) == 2
    world.api.patch("pods", "stray", {"metadata": {"labels": {"app": "debug"}}})
    world.advance(5)
    assert "ownerReferences" not in world.get("pods", "stray")["metadata"]
    assert len(world.pods("app=web")) == 2


def test_changing_the_template_never_touches_existing_pods(world):
    world.api.create(rs_manifest())
    world.advance(5)
    before = {p["metadata"]["name"]: p["spec"]["containers"][0]["image"] for p in world.pods()}
    world.api.patch("replicasets", "web", {"spec": {"template": {"spec": {"containers": [{"name": "c", "image": "nginx:2"}]}}}})
    world.advance(10)
    after = {p["metadata"]["name"]: p["spec"]["containers"][0]["image"] for p in world.pods()}
    assert after == before
    assert world.get("replicasets", "web")["status"]["observedGeneration"] == 2


class DenyPods:
    """An admission plugin that refuses pods, as an exhausted ResourceQuota would."""

    name = "DenyPods"

    def validate(self, request):
        if request.operation == "CREATE" and request.kind == "Pod":
            raise Forbidden.for_resource("pods", request.name, "exceeded quota: pods, requested: pods=1, used: pods=0, limited: pods=0")


def test_failed_creation_sets_replica_failure_and_event(world):
    world.api.admission.add(DenyPods())
    world.api.create(rs_manifest(replicas=2))
    world.advance(2)
    rs = world.get("replicasets", "web")
    (cond,) = rs["status"]["conditions"]
    assert cond["type"] == "ReplicaFailure" and cond["status"] == "True" and cond["reason"] == "FailedCreate"
    assert cond["message"].startswith('pods "web-')
    assert cond["message"].endswith('" is forbidden: exceeded quota: pods, requested: pods=1, used: pods=0, limited: pods=0')
    failed = world.messages("FailedCreate")
    assert failed and failed[0].startswith("Error creating: pods")
    world.api.admission.remove("DenyPods")
    world.advance(30)  # the rate-limited retry succeeds and the condition goes away
    rs = world.get("replicasets", "web")
    assert "conditions" not in rs["status"] and rs["status"]["readyReplicas"] == 2


def test_hash_and_names_look_like_kubernetes():
    assert safe_encode_string("0123456789") == "456789bcdf"
    h = compute_hash({"metadata": {"labels": {"app": "nginx"}}, "spec": {"containers": [{"name": "nginx", "image": "nginx"}]}})
    assert re.fullmatch(r"[456789bcdf]{1,10}", h)
    assert compute_hash({"a": 1}, 1) != compute_hash({"a": 1}) != compute_hash({"a": 2})


@pytest.mark.parametrize("surge,unavail,replicas,expected", [
    ("25%", "25%", 3, (1, 0)),
    ("25%", "25%", 4, (1, 1)),
    ("25%", "25%", 10, (3, 2)),
    (0, 0, 3, (0, 1)),
    ("50%", 1, 5, (3, 1)),
])
def test_fenceposts_round_as_kubernetes(surge, unavail, replicas, expected):
    assert resolve_fenceposts(surge, unavail, replicas) == expected


def test_deployment_creates_hashed_replicaset_and_conditions(world):
    world.api.create(deploy_manifest())
    world.advance(10)
    d = world.get("deployments", "nginx")
    (rs,) = [r.to_dict() for r in world.api.list("replicasets")]
    h = rs["metadata"]["labels"]["pod-template-hash"]
    assert rs["metadata"]["name"] == f"nginx-{h}"
    assert rs["spec"]["selector"]["matchLabels"] == {"app": "nginx", "pod-template-hash": h}
    assert rs["metadata"]["annotations"] == {"deployment.kubernetes.io/revision": "1",
                                             "deployment.kubernetes.io/desired-replicas": "3",
                                             "deployment.kubernetes.io/max-replicas": "4"}
    assert d["metadata"]["annotations"]["deployment.kubernetes.io/revision"] == "1"
    assert all(p["metadata"]["name"].startswith(f"nginx-{h}-") for p in world.pods())
    assert world.messages("ScalingReplicaSet") == [f"Scaled up replica set nginx-{h} from 0 to 3"]
    st = d["status"]
    assert {k: st[k] for k in ("replicas", "updatedReplicas", "readyReplicas", "availableReplicas", "observedGeneration")} == \
        {"replicas": 3, "updatedReplicas": 3, "readyReplicas": 3, "availableReplicas": 3, "observedGeneration": 1}
    conds = {c["type"]: c for c in st["conditions"]}
    assert [c["type"] for c in st["conditions"]] == ["Available", "Progressing"]
    assert (conds["Available"]["reason"], conds["Available"]["message"]) == ("MinimumReplicasAvailable", "Deployment has minimum availability.")
    assert (conds["Progressing"]["reason"], conds["Progressing"]["message"]) == (
        "NewReplicaSetAvailable", f'ReplicaSet "nginx-{h}" has successfully progressed.')
    assert rollout_status(world.api, "nginx") == ('deployment "nginx" successfully rolled out', True)
    assert rollout_complete(world.api, "nginx")


def test_rolling_update_sequence_of_scales(world):
    world.api.create(deploy_manifest())
    world.advance(10)
    old = world.api.list("replicasets")[0].metadata.name
    world.api.patch("deployments", "nginx", {"spec": {"template": {"spec": {"containers": [{"name": "nginx", "image": "nginx:1.16.1"}]}}}})
    world.advance(30)
    new = next(r.metadata.name for r in world.api.list("replicasets") if r.metadata.name != old)
    assert world.messages("ScalingReplicaSet") == [
        f"Scaled up replica set {old} from 0 to 3",
        f"Scaled up replica set {new} from 0 to 1",
        f"Scaled down replica set {old} from 3 to 2",
        f"Scaled up replica set {new} from 1 to 2",
        f"Scaled down replica set {old} from 2 to 1",
        f"Scaled up replica set {new} from 2 to 3",
        f"Scaled down replica set {old} from 1 to 0",
    ]
    d = world.get("deployments", "nginx")
    assert d["metadata"]["annotations"]["deployment.kubernetes.io/revision"] == "2"
    assert rollout_complete(world.api, d)


def test_recreate_scales_old_to_zero_before_new(world):
    world.api.create(deploy_manifest(strategy={"type": "Recreate"}))
    world.advance(10)
    old = world.api.list("replicasets")[0].metadata.name
    world.api.patch("deployments", "nginx", {"spec": {"template": {"spec": {"containers": [{"name": "nginx", "image": "nginx:2"}]}}}})
    world.advance(30)
    new = next(r.metadata.name for r in world.api.list("replicasets") if r.metadata.name != old)
    assert world.messages("ScalingReplicaSet") == [
        f"Scaled up replica set {old} from 0 to 3",
        f"Scaled down replica set {old} from 3 to 0",
        f"Scaled up replica set {new} from 0 to 3",
    ]


def test_rollback_to_previous_revision(world):
    world.api.create(deploy_manifest())
    world.advance(10)
    world.api.patch("deployments", "nginx", {"spec": {"template": {"spec": {"containers": [{"name": "nginx", "image": "nginx:1.16.1"}]}}}})
    world.advance(30)
    assert rollback(world.api, "nginx") == "deployment.apps/nginx rolled back"
    world.advance(30)
    d = world.get("deployments", "nginx")
    assert d["spec"]["template"]["spec"]["containers"][0]["image"] == "nginx:1.14.2"
    assert d["metadata"]["annotations"]["deployment.kubernetes.io/revision"] == "3"
    revs = {r.metadata.annotations["deployment.kubernetes.io/revision"]: r for r in world.api.list("replicasets")}
    assert sorted(revs) == ["2", "3"]
    assert revs["3"].metadata.annotations["deployment.kubernetes.io/revision-history"] == "1"
    assert revs["3"].spec.replicas == 3 and revs["2"].spec.replicas == 0
    assert {p["spec"]["containers"][0]["image"] for p in world.pods()} == {"nginx:1.14.2"}
    assert rollback(world.api, "nginx", to_revision=3) == \
        "deployment.apps/nginx skipped rollback (current template already matches revision 3)"
    with pytest.raises(RolloutError, match="unable to find specified revision 7 in history"):
        rollback(world.api, "nginx", to_revision=7)


def test_revision_history_limit_cleans_old_replicasets(world):
    world.api.create(deploy_manifest(revisionHistoryLimit=1))
    world.advance(10)
    for tag in ("2", "3", "4"):
        world.api.patch("deployments", "nginx", {"spec": {"template": {"spec": {"containers": [{"name": "nginx", "image": f"nginx:{tag}"}]}}}})
        world.advance(30)
    revs = sorted(r.metadata.annotations["deployment.kubernetes.io/revision"] for r in world.api.list("replicasets"))
    assert revs == ["3", "4"]


def test_paused_deployment_does_not_roll_out(world):
    world.api.create(deploy_manifest())
    world.advance(10)
    world.api.patch("deployments", "nginx", {"spec": {"paused": True}})
    world.advance(2)
    world.api.patch("deployments", "nginx", {"spec": {"template": {"spec": {"containers": [{"name": "nginx", "image": "nginx:2"}]}}}})
    world.advance(30)
    assert len(world.api.list("replicasets")) == 1
    cond = next(c for c in world.get("deployments", "nginx")["status"]["conditions"] if c["type"] == "Progressing")
    assert (cond["status"], cond["reason"], cond["message"]) == ("Unknown", "DeploymentPaused", "Deployment is paused")
    world.api.patch("deployments", "nginx", {"spec": {"paused": False}})
    world.advance(30)
    assert len(world.api.list("replicasets")) == 2
    assert {p["spec"]["containers"][0]["image"] for p in world.pods()} == {"nginx:2"}


def test_progress_deadline_exceeded(make_world):
    w = make_world(start_delay=10_000)  # pods never become ready
    w.api.create(deploy_manifest(progressDeadlineSeconds=60))
    w.advance(100)
    d = w.get("deployments", "nginx")
    rs = w.api.list("replicasets")[0].metadata.name
    cond = next(c for c in d["status"]["conditions"] if c["type"] == "Progressing")
    assert (cond["status"], cond["reason"], cond["message"]) == (
        "False", "ProgressDeadlineExceeded", f'ReplicaSet "{rs}" has timed out progressing.')
    avail = next(c for c in d["status"]["conditions"] if c["type"] == "Available")
    assert (avail["status"], avail["reason"]) == ("False", "MinimumReplicasUnavailable")
    with pytest.raises(RolloutError, match='deployment "nginx" exceeded its progress deadline'):
        rollout_status(w.api, "nginx")


def test_scaling_a_deployment(world):
    world.api.create(deploy_manifest())
    world.advance(10)
    world.api.patch("deployments", "nginx", {"spec": {"replicas": 5}})
    world.advance(10)
    name = world.api.list("replicasets")[0].metadata.name
    assert world.messages("ScalingReplicaSet")[-1] == f"Scaled up replica set {name} from 3 to 5"
    assert len(world.pods()) == 5
