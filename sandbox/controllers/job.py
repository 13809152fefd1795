"""The Job controller (``pkg/controller/job/job_controller.go``) and the TTL-after-finished
controller (``pkg/controller/ttlafterfinished``).

A Job runs pods from its template (``generateName: <job>-``; with ``completionMode: Indexed``
``<job>-<index>-`` and the ``batch.kubernetes.io/job-completion-index`` annotation and label)
until ``completions`` pods succeeded, at most ``parallelism`` at a time. Each pod carries the
``batch.kubernetes.io/job-tracking`` finalizer; the controller counts a finished pod (through
``status.uncountedTerminatedPods``) and then removes the finalizer, as Kubernetes has done since
1.26.

Failures: a pod that fails (or is deleted before it finished) counts toward ``backoffLimit``
(default 6); with ``restartPolicy: OnFailure`` the kubelet restarts the container in place and the
container restarts of active pods count too. A replacement pod waits 10 s, doubling per failure
since the last success, at most 10 minutes (``MaxJobPodFailureBackOff``). When the limit is
passed, or ``activeDeadlineSeconds`` since ``startTime`` ran out, the controller deletes the active
pods and sets ``FailureTarget`` then ``Failed`` (``BackoffLimitExceeded``: ``Job has reached the
specified backoff limit``; ``DeadlineExceeded``: ``Job was active longer than specified
deadline``), with a warning event of that reason. Success sets ``SuccessCriteriaMet`` then
``Complete`` (``CompletionsReached``: ``Reached expected number of succeeded pods``),
``completionTime`` and the event ``Completed`` (``Job completed``).
"""

from __future__ import annotations

import contextlib
from typing import Any

from sandbox.controllers.base import (
    Controller,
    clone,
    controller_ref,
    is_pod_ready,
    key_of,
    parse_ts,
    split_key,
)
from sandbox.controllers.podcontrol import (
    claim_objects,
    create_pod,
    delete_pod,
    pod_from_template,
    slow_start_batch,
)
from sandbox.errors import NotFound, StatusError

__all__ = [
    "JobController",
    "TTLAfterFinishedController",
    "JOB_TRACKING_FINALIZER",
    "DEFAULT_BACKOFF",
    "MAX_BACKOFF",
    "job_finished",
]

JOB_TRACKING_FINALIZER = "batch.kubernetes.io/job-tracking"
COMPLETION_INDEX = "batch.kubernetes.io/job-completion-index"
#: ``DefaultJobPodFailureBackOff`` and ``MaxJobPodFailureBackOff``.
DEFAULT_BACKOFF = 10.0
MAX_BACKOFF = 600.0
MAX_POD_CREATE_DELETE_PER_SYNC = 500

BACKOFF_MSG = "Job has reached the specified backoff limit"
DEADLINE_MSG = "Job was active longer than specified deadline"
COMPLETIONS_MSG = "Reached expected number of succeeded pods"


ORPHAN_PREFIX = "orphan-pod:"


def _has_tracking_finalizer(pod: dict[str, Any]) -> bool:
    return JOB_TRACKING_FINALIZER in (pod["metadata"].get("finalizers") or [])


def job_finished(job: dict[str, Any]) -> tuple[str, dict[str, Any]] | None:
    """(``Complete`` or ``Failed``, the condition) if the job has finished."""
    for c in (job.get("status") or {}).get("conditions") or []:
        if c.get("type") in ("Complete", "Failed") and c.get("status") == "True":
            return c["type"], c
    return None


def _cond(status: dict[str, Any], ctype: str) -> dict[str, Any] | None:
    for c in status.get("conditions") or []:
        if c.get("type") == ctype:
            return c
    return None


def _is_terminal(pod: dict[str, Any]) -> bool:
    return (pod.get("status") or {}).get("phase") in ("Succeeded", "Failed")


def _restarts(pod: dict[str, Any]) -> int:
    st = pod.get("status") or {}
    return sum(c.get("restartCount") or 0 for c in (st.get("containerStatuses") or []) + (st.get("initContainerStatuses") or []))


def _index(pod: dict[str, Any]) -> int | None:
    v = ((pod.get("metadata") or {}).get("annotations") or {}).get(COMPLETION_INDEX)
    try:
        return int(v) if v is not None else None
    except ValueError:
        return None


