"""A small pytest plugin that collects results for the runner (``-p podlab.pytest_report``).

It records each test with its outcome, the first line of its docstring (what the learner sees as
the check's name) and its failure text, plus collection errors (a syntax error in the learner's
file, say). Loaded with ``-p``, it writes them as JSON to ``$PODLAB_REPORT`` at the end of the
session; :class:`Collector` can also be passed to ``pytest.main(plugins=[...])`` in-process.
Reading JSON keeps the runner independent of pytest's console format.
"""

from __future__ import annotations

import json
import os
from typing import Any

import pytest

__all__ = ["Collector"]


class Collector:
    """pytest hooks that gather every test's outcome and message."""

    def __init__(self) -> None:
        self.tests: list[dict[str, Any]] = []
        self.errors: list[str] = []
        self.exitstatus: int | None = None
        self._docs: dict[str, str] = {}

    def pytest_collection_modifyitems(self, items: list[pytest.Item]) -> None:
        for item in items:
            fn = getattr(item, "function", None)
            doc = (getattr(fn, "__doc__", None) or "").strip().splitlines()
            self._docs[item.nodeid] = doc[0].strip() if doc else item.name.removeprefix("test_").replace("_", " ")

    def pytest_collectreport(self, report: pytest.CollectReport) -> None:
        if report.failed:
            self.errors.append(report.longreprtext)

    def pytest_runtest_logreport(self, report: pytest.TestReport) -> None:
        if report.when == "call" or (report.when in ("setup", "teardown") and report.failed):
            self.tests.append(
                {
                    "nodeid": report.nodeid,
                    "name": self._docs.get(report.nodeid, report.nodeid),
                    "when": report.when,
                    "outcome": report.outcome,
                    "message": report.longreprtext if report.failed else "",
                }
            )

    def pytest_sessionfinish(self, session: pytest.Session, exitstatus: int) -> None:
        self.exitstatus = int(exitstatus)
        path = os.environ.get("PODLAB_REPORT")
        if path and self is _collector:
            with open(path, "w", encoding="utf-8") as f:
                json.dump({"exitstatus": self.exitstatus, "tests": self.tests, "errors": self.errors}, f)


_collector = Collector()


def pytest_configure(config: pytest.Config) -> None:
    """Loaded with ``-p podlab.pytest_report``: register the session's collector."""
    config.pluginmanager.register(_collector, "podlab-report-collector")
