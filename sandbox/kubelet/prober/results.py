"""The probe results cache (``pkg/kubelet/prober/results``).

One :class:`ResultsManager` per probe kind (liveness, readiness, startup) keeps the last result
*that crossed its threshold* for each container, by container ID. :meth:`ResultsManager.set`
reports a change (and only a change) to ``on_update``, the way the real manager sends an
``Update`` on its channel for the kubelet's sync loop.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

__all__ = ["SUCCESS", "FAILURE", "UNKNOWN", "Update", "ResultsManager", "result_string"]

#: ``results.Success``
SUCCESS = "Success"
#: ``results.Failure``
FAILURE = "Failure"
#: ``results.Unknown`` (a startup probe that has not crossed a threshold yet)
UNKNOWN = "Unknown"


def result_string(result: str) -> str:
    """``results.Result.String()``: ``Success``, ``Failure`` or ``UNKNOWN``."""
    return "UNKNOWN" if result == UNKNOWN else result


@dataclass(frozen=True)
class Update:
    """``results.Update``: a container's result changed."""

    container_id: str
    result: str
    pod_uid: str
    container_name: str


class ResultsManager:
    """``results.Manager``: ``get``/``set``/``remove`` by container ID.

    Args:
        on_update: called with an :class:`Update` whenever a container's result changes
            (including its first result).
    """

    def __init__(self, on_update: Callable[[Update], Any] | None = None) -> None:
        self._cache: dict[str, str] = {}
        self.on_update = on_update

    def get(self, container_id: str) -> str | None:
        """The cached result of a container (``None`` if there is none)."""
        return self._cache.get(container_id)

    def set(self, container_id: str, result: str, pod_uid: str, container_name: str) -> bool:
        """Cache ``result``; returns whether it changed (then ``on_update`` was called)."""
        if self._cache.get(container_id) == result:
            return False
        self._cache[container_id] = result
        if self.on_update is not None:
            self.on_update(Update(container_id, result, pod_uid, container_name))
        return True

    def remove(self, container_id: str) -> None:
        """Forget a container's result (its worker moved on to a new container, or stopped)."""
        self._cache.pop(container_id, None)

    def __len__(self) -> int:
        return len(self._cache)
