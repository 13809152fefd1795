"""Every ```python sample in the README and the docs runs, so the docs never show code that fails.

A sample may end lines with ``# -> value`` comments; they are documentation only. Samples in one
page run in order in one namespace (a later sample may use what an earlier one defined). Mark a
block ```python skip``` (info string) only for code that cannot run here, e.g. on a real cluster.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PAGES = [ROOT / "README.md", *sorted((ROOT / "docs").rglob("*.md"))]
FENCE = re.compile(r"^```python([^\n]*)\n(.*?)^```", re.S | re.M)


def _samples(page: Path) -> list[str]:
    return [body for info, body in FENCE.findall(page.read_text()) if "skip" not in info]


@pytest.mark.parametrize("page", [p for p in PAGES if _samples(p)], ids=lambda p: str(p.relative_to(ROOT)))
def test_python_samples_run(page: Path) -> None:
    namespace: dict[str, object] = {"__name__": "__doc_sample__"}
    for i, code in enumerate(_samples(page), 1):
        try:
            exec(compile(code, f"{page.name} sample {i}", "exec"), namespace)
        except Exception as exc:  # noqa: BLE001 - report which sample failed, in the learner's terms
            pytest.fail(f"{page.relative_to(ROOT)}, python sample {i} failed: {type(exc).__name__}: {exc}\n\n{code}", pytrace=False)
