"""kubectl label / taint / cordon on a Node: formats, results and errors as kubectl gives them."""

from __future__ import annotations

import random

import pytest

import sandbox.api  # noqa: F401
from sandbox.apiserver import APIServer
from sandbox.clock import Clock
from sandbox.errors import Conflict, NotFound
from sandbox.kubelet.nodestatus import (
    NodeOperationError,
    cordon_node,
    label_node,
    parse_taints,
    taint_node,
    uncordon_node,
)


@pytest.fixture
def api():
    clock = Clock()
    server = APIServer(clock, random.Random(1))
    server.create({"apiVersion": "v1", "kind": "Node", "metadata": {"name": "node-2", "labels": {"zone": "a"}}})
    yield server
    clock.close()


def test_label_add_overwrite_remove(api):
    assert label_node(api, "node-2", "disk=ssd").message == "node/node-2 labeled"
    with pytest.raises(NodeOperationError) as e:
        label_node(api, "node-2", "disk=hdd")
    assert str(e.value) == "'disk' already has a value (ssd), and --overwrite is false"
    assert label_node(api, "node-2", "disk=hdd", overwrite=True).node.metadata.labels["disk"] == "hdd"
    assert label_node(api, "node-2", "disk=hdd", overwrite=True).message == "node/node-2 not labeled"
    ch = label_node(api, "node-2", "disk-", "gone-")
    assert (ch.message, ch.warnings) == ("node/node-2 unlabeled", ['label "gone" not found.'])
    assert api.get("nodes", "node-2", None).metadata.labels == {"zone": "a"}


@pytest.mark.parametrize(
    ("specs", "message"),
    [
        (["a=b=c"], "invalid label spec: a=b=c"),
        (["justkey"], "unknown label spec: justkey"),
        (["a=b", "a-"], "can not both modify and remove a label in the same command"),
        (["a=b c"], 'invalid label value: "a=b c": a valid label must be an empty string or consist of alphanumeric characters, \'-\', \'_\' or \'.\', and must start and end with an alphanumeric character (e.g. \'MyValue\',  or \'my_value\',  or \'12345\', regex used for validation is \'(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?\')'),
    ],
)
def test_label_spec_errors(api, specs, message):
    with pytest.raises(NodeOperationError) as e:
        label_node(api, "node-2", *specs)
    assert str(e.value) == message


def test_taint_add_remove_modify(api):
    assert taint_node(api, "node-2", "dedicated=gpu:NoSchedule").message == "node/node-2 tainted"
    assert api.get("nodes", "node-2", None).to_dict()["spec"]["taints"] == [
        {"effect": "NoSchedule", "key": "dedicated", "value": "gpu"}]
    with pytest.raises(NodeOperationError) as e:
        taint_node(api, "node-2", "dedicated=cpu:NoSchedule")
    assert str(e.value) == "Node node-2 already has dedicated taint(s) with same effect(s) and --overwrite is false"
    assert taint_node(api, "node-2", "dedicated=cpu:NoSchedule", overwrite=True).message == "node/node-2 modified"
    assert taint_node(api, "node-2", "dedicated:NoExecute").message == "node/node-2 tainted"
    assert taint_node(api, "node-2", "dedicated:NoSchedule-").message == "node/node-2 untainted"
    assert api.get("nodes", "node-2", None).to_dict()["spec"]["taints"] == [
        {"effect": "NoExecute", "key": "dedicated"}]
    assert taint_node(api, "node-2", "dedicated-").message == "node/node-2 untainted"
    assert "taints" not in api.get("nodes", "node-2", None).to_dict()["spec"]
    with pytest.raises(NodeOperationError) as e:
        taint_node(api, "node-2", "dedicated:NoSchedule-")
    assert str(e.value) == 'taint "dedicated:NoSchedule" not found'


@pytest.mark.parametrize(
    ("spec", "message"),
    [
        ("key=value:Sometimes", "invalid taint effect: Sometimes, unsupported taint effect"),
        ("key=value", "invalid taint spec: key=value, name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')"),
        ("a:b:c", "invalid taint spec: a:b:c"),
        ("k=v=w:NoSchedule", "invalid taint spec: k=v=w:NoSchedule"),
    ],
)
def test_taint_spec_errors(spec, message):
    with pytest.raises(NodeOperationError) as e:
        parse_taints([spec])
    assert str(e.value) == message


def test_duplicate_taints_refused():
    with pytest.raises(NodeOperationError) as e:
        parse_taints(["k=1:NoSchedule", "k=2:NoSchedule"])
    assert str(e.value) == "duplicated taints with the same key and effect: {k 2 NoSchedule <nil>}"


def test_cordon_uncordon(api):
    clock = api.clock
    ch = cordon_node(api, clock, "node-2")
    assert ch.message == "node/node-2 cordoned"
    spec = api.get("nodes", "node-2", None).to_dict()["spec"]
    assert spec == {"taints": [{"effect": "NoSchedule", "key": "node.kubernetes.io/unschedulable",
                                "timeAdded": "2025-01-01T00:00:00Z"}], "unschedulable": True}
    assert cordon_node(api, clock, "node-2").message == "node/node-2 already cordoned"
    assert uncordon_node(api, clock, "node-2").message == "node/node-2 uncordoned"
    assert api.get("nodes", "node-2", None).to_dict().get("spec", {}) == {}
    assert uncordon_node(api, clock, "node-2").message == "node/node-2 already uncordoned"


def test_missing_node(api):
    with pytest.raises(NotFound) as e:
        cordon_node(api, api.clock, "node-9")
    assert str(e.value) == 'nodes "node-9" not found'


def test_conflicts_are_retried(api):
    real_update = api.update
    calls = {"n": 0}

    def flaky(obj, *a, **kw):
        calls["n"] += 1
        if calls["n"] == 1:
            raise Conflict.for_resource("nodes", "node-2")
        return real_update(obj, *a, **kw)

    api.update = flaky
    assert label_node(api, "node-2", "x=y").message == "node/node-2 labeled"
    assert calls["n"] == 2
