"""A self-contained SVG of a :class:`~sandbox.timeline.model.Timeline`, for the docs and notebooks.

One ``<g class="lane">`` per lane (``data-lane="main:app"``): coloured spans whose ``<title>``
tooltip holds the state, reason, times and message, the reason written inside when it fits,
restart lines, and event markers (a triangle above the bar; Events of the same instant share one,
their reasons in its tooltip) labelled with their reasons on as many rows above the bar as they need
(at most :data:`MAX_LABEL_ROWS`; a label that would overlap another is left to the tooltip). A
legend of what the picture uses, wrapped to rows, closes it.

The axis and text use ``currentColor``, so the picture follows the page's text colour in light and
dark themes (mkdocs-material's ``slate`` included); the span fills are mid-tones readable on white
and on near-black, with dark text inside. Sizes suit the docs' content width (about 700 px, where an
860 px picture is scaled to 80%). No fonts, scripts or links to anything outside the file.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from xml.sax.saxutils import escape, quoteattr

from sandbox.timeline.model import CONTAINER_KINDS, Lane, Mark, Span, Timeline, format_seconds
from sandbox.timeline.text import choose_axis, span_symbol

__all__ = ["render_svg", "COLORS", "STYLE", "MAX_LABEL_ROWS"]

#: Fill colours of the span symbols (see :data:`sandbox.timeline.text.ASCII`).
COLORS = {
    "waiting": "#d9a400",
    "running": "#5b8def",
    "ready": "#2fa866",
    "error": "#e0524f",
    "completed": "#8a8f98",
    "unknown": "#a77bd6",
}
_WARN = "#e0524f"

# font sizes (px) and the width of one character of the monospace font at each (0.6 em, a little
# more than DejaVu Sans Mono, Menlo and SF Mono's 0.602 and Consolas' 0.55)
_F = 14      # heading, lane labels, axis
_F_IN = 13   # text inside bars
_F_MARK = 12  # event labels
_F_LEG = 13  # legend
_EM = 0.61


def _w(text: str, size: float) -> float:
    """Estimated width in pixels of ``text`` at font ``size``."""
    return len(text) * size * _EM


STYLE = (
    f".podlab-tl{{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,'DejaVu Sans Mono',monospace;font-size:{_F}px}}"
    ".podlab-tl text{fill:currentColor}"
    ".podlab-tl .heading{font-weight:bold}"
    ".podlab-tl .sub{fill-opacity:.75}"
    f".podlab-tl text.in{{fill:#111;font-size:{_F_IN}px}}"
    f".podlab-tl text.mark{{font-size:{_F_MARK}px}}"
    f".podlab-tl text.mark-Warning{{fill:{_WARN}}}"
    f".podlab-tl .legend text{{font-size:{_F_LEG}px}}"
    ".podlab-tl .axis{stroke:currentColor;stroke-width:1}"
    ".podlab-tl .grid{stroke:currentColor;stroke-opacity:.15}"
    ".podlab-tl .restart{stroke:currentColor;stroke-width:2}"
    ".podlab-tl .ev-Normal{fill:currentColor}"
    f".podlab-tl .ev-Warning,.podlab-tl .probe-fail{{fill:{_WARN}}}"
    ".podlab-tl .probe-ok{fill:#2fa866}"
    ".podlab-tl .note{fill:#a77bd6}"
    + "".join(f".podlab-tl .s-{k}{{fill:{v}}}" for k, v in COLORS.items())
)

#: Rows of event labels a lane may use above its bar.
MAX_LABEL_ROWS = 2

_BAR_H = 20
_ROW_H = 15        # one row of event labels
_TRI_H = 8         # the event triangles above the bar
_PAD = 6           # above and below a lane's content
_MERGE_PX = 9.0    # markers closer than this share one triangle (its width)
_LABEL_MAX = 240   # the lane labels' column, at most
_LEGEND = [("waiting", "waiting / Pending / False"), ("running", "running, not ready"),
           ("ready", "running and ready / Running / True"), ("error", "terminated (error) / Failed"),
           ("completed", "terminated (completed) / Succeeded"), ("unknown", "Unknown")]


def _num(x: float) -> str:
    return f"{x:.1f}".rstrip("0").rstrip(".")


@dataclass
class _Marker:
    """Marks close together on one lane: one triangle, one tooltip, one label."""

    x: float
    kind: str  # "event", "terminating", "deleted"
    warning: bool
    label: str
    tips: list[str]
    row: int = -1  # label row, -1 when the label does not fit
    lx: float = 0.0  # where the label starts


def _tip(m: Mark) -> str:
    tip = f"{format_seconds(m.time)} {m.reason + ': ' if m.reason else ''}{m.text}"
    if m.count > 1 and m.end is not None:
        tip += f" (x{m.count} until {format_seconds(m.end)})"
    return tip


def _markers(lane: Lane, x: Callable[[float], float], width: float) -> list[_Marker]:
    """Group the lane's event marks by position and give each group a label row."""
    out: list[_Marker] = []
    for m in lane.marks:
        if m.kind not in ("event", "terminating", "deleted"):
            continue
        mx = x(m.time)
        word = (m.reason or "") if m.kind == "event" else m.text
        warning = m.kind != "event" or m.type == "Warning"
        last = out[-1] if out else None
        if last is not None and mx - last.x < _MERGE_PX and (last.kind == "event") == (m.kind == "event"):
            last.tips.append(_tip(m))
            last.warning = last.warning or warning
            if word and word not in last.label.split(", "):
                last.label = f"{last.label}, {word}" if last.label else word
            continue
        out.append(_Marker(mx, m.kind, warning, word, [_tip(m)]))
    free = [-1e9] * MAX_LABEL_ROWS  # where each row is free again
    for i, mk in enumerate(out):
        if not mk.label:
            continue
        # the whole list of reasons if it ends before the next marker, else the first and a count
        words = mk.label.split(", ")
        gap = out[i + 1].x - mk.x if i + 1 < len(out) else width - mk.x
        if len(words) > 1 and _w(mk.label, _F_MARK) + 8 > gap:
            mk.label = f"{words[0]} +{len(words) - 1}"
        w = _w(mk.label, _F_MARK)
        lx = mk.x - 4 if mk.x - 4 + w <= width - 4 else mk.x + 4 - w  # ends at its marker near the edge
        for row in range(MAX_LABEL_ROWS):
            if lx >= free[row]:
                mk.row, mk.lx = row, lx
                free[row] = lx + w + 8
                break
    return out


