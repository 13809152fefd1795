"""A self-contained SVG of a :class:`~sandbox.timeline.model.Timeline`, for the docs and notebooks.

One ``<g class="lane">`` per lane (``data-lane="main:app"``): coloured spans whose ``<title>``
tooltip holds the state, reason, times and message, the reason written inside when it fits,
restart lines, and event markers with their reason above. The axis and text use ``currentColor``,
so the picture follows the page's text colour in light and dark themes (mkdocs-material's
``slate`` included); the span fills are mid-tones readable on white and on near-black. No fonts,
scripts or links to anything outside the file.
"""

from __future__ import annotations

from collections.abc import Callable
from xml.sax.saxutils import escape, quoteattr

from sandbox.timeline.model import CONTAINER_KINDS, Lane, Mark, Span, Timeline, format_seconds
from sandbox.timeline.text import choose_axis, span_symbol

__all__ = ["render_svg", "COLORS", "STYLE"]

#: Fill colours of the span symbols (see :data:`sandbox.timeline.text.ASCII`).
COLORS = {
    "waiting": "#d9a400",
    "running": "#5b8def",
    "ready": "#2fa866",
    "error": "#e0524f",
    "completed": "#8a8f98",
    "unknown": "#a77bd6",
}

STYLE = (
    ".podlab-tl{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;font-size:11px}"
    ".podlab-tl text{fill:currentColor}"
    ".podlab-tl text.in{fill:#111;font-size:10px}"
    ".podlab-tl text.mark{font-size:9px}"
    ".podlab-tl .axis{stroke:currentColor;stroke-width:1}"
    ".podlab-tl .grid{stroke:currentColor;stroke-opacity:.15}"
    ".podlab-tl .restart{stroke:currentColor;stroke-width:2}"
    ".podlab-tl .ev-Normal{fill:currentColor}"
    ".podlab-tl .ev-Warning,.podlab-tl .probe-fail{fill:#e0524f}"
    ".podlab-tl .probe-ok{fill:#2fa866}"
    ".podlab-tl .note{fill:#a77bd6}"
    + "".join(f".podlab-tl .s-{k}{{fill:{v}}}" for k, v in COLORS.items())
)

_CHAR_W = 6.6  # width of a character at 11px in a monospace font
_SMALL_W = 5.6  # at 9-10px
_LANE_H = 30
_BAR_Y = 11
_BAR_H = 14
_LEGEND = [("waiting", "waiting / Pending / False"), ("running", "running, not ready"),
           ("ready", "running and ready / Running / True"), ("error", "terminated (error) / Failed"),
           ("completed", "terminated (completed) / Succeeded")]


def _num(x: float) -> str:
    return f"{x:.1f}".rstrip("0").rstrip(".")


