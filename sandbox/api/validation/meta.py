"""``ObjectMeta`` validation: ``apimachinery/pkg/api/validation/objectmeta.go`` and friends."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from sandbox.api import field
from sandbox.api.field import FieldError, Path
from sandbox.api.validation import names
from sandbox.api.validation._util import GoLiteral, go_string_slice

__all__ = [
    "FIELD_IMMUTABLE",
    "TOTAL_ANNOTATION_SIZE_LIMIT",
    "validate_labels",
    "validate_label_name",
    "validate_annotations",
    "validate_object_meta",
    "validate_object_meta_update",
    "validate_immutable_field",
    "validate_nonnegative_field",
    "validate_qualified_name",
    "validate_dns1123_label",
    "validate_dns1123_subdomain",
    "validate_label_selector",
    "label_selector_matches",
    "go_label_selector",
]

FIELD_IMMUTABLE = "field is immutable"
IS_NEGATIVE = "must be greater than or equal to 0"
TOTAL_ANNOTATION_SIZE_LIMIT = 256 * 1024
_STANDARD_FINALIZERS = {"kubernetes", "orphan", "foregroundDeletion"}

NameFn = Callable[[str, bool], list[str]]


def validate_nonnegative_field(value: int, path: Path) -> list[FieldError]:
    """``ValidateNonnegativeField``."""
    return [field.invalid(path, value, IS_NEGATIVE)] if value < 0 else []


def validate_qualified_name(value: str, path: Path) -> list[FieldError]:
    """``ValidateQualifiedName``."""
    return [field.invalid(path, value, m) for m in names.is_qualified_name(value)]


def validate_dns1123_label(value: str, path: Path) -> list[FieldError]:
    """``ValidateDNS1123Label``."""
    return [field.invalid(path, value, m) for m in names.is_dns1123_label(value)]


def validate_dns1123_subdomain(value: str, path: Path) -> list[FieldError]:
    """``ValidateDNS1123Subdomain``."""
    return [field.invalid(path, value, m) for m in names.is_dns1123_subdomain(value)]


def validate_label_name(key: str, path: Path) -> list[FieldError]:
    """``ValidateLabelName``: a qualified name."""
    return [field.invalid(path, key, m) for m in names.is_qualified_name(key)]


def validate_labels(labels: dict[str, str] | None, path: Path) -> list[FieldError]:
    """``ValidateLabels``: each key a qualified name, each value a label value (errors on the map's path)."""
    errs: list[FieldError] = []
    for k, v in (labels or {}).items():
        errs += validate_label_name(k, path)
        errs += [field.invalid(path, v, m) for m in names.is_valid_label_value(v)]
    return errs


def validate_annotations(annotations: dict[str, str] | None, path: Path) -> list[FieldError]:
    """``ValidateAnnotations``: qualified-name keys (case-insensitive), 256 KiB in total."""
    errs: list[FieldError] = []
    total = 0
    for k, v in (annotations or {}).items():
        errs += [field.invalid(path, k, m) for m in names.is_qualified_name(k.lower())]
        total += len(k.encode()) + len(v.encode())
    if total > TOTAL_ANNOTATION_SIZE_LIMIT:
        errs.append(field.too_long(path, "", TOTAL_ANNOTATION_SIZE_LIMIT))
    return errs


def _validate_owner_references(refs: list[dict[str, Any]] | None, path: Path) -> list[FieldError]:
    errs: list[FieldError] = []
    first_controller = ""
    for ref in refs or []:
        api_version = ref.get("apiVersion", "")
        version = api_version.split("/")[-1] if api_version else ""
        if not version:
            errs.append(field.invalid(path.child("apiVersion"), api_version, "version must not be empty"))
        if not ref.get("kind"):
            errs.append(field.invalid(path.child("kind"), ref.get("kind", ""), "must not be empty"))
        if not ref.get("name"):
            errs.append(field.invalid(path.child("name"), ref.get("name", ""), "must not be empty"))
        if not ref.get("uid"):
            errs.append(field.invalid(path.child("uid"), ref.get("uid", ""), "must not be empty"))
        if api_version == "v1" and ref.get("kind") == "Event":
            errs.append(field.invalid(path, GoLiteral("v1.OwnerReference{...}"), "/v1, Kind=Event is disallowed from being an owner"))
        if ref.get("controller"):
            cur = f"{ref.get('kind', '')}/{ref.get('name', '')}"
            if first_controller:
                errs.append(
                    field.invalid(
                        path,
                        GoLiteral("[]v1.OwnerReference{...}"),
                        f'Only one reference can have Controller set to true. Found "true" in references for {first_controller} and {cur}',
                    )
                )
            else:
                first_controller = cur
    return errs


def _validate_finalizers(finalizers: list[str] | None, path: Path) -> list[FieldError]:
    errs: list[FieldError] = []
    fins = finalizers or []
    for f in fins:
        errs += validate_qualified_name(f, path)
    if "orphan" in fins and "foregroundDeletion" in fins:
        errs.append(field.invalid(path, go_string_slice(fins), "finalizer orphan and foregroundDeletion cannot be both set"))
    return errs


def _validate_kube_finalizer_names(finalizers: list[str] | None, path: Path) -> list[FieldError]:
    errs: list[FieldError] = []
    for i, f in enumerate(finalizers or []):
        if "/" not in f and f not in _STANDARD_FINALIZERS:
            errs.append(field.invalid(path.index(i), f, "name is neither a standard finalizer name nor is it fully qualified"))
    return errs


def validate_object_meta(
    meta: dict[str, Any] | None, requires_namespace: bool, name_fn: NameFn, path: Path | None = None
) -> list[FieldError]:
    """``ValidateObjectMeta`` (core flavour, with the extra finalizer-name check)."""
    path = path or Path("metadata")
    meta = meta or {}
    errs: list[FieldError] = []
    gen = meta.get("generateName", "")
    if gen:
        errs += [field.invalid(path.child("generateName"), gen, m) for m in name_fn(gen, True)]
    name = meta.get("name", "")
    if not name:
        errs.append(field.required(path.child("name"), "name or generateName is required"))
    else:
        errs += [field.invalid(path.child("name"), name, m) for m in name_fn(name, False)]
    ns = meta.get("namespace", "")
    if requires_namespace:
        if not ns:
            errs.append(field.required(path.child("namespace")))
        else:
            errs += [field.invalid(path.child("namespace"), ns, m) for m in names.validate_namespace_name(ns)]
    elif ns:
        errs.append(field.forbidden(path.child("namespace"), "not allowed on this type"))
    errs += validate_nonnegative_field(int(meta.get("generation", 0) or 0), path.child("generation"))
    errs += validate_labels(meta.get("labels"), path.child("labels"))
    errs += validate_annotations(meta.get("annotations"), path.child("annotations"))
    errs += _validate_owner_references(meta.get("ownerReferences"), path.child("ownerReferences"))
    errs += _validate_finalizers(meta.get("finalizers"), path.child("finalizers"))
    errs += _validate_kube_finalizer_names(meta.get("finalizers"), path.child("finalizers"))
    return errs


def _immutable_value(v: Any) -> Any:
    return "" if v is None else v


def validate_immutable_field(new: Any, old: Any, path: Path, shown: Any = None) -> list[FieldError]:
    """``ValidateImmutableField``: ``Invalid value: <new>: field is immutable`` when they differ."""
    if new == old:
        return []
    return [field.invalid(path, _immutable_value(new) if shown is None else shown, FIELD_IMMUTABLE)]


def _go_time(v: Any) -> GoLiteral:
    # metav1.Time prints through its String() method: time.Time's "2006-01-02 15:04:05 +0000 UTC".
    if v is None:
        return GoLiteral("null")
    s = str(v).replace("T", " ").replace("Z", " +0000 UTC")
    return GoLiteral(s)


def validate_object_meta_update(
    new: dict[str, Any] | None, old: dict[str, Any] | None, path: Path | None = None
) -> list[FieldError]:
    """``ValidateObjectMetaUpdate``: identity fields immutable, no new finalizers while deleting."""
    path = path or Path("metadata")
    new = new or {}
    old = old or {}
    errs: list[FieldError] = []
    if old.get("deletionTimestamp"):
        extra = sorted(set(new.get("finalizers") or []) - set(old.get("finalizers") or []))
        if extra:
            errs.append(
                field.forbidden(
                    path.child("finalizers"),
                    "no new finalizers can be added if the object is being deleted, found new finalizers "
                    + str(go_string_slice(extra)),
                )
            )
    if not new.get("resourceVersion"):
        errs.append(field.invalid(path.child("resourceVersion"), "", "must be specified for an update"))
    if int(new.get("generation", 0) or 0) < int(old.get("generation", 0) or 0):
        errs.append(field.invalid(path.child("generation"), int(new.get("generation", 0) or 0), "must not be decremented"))
    errs += validate_immutable_field(new.get("name", ""), old.get("name", ""), path.child("name"))
    errs += validate_immutable_field(new.get("namespace", ""), old.get("namespace", ""), path.child("namespace"))
    errs += validate_immutable_field(new.get("uid", ""), old.get("uid", ""), path.child("uid"))
    if new.get("creationTimestamp") != old.get("creationTimestamp"):
        errs.append(field.invalid(path.child("creationTimestamp"), _go_time(new.get("creationTimestamp")), FIELD_IMMUTABLE))
    if new.get("deletionTimestamp") != old.get("deletionTimestamp"):
        errs.append(field.invalid(path.child("deletionTimestamp"), _go_time(new.get("deletionTimestamp")), FIELD_IMMUTABLE))
    if new.get("deletionGracePeriodSeconds") != old.get("deletionGracePeriodSeconds"):
        errs.append(field.invalid(path.child("deletionGracePeriodSeconds"), new.get("deletionGracePeriodSeconds"), FIELD_IMMUTABLE))
    errs += validate_labels(new.get("labels"), path.child("labels"))
    errs += validate_annotations(new.get("annotations"), path.child("annotations"))
    errs += _validate_owner_references(new.get("ownerReferences"), path.child("ownerReferences"))
    errs += _validate_finalizers(new.get("finalizers"), path.child("finalizers"))
    errs += _validate_kube_finalizer_names(new.get("finalizers"), path.child("finalizers"))
    return errs


_SELECTOR_OPS = ("In", "NotIn", "Exists", "DoesNotExist")


def validate_label_selector(sel: dict[str, Any] | None, path: Path) -> list[FieldError]:
    """``ValidateLabelSelector``: matchLabels as labels, matchExpressions operators and values."""
    if sel is None:
        return []
    errs: list[FieldError] = []
    for i, req in enumerate(sel.get("matchExpressions") or []):
        p = path.child("matchExpressions").index(i)
        op = req.get("operator", "")
        values = req.get("values") or []
        if op in ("In", "NotIn"):
            if not values:
                errs.append(field.required(p.child("values"), "must be specified when `operator` is 'In' or 'NotIn'"))
        elif op in ("Exists", "DoesNotExist"):
            if values:
                errs.append(field.forbidden(p.child("values"), "may not be specified when `operator` is 'Exists' or 'DoesNotExist'"))
        else:
            errs.append(field.invalid(p.child("operator"), op, "not a valid selector operator"))
        errs += validate_label_name(req.get("key", ""), p.child("key"))
        for j, v in enumerate(values):
            errs += [field.invalid(p.child("values").index(j), v, m) for m in names.is_valid_label_value(v)]
    errs += validate_labels(sel.get("matchLabels"), path.child("matchLabels"))
    return errs


def label_selector_matches(sel: dict[str, Any] | None, labels: dict[str, str] | None) -> bool:
    """``LabelSelectorAsSelector(sel).Matches(labels)``; a nil selector matches nothing."""
    if sel is None:
        return False
    labels = labels or {}
    for k, v in (sel.get("matchLabels") or {}).items():
        if labels.get(k) != v:
            return False
    for req in sel.get("matchExpressions") or []:
        k, op, vals = req.get("key", ""), req.get("operator", ""), req.get("values") or []
        if op == "In" and labels.get(k) not in vals:
            return False
        if op == "NotIn" and k in labels and labels[k] in vals:
            return False
        if op == "Exists" and k not in labels:
            return False
        if op == "DoesNotExist" and k in labels:
            return False
    return True


def go_label_selector(sel: dict[str, Any] | None) -> GoLiteral:
    """``%#v`` of a ``*metav1.LabelSelector``, as immutability errors print it."""
    if sel is None:
        return GoLiteral("null")
    ml = sel.get("matchLabels")
    from sandbox.api.validation._util import go_map

    ml_s = str(go_map(ml)) if ml is not None else "map[string]string(nil)"
    exprs = sel.get("matchExpressions")
    if exprs is None:
        ex_s = "[]v1.LabelSelectorRequirement(nil)"
    else:
        parts = []
        for e in exprs:
            vals = go_string_slice(e.get("values")) if e.get("values") is not None else GoLiteral("[]string(nil)")
            parts.append(f'v1.LabelSelectorRequirement{{Key:"{e.get("key", "")}", Operator:"{e.get("operator", "")}", Values:{vals}}}')
        ex_s = "[]v1.LabelSelectorRequirement{" + ", ".join(parts) + "}"
    return GoLiteral(f"v1.LabelSelector{{MatchLabels:{ml_s}, MatchExpressions:{ex_s}}}")
