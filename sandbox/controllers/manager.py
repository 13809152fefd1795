"""``ControllerManager``: kube-controller-manager, running every controller on the clock.

All controllers share one :class:`~sandbox.controllers.base.InformerFactory`, so each resource is
listed and watched once, as ``SharedInformerFactory`` does in the real binary.
"""

from __future__ import annotations

import random
from typing import Any

from sandbox.controllers.base import Controller, InformerFactory

__all__ = ["ControllerManager", "DEFAULT_CONTROLLERS"]

#: The controllers started by default, by their kube-controller-manager names.
DEFAULT_CONTROLLERS = (
    "replicaset",
    "deployment",
    "job",
    "ttl-after-finished",
    "statefulset",
    "daemonset",
    "garbage-collector",
    "node-lifecycle",
    "taint-eviction",
    "pod-garbage-collector",
    "serviceaccount",
    "root-ca-certificate-publisher",
    "endpoints",
)


#: controller name -> (module in sandbox.controllers, class)
_FACTORIES = {
    "replicaset": ("replicaset", "ReplicaSetController"),
    "deployment": ("deployment", "DeploymentController"),
    "job": ("job", "JobController"),
    "ttl-after-finished": ("job", "TTLAfterFinishedController"),
    "statefulset": ("statefulset", "StatefulSetController"),
    "daemonset": ("daemonset", "DaemonSetController"),
    "garbage-collector": ("garbagecollector", "GarbageCollector"),
    "node-lifecycle": ("nodelifecycle", "NodeLifecycleController"),
    "taint-eviction": ("nodelifecycle", "TaintEvictionController"),
    "pod-garbage-collector": ("podgc", "PodGCController"),
    "serviceaccount": ("serviceaccount", "ServiceAccountsController"),
    "root-ca-certificate-publisher": ("rootcacert", "RootCACertPublisher"),
    "endpoints": ("endpoints", "EndpointsController"),
}


def _factory(name: str) -> Any:
    import importlib

    module, cls = _FACTORIES[name]
    return getattr(importlib.import_module(f"sandbox.controllers.{module}"), cls)


class ControllerManager:
    """Runs the controllers of kube-controller-manager against ``api`` on ``clock``.

    Args:
        api: the :class:`~sandbox.apiserver.APIServer`.
        clock: the cluster's :class:`~sandbox.clock.Clock`.
        rng: a seeded ``random.Random`` (kept for controllers that need randomness).
        controllers: names to run (default :data:`DEFAULT_CONTROLLERS`).
        options: per-controller keyword arguments, e.g.
            ``{"node-lifecycle": {"node_monitor_grace_period": 40}}``.
    """

    def __init__(self, api: Any, clock: Any, rng: random.Random | None = None,
                 controllers: tuple[str, ...] | list[str] | None = None,
                 options: dict[str, dict[str, Any]] | None = None) -> None:
        self.api = api
        self.clock = clock
        self.rng = rng if rng is not None else random.Random(0)
        self.informers = InformerFactory(api)
        self.controllers: dict[str, Controller] = {}
        options = options or {}
        for name in controllers if controllers is not None else DEFAULT_CONTROLLERS:
            if name not in _FACTORIES:
                raise ValueError(f"unknown controller {name!r}; known: {', '.join(sorted(_FACTORIES))}")
            self.controllers[name] = _factory(name)(api, clock, self.informers, **options.get(name, {}))
        self.running = False

    def __getitem__(self, name: str) -> Controller:
        return self.controllers[name]

    def start(self) -> None:
        """Start the informers and every controller's loops."""
        if self.running:
            return
        self.running = True
        for c in self.controllers.values():
            c.start()

    def stop(self) -> None:
        """Stop every controller and informer (pending work is dropped)."""
        if not self.running:
            return
        self.running = False
        for c in self.controllers.values():
            c.stop()
        self.informers.stop()

    def errors(self) -> list[tuple[str, str, BaseException]]:
        """Unexpected exceptions raised by syncs (controller, key, exception): should stay empty."""
        return [(n, k, e) for n, c in self.controllers.items() for k, e in c.queue.errors]
