"""Label and field selectors, as ``k8s.io/apimachinery/pkg/labels`` and ``.../fields`` parse them.

Label selectors (``app=web,env in (a,b),!legacy``) use Kubernetes' own grammar and error messages,
e.g. ``unable to parse requirement: found '', expected: '('`` is what kube-apiserver answers for
``env in``. Field selectors (``status.phase=Running,spec.nodeName!=node-1``) support ``=``, ``==``
and ``!=``; which fields a kind may be selected on is decided by the API server (see
:func:`selectable_fields`)::

    >>> parse_label_selector("app=web,tier!=db").matches({"app": "web"})
    True
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from sandbox.api.field import go_quote
from sandbox.errors import BadRequest

__all__ = [
    "LabelSelector",
    "Requirement",
    "FieldSelector",
    "FieldRequirement",
    "parse_label_selector",
    "parse_field_selector",
    "selector_from_label_selector",
    "selector_from_set",
    "selectable_fields",
    "SelectorError",
]


class SelectorError(BadRequest):
    """A selector that does not parse (HTTP 400, as kube-apiserver answers)."""


# ---------------------------------------------------------------------------------------------
# Label key / value validation (apimachinery/pkg/util/validation)
# ---------------------------------------------------------------------------------------------

_QNAME_CHAR = "[A-Za-z0-9]"
_QNAME_EXT = "[-A-Za-z0-9_.]"
_QUALIFIED_NAME_FMT = f"({_QNAME_CHAR}{_QNAME_EXT}*)?{_QNAME_CHAR}"
_QUALIFIED_NAME_RE = re.compile(f"^{_QUALIFIED_NAME_FMT}$")
_LABEL_VALUE_FMT = f"({_QUALIFIED_NAME_FMT})?"
_LABEL_VALUE_RE = re.compile(f"^{_LABEL_VALUE_FMT}$")
_DNS1123_LABEL_FMT = "[a-z0-9]([-a-z0-9]*[a-z0-9])?"
_DNS1123_SUBDOMAIN_FMT = _DNS1123_LABEL_FMT + "(\\." + _DNS1123_LABEL_FMT + ")*"
_DNS1123_SUBDOMAIN_RE = re.compile(f"^{_DNS1123_SUBDOMAIN_FMT}$")

_QNAME_ERR = (
    "name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end "
    "with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for "
    f"validation is '{_QUALIFIED_NAME_FMT}')"
)
_QNAME_TOO_MANY_SLASHES = (
    "a qualified name must consist of alphanumeric characters, '-', '_' or '.', and must start and "
    "end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used "
    f"for validation is '{_QUALIFIED_NAME_FMT}') with an optional DNS subdomain prefix and '/' "
    "(e.g. 'example.com/MyName')"
)
_SUBDOMAIN_ERR = (
    "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', "
    "and must start and end with an alphanumeric character (e.g. 'example.com', regex used for "
    f"validation is '{_DNS1123_SUBDOMAIN_FMT}')"
)
_LABEL_VALUE_ERR = (
    "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', "
    "and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or "
    f"'12345', regex used for validation is '{_LABEL_VALUE_FMT}')"
)


def qualified_name_errors(value: str) -> list[str]:
    """``IsQualifiedName``: the messages for a bad label key (empty list when valid)."""
    errs: list[str] = []
    parts = value.split("/")
    if len(parts) == 1:
        name = parts[0]
    elif len(parts) == 2:
        prefix, name = parts
        if not prefix:
            errs.append("prefix part must be non-empty")
        else:
            if len(prefix) > 253:
                errs.append("prefix part must be no more than 253 characters")
            if not _DNS1123_SUBDOMAIN_RE.match(prefix):
                errs.append("prefix part " + _SUBDOMAIN_ERR)
    else:
        return [_QNAME_TOO_MANY_SLASHES]
    if not name:
        errs.append("name part must be non-empty")
    elif len(name) > 63:
        errs.append("name part must be no more than 63 characters")
    if name and not _QUALIFIED_NAME_RE.match(name):
        errs.append(_QNAME_ERR)
    return errs


def label_value_errors(value: str) -> list[str]:
    """``IsValidLabelValue``: the messages for a bad label value (empty list when valid)."""
    errs: list[str] = []
    if len(value) > 63:
        errs.append("must be no more than 63 characters")
    if not _LABEL_VALUE_RE.match(value):
        errs.append(_LABEL_VALUE_ERR)
    return errs


# ---------------------------------------------------------------------------------------------
# Label selectors
# ---------------------------------------------------------------------------------------------

_OPS = ("in", "notin", "=", "==", "!=", "gt", "lt", "exists", "!")
_BINARY_OPERATORS = "in, notin, =, ==, !=, gt, lt"


@dataclass(frozen=True)
class Requirement:
    """One term of a label selector: ``key``, an operator and its values."""

    key: str
    operator: str  # in, notin, =, ==, !=, exists, !, gt, lt
    values: tuple[str, ...] = ()

    def matches(self, labels: Mapping[str, str]) -> bool:
        op = self.operator
        if op in ("in", "=", "=="):
            return self.key in labels and labels[self.key] in self.values
        if op in ("notin", "!="):
            return self.key not in labels or labels[self.key] not in self.values
        if op == "exists":
            return self.key in labels
        if op == "!":
            return self.key not in labels
        if op in ("gt", "lt"):
            if self.key not in labels:
                return False
            try:
                have = int(labels[self.key])
                want = int(self.values[0])
            except (ValueError, IndexError):
                return False
            return have > want if op == "gt" else have < want
        return False

    def __str__(self) -> str:
        op = self.operator
        if op == "exists":
            return self.key
        if op == "!":
            return "!" + self.key
        vals = ",".join(sorted(self.values))
        if op in ("in", "notin"):
            return f"{self.key} {op} ({vals})"
        if op == "gt":
            return f"{self.key}>{vals}"
        if op == "lt":
            return f"{self.key}<{vals}"
        return f"{self.key}{op}{vals}"


@dataclass(frozen=True)
class LabelSelector:
    """A parsed label selector: every requirement must match. Empty matches everything."""

    requirements: tuple[Requirement, ...] = ()
    nothing: bool = False

    def matches(self, labels: Mapping[str, str] | None) -> bool:
        if self.nothing:
            return False
        labels = labels or {}
        return all(r.matches(labels) for r in self.requirements)

    def empty(self) -> bool:
        return not self.nothing and not self.requirements

    def __str__(self) -> str:
        return ",".join(str(r) for r in self.requirements)


def _new_requirement(key: str, op: str, values: list[str]) -> Requirement:
    """``NewRequirement`` with its validation (path-less, as the string parser reports it)."""
    errs: list[str] = []
    kerrs = qualified_name_errors(key)
    if kerrs:
        errs.append(f"key: Invalid value: {go_quote(key)}: " + "; ".join(kerrs))
    if op in ("in", "notin") and not values:
        errs.append("values: Invalid value: []string{}: for 'in', 'notin' operators, values set can't be empty")
    for i, v in enumerate(values):
        verrs = label_value_errors(v)
        if verrs:
            errs.append(f"values[{i}][{key}]: Invalid value: {go_quote(v)}: " + "; ".join(verrs))
    if errs:
        raise SelectorError(errs[0] if len(errs) == 1 else "[" + ", ".join(errs) + "]")
    return Requirement(key, op, tuple(values))


# Lexer tokens
_T_ERROR, _T_EOS, _T_CPAR, _T_COMMA, _T_NOT, _T_DEQ, _T_EQ, _T_GT, _T_ID, _T_IN, _T_LT, _T_NEQ, _T_NOTIN, _T_OPAR = range(14)
_STRING2TOKEN = {
    ")": _T_CPAR,
    ",": _T_COMMA,
    "!": _T_NOT,
    "==": _T_DEQ,
    "=": _T_EQ,
    ">": _T_GT,
    "in": _T_IN,
    "<": _T_LT,
    "!=": _T_NEQ,
    "notin": _T_NOTIN,
    "(": _T_OPAR,
}
_SPECIAL = set("=!(),><")
_WS = set(" \t\r\n")


def _lex(s: str) -> list[tuple[int, str]]:
    items: list[tuple[int, str]] = []
    pos = 0
    n = len(s)
    while True:
        while pos < n and s[pos] in _WS:
            pos += 1
        if pos >= n:
            items.append((_T_EOS, ""))
            return items
        ch = s[pos]
        if ch in _SPECIAL:
            buf = ""
            last: tuple[int, str] | None = None
            while pos < n and s[pos] in _SPECIAL:
                buf += s[pos]
                if buf in _STRING2TOKEN:
                    last = (_STRING2TOKEN[buf], buf)
                    pos += 1
                elif last is not None:
                    break
                else:
                    pos += 1
            if last is None:
                items.append((_T_ERROR, f"error expected: keyword found '{buf}'"))
            else:
                items.append(last)
        else:
            start = pos
            while pos < n and s[pos] not in _SPECIAL and s[pos] not in _WS:
                pos += 1
            word = s[start:pos]
            items.append((_STRING2TOKEN.get(word, _T_ID), word) if word in ("in", "notin") else (_T_ID, word))


class _Parser:
    def __init__(self, s: str) -> None:
        self.items = _lex(s)
        self.pos = 0

    def _tok(self, values: bool, advance: bool) -> tuple[int, str]:
        tok, lit = self.items[self.pos]
        if advance:
            self.pos += 1
        if values and tok in (_T_IN, _T_NOTIN):
            tok = _T_ID
        return tok, lit

    def lookahead(self, values: bool = True) -> tuple[int, str]:
        return self._tok(values, False)

    def consume(self, values: bool = True) -> tuple[int, str]:
        return self._tok(values, True)

    def parse(self) -> list[Requirement]:
        reqs: list[Requirement] = []
        while True:
            tok, lit = self.lookahead()
            if tok in (_T_ID, _T_NOT):
                try:
                    r = self.parse_requirement()
                except SelectorError as e:
                    raise SelectorError(f"unable to parse requirement: {e.message}") from None
                reqs.append(r)
                t, lit2 = self.consume()
                if t == _T_EOS:
                    return reqs
                if t == _T_COMMA:
                    t2, l2 = self.lookahead()
                    if t2 not in (_T_ID, _T_NOT):
                        raise SelectorError(f"found '{l2}', expected: identifier after ','")
                else:
                    raise SelectorError(f"found '{lit2}', expected: ',' or 'end of string'")
            elif tok == _T_EOS:
                return reqs
            else:
                raise SelectorError(f"found '{lit}', expected: !, identifier, or 'end of string'")

    def parse_requirement(self) -> Requirement:
        op = ""
        tok, lit = self.consume()
        if tok == _T_NOT:
            op = "!"
            tok, lit = self.consume()
        if tok != _T_ID:
            raise SelectorError(f"found '{lit}', expected: identifier")
        kerrs = qualified_name_errors(lit)
        if kerrs:
            raise SelectorError(f"<nil>: Invalid value: {go_quote(lit)}: " + "; ".join(kerrs))
        key = lit
        t, _ = self.lookahead()
        if t in (_T_EOS, _T_COMMA):
            return _new_requirement(key, op or "exists", [])
        if op == "!":
            # "!key" followed by something else: the operator parser reports it.
            pass
        tok, lit = self.consume(values=False)
        ops = {_T_IN: "in", _T_NOTIN: "notin", _T_EQ: "=", _T_DEQ: "==", _T_NEQ: "!=", _T_GT: "gt", _T_LT: "lt"}
        if tok not in ops:
            raise SelectorError(f"found '{lit}', expected: {_BINARY_OPERATORS}")
        operator = ops[tok]
        values = self.parse_values() if operator in ("in", "notin") else self.parse_exact_value()
        return _new_requirement(key, operator, sorted(set(values)))

    def parse_values(self) -> list[str]:
        tok, lit = self.consume()
        if tok != _T_OPAR:
            raise SelectorError(f"found '{lit}' expected: '('")
        tok, lit = self.lookahead()
        if tok in (_T_ID, _T_COMMA):
            s = self.parse_identifiers_list()
            tok2, _ = self.consume()
            if tok2 != _T_CPAR:
                raise SelectorError(f"found '{lit}', expected: ')'")
            return s
        if tok == _T_CPAR:
            self.consume()
            return [""]
        raise SelectorError(f"found '{lit}', expected: ',', ')' or identifier")

    def parse_identifiers_list(self) -> list[str]:
        s: list[str] = []
        while True:
            tok, lit = self.consume()
            if tok == _T_ID:
                s.append(lit)
                tok2, lit2 = self.lookahead()
                if tok2 == _T_COMMA:
                    continue
                if tok2 == _T_CPAR:
                    return s
                raise SelectorError(f"found '{lit2}', expected: ',' or ')'")
            if tok == _T_COMMA:
                if not s:
                    s.append("")
                tok2, _ = self.lookahead()
                if tok2 == _T_CPAR:
                    s.append("")
                    return s
                if tok2 == _T_COMMA:
                    s.append("")
            else:
                raise SelectorError(f"found '{lit}', expected: ',', or identifier")

    def parse_exact_value(self) -> list[str]:
        tok, _ = self.lookahead()
        if tok in (_T_EOS, _T_COMMA):
            return [""]
        tok, lit = self.consume()
        if tok == _T_ID:
            return [lit]
        raise SelectorError(f"found '{lit}', expected: identifier")


def parse_label_selector(selector: str | LabelSelector | Mapping[str, str] | None) -> LabelSelector:
    """Parse ``app=web,env in (a,b)``; also accepts a parsed selector, a dict of labels or None."""
    if selector is None:
        return LabelSelector()
    if isinstance(selector, LabelSelector):
        return selector
    if isinstance(selector, Mapping):
        if "matchLabels" in selector or "matchExpressions" in selector:
            return selector_from_label_selector(selector)
        return selector_from_set(selector)
    if not isinstance(selector, str):
        # a metav1.LabelSelector model
        return selector_from_label_selector(selector)
    reqs = _Parser(selector).parse()
    reqs.sort(key=lambda r: r.key)
    return LabelSelector(tuple(reqs))


def selector_from_set(labels: Mapping[str, str]) -> LabelSelector:
    """``labels.SelectorFromSet``: every key must equal its value."""
    return LabelSelector(tuple(Requirement(k, "=", (v,)) for k, v in sorted(labels.items())))


def selector_from_label_selector(ls: Any) -> LabelSelector:
    """``metav1.LabelSelectorAsSelector``: a ``LabelSelector`` (model or dict) as a selector.

    ``None`` selects nothing, ``{}`` selects everything, as Kubernetes has it.
    """
    if ls is None:
        return LabelSelector(nothing=True)
    if not isinstance(ls, Mapping):
        ls = ls.to_dict() if hasattr(ls, "to_dict") else dict(ls)
    match_labels = ls.get("matchLabels") or {}
    exprs = ls.get("matchExpressions") or []
    if not match_labels and not exprs:
        return LabelSelector()
    reqs: list[Requirement] = []
    for k, v in match_labels.items():
        reqs.append(_new_requirement(k, "=", [v]))
    for e in exprs:
        if not isinstance(e, Mapping):
            e = e.to_dict()
        op = e.get("operator", "")
        key = e.get("key", "")
        values = list(e.get("values") or [])
        mapped = {"In": "in", "NotIn": "notin", "Exists": "exists", "DoesNotExist": "!"}.get(op)
        if mapped is None:
            raise SelectorError(f'{go_quote(op)} is not a valid label selector operator')
        reqs.append(_new_requirement(key, mapped, values))
    reqs.sort(key=lambda r: r.key)
    return LabelSelector(tuple(reqs))


# ---------------------------------------------------------------------------------------------
# Field selectors
# ---------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class FieldRequirement:
    """One term of a field selector."""

    field: str
    operator: str  # "=" , "==", "!="
    value: str

    def matches(self, fields: Mapping[str, str]) -> bool:
        have = fields.get(self.field, "")
        return have != self.value if self.operator == "!=" else have == self.value

    def __str__(self) -> str:
        return f"{self.field}{self.operator}{self.value}"


@dataclass(frozen=True)
class FieldSelector:
    """A parsed field selector: all terms must match."""

    requirements: tuple[FieldRequirement, ...] = field(default_factory=tuple)

    def matches(self, fields: Mapping[str, str]) -> bool:
        return all(r.matches(fields) for r in self.requirements)

    def empty(self) -> bool:
        return not self.requirements

    def __str__(self) -> str:
        return ",".join(str(r) for r in self.requirements)


def _split_terms(s: str) -> list[str]:
    terms: list[str] = []
    buf: list[str] = []
    i = 0
    while i < len(s):
        ch = s[i]
        if ch == "\\" and i + 1 < len(s):
            buf.append(s[i : i + 2])
            i += 2
            continue
        if ch == ",":
            terms.append("".join(buf))
            buf = []
        else:
            buf.append(ch)
        i += 1
    terms.append("".join(buf))
    return terms


def _unescape(s: str) -> str:
    out: list[str] = []
    i = 0
    while i < len(s):
        if s[i] == "\\":
            if i + 1 >= len(s) or s[i + 1] not in "\\,=!":
                raise SelectorError(f"invalid field selector: invalid escape sequence: {s}")
            out.append(s[i + 1])
            i += 2
        else:
            out.append(s[i])
            i += 1
    return "".join(out)


def _find_op(term: str) -> tuple[int, str]:
    i = 0
    while i < len(term):
        if term[i] == "\\":
            i += 2
            continue
        for op in ("!=", "==", "="):
            if term.startswith(op, i):
                return i, op
        i += 1
    return -1, ""


def parse_field_selector(selector: str | FieldSelector | Mapping[str, str] | None) -> FieldSelector:
    """Parse ``status.phase=Running,spec.nodeName!=node-1`` (``fields.ParseSelector``)."""
    if selector is None:
        return FieldSelector()
    if isinstance(selector, FieldSelector):
        return selector
    if isinstance(selector, Mapping):
        return FieldSelector(tuple(FieldRequirement(k, "=", str(v)) for k, v in sorted(selector.items())))
    reqs: list[FieldRequirement] = []
    if selector.strip() == "":
        return FieldSelector()
    for term in _split_terms(selector):
        if term == "":
            continue
        idx, op = _find_op(term)
        if idx < 0:
            raise SelectorError(f"invalid selector: '{selector}'; can't understand '{term}'")
        lhs = _unescape(term[:idx])
        rhs = _unescape(term[idx + len(op) :])
        reqs.append(FieldRequirement(lhs.strip(), op, rhs))
    return FieldSelector(tuple(reqs))


# ---------------------------------------------------------------------------------------------
# Which fields each kind offers (pkg/apis/*/v1/conversion.go, pkg/registry/*/strategy.go)
# ---------------------------------------------------------------------------------------------


def _get(d: Mapping[str, Any], *path: str) -> Any:
    cur: Any = d
    for p in path:
        if not isinstance(cur, Mapping):
            return None
        cur = cur.get(p)
    return cur


def _s(v: Any) -> str:
    if v is None:
        return ""
    if isinstance(v, bool):
        return "true" if v else "false"
    return str(v)


def _pod_fields(d: Mapping[str, Any]) -> dict[str, str]:
    ips = _get(d, "status", "podIPs") or []
    pod_ip = ips[0].get("ip", "") if ips else _s(_get(d, "status", "podIP"))
    return {
        "spec.nodeName": _s(_get(d, "spec", "nodeName")),
        "spec.restartPolicy": _s(_get(d, "spec", "restartPolicy")),
        "spec.schedulerName": _s(_get(d, "spec", "schedulerName")),
        "spec.serviceAccountName": _s(_get(d, "spec", "serviceAccountName")),
        "spec.hostNetwork": "true" if _get(d, "spec", "hostNetwork") else "false",
        "status.phase": _s(_get(d, "status", "phase")),
        "status.podIP": pod_ip,
        "status.nominatedNodeName": _s(_get(d, "status", "nominatedNodeName")),
    }


def _event_fields(d: Mapping[str, Any]) -> dict[str, str]:
    io = d.get("involvedObject") or {}
    return {
        "involvedObject.kind": _s(io.get("kind")),
        "involvedObject.namespace": _s(io.get("namespace")),
        "involvedObject.name": _s(io.get("name")),
        "involvedObject.uid": _s(io.get("uid")),
        "involvedObject.apiVersion": _s(io.get("apiVersion")),
        "involvedObject.resourceVersion": _s(io.get("resourceVersion")),
        "involvedObject.fieldPath": _s(io.get("fieldPath")),
        "reason": _s(d.get("reason")),
        "reportingComponent": _s(d.get("reportingComponent")),
        "source": _s(_get(d, "source", "component")),
        "type": _s(d.get("type")),
    }


_KIND_FIELDS = {
    "Pod": _pod_fields,
    "Event": _event_fields,
    "Node": lambda d: {"spec.unschedulable": "true" if _get(d, "spec", "unschedulable") else "false"},
    "Namespace": lambda d: {"status.phase": _s(_get(d, "status", "phase"))},
    "Secret": lambda d: {"type": _s(d.get("type"))},
    "ReplicaSet": lambda d: {"status.replicas": _s(_get(d, "status", "replicas") or 0)},
    "ReplicationController": lambda d: {"status.replicas": _s(_get(d, "status", "replicas") or 0)},
    "Job": lambda d: {"status.successful": _s(_get(d, "status", "succeeded") or 0)},
}


def selectable_fields(kind: str, obj: Mapping[str, Any], namespaced: bool = True) -> dict[str, str]:
    """The field set a kind offers to field selectors, computed from the object's JSON."""
    meta = obj.get("metadata") or {}
    out = {"metadata.name": _s(meta.get("name"))}
    if namespaced:
        out["metadata.namespace"] = _s(meta.get("namespace"))
    fn = _KIND_FIELDS.get(kind)
    if fn is not None:
        out.update(fn(obj))
    return out


def check_field_selector(kind: str, selector: FieldSelector, namespaced: bool = True) -> None:
    """Refuse a field the kind does not offer: ``field label not supported: x`` (BadRequest)."""
    if selector.empty():
        return
    sample = selectable_fields(kind, {}, namespaced)
    for r in selector.requirements:
        if r.field not in sample:
            raise SelectorError(f"field label not supported: {r.field}")
