"""Shell arithmetic ``$((...))``: C's integer operators on 64-bit signed values, as ash has them."""

from __future__ import annotations

import re
from collections.abc import Callable

__all__ = ["ArithError", "evaluate"]


class ArithError(Exception):
    """``arithmetic syntax error``, ``divide by zero``."""


_TOKEN = re.compile(
    r"\s*(?:(0[xX][0-9a-fA-F]+|\d+)|([A-Za-z_][A-Za-z0-9_]*)|"
    r"(\*\*=|<<=|>>=|\+\+|--|\*\*|<<|>>|<=|>=|==|!=|&&|\|\||[-+*/%&^|]=|[-+*/%<>=!~&^|?:(),]))"
)

_BINARY = {
    ",": 1, "=": 2, "*=": 2, "/=": 2, "%=": 2, "+=": 2, "-=": 2, "<<=": 2, ">>=": 2, "&=": 2,
    "^=": 2, "|=": 2, "**=": 2, "?": 3, "||": 4, "&&": 5, "|": 6, "^": 7, "&": 8, "==": 9,
    "!=": 9, "<": 10, ">": 10, "<=": 10, ">=": 10, "<<": 11, ">>": 11, "+": 12, "-": 12,
    "*": 13, "/": 13, "%": 13, "**": 14,
}  # fmt: skip
_RIGHT = {"=", "*=", "/=", "%=", "+=", "-=", "<<=", ">>=", "&=", "^=", "|=", "**=", "?", "**"}


def _wrap(v: int) -> int:
    v &= (1 << 64) - 1
    return v - (1 << 64) if v >> 63 else v


def _tokenize(s: str) -> list[tuple[str, str]]:
    out: list[tuple[str, str]] = []
    i = 0
    s = s.rstrip()
    while i < len(s):
        m = _TOKEN.match(s, i)
        if not m or m.end() == i:
            raise ArithError("arithmetic syntax error")
        num, name, op = m.groups()
        if num is not None:
            out.append(("num", num))
        elif name is not None:
            out.append(("name", name))
        else:
            out.append(("op", op))
        i = m.end()
    return out


def _number(text: str) -> int:
    t = text.strip()
    if not t:
        return 0
    neg = t.startswith("-")
    if t[0] in "+-":
        t = t[1:]
    try:
        if t.lower().startswith("0x"):
            v = int(t, 16)
        elif len(t) > 1 and t.startswith("0"):
            v = int(t, 8)
        else:
            v = int(t)
    except ValueError:
        raise ArithError("arithmetic syntax error") from None
    return -v if neg else v


class _Eval:
    def __init__(self, toks: list[tuple[str, str]], get: Callable[[str], str], set_: Callable[[str, str], None]) -> None:
        self.toks = toks
        self.i = 0
        self.get = get
        self.set = set_

    def peek(self) -> tuple[str, str] | None:
        return self.toks[self.i] if self.i < len(self.toks) else None

    def value(self, name: str) -> int:
        v = self.get(name)
        if v.strip() and not re.fullmatch(r"\s*[-+]?(0[xX][0-9a-fA-F]+|\d+)\s*", v):
            # ash evaluates a variable holding an expression
            return evaluate(v, self.get, self.set)
        return _number(v)

    # expressions return (value, lvalue-name or None); evaluation is eager except for && || ?:
    def parse(self, min_prec: int = 0, live: bool = True) -> tuple[int, str | None]:
        left, lname = self.unary(live)
        while True:
            t = self.peek()
            if t is None or t[0] != "op" or t[1] not in _BINARY:
                break
            op = t[1]
            prec = _BINARY[op]
            if prec < min_prec:
                break
            self.i += 1
            if op == "?":
                a, _ = self.parse(0, live and left != 0)
                t2 = self.peek()
                if t2 != ("op", ":"):
                    raise ArithError("arithmetic syntax error")
                self.i += 1
                b, _ = self.parse(prec, live and left == 0)
                left, lname = (a if left else b), None
                continue
            if op in ("&&", "||"):
                short = (left == 0) if op == "&&" else (left != 0)
                right, _ = self.parse(prec + 1, live and not short)
                left = (int(left != 0 and right != 0) if op == "&&" else int(left != 0 or right != 0))
                lname = None
                continue
            right, _ = self.parse(prec if op in _RIGHT else prec + 1, live)
            if prec == 2:
                if lname is None:
                    raise ArithError("arithmetic syntax error")
                v = right if op == "=" else self.binop(op[:-1], left, right, live)
                if live:
                    self.set(lname, str(v))
                left, lname = v, None
                continue
            left, lname = self.binop(op, left, right, live), None
        return left, lname

    def binop(self, op: str, a: int, b: int, live: bool) -> int:
        if op in ("/", "%"):
            if b == 0:
                if not live:
                    return 0
                raise ArithError("divide by zero")
            q = abs(a) // abs(b)
            q = q if (a >= 0) == (b >= 0) else -q
            return _wrap(q if op == "/" else a - q * b)
        if op == "**":
            if b < 0:
                raise ArithError("exponent less than 0")
            return _wrap(pow(a, b, 1 << 64))
        r = {
            "+": lambda: a + b, "-": lambda: a - b, "*": lambda: a * b, "<<": lambda: a << (b & 63),
            ">>": lambda: a >> (b & 63), "<": lambda: int(a < b), ">": lambda: int(a > b),
            "<=": lambda: int(a <= b), ">=": lambda: int(a >= b), "==": lambda: int(a == b),
            "!=": lambda: int(a != b), "&": lambda: a & b, "^": lambda: a ^ b, "|": lambda: a | b,
            ",": lambda: b,
        }[op]()  # fmt: skip
        return _wrap(r)

    def unary(self, live: bool) -> tuple[int, str | None]:
        t = self.peek()
        if t is None:
            raise ArithError("arithmetic syntax error")
        kind, v = t
        self.i += 1
        if kind == "num":
            return _number(v), None
        if kind == "name":
            nxt = self.peek()
            if nxt is not None and nxt[0] == "op" and nxt[1] in ("++", "--"):
                self.i += 1
                old = self.value(v)
                if live:
                    self.set(v, str(old + (1 if nxt[1] == "++" else -1)))
                return old, None
            return self.value(v), v
        if v == "(":
            r, _ = self.parse(0, live)
            if self.peek() != ("op", ")"):
                raise ArithError("arithmetic syntax error")
            self.i += 1
            return r, None
        if v in ("++", "--"):
            t2 = self.peek()
            if t2 is None or t2[0] != "name":
                raise ArithError("arithmetic syntax error")
            self.i += 1
            new = self.value(t2[1]) + (1 if v == "++" else -1)
            if live:
                self.set(t2[1], str(new))
            return new, None
        if v in ("-", "+", "!", "~"):
            r, _ = self.unary(live)
            return {"-": -r, "+": r, "!": int(r == 0), "~": ~r}[v], None
        raise ArithError("arithmetic syntax error")


def evaluate(expr: str, get: Callable[[str], str], set_: Callable[[str, str], None]) -> int:
    """Evaluate ``expr``; ``get(name)`` reads a variable (``""`` if unset), ``set_`` assigns."""
    toks = _tokenize(expr)
    if not toks:
        return 0
    ev = _Eval(toks, get, set_)
    v, _ = ev.parse()
    if ev.i != len(toks):
        raise ArithError("arithmetic syntax error")
    return v
