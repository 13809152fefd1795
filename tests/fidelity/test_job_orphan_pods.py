"""Deleting a Job: its pods lose the ``batch.kubernetes.io/job-tracking`` finalizer and go away.

Kubernetes: ``pkg/controller/job/job_controller.go``: ``deleteJob`` queues the Job's pods that
still carry the tracking finalizer as orphans and ``syncOrphanPod`` removes it (unless a running
Job adopted the pod); the garbage collector deletes the pods with a plain DELETE, so each pod gets
its own ``terminationGracePeriodSeconds``.
"""

from __future__ import annotations

from sandbox import Cluster

JOB = """
apiVersion: batch/v1
kind: Job
metadata: {name: x}
spec:
  template:
    spec:
      restartPolicy: Never
      terminationGracePeriodSeconds: 20
      containers: [{name: c, image: busybox, command: [sleep, "3600"]}]
"""


def test_deleting_a_job_removes_its_running_pod() -> None:
    with Cluster(nodes=1, seed=0) as c:
        c.apply(JOB)
        c.advance(10)
        (pod,) = c.list("pods")
        assert pod.metadata.finalizers == ["batch.kubernetes.io/job-tracking"]
        name = pod.metadata.name
        deleted_at = c.now()
        c.delete("job/x")
        c.advance(1)
        pod = c.get("pod", name)
        # the garbage collector's plain delete: the pod's own grace period
        assert pod.metadata.deletionGracePeriodSeconds == 20
        assert (pod.metadata.deletionTimestamp - deleted_at).total_seconds() == 20
        # the Job controller dropped its finalizer from the orphan
        assert pod.metadata.finalizers is None
        assert "Terminating" in c.kubectl("get pods").stdout
        # sleep (PID 1) ignores SIGTERM: killed when the grace period ends, then removed
        c.advance(25)
        assert c.kubectl("get pods").stdout == ""
        assert c.kubectl("get pods").stderr == "No resources found in default namespace.\n"


def test_a_finished_jobs_pods_are_removed_with_it() -> None:
    with Cluster(nodes=1, seed=0) as c:
        c.apply(JOB.replace('[sleep, "3600"]', '[sh, -c, "exit 0"]'))
        c.wait_for("job/x", "Complete")
        (pod,) = c.list("pods")
        assert pod.metadata.finalizers is None
        c.delete("job/x")
        c.advance(5)
        assert c.list("pods") == []
