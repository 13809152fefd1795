"""The ``PodSecurity`` admission plugin (``k8s.io/pod-security-admission/admission``).

What it does, as kube-apiserver's built-in plugin does:

* **Pods** (create, update that changes an image or adds a container, ``ephemeralcontainers``):
  the namespace's *enforce* level refuses a violating pod with ``Forbidden``::

      pods "x" is forbidden: violates PodSecurity "restricted:latest": allowPrivilegeEscalation != false (...), ...

  otherwise the *warn* level adds ``would violate PodSecurity "baseline:latest": ...`` as a warning,
  and the *audit* level records an audit annotation.
* **Workloads** (Deployment, ReplicaSet, StatefulSet, DaemonSet, Job, CronJob, ReplicationController,
  PodTemplate): their pod template is checked against *warn* and *audit* only, never enforce: the
  pods their controllers create are what enforce refuses.
* **Namespaces**: bad label values are refused (``Invalid``); making the enforce level stricter warns
  about the namespace's existing pods that would now be refused.

Audit annotations go to ``request.audit_annotations`` (a dict set on the request) and to
:attr:`PodSecurity.audit_events`, which the cluster can read as its audit log.
"""

from __future__ import annotations

import contextlib
from dataclasses import dataclass, field
from typing import Any

from sandbox.apiserver.podsecurity.api import (
    PRIVILEGED,
    Policy,
    compare_levels,
    policy_to_evaluate,
)
from sandbox.apiserver.podsecurity.checks import aggregate, evaluate_pod

__all__ = ["PodSecurity", "AuditEvent", "install", "POD_TEMPLATE_KINDS", "pod_spec_of"]

#: Resources (group, plural) whose objects carry a pod template, and where the template is.
POD_TEMPLATE_KINDS: dict[tuple[str, str], tuple[str, ...]] = {
    ("", "replicationcontrollers"): ("spec", "template"),
    ("", "podtemplates"): ("template",),
    ("apps", "replicasets"): ("spec", "template"),
    ("apps", "deployments"): ("spec", "template"),
    ("apps", "statefulsets"): ("spec", "template"),
    ("apps", "daemonsets"): ("spec", "template"),
    ("batch", "jobs"): ("spec", "template"),
    ("batch", "cronjobs"): ("spec", "jobTemplate", "spec", "template"),
}

#: Pod subresources the plugin ignores (``ignoredPodSubresources``).
IGNORED_POD_SUBRESOURCES = frozenset(
    {"exec", "attach", "binding", "eviction", "log", "portforward", "proxy", "status"}
)

#: How many existing pods a namespace relabel checks at most.
NAMESPACE_MAX_PODS_TO_CHECK = 3000

AUDIT_PREFIX = "pod-security.kubernetes.io/"


@dataclass
class AuditEvent:
    """One audited request and the plugin's annotations on it."""

    operation: str
    resource: str
    namespace: str | None
    name: str
    annotations: dict[str, str] = field(default_factory=dict)


def _to_dict(obj: Any) -> dict[str, Any]:
    if obj is None:
        return {}
    if isinstance(obj, dict):
        return obj
    return obj.to_dict()


def pod_spec_of(group: str, resource: str, obj: dict[str, Any]) -> tuple[dict[str, Any], dict[str, Any]] | None:
    """``(metadata, spec)`` of a pod or of a workload's pod template; ``None`` if it has none."""
    if (group, resource) == ("", "pods"):
        return obj.get("metadata") or {}, obj.get("spec") or {}
    path = POD_TEMPLATE_KINDS.get((group, resource))
    if path is None:
        return None
    node: Any = obj
    for key in path:
        node = (node or {}).get(key)
    if node is None:
        return None
    return node.get("metadata") or {}, node.get("spec") or {}


