"""The three patch types kube-apiserver accepts, applied to Kubernetes JSON dicts.

* JSON merge patch (RFC 7386, ``application/merge-patch+json``): objects merge, ``null`` deletes,
  lists are replaced whole.
* Strategic merge patch (``application/strategic-merge-patch+json``, kubectl's default): like a
  merge patch, but the lists Kubernetes tags with ``patchStrategy:"merge"`` are merged by their
  ``patchMergeKey`` (containers by ``name``, ports by ``containerPort``, conditions by ``type``...),
  with the ``$patch: delete|replace|merge`` directives, ``$deleteFromPrimitiveList/<field>`` and
  ``$setElementOrder/<field>``.
* JSON patch (RFC 6902, ``application/json-patch+json``): ``add``, ``remove``, ``replace``,
  ``move``, ``copy``, ``test``.

Every function returns a new dict and leaves its inputs untouched.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

from sandbox.errors import BadRequest, StatusError

__all__ = [
    "json_merge_patch",
    "strategic_merge_patch",
    "json_patch",
    "apply_patch",
    "merge_key_for",
    "PatchError",
]


class PatchError(StatusError):
    """A patch that cannot be applied to the object (HTTP 422, as kube-apiserver answers)."""

    code = 422
    reason = "Invalid"


def clone(v: Any) -> Any:
    """A deep copy of plain JSON data (faster than ``copy.deepcopy``)."""
    if isinstance(v, dict):
        return {k: clone(x) for k, x in v.items()}
    if isinstance(v, list):
        return [clone(x) for x in v]
    return v


# ---------------------------------------------------------------------------------------------
# RFC 7386
# ---------------------------------------------------------------------------------------------


def json_merge_patch(target: Any, patch: Any) -> Any:
    """Apply an RFC 7386 merge patch."""
    if not isinstance(patch, Mapping):
        return clone(patch)
    out = clone(target) if isinstance(target, dict) else {}
    for k, v in patch.items():
        if v is None:
            out.pop(k, None)
        elif isinstance(v, Mapping):
            out[k] = json_merge_patch(out.get(k), v)
        else:
            out[k] = clone(v)
    return out


# ---------------------------------------------------------------------------------------------
# Strategic merge patch
# ---------------------------------------------------------------------------------------------

#: Lists whose elements are containers (so their own ports/env/volumeMounts merge too).
_CONTAINER_LISTS = {"containers", "initContainers", "ephemeralContainers"}

#: ``patchMergeKey`` of the lists of a PodSpec (k8s.io/api/core/v1/types.go).
_PODSPEC_KEYS = {
    "containers": "name",
    "initContainers": "name",
    "ephemeralContainers": "name",
    "volumes": "name",
    "imagePullSecrets": "name",
    "hostAliases": "ip",
    "topologySpreadConstraints": "topologyKey",
    "resourceClaims": "name",
    "schedulingGates": "name",
}
#: ``patchMergeKey`` of the lists of a Container.
_CONTAINER_KEYS = {"ports": "containerPort", "env": "name", "volumeMounts": "mountPath", "volumeDevices": "devicePath"}
#: Lists in any ``status`` that merge by a key.
_STATUS_KEYS = {"conditions": "type", "podIPs": "ip", "hostIPs": "ip", "addresses": "type", "resourceClaimStatuses": "name"}
#: Lists of primitives with ``patchStrategy:"merge"`` (union).
_PRIMITIVE_MERGE = {("metadata", "finalizers"), ("spec", "podCIDRs")}

_PRIMITIVE = "$primitive"


def merge_key_for(path: tuple[str, ...]) -> str | None:
    """The ``patchMergeKey`` of the list at ``path`` (field names, no indices), or None to replace.

    Returns ``"$primitive"`` for merged lists of scalars (``metadata.finalizers``).
    """
    if not path:
        return None
    last = path[-1]
    if path[-2:] in _PRIMITIVE_MERGE or (last == "finalizers" and len(path) >= 2 and path[-2] == "metadata"):
        return _PRIMITIVE
    if len(path) >= 2 and path[-2] == "metadata" and last == "ownerReferences":
        return "uid"
    if len(path) >= 2 and path[-2] in _CONTAINER_LISTS and last in _CONTAINER_KEYS:
        return _CONTAINER_KEYS[last]
    if "status" in path and last in _STATUS_KEYS:
        return _STATUS_KEYS[last]
    if len(path) >= 2 and path[-2] == "spec" and last in _PODSPEC_KEYS:
        return _PODSPEC_KEYS[last]
    return None


def strategic_merge_patch(original: Any, patch: Any, path: tuple[str, ...] = ()) -> Any:
    """Apply a strategic merge patch with Kubernetes' merge keys for the built-in kinds."""
    if not isinstance(patch, Mapping):
        raise BadRequest(f"json: cannot unmarshal {type(patch).__name__} into Go value of type map[string]interface {{}}")
    return _smp_map(original if isinstance(original, dict) else {}, patch, path)


