"""``-o custom-columns=NAME:.metadata.name,NODE:.spec.nodeName`` (``CustomColumnsPrinter``).

Each column is ``HEADER:JSONPATH`` with a relaxed JSONPath (``.a.b``, ``a.b`` or ``{.a.b}``). A
column with no value prints ``<none>``; several values are joined with commas, each printed as
Go's ``fmt.Sprint`` would (``map[app:web]``, ``[a b]``). Laid out with kubectl's tab writer.
"""

from __future__ import annotations

from typing import Any

from sandbox.kubectl.errors import CommandError
from sandbox.kubectl.printers.jsonpath import JSONPath, JSONPathError, go_sprint, relaxed
from sandbox.kubectl.printers.tabwriter import TabWriter

__all__ = ["parse_custom_columns", "CustomColumns", "escape_terminal"]


def escape_terminal(text: str) -> str:
    """``printers.EscapeTerminal``: ESC and carriage returns made visible."""
    return text.replace("\x1b", "^[").replace("\r", "\\r")


def parse_custom_columns(spec: str) -> list[tuple[str, str]]:
    """``NAME:.metadata.name,...`` -> [(header, template)]; kubectl's error for a bad spec."""
    if not spec:
        raise CommandError("custom-columns format specified but no custom columns given")
    cols: list[tuple[str, str]] = []
    for part in spec.split(","):
        header, sep, path = part.partition(":")
        if not sep:
            raise CommandError(f"unexpected custom-columns spec: {part}, expected <header>:<json-path-expr>")
        try:
            cols.append((header, relaxed(path)))
        except JSONPathError as e:
            raise CommandError(str(e)) from None
    return cols


class CustomColumns:
    """A custom-columns printer; ``render(objects)`` returns the table text."""

    def __init__(self, columns: list[tuple[str, str]], no_headers: bool = False) -> None:
        self.columns = columns
        self.no_headers = no_headers
        self.parsers = [JSONPath(t, allow_missing_keys=True) for _, t in columns]
        self.writer = TabWriter()
        self._headers_done = False

    def row(self, obj: dict[str, Any]) -> list[str]:
        """The cells for one object."""
        cells: list[str] = []
        for parser in self.parsers:
            results = parser.find_results(obj)
            values = [v for group in results for v in group]
            if not results or not results[0]:
                cells.append("<none>")
                continue
            cells.append(",".join(escape_terminal(go_sprint(v)) for v in values))
        return cells

    def render(self, objects: list[dict[str, Any]]) -> str:
        """Headers (once) and one row per object."""
        if not self.no_headers and not self._headers_done:
            self.writer.write_row([h for h, _ in self.columns])
            self._headers_done = True
        for obj in objects:
            # written as text: a tab or newline inside a value ends the cell or line, as in Go's tabwriter
            self.writer.write("\t".join(self.row(obj)) + "\n")
        return self.writer.flush()
