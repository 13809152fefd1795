"""HTML for Jupyter: a :class:`~sandbox.timeline.model.Timeline` as its SVG and a table of its events."""

from __future__ import annotations

from html import escape

from sandbox.timeline.model import Timeline, format_seconds

__all__ = ["timeline_html", "events_table_html"]


def events_table_html(tl: Timeline, max_events: int = 200) -> str:
    """The pod's Events as a compact table: time, type, reason, where, message, count."""
    rows = []
    for e in tl.events[:max_events]:
        count = f"x{e.count} over {format_seconds(e.last - e.time)}" if e.count > 1 else ""
        where = "pod" if e.lane == "phase" else e.lane
        rows.append(
            f'<tr class="ev-{escape(e.type)}"><td>{escape(format_seconds(e.time))}</td><td>{escape(e.type)}</td>'
            f"<td>{escape(e.reason)}</td><td>{escape(where)}</td><td>{escape(e.message)}</td>"
            f"<td>{escape(count)}</td></tr>"
        )
    more = ""
    if len(tl.events) > max_events:
        more = f"<p>... and {len(tl.events) - max_events} more events</p>"
    return (
        '<table class="podlab-events"><thead><tr><th>time</th><th>type</th><th>reason</th>'
        "<th>object</th><th>message</th><th>count</th></tr></thead><tbody>"
        + "".join(rows)
        + "</tbody></table>"
        + more
    )


def timeline_html(tl: Timeline) -> str:
    """The SVG picture of ``tl`` followed by its events table (``Timeline._repr_html_``)."""
    parts = ['<div class="podlab-timeline">', tl.to_svg()]
    if tl.events:
        parts.append(events_table_html(tl))
    else:
        parts.append("<p>No events.</p>")
    parts.append("</div>")
    return "\n".join(parts)
