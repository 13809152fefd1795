"""``kubectl top pod`` and ``kubectl top node`` (``k8s.io/kubectl/pkg/cmd/top``, ``pkg/metricsutil``).

Reads the Metrics API of :class:`sandbox.metrics.MetricsServer` and prints as kubectl's
``TopCmdPrinter``: every value is a tab-terminated cell (so lines end in padding), CPU as
``<millicores>m``, memory as ``<MiB>Mi`` (rounded down), node percentages of the node's
allocatable (``--show-capacity``: capacity), rounded down. Pods sort by namespace and name (or
``--sort-by cpu|memory``, largest first); nodes by name.
"""

from __future__ import annotations

from typing import Any

from sandbox.api.quantity import Quantity
from sandbox.kubectl.context import Context
from sandbox.kubectl.errors import CommandError, KubectlError
from sandbox.kubectl.gosort import go_sort
from sandbox.kubectl.printers.tabwriter import TabWriter
from sandbox.metrics import MetricsServer, NodeMetrics

__all__ = ["run_top", "TOP_HELP", "format_cpu", "format_memory"]

TOP_HELP = """Display resource (CPU/memory) usage.

 The top command allows you to see the resource consumption for nodes or pods.

 This command requires Metrics Server to be correctly configured and working on the server.

Available Commands:
  node          Display resource (CPU/memory) usage of nodes
  pod           Display resource (CPU/memory) usage of pods

Usage:
  kubectl top [flags] [options]

Use "kubectl top <command> --help" for more information about a given command.
Use "kubectl options" for a list of global command-line options (applies to all commands).
"""

_POD_WORDS = ("pod", "pods", "po")
_NODE_WORDS = ("node", "nodes", "no")


def format_cpu(millis: int) -> str:
    """``printSingleResourceUsage`` for CPU: ``fmt.Sprintf("%vm", q.MilliValue())``."""
    return f"{millis}m"


def format_memory(nbytes: int) -> str:
    """``printSingleResourceUsage`` for memory: ``fmt.Sprintf("%vMi", q.Value()/(1024*1024))``."""
    return f"{nbytes // (1024 * 1024)}Mi"


def run_top(ctx: Context, args: list[str], opts: dict[str, Any]) -> None:
    """``kubectl top [pod|node] [NAME] [flags]``."""
    if not args:
        raise KubectlError(TOP_HELP.rstrip("\n"))
    sub, rest = args[0], args[1:]
    if sub in _POD_WORDS:
        _top_pod(ctx, rest, opts)
    elif sub in _NODE_WORDS:
        _top_node(ctx, rest, opts)
    else:
        raise KubectlError(f'error: unknown command "{sub}"\nSee \'kubectl top -h\' for help and examples')


def _sort_by(opts: dict[str, Any]) -> str:
    sort_by = opts.get("sort_by") or ""
    if sort_by and sort_by not in ("cpu", "memory"):
        raise CommandError("--sort-by accepts only cpu or memory")
    return sort_by


def _top_pod(ctx: Context, args: list[str], opts: dict[str, Any]) -> None:
    if len(args) > 1:
        raise KubectlError("error: pod [NAME | -l label]\nSee 'kubectl top pod -h' for help and examples")
    name = args[0] if args else ""
    selector, fields = opts.get("selector") or "", opts.get("field_selector") or ""
    sort_by = _sort_by(opts)
    if name and (selector or fields):
        raise CommandError("only one of NAME or selector can be provided")
    all_ns = bool(opts.get("all_namespaces"))
    server = MetricsServer(ctx.api, ctx.kubelet_for)
    if name:
        metrics = [server.get_pod_metrics(ctx.namespace, name)]
    else:
        metrics = server.pod_metrics(None if all_ns else ctx.namespace, selector, fields)
    if not metrics:
        _verify_empty(ctx, selector, fields)
        ctx.eprint("No resources found" if all_ns else f"No resources found in {ctx.namespace} namespace.")
        return
    containers, no_headers, total = bool(opts.get("containers")), bool(opts.get("no_headers")), bool(opts.get("sum"))
    w = TabWriter()
    if not no_headers:
        w.write(("NAMESPACE\t" if all_ns else "") + ("POD\t" if containers else "") + "NAME\tCPU(cores)\tMEMORY(bytes)\t\n")
    if sort_by == "cpu":
        go_sort(metrics, lambda a, b: a.cpu_millis > b.cpu_millis)
    elif sort_by == "memory":
        go_sort(metrics, lambda a, b: a.memory_bytes > b.memory_bytes)
    else:
        go_sort(metrics, lambda a, b: (a.namespace, a.name) < (b.namespace, b.name) if all_ns else a.name < b.name)
    for m in metrics:
        ns = f"{m.namespace}\t" if all_ns else ""
        if containers:
            cs = list(m.containers)
            if sort_by == "cpu":
                go_sort(cs, lambda a, b: a.cpu_millis > b.cpu_millis)
            elif sort_by == "memory":
                go_sort(cs, lambda a, b: a.memory_bytes > b.memory_bytes)
            else:
                go_sort(cs, lambda a, b: a.name < b.name)
            for c in cs:
                w.write(f"{ns}{m.name}\t{c.name}\t{format_cpu(c.cpu_millis)}\t{format_memory(c.memory_bytes)}\t\n")
        else:
            w.write(f"{ns}{m.name}\t{format_cpu(m.cpu_millis)}\t{format_memory(m.memory_bytes)}\t\n")
    if total:
        width = 3 + all_ns + containers
        w.write("\t" * (width - 2) + "________\t________\t\n")
        cpu = sum(m.cpu_millis for m in metrics)
        mem = sum(m.memory_bytes for m in metrics)
        w.write("\t" * (width - 3) + f"\t{format_cpu(cpu)}\t{format_memory(mem)}\t\n")
    ctx.out.append(w.flush())


