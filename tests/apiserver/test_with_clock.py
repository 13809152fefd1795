"""The API server on the sandbox's real virtual clock: handlers run when the clock is driven."""

from __future__ import annotations

import random

from sandbox.apiserver import APIServer, WatchEvent
from sandbox.clock import Clock

from .conftest import pod


def test_handlers_run_on_the_clock_in_order() -> None:
    clock = Clock()
    try:
        server = APIServer(clock, random.Random(1))
        got: list[tuple[str, str]] = []

        def on_pod(ev: WatchEvent) -> None:
            got.append((ev.type, ev.object.metadata.name))
            if ev.type == "ADDED":
                server.bind(ev.object.metadata.name, "default", "node-1")  # a tiny scheduler

        server.watch("pods", handler=on_pod)
        server.create(pod("a"))
        server.create(pod("b"))
        assert got == []
        clock.run_all()
        assert got == [("ADDED", "a"), ("ADDED", "b"), ("MODIFIED", "a"), ("MODIFIED", "b")]
        assert server.get("pods", "b").spec.nodeName == "node-1"
        clock.advance(30)
        assert server.create(pod("c")).to_dict()["metadata"]["creationTimestamp"].endswith(":30Z")
    finally:
        clock.close()
