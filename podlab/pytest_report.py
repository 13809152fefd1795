"""A small pytest plugin the runner loads (``-p podlab.pytest_report``) to read results.

It writes one JSON file (path in ``$PODLAB_REPORT``) listing each test with its outcome, the first
line of its docstring (what the learner sees as the check's name) and its failure text, plus any
collection errors (a syntax error in the learner's file, say). Reading JSON keeps the runner
independent of pytest's console format.
"""

from __future__ import annotations

import json
import os
from typing import Any

import pytest

_results: list[dict[str, Any]] = []
_errors: list[str] = []
_docs: dict[str, str] = {}


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        fn = getattr(item, "function", None)
        doc = (getattr(fn, "__doc__", None) or "").strip().splitlines()
        _docs[item.nodeid] = doc[0].strip() if doc else item.name.removeprefix("test_").replace("_", " ")


def pytest_collectreport(report: pytest.CollectReport) -> None:
    if report.failed:
        _errors.append(report.longreprtext)


def pytest_runtest_logreport(report: pytest.TestReport) -> None:
    if report.when == "call" or (report.when in ("setup", "teardown") and report.failed):
        _results.append(
            {
                "nodeid": report.nodeid,
                "name": _docs.get(report.nodeid, report.nodeid),
                "when": report.when,
                "outcome": report.outcome,
                "message": report.longreprtext if report.failed else "",
            }
        )


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    path = os.environ.get("PODLAB_REPORT")
    if path:
        with open(path, "w", encoding="utf-8") as f:
            json.dump({"exitstatus": int(exitstatus), "tests": _results, "errors": _errors}, f)
