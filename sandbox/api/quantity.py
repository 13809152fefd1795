"""``Quantity``: resource amounts (``500m``, ``128Mi``, ``1.5Gi``), as ``apimachinery/pkg/api/resource``.

Parsing, rounding and the canonical string follow ``quantity.go``:

* the value is exact down to nano units; finer amounts are rounded *up* (away from zero);
* the format comes from the suffix: ``Ki``...``Ei`` are ``BinarySI``, ``e3`` is
  ``DecimalExponent``, everything else ``DecimalSI``;
* ``str(q)`` is the canonical form the API server sends back: ``1.5Gi`` -> ``1536Mi``,
  ``0.5`` -> ``500m``, ``1000m`` -> ``1``, ``1500`` -> ``1500``, ``12000`` -> ``12k``;
* :meth:`Quantity.value` rounds up to a whole number, like Go's ``Value()``.

>>> Quantity("1.5Gi").value(), str(Quantity("1.5Gi"))
(1610612736, '1536Mi')
"""

from __future__ import annotations

from typing import Annotated, Any

from pydantic_core import PydanticCustomError, core_schema

from sandbox.api.base import GoType
from sandbox.errors import SandboxError

__all__ = [
    "Quantity",
    "QuantityError",
    "DECIMAL_SI",
    "BINARY_SI",
    "DECIMAL_EXPONENT",
    "ERR_FORMAT_WRONG",
    "ERR_SUFFIX",
    "ERR_NUMERIC",
    "parse_quantity",
    "ResourceList",
]

DECIMAL_EXPONENT = "DecimalExponent"
BINARY_SI = "BinarySI"
DECIMAL_SI = "DecimalSI"

_SPLIT_RE = "^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$"
ERR_FORMAT_WRONG = f"quantities must match the regular expression '{_SPLIT_RE}'"
ERR_NUMERIC = "unable to parse numeric part of quantity"
ERR_SUFFIX = "unable to parse quantity's suffix"

_DEC_SUFFIXES = {"n": -9, "u": -6, "m": -3, "": 0, "k": 3, "M": 6, "G": 9, "T": 12, "P": 15, "E": 18}
_DEC_BY_EXP = {v: k for k, v in _DEC_SUFFIXES.items()}
_BIN_SUFFIXES = {"Ki": 10, "Mi": 20, "Gi": 30, "Ti": 40, "Pi": 50, "Ei": 60}
_BIN_BY_EXP = {v: k for k, v in _BIN_SUFFIXES.items()}
_BIN_BY_EXP[0] = ""
_SUFFIX_CHARS = frozenset("eEinumkKMGTP")
_DIGITS = frozenset("0123456789")
_NANO = 10**9
_MAX_ALLOWED_NANOS = (2**63 - 1) * _NANO
#: Guard against ``1e999999999``: Go keeps such numbers symbolically, we refuse them.
_MAX_EXPONENT = 1000


class QuantityError(SandboxError, ValueError):
    """An unparsable quantity; the message is apimachinery's (``quantities must match ...``)."""


def _parse_quantity_string(s: str) -> tuple[bool, str, str, str]:
    """Go's ``parseQuantityString``: (positive, numerator, denominator, suffix)."""
    positive = True
    pos = 0
    end = len(s)
    if pos < end and s[0] in "+-":
        positive = s[0] != "-"
        pos += 1
    # strip leading zeros
    while pos < end and s[pos] == "0":
        pos += 1
    if pos >= end:
        return positive, "0", "", ""
    i = pos
    while i < end and s[i] in _DIGITS:
        i += 1
    num = s[pos:i] or "0"
    pos = i
    denom = ""
    if pos < end and s[pos] == ".":
        pos += 1
        i = pos
        while i < end and s[i] in _DIGITS:
            i += 1
        denom = s[pos:i]
        pos = i
    suffix_start = pos
    i = pos
    while i < end and s[i] in _SUFFIX_CHARS:
        i += 1
    pos = i
    if pos < end and s[pos] in "+-":
        pos += 1
    while pos < end:
        if s[pos] not in _DIGITS:
            raise QuantityError(ERR_FORMAT_WRONG)
        pos += 1
    return positive, num, denom, s[suffix_start:end]


