"""Patches: JSON merge patch, strategic merge patch (merge keys, directives), JSON patch."""

from __future__ import annotations

import pytest

from sandbox.apiserver import APIServer, json_merge_patch, json_patch, strategic_merge_patch
from sandbox.apiserver.patch import PatchError, merge_key_for
from sandbox.errors import BadRequest, Conflict, Invalid

from .conftest import configmap, pod

# -- pure functions ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "target, patch, result",
    [  # RFC 7386 appendix A
        ({"a": "b"}, {"a": "c"}, {"a": "c"}),
        ({"a": "b"}, {"b": "c"}, {"a": "b", "b": "c"}),
        ({"a": "b"}, {"a": None}, {}),
        ({"a": "b", "b": "c"}, {"a": None}, {"b": "c"}),
        ({"a": ["b"]}, {"a": "c"}, {"a": "c"}),
        ({"a": "c"}, {"a": ["b"]}, {"a": ["b"]}),
        ({"a": {"b": "c"}}, {"a": {"b": "d", "c": None}}, {"a": {"b": "d"}}),
        ({"a": [{"b": "c"}]}, {"a": [1]}, {"a": [1]}),
        ({"e": None}, {"a": 1}, {"e": None, "a": 1}),
        ({}, {"a": {"bb": {"ccc": None}}}, {"a": {"bb": {}}}),
    ],
)
def test_json_merge_patch_rfc7386(target: dict, patch: dict, result: dict) -> None:
    before = repr(target)
    assert json_merge_patch(target, patch) == result
    assert repr(target) == before  # input untouched


SPEC = {
    "spec": {
        "containers": [
            {"name": "app", "image": "nginx:1.27", "env": [{"name": "A", "value": "1"}, {"name": "B", "value": "2"}],
             "ports": [{"containerPort": 80, "protocol": "TCP"}]},
            {"name": "sidecar", "image": "busybox"},
        ],
        "tolerations": [{"key": "a", "operator": "Exists"}],
        "volumes": [{"name": "data", "emptyDir": {}}],
    }
}


def test_strategic_merges_containers_by_name() -> None:
    out = strategic_merge_patch(SPEC, {"spec": {"containers": [{"name": "app", "image": "nginx:1.28"}]}})
    assert [(c["name"], c["image"]) for c in out["spec"]["containers"]] == [("app", "nginx:1.28"), ("sidecar", "busybox")]
    assert out["spec"]["containers"][0]["env"] == SPEC["spec"]["containers"][0]["env"]


def test_strategic_merges_nested_env_and_ports() -> None:
    out = strategic_merge_patch(SPEC, {"spec": {"containers": [
        {"name": "app", "env": [{"name": "B", "value": "20"}, {"name": "C", "value": "3"}],
         "ports": [{"containerPort": 443}]}]}})
    app = out["spec"]["containers"][0]
    assert app["env"] == [{"name": "A", "value": "1"}, {"name": "B", "value": "20"}, {"name": "C", "value": "3"}]
    assert [p["containerPort"] for p in app["ports"]] == [80, 443]


def test_strategic_delete_directive() -> None:
    out = strategic_merge_patch(SPEC, {"spec": {"containers": [{"name": "sidecar", "$patch": "delete"}]}})
    assert [c["name"] for c in out["spec"]["containers"]] == ["app"]
    out = strategic_merge_patch(SPEC, {"spec": {"containers": [{"name": "app", "env": [{"name": "A", "$patch": "delete"}]}]}})
    assert out["spec"]["containers"][0]["env"] == [{"name": "B", "value": "2"}]


def test_strategic_replace_directive() -> None:
    out = strategic_merge_patch(SPEC, {"spec": {"containers": [{"name": "only", "image": "x"}, {"$patch": "replace"}]}})
    assert out["spec"]["containers"] == [{"name": "only", "image": "x"}]
    out = strategic_merge_patch(SPEC, {"spec": {"$patch": "replace", "containers": []}})
    assert out["spec"] == {"containers": []}


