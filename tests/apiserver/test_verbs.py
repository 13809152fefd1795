"""create / get / list / update: metadata, namespaces, errors and optimistic concurrency."""

from __future__ import annotations

import random

import pytest

from sandbox.api import ConfigMap, Pod
from sandbox.apiserver import APIServer
from sandbox.errors import AlreadyExists, BadRequest, Conflict, Forbidden, Invalid, NotFound

from .conftest import START, FakeClock, configmap, pod


def test_initial_namespaces(server: APIServer) -> None:
    names = [n.metadata.name for n in server.list("namespaces")]
    assert names == ["default", "kube-node-lease", "kube-public", "kube-system"]
    ns = server.get("ns", "default")
    assert ns.status.phase == "Active"
    assert ns.spec.finalizers == ["kubernetes"]
    assert ns.metadata.labels == {"kubernetes.io/metadata.name": "default"}


def test_create_sets_metadata_like_kube_apiserver(server: APIServer, clock: FakeClock) -> None:
    clock.advance(90)
    p = server.create(pod("web"))
    m = p.metadata
    assert m.namespace == "default"
    assert m.generation == 1
    assert m.creationTimestamp.isoformat() == "2024-01-01T00:01:30+00:00"
    assert p.to_dict()["metadata"]["creationTimestamp"] == "2024-01-01T00:01:30Z"
    assert len(m.uid) == 36 and m.uid[14] == "4"
    assert int(m.resourceVersion) > 0
    assert p.status.phase == "Pending"
    assert p.status.qosClass == "BestEffort"
    # defaulting and the DefaultTolerationSeconds admission plugin ran
    assert p.spec.restartPolicy == "Always"
    assert [(t.key, t.tolerationSeconds) for t in p.spec.tolerations] == [
        ("node.kubernetes.io/not-ready", 300), ("node.kubernetes.io/unreachable", 300)]


def test_uids_and_names_are_reproducible_from_the_seed() -> None:
    def run() -> list[str]:
        s = APIServer(FakeClock(), random.Random(7))
        return [s.create(_gen()).metadata.name for _ in range(3)] + [
            s.get("pods", s.list("pods")[0].metadata.name).metadata.uid]

    assert run() == run()


def _gen(name: str | None = None, generate: str = "web-") -> dict:
    d = pod(name)
    d["metadata"]["generateName"] = generate
    return d


def test_generate_name(server: APIServer) -> None:
    p = server.create(_gen())
    assert p.metadata.name.startswith("web-")
    suffix = p.metadata.name[len("web-"):]
    assert len(suffix) == 5
    assert set(suffix) <= set("bcdfghjklmnpqrstvwxz2456789")
    assert p.metadata.generateName == "web-"


def test_generate_name_collision_is_retried(clock: FakeClock) -> None:
    s1 = APIServer(clock, random.Random(3))
    first = s1.create(_gen()).metadata.name
    s2 = APIServer(clock, random.Random(3))
    s2.create(pod(first))  # takes the name the rng will produce first
    again = s2.create(_gen()).metadata.name
    assert again != first and again.startswith("web-")


def test_resource_versions_are_cluster_wide_and_increasing(server: APIServer) -> None:
    a = server.create(pod("a"))
    b = server.create(configmap("c"))
    c = server.create(pod("b"))
    rvs = [int(x.metadata.resourceVersion) for x in (a, b, c)]
    assert rvs == sorted(rvs) and len(set(rvs)) == 3
    lst = server.list("pods")
    assert lst.resourceVersion == c.metadata.resourceVersion
    assert [p.metadata.name for p in lst] == ["a", "b"]


def test_models_returned_are_fresh_copies(server: APIServer) -> None:
    p = server.create(pod("web", labels={"app": "web"}))
    p.metadata.labels["app"] = "changed"
    p.spec.containers[0].image = "evil"
    got = server.get("pods", "web")
    assert got.metadata.labels == {"app": "web"}
    assert got.spec.containers[0].image == "nginx:1.27"
    got.metadata.labels["x"] = "y"
    assert server.get("pods", "web").metadata.labels == {"app": "web"}


