"""A cluster with no kubelets: an APIServer, a virtual Clock and the Scheduler, plus builders."""

from __future__ import annotations

import random
from collections.abc import Iterator
from typing import Any

import pytest

from sandbox.apiserver import APIServer
from sandbox.clock import Clock
from sandbox.scheduler import Scheduler


class Env:
    """What a test needs: ``api``, ``clock``, ``sched``, and helpers to make nodes and pods."""

    def __init__(self, seed: int = 0) -> None:
        self.clock = Clock()
        self.api = APIServer(self.clock, random.Random(seed))
        self.sched = Scheduler(self.api, self.clock, random.Random(seed))
        self.sched.start()

    def node(self, name: str, cpu: str = "4", memory: str = "8Gi", pods: str = "110",
             labels: dict[str, str] | None = None, taints: list[dict[str, str]] | None = None,
             unschedulable: bool = False, images: list[dict[str, Any]] | None = None) -> Any:
        alloc = {"cpu": cpu, "memory": memory, "pods": pods, "ephemeral-storage": "100Gi"}
        body: dict[str, Any] = {
            "apiVersion": "v1", "kind": "Node",
            "metadata": {"name": name, "labels": {"kubernetes.io/hostname": name, "kubernetes.io/os": "linux",
                                                   **(labels or {})}},
            "spec": {},
            "status": {"capacity": dict(alloc), "allocatable": dict(alloc)},
        }
        if taints:
            body["spec"]["taints"] = taints
        if unschedulable:
            body["spec"]["unschedulable"] = True
        if images:
            body["status"]["images"] = images
        return self.api.create(body)

    def pod(self, name: str, namespace: str = "default", cpu: str | None = None, memory: str | None = None,
            labels: dict[str, str] | None = None, **spec: Any) -> Any:
        container: dict[str, Any] = {"name": "app", "image": spec.pop("image", "nginx")}
        req = {}
        if cpu:
            req["cpu"] = cpu
        if memory:
            req["memory"] = memory
        if req:
            container["resources"] = {"requests": req}
        if "ports" in spec:
            container["ports"] = spec.pop("ports")
        body = {"apiVersion": "v1", "kind": "Pod",
                "metadata": {"name": name, "namespace": namespace, "labels": labels or {}},
                "spec": {"containers": [container], **spec}}
        return self.api.create(body)

    def settle(self, seconds: float = 0.0) -> None:
        """Run what is due (and ``seconds`` more of virtual time)."""
        if seconds:
            self.clock.advance(seconds)
        else:
            self.clock.run_all()

    def node_of(self, name: str, namespace: str = "default") -> str | None:
        return self.api.get("pods", name, namespace).spec.nodeName

    def events(self, name: str, reason: str | None = None) -> list[Any]:
        evs = [e for e in self.api.list("events", "default") if e.involvedObject.name == name]
        return [e for e in evs if reason is None or e.reason == reason]

    def failed_message(self, name: str) -> str:
        evs = self.events(name, "FailedScheduling")
        assert evs, f"no FailedScheduling event for {name}"
        return evs[-1].message

    def condition(self, name: str, namespace: str = "default") -> Any:
        pod = self.api.get("pods", name, namespace)
        return next(c for c in pod.status.conditions or [] if c.type == "PodScheduled")


@pytest.fixture
def env() -> Iterator[Env]:
    e = Env()
    yield e
    e.sched.stop()
    e.clock.close()
