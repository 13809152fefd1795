"""``kubectl explain``: field documentation from the sandbox's models, in kubectl's layout.

The layout is kubectl's OpenAPI v3 ``plaintext`` template (``pkg/explain/v2/templates``): the
``GROUP``/``KIND``/``VERSION`` header, ``FIELD: name <type>`` (followed by ``ENUM:`` values),
``DESCRIPTION`` (the field's text, then its type's), and ``FIELDS`` in alphabetical order with
``<type>``, ``-required-``, ``enum:`` and descriptions wrapped as go-wordwrap wraps them.

Texts come from the models (``Field(description=...)`` and class docstrings). Where a model
carries no usable description, the text comes from :data:`DESCRIPTIONS`, copied from
Kubernetes' OpenAPI descriptions for the fields learners look up most; enum values and
required fields, which the models do not carry, come from :data:`ENUMS` and :data:`REQUIRED`.
"""

from __future__ import annotations

import datetime
import typing
from typing import Any

from sandbox.api.base import GoType, K8sModel, _unwrap
from sandbox.api.quantity import Quantity
from sandbox.kubectl.context import Context
from sandbox.kubectl.errors import CommandError
from sandbox.kubectl.resources import resolve

__all__ = ["run_explain", "explain", "wrap_string", "DESCRIPTIONS", "ENUMS", "REQUIRED"]

_META = "https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md"
_PROBES = "https://kubernetes.io/docs/concepts/workloads/pods/pod-lifecycle#container-probes"

