"""Ages as kubectl prints them (apimachinery's duration.HumanDuration / ShortHumanDuration)."""

from __future__ import annotations

import pytest

from sandbox.kubectl.age import human_duration, short_human_duration, translate_timestamp_since

M, H, D = 60, 3600, 86400


@pytest.mark.parametrize(
    ("seconds", "human", "short"),
    [
        (-5, "<invalid>", "<invalid>"),
        (-1.5, "0s", "0s"),
        (0, "0s", "0s"),
        (45, "45s", "45s"),
        (59.9, "59s", "59s"),
        (60, "60s", "1m"),
        (119, "119s", "1m"),
        (120, "2m", "2m"),
        (200, "3m20s", "3m"),
        (9 * M + 59, "9m59s", "9m"),
        (10 * M + 30, "10m", "10m"),
        (179 * M, "179m", "2h"),
        (3 * H, "3h", "3h"),
        (3 * H + 20 * M, "3h20m", "3h"),
        (7 * H + 59 * M, "7h59m", "7h"),
        (8 * H + 30 * M, "8h", "8h"),
        (47 * H, "47h", "1d"),
        (2 * D, "2d", "2d"),
        (2 * D + 4 * H, "2d4h", "2d"),
        (7 * D + 23 * H, "7d23h", "7d"),
        (8 * D + 5 * H, "8d", "8d"),
        (729 * D, "729d", "1y"),
        (730 * D, "2y", "2y"),
        ((3 * 365 + 10) * D, "3y10d", "3y"),
        (9 * 365 * D, "9y", "9y"),
    ],
)
def test_durations(seconds: float, human: str, short: str) -> None:
    assert human_duration(seconds) == human
    assert short_human_duration(seconds) == short


def test_unset_timestamp_is_unknown() -> None:
    assert translate_timestamp_since(None, 0) == "<unknown>"
    assert translate_timestamp_since("", 0) == "<unknown>"


def test_future_timestamp_is_invalid() -> None:
    # 2025-01-01T00:00:10Z seen at 2025-01-01T00:00:00Z (1735689600)
    assert translate_timestamp_since("2025-01-01T00:00:10Z", 1735689600) == "<invalid>"
    assert translate_timestamp_since("2025-01-01T00:00:00Z", 1735689600 + 200) == "3m20s"
