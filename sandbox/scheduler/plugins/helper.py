"""Shared matching rules: tolerations (``v1helper``) and node selectors (``nodeaffinity``)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

__all__ = [
    "tolerates_taint",
    "find_untolerated_taint",
    "node_selector_requirement_matches",
    "node_selector_term_matches",
    "node_selector_terms_match",
    "pod_matches_node_selector_and_affinity",
]


def tolerates_taint(tol: Mapping[str, Any], taint: Mapping[str, Any]) -> bool:
    """``Toleration.ToleratesTaint``: effect (empty = all), key (empty = all), then the operator."""
    eff = tol.get("effect") or ""
    if eff and eff != (taint.get("effect") or ""):
        return False
    key = tol.get("key") or ""
    if key and key != (taint.get("key") or ""):
        return False
    op = tol.get("operator") or "Equal"
    if op == "Exists":
        return True
    if op == "Equal":
        return (tol.get("value") or "") == (taint.get("value") or "")
    return False


def tolerations_tolerate(tols: Sequence[Mapping[str, Any]], taint: Mapping[str, Any]) -> bool:
    return any(tolerates_taint(t, taint) for t in tols)


def find_untolerated_taint(taints: Sequence[Mapping[str, Any]], tols: Sequence[Mapping[str, Any]],
                           effects: tuple[str, ...]) -> Mapping[str, Any] | None:
    """``FindMatchingUntoleratedTaint``: the first taint with one of ``effects`` no toleration covers."""
    for t in taints:
        if (t.get("effect") or "") in effects and not tolerations_tolerate(tols, t):
            return t
    return None


def _int(s: str) -> int | None:
    try:
        return int(s)
    except (TypeError, ValueError):
        return None


def node_selector_requirement_matches(req: Mapping[str, Any], values_by_key: Mapping[str, str]) -> bool:
    """One ``NodeSelectorRequirement`` against labels (or fields)."""
    key = req.get("key") or ""
    op = req.get("operator") or ""
    vals = req.get("values") or []
    has = key in values_by_key
    v = values_by_key.get(key)
    if op == "In":
        return has and v in vals
    if op == "NotIn":
        return not has or v not in vals
    if op == "Exists":
        return has
    if op == "DoesNotExist":
        return not has
    if op in ("Gt", "Lt"):
        if not has or len(vals) != 1:
            return False
        have, want = _int(v or ""), _int(vals[0])
        if have is None or want is None:
            return False
        return have > want if op == "Gt" else have < want
    return False


def node_selector_term_matches(term: Mapping[str, Any], labels: Mapping[str, str], node_name: str) -> bool:
    """A ``NodeSelectorTerm``: all its requirements hold; an empty term matches nothing."""
    exprs = term.get("matchExpressions") or []
    fields = term.get("matchFields") or []
    if not exprs and not fields:
        return False
    for r in exprs:
        if not node_selector_requirement_matches(r, labels):
            return False
    for r in fields:
        if (r.get("key") or "") != "metadata.name":
            return False
        if not node_selector_requirement_matches(r, {"metadata.name": node_name}):
            return False
    return True


def node_selector_terms_match(terms: Sequence[Mapping[str, Any]], labels: Mapping[str, str], node_name: str) -> bool:
    """The terms are ORed."""
    return any(node_selector_term_matches(t, labels, node_name) for t in terms)


def pod_matches_node_selector_and_affinity(pod: Any, node: Any) -> bool:
    """``nodeaffinity.GetRequiredNodeAffinity(pod).Match(node)``: nodeSelector and required terms."""
    labels = node.labels
    for k, v in pod.node_selector.items():
        if labels.get(k) != v:
            return False
    req = pod.node_affinity.get("requiredDuringSchedulingIgnoredDuringExecution")
    if req is not None:
        return node_selector_terms_match(req.get("nodeSelectorTerms") or [], labels, node.name)
    return True