def render_svg(tl: Timeline, width: int = 860) -> str:
    """Draw ``tl`` as an SVG document ``width`` pixels wide (see the module docstring)."""
    label_w = min(max(_w(ln.label, _F) for ln in tl.lanes) + 14, _LABEL_MAX)
    plot_x = label_w
    plot_w = max(200.0, width - label_w - 16)
    step, _, n = choose_axis(tl.end, int(plot_w // 8))
    span_s = step * n
    px = plot_w / span_s

    def x(t: float) -> float:
        return plot_x + max(0.0, min(t, span_s)) * px

    out: list[str] = []
    title = f"pod {tl.namespace}/{tl.name}"
    when = f"deleted at {format_seconds(tl.deleted)}" if tl.deleted is not None else f"now {format_seconds(tl.end)}"
    sub = f"uid {tl.uid[:8]}, t=0s at creation, {when}"
    head = [f'<text class="heading" x="4" y="{_F + 2}">{escape(title)}</text>']
    sub_x = 4 + _w(title + "  ", _F)
    y = _F + 2
    if sub_x + _w(sub, _F) > width - 4:
        sub_x = 4
        y += _F + 4
    head.append(f'<text class="sub" x="{_num(sub_x)}" y="{y}">{escape(sub)}</text>')

    # axis
    axis_y = y + 12 + _F + 6  # the axis line, tick labels above it
    lanes_top = axis_y + 4
    markers = [_markers(lane, x, width) for lane in tl.lanes]
    bars: list[float] = []  # each lane's bar top
    cur = float(lanes_top)
    for lane, mks in zip(tl.lanes, markers, strict=True):
        rows = max((mk.row + 1 for mk in mks), default=0)
        above = rows * _ROW_H + (_TRI_H if mks else 0)
        bars.append(cur + _PAD + above)
        cur += _PAD + above + _BAR_H + _PAD + (3 if any(m.kind not in ("event", "terminating", "deleted", "restart")
                                                        for m in lane.marks) else 0)
    lanes_bottom = cur

    body: list[str] = ['<g class="axis-group">']
    body.append(f'<line class="axis" x1="{_num(plot_x)}" y1="{axis_y}" x2="{_num(plot_x + plot_w)}" y2="{axis_y}"/>')
    for k in range(n + 1):
        tx = plot_x + k * step * px
        body.append(f'<line class="axis" x1="{_num(tx)}" y1="{axis_y - 4}" x2="{_num(tx)}" y2="{axis_y}"/>')
        body.append(f'<line class="grid" x1="{_num(tx)}" y1="{axis_y}" x2="{_num(tx)}" y2="{_num(lanes_bottom)}"/>')
        anchor = "end" if k == n and k else "middle"
        body.append(f'<text x="{_num(tx)}" y="{axis_y - 7}" text-anchor="{anchor}">'
                    f"{escape(format_seconds(k * step))}</text>")
    body.append("</g>")

    for lane, mks, bar_y in zip(tl.lanes, markers, bars, strict=True):
        body.append(f'<g class="lane lane-{lane.kind}" data-lane={quoteattr(lane.name)}>')
        body.append(_lane_label(lane.label, bar_y, label_w))
        for s in lane.spans:
            body.append(_span(lane, s, x, bar_y, tl.end))
        for m in lane.marks:
            body.append(_restart_or_note(m, x, bar_y))
        for mk in mks:
            body.append(_marker(mk, bar_y))
        body.append("</g>")

    legend, legend_h = _legend(tl, lanes_bottom + 10, width)
    height = int(lanes_bottom + 10 + legend_h + 4)
    out.append(
        f'<svg xmlns="http://www.w3.org/2000/svg" class="podlab-tl" width="{width}" height="{height}" '
        f'viewBox="0 0 {width} {height}" role="img" aria-label={quoteattr("timeline of " + title)}>'
    )
    out.append(f"<title>{escape('timeline of ' + title)}</title>")
    out.append(f"<style>{STYLE}</style>")
    out.extend(head)
    out.extend(body)
    out.extend(legend)
    out.append("</svg>")
    return "\n".join(out) + "\n"


def _lane_label(label: str, bar_y: float, label_w: float) -> str:
    room = int((label_w - 10) // (_F * _EM))
    shown = label if len(label) <= room else label[: max(1, room - 1)] + "\u2026"
    tip = f"<title>{escape(label)}</title>" if shown != label else ""
    return f'<text class="label" x="4" y="{_num(bar_y + _BAR_H / 2 + _F * 0.35)}">{escape(shown)}{tip}</text>'


def _span(lane: Lane, s: Span, x: Callable[[float], float], bar_y: float, horizon: float) -> str:
    x1 = x(s.start)
    x2 = x(s.until(horizon))
    w = max(x2 - x1, 2.0)
    sym = span_symbol(lane, s)
    parts = [f'<rect class="span s-{sym}" x="{_num(x1)}" y="{_num(bar_y)}" width="{_num(w)}" '
             f'height="{_BAR_H}"><title>{escape(s.describe())}</title></rect>']
    if lane.kind in CONTAINER_KINDS:
        texts = [s.label, s.reason or ""]
    else:
        texts = [f"{s.state} ({s.reason})" if s.reason else s.state, s.state]
    shown = next((t for t in texts if t and _w(t, _F_IN) + 8 <= w), None)
    room = int((w - 8) // (_F_IN * _EM))
    if shown is None and room >= 9:  # eight characters and an ellipsis; the tooltip has it all
        shown = texts[0][: room - 1] + "\u2026"
    if shown:
        parts.append(f'<text class="in" x="{_num(x1 + 4)}" y="{_num(bar_y + _BAR_H / 2 + _F_IN * 0.35)}">'
                     f"{escape(shown)}</text>")
    return "".join(parts)


def _restart_or_note(m: Mark, x: Callable[[float], float], bar_y: float) -> str:
    mx = x(m.time)
    if m.kind == "restart":
        return (f'<line class="restart" x1="{_num(mx)}" y1="{_num(bar_y - 3)}" x2="{_num(mx)}" '
                f'y2="{_num(bar_y + _BAR_H + 3)}"><title>{escape(_tip(m))}</title></line>')
    if m.kind in ("event", "terminating", "deleted"):
        return ""
    cls = m.kind if m.kind in ("probe-ok", "probe-fail") else "note"
    return (f'<circle class="{cls}" cx="{_num(mx)}" cy="{_num(bar_y + _BAR_H + 4)}" r="3">'
            f"<title>{escape(_tip(m))}</title></circle>")


def _marker(mk: _Marker, bar_y: float) -> str:
    kind = "Warning" if mk.warning else "Normal"
    extra = f" mark-{mk.kind}" if mk.kind != "event" else ""
    tip = escape("\n".join(mk.tips))
    out = (f'<path class="ev ev-{kind}{extra}" d="M{_num(mk.x)} {_num(bar_y - 1)}l4.5 -{_TRI_H - 1}h-9z">'
           f"<title>{tip}</title></path>")
    if mk.row >= 0:
        ly = bar_y - _TRI_H - 4 - mk.row * _ROW_H
        out += (f'<text class="mark mark-{kind}" x="{_num(mk.lx)}" y="{_num(ly)}">{escape(mk.label)}'
                f"<title>{tip}</title></text>")
    return out


def _legend(tl: Timeline, top: float, width: int) -> tuple[list[str], float]:
    """The legend of the symbols and markers ``tl`` uses, wrapped to rows; and its height."""
    used = {span_symbol(ln, s) for ln in tl.lanes for s in ln.spans}
    kinds = {m.kind for ln in tl.lanes for m in ln.marks}
    warnings = any(m.type == "Warning" or m.kind in ("terminating", "deleted") for ln in tl.lanes for m in ln.marks)
    normal = any(m.kind == "event" and m.type != "Warning" for ln in tl.lanes for m in ln.marks)
    items: list[tuple[str, str]] = []
    for key, text in _LEGEND:
        if key in used:
            items.append((f'<rect class="s-{key}" x="0" y="-11" width="12" height="12"/>', text))
    if "restart" in kinds:
        items.append(('<line class="restart" x1="6" y1="-13" x2="6" y2="3"/>', "restart"))
    if normal:
        items.append(('<path class="ev-Normal" d="M6 1l4.5 -8h-9z" transform="translate(0 -3)"/>', "event"))
    if warnings:
        items.append(('<path class="ev-Warning" d="M6 1l4.5 -8h-9z" transform="translate(0 -3)"/>', "warning event"))
    if kinds & {"probe-ok", "probe-fail"}:
        items.append(('<circle class="probe-ok" cx="3" cy="-4" r="3"/><circle class="probe-fail" cx="10" cy="-4" r="3"/>',
                      "probe ok / failed"))
    row_h = _F_LEG + 7
    out = ['<g class="legend">']
    lx, ly = 4.0, top + _F_LEG
    for shape, text in items:
        w = 18 + _w(text, _F_LEG)
        if lx > 4 and lx + w > width - 4:
            lx, ly = 4.0, ly + row_h
        out.append(f'<g transform="translate({_num(lx)} {_num(ly)})">{shape}'
                   f'<text x="18" y="0">{escape(text)}</text></g>')
        lx += w + 18
    out.append("</g>")
    return out, (ly - top + 6 if items else 0)
