"""Malformed manifests, patches and API calls: always a ``StatusError``, and a refused call
leaves the store exactly as it was.

Property-based (hypothesis, derandomized, no example database, so CI sees the same examples
every run). Each example starts from a small store (a pod, a config map, a deployment) and
compares ``api.list(...)`` JSON and ``api.resource_version`` before and after a refused call.
Known defects are listed in :mod:`known_defects` with one strict-xfail regression test each.
"""

from __future__ import annotations

import copy
import json
import random
from collections.abc import Callable, Iterator
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sandbox.apiserver import APIServer, podsecurity
from sandbox.clock import Clock
from sandbox.errors import StatusError

from .known_defects import known_defect

SETTINGS = settings(
    max_examples=400,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.filter_too_much],
)

POD_SPEC: dict[str, Any] = {
    "containers": [{
        "name": "app",
        "image": "nginx:1.27",
        "ports": [{"containerPort": 80, "name": "http"}],
        "env": [{"name": "MODE", "value": "prod"}],
        "resources": {"limits": {"cpu": "500m", "memory": "64Mi"}},
    }],
}
POD = {"apiVersion": "v1", "kind": "Pod", "metadata": {"name": "web", "labels": {"app": "web"}}, "spec": POD_SPEC}
CONFIGMAP = {"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "cm"}, "data": {"color": "blue"}}
DEPLOYMENT = {
    "apiVersion": "apps/v1", "kind": "Deployment", "metadata": {"name": "deploy"},
    "spec": {"selector": {"matchLabels": {"app": "d"}},
             "template": {"metadata": {"labels": {"app": "d"}}, "spec": POD_SPEC}},
}
JOB = {"apiVersion": "batch/v1", "kind": "Job", "metadata": {"name": "job"},
       "spec": {"template": {"spec": dict(POD_SPEC, restartPolicy="Never")}}}
NAMESPACE = {"apiVersion": "v1", "kind": "Namespace", "metadata": {"name": "team-a"}}
SEEDS = [POD, CONFIGMAP, DEPLOYMENT, JOB, NAMESPACE]
#: What the snapshot compares (every kind a malformed call could touch).
WATCHED = ("pods", "configmaps", "namespaces", "events", "deployments", "replicasets", "jobs", "secrets", "nodes")


class Store:
    """A small API server that is rebuilt only after a call was accepted (so examples are cheap)."""

    def __init__(self) -> None:
        self.api = self._fresh()

    @staticmethod
    def _fresh() -> APIServer:
        api = APIServer(Clock(), random.Random(0))
        podsecurity.install(api)
        for obj in (POD, CONFIGMAP, DEPLOYMENT):
            api.create(copy.deepcopy(obj))
        return api

    def snapshot(self) -> tuple[str, str]:
        lists = [self.api.list(r).to_dict() for r in WATCHED]
        return self.api.resource_version, json.dumps(lists, sort_keys=True)

    def attempt(self, call: Callable[[APIServer], Any]) -> StatusError | None:
        """Run ``call``; a refusal must be a ``StatusError`` and must change nothing.

        Returns the error (``None`` if the call was accepted or hit a known defect).
        """
        before = self.snapshot()
        try:
            call(self.api)
        except StatusError as e:
            assert isinstance(e.code, int) and 400 <= e.code < 600, e.code
            assert e.reason and isinstance(e.reason, str)
            assert e.message and isinstance(e.message, str)
            assert e.status["code"] == e.code and e.status["status"] == "Failure"
            after = self.snapshot()
            assert after[0] == before[0], f"resourceVersion moved on a refused call: {e!r}"
            assert after[1] == before[1], f"store changed on a refused call: {e!r}"
            return e
        except Exception as e:  # noqa: BLE001 - anything else is a defect
            if known_defect(e) is None:
                raise
            assert self.snapshot() == before
            return None
        # accepted: the store moved on; start the next example from a clean one
        assert int(self.api.resource_version) >= int(before[0])
        self.api = self._fresh()
        return None


@pytest.fixture(scope="module")
def store() -> Iterator[Store]:
    yield Store()


# ------------------------------------------------------------------ strategies

SPECIAL_STRINGS = [
    "", " ", "-", "a-", "-a", "A", "UPPER", "a_b", "a.b", "a/b", "a/b/c", "../x", "x" * 64, "x" * 254,
    "x" * 70_000, "1.5Gi", "100m", "-1", "1e400", "0x10", "NaN", "∞", "é", "\x00", "\n", "$(VAR)",
    "Always", "IfNotPresent", "Never", "TCP", "nginx:", ":tag", "@sha256:", "default", "kube-system",
]
scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(2**70), max_value=2**70),
    st.floats(allow_nan=True, allow_infinity=True),
    st.text(max_size=16),
    st.sampled_from(SPECIAL_STRINGS),
)
FIELD_NAMES = [
    "name", "image", "containers", "initContainers", "metadata", "spec", "status", "labels", "annotations",
    "resources", "limits", "requests", "cpu", "memory", "ports", "containerPort", "protocol", "env", "value",
    "valueFrom", "command", "args", "livenessProbe", "readinessProbe", "exec", "httpGet", "port", "volumes",
    "volumeMounts", "mountPath", "nodeName", "restartPolicy", "ownerReferences", "generateName", "namespace",
    "uid", "resourceVersion", "finalizers", "tolerations", "securityContext", "replicas", "selector",
    "matchLabels", "matchExpressions", "template", "data", "binaryData", "kind", "apiVersion", "$patch",
    "unknownField", "",
]
keys = st.one_of(st.sampled_from(FIELD_NAMES), st.text(max_size=12))
json_values = st.recursive(
    scalars,
    lambda inner: st.one_of(st.lists(inner, max_size=4), st.dictionaries(keys, inner, max_size=4)),
    max_leaves=20,
)


