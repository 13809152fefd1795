"""Load manifests the way ``kubectl apply -f`` reads them.

``source`` may be a path (``str`` or :class:`pathlib.Path`) to a file or to a directory of
``.yaml``/``.yml``/``.json`` files (non-recursive, in name order, like ``kubectl apply -f DIR``),
YAML or JSON text, a dict, a model, or a list of any of these. Multi-document YAML is split on
``---`` lines; empty documents are skipped; ``kind: List`` is flattened into its ``items``.

Errors use kubectl's words::

    error parsing pods/x.yaml: error converting YAML to JSON: yaml: line 7: mapping values are not allowed in this context
    unable to decode "x.yaml": Object 'Kind' is missing in '{"apiVersion":"v1"}'
    resource mapping not found for name: "x" namespace: "" from "x.yaml": no matches for kind "Podd" in version "v1"

As kubectl does, YAML line numbers count from the start of the document (after its ``---``).
"""

from __future__ import annotations

import json
import os
import pathlib
import re
from collections.abc import Iterable
from typing import Any

import yaml

from sandbox.api.base import K8sModel, KubeObject
from sandbox.errors import BadRequest, SandboxError

__all__ = ["ManifestError", "load", "load_dicts", "parse_text", "go_json"]

_EXTENSIONS = (".yaml", ".yml", ".json")


