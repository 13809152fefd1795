"""``kubectl describe node``: a port of ``describeNode`` / ``describeNodeResource``."""

from __future__ import annotations

from typing import Any

from sandbox.api.quantity import Quantity
from sandbox.errors import StatusError
from sandbox.kubectl.describe.writer import (
    PrefixWriter,
    describe_events,
    print_annotations_multiline,
    print_labels_multiline,
    rfc1123z,
    translate_since,
)
from sandbox.kubectl.printers.table import _node_roles

__all__ = ["describe_node", "pod_requests_and_limits", "taint_string"]

_STANDARD = {"cpu", "memory", "ephemeral-storage", "storage", "pods"}


def taint_string(t: dict[str, Any]) -> str:
    """``Taint.ToString``: ``key=value:Effect``."""
    s = t.get("key", "")
    if t.get("value"):
        s += f"={t['value']}"
    if t.get("effect"):
        s += f":{t['effect']}"
    return s


def _q(v: Any) -> Quantity:
    return Quantity(str(v))


def _add(acc: dict[str, Quantity], res: dict[str, Any] | None) -> None:
    for k, v in (res or {}).items():
        acc[k] = acc[k] + _q(v) if k in acc else _q(v)


def _max_into(acc: dict[str, Quantity], res: dict[str, Quantity]) -> None:
    for k, v in res.items():
        if k not in acc or v > acc[k]:
            acc[k] = v


def pod_requests_and_limits(pod: dict[str, Any]) -> tuple[dict[str, Quantity], dict[str, Quantity]]:
    """``resourcehelper.PodRequestsAndLimits``: app containers (+ sidecars) summed, init containers' max, overhead."""
    spec = pod.get("spec") or {}
    reqs: dict[str, Quantity] = {}
    limits: dict[str, Quantity] = {}
    for c in spec.get("containers") or []:
        _add(reqs, (c.get("resources") or {}).get("requests"))
        _add(limits, (c.get("resources") or {}).get("limits"))
    sidecar_reqs: dict[str, Quantity] = {}
    sidecar_limits: dict[str, Quantity] = {}
    init_max_reqs: dict[str, Quantity] = {}
    init_max_limits: dict[str, Quantity] = {}
    for c in spec.get("initContainers") or []:
        r = (c.get("resources") or {})
        if c.get("restartPolicy") == "Always":
            _add(reqs, r.get("requests"))
            _add(limits, r.get("limits"))
            _add(sidecar_reqs, r.get("requests"))
            _add(sidecar_limits, r.get("limits"))
            cur_r, cur_l = dict(sidecar_reqs), dict(sidecar_limits)
        else:
            cur_r, cur_l = dict(sidecar_reqs), dict(sidecar_limits)
            _add(cur_r, r.get("requests"))
            _add(cur_l, r.get("limits"))
        _max_into(init_max_reqs, cur_r)
        _max_into(init_max_limits, cur_l)
    _max_into(reqs, init_max_reqs)
    _max_into(limits, init_max_limits)
    _add(reqs, spec.get("overhead"))
    _add(limits, spec.get("overhead"))
    return reqs, limits


def _pct(part: Quantity | None, whole: Quantity | None, milli: bool) -> int:
    if whole is None:
        return 0
    w = whole.milli_value() if milli else whole.value()
    if w == 0:
        return 0
    p = 0 if part is None else (part.milli_value() if milli else part.value())
    return int(p / w * 100)


def _qs(q: Quantity | None) -> str:
    return "0" if q is None else str(q)