def _format_indexes(idx: list[int]) -> str:
    out: list[str] = []
    idx = sorted(set(idx))
    i = 0
    while i < len(idx):
        j = i
        while j + 1 < len(idx) and idx[j + 1] == idx[j] + 1:
            j += 1
        if j - i >= 2:
            out.append(f"{idx[i]}-{idx[j]}")
        else:
            out.extend(str(x) for x in idx[i:j + 1])
        i = j + 1
    return ",".join(out)


def _parse_indexes(s: str | None) -> set[int]:
    out: set[int] = set()
    for part in (s or "").split(","):
        if not part:
            continue
        if "-" in part:
            a, b = part.split("-", 1)
            out.update(range(int(a), int(b) + 1))
        else:
            out.add(int(part))
    return out


class JobController(Controller):
    """``Controller`` of ``pkg/controller/job``: see the module docstring."""

    name = "job-controller"

    def setup(self) -> None:
        self.job_informer = self.informers.get("jobs")
        self.pod_informer = self.informers.get("pods")
        self.job_informer.add_handlers(self.enqueue, lambda o, n: self.enqueue(n), self._job_deleted)
        self.pod_informer.add_handlers(self._pod_event, lambda o, n: self._pod_event(n, o), self._pod_deleted)
        #: key -> (failures since the last success, time of the last failure)
        self.backoff: dict[str, tuple[int, float]] = {}
        self._seen_failed: dict[str, set[str]] = {}

    def _job_deleted(self, job: dict[str, Any]) -> None:
        """``deleteJob``: forget the job, and queue its pods that still carry the tracking
        finalizer as orphans (their finalizer must go, or they would never be removed)."""
        key = key_of(job)
        self.expectations.delete(key)
        self.backoff.pop(key, None)
        self._seen_failed.pop(key, None)
        uid = job["metadata"].get("uid")
        for pod in self.pod_informer.list(job["metadata"].get("namespace")):
            ref = controller_ref(pod)
            if ref is not None and ref.get("uid") == uid and _has_tracking_finalizer(pod):
                self._enqueue_orphan(pod)

    def _owner(self, pod: dict[str, Any]) -> dict[str, Any] | None:
        ref = controller_ref(pod)
        if ref is None or ref.get("kind") != "Job":
            return None
        job = self.job_informer.get(f"{pod['metadata'].get('namespace')}/{ref.get('name')}")
        if job is None or job["metadata"].get("uid") != ref.get("uid"):
            return None
        return job

    def _enqueue_orphan(self, pod: dict[str, Any]) -> None:
        """``enqueueOrphanPod``: the queue's keys for orphan pods carry a prefix."""
        self.queue.add(ORPHAN_PREFIX + key_of(pod))

    def _sync_orphan_pod(self, key: str) -> None:
        """``syncOrphanPod``: remove the tracking finalizer from a pod whose Job is gone (or
        finished), unless the pod has been adopted by a running Job meanwhile."""
        pod = self.pod_informer.get(key)
        if pod is None or not _has_tracking_finalizer(pod):
            return
        ref = controller_ref(pod)
        if ref is not None:
            if ref.get("kind") != "Job" or ref.get("apiVersion") != "batch/v1":
                return
            job = self._owner(pod)
            if job is not None and job_finished(job) is None:
                return
        self._remove_finalizers([pod])

    def _pod_event(self, pod: dict[str, Any], old: dict[str, Any] | None = None) -> None:
        job = self._owner(pod)
        if job is None:
            # an orphan (its Job is gone): drop the tracking finalizer (addPod/updatePod)
            if _has_tracking_finalizer(pod):
                self._enqueue_orphan(pod)
            return
        key = key_of(job)
        if old is None:
            self.expectations.creation_observed(key)
        elif pod["metadata"].get("deletionTimestamp") and not old["metadata"].get("deletionTimestamp"):
            self.expectations.deletion_observed(key, pod["metadata"].get("uid"))
        self.queue.add(key)

    def _pod_deleted(self, pod: dict[str, Any]) -> None:
        job = self._owner(pod)
        if job is None:
            return
        if not pod["metadata"].get("deletionTimestamp"):
            self.expectations.deletion_observed(key_of(job), pod["metadata"].get("uid"))
        self.queue.add(key_of(job))

    # -- sync ----------------------------------------------------------------------------------

    def sync(self, key: str) -> None:
        if key.startswith(ORPHAN_PREFIX):
            self._sync_orphan_pod(key[len(ORPHAN_PREFIX):])
            return
        job = self.job_informer.get(key)
        if job is None:
            return
        job = clone(job)
        ns, _ = split_key(key)
        spec = job.get("spec") or {}
        status: dict[str, Any] = clone(job.get("status") or {})
        candidates = [p for p in self.pod_informer.list(ns)]
        pods = claim_objects(self.api, job, spec.get("selector"), candidates)
        # pods we track: those with our finalizer, and any not yet counted
        if job_finished(job) is not None:
            self._remove_finalizers([p for p in pods if JOB_TRACKING_FINALIZER in (p["metadata"].get("finalizers") or [])])
            return
        now = self.now()
        if not status.get("startTime") and not spec.get("suspend"):
            status["startTime"] = self.now_str()
        uncounted = status.get("uncountedTerminatedPods") or {}
        unc_succ = set(uncounted.get("succeeded") or [])
        unc_fail = set(uncounted.get("failed") or [])
        succeeded = int(status.get("succeeded") or 0)
        failed = int(status.get("failed") or 0)
        indexed = spec.get("completionMode") == "Indexed"
        completed_idx = _parse_indexes(status.get("completedIndexes"))
        active = [p for p in pods if not _is_terminal(p) and not p["metadata"].get("deletionTimestamp")]
        terminating = [p for p in pods if not _is_terminal(p) and p["metadata"].get("deletionTimestamp")]
        newly_succ: list[dict[str, Any]] = []
        newly_fail: list[dict[str, Any]] = []
        for p in pods:
            uid = p["metadata"]["uid"]
            if JOB_TRACKING_FINALIZER not in (p["metadata"].get("finalizers") or []) or uid in unc_succ or uid in unc_fail:
                continue
            phase = (p.get("status") or {}).get("phase")
            if phase == "Succeeded":
                newly_succ.append(p)
            elif phase == "Failed" or p["metadata"].get("deletionTimestamp"):
                newly_fail.append(p)
        # backoff bookkeeping
        seen = self._seen_failed.setdefault(key, set())
        fails, last = self.backoff.get(key, (0, 0.0))
        if newly_succ:
            fails = 0
        for p in newly_fail:
            if p["metadata"]["uid"] not in seen:
                seen.add(p["metadata"]["uid"])
                fails += 1
                last = now
        self.backoff[key] = (fails, last)
        total_failed = failed + len(unc_fail) + len(newly_fail)
        total_succ = succeeded + len(unc_succ) + len(newly_succ)
        if indexed:
            for p in newly_succ:
                i = _index(p)
                if i is not None:
                    completed_idx.add(i)
            total_succ = len(completed_idx)
        # failure conditions
        backoff_limit = int(spec.get("backoffLimit") if spec.get("backoffLimit") is not None else 6)
        failure: tuple[str, str] | None = None
        if _cond(status, "FailureTarget") is not None:
            c = _cond(status, "FailureTarget")
            failure = (c.get("reason", ""), c.get("message", ""))
        elif spec.get("template", {}).get("spec", {}).get("restartPolicy") == "OnFailure":
            restarts = sum(_restarts(p) for p in active)
            if restarts + total_failed > backoff_limit:
                failure = ("BackoffLimitExceeded", BACKOFF_MSG)
        elif newly_fail and total_failed > backoff_limit:
            failure = ("BackoffLimitExceeded", BACKOFF_MSG)
        deadline = spec.get("activeDeadlineSeconds")
        start = parse_ts(status.get("startTime"))
        if failure is None and deadline is not None and start is not None:
            if now - start >= int(deadline):
                failure = ("DeadlineExceeded", DEADLINE_MSG)
                self.event(job, "Warning", "DeadlineExceeded", DEADLINE_MSG)
            else:
                self.queue.add_after(key, start + int(deadline) - now)
        completions = spec.get("completions")
        parallelism = int(spec.get("parallelism") if spec.get("parallelism") is not None else 1)
        complete = False
        if failure is None:
            if completions is None:
                complete = total_succ > 0 and not active
            else:
                complete = total_succ >= int(completions)
        # pod management
        needs_sync = self.expectations.satisfied(key)
        victims: list[dict[str, Any]] = []
        if failure is not None or complete:
            victims = active
            if victims:
                self.expectations.expect_deletions(key, [p["metadata"]["uid"] for p in victims])
                for p in victims:
                    try:
                        delete_pod(self, job, p)
                    except StatusError:
                        self.expectations.lower_deletions(key, p["metadata"]["uid"])
                # deleted active pods count as failed once observed
            active = []
        elif needs_sync and not spec.get("suspend"):
            self._manage(job, key, active, total_succ, completed_idx, parallelism, completions, indexed, fails, last, now)
        # status
        unc_succ |= {p["metadata"]["uid"] for p in newly_succ}
        unc_fail |= {p["metadata"]["uid"] for p in newly_fail}
        status["active"] = len(active)
        status["ready"] = sum(1 for p in active if is_pod_ready(p))
        status["terminating"] = len(terminating)
        status["uncountedTerminatedPods"] = {k: sorted(v) for k, v in (("succeeded", unc_succ), ("failed", unc_fail)) if v}
        if indexed and completed_idx:
            status["completedIndexes"] = _format_indexes(sorted(completed_idx))
        now_s = self.now_str()
        finished_pods = [p for p in pods if p["metadata"]["uid"] in unc_succ | unc_fail]
        # step 1: record uncounted, step 2: remove finalizers, step 3: move counts
        if unc_succ or unc_fail:
            self._write_status(job, status)
            self._remove_finalizers(finished_pods)
            status["succeeded"] = succeeded + len(unc_succ)
            status["failed"] = failed + len(unc_fail)
            if indexed:
                status["succeeded"] = len(completed_idx)
            status["uncountedTerminatedPods"] = {}
        terminal_ready = not terminating and not active and not victims
        if failure is not None:
            if _cond(status, "FailureTarget") is None:
                self._add_condition(status, "FailureTarget", failure[0], failure[1], now_s)
            if terminal_ready and _cond(status, "Failed") is None:
                self._add_condition(status, "Failed", failure[0], failure[1], now_s)
                if failure[0] != "DeadlineExceeded":
                    self.event(job, "Warning", failure[0], failure[1])
        elif complete:
            if _cond(status, "SuccessCriteriaMet") is None:
                self._add_condition(status, "SuccessCriteriaMet", "CompletionsReached", COMPLETIONS_MSG, now_s)
            if terminal_ready and _cond(status, "Complete") is None:
                self._add_condition(status, "Complete", "CompletionsReached", COMPLETIONS_MSG, now_s)
                status["completionTime"] = now_s
                self.event(job, "Normal", "Completed", "Job completed")
        self._write_status(job, status)

    def _add_condition(self, status: dict[str, Any], ctype: str, reason: str, message: str, now: str) -> None:
        status.setdefault("conditions", []).append({"type": ctype, "status": "True", "lastProbeTime": now,
                                                     "lastTransitionTime": now, "reason": reason, "message": message})

    def _write_status(self, job: dict[str, Any], status: dict[str, Any]) -> None:
        st = {k: v for k, v in status.items() if v is not None and not (v == 0 and k in ("active", "succeeded", "failed"))}
        if st == (job.get("status") or {}):
            return
        obj = clone(job)
        obj["status"] = st
        obj["metadata"].pop("resourceVersion", None)
        try:
            out = self.api.update(obj, subresource="status").to_dict()
        except NotFound:
            return
        job["status"] = out.get("status") or {}

    def _remove_finalizers(self, pods: list[dict[str, Any]]) -> None:
        for p in pods:
            fins = [f for f in p["metadata"].get("finalizers") or [] if f != JOB_TRACKING_FINALIZER]
            if fins == (p["metadata"].get("finalizers") or []):
                continue
            with contextlib.suppress(StatusError):
                self.api.patch("pods", p["metadata"]["name"],
                               {"metadata": {"finalizers": fins or None, "uid": p["metadata"]["uid"]}},
                               patch_type="merge", namespace=p["metadata"].get("namespace"))

    def _manage(self, job: dict[str, Any], key: str, active: list[dict[str, Any]], succeeded: int,
                completed_idx: set[int], parallelism: int, completions: Any, indexed: bool,
                fails: int, last_failure: float, now: float) -> None:
        """``manageJob``: create or delete pods toward the wanted number of active pods."""
        if completions is None:
            want = 0 if succeeded > 0 else parallelism
        else:
            want = max(0, min(parallelism, int(completions) - succeeded))
        diff = len(active) - want
        if diff > 0:
            victims = sorted(active, key=lambda p: (1 if (p.get("spec") or {}).get("nodeName") else 0,
                                                    1 if is_pod_ready(p) else 0))[:diff]
            self.expectations.expect_deletions(key, [p["metadata"]["uid"] for p in victims])
            for p in victims:
                try:
                    delete_pod(self, job, p)
                except StatusError:
                    self.expectations.lower_deletions(key, p["metadata"]["uid"])
            return
        if diff == 0:
            return
        if fails > 0:
            delay = min(DEFAULT_BACKOFF * 2 ** (fails - 1), MAX_BACKOFF)
            remaining = last_failure + delay - now
            if remaining > 0:
                self.queue.add_after(key, remaining)
                return
        n = min(-diff, MAX_POD_CREATE_DELETE_PER_SYNC)
        template = clone((job.get("spec") or {}).get("template") or {})
        indexes: list[int | None] = [None] * n
        if indexed:
            taken = completed_idx | {i for i in (_index(p) for p in active) if i is not None}
            free = [i for i in range(int(completions or 0)) if i not in taken]
            indexes = list(free[:n])
            n = len(indexes)
        self.expectations.expect_creations(key, n)
        it = iter(indexes)

        def create() -> None:
            idx = next(it)
            name = job["metadata"]["name"]
            pod = pod_from_template(template, job, generate_name=f"{name}-{idx}-" if idx is not None else f"{name}-")
            meta = pod["metadata"]
            meta["finalizers"] = [*(meta.get("finalizers") or []), JOB_TRACKING_FINALIZER]
            if idx is not None:
                meta.setdefault("annotations", {})[COMPLETION_INDEX] = str(idx)
                meta.setdefault("labels", {})[COMPLETION_INDEX] = str(idx)
                pod["spec"].setdefault("hostname", f"{name}-{idx}")
                for c in pod["spec"].get("containers") or []:
                    env = c.setdefault("env", [])
                    if not any(e.get("name") == "JOB_COMPLETION_INDEX" for e in env):
                        env.append({"name": "JOB_COMPLETION_INDEX", "valueFrom": {"fieldRef": {
                            "apiVersion": "v1",
                            "fieldPath": f"metadata.annotations['{COMPLETION_INDEX}']"}}})
            create_pod(self, job, pod)

        done, err = slow_start_batch(n, create)
        if n - done > 0:
            self.expectations.lower_creations(key, n - done)
        if err is not None:
            raise err