def _interpret(suffix: str) -> tuple[int, int, str]:
    """(base, exponent, format) of a suffix, or :class:`QuantityError` (``ErrSuffix``)."""
    if suffix in _DEC_SUFFIXES:
        return 10, _DEC_SUFFIXES[suffix], DECIMAL_SI
    if suffix in _BIN_SUFFIXES:
        return 2, _BIN_SUFFIXES[suffix], BINARY_SI
    if len(suffix) > 1 and suffix[0] in "eE":
        rest = suffix[1:]
        body = rest[1:] if rest[:1] in "+-" else rest
        if body and body.isdigit() and body.isascii():
            exp = int(rest)
            if abs(exp) > 2**31 - 1:
                raise QuantityError(ERR_SUFFIX)
            return 10, exp, DECIMAL_EXPONENT
    raise QuantityError(ERR_SUFFIX)


def _ceil_div(a: int, b: int) -> int:
    """``a / b`` rounded away from zero (``b > 0``)."""
    q, r = divmod(abs(a), b)
    if r:
        q += 1
    return q if a >= 0 else -q


def parse_quantity(s: str) -> Quantity:
    """Go's ``ParseQuantity``; raises :class:`QuantityError` with apimachinery's message."""
    if not s:
        raise QuantityError(ERR_FORMAT_WRONG)
    if s == "0":
        return Quantity._make(0, DECIMAL_SI, "0")
    positive, num, denom, suffix = _parse_quantity_string(s)
    base, exponent, fmt = _interpret(suffix)
    if abs(exponent) > _MAX_EXPONENT:
        raise QuantityError(ERR_NUMERIC)
    digits = int(num + denom)
    keep: str | None = None
    if base == 10:
        scale = exponent - len(denom)  # value = digits * 10**scale
        if scale >= -9:
            nanos = digits * 10 ** (scale + 9)
            shifted = num + denom
            if (
                len(num) + len(denom) <= 18
                and scale % 3 == 0
                and not shifted.endswith("000")
                and shifted[0] != "0"
            ):
                keep = s
        else:
            nanos = _ceil_div(digits * _NANO, 10 ** (-scale))
    else:
        # value = digits / 10**len(denom) * 2**exponent
        num_scaled = digits * (1 << exponent) * _NANO
        nanos = _ceil_div(num_scaled, 10 ** len(denom))
        precision = 15 - len(num) - int(exponent * 3 / 10) - 1
        if (
            not denom
            and precision >= 0
            and (digits << exponent) < 2**63
            and exponent % 10 == 0
            and (digits & 0x07) != 0
        ):
            keep = s
        if denom and 0 < nanos < _NANO:
            fmt = DECIMAL_SI
        if nanos > _MAX_ALLOWED_NANOS:
            nanos = _MAX_ALLOWED_NANOS
            keep = None
    if not positive:
        nanos = -nanos
    return Quantity._make(nanos, fmt, keep)