def test_create_accepts_models(server: APIServer) -> None:
    p = server.create(Pod.from_dict(pod("from-model")))
    assert isinstance(p, Pod) and p.metadata.name == "from-model"
    d = configmap("cm")
    del d["metadata"]["namespace"]
    cm = server.create(ConfigMap.from_dict(d), namespace="kube-system")
    assert cm.metadata.namespace == "kube-system"


@pytest.mark.parametrize("resource", ["pods", "pod", "po", "Pod", "pods.v1"])
def test_resource_names(server: APIServer, resource: str) -> None:
    server.create(pod("web"))
    assert server.get(resource, "web").metadata.name == "web"


def test_cluster_scoped_kinds_ignore_namespace(server: APIServer) -> None:
    n = server.create({"apiVersion": "v1", "kind": "Node", "metadata": {"name": "node-1"}}, namespace="foo")
    assert n.metadata.namespace is None
    assert server.get("nodes", "node-1", namespace="whatever").metadata.name == "node-1"


def test_already_exists(server: APIServer) -> None:
    server.create(pod("web"))
    with pytest.raises(AlreadyExists) as e:
        server.create(pod("web"))
    assert str(e.value) == 'pods "web" already exists'
    assert e.value.code == 409
    server.create(pod("web", namespace="kube-system"))  # another namespace is fine


def test_not_found(server: APIServer) -> None:
    with pytest.raises(NotFound) as e:
        server.get("pods", "nope")
    assert str(e.value) == 'pods "nope" not found'
    assert e.value.kubectl() == 'Error from server (NotFound): pods "nope" not found'
    with pytest.raises(NotFound) as e:
        server.get("deployments", "nope")
    assert str(e.value) == 'deployments.apps "nope" not found'


def test_empty_name(server: APIServer) -> None:
    with pytest.raises(BadRequest) as e:
        server.get("pods", "")
    assert str(e.value) == "resource name may not be empty"
    with pytest.raises(Invalid) as e:
        server.create(pod(None))
    assert str(e.value) == 'Pod "" is invalid: metadata.name: Required value: name or generateName is required'


def test_missing_namespace(server: APIServer) -> None:
    with pytest.raises(NotFound) as e:
        server.create(pod("web", namespace="foo"))
    assert str(e.value) == 'namespaces "foo" not found'


def test_namespace_mismatch(server: APIServer) -> None:
    with pytest.raises(BadRequest) as e:
        server.create(pod("web", namespace="kube-system"), namespace="default")
    assert str(e.value) == "the namespace of the provided object does not match the namespace sent on the request"


def test_invalid_pod_is_refused_and_not_stored(server: APIServer) -> None:
    bad = pod("web")
    bad["spec"]["containers"][0]["image"] = ""
    with pytest.raises(Invalid) as e:
        server.create(bad)
    assert str(e.value) == 'Pod "web" is invalid: spec.containers[0].image: Required value'
    assert len(server.list("pods")) == 0


def test_unknown_field_is_a_strict_decoding_error(server: APIServer) -> None:
    bad = pod("web")
    bad["spec"]["bogus"] = 1
    with pytest.raises(BadRequest) as e:
        server.create(bad)
    # the wording is the models' (sandbox.api.base); the server passes it through unchanged
    assert "strict decoding error: unknown field" in str(e.value) and "bogus" in str(e.value)
    assert len(server.list("pods")) == 0


def test_resource_version_on_create_is_refused(server: APIServer) -> None:
    d = pod("web")
    d["metadata"]["resourceVersion"] = "3"
    with pytest.raises(BadRequest) as e:
        server.create(d)
    assert str(e.value) == "resourceVersion should not be set on objects to be created"


def test_dry_run_create_stores_nothing(server: APIServer) -> None:
    rv = server.resource_version
    p = server.create(pod("web"), dry_run=True)
    assert p.metadata.uid and p.metadata.resourceVersion is None
    assert server.resource_version == rv
    with pytest.raises(NotFound):
        server.get("pods", "web")


# -- update -------------------------------------------------------------------------------------


