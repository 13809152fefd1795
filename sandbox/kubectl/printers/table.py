"""``kubectl get`` tables: the columns kube-apiserver's printers give each kind.

Ports of ``pkg/printers/internalversion/printers.go`` (column definitions in ``AddHandlers``, one
``print<Kind>`` function per kind) working on Kubernetes JSON dicts, and the client side of
``kubectl get``: upper-cased headers, ``-o wide`` columns (priority 1), ``-A``'s NAMESPACE column,
``-L``/``--show-labels``, ``--no-headers``, and the tab writer.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from sandbox.kubectl.age import human_duration, parse_ts, since, translate_timestamp_since
from sandbox.kubectl.printers.tabwriter import TabWriter
from sandbox.kubectl.status import pod_columns

__all__ = [
    "Column",
    "Table",
    "KIND_COLUMNS",
    "build_table",
    "format_labels",
    "format_label_selector",
    "label_selector_string",
    "render_table",
]


@dataclass(frozen=True)
class Column:
    """A column definition: its name as the server sends it (``Nominated Node``) and priority."""

    name: str
    priority: int = 0


@dataclass
class Table:
    """Headers and rows of strings, ready for the tab writer."""

    headers: list[str]
    rows: list[list[str]] = field(default_factory=list)


# ----------------------------------------------------------------------------- helpers


def format_labels(labels: dict[str, str] | None) -> str:
    """``labels.FormatLabels``: ``a=1,b=2`` sorted by key, ``<none>`` when empty."""
    if not labels:
        return "<none>"
    return ",".join(f"{k}={labels[k]}" for k in sorted(labels))


def label_selector_string(selector: dict[str, Any] | None) -> str:
    """``LabelSelectorAsSelector(s).String()``: ``app=web,tier in (a,b),!gone``; ``""`` for none."""
    if not selector:
        return ""
    reqs: list[tuple[str, str]] = []
    for k, v in (selector.get("matchLabels") or {}).items():
        reqs.append((k, f"{k}={v}"))
    for expr in selector.get("matchExpressions") or []:
        key, op, values = expr.get("key", ""), expr.get("operator", ""), sorted(set(expr.get("values") or []))
        if op == "In":
            reqs.append((key, f"{key} in ({','.join(values)})"))
        elif op == "NotIn":
            reqs.append((key, f"{key} notin ({','.join(values)})"))
        elif op == "Exists":
            reqs.append((key, key))
        elif op == "DoesNotExist":
            reqs.append((key, f"!{key}"))
    reqs.sort(key=lambda r: r[0])
    return ",".join(r[1] for r in reqs)


def format_label_selector(selector: dict[str, Any] | None) -> str:
    """``metav1.FormatLabelSelector``: the selector string or ``<none>``."""
    return label_selector_string(selector) or "<none>"


def _containers_cells(containers: list[dict[str, Any]] | None) -> tuple[str, str]:
    """``layoutContainerCells``: container names and images joined by commas."""
    cs = containers or []
    return ",".join(c.get("name", "") for c in cs), ",".join(c.get("image", "") for c in cs)


def _age(obj: dict[str, Any], now: float) -> str:
    return translate_timestamp_since((obj.get("metadata") or {}).get("creationTimestamp"), now)


def _name(obj: dict[str, Any]) -> str:
    return (obj.get("metadata") or {}).get("name", "")


def _template_spec(obj: dict[str, Any]) -> dict[str, Any]:
    return ((obj.get("spec") or {}).get("template") or {}).get("spec") or {}


def _bool_ptr(v: Any) -> str:
    """``printBoolPtr``."""
    if v is None:
        return "<unset>"
    return "true" if v else "false"


def _has_condition(conds: list[dict[str, Any]] | None, ctype: str) -> bool:
    for c in conds or []:
        if c.get("type") == ctype:
            return c.get("status") == "True"
    return False


# ----------------------------------------------------------------------------- kinds

Row = list[str]
Printer = Callable[[dict[str, Any], float, bool], Row]

_CONTAINERS_IMAGES = [Column("Containers", 1), Column("Images", 1)]


def _print_pod(pod: dict[str, Any], now: float, wide: bool) -> Row:
    pc = pod_columns(pod, now)
    row = [_name(pod), pc.ready, pc.status, pc.restarts, _age(pod, now)]
    if wide:
        spec, status = pod.get("spec") or {}, pod.get("status") or {}
        ips = status.get("podIPs") or []
        ip = (ips[0].get("ip") if ips else "") or "<none>"
        gates = spec.get("readinessGates") or []
        gates_cell = "<none>"
        if gates:
            true = 0
            for g in gates:
                for cond in status.get("conditions") or []:
                    if cond.get("type") == g.get("conditionType"):
                        if cond.get("status") == "True":
                            true += 1
                        break
            gates_cell = f"{true}/{len(gates)}"
        row += [ip, spec.get("nodeName") or "<none>", status.get("nominatedNodeName") or "<none>", gates_cell]
    return row


def _node_roles(labels: dict[str, str]) -> list[str]:
    roles: set[str] = set()
    for k, v in labels.items():
        if k.startswith("node-role.kubernetes.io/"):
            role = k[len("node-role.kubernetes.io/"):]
            if role:
                roles.add(role)
        elif k == "kubernetes.io/role" and v:
            roles.add(v)
    return sorted(roles)


def node_status_string(node: dict[str, Any]) -> str:
    """The STATUS cell of a node: ``Ready``, ``NotReady``, ``Unknown``, ``,SchedulingDisabled``."""
    conds = {c.get("type"): c for c in (node.get("status") or {}).get("conditions") or []}
    status: list[str] = []
    if "Ready" in conds:
        status.append("Ready" if conds["Ready"].get("status") == "True" else "NotReady")
    if not status:
        status.append("Unknown")
    if (node.get("spec") or {}).get("unschedulable"):
        status.append("SchedulingDisabled")
    return ",".join(status)


def _node_address(node: dict[str, Any], typ: str) -> str:
    for a in (node.get("status") or {}).get("addresses") or []:
        if a.get("type") == typ:
            return a.get("address", "")
    return "<none>"


def _print_node(node: dict[str, Any], now: float, wide: bool) -> Row:
    info = (node.get("status") or {}).get("nodeInfo") or {}
    roles = ",".join(_node_roles((node.get("metadata") or {}).get("labels") or {})) or "<none>"
    row = [_name(node), node_status_string(node), roles, _age(node, now), info.get("kubeletVersion", "")]
    if wide:
        row += [
            _node_address(node, "InternalIP"),
            _node_address(node, "ExternalIP"),
            info.get("osImage") or "<unknown>",
            info.get("kernelVersion") or "<unknown>",
            info.get("containerRuntimeVersion") or "<unknown>",
        ]
    return row


def _micro_since(ts: Any, now: float) -> str:
    return translate_timestamp_since(ts, now)


def event_source(ev: dict[str, Any]) -> str:
    """``formatEventSource``: ``kubelet, node-1``."""
    src = ev.get("source") or {}
    component = src.get("component") or ev.get("reportingComponent") or ""
    host = src.get("host") or ev.get("reportingInstance") or ""
    if not component:
        return ""
    return f"{component}, {host}" if host else component


def _print_event(ev: dict[str, Any], now: float, wide: bool) -> Row:
    first = translate_timestamp_since(ev.get("firstTimestamp"), now)
    if not ev.get("firstTimestamp"):
        first = _micro_since(ev.get("eventTime"), now)
    last = translate_timestamp_since(ev.get("lastTimestamp"), now)
    if not ev.get("lastTimestamp"):
        last = first
    count = ev.get("count") or 0
    series = ev.get("series")
    if series is not None:
        last = _micro_since(series.get("lastObservedTime"), now)
        count = series.get("count") or 0
    elif count == 0:
        count = 1
    inv = ev.get("involvedObject") or {}
    target = inv.get("kind", "").lower()
    if inv.get("name"):
        target = f"{target}/{inv['name']}"
    msg = (ev.get("message") or "").strip()
    if wide:
        return [last, ev.get("type") or "", ev.get("reason") or "", target, inv.get("fieldPath") or "",
                event_source(ev), msg, first, str(count), _name(ev)]
    return [last, ev.get("type") or "", ev.get("reason") or "", target, msg]


def _print_namespace(ns: dict[str, Any], now: float, wide: bool) -> Row:
    return [_name(ns), (ns.get("status") or {}).get("phase") or "", _age(ns, now)]


def _print_configmap(cm: dict[str, Any], now: float, wide: bool) -> Row:
    return [_name(cm), str(len(cm.get("data") or {}) + len(cm.get("binaryData") or {})), _age(cm, now)]


def _print_secret(s: dict[str, Any], now: float, wide: bool) -> Row:
    return [_name(s), s.get("type") or "", str(len(s.get("data") or {})), _age(s, now)]


def _print_lease(lease: dict[str, Any], now: float, wide: bool) -> Row:
    return [_name(lease), (lease.get("spec") or {}).get("holderIdentity") or "", _age(lease, now)]


def _print_deployment(d: dict[str, Any], now: float, wide: bool) -> Row:
    spec, st = d.get("spec") or {}, d.get("status") or {}
    row = [_name(d), f"{st.get('readyReplicas') or 0}/{spec.get('replicas') or 0}",
           str(st.get("updatedReplicas") or 0), str(st.get("availableReplicas") or 0), _age(d, now)]
    if wide:
        names, images = _containers_cells(_template_spec(d).get("containers"))
        row += [names, images, label_selector_string(spec.get("selector"))]
    return row


def _print_replicaset(rs: dict[str, Any], now: float, wide: bool) -> Row:
    spec, st = rs.get("spec") or {}, rs.get("status") or {}
    row = [_name(rs), str(spec.get("replicas") or 0), str(st.get("replicas") or 0),
           str(st.get("readyReplicas") or 0), _age(rs, now)]
    if wide:
        names, images = _containers_cells(_template_spec(rs).get("containers"))
        row += [names, images, format_label_selector(spec.get("selector"))]
    return row


def _print_statefulset(ss: dict[str, Any], now: float, wide: bool) -> Row:
    spec, st = ss.get("spec") or {}, ss.get("status") or {}
    row = [_name(ss), f"{st.get('readyReplicas') or 0}/{spec.get('replicas') or 0}", _age(ss, now)]
    if wide:
        row += list(_containers_cells(_template_spec(ss).get("containers")))
    return row


def _print_daemonset(ds: dict[str, Any], now: float, wide: bool) -> Row:
    spec, st = ds.get("spec") or {}, ds.get("status") or {}
    row = [_name(ds)] + [str(st.get(k) or 0) for k in (
        "desiredNumberScheduled", "currentNumberScheduled", "numberReady", "updatedNumberScheduled", "numberAvailable")]
    row += [format_labels(_template_spec(ds).get("nodeSelector")), _age(ds, now)]
    if wide:
        names, images = _containers_cells(_template_spec(ds).get("containers"))
        row += [names, images, format_label_selector(spec.get("selector"))]
    return row


def job_status(job: dict[str, Any]) -> str:
    """The STATUS cell of a Job: Complete, Failed, Terminating, Suspended, FailureTarget, Running."""
    conds = (job.get("status") or {}).get("conditions")
    if _has_condition(conds, "Complete"):
        return "Complete"
    if _has_condition(conds, "Failed"):
        return "Failed"
    if (job.get("metadata") or {}).get("deletionTimestamp"):
        return "Terminating"
    if _has_condition(conds, "Suspended"):
        return "Suspended"
    if _has_condition(conds, "FailureTarget"):
        return "FailureTarget"
    return "Running"


def _print_job(job: dict[str, Any], now: float, wide: bool) -> Row:
    spec, st = job.get("spec") or {}, job.get("status") or {}
    succeeded = st.get("succeeded") or 0
    if spec.get("completions") is not None:
        completions = f"{succeeded}/{spec['completions']}"
    else:
        par = spec.get("parallelism") or 0
        completions = f"{succeeded}/1 of {par}" if par > 1 else f"{succeeded}/1"
    start, done = parse_ts(st.get("startTime")), parse_ts(st.get("completionTime"))
    if start is None:
        dur = ""
    elif done is None:
        dur = human_duration(since(st.get("startTime"), now) or 0)
    else:
        dur = human_duration((done - start).total_seconds())
    row = [_name(job), job_status(job), completions, dur, _age(job, now)]
    if wide:
        names, images = _containers_cells(_template_spec(job).get("containers"))
        row += [names, images, format_label_selector(spec.get("selector"))]
    return row


def _print_cronjob(cj: dict[str, Any], now: float, wide: bool) -> Row:
    spec, st = cj.get("spec") or {}, cj.get("status") or {}
    last = "<none>"
    if st.get("lastScheduleTime"):
        last = translate_timestamp_since(st["lastScheduleTime"], now)
    row = [_name(cj), spec.get("schedule") or "", spec.get("timeZone") or "<none>", _bool_ptr(spec.get("suspend")),
           str(len(st.get("active") or [])), last, _age(cj, now)]
    if wide:
        jt = (spec.get("jobTemplate") or {}).get("spec") or {}
        names, images = _containers_cells(((jt.get("template") or {}).get("spec") or {}).get("containers"))
        row += [names, images, format_label_selector(jt.get("selector"))]
    return row


def _print_podtemplate(pt: dict[str, Any], now: float, wide: bool) -> Row:
    tmpl = pt.get("template") or {}
    names, images = _containers_cells((tmpl.get("spec") or {}).get("containers"))
    return [_name(pt), names, images, format_labels((tmpl.get("metadata") or {}).get("labels"))]


def _lb_ingress(status: dict[str, Any], wide: bool) -> str:
    """``loadBalancerStatusStringer``: unique IPs/hostnames sorted, cut to 16 characters unless wide."""
    seen = sorted({i.get("ip") or i.get("hostname") for i in (status.get("loadBalancer") or {}).get("ingress") or []
                   if i.get("ip") or i.get("hostname")})
    r = ",".join(seen)
    if not wide and len(r) > 16:
        r = r[:13] + "..."
    return r


def _service_external_ip(svc: dict[str, Any], wide: bool) -> str:
    spec = svc.get("spec") or {}
    typ = spec.get("type") or ""
    ext = spec.get("externalIPs") or []
    if typ in ("ClusterIP", "NodePort"):
        return ",".join(ext) if ext else "<none>"
    if typ == "LoadBalancer":
        lb = _lb_ingress(svc.get("status") or {}, wide)
        if ext:
            return ",".join(([*lb.split(",")] if lb else []) + ext)
        return lb or "<pending>"
    if typ == "ExternalName":
        return spec.get("externalName") or ""
    return "<unknown>"


def _print_service(svc: dict[str, Any], now: float, wide: bool) -> Row:
    spec = svc.get("spec") or {}
    ips = spec.get("clusterIPs") or []
    ports = []
    for p in spec.get("ports") or []:
        if p.get("nodePort"):
            ports.append(f"{p.get('port')}:{p['nodePort']}/{p.get('protocol') or ''}")
        else:
            ports.append(f"{p.get('port')}/{p.get('protocol') or ''}")
    row = [_name(svc), spec.get("type") or "", ips[0] if ips else "<none>", _service_external_ip(svc, wide),
           ",".join(ports) or "<none>", _age(svc, now)]
    if wide:
        row.append(format_labels(spec.get("selector")))
    return row


def _print_endpoints(ep: dict[str, Any], now: float, wide: bool) -> Row:
    """``formatEndpoints``: up to three ``ip:port``, then ``+ N more...``."""
    subsets = ep.get("subsets") or []
    if not subsets:
        return [_name(ep), "<none>", _age(ep, now)]
    items: list[str] = []
    count = 0
    more = False
    for ss in subsets:
        addrs = ss.get("addresses") or []
        ports = ss.get("ports") or []
        if not ports:
            count += len(addrs)
            for a in addrs:
                if len(items) == 3:
                    more = True
                    break
                items.append(a.get("ip", ""))
            continue
        for port in ports:
            count += len(addrs)
            for a in addrs:
                if len(items) == 3:
                    more = True
                    break
                ip = a.get("ip", "")
                host = f"[{ip}]" if ":" in ip else ip
                items.append(f"{host}:{port.get('port')}")
    text = ",".join(items)
    if more:
        text = f"{text} + {count - 3} more..."
    return [_name(ep), text, _age(ep, now)]


def _print_serviceaccount(sa: dict[str, Any], now: float, wide: bool) -> Row:
    return [_name(sa), str(len(sa.get("secrets") or [])), _age(sa, now)]


def _print_default(obj: dict[str, Any], now: float, wide: bool) -> Row:
    return [_name(obj), _age(obj, now)]


#: Column definitions and row printers per kind, from ``AddHandlers``.
KIND_COLUMNS: dict[str, tuple[list[Column], Printer]] = {
    "Pod": ([Column("Name"), Column("Ready"), Column("Status"), Column("Restarts"), Column("Age"),
             Column("IP", 1), Column("Node", 1), Column("Nominated Node", 1), Column("Readiness Gates", 1)], _print_pod),
    "Node": ([Column("Name"), Column("Status"), Column("Roles"), Column("Age"), Column("Version"),
              Column("Internal-IP", 1), Column("External-IP", 1), Column("OS-Image", 1), Column("Kernel-Version", 1),
              Column("Container-Runtime", 1)], _print_node),
    "Event": ([Column("Last Seen"), Column("Type"), Column("Reason"), Column("Object"), Column("Subobject", 1),
               Column("Source", 1), Column("Message"), Column("First Seen", 1), Column("Count", 1), Column("Name", 1)],
              _print_event),
    "Namespace": ([Column("Name"), Column("Status"), Column("Age")], _print_namespace),
    "ConfigMap": ([Column("Name"), Column("Data"), Column("Age")], _print_configmap),
    "Secret": ([Column("Name"), Column("Type"), Column("Data"), Column("Age")], _print_secret),
    "Lease": ([Column("Name"), Column("Holder"), Column("Age")], _print_lease),
    "Deployment": ([Column("Name"), Column("Ready"), Column("Up-to-date"), Column("Available"), Column("Age"),
                    *_CONTAINERS_IMAGES, Column("Selector", 1)], _print_deployment),
    "ReplicaSet": ([Column("Name"), Column("Desired"), Column("Current"), Column("Ready"), Column("Age"),
                    *_CONTAINERS_IMAGES, Column("Selector", 1)], _print_replicaset),
    "StatefulSet": ([Column("Name"), Column("Ready"), Column("Age"), *_CONTAINERS_IMAGES], _print_statefulset),
    "DaemonSet": ([Column("Name"), Column("Desired"), Column("Current"), Column("Ready"), Column("Up-to-date"),
                   Column("Available"), Column("Node Selector"), Column("Age"), *_CONTAINERS_IMAGES,
                   Column("Selector", 1)], _print_daemonset),
    "Job": ([Column("Name"), Column("Status"), Column("Completions"), Column("Duration"), Column("Age"),
             *_CONTAINERS_IMAGES, Column("Selector", 1)], _print_job),
    "CronJob": ([Column("Name"), Column("Schedule"), Column("Timezone"), Column("Suspend"), Column("Active"),
                 Column("Last Schedule"), Column("Age"), *_CONTAINERS_IMAGES, Column("Selector", 1)], _print_cronjob),
    "Service": ([Column("Name"), Column("Type"), Column("Cluster-IP"), Column("External-IP"), Column("Port(s)"),
                 Column("Age"), Column("Selector", 1)], _print_service),
    "Endpoints": ([Column("Name"), Column("Endpoints"), Column("Age")], _print_endpoints),
    "ServiceAccount": ([Column("Name"), Column("Secrets"), Column("Age")], _print_serviceaccount),
    "PodTemplate": ([Column("Name"), Column("Containers"), Column("Images"), Column("Pod Labels")], _print_podtemplate),
}

_DEFAULT = ([Column("Name"), Column("Age")], _print_default)


def _cell(value: str) -> str:
    """A string cell as the table printer writes it: cut at the first newline, then ``...``."""
    for i, ch in enumerate(value):
        if ch in "\f\n\r":
            return value[:i].replace("\x1b", "^[") + "..."
    return value.replace("\x1b", "^[")


def build_table(
    kind: str,
    objects: list[dict[str, Any]],
    now: float,
    *,
    wide: bool = False,
    with_namespace: bool = False,
    show_labels: bool = False,
    label_columns: list[str] | None = None,
    name_prefix: str = "",
) -> Table:
    """The table ``kubectl get`` prints for ``objects`` of one ``kind``."""
    columns, printer = KIND_COLUMNS.get(kind, _DEFAULT)
    shown = [i for i, c in enumerate(columns) if wide or c.priority == 0]
    headers = [columns[i].name.upper() for i in shown]
    label_columns = label_columns or []
    if with_namespace:
        headers.insert(0, "NAMESPACE")
    headers += [lbl.split("/")[-1].upper() for lbl in label_columns]
    if show_labels:
        headers.append("LABELS")
    table = Table(headers)
    # A printer returns one cell per shown column: all columns with -o wide, else those of priority 0.
    name_index = next((n for n, i in enumerate(shown) if columns[i].name == "Name"), None)
    for obj in objects:
        cells = printer(obj, now, wide)
        if name_prefix and name_index is not None:
            cells[name_index] = name_prefix + cells[name_index]
        cells = [_cell(c) for c in cells]
        meta = obj.get("metadata") or {}
        if with_namespace:
            cells.insert(0, meta.get("namespace", ""))
        labels = meta.get("labels") or {}
        cells += [labels.get(lbl, "") for lbl in label_columns]
        if show_labels:
            cells.append(format_labels(labels))
        table.rows.append(cells)
    return table


def render_table(table: Table, *, no_headers: bool = False, writer: TabWriter | None = None) -> str:
    """Lay a table out with kubectl's tab writer."""
    w = writer or TabWriter()
    if not no_headers:
        w.write("\t".join(table.headers) + "\n")
    for row in table.rows:
        w.write("\t".join(row) + "\n")  # a tab inside a cell starts a new column, as in Go's tabwriter
    return w.flush()