def _smp_map(orig: dict[str, Any], patch: Mapping[str, Any], path: tuple[str, ...]) -> dict[str, Any]:
    directive = patch.get("$patch")
    if directive == "replace":
        return {k: clone(v) for k, v in patch.items() if k != "$patch"}
    if directive == "delete":
        return {}
    if directive not in (None, "merge"):
        raise BadRequest(f"Unknown patch type: {directive} in map: {json.dumps(patch)}")
    out = clone(orig)
    orders: dict[str, list[Any]] = {}
    for k, v in patch.items():
        if k == "$patch" or k == "$retainKeys":
            continue
        if k.startswith("$setElementOrder/"):
            if v is not None and not isinstance(v, list):
                raise BadRequest("invalid patch format of setElementOrder list")
            orders[k.split("/", 1)[1]] = list(v or [])
            continue
        if k.startswith("$deleteFromPrimitiveList/"):
            if v is not None and not isinstance(v, list):
                raise BadRequest("invalid patch format of primitive list")
            fld = k.split("/", 1)[1]
            if isinstance(out.get(fld), list):
                drop = list(v or [])
                out[fld] = [x for x in out[fld] if x not in drop]
            continue
        child = (*path, k)
        if v is None:
            out.pop(k, None)
        elif isinstance(v, Mapping):
            if v.get("$patch") == "delete":
                out.pop(k, None)
            else:
                out[k] = _smp_map(out.get(k) if isinstance(out.get(k), dict) else {}, v, child)
        elif isinstance(v, list):
            key = merge_key_for(child)
            if key is None:
                out[k] = [_strip_directives(x) for x in v]
            elif key == _PRIMITIVE:
                cur = list(out.get(k) or [])
                for x in v:
                    if x not in cur:
                        cur.append(x)
                out[k] = cur
            else:
                merged = _smp_list(out.get(k) if isinstance(out.get(k), list) else [], v, key, child)
                if merged is None:
                    out.pop(k, None)
                else:
                    out[k] = merged
        else:
            out[k] = v
    for fld, order in orders.items():
        if isinstance(out.get(fld), list):
            out[fld] = _apply_order(out[fld], order, merge_key_for((*path, fld)))
    return out


def _strip_directives(v: Any) -> Any:
    if isinstance(v, dict):
        return {k: _strip_directives(x) for k, x in v.items() if not k.startswith("$")}
    if isinstance(v, list):
        return [_strip_directives(x) for x in v]
    return v


def _smp_list(orig: list[Any], patch: list[Any], key: str, path: tuple[str, ...]) -> list[Any] | None:
    # A list-level "$patch: replace" element replaces the whole list.
    for el in patch:
        if isinstance(el, Mapping) and el.get("$patch") == "replace" and key not in el:
            return [_strip_directives(x) for x in patch if not (isinstance(x, Mapping) and x.get("$patch") == "replace" and key not in x)]
    out = [clone(x) for x in orig]
    for el in patch:
        if not isinstance(el, Mapping):
            raise BadRequest(f"unable to find api field in struct for the list element {json.dumps(el)}")
        if key not in el:
            raise BadRequest(f"map: {json.dumps(el, separators=(',', ':'))} does not contain declared merge key: {key}")
        kv = el[key]
        idx = next((i for i, x in enumerate(out) if isinstance(x, Mapping) and x.get(key) == kv), None)
        if el.get("$patch") == "delete":
            if idx is not None:
                out = [x for x in out if not (isinstance(x, Mapping) and x.get(key) == kv)]
            continue
        if idx is None:
            out.append(_smp_map({}, el, path))
        else:
            out[idx] = _smp_map(out[idx], el, path)
    return out


def _apply_order(items: list[Any], order: list[Any], key: str | None) -> list[Any]:
    def ident(x: Any) -> Any:
        if key and key != _PRIMITIVE and isinstance(x, Mapping):
            return x.get(key)
        return x

    wanted = [ident(o) if isinstance(o, Mapping) else o for o in order]
    ordered = [x for w in wanted for x in items if ident(x) == w]
    rest = [x for x in items if ident(x) not in wanted]
    return ordered + rest


# ---------------------------------------------------------------------------------------------
# RFC 6902
# ---------------------------------------------------------------------------------------------


def _pointer(path: Any) -> list[str]:
    if not isinstance(path, str):
        raise BadRequest("json: cannot unmarshal into Go struct field Operation.from of type string")
    if path == "":
        return []
    if not path.startswith("/"):
        raise PatchError(f"JSON pointer must be empty or start with a \"/\": {path}")
    return [p.replace("~1", "/").replace("~0", "~") for p in path[1:].split("/")]


