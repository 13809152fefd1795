"""Notebook displays (``_repr_html_``) of clusters, objects and lists.

The tables are ``kubectl get``'s own (the columns and cells come from
:func:`sandbox.kubectl.printers.table.build_table`), laid out as HTML; objects are shown as the YAML
``kubectl get -o yaml`` would print. Functions, not methods: the cluster and the models call them::

    Cluster._repr_html_ = lambda self: cluster_html(self)
    K8sModel._repr_html_ = lambda self: model_html(self)
"""

from __future__ import annotations

from html import escape
from typing import Any

__all__ = ["table_html", "objects_table_html", "cluster_html", "model_html", "list_html"]


def table_html(headers: list[str], rows: list[list[str]], *, caption: str | None = None) -> str:
    """An HTML table with kubectl's headers (``NAME``, ``READY``, ...)."""
    parts = ['<table class="podlab-table">']
    if caption:
        parts.append(f"<caption>{escape(caption)}</caption>")
    parts.append("<thead><tr>" + "".join(f"<th>{escape(h)}</th>" for h in headers) + "</tr></thead><tbody>")
    for row in rows:
        parts.append("<tr>" + "".join(f"<td>{escape(c)}</td>" for c in row) + "</tr>")
    parts.append("</tbody></table>")
    return "".join(parts)


def _as_dict(obj: Any) -> dict[str, Any]:
    if isinstance(obj, dict):
        return obj
    d = obj.to_dict()
    kind = getattr(obj, "KIND", None) or getattr(obj, "kind", None)
    api_version = getattr(obj, "API_VERSION", None) or getattr(obj, "apiVersion", None)
    if kind and "kind" not in d:
        d = {"apiVersion": api_version, "kind": kind, **d}
    return d


def objects_table_html(kind: str, objects: list[Any], now: float, *, with_namespace: bool = False,
                       wide: bool = False, caption: str | None = None) -> str:
    """``kubectl get <kind>`` for ``objects`` (models or JSON dicts), as an HTML table."""
    from sandbox.kubectl.printers.table import build_table

    table = build_table(kind, [_as_dict(o) for o in objects], now, wide=wide, with_namespace=with_namespace)
    return table_html(table.headers, table.rows, caption=caption)


def cluster_html(cluster: Any) -> str:
    """A cluster at a glance: its virtual time, ``kubectl get nodes`` and ``kubectl get pods -A``."""
    api, now = cluster.api, cluster.clock.now()
    nodes = [o.to_dict() for o in api.list("nodes")]
    pods = [o.to_dict() for o in api.list("pods", None)]
    parts = ['<div class="podlab-cluster">',
             f"<p><b>Cluster</b> seed={escape(str(getattr(cluster, 'seed', '')))}, "
             f"virtual time {escape(_elapsed(cluster.clock.elapsed()))}, "
             f"{len(nodes)} node{'s' if len(nodes) != 1 else ''}, {len(pods)} pod{'s' if len(pods) != 1 else ''}</p>"]
    parts.append(objects_table_html("Node", nodes, now, caption="nodes") if nodes else "<p>No nodes.</p>")
    if pods:
        parts.append(objects_table_html("Pod", pods, now, with_namespace=True, caption="pods"))
    else:
        parts.append("<p>No pods.</p>")
    parts.append("</div>")
    return "".join(parts)


def _elapsed(seconds: float) -> str:
    from sandbox.timeline.model import format_seconds

    return format_seconds(seconds)


def model_html(obj: Any) -> str:
    """An object (or a part of one) as YAML, headed by its kind and name."""
    import yaml

    d = obj if isinstance(obj, dict) else obj.to_dict()
    text = yaml.safe_dump(d, sort_keys=False, default_flow_style=False)
    kind = d.get("kind") or type(obj).__name__
    meta = d.get("metadata") or {}
    name = meta.get("name")
    if name and meta.get("namespace"):
        name = f"{meta['namespace']}/{name}"
    head = f"{kind} {name}" if name else kind
    return (f'<div class="podlab-object"><div><b>{escape(head)}</b></div>'
            f"<pre>{escape(text)}</pre></div>")


def list_html(objects: list[Any], now: float | None = None) -> str:
    """A list of objects: ``kubectl get``'s table when they are all of one kind, else their YAML.

    ``now`` (clock seconds) gives the AGE column; without it, ages count from the newest
    ``creationTimestamp`` in the list.
    """
    if not objects:
        return "<p>No resources found.</p>"
    dicts = [_as_dict(o) for o in objects]
    kinds = {d.get("kind") for d in dicts}
    if len(kinds) != 1 or None in kinds:
        return "".join(model_html(o) for o in objects)
    if now is None:
        from sandbox.kubectl.age import parse_ts

        stamps = [parse_ts((d.get("metadata") or {}).get("creationTimestamp")) for d in dicts]
        known = [s.timestamp() for s in stamps if s is not None]
        now = max(known) if known else 0.0
    namespaces = {(d.get("metadata") or {}).get("namespace") for d in dicts}
    return objects_table_html(str(kinds.pop()), dicts, now, with_namespace=len(namespaces) > 1)
