"""Client-side ``kubectl apply``: create, or three-way merge against the last applied configuration.

kubectl keeps what you applied last in the annotation
``kubectl.kubernetes.io/last-applied-configuration``. On the next apply it sends a strategic merge
patch made of (a) everything in your new manifest and (b) deletions of what your previous manifest
had and the new one dropped, leaving fields other actors set (status, defaults, a controller's
labels) alone. That is why applying a changed Pod manifest hits the Pod update rules: the patch
changes ``spec``.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from sandbox.apiserver.patch import clone, merge_key_for
from sandbox.errors import NotFound, SandboxError

__all__ = ["LAST_APPLIED", "ApplyError", "ApplyResult", "apply_object", "three_way_patch"]

LAST_APPLIED = "kubectl.kubernetes.io/last-applied-configuration"
_PRIMITIVE = "$primitive"


class ApplyError(SandboxError):
    """kubectl refuses to apply this object before asking the server (``error: ...``)."""

    def kubectl(self) -> str:
        return f"error: {self}"


@dataclass
class ApplyResult:
    """What one object's apply did: ``created``, ``configured`` or ``unchanged`` (kubectl's words)."""

    object: Any
    action: str
    resource: str  # "pod", "deployment.apps"

    @property
    def line(self) -> str:
        """The line kubectl prints, e.g. ``pod/nginx created``."""
        return f"{self.resource}/{self.object.metadata.name} {self.action}"


def _last_applied_text(desired: dict[str, Any]) -> str:
    doc = clone(desired)
    ann = (doc.get("metadata") or {}).get("annotations")
    if ann:
        ann.pop(LAST_APPLIED, None)
        if not ann:
            del doc["metadata"]["annotations"]
    return json.dumps(doc, separators=(",", ":"), sort_keys=True) + "\n"


def _deletions(original: Any, modified: Any, path: tuple[str, ...]) -> Any:
    """The part of a patch that removes what ``original`` had and ``modified`` dropped."""
    if not isinstance(original, dict) or not isinstance(modified, dict):
        return None
    out: dict[str, Any] = {}
    for key, old in original.items():
        if key not in modified:
            out[key] = None
            continue
        new = modified[key]
        if isinstance(old, dict) and isinstance(new, dict):
            sub = _deletions(old, new, (*path, key))
            if sub:
                out[key] = sub
        elif isinstance(old, list) and isinstance(new, list):
            mk = merge_key_for((*path, key))
            if mk and mk != _PRIMITIVE:
                new_keys = {item.get(mk) for item in new if isinstance(item, dict)}
                gone = [
                    {mk: item.get(mk), "$patch": "delete"}
                    for item in old
                    if isinstance(item, dict) and item.get(mk) not in new_keys
                ]
                if gone:
                    out[key] = gone
    return out


def _merge_patch_parts(additions: dict[str, Any], deletions: dict[str, Any], path: tuple[str, ...]) -> dict[str, Any]:
    patch = clone(additions)
    for key, value in deletions.items():
        if value is None:
            patch[key] = None
        elif isinstance(value, dict):
            patch[key] = _merge_patch_parts(patch.get(key) or {}, value, (*path, key))
        elif isinstance(value, list):
            patch.setdefault(key, [])
            patch[key] = list(patch[key]) + value
    return patch


def three_way_patch(original: dict[str, Any] | None, modified: dict[str, Any]) -> dict[str, Any]:
    """The strategic merge patch ``kubectl apply`` sends: ``modified`` plus deletions since ``original``."""
    deletions = _deletions(original, modified, ()) if original else {}
    return _merge_patch_parts(modified, deletions or {}, ())


def apply_object(api: Any, desired: dict[str, Any], namespace: str | None = None) -> ApplyResult:
    """Apply one object (a Kubernetes JSON dict) through ``api`` as client-side ``kubectl apply``."""
    info = api.registry.for_kind(desired.get("apiVersion", ""), desired.get("kind", ""))
    resource = info.singular + (f".{info.group}" if info.group else "")
    desired = clone(desired)
    meta = desired.setdefault("metadata", {})
    if info.namespaced:
        meta["namespace"] = meta.get("namespace") or namespace or "default"
    annotations = meta.setdefault("annotations", {})
    annotations[LAST_APPLIED] = _last_applied_text(desired)
    name = meta.get("name")
    if not name and meta.get("generateName"):
        raise ApplyError(f"from {meta['generateName']}: cannot use generate name with apply")
    live = None
    if name:
        try:
            live = api.get_dict(info.qualified_resource, name, meta.get("namespace"))
        except NotFound:
            live = None
    if live is None:
        created = api.create(desired)
        return ApplyResult(created, "created", resource)
    previous_text = ((live.get("metadata") or {}).get("annotations") or {}).get(LAST_APPLIED)
    original = json.loads(previous_text) if previous_text else None
    if previous_text == annotations[LAST_APPLIED]:
        obj = info.model.from_dict(live)
        return ApplyResult(obj, "unchanged", resource)
    patch = three_way_patch(original, desired)
    for key in ("apiVersion", "kind"):
        patch.pop(key, None)
    patch.get("metadata", {}).pop("namespace", None)
    rv_before = (live.get("metadata") or {}).get("resourceVersion")
    updated = api.patch(info.qualified_resource, name, patch,
                        patch_type="strategic", namespace=meta.get("namespace"))
    action = "unchanged" if updated.metadata.resourceVersion == rv_before else "configured"
    return ApplyResult(updated, action, resource)
