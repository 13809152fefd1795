"""The tab writer kubectl prints tables with (``printers.GetNewTabWriter``).

kubectl uses ``github.com/liggitt/tabwriter`` (Go's ``text/tabwriter`` plus ``RememberWidths``)
with minwidth 6, padding 3 and pad character ' '. A cell is text ending in a tab; the text after
a line's last tab is not a column and is never padded. A column is as wide as its widest cell
plus 3, and at least 6. ``RememberWidths`` keeps the widest width seen per column across flushes,
so the rows ``kubectl get -w`` prints later line up with (or widen past) the first table.
"""

from __future__ import annotations

__all__ = ["TabWriter"]

MIN_WIDTH = 6
PADDING = 3


class TabWriter:
    """Collects rows of cells and formats them as kubectl's tab writer does."""

    def __init__(self, min_width: int = MIN_WIDTH, padding: int = PADDING, remember_widths: bool = True) -> None:
        self.min_width = min_width
        self.padding = padding
        self.remember_widths = remember_widths
        self.max_widths: list[int] = []
        self._lines: list[list[str]] = []
        self._partial = ""

    def write(self, text: str) -> None:
        """Write text with tabs and newlines, as to Go's ``tabwriter.Writer``."""
        text = self._partial + text
        lines = text.split("\n")
        self._partial = lines.pop()
        for line in lines:
            self._lines.append(line.split("\t"))

    def write_row(self, cells: list[str]) -> None:
        """Add one line: its cells would be joined by tabs, the last one ends the line."""
        self._lines.append([str(c) for c in cells])

    def flush(self) -> str:
        """Format the collected lines (each ends with a newline) and forget them."""
        if self._partial:
            self._lines.append(self._partial.split("\t"))
            self._partial = ""
            lines, self._lines = self._lines, []
            out: list[str] = []
            self._format(lines, 0, len(lines), [], out)
            text = "".join(out)
            return text[:-1]
        lines, self._lines = self._lines, []
        if not lines:
            return ""
        out: list[str] = []
        self._format(lines, 0, len(lines), [], out)
        return "".join(out)

    def _format(self, lines: list[list[str]], line0: int, line1: int, widths: list[int], out: list[str]) -> None:
        column = len(widths)
        this = line0
        while this < line1:
            if column >= len(lines[this]) - 1:
                this += 1
                continue
            self._write_lines(lines, line0, this, widths, out)
            line0 = this
            width = self.min_width
            while this < line1 and column < len(lines[this]) - 1:
                width = max(width, len(lines[this][column]) + self.padding)
                this += 1
            if not self.remember_widths:
                widths.append(width)
                self._format(lines, line0, this, widths, out)
                widths.pop()
                line0 = this
                continue
            if len(self.max_widths) < len(widths):
                self.max_widths.extend(widths[len(self.max_widths):])
            if len(self.max_widths) == len(widths):
                self.max_widths.append(width)
            elif self.max_widths[len(widths)] > width:
                width = self.max_widths[len(widths)]
            else:
                self.max_widths[len(widths)] = width
            widths.append(width)
            self._format(lines, line0, this, widths, out)
            widths.pop()
            line0 = this
        self._write_lines(lines, line0, line1, widths, out)

    @staticmethod
    def _write_lines(lines: list[list[str]], line0: int, line1: int, widths: list[int], out: list[str]) -> None:
        for i in range(line0, line1):
            line = lines[i]
            parts: list[str] = []
            last = len(line) - 1
            for j, cell in enumerate(line):
                parts.append(cell)
                if j < last and j < len(widths):
                    parts.append(" " * max(0, widths[j] - len(cell)))
            out.append("".join(parts) + "\n")
