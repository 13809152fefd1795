"""``kubectl describe``: one describer per kind, ports of ``k8s.io/kubectl/pkg/describe/describe.go``.

``describe_object(api, kind, obj, now)`` returns the text for one object (Kubernetes JSON);
:func:`run_describe` is the command (``describe pods``, ``describe pod nginx``,
``describe pod/nginx``, name prefixes, ``-l``, ``-A``, ``--show-events=false``).
"""

from __future__ import annotations

from typing import Any

from sandbox.errors import NotFound, StatusError
from sandbox.kubectl.context import Context
from sandbox.kubectl.describe.pod import describe_pod, describe_pod_template_spec
from sandbox.kubectl.describe.writer import PrefixWriter
from sandbox.kubectl.errors import CommandError, KubectlError
from sandbox.kubectl.resources import parse_resource_args

__all__ = ["run_describe", "describe_object", "describe_pod", "describe_pod_template", "search_events"]


def describe_pod_template(template: dict[str, Any], raw: bool = False) -> str:
    """``DescribePodTemplate`` text; ``raw``: without the tab writer, as ``rollout history --revision`` prints it."""
    w = PrefixWriter(raw=raw)
    describe_pod_template_spec(w, template)
    return w.text()


def search_events(api: Any, obj: dict[str, Any], kind: str, uid: str | None = None) -> list[dict[str, Any]]:
    """``searchEvents``: events whose involvedObject is ``obj`` (name, namespace, kind, uid)."""
    meta = obj.get("metadata") or {}
    ns = meta.get("namespace") or ""
    parts = [f"involvedObject.name={meta.get('name', '')}", f"involvedObject.namespace={ns}",
             f"involvedObject.kind={kind}"]
    the_uid = uid if uid is not None else meta.get("uid")
    if the_uid:
        parts.append(f"involvedObject.uid={the_uid}")
    try:
        lst = api.list("events", ns or None, field_selector=",".join(parts))
    except StatusError:
        return []
    return [e.to_dict() for e in lst]


def describe_object(api: Any, kind: str, obj: dict[str, Any], now: float, show_events: bool = True) -> str:
    """The describe text of one object of ``kind``."""
    from sandbox.kubectl.describe import node as node_mod
    from sandbox.kubectl.describe import workloads

    if kind == "Pod":
        events = search_events(api, obj, "Pod") if show_events else None
        return describe_pod(obj, events, now)
    if kind == "Node":
        return node_mod.describe_node(api, obj, now, show_events)
    fn = workloads.DESCRIBERS.get(kind)
    if fn is not None:
        return fn(api, obj, now, show_events)
    return workloads.describe_generic(api, kind, obj, now, show_events)


def run_describe(ctx: Context, args: list[str], opts: dict[str, Any]) -> None:
    """``kubectl describe ...``."""
    if not args and not opts.get("filename"):
        raise CommandError('You must specify the type of resource to describe. Use "kubectl api-resources" for a '
                           "complete list of supported resources.")
    items: list[tuple[Any, dict[str, Any]]] = []
    errors: list[str] = []
    if opts.get("filename"):
        from sandbox.api import manifests

        for f in opts["filename"]:
            for d in manifests.load_dicts(f):
                info = ctx.api.registry.for_kind(d.get("apiVersion", ""), d.get("kind", ""))
                ns = ((d.get("metadata") or {}).get("namespace") or ctx.namespace) if info.namespaced else None
                items.append((info, ctx.api.get_dict(info.qualified_resource, d["metadata"]["name"], ns)))
    else:
        spec = parse_resource_args(ctx.api, args, "describe")
        all_ns = bool(opts.get("all_namespaces"))
        for t in spec.targets:
            info = t.info
            ns = ctx.namespace if info.namespaced else None
            if t.names:
                for name in t.names:
                    try:
                        items.append((info, ctx.api.get_dict(info.qualified_resource, name, ns)))
                    except NotFound as e:
                        if len(spec.targets) != 1 or len(t.names) != 1:
                            errors.append(e.kubectl())
                            continue
                        # DescribeMatchingResources: objects whose name starts with the argument
                        lst = ctx.api.list(info.qualified_resource, ns)
                        matches = [o.to_dict() for o in lst if o.metadata.name.startswith(name)]
                        if not matches:
                            raise KubectlError(e.kubectl()) from None
                        for m in matches:
                            ctx.out.append(describe_object(ctx.api, info.kind, m, ctx.now(),
                                                           bool(opts.get("show_events", True))) + "\n")
                        return
            else:
                lst = ctx.api.list(info.qualified_resource, None if all_ns else ns,
                                   label_selector=opts.get("selector") or None)
                items.extend((info, o.to_dict()) for o in lst)
        if not items and not errors:
            from sandbox.kubectl.get import no_resources_message

            ctx.eprint(no_resources_message(ctx, all_ns, any(t.info.namespaced for t in spec.targets)))
            return
    texts = [describe_object(ctx.api, info.kind, obj, ctx.now(), bool(opts.get("show_events", True)))
             for info, obj in items]
    if texts:
        ctx.out.append("\n\n".join(texts))
    for e in errors:
        ctx.eprint(e)
    if errors:
        ctx.exit_code = 1
