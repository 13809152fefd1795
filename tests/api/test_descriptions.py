"""The models carry Kubernetes' own field documentation, as ``kubectl explain`` prints it.

Texts are the OpenAPI descriptions kube-apiserver serves (Kubernetes 1.34): the Go doc comments
of ``k8s.io/api`` with paragraph breaks kept and, for enum types, the ``Possible enum values``
list; enum values and required fields are carried next to them.
"""

from __future__ import annotations

import re
import typing
from collections.abc import Iterator

import pytest

from sandbox.api import apps, batch, core, meta
from sandbox.api.base import K8sModel, _unwrap
from sandbox.api.registry import REGISTRY
from sandbox.cluster import Cluster
from sandbox.kubectl import run
from sandbox.kubectl.explain import field_enum, required_fields, type_description

_META = "https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md"
_PAD = "    "  # kubectl indents the blank lines of a description too
_PROBES = "https://kubernetes.io/docs/concepts/workloads/pods/pod-lifecycle#container-probes"


def _models_in(annotation: object) -> Iterator[type[K8sModel]]:
    ann, _ = _unwrap(annotation)
    if isinstance(ann, type) and issubclass(ann, K8sModel):
        yield ann
    for arg in typing.get_args(ann):
        yield from _models_in(arg)


def _reachable() -> list[type[K8sModel]]:
    """Every model reachable from a registered kind's root model."""
    seen: dict[type[K8sModel], None] = {}
    stack: list[type[K8sModel]] = [info.model for info in REGISTRY.kinds()]
    while stack:
        cls = stack.pop()
        if cls in seen:
            continue
        seen[cls] = None
        for f in cls.model_fields.values():
            stack.extend(_models_in(f.annotation))
    return sorted(seen, key=lambda c: (c.__module__, c.__name__))


MODELS = _reachable()
FIELDS = [(cls, name) for cls in MODELS for name in cls.model_fields]
LEFTOVERS = (":return:", "of this V1", "Gets the", ":rtype:", "\\\"")


def test_every_registered_kind_reaches_its_nested_models() -> None:
    names = {cls.__name__ for cls in MODELS}
    assert {"Pod", "PodSpec", "Container", "Probe", "ExecAction", "ObjectMeta", "DeploymentSpec",
            "JobSpec", "LeaseSpec", "NodeStatus", "Toleration"} <= names
    assert len(FIELDS) > 900


@pytest.mark.parametrize(("cls", "name"), FIELDS, ids=[f"{c.__name__}.{n}" for c, n in FIELDS])
def test_field_description_is_kubernetes_text(cls: type[K8sModel], name: str) -> None:
    desc = cls.model_fields[name].description
    assert desc, f"{cls.__name__}.{name} has no description"
    assert not any(bad in desc for bad in LEFTOVERS), desc
    assert desc == desc.strip()


@pytest.mark.parametrize("cls", MODELS, ids=[c.__name__ for c in MODELS])
def test_type_description_and_required_fields(cls: type[K8sModel]) -> None:
    text = type_description(cls)
    assert text and not text.startswith("``") and f"``{cls.__name__}``" not in text
    json_names = {f.alias or n for n, f in cls.model_fields.items()}
    assert set(required_fields(cls)) <= json_names


@pytest.mark.parametrize(("cls", "name"), FIELDS, ids=[f"{c.__name__}.{n}" for c, n in FIELDS])
def test_enum_values_match_the_description(cls: type[K8sModel], name: str) -> None:
    field = cls.model_fields[name]
    desc = field.description or ""
    values = field_enum(field)
    if "\n\nPossible enum values:\n" not in desc:
        assert values == []
        return
    listed = re.findall(r'^ - `"([^"]*)"`', desc.split("\n\nPossible enum values:\n", 1)[1], re.M)
    assert values == listed and values == sorted(values)