#: Kubernetes' OpenAPI descriptions for fields whose model text is missing.
DESCRIPTIONS: dict[str, str] = {
    "*.apiVersion": "APIVersion defines the versioned schema of this representation of an object. Servers should "
                    "convert recognized schemas to the latest internal value, and may reject unrecognized values. "
                    f"More info: {_META}#resources",
    "*.kind": "Kind is a string value representing the REST resource this object represents. Servers may infer "
              "this from the endpoint the client submits requests to. Cannot be updated. In CamelCase. More info: "
              f"{_META}#types-kinds",
    "*.metadata": f"Standard object's metadata. More info: {_META}#metadata",
    "Pod.spec": f"Specification of the desired behavior of the pod. More info: {_META}#spec-and-status",
    "Pod.status": "Most recently observed status of the pod. This data may not be up to date. Populated by the "
                  f"system. Read-only. More info: {_META}#spec-and-status",
    "PodSpec.affinity": "If specified, the pod's scheduling constraints",
    "PodSpec.securityContext": "SecurityContext holds pod-level security attributes and common container "
                               "settings. Optional: Defaults to empty.  See type description for default values of "
                               "each field.",
    "PodSpec.dnsConfig": "Specifies the DNS parameters of a pod. Parameters specified here will be merged to the "
                         "generated DNS configuration based on DNSPolicy.",
    "Container.lifecycle": "Actions that the management system should take in response to container lifecycle "
                           "events. Cannot be updated.",
    "Container.livenessProbe": "Periodic probe of container liveness. Container will be restarted if the probe "
                               f"fails. Cannot be updated. More info: {_PROBES}",
    "Container.readinessProbe": "Periodic probe of container service readiness. Container will be removed from "
                                "service endpoints if the probe fails. Cannot be updated. More info: " + _PROBES,
    "Container.startupProbe": "StartupProbe indicates that the Pod has successfully initialized. If specified, no "
                              "other probes are executed until this completes successfully. If this probe fails, "
                              "the Pod will be restarted, just as if the livenessProbe failed. This can be used to "
                              "provide different probe parameters at the beginning of a Pod's lifecycle, when it "
                              "might take a long time to load data or warm a cache, than during steady-state "
                              f"operation. This cannot be updated. More info: {_PROBES}",
    "Container.resources": "Compute Resources required by this container. Cannot be updated. More info: "
                           "https://kubernetes.io/docs/concepts/configuration/manage-resources-containers/",
    "Container.securityContext": "SecurityContext defines the security options the container should be run with. "
                                 "If set, the fields of SecurityContext override the equivalent fields of "
                                 "PodSecurityContext. More info: "
                                 "https://kubernetes.io/docs/tasks/configure-pod-container/security-context/",
    "Probe.exec": "Exec specifies a command to execute in the container.",
    "Probe.httpGet": "HTTPGet specifies an HTTP GET request to perform.",
    "Probe.tcpSocket": "TCPSocket specifies a connection to a TCP port.",
    "Probe.grpc": "GRPC specifies a GRPC HealthCheckRequest.",
    "LifecycleHandler.exec": "Exec specifies a command to execute in the container.",
    "LifecycleHandler.httpGet": "HTTPGet specifies an HTTP GET request to perform.",
    "LifecycleHandler.sleep": "Sleep represents a duration that the container should sleep.",
    "Lifecycle.postStart": "PostStart is called immediately after a container is created. If the handler fails, "
                           "the container is terminated and restarted according to its restart policy. Other "
                           "management of the container blocks until the hook completes. More info: "
                           "https://kubernetes.io/docs/concepts/containers/container-lifecycle-hooks/#container-hooks",
    "Lifecycle.preStop": "PreStop is called immediately before a container is terminated due to an API request or "
                         "management event such as liveness/startup probe failure, preemption, resource contention, "
                         "etc. The handler is not called if the container crashes or exits. The Pod's termination "
                         "grace period countdown begins before the PreStop hook is executed. Regardless of the "
                         "outcome of the handler, the container will eventually terminate within the Pod's "
                         "termination grace period (unless delayed by finalizers). Other management of the "
                         "container blocks until the hook completes or until the termination grace period is "
                         "reached. More info: "
                         "https://kubernetes.io/docs/concepts/containers/container-lifecycle-hooks/#container-hooks",
    "ContainerStatus.state": "State holds details about the container's current condition.",
    "ContainerStatus.lastState": "LastTerminationState holds the last termination state of the container to help "
                                 "debug container crashes and restarts. This field is not populated if the "
                                 "container is still running and RestartCount is 0.",
    "ContainerState.running": "Details about a running container",
    "ContainerState.terminated": "Details about a terminated container",
    "EnvVarSource.configMapKeyRef": "Selects a key of a ConfigMap.",
    "EnvVarSource.fieldRef": "Selects a field of the pod: supports metadata.name, metadata.namespace, "
                             "`metadata.labels['<KEY>']`, `metadata.annotations['<KEY>']`, spec.nodeName, "
                             "spec.serviceAccountName, status.hostIP, status.podIP, status.podIPs.",
    "EnvVarSource.resourceFieldRef": "Selects a resource of the container: only resources limits and requests "
                                     "(limits.cpu, limits.memory, limits.ephemeral-storage, requests.cpu, "
                                     "requests.memory and requests.ephemeral-storage) are currently supported.",
    "EnvFromSource.configMapRef": "The ConfigMap to select from",
    "Volume.configMap": "configMap represents a configMap that should populate this volume",
    "Volume.secret": "secret represents a secret that should populate this volume. More info: "
                     "https://kubernetes.io/docs/concepts/storage/volumes#secret",
    "Volume.emptyDir": "emptyDir represents a temporary directory that shares a pod's lifetime. More info: "
                       "https://kubernetes.io/docs/concepts/storage/volumes#emptydir",
    "Volume.hostPath": "hostPath represents a pre-existing file or directory on the host machine that is directly "
                       "exposed to the container. This is generally used for system agents or other privileged "
                       "things that are allowed to see the host machine. Most containers will NOT need this. More "
                       "info: https://kubernetes.io/docs/concepts/storage/volumes#hostpath",
    "Volume.persistentVolumeClaim": "persistentVolumeClaimVolumeSource represents a reference to a "
                                    "PersistentVolumeClaim in the same namespace. More info: "
                                    "https://kubernetes.io/docs/concepts/storage/persistent-volumes#persistentvolumeclaims",
    "Volume.projected": "projected items for all in one resources secrets, configmaps, and downward API",
    "Volume.downwardAPI": "downwardAPI represents downward API about the pod that should populate this volume",
    "Deployment.spec": "Specification of the desired behavior of the Deployment.",
    "DeploymentSpec.selector": "Label selector for pods. Existing ReplicaSets whose pods are selected by this will "
                               "be the ones affected by this deployment. It must match the pod template's labels.",
    "DeploymentSpec.strategy": "The deployment strategy to use to replace existing pods with new ones.",
    "ReplicaSet.spec": "Spec defines the specification of the desired behavior of the ReplicaSet. More info: "
                       f"{_META}#spec-and-status",
    "StatefulSet.spec": "Spec defines the desired identities of pods in this set.",
    "DaemonSet.spec": f"The desired behavior of this daemon set. More info: {_META}#spec-and-status",
    "Job.spec": f"Specification of the desired behavior of a job. More info: {_META}#spec-and-status",
    "JobSpec.template": "Describes the pod that will be created when executing a job. The only allowed "
                        "template.spec.restartPolicy values are \"Never\" or \"OnFailure\". More info: "
                        "https://kubernetes.io/docs/concepts/workloads/controllers/jobs-run-to-completion/",
    "CronJob.spec": "Specification of the desired behavior of a cron job, including the schedule. More info: "
                    f"{_META}#spec-and-status",
    "CronJobSpec.jobTemplate": "Specifies the job that will be created when executing a CronJob.",
    "Deployment.status": "Most recently observed status of the Deployment.",
    "ReplicaSet.status": "Status is the most recently observed status of the ReplicaSet. This data may be out of "
                         "date by some window of time. Populated by the system. Read-only. More info: "
                         f"{_META}#spec-and-status",
    "StatefulSet.status": "Status is the current status of Pods in this StatefulSet. This data may be out of date "
                          "by some window of time.",
    "DaemonSet.status": "The current status of this daemon set. This data may be out of date by some window of "
                        f"time. Populated by the system. Read-only. More info: {_META}#spec-and-status",
    "Job.status": f"Current status of a job. More info: {_META}#spec-and-status",
    "CronJob.status": f"Current status of a cron job. More info: {_META}#spec-and-status",
    "Node.status": "Most recently observed status of the node. Populated by the system. Read-only. More info: "
                   f"{_META}#spec-and-status",
    "Namespace.status": f"Status describes the current status of a Namespace. More info: {_META}#spec-and-status",
    "Node.spec": f"Spec defines the behavior of a node. {_META}#spec-and-status",
    "Namespace.spec": f"Spec defines the behavior of the Namespace. More info: {_META}#spec-and-status",
}