def test_update_with_stale_resource_version_conflicts(server: APIServer) -> None:
    server.create(configmap("cm", data={"a": "1"}))
    first = server.get("cm", "cm")
    second = server.get("cm", "cm")
    first.data = {"a": "2"}
    updated = server.update(first)
    assert int(updated.metadata.resourceVersion) > int(first.metadata.resourceVersion)
    second.data = {"a": "3"}
    before = server.get_dict("cm", "cm")
    with pytest.raises(Conflict) as e:
        server.update(second)
    assert str(e.value) == ('Operation cannot be fulfilled on configmaps "cm": the object has been modified; '
                            "please apply your changes to the latest version and try again")
    assert e.value.code == 409
    assert server.get_dict("cm", "cm") == before


def test_update_without_resource_version_is_unconditional(server: APIServer) -> None:
    server.create(configmap("cm", data={"a": "1"}))
    server.patch("cm", "cm", {"data": {"a": "2"}})
    d = configmap("cm", data={"a": "3"})
    assert server.update(d).data == {"a": "3"}


def test_update_of_missing_object(server: APIServer) -> None:
    with pytest.raises(NotFound) as e:
        server.update(configmap("nope"))
    assert str(e.value) == 'configmaps "nope" not found'


def test_noop_update_writes_nothing(server: APIServer) -> None:
    cm = server.create(configmap("cm"))
    again = server.update(cm)
    assert again.metadata.resourceVersion == cm.metadata.resourceVersion


def test_update_keeps_system_metadata(server: APIServer, clock: FakeClock) -> None:
    cm = server.create(configmap("cm"))
    clock.advance(100)
    d = configmap("cm", data={"x": "y"})
    out = server.update(d)
    assert out.metadata.uid == cm.metadata.uid
    assert out.metadata.creationTimestamp == cm.metadata.creationTimestamp


def test_uid_is_immutable(server: APIServer) -> None:
    server.create(configmap("cm"))
    d = configmap("cm")
    d["metadata"]["uid"] = "0b6e3c5e-0000-4000-8000-000000000000"
    with pytest.raises(Invalid) as e:
        server.update(d)
    assert str(e.value) == ('ConfigMap "cm" is invalid: metadata.uid: Invalid value: '
                            '"0b6e3c5e-0000-4000-8000-000000000000": field is immutable')


def test_main_update_keeps_status_and_status_update_keeps_spec(server: APIServer) -> None:
    server.create(pod("web"))
    p = server.get("pods", "web")
    p.status.phase = "Running"
    p.spec.containers[0].image = "nginx:1.28"
    out = server.update(p)
    assert out.status.phase == "Pending"  # status ignored on the main resource
    assert out.spec.containers[0].image == "nginx:1.28"
    assert out.metadata.generation == 2  # spec changed
    p = server.get("pods", "web")
    p.status.phase = "Running"
    p.spec.containers[0].image = "nginx:1.29"
    out = server.update(p, subresource="status")
    assert out.status.phase == "Running"
    assert out.spec.containers[0].image == "nginx:1.28"  # spec ignored on status
    assert out.metadata.generation == 2  # status changes do not bump generation
    assert out.status.qosClass == "BestEffort"


def test_labels_change_without_generation_bump(server: APIServer) -> None:
    server.create(pod("web"))
    out = server.patch("pods", "web", {"metadata": {"labels": {"app": "web"}}})
    assert out.metadata.labels == {"app": "web"}
    assert out.metadata.generation == 1


def test_configmaps_do_not_track_generation(server: APIServer) -> None:
    cm = server.create(configmap("cm"))
    assert cm.metadata.generation is None


def test_pod_update_rules_come_from_validation(server: APIServer) -> None:
    server.create(pod("web"))
    p = server.get("pods", "web")
    p.spec.restartPolicy = "Never"
    before = server.get_dict("pods", "web")
    with pytest.raises(Invalid) as e:
        server.update(p)
    assert str(e.value).startswith('Pod "web" is invalid: spec: Forbidden: pod updates may not change fields other than')
    assert server.get_dict("pods", "web") == before


def test_terminating_namespace_refuses_new_content(server: APIServer, clock: FakeClock) -> None:
    server.create({"apiVersion": "v1", "kind": "Namespace", "metadata": {"name": "foo"}})
    server.create(configmap("keep", namespace="foo", finalizers=["example.com/hold"]))
    server.delete("namespaces", "foo")
    assert server.get("ns", "foo").status.phase == "Terminating"
    with pytest.raises(Forbidden) as e:
        server.create(pod("web", namespace="foo"))
    assert str(e.value) == 'pods "web" is forbidden: unable to create new content in namespace foo because it is being terminated'
    assert e.value.kubectl() == ('Error from server (Forbidden): pods "web" is forbidden: unable to create new content '
                                 "in namespace foo because it is being terminated")


