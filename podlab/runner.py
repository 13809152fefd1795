"""Run one exercise's tests with pytest in a subprocess and read the results back.

A subprocess, because the learner's code (manifests, Python images) is re-read on every check and
a fresh interpreter is the only reliable way to forget the last version; and because a learner's
infinite loop must not hang the runner (there is a wall-clock timeout).
"""

from __future__ import annotations

import importlib.util
import json
import os
import subprocess
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

__all__ = ["PYTEST_ARGS", "TestOutcome", "CheckResult", "PytestMissing", "run_exercise"]

#: Flags for every exercise run: fixed order, no cache files in the learner's folders.
PYTEST_ARGS = ("-p", "no:randomly", "-p", "no:cacheprovider", "-q")


class PytestMissing(Exception):
    """pytest is not installed in the Python that runs podlab."""


@dataclass
class TestOutcome:
    """One check of an exercise: its learner-facing name, outcome and failure message."""

    name: str
    outcome: str  # passed, failed, skipped
    message: str = ""


@dataclass
class CheckResult:
    """The result of running one exercise's tests."""

    ok: bool
    tests: list[TestOutcome] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)  # collection errors, crashes, timeouts
    output: str = ""

    @property
    def passed(self) -> int:
        return sum(t.outcome == "passed" for t in self.tests)

    @property
    def failed(self) -> list[TestOutcome]:
        return [t for t in self.tests if t.outcome == "failed"]


def run_exercise(folder: Path, timeout: float = 300.0, python: str | None = None) -> CheckResult:
    """Run the tests in ``folder`` (an exercise folder) and return what happened."""
    if python is None and importlib.util.find_spec("pytest") is None:
        raise PytestMissing("pytest is not installed: run ./learn (or `pip install pytest`) and try again.")
    with tempfile.TemporaryDirectory(prefix="podlab-") as tmp:
        report = Path(tmp) / "report.json"
        env = dict(os.environ)
        env["PODLAB_REPORT"] = str(report)
        env["PYTHONDONTWRITEBYTECODE"] = "1"
        env.setdefault("PYTHONHASHSEED", "0")
        cmd = [python or sys.executable, "-m", "pytest", str(folder), *PYTEST_ARGS, "-p", "podlab.pytest_report"]
        try:
            proc = subprocess.run(
                cmd, cwd=folder, env=env, capture_output=True, text=True, timeout=timeout, check=False
            )
        except subprocess.TimeoutExpired:
            return CheckResult(
                ok=False,
                errors=[
                    f"The tests did not finish within {timeout:g} seconds of real time. Something "
                    "in your code may loop forever without waiting (a Python image should call "
                    "c.sleep(), not time.sleep())."
                ],
            )
        output = proc.stdout + proc.stderr
        if not report.is_file():
            tail = "\n".join(output.strip().splitlines()[-15:])
            return CheckResult(ok=False, errors=[f"pytest could not run the tests:\n{tail}"], output=output)
        data = json.loads(report.read_text(encoding="utf-8"))
    tests = [TestOutcome(t["name"], t["outcome"], t["message"].strip()) for t in data["tests"]]
    errors = [e.strip() for e in data["errors"]]
    ok = data["exitstatus"] == 0 and not errors and any(t.outcome == "passed" for t in tests)
    if data["exitstatus"] == 5:
        errors.append(f"No tests were found in {folder}.")
    return CheckResult(ok=ok, tests=tests, errors=errors, output=output)
