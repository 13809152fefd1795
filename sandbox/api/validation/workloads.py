"""apps/v1 and batch/v1 basics: Deployment, ReplicaSet, StatefulSet, DaemonSet, Job."""

from __future__ import annotations

from typing import Any

from sandbox.api import field
from sandbox.api.field import FieldError, Path
from sandbox.api.validation import names
from sandbox.api.validation._util import go_map
from sandbox.api.validation.meta import (
    FIELD_IMMUTABLE,
    go_label_selector,
    label_selector_matches,
    validate_label_selector,
    validate_nonnegative_field,
    validate_object_meta,
    validate_object_meta_update,
)
from sandbox.api.validation.pod import validate_pod_template_spec

__all__ = ["validate_workload_create", "validate_workload_update", "STATEFULSET_FORBIDDEN_UPDATE"]

STATEFULSET_FORBIDDEN_UPDATE = (
    "updates to statefulset spec for fields other than 'replicas', 'ordinals', 'template', "
    "'updateStrategy', 'persistentVolumeClaimRetentionPolicy' and 'minReadySeconds' are forbidden"
)


def _template_for_replicas(template: dict[str, Any] | None, selector: dict[str, Any] | None, path: Path, kind: str) -> list[FieldError]:
    errs: list[FieldError] = []
    if template is None:
        return [field.required(path)]
    labels = (template.get("metadata") or {}).get("labels")
    empty = selector is not None and not (selector.get("matchLabels") or selector.get("matchExpressions"))
    if not empty and not label_selector_matches(selector, labels):
        errs.append(field.invalid(path.child("metadata", "labels"), go_map(labels), "`selector` does not match template `labels`"))
    errs += validate_pod_template_spec(template, path)
    if kind in ("Deployment", "ReplicaSet", "DaemonSet"):
        rp = (template.get("spec") or {}).get("restartPolicy", "")
        if rp != "Always":
            errs.append(field.not_supported(path.child("spec", "restartPolicy"), rp, ["Always"]))
        if (template.get("spec") or {}).get("activeDeadlineSeconds") is not None:
            errs.append(field.forbidden(path.child("spec", "activeDeadlineSeconds"), f"activeDeadlineSeconds in {'ReplicaSet' if kind != 'DaemonSet' else 'DaemonSet'} is not Supported"))
    return errs


def _selector(spec: dict[str, Any], path: Path, kind: str) -> list[FieldError]:
    sel = spec.get("selector")
    if sel is None:
        return [field.required(path.child("selector"))]
    errs = validate_label_selector(sel, path.child("selector"))
    if not (sel.get("matchLabels") or sel.get("matchExpressions")):
        errs.append(field.invalid(path.child("selector"), go_label_selector(sel), f"empty selector is invalid for {kind.lower()}"))
    return errs


def _int_or_percent(v: Any, path: Path) -> list[FieldError]:
    if isinstance(v, str):
        if not v.endswith("%") or not v[:-1].isdigit():
            return [field.invalid(path, v, names.regex_error("a valid percent string must be a numeric string followed by an ending '%'", "[0-9]+%", "1%", "93%"))]
        if int(v[:-1]) > 100:
            return [field.invalid(path, v, "must not be greater than 100%")]
        return []
    if v is not None and v < 0:
        return [field.invalid(path, v, "must be greater than or equal to 0")]
    return []