#: Enum values (as the OpenAPI schema lists them) by Go type.
ENUMS: dict[str, list[str]] = {
    "v1.RestartPolicy": ["Always", "Never", "OnFailure"],
    "v1.DNSPolicy": ["ClusterFirst", "ClusterFirstWithHostNet", "Default", "None"],
    "v1.PreemptionPolicy": ["Never", "PreemptLowerPriority"],
    "v1.PullPolicy": ["Always", "IfNotPresent", "Never"],
    "v1.TerminationMessagePolicy": ["FallbackToLogsOnError", "File"],
    "v1.Protocol": ["SCTP", "TCP", "UDP"],
    "v1.URIScheme": ["HTTP", "HTTPS"],
    "v1.PodPhase": ["Failed", "Pending", "Running", "Succeeded", "Unknown"],
    "v1.PodQOSClass": ["BestEffort", "Burstable", "Guaranteed"],
    "v1.TolerationOperator": ["Equal", "Exists"],
    "v1.TaintEffect": ["NoExecute", "NoSchedule", "PreferNoSchedule"],
    "v1.ContainerRestartPolicy": ["Always"],
}

#: Fields the OpenAPI schema lists as required, by model class.
REQUIRED: dict[str, set[str]] = {
    "PodSpec": {"containers"},
    "Container": {"name"},
    "EphemeralContainer": {"name"},
    "ContainerPort": {"containerPort"},
    "EnvVar": {"name"},
    "VolumeMount": {"mountPath", "name"},
    "Volume": {"name"},
    "HTTPGetAction": {"port"},
    "TCPSocketAction": {"port"},
    "GRPCAction": {"port"},
    "HTTPHeader": {"name", "value"},
    "ConfigMapKeySelector": {"key"},
    "SecretKeySelector": {"key"},
    "ObjectFieldSelector": {"fieldPath"},
    "ResourceFieldSelector": {"resource"},
    "KeyToPath": {"key", "path"},
    "HostPathVolumeSource": {"path"},
    "PersistentVolumeClaimVolumeSource": {"claimName"},
    "DeploymentSpec": {"selector", "template"},
    "ReplicaSetSpec": {"selector"},
    "StatefulSetSpec": {"selector", "template"},
    "DaemonSetSpec": {"selector", "template"},
    "JobSpec": {"template"},
    "CronJobSpec": {"jobTemplate", "schedule"},
    "LabelSelectorRequirement": {"key", "operator"},
    "NodeSelectorRequirement": {"key", "operator"},
    "NodeSelector": {"nodeSelectorTerms"},
    "Taint": {"effect", "key"},
    "PodCondition": {"status", "type"},
    "ContainerStatus": {"image", "imageID", "name", "ready", "restartCount"},
    "OwnerReference": {"apiVersion", "kind", "name", "uid"},
    "NodeAddress": {"address", "type"},
    "NodeCondition": {"status", "type"},
    "Event": {"involvedObject", "metadata"},
    "Binding": {"target"},
    "SleepAction": {"seconds"},
    "ExecAction": set(),
    "TopologySpreadConstraint": {"maxSkew", "topologyKey", "whenUnsatisfiable"},
    "PodAffinityTerm": {"topologyKey"},
    "WeightedPodAffinityTerm": {"podAffinityTerm", "weight"},
    "PreferredSchedulingTerm": {"preference", "weight"},
}


