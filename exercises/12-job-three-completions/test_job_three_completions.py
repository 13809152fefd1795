"""Checks for 12-job-three-completions: the Job counter completes with three successful Pods, one at a time."""

from podlab.kata import expect, fail, load_learner_manifest, run_cluster
from sandbox.kubectl import run as kubectl


def counter_cluster():
    """A one-node cluster with job.yaml applied, run until the Job is Complete (or 120 s)."""
    docs = load_learner_manifest("job.yaml")
    expect(len(docs), "the number of objects in job.yaml").to_equal(1)
    expect(docs[0].get("kind"), "the kind of the object in job.yaml").to_equal("Job")
    cluster = run_cluster(docs, nodes=1)
    expect([j.metadata.name for j in cluster.list("jobs")], "the Jobs in the cluster").to_equal(["counter"])

    def complete() -> bool:
        job = cluster.get("job", "counter")
        return any(c.type == "Complete" and c.status == "True" for c in (job.status.conditions or []))

    if not cluster.clock.run_until(complete, timeout=120):
        fail(
            'Timed out: job "counter" was not Complete after 120 seconds (virtual time).\n\n'
            + "$ kubectl get jobs,pods\n"
            + "\n".join("  " + ln for ln in kubectl(cluster, "get jobs,pods").stdout.rstrip().splitlines())
            + "\n\n$ kubectl describe job counter\n"
            + "\n".join("  " + ln for ln in kubectl(cluster, "describe job counter").stdout.rstrip().splitlines())
        )
    return cluster


def _pods(cluster):
    return sorted(cluster.list("pods", selector="job-name=counter"), key=lambda p: p.status.startTime)


def test_the_job_completes_three_times():
    """the Job is Complete with 3/3 completions"""
    cluster = counter_cluster()
    row = kubectl(cluster, "get job counter").stdout.splitlines()[1].split()
    expect(" ".join(row[2:-2]), "the COMPLETIONS column of `kubectl get jobs`").to_equal(
        "3/3", because="spec.completions: 3 makes three successful Pods the goal"
    )
    expect(cluster.get("job", "counter").status.succeeded, "the Job's status.succeeded").to_equal(3)


def test_each_pod_counted():
    """three Pods succeeded, and each printed: counted one"""
    cluster = counter_cluster()
    pods = [p for p in _pods(cluster) if p.status.phase == "Succeeded"]
    expect(len(pods), "the number of Succeeded Pods of the Job").to_equal(3)
    for pod in pods:
        expect(pod.spec.containers[0].name, f"the container of pod {pod.metadata.name}").to_equal("count")
        expect(cluster.logs(pod.metadata.name), f"the log of pod {pod.metadata.name}").to_contain("counted one")


def test_one_at_a_time():
    """the Pods ran one after the other"""
    cluster = counter_cluster()
    pods = _pods(cluster)
    for earlier, later in zip(pods, pods[1:], strict=False):
        finished = earlier.status.containerStatuses[0].state.terminated.finishedAt
        started = later.status.startTime
        if started < finished:
            fail(
                f"Pod {later.metadata.name} started at {started:%H:%M:%S}, before {earlier.metadata.name} "
                f"finished at {finished:%H:%M:%S}: the Pods ran side by side.\n\n"
                "  expected: one Pod at a time\n  why:      spec.parallelism says how many Pods may run at once"
            )
