"""``-o name``: ``pod/nginx``, ``deployment.apps/web`` (``printers.NamePrinter``)."""

from __future__ import annotations

from typing import Any

__all__ = ["name_line"]


def name_line(kind_prefix: str, obj: dict[str, Any], operation: str = "") -> str:
    """``pod/nginx`` (``pod/nginx created`` with an operation), as kubectl's name printer writes it."""
    name = (obj.get("metadata") or {}).get("name", "")
    line = f"{kind_prefix}/{name}"
    return f"{line} {operation}" if operation else line
