"""Quantity: tables taken from apimachinery's ``resource/quantity_test.go``."""

from __future__ import annotations

import pytest
from pydantic import BaseModel

from sandbox.api.core import ResourceRequirements
from sandbox.api.quantity import (
    BINARY_SI,
    DECIMAL_EXPONENT,
    DECIMAL_SI,
    ERR_FORMAT_WRONG,
    ERR_SUFFIX,
    Quantity,
    QuantityError,
    parse_quantity,
)
from sandbox.errors import BadRequest, SandboxError

N = 10**9  # nanos per unit


def dec(value: int, scale: int) -> int:
    """``decQuantity(value, scale, ...)`` in nanos."""
    return value * 10 ** (scale + 9) if scale >= -9 else value // 10 ** (-scale - 9)


# TestQuantityParse: input -> (exact value in nanos, format)
PARSE_TABLE = [
    ("0", 0, DECIMAL_SI),
    ("0n", 0, DECIMAL_SI),
    ("0Ki", 0, BINARY_SI),
    ("0M", 0, DECIMAL_SI),
    ("1", dec(1, 0), DECIMAL_SI),
    ("1Ki", dec(1024, 0), BINARY_SI),
    ("8Ki", dec(8 * 1024, 0), BINARY_SI),
    ("7Mi", dec(7 * 1024**2, 0), BINARY_SI),
    ("6Gi", dec(6 * 1024**3, 0), BINARY_SI),
    ("5Ti", dec(5 * 1024**4, 0), BINARY_SI),
    ("4Pi", dec(4 * 1024**5, 0), BINARY_SI),
    ("3Ei", dec(3 * 1024**6, 0), BINARY_SI),
    ("5n", dec(5, -9), DECIMAL_SI),
    ("4u", dec(4, -6), DECIMAL_SI),
    ("3m", dec(3, -3), DECIMAL_SI),
    ("8k", dec(8, 3), DECIMAL_SI),
    ("50k", dec(5, 4), DECIMAL_SI),
    ("2P", dec(2, 15), DECIMAL_SI),
    ("1E", dec(1, 18), DECIMAL_SI),
    ("1E-3", dec(1, -3), DECIMAL_EXPONENT),
    ("1e3", dec(1, 3), DECIMAL_EXPONENT),
    ("1E18", dec(1, 18), DECIMAL_EXPONENT),
    ("100.035k", dec(100035, 0), DECIMAL_SI),
    ("0.001", dec(1, -3), DECIMAL_SI),
    ("0.0005k", dec(5, -1), DECIMAL_SI),
    ("0.5", dec(5, -1), DECIMAL_SI),
    ("0.5e-2", dec(5, -3), DECIMAL_EXPONENT),
    ("1.3E+6", dec(13, 5), DECIMAL_EXPONENT),
    ("7.123456M", dec(7123456, 0), DECIMAL_SI),
    ("1.01E", dec(101, 16), DECIMAL_SI),
    # things that saturate/round (up, to the nano)
    ("3.001n", dec(4, -9), DECIMAL_SI),
    ("1.1E-9", dec(2, -9), DECIMAL_EXPONENT),
    ("0.0000000001", dec(1, -9), DECIMAL_SI),
    ("0.9n", dec(1, -9), DECIMAL_SI),
    ("0.00000012345", dec(124, -9), DECIMAL_SI),
    ("9Ei", (2**63 - 1) * N, BINARY_SI),
    ("9223372036854775807Ki", (2**63 - 1) * N, BINARY_SI),
    ("12E", dec(12, 18), DECIMAL_SI),
    # fractional binary
    ("100.035Ki", 10243584 * N // 100, BINARY_SI),
    ("0.5Mi", dec(512 * 1024, 0), BINARY_SI),
    ("0.000000000001Ki", dec(2, -9), DECIMAL_SI),  # rounds up, changes format
    (".001", dec(1, -3), DECIMAL_SI),
    ("1.", dec(1, 0), DECIMAL_SI),
    ("1.G", dec(1, 9), DECIMAL_SI),
]


@pytest.mark.parametrize(("text", "nanos", "fmt"), PARSE_TABLE)
def test_parse_value_and_format(text: str, nanos: int, fmt: str) -> None:
    q = parse_quantity(text)
    assert q.nanos == nanos
    assert q.format == fmt
    neg = parse_quantity("-" + text)
    assert neg.nanos == -nanos
    assert parse_quantity("+" + text).nanos == nanos


# TestQuantityString (the "alternate" spellings) and TestQuantityParseEmit: input -> canonical
CANONICAL = [
    ("1024Mi", "1Gi"),
    ("307200Ki", "300Mi"),
    ("1025024Mi", "1001Gi"),
    ("1024Gi", "1Ti"),
    ("5000m", "5"),
    ("0.5", "500m"),
    ("1000M", "1G"),
    ("0.001T", "1G"),
    ("1000u", "1m"),
    ("1.08", "1080m"),
    ("1080000000n", "1080m"),
    ("1000E", "1e21"),
    ("5000E", "5e21"),
    (".001e12", "1e9"),
    ("0.001e0", "1e-3"),
    ("1000e-12", "1e-9"),
    ("00", "0"),
    (".001Ki", "1024m"),
    (".000001Ki", "1024u"),
    (".000000001Ki", "1024n"),
    (".000000000001Ki", "2n"),
    # the brief's own examples
    ("1.5Gi", "1536Mi"),
    ("1000m", "1"),
    ("128Mi", "128Mi"),
    ("500m", "500m"),
    ("1500", "1500"),
    ("12000", "12k"),
    ("1.5", "1500m"),
    ("0.5Ki", "512"),
    ("1025Ki", "1025Ki"),
]


@pytest.mark.parametrize(("text", "canonical"), CANONICAL)
def test_canonical_string(text: str, canonical: str) -> None:
    q = Quantity(text)
    assert str(q) == canonical
    assert str(Quantity(canonical)) == canonical  # canonical strings parse to themselves
    assert Quantity(canonical) == q


def test_canonical_past_exa_and_exbi() -> None:
    assert str(Quantity("1Ei") * 1024) == "1180591620717411303424"
    assert str(-Quantity("1.5Gi")) == "-1536Mi"
    assert str(Quantity("1.5Gi") - Quantity("1.5Gi")) == "0"


def test_canonical_form_keeps_already_canonical_input_as_written() -> None:
    # Go keeps the input string when it is already in canonical shape.
    assert str(Quantity("100k")) == "100k"
    assert str(Quantity("1e3")) == "1e3"


INVALID = ["0.1am", "1.1.M", "1+1.0M", "aoeu", "-3.01e-", " 1x", "1 Gi", "1KB", "", "1e4294967297"]


@pytest.mark.parametrize("text", INVALID)
def test_invalid(text: str) -> None:
    with pytest.raises(QuantityError) as e:
        parse_quantity(text)
    assert str(e.value) in (ERR_FORMAT_WRONG, ERR_SUFFIX)
    assert isinstance(e.value, SandboxError)


@pytest.mark.parametrize("text", ["0.1mi", ".5i", "1i", "1K", "1e", "1mi"])
def test_invalid_suffix_message(text: str) -> None:
    with pytest.raises(QuantityError, match="^unable to parse quantity's suffix$"):
        parse_quantity(text)


def test_format_wrong_message_is_apimachinerys() -> None:
    with pytest.raises(QuantityError) as e:
        Quantity("abc")
    assert str(e.value) == (
        "quantities must match the regular expression "
        "'^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'"
    )


@pytest.mark.parametrize(
    ("x", "y", "expect"),
    [("0", "0", 0), ("100m", "50m", 1), ("50m", "100m", -1), ("10000T", "100Gi", 1), ("1", "1000m", 0)],
)
def test_cmp(x: str, y: str, expect: int) -> None:
    assert Quantity(x).cmp(Quantity(y)) == expect
    assert Quantity(y).cmp(Quantity(x)) == -expect
    assert (Quantity(x) == Quantity(y)) is (expect == 0)
    assert (Quantity(x) < Quantity(y)) is (expect < 0)


@pytest.mark.parametrize(
    ("text", "value", "milli"),
    [
        ("9.01", 10, 9010),
        ("-9.01", -10, -9010),
        ("1500m", 2, 1500),
        ("1.5Gi", 1610612736, 1610612736000),
        ("0.1m", 1, 1),
        ("128Mi", 134217728, 134217728000),
        ("2", 2, 2000),
    ],
)
def test_value_rounds_up(text: str, value: int, milli: int) -> None:
    q = Quantity(text)
    assert q.value() == value
    assert q.milli_value() == milli


def test_arithmetic_and_zero_keeps_suffix() -> None:
    # TestQuantityAddZeroPreservesSuffix / SubZero
    for text in ("100m", "1Gi"):
        q = Quantity(text)
        assert str(q + Quantity("0")) == text
        assert str(Quantity("0") + q) == text
        assert str(q - Quantity("0")) == text
    assert str(Quantity("0") - Quantity("1Gi")) == "-1Gi"
    assert str(Quantity("250m") + "750m") == "1"
    assert str(Quantity("1Gi") + Quantity("512Mi")) == "1536Mi"
    assert sum([Quantity("100m"), Quantity("200m")], Quantity("0")) == Quantity("300m")


def test_constructors_accept_numbers() -> None:
    assert str(Quantity(2)) == "2"
    assert str(Quantity(0.25)) == "250m"
    assert str(Quantity.from_milli(1500)) == "1500m"
    assert Quantity(" 1 ") == Quantity("1")  # JSON decoding trims spaces (TestJSONWhitespace)
    assert hash(Quantity("1")) == hash(Quantity("1000m"))
    assert repr(Quantity("1.5Gi")) == "Quantity('1536Mi')"


def test_as_pydantic_field() -> None:
    class M(BaseModel):
        q: Quantity

    assert M(q="1.5Gi").model_dump(mode="json") == {"q": "1536Mi"}
    assert M(q=2).q == Quantity("2")
    r = ResourceRequirements.from_dict({"limits": {"cpu": 0.5, "memory": "1.5Gi"}, "requests": {"cpu": 1}})
    assert r.to_dict() == {"limits": {"cpu": "500m", "memory": "1536Mi"}, "requests": {"cpu": "1"}}
    assert r.limits is not None and r.limits["memory"].value() == 1610612736


def test_bad_quantity_in_a_pod_is_a_bad_request() -> None:
    from sandbox.api.core import Pod

    with pytest.raises(BadRequest) as e:
        Pod.from_dict({"spec": {"containers": [{"name": "c", "resources": {"limits": {"memory": "1GB"}}}]}})
    assert str(e.value) == (
        'Pod in version "v1" cannot be handled as a Pod: quantities must match the regular expression '
        "'^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'"
    )