class Quantity:
    """A Kubernetes resource quantity; compares by value, prints canonically.

    ``Quantity("500m")``, ``Quantity(2)``, ``Quantity(0.25)``. Immutable and hashable. As a
    pydantic field it accepts str, int or float and serialises to :meth:`__str__`.
    """

    __slots__ = ("_nanos", "format", "_s")
    __go_type__ = "resource.Quantity"

    _nanos: int
    format: str
    _s: str | None

    def __new__(cls, value: Quantity | str | int | float = 0) -> Quantity:
        if isinstance(value, Quantity):
            return value
        if isinstance(value, bool):
            raise QuantityError(ERR_FORMAT_WRONG)
        if isinstance(value, int):
            return parse_quantity(str(value))
        if isinstance(value, float):
            text = repr(value)
            if text in ("inf", "-inf", "nan"):
                raise QuantityError(ERR_FORMAT_WRONG)
            return parse_quantity(text)
        if isinstance(value, str):
            return parse_quantity(value.strip())
        raise QuantityError(ERR_FORMAT_WRONG)

    @classmethod
    def _make(cls, nanos: int, fmt: str, s: str | None = None) -> Quantity:
        q = object.__new__(cls)
        object.__setattr__(q, "_nanos", nanos)
        object.__setattr__(q, "format", fmt)
        object.__setattr__(q, "_s", s)
        return q

    @classmethod
    def parse(cls, text: str) -> Quantity:
        """Parse a string exactly as ``resource.ParseQuantity``."""
        return parse_quantity(text)

    @classmethod
    def from_nanos(cls, nanos: int, fmt: str = DECIMAL_SI) -> Quantity:
        """A quantity of ``nanos`` * 10^-9."""
        return cls._make(nanos, fmt)

    @classmethod
    def from_milli(cls, milli: int, fmt: str = DECIMAL_SI) -> Quantity:
        """``resource.NewMilliQuantity``."""
        return cls._make(milli * 10**6, fmt)

    @classmethod
    def from_int(cls, value: int, fmt: str = DECIMAL_SI) -> Quantity:
        """``resource.NewQuantity``."""
        return cls._make(value * _NANO, fmt)

    def __setattr__(self, name: str, value: Any) -> None:
        raise AttributeError("Quantity is immutable")

    # -- values -------------------------------------------------------------------------------

    @property
    def nanos(self) -> int:
        """The exact amount in units of 10^-9."""
        return self._nanos

    def value(self) -> int:
        """The amount rounded up to a whole number (Go's ``Value()``): ``Quantity("1500m").value() == 2``."""
        return _ceil_div(self._nanos, _NANO)

    def milli_value(self) -> int:
        """The amount in thousandths, rounded up (Go's ``MilliValue()``)."""
        return _ceil_div(self._nanos, 10**6)

    def scaled_value(self, scale: int) -> int:
        """The amount in units of 10^scale, rounded up (Go's ``ScaledValue``)."""
        e = scale + 9
        if e >= 0:
            return _ceil_div(self._nanos, 10**e)
        return self._nanos * 10 ** (-e)

    def as_float(self) -> float:
        """The amount as a float (Go's ``AsApproximateFloat64``)."""
        return self._nanos / _NANO

    def is_zero(self) -> bool:
        """True for any zero amount."""
        return self._nanos == 0

    def sign(self) -> int:
        """-1, 0 or 1."""
        return (self._nanos > 0) - (self._nanos < 0)

    # -- arithmetic and comparison --------------------------------------------------------------

    @staticmethod
    def _coerce(other: Any) -> Quantity | None:
        if isinstance(other, Quantity):
            return other
        if isinstance(other, (str, int, float)) and not isinstance(other, bool):
            try:
                return Quantity(other)
            except QuantityError:
                return None
        return None

    def cmp(self, other: Quantity | str | int | float) -> int:
        """-1, 0 or 1 as ``Cmp``."""
        o = self._coerce(other)
        if o is None:
            raise TypeError(f"cannot compare Quantity with {other!r}")
        return (self._nanos > o._nanos) - (self._nanos < o._nanos)

    def __eq__(self, other: object) -> bool:
        o = self._coerce(other)
        return o is not None and self._nanos == o._nanos

    def __hash__(self) -> int:
        return hash(self._nanos)

    def __lt__(self, other: Any) -> bool:
        return self.cmp(other) < 0

    def __le__(self, other: Any) -> bool:
        return self.cmp(other) <= 0

    def __gt__(self, other: Any) -> bool:
        return self.cmp(other) > 0

    def __ge__(self, other: Any) -> bool:
        return self.cmp(other) >= 0

    def __add__(self, other: Any) -> Quantity:
        o = self._coerce(other)
        if o is None:
            return NotImplemented
        fmt = o.format if self._nanos == 0 else self.format
        return Quantity._make(self._nanos + o._nanos, fmt)

    __radd__ = __add__

    def __sub__(self, other: Any) -> Quantity:
        o = self._coerce(other)
        if o is None:
            return NotImplemented
        fmt = o.format if self._nanos == 0 else self.format
        return Quantity._make(self._nanos - o._nanos, fmt)

    def __rsub__(self, other: Any) -> Quantity:
        o = self._coerce(other)
        if o is None:
            return NotImplemented
        return o - self

    def __neg__(self) -> Quantity:
        return Quantity._make(-self._nanos, self.format)

    def __mul__(self, n: int) -> Quantity:
        if not isinstance(n, int) or isinstance(n, bool):
            return NotImplemented
        return Quantity._make(self._nanos * n, self.format)

    __rmul__ = __mul__

    def __bool__(self) -> bool:
        return self._nanos != 0

    # -- formatting -------------------------------------------------------------------------------

    def canonical(self) -> str:
        """Go's ``CanonicalizeBytes``: the canonical string, ignoring how the value was written."""
        n = self._nanos
        if n == 0:
            return "0"
        fmt = self.format
        if fmt == BINARY_SI and (-1024 * _NANO < n < 1024 * _NANO or n % _NANO):
            fmt = DECIMAL_SI
        if fmt == BINARY_SI:
            amount = n // _NANO
            exp = 0
            while amount % 1024 == 0:
                amount //= 1024
                exp += 1
            if exp <= 6:
                return f"{amount}{_BIN_BY_EXP[exp * 10]}"
            # Past ``Ei`` there is no binary suffix: fall back to exact decimal exponent notation.
            fmt = DECIMAL_EXPONENT
        amount = n
        exp = -9
        while amount % 10 == 0:
            amount //= 10
            exp += 1
        while exp % 3:
            amount *= 10
            exp -= 1
        if fmt == DECIMAL_SI:
            suffix = _DEC_BY_EXP.get(exp)
            if suffix is not None:
                return f"{amount}{suffix}"
            # DecimalSI has no suffix beyond ``E``: exponent notation keeps the magnitude.
        return f"{amount}" if exp == 0 else f"{amount}e{exp}"

    def __str__(self) -> str:
        if self._s is not None:
            return self._s
        return self.canonical()

    def __repr__(self) -> str:
        return f"Quantity({str(self)!r})"

    def __format__(self, spec: str) -> str:
        return format(str(self), spec)

    def __reduce__(self) -> Any:
        return (Quantity._make, (self._nanos, self.format, self._s))

    def __copy__(self) -> Quantity:
        return self

    def __deepcopy__(self, memo: Any) -> Quantity:
        return self

    # -- pydantic ---------------------------------------------------------------------------------

    @classmethod
    def _pydantic_validate(cls, v: Any) -> Quantity:
        if isinstance(v, Quantity):
            return v
        try:
            if isinstance(v, (str, int, float)) and not isinstance(v, bool):
                return cls(v)
        except QuantityError as e:
            raise PydanticCustomError("k8s_decode", "{message}", {"message": str(e)}) from None
        raise PydanticCustomError("k8s_decode", "{message}", {"message": ERR_FORMAT_WRONG})

    @classmethod
    def __get_pydantic_core_schema__(cls, source: Any, handler: Any) -> core_schema.CoreSchema:
        return core_schema.no_info_plain_validator_function(
            cls._pydantic_validate,
            serialization=core_schema.plain_serializer_function_ser_schema(
                str, return_schema=core_schema.str_schema()
            ),
        )

    @classmethod
    def __get_pydantic_json_schema__(cls, schema: Any, handler: Any) -> dict[str, Any]:
        return {"type": "string", "pattern": _SPLIT_RE}



ResourceList = Annotated[dict[str, Quantity], GoType("v1.ResourceList")]
"""``v1.ResourceList``: resource name -> :class:`Quantity` (``{"cpu": "500m", "memory": "128Mi"}``)."""
