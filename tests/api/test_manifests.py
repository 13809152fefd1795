"""Manifest loading: paths, directories, multi-document YAML, Lists, and kubectl's error words.

The expected error texts were checked against a real ``kubectl`` v1.32 client
(``kubectl apply --validate=false --dry-run=client -f FILE``).
"""

from __future__ import annotations

import json
import pathlib

import pytest

from sandbox.api import ConfigMap, Deployment, Pod
from sandbox.api.manifests import ManifestError, load, load_dicts
from sandbox.errors import BadRequest, SandboxError

POD_A = "apiVersion: v1\nkind: Pod\nmetadata:\n  name: a\nspec:\n  containers:\n  - name: c\n    image: nginx\n"
POD_B = "apiVersion: v1\nkind: Pod\nmetadata:\n  name: b\n"
CM = "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cfg\ndata:\n  k: v\n"


def names(objs: list) -> list[str]:
    return [f"{o.kind}/{o.metadata.name}" for o in objs]


def test_load_a_file(tmp_path: pathlib.Path) -> None:
    f = tmp_path / "pod.yaml"
    f.write_text(POD_A)
    (pod,) = load(f)
    assert isinstance(pod, Pod)
    assert pod.spec.containers[0].image == "nginx"  # type: ignore[union-attr,index]
    assert names(load(str(f))) == ["Pod/a"]