def _verify_empty(ctx: Context, selector: str, fields: str) -> None:
    """``verifyEmptyMetrics``: pods that exist, are older than two minutes and have no metrics fail
    with ``Metrics not available for pod ns/name, age: ...``; younger ones with ``metrics not
    available yet``; no pods at all is not an error."""
    pods = list(ctx.api.list("pods", ctx.namespace, label_selector=selector or None, field_selector=fields or None))
    if not pods:
        return
    now = ctx.now()
    for p in pods:
        created = p.metadata.creationTimestamp.timestamp() if p.metadata.creationTimestamp else now
        age = now - created
        if age > 120:
            raise CommandError(f"Metrics not available for pod {p.metadata.namespace}/{p.metadata.name}, "
                               f"age: {_go_duration(age)}")
    raise CommandError("metrics not available yet")


def _go_duration(seconds: float) -> str:
    """Go's ``time.Duration.String`` for a positive duration: ``2m30.5s``, ``1h0m1s``."""
    ns = round(seconds * 1e9)
    h, ns = divmod(ns, 3600 * 10**9)
    m, ns = divmod(ns, 60 * 10**9)
    s, frac = divmod(ns, 10**9)
    sec = f"{s}" + (f".{frac:09d}".rstrip("0") if frac else "") + "s"
    if h:
        return f"{h}h{m}m{sec}"
    if m:
        return f"{m}m{sec}"
    return sec


def _top_node(ctx: Context, args: list[str], opts: dict[str, Any]) -> None:
    if len(args) > 1:
        raise KubectlError("error: node [NAME | -l label]\nSee 'kubectl top node -h' for help and examples")
    name = args[0] if args else ""
    selector = opts.get("selector") or ""
    sort_by = _sort_by(opts)
    if name and selector:
        raise CommandError("only one of NAME or --selector can be provided")
    server = MetricsServer(ctx.api, ctx.kubelet_for)
    metrics: list[NodeMetrics] = [server.get_node_metrics(name)] if name else server.node_metrics(selector)
    if not metrics:
        raise CommandError("metrics not available yet")
    nodes = [ctx.api.get("nodes", name, None)] if name else list(ctx.api.list("nodes", None, label_selector=selector or None))
    field = "capacity" if opts.get("show_capacity") else "allocatable"
    available = {n.metadata.name: dict(getattr(n.status, field) or {}) if n.status is not None else {} for n in nodes}
    if sort_by == "cpu":
        go_sort(metrics, lambda a, b: a.cpu_millis > b.cpu_millis)
    elif sort_by == "memory":
        go_sort(metrics, lambda a, b: a.memory_bytes > b.memory_bytes)
    else:
        go_sort(metrics, lambda a, b: a.name < b.name)
    w = TabWriter()
    if not opts.get("no_headers"):
        w.write("NAME\tCPU(cores)\tCPU(%)\tMEMORY(bytes)\tMEMORY(%)\t\n")
    for m in metrics:
        avail = available.pop(m.name, {})
        cells = [m.name, format_cpu(m.cpu_millis)]
        if "cpu" in avail:
            cells.append(_percent(m.cpu_millis, Quantity(avail["cpu"]).milli_value()))
        cells.append(format_memory(m.memory_bytes))
        if "memory" in avail:
            cells.append(_percent(m.memory_bytes * 1000, Quantity(avail["memory"]).milli_value()))
        w.write("".join(f"{c}\t" for c in cells) + "\n")
    for missing in sorted(available):  # nodes whose kubelet gave no metrics (Go: map order)
        w.write(f"{missing}\t" + "<unknown>\t" * 4 + "\n")
    ctx.out.append(w.flush())


def _percent(milli: int, available_milli: int) -> str:
    """``int64(float64(usage.MilliValue()) / float64(available.MilliValue()) * 100)``."""
    fraction = milli / available_milli * 100 if available_milli else 0.0
    return f"{int(fraction)}%"
