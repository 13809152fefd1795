"""``go_quote`` is Go's ``strconv.Quote``: the table of Go's own ``quote_test.go`` and the places
the sandbox prints ``%q`` (selector errors, hook messages, downward API files)."""

from __future__ import annotations

import pytest

from sandbox.api.field import go_quote
from sandbox.kubelet.volume.downwardapi import format_map


@pytest.mark.parametrize(("value", "quoted"), [
    # Go's strconv quotetests (in, out)
    ("\a\b\f\r\n\t\v", r'"\a\b\f\r\n\t\v"'),
    ("\\", r'"\\"'),
    (b"abc\xffdef", r'"abc\xffdef"'),
    ("\u263a", '"\u263a"'),
    ("\U0010ffff", r'"\U0010ffff"'),
    ("\x04", r'"\x04"'),
    ("!\u00a0!\u2000!\u3000!", r'"!\u00a0!\u2000!\u3000!"'),
    ("\x7f", r'"\x7f"'),
    # and more
    ("", '""'),
    ('say "hi"', r'"say \"hi\""'),
    ("caf\u00e9 \U0001f600", '"caf\u00e9 \U0001f600"'),  # printable runes stay as they are
    ("\x00\x1b[0m", r'"\x00\x1b[0m"'),
    ("\u200b\u00ad\ufeff", r'"\u200b\u00ad\ufeff"'),  # format characters are not printable
    ("\U000e0001", r'"\U000e0001"'),
    ("abc\udcffdef", r'"abc\xffdef"'),  # a byte Python decoded with surrogateescape
    (b"\xe2\x98", r'"\xe2\x98"'),  # a cut-off rune: each byte
    ("'single'", "\"'single'\""),
])
def test_go_quote_is_strconv_quote(value: str | bytes, quoted: str) -> None:
    assert go_quote(value) == quoted


def test_downward_api_files_quote_as_fieldpath_format_map() -> None:
    assert format_map({"b": "two\nlines", "a": "caf\u00e9", "c": 'x"y'}) == (
        'a="caf\u00e9"\nb="two\\nlines"\nc="x\\"y"')
