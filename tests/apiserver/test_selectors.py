"""Label and field selectors: Kubernetes' grammar, matching and error messages."""

from __future__ import annotations

import pytest

from sandbox.apiserver import (
    parse_field_selector,
    parse_label_selector,
    selector_from_label_selector,
)
from sandbox.apiserver.selectors import SelectorError
from sandbox.errors import BadRequest

from .conftest import pod

LABELS = {"app": "web", "env": "prod", "tier": "front"}


@pytest.mark.parametrize(
    "selector, matches",
    [
        ("", True),
        ("app=web", True),
        ("app==web", True),
        ("app=db", False),
        ("app!=web", False),
        ("app!=db", True),
        ("missing!=x", True),
        ("env in (prod,staging)", True),
        ("env in (staging)", False),
        ("env notin (prod)", False),
        ("env notin (dev)", True),
        ("missing notin (dev)", True),
        ("missing in (dev)", False),
        ("app", True),
        ("missing", False),
        ("!missing", True),
        ("!app", False),
        ("app=web,env=prod", True),
        ("app=web, env=dev", False),
        ("app in (web), tier, !legacy", True),
    ],
)
def test_label_selector_matching(selector: str, matches: bool) -> None:
    assert parse_label_selector(selector).matches(LABELS) is matches


@pytest.mark.parametrize(
    "selector, message",
    [
        ("env in", "unable to parse requirement: found '' expected: '('"),
        ("env in (a,b", "unable to parse requirement: found '', expected: ',' or ')'"),
        ("a=b,", "found '', expected: identifier after ','"),
        ("a=b c", "found 'c', expected: ',' or 'end of string'"),
        ("a b", "unable to parse requirement: found 'b', expected: in, notin, =, ==, !=, gt, lt"),
        ("=b", "found '=', expected: !, identifier, or 'end of string'"),
        ("a gt 3", "unable to parse requirement: found 'gt', expected: in, notin, =, ==, !=, gt, lt"),
        (
            "A_@=x",
            "unable to parse requirement: <nil>: Invalid value: \"A_@\": name part must consist of alphanumeric "
            "characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  "
            "or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')",
        ),
        (
            "app=we@b",
            "unable to parse requirement: values[0][app]: Invalid value: \"we@b\": a valid label must be an empty "
            "string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an "
            "alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is "
            "'(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')",
        ),
    ],
)
def test_label_selector_parse_errors(selector: str, message: str) -> None:
    with pytest.raises(SelectorError) as e:
        parse_label_selector(selector)
    assert e.value.message == message
    assert e.value.code == 400


def test_label_selector_string_form_is_sorted_like_kubernetes() -> None:
    assert str(parse_label_selector("tier=front,app in (b,a),!x")) == "app in (a,b),tier=front,!x"


@pytest.mark.parametrize(
    "ls, matches",
    [
        ({"matchLabels": {"app": "web"}}, True),
        ({"matchLabels": {"app": "db"}}, False),
        ({"matchExpressions": [{"key": "env", "operator": "In", "values": ["prod"]}]}, True),
        ({"matchExpressions": [{"key": "env", "operator": "NotIn", "values": ["prod"]}]}, False),
        ({"matchExpressions": [{"key": "env", "operator": "Exists"}]}, True),
        ({"matchExpressions": [{"key": "env", "operator": "DoesNotExist"}]}, False),
        ({}, True),
        (None, False),
    ],
)
def test_selector_from_label_selector(ls: dict | None, matches: bool) -> None:
    assert selector_from_label_selector(ls).matches(LABELS) is matches


def test_selector_from_label_selector_model() -> None:
    from sandbox.api.meta import LabelSelector

    sel = LabelSelector.from_dict({"matchLabels": {"app": "web"},
                                   "matchExpressions": [{"key": "tier", "operator": "In", "values": ["front"]}]})
    assert selector_from_label_selector(sel).matches(LABELS)
    assert not selector_from_label_selector(sel).matches({"app": "web"})


def test_in_with_empty_values_is_refused() -> None:
    with pytest.raises(SelectorError) as e:
        selector_from_label_selector({"matchExpressions": [{"key": "env", "operator": "In", "values": []}]})
    assert e.value.message == "values: Invalid value: []string{}: for 'in', 'notin' operators, values set can't be empty"