def test_strategic_lists_without_merge_key_are_replaced() -> None:
    out = strategic_merge_patch(SPEC, {"spec": {"tolerations": [{"key": "b", "operator": "Exists"}]}})
    assert out["spec"]["tolerations"] == [{"key": "b", "operator": "Exists"}]


def test_strategic_set_element_order() -> None:
    out = strategic_merge_patch(SPEC, {"spec": {"$setElementOrder/containers": [{"name": "sidecar"}, {"name": "app"}]}})
    assert [c["name"] for c in out["spec"]["containers"]] == ["sidecar", "app"]


def test_strategic_finalizers_merge_and_delete_from_primitive_list() -> None:
    obj = {"metadata": {"finalizers": ["a", "b"]}}
    assert strategic_merge_patch(obj, {"metadata": {"finalizers": ["c"]}})["metadata"]["finalizers"] == ["a", "b", "c"]
    out = strategic_merge_patch(obj, {"metadata": {"$deleteFromPrimitiveList/finalizers": ["a"]}})
    assert out["metadata"]["finalizers"] == ["b"]


def test_strategic_conditions_merge_by_type() -> None:
    obj = {"status": {"conditions": [{"type": "Ready", "status": "False"}, {"type": "PodScheduled", "status": "True"}]}}
    out = strategic_merge_patch(obj, {"status": {"conditions": [{"type": "Ready", "status": "True"}]}})
    assert out["status"]["conditions"] == [{"type": "Ready", "status": "True"}, {"type": "PodScheduled", "status": "True"}]


def test_strategic_missing_merge_key() -> None:
    with pytest.raises(BadRequest) as e:
        strategic_merge_patch(SPEC, {"spec": {"containers": [{"image": "x"}]}})
    assert str(e.value) == 'map: {"image":"x"} does not contain declared merge key: name'


@pytest.mark.parametrize(
    "path, key",
    [
        (("spec", "containers"), "name"),
        (("spec", "template", "spec", "initContainers"), "name"),
        (("spec", "containers", "ports"), "containerPort"),
        (("spec", "containers", "volumeMounts"), "mountPath"),
        (("spec", "volumes"), "name"),
        (("spec", "tolerations"), None),
        (("status", "conditions"), "type"),
        (("status", "containerStatuses"), None),
        (("metadata", "ownerReferences"), "uid"),
    ],
)
def test_merge_keys(path: tuple[str, ...], key: str | None) -> None:
    assert merge_key_for(path) == key


def test_json_patch_operations() -> None:
    doc = {"a": {"b": [1, 2, 3]}, "c": "x"}
    out = json_patch(doc, [
        {"op": "add", "path": "/a/b/1", "value": 9},
        {"op": "remove", "path": "/a/b/0"},
        {"op": "replace", "path": "/c", "value": "y"},
        {"op": "copy", "from": "/c", "path": "/d"},
        {"op": "move", "from": "/d", "path": "/e"},
        {"op": "add", "path": "/a/b/-", "value": 4},
        {"op": "test", "path": "/e", "value": "y"},
        {"op": "add", "path": "/f~1g", "value": 1},
    ])
    assert out == {"a": {"b": [9, 2, 3, 4]}, "c": "y", "e": "y", "f/g": 1}
    assert doc == {"a": {"b": [1, 2, 3]}, "c": "x"}


@pytest.mark.parametrize(
    "ops, message",
    [
        ([{"op": "test", "path": "/c", "value": "z"}], "testing value /c failed: test failed"),
        ([{"op": "remove", "path": "/nope"}], 'remove operation does not apply: doc is missing path: "/nope": missing value'),
        ([{"op": "replace", "path": "/x/y", "value": 1}], 'replace operation does not apply: doc is missing path: "/x/y": missing value'),
    ],
)
def test_json_patch_errors(ops: list, message: str) -> None:
    with pytest.raises(PatchError) as e:
        json_patch({"c": "x"}, ops)
    assert str(e.value) == message
    assert e.value.code == 422


