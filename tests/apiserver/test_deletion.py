"""Deletion: graceful pod deletion, finalizers, preconditions, propagation policy, namespaces."""

from __future__ import annotations

import pytest

from sandbox.apiserver import APIServer
from sandbox.errors import Conflict, Forbidden, Invalid, NotFound

from .conftest import FakeClock, configmap, pod


def _bound(server: APIServer, name: str = "web", **spec) -> None:
    server.create(pod(name, **spec))
    server.bind(name, "default", "node-1")


def test_delete_missing(server: APIServer) -> None:
    with pytest.raises(NotFound) as e:
        server.delete("pods", "nope")
    assert str(e.value) == 'pods "nope" not found'


def test_unscheduled_pod_is_removed_at_once(server: APIServer) -> None:
    server.create(pod("web"))
    out = server.delete("pods", "web")
    assert out.metadata.deletionGracePeriodSeconds == 0
    with pytest.raises(NotFound):
        server.get("pods", "web")


def test_bound_pod_is_deleted_gracefully(server: APIServer, clock: FakeClock) -> None:
    _bound(server)
    gen = server.get("pods", "web").metadata.generation
    out = server.delete("pods", "web")
    assert out.to_dict()["metadata"]["deletionTimestamp"] == "2024-01-01T00:00:30Z"
    assert out.metadata.deletionGracePeriodSeconds == 30
    assert out.metadata.generation == gen + 1
    assert server.get("pods", "web").metadata.deletionTimestamp is not None  # still there, Terminating
    # a second delete may shorten the grace period ...
    clock.advance(5)
    out = server.delete("pods", "web", grace_period_seconds=10)
    assert out.to_dict()["metadata"]["deletionTimestamp"] == "2024-01-01T00:00:10Z"
    assert out.metadata.deletionGracePeriodSeconds == 10
    # ... never lengthen it
    rv = server.resource_version
    out = server.delete("pods", "web", grace_period_seconds=60)
    assert out.metadata.deletionGracePeriodSeconds == 10
    assert server.resource_version == rv
    # the kubelet's final delete (grace 0) removes it
    server.delete("pods", "web", grace_period_seconds=0)
    with pytest.raises(NotFound):
        server.get("pods", "web")


def test_grace_from_pod_spec(server: APIServer) -> None:
    _bound(server, terminationGracePeriodSeconds=5)
    assert server.delete("pods", "web").metadata.deletionGracePeriodSeconds == 5


def test_grace_zero_removes_at_once(server: APIServer) -> None:
    _bound(server)
    server.delete("pods", "web", grace_period_seconds=0)
    with pytest.raises(NotFound):
        server.get("pods", "web")


def test_negative_grace_means_one_second(server: APIServer) -> None:
    _bound(server)
    assert server.delete("pods", "web", grace_period_seconds=-5).metadata.deletionGracePeriodSeconds == 1


def test_finished_pod_is_removed_at_once(server: APIServer) -> None:
    _bound(server)
    server.patch("pods", "web", {"status": {"phase": "Succeeded"}}, subresource="status")
    server.delete("pods", "web")
    with pytest.raises(NotFound):
        server.get("pods", "web")


def test_finalizers_keep_the_object_until_removed(server: APIServer, clock: FakeClock) -> None:
    server.create(configmap("cm", finalizers=["example.com/hold"]))
    clock.advance(7)
    out = server.delete("configmaps", "cm")
    assert out.to_dict()["metadata"]["deletionTimestamp"] == "2024-01-01T00:00:07Z"
    assert out.metadata.deletionGracePeriodSeconds == 0
    assert server.get("cm", "cm").metadata.finalizers == ["example.com/hold"]
    # no new finalizer may be added while deleting
    with pytest.raises(Invalid) as e:
        server.patch("cm", "cm", {"metadata": {"finalizers": ["example.com/hold", "x.io/y"]}}, patch_type="merge")
    assert str(e.value) == ('ConfigMap "cm" is invalid: metadata.finalizers: Forbidden: no new finalizers can be added '
                            'if the object is being deleted, found new finalizers []string{"x.io/y"}')
    # removing the last finalizer removes the object
    server.patch("cm", "cm", {"metadata": {"finalizers": None}}, patch_type="merge")
    with pytest.raises(NotFound):
        server.get("cm", "cm")