def test_bind(server: APIServer) -> None:
    server.create(pod("web"))
    out = server.bind("web", "default", "node-1")
    assert out.spec.nodeName == "node-1"
    assert [(c.type, c.status) for c in out.status.conditions] == [("PodScheduled", "True")]
    with pytest.raises(Conflict) as e:
        server.bind("web", "default", "node-2")
    assert str(e.value) == 'Operation cannot be fulfilled on pods/binding "web": pod web is already assigned to node "node-1"'
    with pytest.raises(NotFound):
        server.bind("nope", "default", "node-1")


def test_ephemeral_containers_subresource(server: APIServer) -> None:
    server.create(pod("web"))
    p = server.get("pods", "web")
    p.metadata.labels = {"ignored": "yes"}
    d = p.to_dict()
    d["spec"]["ephemeralContainers"] = [{"name": "debugger", "image": "busybox:1.36", "targetContainerName": "app",
                                         "terminationMessagePolicy": "File", "imagePullPolicy": "IfNotPresent"}]
    out = server.update(d, subresource="ephemeralcontainers")
    assert [e.name for e in out.spec.ephemeralContainers] == ["debugger"]
    assert out.metadata.labels is None
    assert out.metadata.generation == 2


def test_created_at_clock_time() -> None:
    s = APIServer(FakeClock(START + 3600.7), random.Random(0))
    assert s.create(configmap("cm")).to_dict()["metadata"]["creationTimestamp"] == "2024-01-01T01:00:00Z"


def test_binding_object_binds(server: APIServer) -> None:
    server.create(pod("web"))
    server.create({"apiVersion": "v1", "kind": "Binding", "metadata": {"name": "web"},
                   "target": {"apiVersion": "v1", "kind": "Node", "name": "node-3"}})
    assert server.get("pods", "web").spec.nodeName == "node-3"


def test_status_subresource_only_where_served(server: APIServer) -> None:
    server.create(configmap("cm"))
    with pytest.raises(NotFound) as e:
        server.update(configmap("cm"), subresource="status")
    assert str(e.value) == "the server could not find the requested resource"


DEPLOYMENT = {
    "apiVersion": "apps/v1",
    "kind": "Deployment",
    "metadata": {"name": "web"},
    "spec": {
        "replicas": 2,
        "selector": {"matchLabels": {"app": "web"}},
        "template": {"metadata": {"labels": {"app": "web"}},
                     "spec": {"containers": [{"name": "app", "image": "nginx:1.27"}]}},
    },
}


def test_deployment_generation(server: APIServer) -> None:
    d = server.create(DEPLOYMENT)
    assert d.metadata.generation == 1
    assert d.status is None or d.status.replicas is None
    d = server.patch("deployments.apps", "web", {"spec": {"replicas": 3}})
    assert d.metadata.generation == 2
    d = server.patch("deploy", "web", {"status": {"observedGeneration": 2, "replicas": 3}}, subresource="status")
    assert d.metadata.generation == 2 and d.status.observedGeneration == 2
    d = server.patch("deploy", "web", {"metadata": {"annotations": {"a": "b"}}})
    assert d.metadata.generation == 2
    with pytest.raises(NotFound) as e:
        server.get("deployments", "nope")
    assert str(e.value) == 'deployments.apps "nope" not found'


def test_job_selector_is_generated(server: APIServer) -> None:
    j = server.create({"apiVersion": "batch/v1", "kind": "Job", "metadata": {"name": "pi"},
                       "spec": {"template": {"spec": {"restartPolicy": "Never",
                                                      "containers": [{"name": "pi", "image": "perl:5.34"}]}}}})
    uid = j.metadata.uid
    assert j.metadata.generation == 1
    assert j.spec.selector.matchLabels == {"batch.kubernetes.io/controller-uid": uid}
    assert j.spec.template.metadata.labels == {
        "batch.kubernetes.io/controller-uid": uid, "batch.kubernetes.io/job-name": "pi",
        "controller-uid": uid, "job-name": "pi"}
