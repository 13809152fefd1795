"""kubectl's JSONPath dialect, with the examples of the kubectl JSONPath reference page
(https://kubernetes.io/docs/reference/kubectl/jsonpath/) and kubectl's printing rules."""

from __future__ import annotations

from typing import Any

import pytest

from sandbox.kubectl.errors import CommandError
from sandbox.kubectl.printers.custom_columns import CustomColumns, parse_custom_columns
from sandbox.kubectl.printers.jsonpath import JSONPath, JSONPathError, go_sprint, relaxed

DOC: dict[str, Any] = {
    "kind": "List",
    "items": [
        {"kind": "None", "metadata": {"name": "127.0.0.1", "labels": {"kubernetes.io/hostname": "127.0.0.1"}},
         "status": {"capacity": {"cpu": "4"}, "addresses": [{"type": "LegacyHostIP", "address": "127.0.0.1"}]}},
        {"kind": "None", "metadata": {"name": "127.0.0.2"},
         "status": {"capacity": {"cpu": "8"}, "addresses": [{"type": "LegacyHostIP", "address": "127.0.0.2"},
                                                            {"type": "another", "address": "127.0.0.3"}]}},
    ],
    "users": [{"name": "myself", "user": {}}, {"name": "e2e", "user": {"username": "admin", "password": "secret"}}],
}


@pytest.mark.parametrize(("template", "expected"), [
    ("{.kind}", "List"),
    ("{['kind']}", "List"),
    ("{.items[0]}", '{"kind":"None","metadata":{"labels":{"kubernetes.io/hostname":"127.0.0.1"},"name":"127.0.0.1"},'
                    '"status":{"addresses":[{"address":"127.0.0.1","type":"LegacyHostIP"}],"capacity":{"cpu":"4"}}}'),
    ("{.items[*].metadata.name}", "127.0.0.1 127.0.0.2"),
    ("{.users[0].name}", "myself"),
    ("{.users[*].name}", "myself e2e"),
    ("{.users[?(@.name==\"e2e\")].user.password}", "secret"),
    ("{..name}", "127.0.0.1 127.0.0.2 myself e2e"),
    ("{.items[-1:].metadata.name}", "127.0.0.2"),
    ("{.items[0:1].metadata.name}", "127.0.0.1"),
    ("{.items[*].status.addresses[?(@.type=='another')].address}", "127.0.0.3"),
    ("{range .items[*]}[{.metadata.name}, {.status.capacity}] {end}",
     '[127.0.0.1, {"cpu":"4"}] [127.0.0.2, {"cpu":"8"}] '),
    ("{range .items[*]}{.metadata.name}{\"\\t\"}{.status.capacity.cpu}{\"\\n\"}{end}", "127.0.0.1\t4\n127.0.0.2\t8\n"),
    ("{.items[0].metadata.labels.kubernetes\\.io/hostname}", "127.0.0.1"),
    ("{.users[1].user['username','password']}", "admin secret"),
    ("names: {.users[*].name}!", "names: myself e2e!"),
    ("{.missing}", ""),
    ("{.items[5].metadata.name}", ""),
])
def test_kubectl_reference_examples(template: str, expected: str) -> None:
    assert JSONPath(template).execute(DOC) == expected


def test_missing_key_error_when_not_allowed() -> None:
    with pytest.raises(JSONPathError, match="missing is not found"):
        JSONPath("{.missing}", allow_missing_keys=False).execute(DOC)


def test_jsonpath_as_json() -> None:
    assert JSONPath("{.users[*].name}", output_json=True).execute(DOC) == '[\n    "myself",\n    "e2e"\n]\n'


def test_numbers_and_booleans_print_as_go_does() -> None:
    data = {"a": 3, "b": True, "c": 1.5, "d": None, "e": ["x", 1]}
    assert JSONPath("{.a} {.b} {.c} {.e}").execute(data) == '3 true 1.5 ["x",1]'


@pytest.mark.parametrize(("expr", "relaxed_expr"), [
    (".metadata.name", "{.metadata.name}"),
    ("metadata.name", "{.metadata.name}"),
    ("{.metadata.name}", "{.metadata.name}"),
    ("{metadata.name}", "{.metadata.name}"),
    (".items[0]", "{.items[0]}"),
])
def test_relaxed_expressions(expr: str, relaxed_expr: str) -> None:
    assert relaxed(expr) == relaxed_expr


def test_go_sprint() -> None:
    assert go_sprint({"b": [1, "x"], "a": {"k": True}}) == "map[a:map[k:true] b:[1 x]]"


def test_custom_columns() -> None:
    cols = CustomColumns(parse_custom_columns("NAME:.metadata.name,CPU:.status.capacity.cpu,ADDR:.status.addresses[*].address,X:.nope"))
    assert cols.render(DOC["items"]) == (
        "NAME        CPU   ADDR                  X\n"
        "127.0.0.1   4     127.0.0.1             <none>\n"
        "127.0.0.2   8     127.0.0.2,127.0.0.3   <none>\n"
    )


def test_custom_columns_spec_errors() -> None:
    with pytest.raises(CommandError, match="unexpected custom-columns spec: NAME, expected <header>:<json-path-expr>"):
        parse_custom_columns("NAME")
    with pytest.raises(CommandError, match="custom-columns format specified but no custom columns given"):
        parse_custom_columns("")