def _validate_spec(kind: str, spec: dict[str, Any]) -> list[FieldError]:
    p = Path("spec")
    errs: list[FieldError] = []
    if kind == "Job":
        for f in ("parallelism", "completions", "activeDeadlineSeconds", "backoffLimit"):
            v = spec.get(f)
            if v is not None:
                if f == "activeDeadlineSeconds" and v <= 0:
                    errs.append(field.invalid(p.child(f), v, "must be greater than zero"))
                else:
                    errs += validate_nonnegative_field(v, p.child(f))
        sel = spec.get("selector")
        if sel is None:
            errs.append(field.required(p.child("selector")))
        else:
            errs += validate_label_selector(sel, p.child("selector"))
        template = spec.get("template") or {}
        labels = (template.get("metadata") or {}).get("labels")
        if sel is not None and not label_selector_matches(sel, labels):
            errs.append(field.invalid(p.child("template", "metadata", "labels"), go_map(labels), "`selector` does not match template `labels`"))
        errs += validate_pod_template_spec(template, p.child("template"))
        rp = (template.get("spec") or {}).get("restartPolicy", "")
        if rp not in ("OnFailure", "Never"):
            errs.append(field.not_supported(p.child("template", "spec", "restartPolicy"), rp, ["OnFailure", "Never"]))
        cm = spec.get("completionMode")
        if cm is not None and cm not in ("NonIndexed", "Indexed"):
            errs.append(field.not_supported(p.child("completionMode"), cm, ["NonIndexed", "Indexed"]))
        return errs
    if kind != "DaemonSet":
        errs += validate_nonnegative_field(int(spec.get("replicas", 0) or 0), p.child("replicas"))
    errs += _selector(spec, p, kind)
    errs += _template_for_replicas(spec.get("template"), spec.get("selector"), p.child("template"), kind)
    if kind == "Deployment":
        strat = spec.get("strategy") or {}
        t = strat.get("type", "")
        sp = p.child("strategy")
        if t == "Recreate":
            if strat.get("rollingUpdate") is not None:
                errs.append(field.forbidden(sp.child("rollingUpdate"), "may not be specified when strategy `type` is 'Recreate'"))
        elif t == "RollingUpdate":
            ru = strat.get("rollingUpdate") or {}
            errs += _int_or_percent(ru.get("maxUnavailable"), sp.child("rollingUpdate", "maxUnavailable"))
            errs += _int_or_percent(ru.get("maxSurge"), sp.child("rollingUpdate", "maxSurge"))
            if ru.get("maxUnavailable") in (0, "0%") and ru.get("maxSurge") in (0, "0%"):
                errs.append(field.invalid(sp.child("rollingUpdate", "maxUnavailable"), ru.get("maxUnavailable"), "may not be 0 when `maxSurge` is 0"))
        elif t:
            errs.append(field.not_supported(sp.child("type"), t, ["Recreate", "RollingUpdate"]))
        errs += validate_nonnegative_field(int(spec.get("minReadySeconds", 0) or 0), p.child("minReadySeconds"))
        if spec.get("revisionHistoryLimit") is not None:
            errs += validate_nonnegative_field(spec["revisionHistoryLimit"], p.child("revisionHistoryLimit"))
        pds = spec.get("progressDeadlineSeconds")
        if pds is not None:
            errs += validate_nonnegative_field(pds, p.child("progressDeadlineSeconds"))
            if pds <= int(spec.get("minReadySeconds", 0) or 0):
                errs.append(field.invalid(p.child("progressDeadlineSeconds"), pds, "must be greater than minReadySeconds"))
    elif kind == "StatefulSet":
        pmp = spec.get("podManagementPolicy", "")
        if pmp not in ("OrderedReady", "Parallel"):
            errs.append(field.not_supported(p.child("podManagementPolicy"), pmp, ["OrderedReady", "Parallel"]))
        ust = (spec.get("updateStrategy") or {}).get("type", "")
        if ust not in ("RollingUpdate", "OnDelete"):
            errs.append(field.not_supported(p.child("updateStrategy"), ust, ["OnDelete", "RollingUpdate"]))
    else:
        errs += validate_nonnegative_field(int(spec.get("minReadySeconds", 0) or 0), p.child("minReadySeconds"))
    return errs


def validate_workload_create(obj: dict[str, Any]) -> list[FieldError]:
    """Create-time validation of an apps/batch object."""
    kind = obj.get("kind", "")
    errs = validate_object_meta(obj.get("metadata"), True, names.name_is_dns_subdomain)
    return errs + _validate_spec(kind, obj.get("spec") or {})


def validate_workload_update(new: dict[str, Any], old: dict[str, Any]) -> list[FieldError]:
    """Update rules: selectors immutable, Job template immutable, StatefulSet spec mostly frozen."""
    kind = new.get("kind", "")
    errs = validate_object_meta_update(new.get("metadata"), old.get("metadata"))
    ns, os_ = new.get("spec") or {}, old.get("spec") or {}
    errs += _validate_spec(kind, ns)
    if ns.get("selector") != os_.get("selector"):
        errs.append(field.invalid(Path("spec", "selector"), go_label_selector(ns.get("selector")), FIELD_IMMUTABLE))
    if kind == "Job" and ns.get("template") != os_.get("template"):
        from sandbox.api.validation._util import GoLiteral

        errs.append(field.invalid(Path("spec", "template"), GoLiteral("core.PodTemplateSpec{...}"), FIELD_IMMUTABLE))
    if kind == "StatefulSet":
        allowed = ("replicas", "ordinals", "template", "updateStrategy", "persistentVolumeClaimRetentionPolicy", "minReadySeconds")
        a = {k: v for k, v in ns.items() if k not in allowed}
        b = {k: v for k, v in os_.items() if k not in allowed}
        if a != b:
            errs.append(field.forbidden(Path("spec"), STATEFULSET_FORBIDDEN_UPDATE))
    return errs