# ----------------------------------------------------------------------------- text helpers


def wrap_string(s: str, lim: int) -> str:
    """``github.com/mitchellh/go-wordwrap.WrapString``."""
    buf: list[str] = []
    current = 0
    word: list[str] = []
    space: list[str] = []
    for ch in s:
        if ch == "\n":
            buf.extend(space)
            space = []
            buf.extend(word)
            word = []
            buf.append(ch)
            current = 0
        elif ch.isspace() and ch != "\u00a0":
            if not space or word:
                current += len(space) + len(word)
                buf.extend(space)
                space = []
                buf.extend(word)
                word = []
            space.append(ch)
        else:
            word.append(ch)
            if current + len(space) + len(word) > lim and len(word) < lim:
                buf.append("\n")
                current = 0
                space = []
    if not word:
        if current + len(space) <= lim:
            buf.extend(space)
    else:
        buf.extend(space)
        buf.extend(word)
    return "".join(buf)


def _indent(n: int, s: str) -> str:
    pad = " " * n
    return pad + s.replace("\n", "\n" + pad)


def _clean(text: str | None) -> str:
    if not text or text.startswith(":return:"):
        return ""
    return text.replace('\\"', '"').replace("\\\\", "\\")


def _type_doc(cls: type[K8sModel]) -> str:
    doc = (cls.__doc__ or "").strip()
    first = doc.split("\n\n")[0]
    if first.startswith("``") or not first:
        return ""
    return " ".join(line.strip() for line in first.splitlines())


# ----------------------------------------------------------------------------- schema from models


class _Schema:
    """What the template needs of one field's schema."""

    def __init__(self, ann: Any, go: str = "") -> None:
        self.ann, self.meta = _unwrap(ann)
        self.go = go
        for m in self.meta:
            if isinstance(m, GoType):
                self.go = self.go or m.name

    @property
    def model(self) -> type[K8sModel] | None:
        ann = self.ann
        if isinstance(ann, type) and issubclass(ann, K8sModel):
            return ann
        return None

    def element(self) -> _Schema | None:
        origin = typing.get_origin(self.ann)
        if origin in (list, tuple):
            return _Schema(typing.get_args(self.ann)[0])
        if origin is dict:
            return _Schema(typing.get_args(self.ann)[1])
        return None

    def type_guess(self) -> str:
        origin = typing.get_origin(self.ann)
        if origin in (list, tuple):
            return "[]" + _Schema(typing.get_args(self.ann)[0]).type_guess()
        if origin is dict:
            return "map[string]" + _Schema(typing.get_args(self.ann)[1]).type_guess()
        if self.model is not None:
            return self.model.__name__
        if self.go == "intstr.IntOrString":
            return "IntOrString"
        if self.ann is Quantity:
            return "Quantity"
        if self.ann is datetime.datetime or self.ann is str:
            return "string"
        if self.ann is bool:
            return "boolean"
        if self.ann is int:
            return "integer"
        if self.ann is float:
            return "number"
        return "Object"