def _paths(d: Any, prefix: tuple[Any, ...] = ()) -> Iterator[tuple[Any, ...]]:
    yield prefix
    if isinstance(d, dict):
        for k, v in d.items():
            yield from _paths(v, (*prefix, k))
    elif isinstance(d, list):
        for i, v in enumerate(d):
            yield from _paths(v, (*prefix, i))


@st.composite
def mutated(draw: Any, base: Any) -> Any:
    """``base`` with 1 to 4 random edits: a value replaced, a key removed, a key or item added."""
    d = copy.deepcopy(base)
    for _ in range(draw(st.integers(1, 4))):
        paths = [p for p in _paths(d) if p] if isinstance(d, dict) else []
        if not paths:
            break
        path = draw(st.sampled_from(paths))
        parent = d
        for k in path[:-1]:
            parent = parent[k]
        action = draw(st.sampled_from(["replace", "remove", "add"]))
        if action == "replace":
            parent[path[-1]] = draw(json_values)
        elif action == "remove":
            del parent[path[-1]]
        else:
            target = parent[path[-1]]
            if isinstance(target, dict):
                target[draw(keys)] = draw(json_values)
            elif isinstance(target, list):
                target.append(draw(json_values))
    return d


manifests = st.sampled_from(SEEDS).flatmap(mutated)


# ------------------------------------------------------------------ manifests


@SETTINGS
@given(manifest=manifests, namespace=st.sampled_from([None, "default", "kube-system", "team-a", "Bad_NS", ""]),
       dry_run=st.booleans())
def test_malformed_manifests_are_refused_with_a_status_error(store: Store, manifest: Any, namespace: str | None,
                                                             dry_run: bool) -> None:
    store.attempt(lambda api: api.create(manifest, namespace=namespace, dry_run=dry_run))


@SETTINGS
@given(data=st.data(), resource=st.sampled_from(["pods", "configmaps", "deployments"]),
       subresource=st.sampled_from([None, None, "status", "ephemeralcontainers"]), keep_rv=st.booleans())
def test_malformed_updates_are_refused_with_a_status_error(store: Store, data: Any, resource: str,
                                                           subresource: str | None, keep_rv: bool) -> None:
    name = {"pods": "web", "configmaps": "cm", "deployments": "deploy"}[resource]
    obj = data.draw(mutated(store.api.get_dict(resource, name)))
    if not keep_rv and isinstance(obj, dict) and isinstance(obj.get("metadata"), dict):
        obj["metadata"].pop("resourceVersion", None)
    store.attempt(lambda api: api.update(obj, subresource=subresource))


