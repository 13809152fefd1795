"""The kind registry resolves every name kubectl accepts."""

from __future__ import annotations

import pytest

from sandbox.api import Binding, Deployment, Pod
from sandbox.api.registry import (
    REGISTRY,
    KindInfo,
    NoKindMatchError,
    Registry,
    UnknownResourceError,
)
from sandbox.errors import SandboxError

RESOLVE = [
    ("pods", "Pod"),
    ("pod", "Pod"),
    ("po", "Pod"),
    ("Pod", "Pod"),
    ("PODS", "Pod"),
    ("pods.v1", "Pod"),
    ("pods.", "Pod"),
    ("nodes", "Node"),
    ("no", "Node"),
    ("ns", "Namespace"),
    ("namespace", "Namespace"),
    ("ev", "Event"),
    ("events", "Event"),
    ("cm", "ConfigMap"),
    ("configmap", "ConfigMap"),
    ("secrets", "Secret"),
    ("leases", "Lease"),
    ("lease.coordination.k8s.io", "Lease"),
    ("deployments.apps", "Deployment"),
    ("deployments.v1.apps", "Deployment"),
    ("deploy", "Deployment"),
    ("deployment", "Deployment"),
    ("rs", "ReplicaSet"),
    ("replicasets.apps", "ReplicaSet"),
    ("ds", "DaemonSet"),
    ("sts", "StatefulSet"),
    ("statefulset", "StatefulSet"),
    ("jobs", "Job"),
    ("job.batch", "Job"),
    ("cj", "CronJob"),
    ("cronjobs.v1.batch", "CronJob"),
    ("podtemplates", "PodTemplate"),
    ("bindings", "Binding"),
]


@pytest.mark.parametrize(("name", "kind"), RESOLVE)
def test_resolve(name: str, kind: str) -> None:
    assert REGISTRY.resolve(name).kind == kind


@pytest.mark.parametrize("name", ["podz", "deployments.batch", "pods.v2", "deploy.apps.v1", "", "sts.v1"])
def test_resolve_unknown(name: str) -> None:
    with pytest.raises(UnknownResourceError) as e:
        REGISTRY.resolve(name)
    assert str(e.value) == f'the server doesn\'t have a resource type "{name}"'
    assert isinstance(e.value, SandboxError)


DISCOVERY = [
    # kind, apiVersion, plural, namespaced, short names
    ("Pod", "v1", "pods", True, ("po",)),
    ("Node", "v1", "nodes", False, ("no",)),
    ("Namespace", "v1", "namespaces", False, ("ns",)),
    ("Event", "v1", "events", True, ("ev",)),
    ("ConfigMap", "v1", "configmaps", True, ("cm",)),
    ("Secret", "v1", "secrets", True, ()),
    ("Lease", "coordination.k8s.io/v1", "leases", True, ()),
    ("ReplicaSet", "apps/v1", "replicasets", True, ("rs",)),
    ("Deployment", "apps/v1", "deployments", True, ("deploy",)),
    ("StatefulSet", "apps/v1", "statefulsets", True, ("sts",)),
    ("DaemonSet", "apps/v1", "daemonsets", True, ("ds",)),
    ("Job", "batch/v1", "jobs", True, ()),
    ("CronJob", "batch/v1", "cronjobs", True, ("cj",)),
]


@pytest.mark.parametrize(("kind", "api_version", "plural", "namespaced", "short"), DISCOVERY)
def test_discovery_facts(kind: str, api_version: str, plural: str, namespaced: bool, short: tuple[str, ...]) -> None:
    info = REGISTRY.for_kind(api_version, kind)
    assert (info.plural, info.namespaced, info.short_names, info.api_version) == (plural, namespaced, short, api_version)
    assert kind == info.model.KIND and api_version == info.model.API_VERSION
    assert info.model().to_dict() == {"apiVersion": api_version, "kind": kind}


def test_subresources() -> None:
    pods = REGISTRY.resolve("pods")
    for sub in ("status", "ephemeralcontainers", "binding", "log", "exec", "eviction", "resize"):
        assert pods.has_subresource(sub)
    assert REGISTRY.resolve("deploy").subresources == ("status", "scale")
    assert not REGISTRY.resolve("cm").has_subresource("status")


def test_for_kind_errors() -> None:
    with pytest.raises(NoKindMatchError) as e:
        REGISTRY.for_kind("v1", "Podd")
    assert str(e.value) == 'no matches for kind "Podd" in version "v1"'
    with pytest.raises(NoKindMatchError, match='no matches for kind "Deployment" in version "extensions/v1beta1"'):
        REGISTRY.for_kind("extensions/v1beta1", "Deployment")


def test_lists_and_names() -> None:
    info = REGISTRY.for_model(Deployment)
    assert info.qualified_resource == "deployments.apps"
    assert REGISTRY.for_model(Pod()).qualified_resource == "pods"
    assert info.make_list([], "42") == {"apiVersion": "apps/v1", "kind": "DeploymentList", "metadata": {"resourceVersion": "42"}, "items": []}
    assert [i.kind for i in REGISTRY.in_category("all")] == ["Pod", "ReplicaSet", "Deployment", "StatefulSet", "DaemonSet", "Job", "CronJob", "Service"]


def test_register_a_later_kind() -> None:
    r = Registry()
    r.register(KindInfo("", "v1", "Binding", "bindings", "binding", True, Binding))
    assert r.resolve("binding").kind == "Binding"
    r.register(KindInfo("", "v1", "Binding", "bindings", "binding", True, Binding, ("bd",)))
    assert len(r) == 1 and r.resolve("bd").kind == "Binding"
