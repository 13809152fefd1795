"""Job, TTL-after-finished, StatefulSet, DaemonSet and garbage collector on the fake nodes."""

from __future__ import annotations

import re
from datetime import datetime, timezone

import pytest

from sandbox.controllers.job import JOB_TRACKING_FINALIZER


def job_manifest(name: str, code: int = 0, run: float = 5, policy: str = "Never", **spec) -> dict:
    return {"apiVersion": "batch/v1", "kind": "Job", "metadata": {"name": name},
            "spec": {**spec, "template": {
                "metadata": {"annotations": {"test.podlab/exit": str(code), "test.podlab/run": str(run)}},
                "spec": {"restartPolicy": policy, "containers": [{"name": "c", "image": "busybox"}]}}}}


def created_at(p: dict) -> int:
    t = datetime.strptime(p["metadata"]["creationTimestamp"], "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=timezone.utc)
    return int(t.timestamp() - 1735689600)


def cond(obj: dict, ctype: str) -> dict | None:
    return next((c for c in (obj.get("status") or {}).get("conditions") or [] if c["type"] == ctype), None)


def test_job_completes_after_an_hour(world):
    world.api.create(job_manifest("hello", run=3600))
    world.advance(10)
    job = world.get("jobs", "hello")
    (pod,) = world.pods()
    uid = job["metadata"]["uid"]
    assert re.fullmatch(r"hello-[bcdfghjklmnpqrstvwxz2456789]{5}", pod["metadata"]["name"])
    assert pod["metadata"]["finalizers"] == [JOB_TRACKING_FINALIZER]
    assert {k: pod["metadata"]["labels"][k] for k in ("batch.kubernetes.io/controller-uid", "batch.kubernetes.io/job-name",
                                                       "controller-uid", "job-name")} == {
        "batch.kubernetes.io/controller-uid": uid, "batch.kubernetes.io/job-name": "hello",
        "controller-uid": uid, "job-name": "hello"}
    assert job["status"] == {"active": 1, "ready": 1, "startTime": "2025-01-01T00:00:00Z", "terminating": 0,
                             "uncountedTerminatedPods": {}}
    world.advance(3600)
    job = world.get("jobs", "hello")
    assert [(c["type"], c["reason"], c["message"]) for c in job["status"]["conditions"]] == [
        ("SuccessCriteriaMet", "CompletionsReached", "Reached expected number of succeeded pods"),
        ("Complete", "CompletionsReached", "Reached expected number of succeeded pods")]
    assert job["status"]["succeeded"] == 1 and job["status"]["completionTime"] == "2025-01-01T01:00:01Z"
    assert "finalizers" not in world.pods()[0]["metadata"]
    assert world.messages("Completed") == ["Job completed"]


def test_job_backoff_timeline_with_restart_policy_never(world):
    world.api.create(job_manifest("bad", code=1, run=5, backoffLimit=3))
    world.advance(300)
    pods = sorted(world.pods(), key=created_at)
    # each pod fails 6 s after creation; the next waits 10 s, 20 s, 40 s (doubling) after the failure
    assert [created_at(p) for p in pods] == [0, 16, 42, 88]
    job = world.get("jobs", "bad")
    assert job["status"]["failed"] == 4
    failed = cond(job, "Failed")
    assert (failed["reason"], failed["message"]) == ("BackoffLimitExceeded", "Job has reached the specified backoff limit")
    assert cond(job, "FailureTarget")["reason"] == "BackoffLimitExceeded"
    assert world.messages("BackoffLimitExceeded") == ["Job has reached the specified backoff limit"]


def test_job_on_failure_counts_restarts_in_place(world):
    world.api.create(job_manifest("onf", code=1, run=5, policy="OnFailure", backoffLimit=2))
    world.advance(300)
    job = world.get("jobs", "onf")
    # one pod only: the kubelet restarts the container; 3 restarts > backoffLimit 2
    assert len(world.messages("SuccessfulCreate")) == 1
    assert cond(job, "Failed")["reason"] == "BackoffLimitExceeded"
    assert world.pods() == []  # the failed job's running pod was deleted
    assert job["status"]["failed"] == 1


def test_job_active_deadline(world):
    world.api.create(job_manifest("dl", run=3600, activeDeadlineSeconds=30))
    world.advance(60)
    job = world.get("jobs", "dl")
    failed = cond(job, "Failed")
    assert (failed["reason"], failed["message"]) == ("DeadlineExceeded", "Job was active longer than specified deadline")
    # FailureTarget when the deadline passed; Failed once the deleted pod is gone (1 s later here)
    assert cond(job, "FailureTarget")["lastTransitionTime"] == "2025-01-01T00:00:30Z"
    assert failed["lastTransitionTime"] == "2025-01-01T00:00:31Z"
    assert world.messages("DeadlineExceeded") == ["Job was active longer than specified deadline"]


def test_job_parallelism_and_completions(world):
    world.api.create(job_manifest("par", run=10, completions=5, parallelism=2))
    world.advance(200)
    job = world.get("jobs", "par")
    assert job["status"]["succeeded"] == 5
    assert sorted(created_at(p) for p in world.pods()) == [0, 0, 11, 11, 22]


def test_indexed_job(world):
    world.api.create(job_manifest("idx", run=1, completions=3, parallelism=3, completionMode="Indexed"))
    world.advance(30)
    pods = world.pods()
    idx = sorted(p["metadata"]["annotations"]["batch.kubernetes.io/job-completion-index"] for p in pods)
    assert idx == ["0", "1", "2"]
    for p in pods:
        i = p["metadata"]["annotations"]["batch.kubernetes.io/job-completion-index"]
        assert p["metadata"]["name"].startswith(f"idx-{i}-")
        assert p["spec"]["hostname"] == f"idx-{i}"
    job = world.get("jobs", "idx")
    assert job["status"]["completedIndexes"] == "0-2" and job["status"]["succeeded"] == 3


def test_ttl_after_finished_deletes_job_and_pods(world):
    world.api.create(job_manifest("ttl", run=5, ttlSecondsAfterFinished=100))
    world.advance(50)
    assert world.get("jobs", "ttl")["status"]["succeeded"] == 1
    world.advance(50)
    assert len(world.api.list("jobs")) == 1  # finished at 6 s, expires at 106 s
    world.advance(20)
    assert len(world.api.list("jobs")) == 0 and world.pods() == []


def sts_manifest(replicas: int = 3, **spec) -> dict:
    return {"apiVersion": "apps/v1", "kind": "StatefulSet", "metadata": {"name": "web"},
            "spec": {"serviceName": "nginx", "replicas": replicas, "selector": {"matchLabels": {"app": "web"}}, **spec,
                     "template": {"metadata": {"labels": {"app": "web"}},
                                  "spec": {"containers": [{"name": "c", "image": "nginx"}]}}}}


def test_statefulset_ordered_creation_and_reverse_deletion(world):
    world.api.create(sts_manifest())
    world.advance(10)
    pods = {p["metadata"]["name"]: p for p in world.pods()}
    assert [created_at(pods[f"web-{i}"]) for i in range(3)] == [0, 1, 2]  # each waits for the previous to be Ready
    p1 = pods["web-1"]
    assert p1["spec"]["hostname"] == "web-1" and p1["spec"]["subdomain"] == "nginx"
    assert p1["metadata"]["labels"]["statefulset.kubernetes.io/pod-name"] == "web-1"
    assert p1["metadata"]["labels"]["apps.kubernetes.io/pod-index"] == "1"
    st = world.get("statefulsets", "web")["status"]
    assert st["currentRevision"] == st["updateRevision"] == p1["metadata"]["labels"]["controller-revision-hash"]
    assert {k: st[k] for k in ("replicas", "readyReplicas", "currentReplicas", "updatedReplicas", "availableReplicas")} == \
        dict.fromkeys(("replicas", "readyReplicas", "currentReplicas", "updatedReplicas", "availableReplicas"), 3)
    assert world.messages("SuccessfulCreate") == [f"create Pod web-{i} in StatefulSet web successful" for i in range(3)]
    world.api.patch("statefulsets", "web", {"spec": {"replicas": 0}})
    world.advance(10)
    assert world.messages("SuccessfulDelete") == [f"delete Pod web-{i} in StatefulSet web successful" for i in (2, 1, 0)]


def test_statefulset_parallel(world):
    world.api.create(sts_manifest(podManagementPolicy="Parallel"))
    world.advance(5)
    assert [created_at(p) for p in world.pods()] == [0, 0, 0]


def test_statefulset_rolling_update_from_highest_with_partition(world):
    world.api.create(sts_manifest(updateStrategy={"type": "RollingUpdate", "rollingUpdate": {"partition": 1}}))
    world.advance(10)
    world.api.patch("statefulsets", "web", {"spec": {"template": {"spec": {"containers": [{"name": "c", "image": "nginx:2"}]}}}})
    world.advance(30)
    images = {p["metadata"]["name"]: p["spec"]["containers"][0]["image"] for p in world.pods()}
    assert images == {"web-0": "nginx", "web-1": "nginx:2", "web-2": "nginx:2"}
    assert world.messages("SuccessfulDelete") == ["delete Pod web-2 in StatefulSet web successful",
                                                  "delete Pod web-1 in StatefulSet web successful"]
    st = world.get("statefulsets", "web")["status"]
    assert st["updatedReplicas"] == 2 and st["currentReplicas"] == 1 and st["currentRevision"] != st["updateRevision"]


def test_daemonset_on_labelled_and_tainted_nodes(world):
    world.nodes.add_node("gpu-1", labels={"gpu": "true"}, taints=[{"key": "dedicated", "value": "gpu", "effect": "NoSchedule"}])
    world.nodes.add_node("gpu-2", labels={"gpu": "true"})
    world.api.create({"apiVersion": "apps/v1", "kind": "DaemonSet", "metadata": {"name": "agent"},
                      "spec": {"selector": {"matchLabels": {"app": "agent"}},
                               "template": {"metadata": {"labels": {"app": "agent"}},
                                            "spec": {"nodeSelector": {"gpu": "true"},
                                                     "containers": [{"name": "c", "image": "busybox"}]}}}})
    world.advance(5)
    (pod,) = world.pods()
    assert pod["spec"]["nodeName"] == "gpu-2"
    assert pod["spec"]["affinity"]["nodeAffinity"]["requiredDuringSchedulingIgnoredDuringExecution"] == {
        "nodeSelectorTerms": [{"matchFields": [{"key": "metadata.name", "operator": "In", "values": ["gpu-2"]}]}]}
    tols = {(t["key"], t["effect"]) for t in pod["spec"]["tolerations"] if "tolerationSeconds" not in t}
    assert tols == {("node.kubernetes.io/not-ready", "NoExecute"), ("node.kubernetes.io/unreachable", "NoExecute"),
                    ("node.kubernetes.io/disk-pressure", "NoSchedule"), ("node.kubernetes.io/memory-pressure", "NoSchedule"),
                    ("node.kubernetes.io/pid-pressure", "NoSchedule"), ("node.kubernetes.io/unschedulable", "NoSchedule")}
    st = world.get("daemonsets", "agent")["status"]
    assert st == {"currentNumberScheduled": 1, "desiredNumberScheduled": 1, "numberMisscheduled": 0, "numberReady": 1,
                  "numberAvailable": 1, "observedGeneration": 1, "updatedNumberScheduled": 1}
    # tolerate the taint: a rolling update replaces the pod and adds one on gpu-1
    world.api.patch("daemonsets", "agent", {"spec": {"template": {"spec": {"tolerations": [
        {"key": "dedicated", "operator": "Exists", "effect": "NoSchedule"}]}}}})
    world.advance(20)
    assert sorted(p["spec"]["nodeName"] for p in world.pods()) == ["gpu-1", "gpu-2"]
    assert world.messages("SuccessfulDelete") == [f"Deleted pod: {pod['metadata']['name']}"]
    st = world.get("daemonsets", "agent")["status"]
    assert (st["desiredNumberScheduled"], st["updatedNumberScheduled"], st["observedGeneration"]) == (2, 2, 2)


def deploy(name: str) -> dict:
    return {"apiVersion": "apps/v1", "kind": "Deployment", "metadata": {"name": name},
            "spec": {"replicas": 2, "selector": {"matchLabels": {"app": name}},
                     "template": {"metadata": {"labels": {"app": name}},
                                  "spec": {"containers": [{"name": "c", "image": "nginx"}]}}}}


@pytest.mark.parametrize("policy", ["Background", "Foreground", "Orphan"])
def test_garbage_collection_policies(world, policy):
    world.api.create(deploy("web"))
    world.advance(10)
    rs = world.api.list("replicasets")[0].to_dict()
    world.api.delete("deployments", "web", propagation_policy=policy)
    world.advance(0.001)
    if policy == "Foreground":
        d = world.get("deployments", "web")
        assert d["metadata"]["finalizers"] == ["foregroundDeletion"] and d["metadata"]["deletionTimestamp"]
    world.advance(10)
    assert world.api.list("deployments").items == []
    if policy == "Orphan":
        kept = world.get("replicasets", rs["metadata"]["name"])
        assert "ownerReferences" not in kept["metadata"]
        assert len(world.pods()) == 2
    else:
        assert world.api.list("replicasets").items == [] and world.pods() == []


def test_dependent_of_a_recreated_owner_is_collected(world):
    world.api.create({"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "owner"}})
    world.api.create({"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "dep", "ownerReferences": [
        {"apiVersion": "v1", "kind": "ConfigMap", "name": "owner", "uid": "00000000-0000-0000-0000-000000000000"}]}})
    world.advance(1)
    # every namespace also holds the kube-root-ca.crt ConfigMap the root CA publisher keeps there
    assert [c.metadata.name for c in world.api.list("configmaps") if c.metadata.name != "kube-root-ca.crt"] == ["owner"]