def describe_node(api: Any, node: dict[str, Any], now: float, show_events: bool = True) -> str:
    """The text of ``kubectl describe node``."""
    from sandbox.kubectl.describe import search_events

    meta, spec, status = node.get("metadata") or {}, node.get("spec") or {}, node.get("status") or {}
    name = meta.get("name", "")
    w = PrefixWriter()
    w.write(0, f"Name:\t{name}\n")
    roles = _node_roles(meta.get("labels") or {})
    w.write(0, f"Roles:\t{','.join(roles) if roles else '<none>'}\n")
    print_labels_multiline(w, "Labels", meta.get("labels"))
    print_annotations_multiline(w, "Annotations", meta.get("annotations"))
    w.write(0, f"CreationTimestamp:\t{rfc1123z(meta.get('creationTimestamp'))}\n")
    taints = sorted(spec.get("taints") or [], key=lambda t: f"{t.get('effect', '')},{t.get('key', '')}")
    w.write(0, "Taints:\t")
    if not taints:
        w.line("<none>")
    for i, t in enumerate(taints):
        if i:
            w.write(0, "\t")
        w.write(0, taint_string(t) + "\n")
    w.write(0, f"Unschedulable:\t{'true' if spec.get('unschedulable') else 'false'}\n")
    lease = None
    try:
        lease = api.get_dict("leases.coordination.k8s.io", name, "kube-node-lease")
    except StatusError:
        lease = None
    if lease is not None:
        ls = lease.get("spec") or {}
        w.write(0, "Lease:\n")
        w.write(1, f"HolderIdentity:\t{ls.get('holderIdentity') or '<unset>'}\n")
        w.write(1, f"AcquireTime:\t{rfc1123z(ls['acquireTime']) if ls.get('acquireTime') else '<unset>'}\n")
        w.write(1, f"RenewTime:\t{rfc1123z(ls['renewTime']) if ls.get('renewTime') else '<unset>'}\n")
    conds = status.get("conditions") or []
    if conds:
        w.write(0, "Conditions:\n  Type\tStatus\tLastHeartbeatTime\tLastTransitionTime\tReason\tMessage\n")
        w.write(1, "----\t------\t-----------------\t------------------\t------\t-------\n")
        for c in conds:
            w.write(1, f"{c.get('type')} \t{c.get('status')} \t{rfc1123z(c.get('lastHeartbeatTime'))} \t"
                       f"{rfc1123z(c.get('lastTransitionTime'))} \t{c.get('reason') or ''} \t{c.get('message') or ''}\n")
    w.write(0, "Addresses:\n")
    for a in status.get("addresses") or []:
        w.write(1, f"{a.get('type')}:\t{a.get('address')}\n")
    for title, key in (("Capacity", "capacity"), ("Allocatable", "allocatable")):
        res = status.get(key) or {}
        if res:
            w.write(0, f"{title}:\n")
            for r in sorted(res):
                w.write(0, f"  {r}:\t{res[r]}\n")
    info = status.get("nodeInfo") or {}
    w.write(0, "System Info:\n")
    for label, key in (("Machine ID", "machineID"), ("System UUID", "systemUUID"), ("Boot ID", "bootID"),
                       ("Kernel Version", "kernelVersion"), ("OS Image", "osImage"),
                       ("Operating System", "operatingSystem"), ("Architecture", "architecture"),
                       ("Container Runtime Version", "containerRuntimeVersion"), ("Kubelet Version", "kubeletVersion"),
                       ("Kube-Proxy Version", "kubeProxyVersion")):
        w.write(0, f"  {label}:\t{info.get(key) or ''}\n")
    if spec.get("podCIDR"):
        w.write(0, f"PodCIDR:\t{spec['podCIDR']}\n")
    if spec.get("podCIDRs"):
        w.write(0, f"PodCIDRs:\t{','.join(spec['podCIDRs'])}\n")
    if spec.get("providerID"):
        w.write(0, f"ProviderID:\t{spec['providerID']}\n")
    pods = [p.to_dict() for p in api.list(
        "pods", None, field_selector=f"spec.nodeName={name},status.phase!=Failed,status.phase!=Succeeded")]
    _describe_node_resource(w, pods, status, now)
    if show_events:
        evs = search_events(api, node, "Node", uid=name)
        if meta.get("uid") and meta.get("uid") != name:
            evs += search_events(api, node, "Node", uid=meta["uid"])
        describe_events(w, evs, now)
    return w.text()


def _describe_node_resource(w: PrefixWriter, pods: list[dict[str, Any]], status: dict[str, Any], now: float) -> None:
    w.write(0, f"Non-terminated Pods:\t({len(pods)} in total)\n")
    w.write(1, "Namespace\tName\t\tCPU Requests\tCPU Limits\tMemory Requests\tMemory Limits\tAge\n")
    w.write(1, "---------\t----\t\t------------\t----------\t---------------\t-------------\t---\n")
    alloc_raw = status.get("allocatable") or status.get("capacity") or {}
    alloc = {k: _q(v) for k, v in alloc_raw.items()}
    total_r: dict[str, Quantity] = {}
    total_l: dict[str, Quantity] = {}
    for p in pods:
        r, lim = pod_requests_and_limits(p)
        for k, v in r.items():
            total_r[k] = total_r[k] + v if k in total_r else v
        for k, v in lim.items():
            total_l[k] = total_l[k] + v if k in total_l else v
        pm = p.get("metadata") or {}
        w.write(1, f"{pm.get('namespace')}\t{pm.get('name')}\t\t"
                   f"{_qs(r.get('cpu'))} ({_pct(r.get('cpu'), alloc.get('cpu'), True)}%)\t"
                   f"{_qs(lim.get('cpu'))} ({_pct(lim.get('cpu'), alloc.get('cpu'), True)}%)\t"
                   f"{_qs(r.get('memory'))} ({_pct(r.get('memory'), alloc.get('memory'), False)}%)\t"
                   f"{_qs(lim.get('memory'))} ({_pct(lim.get('memory'), alloc.get('memory'), False)}%)\t"
                   f"{translate_since(pm.get('creationTimestamp'), now)}\n")
    w.write(0, "Allocated resources:\n  (Total limits may be over 100 percent, i.e., overcommitted.)\n")
    w.write(1, "Resource\tRequests\tLimits\n")
    w.write(1, "--------\t--------\t------\n")
    for res, milli in (("cpu", True), ("memory", False), ("ephemeral-storage", False)):
        w.write(1, f"{res}\t{_qs(total_r.get(res))} ({_pct(total_r.get(res), alloc.get(res), milli)}%)\t"
                   f"{_qs(total_l.get(res))} ({_pct(total_l.get(res), alloc.get(res), milli)}%)\n")
    huge = sorted(k for k in alloc if k.startswith("hugepages-"))
    ext = sorted(k for k in alloc if not k.startswith("hugepages-") and k not in _STANDARD and "/" in k)
    for res in huge:
        w.write(1, f"{res}\t{_qs(total_r.get(res))} ({_pct(total_r.get(res), alloc.get(res), False)}%)\t"
                   f"{_qs(total_l.get(res))} ({_pct(total_l.get(res), alloc.get(res), False)}%)\n")
    for res in ext:
        w.write(1, f"{res}\t{_qs(total_r.get(res))}\t{_qs(total_l.get(res))}\n")