def render_svg(tl: Timeline, width: int = 860) -> str:
    """Draw ``tl`` as an SVG document ``width`` pixels wide (see the module docstring)."""
    label_w = min(max(len(ln.label) for ln in tl.lanes) * _CHAR_W + 14, 210)
    plot_x = label_w
    plot_w = max(200.0, width - label_w - 24)
    step, _, n = choose_axis(tl.end, int(plot_w // 8))
    span_s = step * n
    px = plot_w / span_s

    def x(t: float) -> float:
        return plot_x + max(0.0, min(t, span_s)) * px

    top = 44
    height = top + _LANE_H * len(tl.lanes) + 40
    out: list[str] = []
    title = f"pod {tl.namespace}/{tl.name}"
    out.append(
        f'<svg xmlns="http://www.w3.org/2000/svg" class="podlab-tl" width="{width}" height="{height}" '
        f'viewBox="0 0 {width} {height}" role="img" aria-label={quoteattr("timeline of " + title)}>'
    )
    out.append(f"<title>{escape('timeline of ' + title)}</title>")
    out.append(f"<style>{STYLE}</style>")
    when = f"deleted at {format_seconds(tl.deleted)}" if tl.deleted is not None else f"now {format_seconds(tl.end)}"
    out.append(f'<text class="heading" x="4" y="14" font-weight="bold">{escape(title)}</text>')
    out.append(f'<text x="{_num(4 + (len(title) + 2) * _CHAR_W)}" y="14">'
               f'{escape(f"uid {tl.uid[:8]}, t=0s at creation, {when}")}</text>')

    # axis
    out.append('<g class="axis-group">')
    out.append(f'<line class="axis" x1="{_num(plot_x)}" y1="{top - 6}" x2="{_num(plot_x + plot_w)}" y2="{top - 6}"/>')
    for k in range(n + 1):
        tx = plot_x + k * step * px
        out.append(f'<line class="axis" x1="{_num(tx)}" y1="{top - 10}" x2="{_num(tx)}" y2="{top - 6}"/>')
        out.append(f'<line class="grid" x1="{_num(tx)}" y1="{top - 6}" x2="{_num(tx)}" '
                   f'y2="{top + _LANE_H * len(tl.lanes)}"/>')
        out.append(f'<text x="{_num(tx)}" y="{top - 14}" text-anchor="middle">{escape(format_seconds(k * step))}</text>')
    out.append("</g>")

    for i, lane in enumerate(tl.lanes):
        y0 = top + i * _LANE_H
        out.append(f'<g class="lane lane-{lane.kind}" data-lane={quoteattr(lane.name)}>')
        out.append(f'<text class="label" x="4" y="{y0 + _BAR_Y + 11}">{escape(lane.label)}</text>')
        for s in lane.spans:
            out.append(_span(lane, s, x, y0, tl.end))
        label_free = -1.0
        for m in lane.marks:
            svg, label_free = _mark(m, x, y0, label_free)
            out.append(svg)
        out.append("</g>")

    # legend
    ly = top + _LANE_H * len(tl.lanes) + 22
    lx = 4.0
    out.append('<g class="legend">')
    for key, text in _LEGEND:
        out.append(f'<rect class="s-{key}" x="{_num(lx)}" y="{ly - 9}" width="10" height="10"/>')
        out.append(f'<text x="{_num(lx + 14)}" y="{ly}">{escape(text)}</text>')
        lx += 14 + len(text) * _SMALL_W * 1.05 + 14
        if lx > width - 160:
            ly += 14
            lx = 4.0
    out.append("</g>")
    out.append("</svg>")
    return "\n".join(out) + "\n"


def _span(lane: Lane, s: Span, x: Callable[[float], float], y0: float, horizon: float) -> str:
    x1 = x(s.start)
    x2 = x(s.until(horizon))
    w = max(x2 - x1, 1.5)
    sym = span_symbol(lane, s)
    parts = [f'<rect class="span s-{sym}" x="{_num(x1)}" y="{y0 + _BAR_Y}" width="{_num(w)}" '
             f'height="{_BAR_H}"><title>{escape(s.describe())}</title></rect>']
    text = s.label if lane.kind in CONTAINER_KINDS else (f"{s.state} ({s.reason})" if s.reason else s.state)
    if len(text) * _SMALL_W + 6 <= w:
        parts.append(f'<text class="in" x="{_num(x1 + 3)}" y="{y0 + _BAR_Y + 10.5}">{escape(text)}</text>')
    return "".join(parts)


def _mark(m: Mark, x: Callable[[float], float], y0: float, label_free: float) -> tuple[str, float]:
    mx = x(m.time)
    tip = f"{format_seconds(m.time)} {m.reason + ': ' if m.reason else ''}{m.text}"
    if m.count > 1 and m.end is not None:
        tip += f" (x{m.count} until {format_seconds(m.end)})"
    tip = escape(tip)
    if m.kind == "restart":
        return (f'<line class="restart" x1="{_num(mx)}" y1="{y0 + _BAR_Y - 2}" x2="{_num(mx)}" '
                f'y2="{y0 + _BAR_Y + _BAR_H + 2}"><title>{tip}</title></line>', label_free)
    if m.kind in ("terminating", "deleted"):
        return (f'<path class="ev-Warning mark-{m.kind}" d="M{_num(mx)} {y0 + _BAR_Y - 1}l4 -6h-8z">'
                f"<title>{tip}</title></path>"
                + f'<text class="mark" x="{_num(mx + 5)}" y="{y0 + 8}">{escape(m.text)}</text>', label_free)
    if m.kind == "event":
        cls = f"ev ev-{m.type or 'Normal'}"
        shape = f'<path class="{cls}" d="M{_num(mx)} {y0 + _BAR_Y - 1}l3.5 -6h-7z"><title>{tip}</title></path>'
        text = m.reason or ""
    else:
        cls = m.kind if m.kind in ("probe-ok", "probe-fail") else "note"
        shape = (f'<circle class="{cls}" cx="{_num(mx)}" cy="{y0 + _BAR_Y + _BAR_H + 2.5}" r="2.5">'
                 f"<title>{tip}</title></circle>")
        text = ""
    if text and mx - 3 > label_free:
        shape += f'<text class="mark" x="{_num(mx - 3)}" y="{y0 + 8}">{escape(text)}</text>'
        label_free = mx - 3 + len(text) * _SMALL_W * 0.9 + 4
    return shape, label_free