EXACT = [
    (core.Container, "image",
     "Container image name. More info: https://kubernetes.io/docs/concepts/containers/images This field is "
     "optional to allow higher level config management to default or override container images in workload "
     "controllers like Deployments and StatefulSets."),
    (core.PodSpec, "restartPolicy",
     "Restart policy for all containers within the pod. One of Always, OnFailure, Never. In some contexts, "
     "only a subset of those values may be permitted. Default to Always. More info: "
     "https://kubernetes.io/docs/concepts/workloads/pods/pod-lifecycle/#restart-policy\n\n"
     'Possible enum values:\n - `"Always"`\n - `"Never"`\n - `"OnFailure"`'),
    (core.Probe, "failureThreshold",
     "Minimum consecutive failures for the probe to be considered failed after having succeeded. "
     "Defaults to 3. Minimum value is 1."),
    (core.Probe, "exec", "Exec specifies a command to execute in the container."),
    (core.Container, "livenessProbe",
     "Periodic probe of container liveness. Container will be restarted if the probe fails. Cannot be "
     f"updated. More info: {_PROBES}"),
    (core.Pod, "spec", f"Specification of the desired behavior of the pod. More info: {_META}#spec-and-status"),
    (core.Container, "imagePullPolicy",
     "Image pull policy. One of Always, Never, IfNotPresent. Defaults to Always if :latest tag is specified, "
     "or IfNotPresent otherwise. Cannot be updated. More info: "
     "https://kubernetes.io/docs/concepts/containers/images#updating-images\n\nPossible enum values:\n"
     ' - `"Always"` means that kubelet always attempts to pull the latest image. Container will fail If the '
     "pull fails.\n"
     ' - `"IfNotPresent"` means that kubelet pulls if the image isn\'t present on disk. Container will fail if '
     "the image isn't present and the pull fails.\n"
     ' - `"Never"` means that kubelet never pulls an image, but only uses a local image. Container will fail '
     "if the image isn't present"),
    (core.HTTPGetAction, "host",
     'Host name to connect to, defaults to the pod IP. You probably want to set "Host" in httpHeaders instead.'),
    (meta.ObjectMeta, "creationTimestamp",
     "CreationTimestamp is a timestamp representing the server time when this object was created. It is not "
     "guaranteed to be set in happens-before order across separate operations. Clients may not set this "
     "value. It is represented in RFC3339 form and is in UTC.\n\nPopulated by the system. Read-only. Null for "
     f"lists. More info: {_META}#metadata"),
    (core.Pod, "apiVersion",
     "APIVersion defines the versioned schema of this representation of an object. Servers should convert "
     "recognized schemas to the latest internal value, and may reject unrecognized values. More info: "
     f"{_META}#resources"),
    (apps.DeploymentSpec, "selector",
     "Label selector for pods. Existing ReplicaSets whose pods are selected by this will be the ones affected "
     "by this deployment. It must match the pod template's labels."),
    (batch.JobSpec, "backoffLimit",
     "Specifies the number of retries before marking this job failed. Defaults to 6, unless "
     "backoffLimitPerIndex (only Indexed Job) is specified. When backoffLimitPerIndex is specified, "
     "backoffLimit defaults to 2147483647."),
]


@pytest.mark.parametrize(("cls", "name", "text"), EXACT, ids=[f"{c.__name__}.{n}" for c, n, _ in EXACT])
def test_exact_kubernetes_descriptions(cls: type[K8sModel], name: str, text: str) -> None:
    assert cls.model_fields[name].description == text


@pytest.mark.parametrize(("cls", "name", "values"), [
    (core.PodSpec, "restartPolicy", ["Always", "Never", "OnFailure"]),
    (core.PodSpec, "dnsPolicy", ["ClusterFirst", "ClusterFirstWithHostNet", "Default", "None"]),
    (core.Container, "imagePullPolicy", ["Always", "IfNotPresent", "Never"]),
    (core.Container, "restartPolicy", []),
    (core.ContainerPort, "protocol", ["SCTP", "TCP", "UDP"]),
    (core.Toleration, "operator", ["Equal", "Exists"]),
    (core.PodStatus, "phase", ["Failed", "Pending", "Running", "Succeeded", "Unknown"]),
    (apps.DeploymentStrategy, "type", ["Recreate", "RollingUpdate"]),
    (batch.CronJobSpec, "concurrencyPolicy", ["Allow", "Forbid", "Replace"]),
    (core.Container, "name", []),
])
def test_enum_values(cls: type[K8sModel], name: str, values: list[str]) -> None:
    assert field_enum(cls.model_fields[name]) == values


@pytest.mark.parametrize(("cls", "required"), [
    (core.PodSpec, ("containers",)),
    (core.Container, ("name",)),
    (core.ContainerPort, ("containerPort",)),
    (core.ContainerStatus, ("name", "ready", "restartCount", "image", "imageID")),
    (core.Probe, ()),
    (core.Pod, ()),
    (apps.DeploymentSpec, ("selector", "template")),
    (batch.CronJobSpec, ("schedule", "jobTemplate")),
    (meta.OwnerReference, ("apiVersion", "kind", "name", "uid")),
])
def test_required_fields(cls: type[K8sModel], required: tuple[str, ...]) -> None:
    assert required_fields(cls) == required


def test_type_descriptions_keep_kubernetes_paragraphs() -> None:
    assert type_description(core.Pod) == ("Pod is a collection of containers that can run on a host. This "
                                          "resource is created by clients and scheduled onto hosts.")
    endpoints = type_description(core.Endpoints)
    assert endpoints.startswith("Endpoints is a collection of endpoints that implement the actual service. "
                                'Example:\n\n\t Name: "mysvc",\n\t Subsets: [\n')
    assert endpoints.endswith("\n\nDeprecated: This API is deprecated in v1.33+. Use discoveryv1.EndpointSlice.")