def _fields(cls: type[K8sModel]) -> dict[str, tuple[_Schema, str]]:
    out: dict[str, tuple[_Schema, str]] = {}
    gotypes = getattr(cls, "_go_field_types", {}) or {}
    gotypes = gotypes.default if hasattr(gotypes, "default") else gotypes
    for name, f in cls.model_fields.items():
        json_name = f.alias or name
        schema = _Schema(f.annotation, (gotypes or {}).get(json_name, "") if isinstance(gotypes, dict) else "")
        desc = _clean(f.description)
        if not desc:
            desc = DESCRIPTIONS.get(f"{cls.__name__}.{json_name}") or DESCRIPTIONS.get(f"*.{json_name}", "")
        if not desc:
            inner = schema.model or (schema.element().model if schema.element() else None)
            desc = _type_doc(inner) if inner is not None else ""
        out[json_name] = (schema, desc)
    return out


_EMPTY = '""'


def _enum(schema: _Schema) -> list[str]:
    return ENUMS.get(schema.go, [])


def _field_list(cls: type[K8sModel]) -> str:
    parts: list[str] = []
    required = REQUIRED.get(cls.__name__, set())
    for name, (schema, desc) in sorted(_fields(cls).items()):
        line = f"  {name}\t<{schema.type_guess()}>"
        if name in required:
            line += " -required-"
        values = _enum(schema)
        if values:
            shown = ", ".join('""' if v == "" else v for v in values[:4])
            line += "\n" + "enum: " + shown + (", ...." if len(values) > 4 else "")
        parts.append(line + "\n")
        parts.append(_indent(4, wrap_string(desc or "<no description>", 76)) + "\n")
        parts.append("\n")
    return "".join(parts)


def explain(kind_info: Any, path: list[str]) -> str:
    """The text of ``kubectl explain <resource>[.field...]``."""
    cls: type[K8sModel] = kind_info.model
    out = []
    if kind_info.group:
        out.append(f"GROUP:      {kind_info.group}\n")
    out.append(f"KIND:       {kind_info.kind}\n")
    out.append(f"VERSION:    {kind_info.version}\n\n")
    descriptions: list[str] = [_type_doc(cls)]
    current: type[K8sModel] | None = cls
    for i, name in enumerate(path):
        fields = _fields(current) if current is not None else {}
        if name not in fields:
            raise CommandError(f'field "{name}" does not exist')
        schema, desc = fields[name]
        if i == len(path) - 1:
            out.append(f"FIELD: {name} <{schema.type_guess()}>\n")
            values = _enum(schema)
            if values:
                out.append("ENUM:" + "".join("\n    " + (_EMPTY if v == "" else v) for v in values))
            out.append("\n\n")
        elem = schema
        while elem.element() is not None:
            elem = elem.element()  # type: ignore[assignment]
        current = elem.model
        descriptions = [desc] + ([_type_doc(current)] if current is not None else [])
    text = "".join(d + "\n" for d in descriptions if d) or "<empty>"
    out.append("DESCRIPTION:\n")
    out.append(_indent(4, wrap_string(text, 76)) + "\n")
    if current is not None:
        fl = _field_list(current)
        if fl:
            out.append("FIELDS:\n" + fl)
    out.append("\n")
    return "".join(out)


def run_explain(ctx: Context, args: list[str], opts: dict[str, Any]) -> None:
    """``kubectl explain pod.spec.containers.livenessProbe``."""
    if not args:
        raise CommandError('You must specify the type of resource to explain. Use "kubectl api-resources" for a '
                           "complete list of supported resources.")
    if len(args) > 1:
        raise CommandError("We accept only this format: explain RESOURCE")
    parts = args[0].split(".")
    info = resolve(ctx.api, parts[0])
    ctx.out.append(explain(info, [p for p in parts[1:] if p]))