def test_load_a_directory_in_name_order_like_kubectl(tmp_path: pathlib.Path) -> None:
    (tmp_path / "b.yml").write_text(POD_B)
    (tmp_path / "a.yaml").write_text(POD_A)
    (tmp_path / "c.json").write_text(json.dumps({"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "cfg"}}))
    (tmp_path / "notes.txt").write_text("not a manifest")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "d.yaml").write_text(POD_A.replace("name: a", "name: d"))
    assert names(load(tmp_path)) == ["Pod/a", "Pod/b", "ConfigMap/cfg"]


def test_multi_document_yaml_skips_empty_documents() -> None:
    text = "---\n---\n# only a comment\n---\n" + POD_A + "--- # a comment after the separator\n" + POD_B + "---\n"
    assert names(load(text)) == ["Pod/a", "Pod/b"]


def test_list_kinds_are_flattened() -> None:
    text = """
apiVersion: v1
kind: List
items:
- {apiVersion: v1, kind: Pod, metadata: {name: a}}
- apiVersion: v1
  kind: List
  items:
  - {apiVersion: v1, kind: ConfigMap, metadata: {name: cfg}}
"""
    assert names(load(text)) == ["Pod/a", "ConfigMap/cfg"]
    pod_list = {"apiVersion": "v1", "kind": "PodList", "metadata": {}, "items": [{"apiVersion": "v1", "kind": "Pod", "metadata": {"name": "x"}}]}
    assert names(load(pod_list)) == ["Pod/x"]


def test_json_text_and_json_streams() -> None:
    one = json.dumps({"apiVersion": "v1", "kind": "Pod", "metadata": {"name": "a"}})
    assert names(load(one)) == ["Pod/a"]
    assert names(load(one + "\n" + one.replace('"a"', '"b"'))) == ["Pod/a", "Pod/b"]


def test_dicts_models_and_lists_of_sources(tmp_path: pathlib.Path) -> None:
    f = tmp_path / "cm.yaml"
    f.write_text(CM)
    pod = Pod.from_dict({"metadata": {"name": "m"}})
    objs = load([pod, {"apiVersion": "apps/v1", "kind": "Deployment", "metadata": {"name": "d"}}, f, POD_B])
    assert names(objs) == ["Pod/m", "Deployment/d", "ConfigMap/cfg", "Pod/b"]
    assert objs[0] is pod
    assert isinstance(objs[1], Deployment) and isinstance(objs[2], ConfigMap)


def test_load_dicts_keeps_the_json() -> None:
    assert load_dicts(CM) == [{"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "cfg"}, "data": {"k": "v"}}]
    # YAML timestamps stay strings, as Go's YAML->JSON conversion leaves them
    (d,) = load_dicts("apiVersion: v1\nkind: Pod\nmetadata:\n  creationTimestamp: 2024-01-01T00:00:00Z\n")
    assert d["metadata"]["creationTimestamp"] == "2024-01-01T00:00:00Z"
    assert load_dicts(Pod.from_dict({"metadata": {"name": "x"}})) == [{"apiVersion": "v1", "kind": "Pod", "metadata": {"name": "x"}}]


# (file contents, kubectl's message after "error parsing F: error converting YAML to JSON: ")
YAML_ERRORS = [
    (POD_A.replace("image: nginx", "image: nginx: 1"), "yaml: line 8: mapping values are not allowed in this context"),
    ("apiVersion: v1\nkind: Pod\nmetadata:\n\tname: a\n", "yaml: line 4: found character that cannot start any token"),
    ("apiVersion: v1\nkind: Pod\nmetadata:\n  name: a\n labels: {}\n", "yaml: line 4: did not find expected key"),
    ('apiVersion: v1\nkind: Pod\nmetadata:\n  name: "a\n', "yaml: line 5: found unexpected end of stream"),
    ("apiVersion: v1\nkind: Pod\nmetadata:\n  name: a\n  labels: [\n", "yaml: line 5: did not find expected node content"),
    # lines count from the start of the document, as kubectl's YAML reader splits documents first
    (
        POD_B + "---\napiVersion: v1\nkind: Pod\nmetadata:\n  name: b\n  labels:\n  - x: 1\n   y: 2\n",
        "yaml: line 6: did not find expected key",
    ),
]


@pytest.mark.parametrize(("text", "message"), YAML_ERRORS)
def test_yaml_syntax_errors_name_file_and_line(tmp_path: pathlib.Path, text: str, message: str) -> None:
    f = tmp_path / "x.yaml"
    f.write_text(text)
    with pytest.raises(ManifestError) as e:
        load(f)
    assert str(e.value) == f"error parsing {f}: error converting YAML to JSON: {message}"
    assert isinstance(e.value, SandboxError)
    assert e.value.line == int(message.split("line ")[1].split(":")[0])


def test_yaml_error_in_text_source() -> None:
    with pytest.raises(ManifestError, match=r"^error parsing STDIN: error converting YAML to JSON: yaml: line 2: "):
        load("a: b\nc: d: e\n")


def test_bad_json(tmp_path: pathlib.Path) -> None:
    f = tmp_path / "bad.json"
    f.write_text('{"apiVersion":"v1","kind":"Pod","metadata":{"name":"a",}}')
    with pytest.raises(ManifestError) as e:
        load(f)
    assert str(e.value) == f"error parsing {f}: json: offset 56: invalid character '}}' looking for beginning of object key string"


def test_missing_kind(tmp_path: pathlib.Path) -> None:
    f = tmp_path / "nokind.yaml"
    f.write_text("apiVersion: v1\nmetadata:\n  name: a\n")
    with pytest.raises(ManifestError) as e:
        load(f)
    assert str(e.value) == f'unable to decode "{f}": Object \'Kind\' is missing in \'{{"apiVersion":"v1","metadata":{{"name":"a"}}}}\''
    with pytest.raises(ManifestError) as e:
        load_dicts({"apiVersion": "v1", "metadata": {"name": "<a>"}})
    assert str(e.value) == 'Object \'Kind\' is missing in \'{"apiVersion":"v1","metadata":{"name":"\\u003ca\\u003e"}}\''


def test_unknown_kind(tmp_path: pathlib.Path) -> None:
    f = tmp_path / "podd.yaml"
    f.write_text("apiVersion: v1\nkind: Podd\nmetadata:\n  name: a\n  namespace: dev\n")
    with pytest.raises(ManifestError) as e:
        load(f)
    assert str(e.value) == (
        f'resource mapping not found for name: "a" namespace: "dev" from "{f}": '
        'no matches for kind "Podd" in version "v1"\nensure CRDs are installed first'
    )
    # the kind exists, but not in that version
    with pytest.raises(ManifestError, match='no matches for kind "Deployment" in version "v1"'):
        load({"apiVersion": "v1", "kind": "Deployment", "metadata": {"name": "d"}})
    with pytest.raises(ManifestError, match='no matches for kind "Pod" in version ""'):
        load({"kind": "Pod", "metadata": {"name": "d"}})


@pytest.mark.parametrize(("text", "what"), [("- a\n- b\n", "array"), ("hello\n", "string"), ("42\n", "number")])
def test_documents_that_are_not_objects(text: str, what: str) -> None:
    with pytest.raises(ManifestError) as e:
        load(text)
    assert str(e.value) == f"json: cannot unmarshal {what} into Go value of type unstructured.detector"


def test_missing_path() -> None:
    with pytest.raises(ManifestError) as e:
        load("pods/does-not-exist.yaml")
    assert str(e.value) == 'the path "pods/does-not-exist.yaml" does not exist'


def test_unknown_fields_are_rejected_strictly(tmp_path: pathlib.Path) -> None:
    f = tmp_path / "x.yaml"
    f.write_text(POD_A.replace("image: nginx", "imagee: nginx"))
    with pytest.raises(BadRequest) as e:
        load(f)
    assert str(e.value) == 'Pod in version "v1" cannot be handled as a Pod: strict decoding error: unknown field "spec.containers[0].imagee"'


def test_duplicate_fields_in_yaml() -> None:
    text = POD_A + "    image: busybox\n"
    with pytest.raises(BadRequest) as e:
        load_dicts(text)
    assert str(e.value) == 'Pod in version "v1" cannot be handled as a Pod: strict decoding error: duplicate field "spec.containers[0].image"'
    text = "apiVersion: v1\nkind: Pod\nmetadata:\n  name: a\n  name: b\nspec: {}\nspec: {}\n"
    with pytest.raises(BadRequest, match='duplicate field "metadata.name", duplicate field "spec"$'):
        load(text)


def test_yaml_scalar_keys_become_json_strings() -> None:
    (d,) = load_dicts("apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\ndata:\n  80: http\n  true: yes-key\n")
    assert d["data"] == {"80": "http", "true": "yes-key"}
    (cm,) = load(d)
    assert cm.data == {"80": "http", "true": "yes-key"}  # type: ignore[attr-defined]