def _container(doc: Any, parts: list[str], op: str, path: str) -> tuple[Any, str]:
    cur = doc
    for p in parts[:-1]:
        if isinstance(cur, dict) and p in cur:
            cur = cur[p]
        elif isinstance(cur, list) and p.isdigit() and int(p) < len(cur):
            cur = cur[int(p)]
        else:
            raise PatchError(f"{op} operation does not apply: doc is missing path: \"{path}\": missing value")
    return cur, parts[-1]


def _get_at(doc: Any, path: str, op: str) -> Any:
    parts = _pointer(path)
    cur = doc
    for p in parts:
        if isinstance(cur, dict) and p in cur:
            cur = cur[p]
        elif isinstance(cur, list) and p.isdigit() and int(p) < len(cur):
            cur = cur[int(p)]
        else:
            raise PatchError(f"{op} operation does not apply: doc is missing path: \"{path}\": missing value")
    return cur


def _add(doc: Any, path: str, value: Any, op: str = "add") -> Any:
    parts = _pointer(path)
    if not parts:
        return clone(value)
    parent, last = _container(doc, parts, op, path)
    if isinstance(parent, dict):
        parent[last] = clone(value)
    elif isinstance(parent, list):
        if last == "-":
            parent.append(clone(value))
        elif last.isdigit() and int(last) <= len(parent):
            parent.insert(int(last), clone(value))
        else:
            raise PatchError(f"{op} operation does not apply: doc is missing path: \"{path}\": missing value")
    else:
        raise PatchError(f"{op} operation does not apply: doc is missing path: \"{path}\": missing value")
    return doc


def _remove(doc: Any, path: str, op: str = "remove") -> tuple[Any, Any]:
    parts = _pointer(path)
    if not parts:
        raise PatchError(f"{op} operation does not apply: doc is missing path: \"{path}\": missing value")
    parent, last = _container(doc, parts, op, path)
    if isinstance(parent, dict) and last in parent:
        return doc, parent.pop(last)
    if isinstance(parent, list) and last.isdigit() and int(last) < len(parent):
        return doc, parent.pop(int(last))
    raise PatchError(f"{op} operation does not apply: doc is missing path: \"{path}\": missing value")


def json_patch(doc: Any, ops: Any) -> Any:
    """Apply an RFC 6902 JSON patch (a list of operations)."""
    if not isinstance(ops, list):
        raise BadRequest("json: cannot unmarshal object into Go value of type jsonpatch.Patch")
    out = clone(doc)
    for o in ops:
        if not isinstance(o, Mapping):
            raise BadRequest("json: cannot unmarshal into Go value of type jsonpatch.Operation")
        op = o.get("op")
        path = o.get("path")
        if not isinstance(path, str):
            raise PatchError(f"{op} operation does not apply: doc is missing path: \"\": missing value")
        if op == "add":
            out = _add(out, path, o.get("value"))
        elif op == "remove":
            out, _ = _remove(out, path)
        elif op == "replace":
            _get_at(out, path, "replace")
            if _pointer(path):
                out, _ = _remove(out, path, "replace")
            out = _add(out, path, o.get("value"), "replace")
        elif op == "move":
            frm = o.get("from", "")
            out, val = _remove(out, frm, "move")
            out = _add(out, path, val, "move")
        elif op == "copy":
            val = _get_at(out, o.get("from", ""), "copy")
            out = _add(out, path, val, "copy")
        elif op == "test":
            try:
                have = _get_at(out, path, "test")
            except PatchError:
                have = None
            if have != o.get("value"):
                raise PatchError(f"testing value {path} failed: test failed")
        else:
            raise BadRequest(f"Unexpected kind: {op}")
    return out


def apply_patch(original: dict[str, Any], patch: Any, patch_type: str) -> dict[str, Any]:
    """Apply ``patch`` (dict, list or JSON/YAML text) of ``patch_type`` ``strategic|merge|json``.

    A patch nested deeper than Python's recursion allows is refused with a 400, as kube-apiserver
    refuses JSON nested past its decoder's limit.
    """
    try:
        return _apply_patch(original, patch, patch_type)
    except RecursionError:
        raise BadRequest("error decoding patch: json: exceeded max depth") from None


def _apply_patch(original: dict[str, Any], patch: Any, patch_type: str) -> dict[str, Any]:
    if isinstance(patch, (str, bytes)):
        try:
            patch = json.loads(patch)
        except ValueError:
            import yaml

            try:
                patch = yaml.safe_load(patch)
            except yaml.YAMLError as e:
                raise BadRequest(f"error decoding patch: {e}") from None
    if patch_type in ("strategic", "application/strategic-merge-patch+json"):
        return strategic_merge_patch(original, patch)
    if patch_type in ("merge", "application/merge-patch+json"):
        if not isinstance(patch, Mapping):
            raise BadRequest("error decoding patch: json: cannot unmarshal array into Go value of type map[string]interface {}")
        return json_merge_patch(original, patch)
    if patch_type in ("json", "application/json-patch+json"):
        return json_patch(original, patch)
    raise BadRequest(f'unknown patch type "{patch_type}"')