@pytest.fixture(scope="module")
def cluster() -> Iterator[Cluster]:
    with Cluster(nodes=1, seed=1) as c:
        yield c


LIVENESS = f"""\
KIND:       Pod
VERSION:    v1

FIELD: livenessProbe <Probe>


DESCRIPTION:
    Periodic probe of container liveness. Container will be restarted if the
    probe fails. Cannot be updated. More info:
    {_PROBES}
    Probe describes a health check to be performed against a container to
    determine whether it is alive or ready to receive traffic.
{_PAD}
FIELDS:
  exec\t<ExecAction>
    Exec specifies a command to execute in the container.

  failureThreshold\t<integer>
    Minimum consecutive failures for the probe to be considered failed after
    having succeeded. Defaults to 3. Minimum value is 1.

  grpc\t<GRPCAction>
    GRPC specifies a GRPC HealthCheckRequest.

  httpGet\t<HTTPGetAction>
    HTTPGet specifies an HTTP GET request to perform.

  initialDelaySeconds\t<integer>
    Number of seconds after the container has started before liveness probes are
    initiated. More info:
    {_PROBES}

  periodSeconds\t<integer>
    How often (in seconds) to perform the probe. Default to 10 seconds. Minimum
    value is 1.

  successThreshold\t<integer>
    Minimum consecutive successes for the probe to be considered successful
    after having failed. Defaults to 1. Must be 1 for liveness and startup.
    Minimum value is 1.

  tcpSocket\t<TCPSocketAction>
    TCPSocket specifies a connection to a TCP port.

  terminationGracePeriodSeconds\t<integer>
    Optional duration in seconds the pod needs to terminate gracefully upon
    probe failure. The grace period is the duration in seconds after the
    processes running in the pod are sent a termination signal and the time when
    the processes are forcibly halted with a kill signal. Set this value longer
    than the expected cleanup time for your process. If this value is nil, the
    pod's terminationGracePeriodSeconds will be used. Otherwise, this value
    overrides the value provided by the pod spec. Value must be non-negative
    integer. The value zero indicates stop immediately via the kill signal (no
    opportunity to shut down). This is a beta field and requires enabling
    ProbeTerminationGracePeriod feature gate. Minimum value is 1.
    spec.terminationGracePeriodSeconds is used if unset.

  timeoutSeconds\t<integer>
    Number of seconds after which the probe times out. Defaults to 1 second.
    Minimum value is 1. More info:
    {_PROBES}


"""

IMAGE_PULL_POLICY = f"""\
KIND:       Pod
VERSION:    v1

FIELD: imagePullPolicy <string>
ENUM:
    Always
    IfNotPresent
    Never

DESCRIPTION:
    Image pull policy. One of Always, Never, IfNotPresent. Defaults to Always if
    :latest tag is specified, or IfNotPresent otherwise. Cannot be updated. More
    info: https://kubernetes.io/docs/concepts/containers/images#updating-images
{_PAD}
    Possible enum values:
     - `"Always"` means that kubelet always attempts to pull the latest image.
    Container will fail If the pull fails.
     - `"IfNotPresent"` means that kubelet pulls if the image isn't present on
    disk. Container will fail if the image isn't present and the pull fails.
     - `"Never"` means that kubelet never pulls an image, but only uses a local
    image. Container will fail if the image isn't present
{_PAD}

"""


@pytest.mark.parametrize(("cmd", "want"), [
    ("explain pod.spec.containers.livenessProbe", LIVENESS),
    ("explain pod.spec.containers.imagePullPolicy", IMAGE_PULL_POLICY),
])
def test_kubectl_explain_prints_kubernetes_text(cluster: Cluster, cmd: str, want: str) -> None:
    result = run(cluster, cmd)
    assert (result.stdout, result.stderr, result.exit_code) == (want, "", 0)


def test_kubectl_explain_field_list_shows_required_and_enum(cluster: Cluster) -> None:
    out = run(cluster, "explain pod.spec.containers").stdout
    assert "  name\t<string> -required-\n" in out
    assert ("  imagePullPolicy\t<string>\n  enum: Always, IfNotPresent, Never\n"
            "    Image pull policy. One of Always, Never, IfNotPresent. Defaults to Always if\n") in out
    spec = run(cluster, "explain pod.spec").stdout
    assert "  containers\t<[]Container> -required-\n" in spec
    assert "  dnsPolicy\t<string>\n  enum: ClusterFirst, ClusterFirstWithHostNet, Default, None\n" in spec
    assert spec.startswith("KIND:       Pod\nVERSION:    v1\n\nFIELD: spec <PodSpec>\n\n\nDESCRIPTION:\n"
                           "    Specification of the desired behavior of the pod. More info:\n"
                           f"    {_META}#spec-and-status\n"
                           "    PodSpec is a description of a pod.\n    \nFIELDS:\n")