def test_graceful_pod_with_finalizer_waits_for_both(server: APIServer) -> None:
    server.create(pod("web", ))
    server.patch("pods", "web", {"metadata": {"finalizers": ["example.com/hold"]}})
    server.bind("web", "default", "node-1")
    server.delete("pods", "web")
    server.delete("pods", "web", grace_period_seconds=0)  # containers stopped
    p = server.get("pods", "web")
    assert p.metadata.deletionGracePeriodSeconds == 0
    server.patch("pods", "web", {"metadata": {"$deleteFromPrimitiveList/finalizers": ["example.com/hold"]}})
    with pytest.raises(NotFound):
        server.get("pods", "web")


@pytest.mark.parametrize(
    "policy, finalizers",
    [("Foreground", ["foregroundDeletion"]), ("Orphan", ["orphan"])],
)
def test_propagation_policy_adds_gc_finalizer(server: APIServer, policy: str, finalizers: list[str]) -> None:
    server.create(configmap("cm"))
    out = server.delete("configmaps", "cm", propagation_policy=policy)
    assert out.metadata.finalizers == finalizers
    assert out.metadata.deletionTimestamp is not None
    assert server.get("cm", "cm").metadata.finalizers == finalizers


def test_background_policy_deletes_at_once(server: APIServer) -> None:
    server.create(configmap("cm"))
    server.delete("configmaps", "cm", propagation_policy="Background")
    with pytest.raises(NotFound):
        server.get("cm", "cm")


def test_bad_propagation_policy(server: APIServer) -> None:
    server.create(configmap("cm"))
    with pytest.raises(Invalid) as e:
        server.delete("configmaps", "cm", propagation_policy="Sometimes")
    assert 'propagationPolicy: Unsupported value: "Sometimes"' in str(e.value)


def test_preconditions(server: APIServer) -> None:
    cm = server.create(configmap("cm"))
    with pytest.raises(Conflict) as e:
        server.delete("configmaps", "cm", preconditions={"uid": "other"})
    assert str(e.value) == (f'Operation cannot be fulfilled on ConfigMap "cm": the UID in the precondition (other) does '
                            f"not match the UID in record ({cm.metadata.uid}). The object might have been deleted and then recreated")
    with pytest.raises(Conflict) as e:
        server.delete("configmaps", "cm", preconditions={"resourceVersion": "1"})
    assert str(e.value) == (f'Operation cannot be fulfilled on ConfigMap "cm": the ResourceVersion in the precondition (1) '
                            f"does not match the ResourceVersion in record ({cm.metadata.resourceVersion}). The object might have been modified")
    server.get("cm", "cm")
    server.delete("configmaps", "cm", preconditions={"uid": cm.metadata.uid, "resourceVersion": cm.metadata.resourceVersion})
    with pytest.raises(NotFound):
        server.get("cm", "cm")


def test_namespace_deletion(server: APIServer, clock: FakeClock) -> None:
    server.create({"apiVersion": "v1", "kind": "Namespace", "metadata": {"name": "foo"}})
    server.create(configmap("cm", namespace="foo"))
    server.create(pod("unbound", namespace="foo"))
    server.create(pod("bound", namespace="foo"))
    server.bind("bound", "foo", "node-1")
    out = server.delete("namespaces", "foo")
    assert out.status.phase == "Terminating"
    assert out.metadata.deletionTimestamp is not None
    clock.run()  # the namespace controller
    assert [p.metadata.name for p in server.list("pods", namespace="foo")] == ["bound"]  # terminating
    assert len(server.list("configmaps", namespace="foo")) == 0
    assert server.get("ns", "foo").status.phase == "Terminating"
    server.delete("pods", "bound", namespace="foo", grace_period_seconds=0)  # the kubelet
    with pytest.raises(NotFound):
        server.get("ns", "foo")


def test_empty_namespace_goes_after_the_controller_runs(server: APIServer, clock: FakeClock) -> None:
    server.create({"apiVersion": "v1", "kind": "Namespace", "metadata": {"name": "foo"}})
    server.delete("namespaces", "foo")
    assert server.get("ns", "foo").status.phase == "Terminating"
    clock.run()
    with pytest.raises(NotFound):
        server.get("ns", "foo")


@pytest.mark.parametrize("name", ["default", "kube-system", "kube-public"])
def test_immortal_namespaces(server: APIServer, name: str) -> None:
    with pytest.raises(Forbidden) as e:
        server.delete("namespaces", name)
    assert str(e.value) == f'namespaces "{name}" is forbidden: this namespace may not be deleted'