@pytest.mark.parametrize(
    "selector, fields, matches",
    [
        ("status.phase=Running", {"status.phase": "Running"}, True),
        ("status.phase==Running", {"status.phase": "Running"}, True),
        ("status.phase!=Running", {"status.phase": "Running"}, False),
        ("spec.nodeName=", {"spec.nodeName": ""}, True),
        ("spec.nodeName!=", {"spec.nodeName": "node-1"}, True),
        ("metadata.name=a,status.phase=Pending", {"metadata.name": "a", "status.phase": "Pending"}, True),
        (r"metadata.name=a\,b", {"metadata.name": "a,b"}, True),
    ],
)
def test_field_selector_matching(selector: str, fields: dict, matches: bool) -> None:
    assert parse_field_selector(selector).matches(fields) is matches


def test_field_selector_parse_error() -> None:
    with pytest.raises(BadRequest) as e:
        parse_field_selector("status.phase")
    assert e.value.message == "invalid selector: 'status.phase'; can't understand 'status.phase'"


@pytest.mark.parametrize(
    "resource, selector",
    [
        ("pods", "spec.containers=x"),
        ("pods", "metadata.labels=x"),
        ("nodes", "spec.nodeName=x"),
        ("events", "status.phase=x"),
        ("nodes", "metadata.namespace=default"),
    ],
)
def test_unsupported_field_is_refused(server, resource: str, selector: str) -> None:
    with pytest.raises(BadRequest) as e:
        server.list(resource, field_selector=selector)
    assert e.value.message == f"field label not supported: {selector.split('=')[0]}"


def test_list_by_pod_fields(server) -> None:
    server.create(pod("a", nodeName="node-1", restartPolicy="Never"))
    server.create(pod("b", nodeName="node-2"))
    server.create(pod("c", namespace="kube-system", nodeName="node-1"))
    names = lambda lst: [(p.metadata.namespace, p.metadata.name) for p in lst]  # noqa: E731
    assert names(server.list("pods", field_selector="spec.nodeName=node-1")) == [("default", "a"), ("kube-system", "c")]
    assert names(server.list("pods", field_selector="spec.restartPolicy=Never")) == [("default", "a")]
    assert names(server.list("pods", field_selector="metadata.namespace!=default")) == [("kube-system", "c")]
    assert names(server.list("pods", field_selector="status.phase=Pending,metadata.name=b")) == [("default", "b")]
    assert names(server.list("pods", field_selector="spec.schedulerName=default-scheduler", namespace="kube-system")) == [("kube-system", "c")]
    assert names(server.list("pods", field_selector="status.podIP=")) == [("default", "a"), ("default", "b"), ("kube-system", "c")]


def test_list_by_labels(server) -> None:
    server.create(pod("a", labels={"app": "web", "env": "prod"}))
    server.create(pod("b", labels={"app": "web", "env": "dev"}))
    server.create(pod("c", labels={"app": "db"}))
    names = lambda sel: [p.metadata.name for p in server.list("po", label_selector=sel)]  # noqa: E731
    assert names("app=web") == ["a", "b"]
    assert names("app=web,env!=prod") == ["b"]
    assert names("env in (prod,dev)") == ["a", "b"]
    assert names("!env") == ["c"]
    assert names({"app": "db"}) == ["c"]
    assert names({"matchExpressions": [{"key": "env", "operator": "Exists"}]}) == ["a", "b"]


def test_list_nodes_by_unschedulable_and_events_by_involved_object(server) -> None:
    server.create({"apiVersion": "v1", "kind": "Node", "metadata": {"name": "n1"}, "spec": {"unschedulable": True}})
    server.create({"apiVersion": "v1", "kind": "Node", "metadata": {"name": "n2"}})
    assert [n.metadata.name for n in server.list("nodes", field_selector="spec.unschedulable=true")] == ["n1"]
    assert [n.metadata.name for n in server.list("nodes", field_selector="spec.unschedulable=false")] == ["n2"]
    p = server.create(pod("web"))
    server.record_event(p, "Normal", "Scheduled", "Successfully assigned default/web to n1", "default-scheduler")
    server.record_event({"kind": "Node", "name": "n1", "uid": "n1"}, "Normal", "Starting", "Starting kubelet.", "kubelet", "n1")
    evs = server.list("events", field_selector="involvedObject.kind=Pod,involvedObject.name=web,reason=Scheduled")
    assert [e.message for e in evs] == ["Successfully assigned default/web to n1"]
    assert [e.reason for e in server.list("events", field_selector="source=kubelet")] == ["Starting"]
    assert [e.reason for e in server.list("events", field_selector=f"involvedObject.uid={p.metadata.uid},type=Normal")] == ["Scheduled"]
