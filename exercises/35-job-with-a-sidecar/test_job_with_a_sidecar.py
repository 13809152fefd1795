"""Checks for 35-job-with-a-sidecar: the Job completes and the shipper saw every line."""

from podlab.kata import expect, expect_pod, fail, load_learner_manifest, run_cluster
from sandbox import WaitTimeout


def finished_job():
    """job.yaml applied; up to 120 virtual seconds for the Job to complete. Returns (cluster, pod name)."""
    cluster = run_cluster(load_learner_manifest("job.yaml"))
    try:
        cluster.wait_for("job/nightly-report", "Complete", timeout=120)
        done = True
    except WaitTimeout:
        done = False
    pods = cluster.list("pods", selector="job-name=nightly-report")
    if not pods:
        fail("The Job created no Pod: is `kind: Job` with a pod `template` still there?")
    name = pods[0].metadata.name
    if not done:
        fail(
            'Timed out: job "nightly-report" was not Complete after 120 seconds (virtual time).\n\n'
            "A Job's Pod finishes when all its app containers (spec.containers) have finished; a container\n"
            "that never exits keeps the Pod, and so the Job, running.",
            pod=(cluster, name),
        )
    return cluster, name


def test_the_job_completes():
    """within 120 seconds the Job is Complete and its Pod Succeeded"""
    cluster, name = finished_job()
    expect_pod(cluster, name).field("status.phase").to_equal("Succeeded")


def test_the_shipper_shipped_everything():
    """the shipper's log holds the report's last line: report done"""
    cluster, name = finished_job()
    pod = cluster.get("pod", name)
    names = [c.name for c in (pod.spec.initContainers or [])] + [c.name for c in pod.spec.containers]
    if "shipper" not in names:
        fail("There is no container named shipper any more: keep it, the lines must still be shipped.")
    expect(cluster.logs(name, container="shipper"), "the log of container shipper").to_contain(
        "report done", because="the shipper must run until the report has written its last line"
    )
