"""Field paths and field errors, as `k8s.io/apimachinery/pkg/util/validation/field` has them.

Validation collects :class:`FieldError` values in a list; the API server turns the list into one
``Invalid`` :class:`~sandbox.errors.StatusError` whose message reads exactly as kube-apiserver
writes it, e.g. ``Pod "x" is invalid: spec.containers[0].name: Required value``.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

__all__ = [
    "Path",
    "FieldError",
    "go_quote",
    "required",
    "invalid",
    "duplicate",
    "not_supported",
    "forbidden",
    "too_long",
    "too_many",
    "not_found",
    "internal",
    "type_invalid",
    "aggregate",
]

_OMIT = object()

#: ``field.ErrorType`` strings, keyed by the ``metav1.CauseType`` each one reports.
ERROR_TYPES = {
    "FieldValueNotFound": "Not found",
    "FieldValueRequired": "Required value",
    "FieldValueDuplicate": "Duplicate value",
    "FieldValueInvalid": "Invalid value",
    "FieldValueNotSupported": "Unsupported value",
    "FieldValueForbidden": "Forbidden",
    "FieldValueTooLong": "Too long",
    "FieldValueTooMany": "Too many",
    "InternalError": "Internal error",
    "FieldValueTypeInvalid": "Invalid value",
}


_GO_ESCAPES = {"\a": "\\a", "\b": "\\b", "\f": "\\f", "\n": "\\n", "\r": "\\r", "\t": "\\t",
               "\v": "\\v", "\\": "\\\\", '"': '\\"'}


def go_quote(s: str | bytes) -> str:
    """Go's ``strconv.Quote`` (what ``%q`` prints for a string).

    Printable runes stay as they are (``☺``); ``\\a \\b \\f \\n \\r \\t \\v``, ``\\\\`` and ``\\"``
    are escaped; other control characters and DEL become ``\\x..``; other non-printable runes
    ``\\u....`` or ``\\U........``. Bytes that are not UTF-8 (given as ``bytes``, or as the lone
    surrogates of Python's ``surrogateescape``) become ``\\x..``.
    """
    if isinstance(s, bytes):
        s = s.decode("utf-8", "surrogateescape")
    out = ['"']
    for ch in s:
        esc = _GO_ESCAPES.get(ch)
        if esc is not None:
            out.append(esc)
            continue
        r = ord(ch)
        if ch.isprintable():  # Go's IsPrint: letters, marks, numbers, punctuation, symbols, ' '
            out.append(ch)
        elif r < 0x20 or r == 0x7F:
            out.append(f"\\x{r:02x}")
        elif 0xD800 <= r <= 0xDFFF:  # not a rune: the bytes that were not UTF-8
            errors = "surrogateescape" if 0xDC80 <= r <= 0xDCFF else "surrogatepass"
            out.extend(f"\\x{b:02x}" for b in ch.encode("utf-8", errors))
        elif r < 0x10000:
            out.append(f"\\u{r:04x}")
        else:
            out.append(f"\\U{r:08x}")
    out.append('"')
    return "".join(out)


class Path:
    """An immutable field path such as ``spec.containers[0].ports[1].containerPort``."""

    __slots__ = ("_text",)

    def __init__(self, *names: str) -> None:
        self._text = ".".join(n for n in names if n)

    @classmethod
    def _raw(cls, text: str) -> Path:
        p = cls.__new__(cls)
        p._text = text
        return p

    def child(self, name: str, *more: str) -> Path:
        text = self._text
        for n in (name, *more):
            text = f"{text}.{n}" if text else n
        return Path._raw(text)

    def index(self, i: int) -> Path:
        return Path._raw(f"{self._text}[{i}]")

    def key(self, k: str) -> Path:
        return Path._raw(f"{self._text}[{k}]")

    def __str__(self) -> str:
        return self._text

    def __repr__(self) -> str:
        return f"Path({self._text!r})"

    def __eq__(self, other: object) -> bool:
        return str(self) == str(other)

    def __hash__(self) -> int:
        return hash(self._text)


def _format_value(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return str(value)
    if isinstance(value, str):
        return go_quote(value)
    if value is None:
        return "null"
    if isinstance(value, (list, tuple)):
        go_type = {str: "string", int: "int", bool: "bool", float: "float64"}.get(type(value[0]), "interface {}") if value else "string"
        return f"[]{go_type}{{" + ", ".join(_format_value(v) for v in value) + "}"
    return str(value)


@dataclass(frozen=True)
class FieldError:
    """One validation error: a cause type, a field path, the bad value and a detail."""

    type: str
    field: str
    bad_value: Any = _OMIT
    detail: str = ""

    @property
    def type_string(self) -> str:
        return ERROR_TYPES[self.type]

    def body(self) -> str:
        """``ErrorBody()``: the message without the field path."""
        t = self.type_string
        if self.type in ("FieldValueRequired", "FieldValueForbidden", "FieldValueTooLong", "InternalError") or self.bad_value is _OMIT:
            s = t
        else:
            s = f"{t}: {_format_value(self.bad_value)}"
        if self.detail:
            s += f": {self.detail}"
        return s

    def __str__(self) -> str:
        return f"{self.field}: {self.body()}" if self.field else self.body()

    def cause(self) -> dict[str, str]:
        """The ``metav1.StatusCause`` this error is reported as."""
        return {"reason": self.type, "message": self.body(), "field": self.field}


def required(path: Path | str, detail: str = "") -> FieldError:
    return FieldError("FieldValueRequired", str(path), _OMIT, detail)


def invalid(path: Path | str, value: Any, detail: str = "") -> FieldError:
    return FieldError("FieldValueInvalid", str(path), value, detail)


def duplicate(path: Path | str, value: Any) -> FieldError:
    return FieldError("FieldValueDuplicate", str(path), value, "")


def not_supported(path: Path | str, value: Any, supported: list[str] | tuple[str, ...]) -> FieldError:
    detail = ""
    if supported:
        detail = "supported values: " + ", ".join(go_quote(s) for s in supported)
    return FieldError("FieldValueNotSupported", str(path), value, detail)


def forbidden(path: Path | str, detail: str) -> FieldError:
    return FieldError("FieldValueForbidden", str(path), _OMIT, detail)


def too_long(path: Path | str, value: Any, max_length: int) -> FieldError:
    detail = f"may not be more than {max_length} bytes" if max_length >= 0 else "value is too long"
    return FieldError("FieldValueTooLong", str(path), value, detail)


def too_many(path: Path | str, actual: int, maximum: int) -> FieldError:
    detail = f"must have at most {maximum} items" if maximum >= 0 else "has too many items"
    return FieldError("FieldValueTooMany", str(path), actual, detail)


def not_found(path: Path | str, value: Any) -> FieldError:
    return FieldError("FieldValueNotFound", str(path), value, "")


def internal(path: Path | str, detail: str) -> FieldError:
    return FieldError("InternalError", str(path), _OMIT, detail)


def type_invalid(path: Path | str, value: Any, detail: str) -> FieldError:
    return FieldError("FieldValueTypeInvalid", str(path), value, detail)


def aggregate(errors: list[FieldError]) -> str:
    """``utilerrors.NewAggregate(errs).Error()``: one message, or ``[a, b]`` for several (deduplicated)."""
    return aggregate_messages([str(e) for e in errors])


def aggregate_messages(messages: list[str]) -> str:
    """Join messages as ``utilerrors.Aggregate`` does: one as is, several as ``[a, b]``, no repeats."""
    seen: list[str] = []
    for msg in messages:
        if msg not in seen:
            seen.append(msg)
    if len(seen) == 1:
        return seen[0]
    return "[" + ", ".join(seen) + "]"