# -- through the server --------------------------------------------------------------------------


def test_patch_types_through_the_server(server: APIServer) -> None:
    server.create(pod("web", labels={"app": "web", "tier": "front"}))
    out = server.patch("pods", "web", {"metadata": {"labels": {"tier": None, "env": "prod"}}}, patch_type="merge")
    assert out.metadata.labels == {"app": "web", "env": "prod"}
    out = server.patch("pods", "web", {"spec": {"containers": [{"name": "app", "image": "nginx:1.28"}]}})
    assert out.spec.containers[0].image == "nginx:1.28"
    assert out.metadata.generation == 2
    out = server.patch("pods", "web", [{"op": "replace", "path": "/spec/containers/0/image", "value": "nginx:1.29"}],
                       patch_type="json")
    assert out.spec.containers[0].image == "nginx:1.29"
    out = server.patch("pods", "web", '{"metadata":{"annotations":{"a":"b"}}}', patch_type="merge")
    assert out.metadata.annotations == {"a": "b"}


def test_merge_patch_on_a_list_replaces_it(server: APIServer) -> None:
    server.create(pod("web"))
    with pytest.raises(Invalid):
        # a merge patch replaces the containers list: the image is then missing
        server.patch("pods", "web", {"spec": {"containers": [{"name": "app"}]}}, patch_type="merge")


@pytest.mark.parametrize(
    "patch, patch_type, error",
    [
        ({"spec": {"restartPolicy": "Never"}}, "strategic", Invalid),
        ({"spec": {"containers": [{"name": "extra", "image": "busybox"}]}}, "strategic", Invalid),
        ([{"op": "test", "path": "/metadata/name", "value": "other"}], "json", PatchError),
        ({"spec": {"bogus": True}}, "merge", BadRequest),
        ({"metadata": {"resourceVersion": "1"}}, "merge", Conflict),
        ({"metadata": {"name": "other"}}, "merge", BadRequest),
    ],
)
def test_refused_patch_leaves_the_store_unchanged(server: APIServer, patch, patch_type: str, error: type) -> None:
    server.create(pod("web"))
    before = server.get_dict("pods", "web")
    rv = server.resource_version
    with pytest.raises(error):
        server.patch("pods", "web", patch, patch_type=patch_type)
    assert server.get_dict("pods", "web") == before
    assert server.resource_version == rv


def test_patch_conflict_message(server: APIServer) -> None:
    server.create(configmap("cm"))
    with pytest.raises(Conflict) as e:
        server.patch("cm", "cm", {"metadata": {"resourceVersion": "1"}, "data": {"k": "w"}}, patch_type="merge")
    assert str(e.value) == ('Operation cannot be fulfilled on configmaps "cm": the object has been modified; '
                            "please apply your changes to the latest version and try again")


def test_patch_missing_object(server: APIServer) -> None:
    with pytest.raises(Exception) as e:
        server.patch("pods", "nope", {"metadata": {"labels": {"a": "b"}}})
    assert str(e.value) == 'pods "nope" not found'


def test_status_patch(server: APIServer) -> None:
    server.create(pod("web"))
    out = server.patch("pods", "web", {"status": {"phase": "Running", "conditions": [
        {"type": "Ready", "status": "True"}]}}, subresource="status")
    assert out.status.phase == "Running"
    out = server.patch("pods", "web", {"status": {"conditions": [{"type": "PodScheduled", "status": "True"}]}},
                       subresource="status")
    assert [(c.type, c.status) for c in out.status.conditions] == [("Ready", "True"), ("PodScheduled", "True")]
    # a status patch cannot touch spec
    out = server.patch("pods", "web", {"spec": {"activeDeadlineSeconds": 5}}, subresource="status")
    assert out.spec.activeDeadlineSeconds is None
