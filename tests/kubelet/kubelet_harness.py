"""A one-node harness (imported by the tests as ``kubelet_harness``; ``conftest.py`` holds the fixture) for the kubelet: clock + APIServer + ThreadRuntime + Kubelet.

Pods are bound by setting ``spec.nodeName`` in the manifest. Everything runs on virtual time.
"""

from __future__ import annotations

import random
from typing import Any

import yaml

from sandbox.apiserver import APIServer
from sandbox.clock import Clock
from sandbox.kubelet import Kubelet
from sandbox.network import Network
from sandbox.runtime.runtime import ThreadRuntime

NODE = "node-1"


class Harness:
    """One node and its API server."""

    def __init__(self, seed: int = 0) -> None:
        self.clock = Clock()
        self.api = APIServer(self.clock, random.Random(seed))
        self.network = Network(self.clock)
        self.network.add_node(NODE)
        self.runtime = ThreadRuntime(self.clock, self.network, random.Random(seed + 1), NODE)
        self.kubelet = Kubelet(NODE, self.api, self.clock, self.runtime, random.Random(seed + 2))
        self.kubelet.start()
        self.t0 = self.clock.now()

    # -- objects
    def apply(self, manifest: str | dict[str, Any]) -> Any:
        d = yaml.safe_load(manifest) if isinstance(manifest, str) else manifest
        d.setdefault("spec", {}).setdefault("nodeName", NODE)
        obj = self.api.create(d)
        self.clock.run_all()
        return obj

    def pod(self, name: str, namespace: str = "default") -> Any:
        return self.api.get("pods", name, namespace=namespace)

    def exists(self, name: str, namespace: str = "default") -> bool:
        try:
            self.api.get("pods", name, namespace=namespace)
            return True
        except Exception:  # noqa: BLE001
            return False

    def status(self, name: str, container: str | None = None) -> Any:
        p = self.pod(name)
        if container is None:
            return p.status
        for lst in (p.status.containerStatuses, p.status.initContainerStatuses, p.status.ephemeralContainerStatuses):
            for s in lst or []:
                if s.name == container:
                    return s
        raise KeyError(container)

    def condition(self, name: str, type_: str) -> Any:
        for c in self.pod(name).status.conditions or []:
            if c.type == type_:
                return c
        return None

    def events(self, name: str | None = None) -> list[tuple[str, str, str]]:
        """``(type, reason, message)`` of the events about a pod, oldest first."""
        evs = self.api.list("events", namespace="default").items
        out = []
        for e in sorted(evs, key=lambda e: (e.firstTimestamp, e.metadata.name)):
            if name is None or e.involvedObject.name == name:
                out.append((e.type, e.reason, e.message))
        return out

    def event_counts(self, name: str) -> dict[tuple[str, str], int]:
        evs = self.api.list("events", namespace="default").items
        return {(e.reason, e.message): e.count for e in evs if e.involvedObject.name == name}

    # -- time
    def advance(self, seconds: float) -> None:
        self.clock.advance(seconds)

    def until(self, pred: Any, timeout: float = 600) -> float:
        """Drive the clock until ``pred()``; returns the virtual seconds since the harness started."""
        ok = self.clock.run_until(pred, timeout)
        assert ok, "condition not reached in time"
        return self.clock.now() - self.t0

    def elapsed(self) -> float:
        return self.clock.now() - self.t0

    def phase(self, name: str) -> str | None:
        try:
            return self.pod(name).status.phase
        except Exception:  # noqa: BLE001
            return None

    def exec(self, name: str, container: str | None, argv: list[str]) -> Any:
        box: list[Any] = []
        self.kubelet.exec("default", name, container, argv, box.append)
        self.clock.run_until(lambda: bool(box), 60)
        return box[0]

    def close(self) -> None:
        self.kubelet.close()
        self.runtime.close()
        self.clock.close()
