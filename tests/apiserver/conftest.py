"""Fixtures for the API server's tests: a tiny fake clock and a fresh server."""

from __future__ import annotations

import random
from collections import deque
from collections.abc import Callable
from typing import Any

import pytest

from sandbox.apiserver import APIServer

#: 2024-01-01T00:00:00Z
START = 1_704_067_200.0


class FakeClock:
    """``now()`` and ``call_soon()``; callbacks run only when the test calls :meth:`run`."""

    def __init__(self, start: float = START) -> None:
        self.t = start
        self.soon: deque[tuple[Callable[..., Any], tuple[Any, ...]]] = deque()

    def now(self) -> float:
        return self.t

    def call_soon(self, fn: Callable[..., Any], *args: Any) -> None:
        self.soon.append((fn, args))

    def advance(self, seconds: float) -> None:
        self.t += seconds

    def run(self) -> int:
        """Run queued callbacks (and those they queue); return how many ran."""
        n = 0
        while self.soon:
            fn, args = self.soon.popleft()
            fn(*args)
            n += 1
        return n


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def server(clock: FakeClock) -> APIServer:
    return APIServer(clock, random.Random(42))


def pod(name: str | None = "web", namespace: str | None = None, labels: dict[str, str] | None = None,
        **spec: Any) -> dict[str, Any]:
    """A minimal valid Pod manifest."""
    meta: dict[str, Any] = {}
    if name is not None:
        meta["name"] = name
    if namespace:
        meta["namespace"] = namespace
    if labels:
        meta["labels"] = labels
    body: dict[str, Any] = {"containers": [{"name": "app", "image": "nginx:1.27"}]}
    body.update(spec)
    return {"apiVersion": "v1", "kind": "Pod", "metadata": meta, "spec": body}


def configmap(name: str, namespace: str = "default", data: dict[str, str] | None = None,
              **meta: Any) -> dict[str, Any]:
    return {"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": name, "namespace": namespace, **meta},
            "data": data or {"k": "v"}}