def _significant_pod_update(new: dict[str, Any], old: dict[str, Any]) -> bool:
    """``isSignificantPodUpdate``: images, seccomp annotations, added containers."""
    na = (new.get("metadata") or {}).get("annotations") or {}
    oa = (old.get("metadata") or {}).get("annotations") or {}
    pod_key = "seccomp.security.alpha.kubernetes.io/pod"
    if na.get(pod_key) != oa.get(pod_key):
        return True
    ns, os_ = new.get("spec") or {}, old.get("spec") or {}

    def significant(c: dict[str, Any], oc: dict[str, Any]) -> bool:
        key = "container.seccomp.security.alpha.kubernetes.io/" + c.get("name", "")
        return c.get("image") != oc.get("image") or na.get(key) != oa.get(key)

    for kind in ("containers", "initContainers"):
        cs, ocs = ns.get(kind) or [], os_.get(kind) or []
        if len(cs) != len(ocs):
            return True
        if any(significant(c, oc) for c, oc in zip(cs, ocs, strict=False)):
            return True
    old_eph = {c.get("name"): c for c in os_.get("ephemeralContainers") or []}
    for c in ns.get("ephemeralContainers") or []:
        oc = old_eph.get(c.get("name"))
        if oc is None or significant(c, oc):
            return True
    return False