class TTLAfterFinishedController(Controller):
    """Deletes a finished Job (foreground cascading) ``ttlSecondsAfterFinished`` seconds after its
    ``Complete`` or ``Failed`` condition's ``lastTransitionTime``."""

    name = "ttl-after-finished-controller"

    def setup(self) -> None:
        self.job_informer = self.informers.get("jobs")
        self.job_informer.add_handlers(self._changed, lambda o, n: self._changed(n), None)

    def _changed(self, job: dict[str, Any]) -> None:
        if (job.get("spec") or {}).get("ttlSecondsAfterFinished") is not None and job_finished(job) is not None:
            self.enqueue(job)

    def sync(self, key: str) -> None:
        job = self.job_informer.get(key)
        if job is None or job["metadata"].get("deletionTimestamp"):
            return
        ttl = (job.get("spec") or {}).get("ttlSecondsAfterFinished")
        fin = job_finished(job)
        if ttl is None or fin is None:
            return
        finished_at = parse_ts(fin[1].get("lastTransitionTime")) or self.now()
        expire = finished_at + int(ttl)
        if expire > self.now():
            self.queue.add_after(key, expire - self.now())
            return
        ns, name = split_key(key)
        with contextlib.suppress(NotFound):
            self.api.delete("jobs", name, ns, propagation_policy="Foreground",
                            preconditions={"uid": job["metadata"]["uid"]})