def test_a_stale_update_is_a_conflict_and_changes_nothing(store: Store) -> None:
    stale = store.api.get_dict("configmaps", "cm")
    store.api.patch("configmaps", "cm", {"data": {"color": "green"}})
    stale["data"] = {"color": "red"}
    err = store.attempt(lambda api: api.update(stale))
    assert err is not None and (err.code, err.reason) == (409, "Conflict")
    assert err.message == (
        'Operation cannot be fulfilled on configmaps "cm": the object has been modified; '
        "please apply your changes to the latest version and try again"
    )
    assert store.api.get("configmaps", "cm").data == {"color": "green"}


# ------------------------------------------------------------------ patches

POINTERS = [
    "", "/", "/spec", "/spec/containers/0/image", "/spec/containers/5", "/spec/containers/-",
    "/spec/containers/-1", "/spec/containers/01", "/spec/containers/0/ports/0/containerPort",
    "/metadata/labels/a~1b", "/metadata/labels/~2", "/metadata/labels/app", "/metadata/name",
    "/metadata/resourceVersion", "/metadata/uid", "/kind", "/status/phase", "/data/color", "/nope/deeper",
    "spec", "~", "/spec/containers/0/resources/limits/cpu",
]
json_patch_ops = st.lists(
    st.fixed_dictionaries(
        {"op": st.sampled_from(["add", "remove", "replace", "move", "copy", "test", "bogus", "", None, 1]),
         "path": st.one_of(st.sampled_from(POINTERS), st.text(max_size=10), scalars)},
        optional={"value": json_values, "from": st.one_of(st.sampled_from(POINTERS), scalars)},
    ),
    max_size=4,
)
smp_list = st.lists(
    st.one_of(
        st.fixed_dictionaries({"name": st.sampled_from(["app", "new", "", 1, None])},
                              optional={"image": st.sampled_from(["nginx:1.27", "", 5]),
                                        "$patch": st.sampled_from(["delete", "replace", "merge", "bogus", 1])}),
        json_values,
    ),
    max_size=3,
)
strategic_patches = st.fixed_dictionaries({}, optional={
    "spec": st.fixed_dictionaries({}, optional={
        "containers": smp_list, "tolerations": smp_list, "activeDeadlineSeconds": json_values,
        "$setElementOrder/containers": st.lists(json_values, max_size=3),
        "$patch": st.sampled_from(["delete", "replace", "merge", "bogus"]),
        "$retainKeys": json_values,
    }),
    "metadata": st.fixed_dictionaries({}, optional={
        "labels": st.one_of(json_values, st.dictionaries(st.text(max_size=70), st.text(max_size=70), max_size=3)),
        "finalizers": json_values,
        "$deleteFromPrimitiveList/finalizers": st.lists(json_values, max_size=3),
        "resourceVersion": json_values,
        "ownerReferences": json_values,
        "name": json_values,
    }),
    "status": json_values,
    "data": json_values,
    "$patch": st.sampled_from(["delete", "replace", "merge", "x"]),
})


@SETTINGS
@given(
    resource=st.sampled_from(["pods", "configmaps", "deployments"]),
    patch_type=st.sampled_from(["strategic", "merge", "json", "apply", "text/plain"]),
    patch=st.one_of(strategic_patches, json_patch_ops, json_values,
                    st.sampled_from(["{", "[]", "null", "metadata: {labels: {a: b}}", "{\"spec\": 1}"])),
    subresource=st.sampled_from([None, None, "status", "ephemeralcontainers", "scale", "bogus"]),
)
def test_malformed_patches_are_refused_with_a_status_error(store: Store, resource: str, patch_type: str, patch: Any,
                                                           subresource: str | None) -> None:
    name = {"pods": "web", "configmaps": "cm", "deployments": "deploy"}[resource]
    store.attempt(lambda api: api.patch(resource, name, patch, patch_type=patch_type, subresource=subresource))


# ------------------------------------------------------------------ calls

RESOURCE_NAMES = ["pods", "po", "Pod", "pod", "deployments.apps", "deploy", "nodes", "events", "namespaces",
                  "configmaps", "jobs.batch", "bindings", "pods/status", "", "pods.v2", "x.y.z", "PODS"]
OBJECT_NAMES = ["web", "cm", "deploy", "", "a" * 300, "/", "..", "web/status", "WEB", "web ", "nope"]
NAMESPACES = [None, "default", "", "kube-system", "Default", "no-such", "team a", "a" * 70]
LABEL_SELECTORS = [None, "", "app=web", "app in (a,b)", "!app", "app notin ()", "a=b=c", "x,", ",", "a==b",
                   "a!=", "=", "in", "a in b", "a in (", "a>1", "a<x", "a b", "-a=b", "a=" + "v" * 70, "a/b/c=d"]