class ManifestError(SandboxError, ValueError):
    """A manifest kubectl could not read (syntax, missing kind, unknown kind, missing path)."""

    def __init__(self, message: str, *, source: str | None = None, line: int | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.source = source
        self.line = line

    def __str__(self) -> str:
        return self.message


# ---------------------------------------------------------------------------------------------
# Go-flavoured JSON text, for messages
# ---------------------------------------------------------------------------------------------


def go_json(obj: Any) -> str:
    """``json.Marshal`` of a map: compact, keys sorted, ``<``/``>``/``&`` escaped."""
    text = json.dumps(obj, sort_keys=True, separators=(",", ":"), ensure_ascii=False, default=str)
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


# ---------------------------------------------------------------------------------------------
# YAML with kubectl's error wording and duplicate-key detection
# ---------------------------------------------------------------------------------------------


class _Loader(yaml.SafeLoader):
    """SafeLoader that remembers duplicate mapping keys (as ``{id(dict): [keys]}``)."""

    def __init__(self, stream: Any) -> None:
        super().__init__(stream)
        self.duplicates: dict[int, list[str]] = {}

    def construct_mapping(self, node: Any, deep: bool = False) -> dict[Any, Any]:
        mapping = super().construct_mapping(node, deep=deep)
        seen: set[Any] = set()
        dups: list[str] = []
        for key_node, _ in node.value:
            key = self.construct_object(key_node, deep=deep)
            try:
                if key in seen:
                    dups.append(str(key))
                seen.add(key)
            except TypeError:
                continue
        if dups:
            self.duplicates[id(mapping)] = dups
        return mapping


def _json_key(key: Any) -> Any:
    """YAML->JSON turns scalar keys into strings (``80: x`` -> ``"80"``), as sigs.k8s.io/yaml does."""
    if isinstance(key, str):
        return key
    if isinstance(key, bool):
        return "true" if key else "false"
    if key is None:
        return "null"
    if isinstance(key, float):
        return repr(key) if not key.is_integer() else str(int(key))
    if isinstance(key, int):
        return str(key)
    return key


def _construct_yaml_map(loader: _Loader, node: Any) -> Any:
    data: dict[Any, Any] = {}
    yield data
    value = loader.construct_mapping(node)
    data.update((_json_key(k), v) for k, v in value.items())
    dups = loader.duplicates.pop(id(value), None)
    if dups:
        loader.duplicates[id(data)] = dups


_Loader.add_constructor("tag:yaml.org,2002:map", _construct_yaml_map)
# Timestamps stay strings (Go's YAML->JSON keeps them as text).
_Loader.add_constructor(
    "tag:yaml.org,2002:timestamp", lambda loader, node: loader.construct_scalar(node)
)

_SCANNER_PROBLEMS = [
    (re.compile(r"mapping values are not allowed here"), "mapping values are not allowed in this context"),
    (re.compile(r"found character .* that cannot start any token"), "found character that cannot start any token"),
    (re.compile(r"found unknown escape character"), "found unknown escape character"),
]


def _libyaml_message(err: yaml.MarkedYAMLError) -> tuple[str, int]:
    """(problem text as libyaml/go-yaml words it, line number as go-yaml prints it)."""
    problem = err.problem or "unknown problem parsing YAML content"
    context = err.context or ""
    scanner = isinstance(err, yaml.scanner.ScannerError)
    for rx, words in _SCANNER_PROBLEMS:
        if rx.search(problem):
            problem = words
            break
    else:
        if isinstance(err, yaml.parser.ParserError):
            if "block mapping" in context:
                problem = "did not find expected key"
            elif "block collection" in context:
                problem = "did not find expected '-' indicator"
            elif "flow sequence" in context:
                problem = "did not find expected ',' or ']'"
            elif "flow mapping" in context:
                problem = "did not find expected ',' or '}'"
            elif problem.startswith("expected the node content"):
                problem = "did not find expected node content"
            elif "expected '<document start>'" in problem:
                problem = "did not find expected <document start>"
        elif isinstance(err, yaml.composer.ComposerError) and "undefined alias" in problem:
            anchor = err.problem_mark.get_snippet() if err.problem_mark else ""
            problem = f"unknown anchor '{anchor}' referenced" if anchor else problem
        elif "could not find expected ':'" in problem:
            problem = "could not find expected ':'"
    line = 0
    pm, cm = err.problem_mark, err.context_mark
    if pm is not None and pm.line != 0:
        line = pm.line + (1 if scanner else 0)
    elif cm is not None and cm.line != 0:
        line = cm.line
    return problem, line


def _split_documents(text: str) -> list[tuple[int, str]]:
    """Split a YAML stream as kubectl's YAMLReader does: (first line number, document text)."""
    docs: list[tuple[int, str]] = []
    current: list[str] = []
    start = 0
    for i, line in enumerate(text.splitlines(keepends=True)):
        if line.startswith("---"):
            rest = line[3:].strip()
            if rest == "" or rest.startswith("#"):
                docs.append((start, "".join(current)))
                current = []
                start = i + 1
                continue
        current.append(line)
    docs.append((start, "".join(current)))
    return docs


def _dup_paths(obj: Any, dups: dict[int, list[str]], prefix: str = "") -> list[str]:
    out: list[str] = []
    if isinstance(obj, dict):
        duplicated = dups.get(id(obj), [])
        for k, v in obj.items():  # document order, as Go reports them
            path = f"{prefix}.{k}" if prefix else str(k)
            if str(k) in duplicated:
                out.append(path)
            out.extend(_dup_paths(v, dups, path))
    elif isinstance(obj, list):
        for i, v in enumerate(obj):
            out.extend(_dup_paths(v, dups, f"{prefix}[{i}]"))
    return out


def _parse_json_stream(text: str, where: str) -> list[Any]:
    dec = json.JSONDecoder()
    out: list[Any] = []
    pos = 0
    n = len(text)
    while True:
        while pos < n and text[pos] in " \t\r\n":
            pos += 1
        if pos >= n:
            return out
        try:
            obj, pos = dec.raw_decode(text, pos)
        except json.JSONDecodeError as e:
            raise ManifestError(f"error parsing {where}: json: {_go_json_error(e)}", source=where) from None
        out.append(obj)


def _go_json_error(e: json.JSONDecodeError) -> str:
    if e.pos >= len(e.doc):
        return "unexpected end of JSON input"
    ch = e.doc[e.pos]
    what = {
        "Expecting property name enclosed in double quotes": "looking for beginning of object key string",
        "Expecting value": "looking for beginning of value",
        "Expecting ',' delimiter": "after object key:value pair",
        "Expecting ':' delimiter": "after object key",
        "Extra data": "after top-level value",
    }.get(e.msg)
    if what is None:
        return f"offset {e.pos + 1}: {e.msg}"
    return f"offset {e.pos + 1}: invalid character {ch!r} {what}"


def parse_text(text: str, where: str = "STDIN") -> list[Any]:
    """Parse a YAML or JSON stream into its documents (``None`` for empty ones is dropped).

    Duplicate keys in YAML raise :class:`sandbox.errors.BadRequest` with the API server's
    strict-decoding wording (``duplicate field "spec.containers[0].image"``).
    """
    if text.lstrip().startswith("{"):
        return _parse_json_stream(text, where)
    out: list[Any] = []
    for _start, doc in _split_documents(text):
        loader = _Loader(doc)
        try:
            data = loader.get_single_data()
        except yaml.MarkedYAMLError as e:
            problem, line = _libyaml_message(e)
            at = f"line {line}: " if line else ""
            raise ManifestError(
                f"error parsing {where}: error converting YAML to JSON: yaml: {at}{problem}",
                source=where,
                line=line or None,
            ) from None
        except yaml.YAMLError as e:  # pragma: no cover - non-marked errors are rare
            raise ManifestError(f"error parsing {where}: error converting YAML to JSON: yaml: {e}") from None
        finally:
            loader.dispose()
        if data is None:
            continue
        if loader.duplicates:
            paths = _dup_paths(data, loader.duplicates)
            if paths and isinstance(data, dict):
                kind = data.get("kind", "")
                version = data.get("apiVersion", "")
                raise BadRequest(
                    f'{kind} in version "{version}" cannot be handled as a {kind}: strict decoding error: '
                    + ", ".join(f'duplicate field "{p}"' for p in paths)
                )
        out.append(data)
    return out


# ---------------------------------------------------------------------------------------------
# Sources
# ---------------------------------------------------------------------------------------------


def _looks_like_path(s: str) -> bool:
    return "\n" not in s and (s.endswith(_EXTENSIONS) or os.sep in s or s.startswith(".")) and ": " not in s


def _iter_sources(source: Any) -> Iterable[tuple[Any, str | None]]:
    """Yield (raw document, file name or None)."""
    if isinstance(source, (K8sModel, dict)):
        yield source, None
    elif isinstance(source, pathlib.Path) or (isinstance(source, str) and _looks_like_path(source)):
        path = pathlib.Path(source)
        if not path.exists():
            raise ManifestError(f'the path "{source}" does not exist', source=str(source))
        if path.is_dir():
            files = sorted(p for p in path.iterdir() if p.is_file() and p.suffix in _EXTENSIONS)
            for f in files:
                for doc in parse_text(f.read_text(), str(f)):
                    yield doc, str(f)
        else:
            for doc in parse_text(path.read_text(), str(source)):
                yield doc, str(source)
    elif isinstance(source, str):
        for doc in parse_text(source):
            yield doc, None
    elif isinstance(source, (list, tuple)):
        for item in source:
            yield from _iter_sources(item)
    else:
        raise ManifestError(f"cannot load a manifest from {type(source).__name__}")


def _unable_to_decode(msg: str, where: str | None) -> ManifestError:
    return ManifestError(f'unable to decode "{where}": {msg}' if where else msg, source=where)


def _flatten(doc: Any, where: str | None) -> Iterable[dict[str, Any]]:
    if isinstance(doc, K8sModel):
        yield doc.to_dict()
        return
    if not isinstance(doc, dict):
        if isinstance(doc, bool):
            kind = "bool"
        elif isinstance(doc, (int, float)):
            kind = "number"
        elif isinstance(doc, str):
            kind = "string"
        elif isinstance(doc, list):
            kind = "array"
        else:
            kind = "object"
        raise _unable_to_decode(
            f"json: cannot unmarshal {kind} into Go value of type unstructured.detector", where
        )
    kind = doc.get("kind")
    if not kind:
        raise _unable_to_decode(f"Object 'Kind' is missing in '{go_json(doc)}'", where)
    if kind == "List" or (isinstance(kind, str) and kind.endswith("List") and "items" in doc):
        for item in doc.get("items") or []:
            yield from _flatten(item, where)
        return
    yield doc


def load_dicts(source: Any) -> list[dict[str, Any]]:
    """Every object in ``source`` as a Kubernetes JSON dict (``kind: List`` flattened)."""
    out: list[dict[str, Any]] = []
    for doc, where in _iter_sources(source):
        out.extend(_flatten(doc, where))
    return out


def load(source: Any) -> list[K8sModel]:
    """Every object in ``source`` as a model, decoded strictly (see :meth:`K8sModel.from_dict`).

    An unknown kind raises :class:`ManifestError` with kubectl's ``resource mapping not found``
    message; unknown fields raise :class:`sandbox.errors.BadRequest`.
    """
    from sandbox.api.registry import REGISTRY, NoKindMatchError

    out: list[K8sModel] = []
    for doc, where in _iter_sources(source):
        if isinstance(doc, KubeObject):
            out.append(doc)
            continue
        for d in _flatten(doc, where):
            try:
                info = REGISTRY.for_kind(str(d.get("apiVersion") or ""), str(d["kind"]))
            except NoKindMatchError as e:
                meta = d.get("metadata") if isinstance(d.get("metadata"), dict) else {}
                name = meta.get("name", "") if meta else ""
                ns = meta.get("namespace", "") if meta else ""
                raise ManifestError(
                    f'resource mapping not found for name: "{name}" namespace: "{ns}" from "{where or "STDIN"}": '
                    f"{e}\nensure CRDs are installed first",
                    source=where,
                ) from None
            out.append(info.model.from_dict(d))
    return out
