"""Admission plugins and warnings; the events helper."""

from __future__ import annotations

import pytest

from sandbox.apiserver import AdmissionRequest, APIServer
from sandbox.errors import Forbidden

from .conftest import FakeClock, configmap, pod


class LabelDefaulter:
    name = "LabelDefaulter"

    def admit(self, req: AdmissionRequest) -> None:
        if req.operation == "CREATE" and req.kind == "Pod":
            req.object.metadata.labels = {**(req.object.metadata.labels or {}), "admitted": "true"}


class NoLatest:
    name = "NoLatest"

    def __init__(self) -> None:
        self.seen: list[tuple[str, str | None, str, bool]] = []

    def validate(self, req: AdmissionRequest) -> list[str] | None:
        self.seen.append((req.operation, req.subresource, req.name, req.old_object is not None))
        if req.kind != "Pod" or req.object is None:
            return None
        images = [c.image for c in req.object.spec.containers]
        if any(i.endswith(":bad") for i in images):
            raise Forbidden.for_resource("pods", req.name, "image tag :bad is not allowed")
        return [f'would violate PodSecurity "restricted:latest": image {i}' for i in images if i.endswith(":latest")]


def test_mutating_and_validating_plugins(server: APIServer) -> None:
    nl = NoLatest()
    server.admission.add(LabelDefaulter())
    server.admission.add(nl)
    p = server.create(pod("web"))
    assert p.metadata.labels == {"admitted": "true"}
    server.patch("pods", "web", {"metadata": {"labels": {"x": "y"}}})
    server.patch("pods", "web", {"status": {"phase": "Running"}}, subresource="status")
    server.delete("pods", "web")
    assert nl.seen == [("CREATE", None, "web", False), ("UPDATE", None, "web", True),
                       ("UPDATE", "status", "web", True), ("DELETE", None, "web", True)]


def test_validating_plugin_refusal_stores_nothing(server: APIServer) -> None:
    server.admission.add(NoLatest())
    bad = pod("web")
    bad["spec"]["containers"][0]["image"] = "nginx:bad"
    with pytest.raises(Forbidden) as e:
        server.create(bad)
    assert str(e.value) == 'pods "web" is forbidden: image tag :bad is not allowed'
    assert len(server.list("pods")) == 0


def test_warnings_reach_the_caller(server: APIServer) -> None:
    server.admission.add(NoLatest())
    d = pod("web")
    d["spec"]["containers"][0]["image"] = "nginx:latest"
    warnings: list[str] = []
    server.create(d, warnings=warnings)
    assert warnings == ['would violate PodSecurity "restricted:latest": image nginx:latest']
    assert server.last_warnings == warnings
    server.create(pod("quiet"))
    assert server.last_warnings == []


def test_event_recording_and_correlation(server: APIServer, clock: FakeClock) -> None:
    p = server.create(pod("web"))
    e1 = server.record_event(p, "Warning", "BackOff", "Back-off restarting failed container", "kubelet", "node-1")
    assert e1.metadata.name.startswith("web.") and len(e1.metadata.name) == len("web.") + 16
    assert e1.metadata.namespace == "default"
    assert e1.count == 1 and e1.type == "Warning"
    assert e1.involvedObject.kind == "Pod" and e1.involvedObject.uid == p.metadata.uid
    assert e1.source.component == "kubelet" and e1.source.host == "node-1"
    assert e1.reportingComponent == "kubelet" and e1.reportingInstance == "node-1"
    clock.advance(20)
    e2 = server.record_event(p, "Warning", "BackOff", "Back-off restarting failed container", "kubelet", "node-1")
    assert e2.metadata.name == e1.metadata.name
    assert e2.count == 2
    assert e2.to_dict()["lastTimestamp"] == "2024-01-01T00:00:20Z"
    assert e2.to_dict()["firstTimestamp"] == "2024-01-01T00:00:00Z"
    e3 = server.record_event(p, "Normal", "Pulled", 'Container image "nginx:1.27" already present on machine', "kubelet", "node-1")
    assert e3.metadata.name != e1.metadata.name
    assert len(server.list("events", namespace="default")) == 2


def test_events_for_cluster_scoped_objects_go_to_default(server: APIServer) -> None:
    n = server.create({"apiVersion": "v1", "kind": "Node", "metadata": {"name": "node-1"}})
    ev = server.record_event(n, "Normal", "NodeReady", "Node node-1 status is now: NodeReady", "kubelet", "node-1")
    assert ev.metadata.namespace == "default"
    assert ev.involvedObject.name == "node-1" and ev.involvedObject.namespace is None


def test_record_event_in_a_terminating_namespace_is_dropped(server: APIServer) -> None:
    server.create({"apiVersion": "v1", "kind": "Namespace", "metadata": {"name": "foo"}})
    cm = server.create(configmap("cm", namespace="foo", finalizers=["x.io/hold"]))
    server.delete("namespaces", "foo")
    assert server.record_event(cm, "Normal", "Test", "msg", "test") is None


def test_container_events_carry_the_field_path(server: APIServer) -> None:
    p = server.create(pod("web"))
    a = server.record_event(p, "Normal", "Started", "Started container app", "kubelet", "node-1",
                            field_path="spec.containers{app}")
    b = server.record_event(p, "Normal", "Started", "Started container app", "kubelet", "node-1")
    assert a.involvedObject.fieldPath == "spec.containers{app}"
    assert b.involvedObject.fieldPath is None
    assert a.metadata.name != b.metadata.name