FIELD_SELECTORS = [None, "", "metadata.name=web", "spec.nodeName=", "status.phase!=Running", "bogus=1",
                   "metadata.name", "metadata.namespace==x,", "=a", "metadata.name=a=b", "spec.nodeName in (a)",
                   "metadata.labels.app=web", "a\\,b=c"]
RESOURCE_VERSIONS = [None, "", "0", "-1", "abc", "1.5", "99999999999999999999", 0, -5, 10**20, "1"]


@SETTINGS
@given(
    verb=st.sampled_from(["get", "get_dict", "list", "watch", "delete", "patch"]),
    resource=st.one_of(st.sampled_from(RESOURCE_NAMES), st.text(max_size=12)),
    name=st.one_of(st.sampled_from(OBJECT_NAMES), st.text(max_size=12)),
    namespace=st.one_of(st.sampled_from(NAMESPACES), st.text(max_size=8)),
    label_selector=st.one_of(st.sampled_from(LABEL_SELECTORS), st.text(max_size=16)),
    field_selector=st.one_of(st.sampled_from(FIELD_SELECTORS), st.text(max_size=16)),
    resource_version=st.one_of(st.sampled_from(RESOURCE_VERSIONS), st.text(max_size=6)),
    grace=st.one_of(st.none(), st.integers(-10, 10**12)),
    propagation=st.one_of(st.none(), st.sampled_from(["Orphan", "Foreground", "Background", "orphan", "", "x"])),
    preconditions=st.one_of(st.none(), st.dictionaries(st.sampled_from(["uid", "resourceVersion"]),
                                                        st.text(max_size=5), max_size=2)),
)
def test_malformed_calls_are_refused_with_a_status_error(
    store: Store, verb: str, resource: str, name: str, namespace: str | None, label_selector: str | None,
    field_selector: str | None, resource_version: Any, grace: int | None, propagation: str | None,
    preconditions: dict[str, str] | None,
) -> None:
    def call(api: APIServer) -> None:
        if verb == "get":
            api.get(resource, name, namespace)
        elif verb == "get_dict":
            api.get_dict(resource, name, namespace)
        elif verb == "list":
            api.list(resource, namespace, label_selector=label_selector, field_selector=field_selector)
        elif verb == "watch":
            api.watch(resource, namespace, label_selector=label_selector, field_selector=field_selector,
                      resource_version=resource_version).stop()
        elif verb == "delete":
            api.delete(resource, name, namespace, grace_period_seconds=grace, propagation_policy=propagation,
                       preconditions=preconditions)
        else:
            api.patch(resource, name, {"metadata": {"labels": {"touched": "yes"}}}, namespace=namespace)

    store.attempt(call)


# ------------------------------------------------------------------ exact answers, table-driven

EXACT = [
    ("missing kind", lambda api: api.create({"apiVersion": "v1", "metadata": {"name": "x"}}),
     400, "BadRequest", "Object 'Kind' is missing in '{\"apiVersion\":\"v1\",\"metadata\":{\"name\":\"x\"}}'"),
    ("unknown field", lambda api: api.create({**POD, "spec": {**POD_SPEC, "containerz": []}}),
     400, "BadRequest", 'Pod in version "v1" cannot be handled as a Pod: strict decoding error: unknown field "spec.containerz"'),
    ("port as a string", lambda api: api.create({**POD, "metadata": {"name": "p2"}, "spec": {"containers": [
        {"name": "app", "image": "nginx", "ports": [{"containerPort": "80"}]}]}}),
     400, "BadRequest", 'Pod in version "v1" cannot be handled as a Pod: json: cannot unmarshal string into Go struct '
     "field ContainerPort.spec.containers.ports.containerPort of type int32"),
    ("bad label value", lambda api: api.create({**CONFIGMAP, "metadata": {"name": "c2", "labels": {"a": "-x-"}}}),
     422, "Invalid", 'ConfigMap "c2" is invalid: metadata.labels: Invalid value: "-x-": a valid label must be an '
     "empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an "
     "alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is "
     "'(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')"),
    ("bad quantity", lambda api: api.create({**POD, "metadata": {"name": "p3"}, "spec": {"containers": [
        {"name": "app", "image": "nginx", "resources": {"limits": {"cpu": "lots"}}}]}}),
     400, "BadRequest", 'Pod in version "v1" cannot be handled as a Pod: quantities must match the regular '
     "expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'"),
    ("already exists", lambda api: api.create(copy.deepcopy(CONFIGMAP)),
     409, "AlreadyExists", 'configmaps "cm" already exists'),
    ("not found", lambda api: api.get("pods", "nope"), 404, "NotFound", 'pods "nope" not found'),
    ("bad label selector", lambda api: api.list("pods", "default", label_selector="a in b"),
     400, "BadRequest", "unable to parse requirement: found 'b' expected: '('"),
    ("bad resourceVersion", lambda api: api.watch("pods", "default", resource_version="abc"),
     400, "BadRequest", 'invalid resource version: "abc"'),
    ("unknown json patch op", lambda api: api.patch("pods", "web", [{"op": "bogus", "path": "/spec"}], patch_type="json"),
     400, "BadRequest", "Unexpected kind: bogus"),
    ("unknown $patch directive", lambda api: api.patch("pods", "web", {"spec": {"$patch": "bogus"}}),
     400, "BadRequest", 'Unknown patch type: bogus in map: {"$patch": "bogus"}'),
]