class PodSecurity:
    """The admission plugin; add it with :func:`install` (``api.admission.add``)."""

    name = "PodSecurity"

    def __init__(self, server: Any) -> None:
        self._server = server
        #: Audited requests, oldest first (the cluster's audit log of this plugin).
        self.audit_events: list[AuditEvent] = []

    # ------------------------------------------------------------------ helpers

    def _namespace_labels(self, namespace: str | None) -> dict[str, str]:
        if not namespace:
            return {}
        raw = self._server._raw_get("/namespaces", "", namespace)
        if raw is None:
            return {}
        return dict((raw.get("metadata") or {}).get("labels") or {})

    def _audit(self, request: Any, annotations: dict[str, str]) -> None:
        if not annotations:
            return
        existing = getattr(request, "audit_annotations", None)
        if not isinstance(existing, dict):
            existing = {}
            with contextlib.suppress(AttributeError):
                request.audit_annotations = existing
        existing.update(annotations)
        if not getattr(request, "dry_run", False):
            self.audit_events.append(
                AuditEvent(request.operation, request.resource, request.namespace, request.name, dict(annotations))
            )

    # ------------------------------------------------------------------ the hook

    def validate(self, request: Any) -> None:
        """``Validate``: namespaces, pods, then pod controllers."""
        if request.operation not in ("CREATE", "UPDATE"):
            return
        if request.group == "" and request.resource == "namespaces":
            self._validate_namespace(request)
        elif request.group == "" and request.resource == "pods":
            self._validate_pod(request)
        elif (request.group, request.resource) in POD_TEMPLATE_KINDS:
            self._validate_pod_controller(request)

    def _validate_namespace(self, request: Any) -> None:
        if request.subresource:
            return
        from sandbox.api.field import invalid
        from sandbox.errors import Invalid

        obj = _to_dict(request.object)
        labels = (obj.get("metadata") or {}).get("labels") or {}
        new_policy, new_errs = policy_to_evaluate(labels)
        errors = [invalid(f"metadata.labels[{label}]", value, msg) for label, value, msg in new_errs]
        name = (obj.get("metadata") or {}).get("name") or request.name
        if request.operation == "CREATE":
            if errors:
                raise Invalid.for_kind("Namespace", name, errors)
            return
        old = _to_dict(request.old_object)
        old_policy, old_errs = policy_to_evaluate((old.get("metadata") or {}).get("labels") or {})
        if new_errs and (not old_errs or new_errs != old_errs):
            raise Invalid.for_kind("Namespace", name, errors)
        if new_policy.enforce == old_policy.enforce:
            return
        if new_policy.enforce.level == PRIVILEGED:
            return
        if (
            new_policy.enforce.version == old_policy.enforce.version
            and compare_levels(new_policy.enforce.level, old_policy.enforce.level) < 1
        ):
            return
        for w in self.evaluate_pods_in_namespace(name, new_policy):
            request.warn(w)

    def evaluate_pods_in_namespace(self, namespace: str, policy: Policy) -> list[str]:
        """The warnings for existing pods under ``policy.enforce`` (``EvaluatePodsInNamespace``)."""
        enforce = policy.enforce
        pods = [_to_dict(p) for p in self._server.list("pods", namespace=namespace).items]
        total = len(pods)
        pods = pods[:NAMESPACE_MAX_PODS_TO_CHECK]
        order: list[str] = []
        counts: dict[str, list[Any]] = {}
        for pod in pods:
            r = aggregate(evaluate_pod(enforce, pod.get("metadata") or {}, pod.get("spec") or {}))
            if r.allowed:
                continue
            warning = r.forbidden_reason()
            pod_name = (pod.get("metadata") or {}).get("name", "")
            c = counts.get(warning)
            if c is None:
                counts[warning] = [pod_name, 1]
                order.append(warning)
            else:
                if pod_name < c[0]:
                    c[0] = pod_name
                c[1] += 1
        warnings: list[str] = []
        if len(pods) < total:
            warnings.append(
                f"new PodSecurity enforce level only checked against the first {len(pods)} of {total} existing pods"
            )
        if order:
            warnings.append(
                f'existing pods in namespace "{namespace}" violate the new PodSecurity enforce level "{enforce}"'
            )
        decorated = []
        for w in order:
            first, n = counts[w]
            if n == 1:
                decorated.append(f"{first}: {w}")
            elif n == 2:
                decorated.append(f"{first} (and 1 other pod): {w}")
            else:
                decorated.append(f"{first} (and {n - 1} other pods): {w}")
        return warnings + sorted(decorated)

    def _validate_pod(self, request: Any) -> None:
        if request.subresource in IGNORED_POD_SUBRESOURCES:
            return
        policy, errs = policy_to_evaluate(self._namespace_labels(request.namespace))
        if not errs and policy.enforce.level == policy.warn.level == policy.audit.level == PRIVILEGED:
            return
        pod = _to_dict(request.object)
        if request.operation == "UPDATE" and not _significant_pod_update(pod, _to_dict(request.old_object)):
            return
        self._evaluate(request, policy, errs, pod.get("metadata") or {}, pod.get("spec") or {}, enforce=True)

    def _validate_pod_controller(self, request: Any) -> None:
        if request.subresource:
            return
        policy, errs = policy_to_evaluate(self._namespace_labels(request.namespace))
        if not errs and policy.warn.level == policy.audit.level == PRIVILEGED:
            return
        found = pod_spec_of(request.group, request.resource, _to_dict(request.object))
        if found is None:
            return
        self._evaluate(request, policy, errs, found[0], found[1], enforce=False)

    def _evaluate(
        self,
        request: Any,
        policy: Policy,
        policy_errs: list[tuple[str, str, str]],
        meta: dict[str, Any],
        spec: dict[str, Any],
        *,
        enforce: bool,
    ) -> None:
        """``EvaluatePod``: enforce (maybe), audit, then warn unless refused."""
        from sandbox.errors import Forbidden

        annotations: dict[str, str] = {}
        if policy_errs:
            annotations[AUDIT_PREFIX + "error"] = "Failed to parse policy: " + "; ".join(
                f"metadata.labels[{label}]: Invalid value: \"{value}\": {msg}" for label, value, msg in policy_errs
            )
        cache: dict[Any, Any] = {}

        def result(lv: Any) -> Any:
            if lv not in cache:
                cache[lv] = aggregate(evaluate_pod(lv, meta, spec))
            return cache[lv]

        refused: Forbidden | None = None
        if enforce:
            annotations[AUDIT_PREFIX + "enforce-policy"] = str(policy.enforce)
            r = result(policy.enforce)
            if not r.allowed:
                refused = Forbidden.for_resource(
                    request.resource,
                    request.name,
                    f'violates PodSecurity "{policy.enforce}": {r.forbidden_detail()}',
                    group=request.group,
                )
        audit = result(policy.audit)
        if not audit.allowed:
            annotations[AUDIT_PREFIX + "audit-violations"] = (
                f'would violate PodSecurity "{policy.audit}": {audit.forbidden_detail()}'
            )
        if refused is None:
            warn = result(policy.warn)
            if not warn.allowed:
                request.warn(f'would violate PodSecurity "{policy.warn}": {warn.forbidden_detail()}')
        self._audit(request, annotations)
        if refused is not None:
            raise refused


def install(api: Any) -> PodSecurity:
    """Add the ``PodSecurity`` plugin to an :class:`~sandbox.apiserver.APIServer`'s admission chain.

    Idempotent: a second call returns the plugin already installed.
    """
    existing = api.admission.get(PodSecurity.name)
    if existing is not None:
        return existing  # type: ignore[no-any-return]
    plugin = PodSecurity(api)
    api.admission.add(plugin)
    return plugin
