"""The learner's progress: ``.podlab-progress.json`` at the repository root (git-ignored).

Small and readable on purpose::

    {
      "version": 1,
      "exercises": {
        "01-first-pod": {"status": "passed", "hints": 2, "passed_at": "2026-01-01T10:00:00+00:00"},
        "02-fix-the-manifest": {"status": "failed", "hints": 0}
      }
    }

``status`` is the last check's result, ``passed`` or ``failed``; an exercise never checked has no
status. ``passed_at`` stays once an exercise has passed (it unlocks ``podlab solution``) until
``reset``. ``hints`` counts the tiers revealed.
"""

from __future__ import annotations

import json
import os
import tempfile
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

__all__ = ["STATE_FILE", "State"]

STATE_FILE = ".podlab-progress.json"


class State:
    """Progress for one repository checkout; every change is written at once (atomically)."""

    def __init__(self, root: Path) -> None:
        self.path = root / STATE_FILE
        self.data: dict[str, Any] = {"version": 1, "exercises": {}}
        if self.path.exists():
            try:
                loaded = json.loads(self.path.read_text(encoding="utf-8"))
                if isinstance(loaded, dict) and isinstance(loaded.get("exercises"), dict):
                    self.data = loaded
            except (OSError, ValueError):
                # A damaged progress file is not worth a crash: start afresh, keep a copy.
                self.path.replace(self.path.with_suffix(".json.damaged"))

    def _entry(self, ex_id: str) -> dict[str, Any]:
        return self.data["exercises"].setdefault(ex_id, {"hints": 0})

    def status(self, ex_id: str) -> str | None:
        """``"passed"``, ``"failed"`` or ``None`` (never checked)."""
        return self.data["exercises"].get(ex_id, {}).get("status")

    def passed(self, ex_id: str) -> bool:
        return self.status(ex_id) == "passed"

    def record(self, ex_id: str, ok: bool) -> None:
        """Record a check's result. ``passed_at`` is kept when a later edit breaks the exercise
        again, so ``solution`` stays available; ``list`` shows the last result."""
        e = self._entry(ex_id)
        e["status"] = "passed" if ok else "failed"
        if ok:
            e.setdefault("passed_at", datetime.now(timezone.utc).isoformat(timespec="seconds"))
        self.save()

    def ever_passed(self, ex_id: str) -> bool:
        return bool(self.data["exercises"].get(ex_id, {}).get("passed_at"))

    def hints_shown(self, ex_id: str) -> int:
        return int(self.data["exercises"].get(ex_id, {}).get("hints", 0))

    def reveal_hint(self, ex_id: str, total: int) -> int:
        """Reveal one more tier (up to ``total``); returns how many are now shown."""
        e = self._entry(ex_id)
        e["hints"] = min(total, int(e.get("hints", 0)) + 1)
        self.save()
        return e["hints"]

    def forget(self, ex_id: str) -> None:
        """After ``reset``: the exercise counts as not done again (hints stay revealed)."""
        e = self.data["exercises"].get(ex_id)
        if e is not None:
            e.pop("status", None)
            e.pop("passed_at", None)
            self.save()

    def save(self) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=".podlab-progress.", dir=self.path.parent)
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            json.dump(self.data, f, indent=2, sort_keys=True)
            f.write("\n")
        os.replace(tmp, self.path)
