"""kubectl's JSONPath dialect (``k8s.io/client-go/util/jsonpath``).

Templates mix text and ``{...}`` actions: ``{.metadata.name}``, ``{.items[*].metadata.name}``,
``{.items[0]}``, ``{.items[-1:]}``, ``{['metadata']['name']}``, ``{..name}``, filters
``{.items[?(@.status.phase=="Running")].metadata.name}``, unions ``{.a['b','c']}``,
``{range .items[*]}{.metadata.name}{"\\n"}{end}``, string literals ``{"\\t"}``, ``{@}`` / ``{$}``.

Printing follows ``JSONPath.PrintResults``: strings as they are, numbers and booleans as text,
maps and lists as compact JSON, several results of one action separated by a space. Missing
keys print nothing (kubectl's ``--allow-missing-template-keys=true``) or raise
:class:`JSONPathError` ``foo is not found``.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from typing import Any

__all__ = ["JSONPath", "JSONPathError", "relaxed", "go_sprint", "text_of"]


class JSONPathError(ValueError):
    """A template that does not parse, or (when missing keys are not allowed) a missing key."""


# ----------------------------------------------------------------------------- AST


@dataclass
class _Text:
    text: str


@dataclass
class _Path:
    ops: list[tuple[str, Any]]


@dataclass
class _Range:
    path: _Path
    body: list[Any] = field(default_factory=list)


_ESCAPES = {"n": "\n", "t": "\t", "r": "\r", "\\": "\\", '"': '"', "'": "'", "0": "\0", "f": "\f", "b": "\b", "v": "\v", "a": "\a"}


def _unquote(s: str) -> str:
    out: list[str] = []
    i = 0
    while i < len(s):
        ch = s[i]
        if ch == "\\" and i + 1 < len(s):
            nxt = s[i + 1]
            out.append(_ESCAPES.get(nxt, nxt))
            i += 2
            continue
        out.append(ch)
        i += 1
    return "".join(out)


def relaxed(expr: str) -> str:
    """``RelaxedJSONPathExpression``: ``metadata.name`` / ``.metadata.name`` -> ``{.metadata.name}``."""
    m = re.fullmatch(r"\{?(\.?)([^{}]*)\}?", expr)
    if expr.startswith("{") != expr.endswith("}") or m is None:
        raise JSONPathError("unexpected path string, expected a 'name1.name2' or '.name1.name2' or '{name1.name2}' or '{.name1.name2}'")
    body = m.group(2)
    if body == "":
        return "{" + m.group(1) + "}"
    if not body.startswith(("[", ".")):
        body = "." + body
    return "{" + body + "}"


def _split_actions(template: str) -> list[tuple[bool, str]]:
    """Split ``text{action}text`` into (is_action, text) pieces, honouring quotes inside actions."""
    pieces: list[tuple[bool, str]] = []
    i = 0
    n = len(template)
    buf: list[str] = []
    while i < n:
        ch = template[i]
        if ch != "{":
            buf.append(ch)
            i += 1
            continue
        if buf:
            pieces.append((False, "".join(buf)))
            buf = []
        j = i + 1
        depth = 1
        quote = ""
        while j < n:
            c = template[j]
            if quote:
                if c == "\\":
                    j += 2
                    continue
                if c == quote:
                    quote = ""
            elif c in "\"'":
                quote = c
            elif c == "{":
                depth += 1
            elif c == "}":
                depth -= 1
                if depth == 0:
                    break
            j += 1
        if j >= n:
            raise JSONPathError("unclosed action")
        pieces.append((True, template[i + 1:j]))
        i = j + 1
    if buf:
        pieces.append((False, "".join(buf)))
    return pieces


def _parse_brackets(content: str) -> tuple[str, Any]:
    c = content.strip()
    if c == "*":
        return ("wild", None)
    if c.startswith("?(") and c.endswith(")"):
        return ("filter", _parse_filter(c[2:-1]))
    parts = _split_top(c, ",")
    if len(parts) > 1:
        return ("union", [_parse_brackets(p) for p in parts])
    if c[:1] in "\"'" and c[-1:] == c[:1]:
        return ("field", _unquote(c[1:-1]))
    if ":" in c:
        bits = c.split(":")
        if len(bits) > 3:
            raise JSONPathError(f"invalid array index {c}")
        vals = [int(b) if b.strip() else None for b in bits]
        while len(vals) < 3:
            vals.append(None)
        return ("slice", tuple(vals))
    try:
        return ("index", int(c))
    except ValueError:
        raise JSONPathError(f"invalid array index {c}") from None


def _split_top(s: str, sep: str) -> list[str]:
    parts, buf, quote, depth = [], [], "", 0
    for ch in s:
        if quote:
            buf.append(ch)
            if ch == quote:
                quote = ""
            continue
        if ch in "\"'":
            quote = ch
        elif ch in "([":
            depth += 1
        elif ch in ")]":
            depth -= 1
        elif ch == sep and depth == 0:
            parts.append("".join(buf))
            buf = []
            continue
        buf.append(ch)
    parts.append("".join(buf))
    return parts


_FILTER_OPS = ("==", "!=", "<=", ">=", "<", ">")


def _parse_filter(expr: str) -> tuple[Any, str | None, Any]:
    quote = ""
    for i, ch in enumerate(expr):
        if quote:
            if ch == quote:
                quote = ""
            continue
        if ch in "\"'":
            quote = ch
            continue
        for op in _FILTER_OPS:
            if expr.startswith(op, i):
                return (_parse_operand(expr[:i]), op, _parse_operand(expr[i + len(op):]))
    return (_parse_operand(expr), None, None)


def _parse_operand(s: str) -> Any:
    s = s.strip()
    if s[:1] in "\"'" and s[-1:] == s[:1] and len(s) >= 2:
        return ("lit", _unquote(s[1:-1]))
    if s.startswith(("@", "$", ".")):
        return ("path", _parse_path(s))
    if s in ("true", "false"):
        return ("lit", s == "true")
    try:
        return ("lit", int(s))
    except ValueError:
        pass
    try:
        return ("lit", float(s))
    except ValueError:
        raise JSONPathError(f"unrecognized filter operand {s}") from None


def _parse_path(s: str) -> _Path:
    ops: list[tuple[str, Any]] = []
    i = 0
    n = len(s)
    while i < n:
        ch = s[i]
        if ch in "@$":
            i += 1
            continue
        if ch == ".":
            if i + 1 < n and s[i + 1] == ".":
                i += 2
                name, i = _read_name(s, i)
                ops.append(("recursive", name))
                continue
            i += 1
            if i >= n:
                break
            if s[i] == "*":
                ops.append(("wild", None))
                i += 1
                continue
            if s[i] in ".[":
                continue
            name, i = _read_name(s, i)
            ops.append(("field", name))
            continue
        if ch == "[":
            depth, j, quote = 1, i + 1, ""
            while j < n:
                c = s[j]
                if quote:
                    if c == quote:
                        quote = ""
                elif c in "\"'":
                    quote = c
                elif c == "[":
                    depth += 1
                elif c == "]":
                    depth -= 1
                    if depth == 0:
                        break
                j += 1
            if j >= n:
                raise JSONPathError("unterminated array")
            ops.append(_parse_brackets(s[i + 1:j]))
            i = j + 1
            continue
        if ch.isspace():
            i += 1
            continue
        name, i = _read_name(s, i)
        ops.append(("field", name))
    return _Path(ops)


def _read_name(s: str, i: int) -> tuple[str, int]:
    out: list[str] = []
    while i < len(s):
        ch = s[i]
        if ch == "\\" and i + 1 < len(s):
            out.append(s[i + 1])
            i += 2
            continue
        if ch in ".[ ":
            break
        out.append(ch)
        i += 1
    return "".join(out), i


def _parse(template: str) -> list[Any]:
    root: list[Any] = []
    stack: list[list[Any]] = [root]
    for is_action, text in _split_actions(template):
        if not is_action:
            stack[-1].append(_Text(text))
            continue
        t = text.strip()
        if t.startswith("range ") or t == "range":
            rng = _Range(_parse_path(t[5:].strip()))
            stack[-1].append(rng)
            stack.append(rng.body)
        elif t == "end":
            if len(stack) == 1:
                raise JSONPathError("not in range, nothing to end")
            stack.pop()
        elif t[:1] in "\"'" and t[-1:] == t[:1] and len(t) >= 2:
            stack[-1].append(_Text(_unquote(t[1:-1])))
        else:
            stack[-1].append(_Path(_parse_path(t).ops))
    if len(stack) != 1:
        raise JSONPathError("unclosed range")
    return root


# ----------------------------------------------------------------------------- evaluation

_MISSING = object()


class JSONPath:
    """A parsed template: ``JSONPath("{.metadata.name}").execute(obj)``."""

    def __init__(self, template: str, *, allow_missing_keys: bool = True, output_json: bool = False) -> None:
        self.template = template
        self.allow_missing = allow_missing_keys
        self.output_json = output_json
        self.nodes = _parse(template)

    def find_results(self, data: Any) -> list[list[Any]]:
        """The results of each action (text pieces are results too), as ``FindResults``."""
        out: list[list[Any]] = []
        self._walk(self.nodes, data, out)
        return out

    def _walk(self, nodes: list[Any], data: Any, out: list[list[Any]]) -> None:
        for node in nodes:
            if isinstance(node, _Text):
                out.append([_TextValue(node.text)])
            elif isinstance(node, _Range):
                for item in self._eval(node.path, data):
                    self._walk(node.body, item, out)
            else:
                out.append(self._eval(node, data))

    def execute(self, data: Any) -> str:
        """The printed text of the template over ``data``."""
        parts: list[str] = []
        for results in self.find_results(data):
            parts.append(self._print(results))
        return "".join(parts)

    def _print(self, results: list[Any]) -> str:
        if self.output_json:
            if len(results) == 1 and isinstance(results[0], _TextValue):
                return results[0]
            vals = [str(r) if isinstance(r, _TextValue) else r for r in results]
            return _json_indent(vals) + "\n"
        texts: list[str] = []
        for r in results:
            if isinstance(r, _TextValue):
                texts.append(str(r))
            elif isinstance(r, (dict, list)):
                texts.append(_go_json(r))
            else:
                texts.append(text_of(r))
        return " ".join(texts)

    def _eval(self, path: _Path, data: Any) -> list[Any]:
        cur = [data]
        for op, arg in path.ops:
            cur = self._apply(op, arg, cur, data)
        return cur

    def _apply(self, op: str, arg: Any, values: list[Any], root: Any) -> list[Any]:
        out: list[Any] = []
        if op == "field":
            for v in values:
                if isinstance(v, dict) and arg in v:
                    out.append(v[arg])
                elif not self.allow_missing:
                    raise JSONPathError(f"{arg} is not found")
            return out
        if op == "wild":
            for v in values:
                if isinstance(v, dict):
                    out.extend(v[k] for k in sorted(v))
                elif isinstance(v, list):
                    out.extend(v)
            return out
        if op == "index":
            for v in values:
                if not isinstance(v, list):
                    continue
                i = arg + len(v) if arg < 0 else arg
                if 0 <= i < len(v):
                    out.append(v[i])
                elif not self.allow_missing:
                    raise JSONPathError(f"array index out of bounds: index {arg}, length {len(v)}")
            return out
        if op == "slice":
            start, end, step = arg
            for v in values:
                if isinstance(v, list):
                    out.extend(v[slice(start, end, step)])
            return out
        if op == "union":
            for sub_op, sub_arg in arg:
                out.extend(self._apply(sub_op, sub_arg, values, root))
            return out
        if op == "filter":
            for v in values:
                items = v if isinstance(v, list) else list(v.values()) if isinstance(v, dict) else []
                out.extend(item for item in items if self._test(arg, item, root))
            return out
        if op == "recursive":
            for v in values:
                self._recurse(v, arg, out)
            return out
        raise JSONPathError(f"unknown operation {op}")

    def _recurse(self, v: Any, name: str, out: list[Any]) -> None:
        if isinstance(v, dict):
            if name in v:
                out.append(v[name])
            for k in sorted(v):
                self._recurse(v[k], name, out)
        elif isinstance(v, list):
            for item in v:
                self._recurse(item, name, out)

    def _operand(self, operand: Any, item: Any, root: Any) -> list[Any]:
        kind, value = operand
        if kind == "lit":
            return [value]
        saved = self.allow_missing
        self.allow_missing = True
        try:
            return self._eval(value, item)
        finally:
            self.allow_missing = saved

    def _test(self, cond: Any, item: Any, root: Any) -> bool:
        left, op, right = cond
        lv = self._operand(left, item, root)
        if op is None:
            return bool(lv) and lv[0] not in (None, False, "")
        rv = self._operand(right, item, root)
        if not lv or not rv:
            return False
        a, b = lv[0], rv[0]
        if op == "==":
            return _eq(a, b)
        if op == "!=":
            return not _eq(a, b)
        try:
            if op == "<":
                return a < b
            if op == ">":
                return a > b
            if op == "<=":
                return a <= b
            if op == ">=":
                return a >= b
        except TypeError:
            return False
        return False


def _eq(a: Any, b: Any) -> bool:
    if isinstance(a, bool) or isinstance(b, bool):
        return a is b or a == b and type(a) is type(b)
    if isinstance(a, (int, float)) and isinstance(b, (int, float)):
        return a == b
    return a == b


class _TextValue(str):
    """Literal template text among results."""


def text_of(v: Any) -> str:
    """How jsonpath prints a scalar: strings as is, booleans ``true``/``false``, numbers as Go does."""
    if isinstance(v, bool):
        return "true" if v else "false"
    if v is None:
        return "<nil>"
    if isinstance(v, float):
        return _go_float(v)
    return str(v)


def _go_float(f: float) -> str:
    if f == int(f) and abs(f) < 1e21:
        return str(int(f))
    r = repr(f)
    if "e" in r:
        mant, exp = r.split("e")
        sign = "-" if exp.startswith("-") else "+"
        exp = exp.lstrip("+-").rjust(2, "0")
        return f"{mant}e{sign}{exp}"
    return r


def go_sprint(v: Any) -> str:
    """Go's ``fmt.Sprint`` of a decoded JSON value (``map[a:1 b:[x y]]``), as custom-columns prints it."""
    if isinstance(v, dict):
        return "map[" + " ".join(f"{k}:{go_sprint(v[k])}" for k in sorted(v)) + "]"
    if isinstance(v, list):
        return "[" + " ".join(go_sprint(x) for x in v) + "]"
    return text_of(v)


def _go_json(v: Any) -> str:
    """Go's ``json.Marshal``: compact, keys sorted, HTML characters escaped."""
    text = json.dumps(v, separators=(",", ":"), ensure_ascii=False, sort_keys=True)
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def _json_indent(v: Any) -> str:
    text = json.dumps(v, indent=4, ensure_ascii=False, sort_keys=True)
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