@pytest.mark.parametrize(("case", "call", "code", "reason", "message"), EXACT, ids=[e[0] for e in EXACT])
def test_refusals_carry_kubernetes_words(store: Store, case: str, call: Callable[[APIServer], Any], code: int,
                                         reason: str, message: str) -> None:
    err = store.attempt(call)
    assert err is not None
    assert (err.code, err.reason, err.message) == (code, reason, message)


def test_huge_strings_are_refused_quickly(store: Store) -> None:
    label = store.attempt(lambda api: api.create({**CONFIGMAP, "metadata": {"name": "c", "labels": {"a": "x" * 10**6}}}))
    assert label is not None and label.code == 422 and "must be no more than 63 characters" in label.message
    name = store.attempt(lambda api: api.create({**CONFIGMAP, "metadata": {"name": "x" * 10**6}}))
    assert name is not None and name.code == 422 and "must be no more than 253 characters" in name.message
    big = store.attempt(lambda api: api.create({**CONFIGMAP, "metadata": {"name": "c", "annotations": {"a": "x" * 300_000}}}))
    assert big is not None and big.message.endswith("metadata.annotations: Too long: may not be more than 262144 bytes")


@pytest.mark.parametrize("depth", [100, 10_000, 100_000])
def test_deeply_nested_manifests_are_refused(store: Store, depth: int) -> None:
    nested: Any = "x"
    for _ in range(depth):
        nested = {"a": nested}
    err = store.attempt(lambda api: api.create({**POD, "metadata": {"name": "deep"}, "spec": {**POD_SPEC, "x": nested}}))
    assert err is not None and err.message.endswith('strict decoding error: unknown field "spec.x"')


# ------------------------------------------------------------------ the known defects, one each


def _nested(depth: int) -> Any:
    v: Any = "x"
    for _ in range(depth):
        v = {"a": v}
    return v


REPRODUCTIONS: dict[str, Callable[[APIServer], Any]] = {
    "mapper-errors-not-status": lambda api: api.get("podz", "web"),
    "kind-not-a-string": lambda api: api.create({"apiVersion": "v1", "kind": {"a": 1}, "metadata": {"name": "x"}}),
    "patched-metadata-not-an-object": lambda api: api.patch("configmaps", "cm", {"metadata": "x"}, patch_type="merge"),
    "smp-directive-not-a-list": lambda api: api.patch("pods", "web", {"spec": {"$setElementOrder/containers": 5}}),
    "deep-patch-recursion": lambda api: api.patch("configmaps", "cm", {"metadata": {"labels": _nested(2000)}},
                                                  patch_type="merge"),
}


@pytest.mark.parametrize("case", sorted(REPRODUCTIONS))
def test_calls_that_once_crashed_are_refused_with_a_status_error(case: str) -> None:
    """Regression tests for defects this suite found (each raised a Python error, not a Status)."""
    fresh = Store()
    before = fresh.snapshot()
    with pytest.raises(StatusError):
        REPRODUCTIONS[case](fresh.api)
    assert fresh.snapshot() == before
