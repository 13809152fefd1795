"""Small helpers shared by the validators: JSON access, Go-style value literals, quantities."""

from __future__ import annotations

import re
from fractions import Fraction
from typing import Any

from sandbox.api.field import go_quote

__all__ = ["GoLiteral", "as_dict", "go_map", "go_string_slice", "parse_quantity", "is_zero"]


class GoLiteral:
    """A bad value shown verbatim, as Go's ``%#v`` or a ``String()`` method would print it."""

    __slots__ = ("text",)

    def __init__(self, text: str) -> None:
        self.text = text

    def __str__(self) -> str:
        return self.text

    def __repr__(self) -> str:
        return f"GoLiteral({self.text!r})"

    def __eq__(self, other: object) -> bool:
        return isinstance(other, GoLiteral) and other.text == self.text

    def __hash__(self) -> int:
        return hash(self.text)




def go_map(m: dict[str, str] | None) -> GoLiteral:
    """``%#v`` of a ``map[string]string``: ``map[string]string{"app":"x"}`` (keys sorted)."""
    if m is None:
        return GoLiteral("map[string]string(nil)")
    inner = ", ".join(f"{go_quote(k)}:{go_quote(v)}" for k, v in sorted(m.items()))
    return GoLiteral("map[string]string{" + inner + "}")


def go_string_slice(items: list[str] | None) -> GoLiteral:
    """``%#v`` of a ``[]string``."""
    if items is None:
        return GoLiteral("[]string(nil)")
    return GoLiteral("[]string{" + ", ".join(go_quote(s) for s in items) + "}")


def as_dict(obj: Any) -> dict[str, Any]:
    """The Kubernetes JSON of a model (``to_dict()``) or a plain dict, unchanged."""
    if obj is None:
        return {}
    if isinstance(obj, dict):
        return obj
    to_dict = getattr(obj, "to_dict", None)
    if callable(to_dict):
        return to_dict()
    dump = getattr(obj, "model_dump", None)
    if callable(dump):
        return dump(by_alias=True, exclude_none=True, mode="json")
    raise TypeError(f"cannot read {type(obj).__name__} as Kubernetes JSON")


_SUFFIX = {
    "": Fraction(1),
    "n": Fraction(1, 10**9),
    "u": Fraction(1, 10**6),
    "m": Fraction(1, 1000),
    "k": Fraction(10**3),
    "M": Fraction(10**6),
    "G": Fraction(10**9),
    "T": Fraction(10**12),
    "P": Fraction(10**15),
    "E": Fraction(10**18),
    "Ki": Fraction(2**10),
    "Mi": Fraction(2**20),
    "Gi": Fraction(2**30),
    "Ti": Fraction(2**40),
    "Pi": Fraction(2**50),
    "Ei": Fraction(2**60),
}
_QTY_RE = re.compile(r"^([+-]?[0-9.]+)(?:([eE][+-]?[0-9]+)|(Ki|Mi|Gi|Ti|Pi|Ei|n|u|m|k|M|G|T|P|E)?)$")


def parse_quantity(value: Any) -> Fraction | None:
    """The exact value of a resource quantity (``"500m"``, ``"1Gi"``, ``2``), or None if unparsable."""
    if value is None:
        return None
    if isinstance(value, bool):
        return None
    if isinstance(value, (int, float)):
        return Fraction(value)
    for attr in ("value", "as_fraction", "fraction"):
        v = getattr(value, attr, None)
        if isinstance(v, Fraction):
            return v
    s = str(value).strip()
    m = _QTY_RE.match(s)
    if not m:
        return None
    num, exp, suffix = m.groups()
    try:
        base = Fraction(num)
    except ValueError:
        return None
    if exp:
        return base * Fraction(10) ** int(exp[1:])
    return base * _SUFFIX[suffix or ""]


def is_zero(value: Any) -> bool:
    """Go's zero-value test for JSON values: absent, "", 0, false, empty list or map."""
    return value is None or value == "" or value == 0 or value is False or value == [] or value == {}
