"""The life of every Pod on virtual time, and notebook displays.

* :class:`TimelineRecorder` (``recorder.py``) watches pods and events through the API server and keeps
  each pod's status transitions and events.
* :class:`Timeline` (``model.py``) is one pod's history as lanes of spans and marks, with
  :meth:`Timeline.state_at` and :meth:`Timeline.first` for checking predictions.
* ``text.py``, ``svg.py`` and ``html.py`` draw it; ``display.py`` renders clusters, models and lists
  as HTML for Jupyter.
"""

from __future__ import annotations

from sandbox.timeline.model import (
    CONDITION_ORDER,
    Lane,
    Mark,
    Span,
    StateAt,
    Timeline,
    TimelineEvent,
    build_timeline,
    format_seconds,
)
from sandbox.timeline.recorder import TimelineRecorder

__all__ = [
    "TimelineRecorder",
    "Timeline",
    "Lane",
    "Span",
    "Mark",
    "TimelineEvent",
    "StateAt",
    "build_timeline",
    "format_seconds",
    "CONDITION_ORDER",
]
