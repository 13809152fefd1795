"""``kubectl describe`` for Deployments, ReplicaSets, StatefulSets, DaemonSets, Jobs, CronJobs,
Namespaces, ConfigMaps, Secrets, and the generic describer (Events, Leases, anything else)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from sandbox.kubectl.age import human_duration, parse_ts
from sandbox.kubectl.describe.pod import controlled_by, describe_pod_template_spec
from sandbox.kubectl.describe.writer import (
    PrefixWriter,
    describe_events,
    print_annotations_multiline,
    print_labels_multiline,
    rfc1123z,
)
from sandbox.kubectl.printers.table import (
    format_label_selector,
    format_labels,
    label_selector_string,
)

__all__ = ["DESCRIBERS", "describe_generic", "smart_label_for"]


def _events(api: Any, obj: dict[str, Any], kind: str, show: bool) -> list[dict[str, Any]] | None:
    if not show:
        return None
    from sandbox.kubectl.describe import search_events

    return search_events(api, obj, kind)


def _header(w: PrefixWriter, obj: dict[str, Any], creation: bool = False) -> None:
    meta = obj.get("metadata") or {}
    w.write(0, f"Name:\t{meta.get('name', '')}\n")
    w.write(0, f"Namespace:\t{meta.get('namespace', '')}\n")
    if creation:
        w.write(0, f"CreationTimestamp:\t{rfc1123z(meta.get('creationTimestamp'))}\n")


def _controlled_pods(api: Any, obj: dict[str, Any]) -> tuple[int, int, int, int]:
    """``getPodStatusForController``: Running / Waiting / Succeeded / Failed pods owned by ``obj``."""
    meta = obj.get("metadata") or {}
    sel = label_selector_string((obj.get("spec") or {}).get("selector"))
    counts = {"Running": 0, "Pending": 0, "Succeeded": 0, "Failed": 0}
    for p in api.list("pods", meta.get("namespace"), label_selector=sel or None):
        d = p.to_dict()
        owners = (d.get("metadata") or {}).get("ownerReferences") or []
        if not any(o.get("controller") and o.get("uid") == meta.get("uid") for o in owners):
            continue
        phase = (d.get("status") or {}).get("phase")
        if phase in counts:
            counts[phase] += 1
    return counts["Running"], counts["Pending"], counts["Succeeded"], counts["Failed"]


def _conditions3(w: PrefixWriter, conds: list[dict[str, Any]] | None) -> None:
    if conds:
        w.write(0, "Conditions:\n  Type\tStatus\tReason\n")
        w.write(1, "----\t------\t------\n")
        for c in conds:
            w.write(1, f"{c.get('type')} \t{c.get('status')}\t{c.get('reason') or ''}\n")


def _rs_string(rss: list[dict[str, Any]]) -> str:
    items = [f"{r['metadata']['name']} ({(r.get('status') or {}).get('replicas') or 0}/"
             f"{(r.get('spec') or {}).get('replicas') or 0} replicas created)" for r in rss]
    return ", ".join(items) or "<none>"


def _strip_hash(template: dict[str, Any]) -> dict[str, Any]:
    import copy

    t = copy.deepcopy(template or {})
    labels = (t.get("metadata") or {}).get("labels")
    if labels:
        labels.pop("pod-template-hash", None)
    return t


def describe_deployment(api: Any, d: dict[str, Any], now: float, show_events: bool) -> str:
    meta, spec, st = d.get("metadata") or {}, d.get("spec") or {}, d.get("status") or {}
    w = PrefixWriter()
    _header(w, d, creation=True)
    print_labels_multiline(w, "Labels", meta.get("labels"))
    print_annotations_multiline(w, "Annotations", meta.get("annotations"))
    w.write(0, f"Selector:\t{label_selector_string(spec.get('selector'))}\n")
    w.write(0, f"Replicas:\t{spec.get('replicas') or 0} desired | {st.get('updatedReplicas') or 0} updated | "
               f"{st.get('replicas') or 0} total | {st.get('availableReplicas') or 0} available | "
               f"{st.get('unavailableReplicas') or 0} unavailable\n")
    strategy = spec.get("strategy") or {}
    w.write(0, f"StrategyType:\t{strategy.get('type') or ''}\n")
    w.write(0, f"MinReadySeconds:\t{spec.get('minReadySeconds') or 0}\n")
    ru = strategy.get("rollingUpdate")
    if ru is not None:
        w.write(0, f"RollingUpdateStrategy:\t{ru.get('maxUnavailable', '')} max unavailable, "
                   f"{ru.get('maxSurge', '')} max surge\n")
    describe_pod_template_spec(w, spec.get("template"))
    _conditions3(w, st.get("conditions"))
    sel = label_selector_string(spec.get("selector"))
    rss = []
    for rs in api.list("replicasets.apps", meta.get("namespace"), label_selector=sel or None):
        r = rs.to_dict()
        if any(o.get("controller") and o.get("uid") == meta.get("uid") for o in r["metadata"].get("ownerReferences") or []):
            rss.append(r)
    by_age = sorted(rss, key=lambda r: (parse_ts(r["metadata"].get("creationTimestamp")) or 0, r["metadata"]["name"]))
    want = _strip_hash(spec.get("template") or {})
    new = next((r for r in by_age if _strip_hash((r.get("spec") or {}).get("template") or {}) == want), None)
    old = [r for r in rss if r is not new and ((r.get("spec") or {}).get("replicas") or 0) != 0]
    w.write(0, f"OldReplicaSets:\t{_rs_string(old)}\n")
    w.write(0, f"NewReplicaSet:\t{_rs_string([new] if new else [])}\n")
    ev = _events(api, d, "Deployment", show_events)
    if ev is not None:
        describe_events(w, ev, now)
    return w.text()


def describe_replicaset(api: Any, rs: dict[str, Any], now: float, show_events: bool) -> str:
    meta, spec, st = rs.get("metadata") or {}, rs.get("spec") or {}, rs.get("status") or {}
    w = PrefixWriter()
    _header(w, rs)
    w.write(0, f"Selector:\t{format_label_selector(spec.get('selector'))}\n")
    print_labels_multiline(w, "Labels", meta.get("labels"))
    print_annotations_multiline(w, "Annotations", meta.get("annotations"))
    ctl = controlled_by(rs)
    if ctl:
        w.write(0, f"Controlled By:\t{ctl}\n")
    w.write(0, f"Replicas:\t{st.get('replicas') or 0} current / {spec.get('replicas') or 0} desired\n")
    running, waiting, succeeded, failed = _controlled_pods(api, rs)
    w.write(0, f"Pods Status:\t{running} Running / {waiting} Waiting / {succeeded} Succeeded / {failed} Failed\n")
    describe_pod_template_spec(w, spec.get("template"))
    _conditions3(w, st.get("conditions"))
    ev = _events(api, rs, "ReplicaSet", show_events)
    if ev is not None:
        describe_events(w, ev, now)
    return w.text()


def describe_statefulset(api: Any, ss: dict[str, Any], now: float, show_events: bool) -> str:
    meta, spec, st = ss.get("metadata") or {}, ss.get("spec") or {}, ss.get("status") or {}
    w = PrefixWriter()
    _header(w, ss, creation=True)
    w.write(0, f"Selector:\t{label_selector_string(spec.get('selector'))}\n")
    print_labels_multiline(w, "Labels", meta.get("labels"))
    print_annotations_multiline(w, "Annotations", meta.get("annotations"))
    w.write(0, f"Replicas:\t{spec.get('replicas') or 0} desired | {st.get('replicas') or 0} total\n")
    us = spec.get("updateStrategy") or {}
    w.write(0, f"Update Strategy:\t{us.get('type') or ''}\n")
    ru = us.get("rollingUpdate")
    if ru is not None and ru.get("partition") is not None:
        w.write(1, f"Partition:\t{ru['partition']}\n")
        if ru.get("maxUnavailable") is not None:
            w.write(1, f"MaxUnavailable:\t{ru['maxUnavailable']}\n")
    running, waiting, succeeded, failed = _controlled_pods(api, ss)
    w.write(0, f"Pods Status:\t{running} Running / {waiting} Waiting / {succeeded} Succeeded / {failed} Failed\n")
    describe_pod_template_spec(w, spec.get("template"))
    vcts = spec.get("volumeClaimTemplates") or []
    if not vcts:
        w.write(0, "Volume Claims:\t<none>\n")
    else:
        w.write(0, "Volume Claims:\n")
        for pvc in vcts:
            pm, ps = pvc.get("metadata") or {}, pvc.get("spec") or {}
            w.write(1, f"Name:\t{pm.get('name', '')}\n")
            w.write(1, f"StorageClass:\t{ps.get('storageClassName') or ''}\n")
            print_labels_multiline(w, "Labels", pm.get("labels"), indent="  ")
            print_labels_multiline(w, "Annotations", pm.get("annotations"), indent="  ")
            cap = ((ps.get("resources") or {}).get("requests") or {}).get("storage")
            w.write(1, f"Capacity:\t{cap if cap is not None else '<default>'}\n")
            w.write(1, f"Access Modes:\t[{' '.join(ps.get('accessModes') or [])}]\n")
    ev = _events(api, ss, "StatefulSet", show_events)
    if ev is not None:
        describe_events(w, ev, now)
    return w.text()


def describe_daemonset(api: Any, ds: dict[str, Any], now: float, show_events: bool) -> str:
    meta, spec, st = ds.get("metadata") or {}, ds.get("spec") or {}, ds.get("status") or {}
    w = PrefixWriter()
    w.write(0, f"Name:\t{meta.get('name', '')}\n")
    w.write(0, f"Selector:\t{label_selector_string(spec.get('selector'))}\n")
    tmpl_spec = ((spec.get("template") or {}).get("spec") or {})
    w.write(0, f"Node-Selector:\t{format_labels(tmpl_spec.get('nodeSelector'))}\n")
    print_labels_multiline(w, "Labels", meta.get("labels"))
    print_annotations_multiline(w, "Annotations", meta.get("annotations"))
    w.write(0, f"Desired Number of Nodes Scheduled: {st.get('desiredNumberScheduled') or 0}\n")
    w.write(0, f"Current Number of Nodes Scheduled: {st.get('currentNumberScheduled') or 0}\n")
    w.write(0, f"Number of Nodes Scheduled with Up-to-date Pods: {st.get('updatedNumberScheduled') or 0}\n")
    w.write(0, f"Number of Nodes Scheduled with Available Pods: {st.get('numberAvailable') or 0}\n")
    w.write(0, f"Number of Nodes Misscheduled: {st.get('numberMisscheduled') or 0}\n")
    running, waiting, succeeded, failed = _controlled_pods(api, ds)
    w.write(0, f"Pods Status:\t{running} Running / {waiting} Waiting / {succeeded} Succeeded / {failed} Failed\n")
    describe_pod_template_spec(w, spec.get("template"))
    ev = _events(api, ds, "DaemonSet", show_events)
    if ev is not None:
        describe_events(w, ev, now)
    return w.text()


def describe_job(api: Any, job: dict[str, Any], now: float, show_events: bool) -> str:
    meta, spec, st = job.get("metadata") or {}, job.get("spec") or {}, job.get("status") or {}
    w = PrefixWriter()
    _header(w, job)
    w.write(0, f"Selector:\t{label_selector_string(spec.get('selector'))}\n")
    print_labels_multiline(w, "Labels", meta.get("labels"))
    print_annotations_multiline(w, "Annotations", meta.get("annotations"))
    ctl = controlled_by(job)
    if ctl:
        w.write(0, f"Controlled By:\t{ctl}\n")
    if spec.get("parallelism") is not None:
        w.write(0, f"Parallelism:\t{spec['parallelism']}\n")
    w.write(0, f"Completions:\t{spec['completions'] if spec.get('completions') is not None else '<unset>'}\n")
    if spec.get("completionMode"):
        w.write(0, f"Completion Mode:\t{spec['completionMode']}\n")
    if spec.get("suspend") is not None:
        w.write(0, f"Suspend:\t{'true' if spec['suspend'] else 'false'}\n")
    if spec.get("backoffLimit") is not None:
        w.write(0, f"Backoff Limit:\t{spec['backoffLimit']}\n")
    if spec.get("backoffLimitPerIndex") is not None:
        w.write(0, f"Backoff Limit Per Index:\t{spec['backoffLimitPerIndex']}\n")
    if spec.get("maxFailedIndexes") is not None:
        w.write(0, f"Max Failed Indexes:\t{spec['maxFailedIndexes']}\n")
    if st.get("startTime"):
        w.write(0, f"Start Time:\t{rfc1123z(st['startTime'])}\n")
    if st.get("completionTime"):
        w.write(0, f"Completed At:\t{rfc1123z(st['completionTime'])}\n")
    if st.get("startTime") and st.get("completionTime"):
        start, done = parse_ts(st["startTime"]), parse_ts(st["completionTime"])
        w.write(0, f"Duration:\t{human_duration((done - start).total_seconds())}\n")
    if spec.get("activeDeadlineSeconds") is not None:
        w.write(0, f"Active Deadline Seconds:\t{spec['activeDeadlineSeconds']}s\n")
    if st.get("ready") is None:
        w.write(0, f"Pods Statuses:\t{st.get('active') or 0} Active / {st.get('succeeded') or 0} Succeeded / "
                   f"{st.get('failed') or 0} Failed\n")
    else:
        w.write(0, f"Pods Statuses:\t{st.get('active') or 0} Active ({st['ready']} Ready) / "
                   f"{st.get('succeeded') or 0} Succeeded / {st.get('failed') or 0} Failed\n")
    if spec.get("completionMode") == "Indexed":
        w.write(0, f"Completed Indexes:\t{st.get('completedIndexes') or '<none>'}\n")
    describe_pod_template_spec(w, spec.get("template"))
    ev = _events(api, job, "Job", show_events)
    if ev is not None:
        describe_events(w, ev, now)
    return w.text()


def describe_cronjob(api: Any, cj: dict[str, Any], now: float, show_events: bool) -> str:
    meta, spec, st = cj.get("metadata") or {}, cj.get("spec") or {}, cj.get("status") or {}
    w = PrefixWriter()
    _header(w, cj)
    print_labels_multiline(w, "Labels", meta.get("labels"))
    print_annotations_multiline(w, "Annotations", meta.get("annotations"))
    w.write(0, f"Schedule:\t{spec.get('schedule') or ''}\n")
    w.write(0, f"Concurrency Policy:\t{spec.get('concurrencyPolicy') or ''}\n")
    susp = spec.get("suspend")
    w.write(0, f"Suspend:\t{'<unset>' if susp is None else ('true' if susp else 'false')}\n")
    for title, key, suffix in (("Successful Job History Limit", "successfulJobsHistoryLimit", ""),
                               ("Failed Job History Limit", "failedJobsHistoryLimit", ""),
                               ("Starting Deadline Seconds", "startingDeadlineSeconds", "s")):
        v = spec.get(key)
        w.write(0, f"{title}:\t{'<unset>' if v is None else f'{v}{suffix}'}\n")
    jt = (spec.get("jobTemplate") or {}).get("spec") or {}
    w.write(0, f"Selector:\t{label_selector_string(jt['selector']) if jt.get('selector') is not None else '<unset>'}\n")
    w.write(0, f"Parallelism:\t{jt['parallelism'] if jt.get('parallelism') is not None else '<unset>'}\n")
    w.write(0, f"Completions:\t{jt['completions'] if jt.get('completions') is not None else '<unset>'}\n")
    if jt.get("activeDeadlineSeconds") is not None:
        w.write(0, f"Active Deadline Seconds:\t{jt['activeDeadlineSeconds']}s\n")
    describe_pod_template_spec(w, jt.get("template"))
    w.write(0, f"Last Schedule Time:\t{rfc1123z(st['lastScheduleTime']) if st.get('lastScheduleTime') else '<unset>'}\n")
    w.write(0, "Active Jobs:\t")
    active = st.get("active") or []
    if not active:
        w.line("<none>")
    else:
        w.line(", ".join(a.get("name", "") for a in active))
    ev = _events(api, cj, "CronJob", show_events)
    if ev is not None:
        describe_events(w, ev, now)
    return w.text()


def describe_namespace(api: Any, ns: dict[str, Any], now: float, show_events: bool) -> str:
    meta, st = ns.get("metadata") or {}, ns.get("status") or {}
    w = PrefixWriter()
    w.write(0, f"Name:\t{meta.get('name', '')}\n")
    print_labels_multiline(w, "Labels", meta.get("labels"))
    print_annotations_multiline(w, "Annotations", meta.get("annotations"))
    w.write(0, f"Status:\t{st.get('phase') or ''}\n")
    if st.get("conditions"):
        w.write(0, "Conditions:\n")
        w.write(1, "Type\tStatus\tLastTransitionTime\tReason\tMessage\n")
        w.write(1, "----\t------\t------------------\t------\t-------\n")
        for c in st["conditions"]:
            w.write(1, f"{c.get('type')}\t{c.get('status')}\t{rfc1123z(c.get('lastTransitionTime'))}\t"
                       f"{c.get('reason') or ''}\t{c.get('message') or ''}\n")
    # The sandbox serves no ResourceQuota or LimitRange, as a fresh cluster has none.
    w.write(0, "\n")
    w.write(0, "No resource quota.\n")
    w.write(0, "\n")
    w.write(0, "No LimitRange resource.\n")
    return w.text()


def describe_configmap(api: Any, cm: dict[str, Any], now: float, show_events: bool) -> str:
    meta = cm.get("metadata") or {}
    w = PrefixWriter()
    _header(w, cm)
    print_labels_multiline(w, "Labels", meta.get("labels"))
    print_annotations_multiline(w, "Annotations", meta.get("annotations"))
    w.write(0, "\nData\n====\n")
    data = cm.get("data") or {}
    for k in sorted(data):
        w.write(0, f"{k}:\n----\n")
        w.write(0, f"{data[k]}\n")
        w.write(0, "\n")
    w.write(0, "\nBinaryData\n====\n")
    binary = cm.get("binaryData") or {}
    import base64

    for k in sorted(binary):
        w.write(0, f"{k}: {len(base64.b64decode(binary[k]))} bytes\n")
    w.write(0, "\n")
    ev = _events(api, cm, "ConfigMap", show_events)
    if ev is not None:
        describe_events(w, ev, now)
    return w.text()


def describe_secret(api: Any, s: dict[str, Any], now: float, show_events: bool) -> str:
    import base64

    meta = s.get("metadata") or {}
    w = PrefixWriter()
    _header(w, s)
    print_labels_multiline(w, "Labels", meta.get("labels"))
    print_annotations_multiline(w, "Annotations", meta.get("annotations"))
    w.write(0, f"\nType:\t{s.get('type') or ''}\n")
    w.write(0, "\nData\n====\n")
    data = s.get("data") or {}
    for k in sorted(data):
        raw = base64.b64decode(data[k])
        if k == "token" and s.get("type") == "kubernetes.io/service-account-token":
            w.write(0, f"{k}:\t{raw.decode(errors='replace')}\n")
        else:
            w.write(0, f"{k}:\t{len(raw)} bytes\n")
    return w.text()


_ACRONYMS = {"API", "URL", "UID", "OSB", "GUID"}


def _camel_split(s: str) -> list[str]:
    """``fatih/camelcase.Split``."""
    runs: list[list[str]] = []
    last = None
    for ch in s:
        cls = 1 if ch.islower() else 2 if ch.isupper() else 3 if ch.isdigit() else 4
        if cls == last and runs:
            runs[-1].append(ch)
        else:
            runs.append([ch])
        last = cls
    for i in range(len(runs) - 1):
        if runs[i][0].isupper() and runs[i + 1][0].islower():
            runs[i + 1] = [runs[i][-1]] + runs[i + 1]
            runs[i] = runs[i][:-1]
    return ["".join(r) for r in runs if r]


def smart_label_for(field: str) -> str:
    """``smartLabelFor``: ``involvedObject`` -> ``Involved Object``, ``apiVersion`` -> ``API Version``."""
    if any(not (ch.isalpha() or ch == "-") for ch in field):
        return field
    out = []
    for part in _camel_split(field):
        if part == "_":
            continue
        out.append(part.upper() if part.upper() in _ACRONYMS else part[:1].upper() + part[1:])
    return " ".join(out)


def _go_v(v: Any) -> str:
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, float) and v == int(v):
        return str(int(v))
    return str(v)


def _print_unstructured(w: PrefixWriter, level: int, content: dict[str, Any], prefix: str, skip: set[str]) -> None:
    for field in sorted(content):
        value = content[field]
        expr = f"{prefix}.{field}"
        if expr in skip:
            continue
        if isinstance(value, dict):
            w.write(level, f"{smart_label_for(field)}:\n")
            _print_unstructured(w, level + 1, value, expr, skip)
        elif isinstance(value, list):
            w.write(level, f"{smart_label_for(field)}:\n")
            for child in value:
                if isinstance(child, dict):
                    _print_unstructured(w, level + 1, child, expr, skip)
                else:
                    w.write(level + 1, f"{_go_v(child)}\n")
        else:
            w.write(level, f"{smart_label_for(field)}:\t{_go_v(value)}\n")


def describe_generic(api: Any, kind: str, obj: dict[str, Any], now: float, show_events: bool) -> str:
    """The generic describer: every field, labelled the way ``smartLabelFor`` does."""
    meta = obj.get("metadata") or {}
    w = PrefixWriter()
    w.write(0, f"Name:\t{meta.get('name', '')}\n")
    w.write(0, f"Namespace:\t{meta.get('namespace', '')}\n")
    print_labels_multiline(w, "Labels", meta.get("labels"))
    print_annotations_multiline(w, "Annotations", meta.get("annotations"))
    _print_unstructured(w, 0, obj, "", {".metadata.managedFields", ".metadata.name", ".metadata.namespace",
                                         ".metadata.labels", ".metadata.annotations"})
    ev = _events(api, obj, kind, show_events)
    if ev is not None:
        describe_events(w, ev, now)
    return w.text()


DESCRIBERS: dict[str, Callable[[Any, dict[str, Any], float, bool], str]] = {
    "Deployment": describe_deployment,
    "ReplicaSet": describe_replicaset,
    "StatefulSet": describe_statefulset,
    "DaemonSet": describe_daemonset,
    "Job": describe_job,
    "CronJob": describe_cronjob,
    "Namespace": describe_namespace,
    "ConfigMap": describe_configmap,
    "Secret": describe_secret,
}

