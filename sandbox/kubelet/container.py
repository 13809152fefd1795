"""The kubelet's view of a pod's containers in the runtime, and the helpers of
``pkg/kubelet/container/helpers.go`` (``ShouldContainerBeRestarted``, ...)."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

from sandbox.runtime import cri

__all__ = [
    "CONTAINER_HASH_ANNOTATION",
    "hash_container",
    "RuntimeContainer",
    "PodRuntimeStatus",
    "is_restartable_init_container",
    "should_container_be_restarted",
    "has_any_regular_container_started",
    "all_containers",
]

#: Where the kubelet keeps a runtime container's spec hash (``containerHashLabel``).
CONTAINER_HASH_ANNOTATION = "io.kubernetes.container.hash"


def hash_container(container: Any) -> str:
    """``HashContainer``: the hash of the fields a running container is compared on, as hex.

    Since Kubernetes 1.31 only ``name`` and ``image`` are hashed (``pickFieldsToHash``): the
    image is the one field of a running container an update may change. The hash is FNV-1a (32
    bits) of their JSON, as Go marshals the map (keys sorted).
    """
    data = json.dumps({"image": container.image or "", "name": container.name},
                      separators=(",", ":"), sort_keys=True).encode()
    h = 0x811C9DC5
    for b in data:
        h = ((h ^ b) * 0x01000193) & 0xFFFFFFFF
    return format(h, "x")


@dataclass
class RuntimeContainer:
    """One container the runtime ran for a pod (``kubecontainer.Status``)."""

    id: str
    name: str
    attempt: int
    state: str  # cri.ContainerState.*
    image: str
    image_ref: str
    created_at: float
    seq: int = 0  # creation order in this kubelet (ties in virtual time)
    started_at: float | None = None
    finished_at: float | None = None
    exit_code: int | None = None
    reason: str = ""
    message: str = ""
    hash: str = ""  # the spec hash it was created with (CONTAINER_HASH_ANNOTATION)

    @classmethod
    def from_cri(cls, s: cri.ContainerStatus, seq: int) -> RuntimeContainer:
        return cls(
            id=s.id, name=s.name, attempt=s.attempt, state=s.state, image=s.image, image_ref=s.image_ref,
            created_at=s.created_at, seq=seq, started_at=s.started_at, finished_at=s.finished_at,
            exit_code=s.exit_code, reason=s.reason, message=s.message,
            hash=(getattr(s, "annotations", None) or {}).get(CONTAINER_HASH_ANNOTATION, ""),
        )

    def changed(self, spec: Any) -> bool:
        """``containerChanged``: the spec's hash differs from the one this container was created
        with (its image was updated in place)."""
        return bool(self.hash) and self.hash != hash_container(spec)

    @property
    def running(self) -> bool:
        return self.state == cri.ContainerState.RUNNING

    @property
    def exited(self) -> bool:
        return self.state == cri.ContainerState.EXITED


@dataclass
class PodRuntimeStatus:
    """``kubecontainer.PodStatus``: the sandbox and every container, newest first."""

    uid: str
    sandbox_ready: bool = False
    ips: list[str] = field(default_factory=list)
    containers: list[RuntimeContainer] = field(default_factory=list)

    def find(self, name: str) -> RuntimeContainer | None:
        """The newest container with this name (``FindContainerStatusByName``)."""
        for c in self.containers:
            if c.name == name:
                return c
        return None

    def by_name(self, name: str) -> list[RuntimeContainer]:
        return [c for c in self.containers if c.name == name]

    def running(self) -> list[RuntimeContainer]:
        return [c for c in self.containers if c.running]


def is_restartable_init_container(c: Any) -> bool:
    """An init container with ``restartPolicy: Always``: a sidecar."""
    return getattr(c, "restartPolicy", None) == "Always"


def all_containers(pod: Any) -> list[Any]:
    spec = pod.spec
    return list(spec.initContainers or []) + list(spec.containers or []) + list(spec.ephemeralContainers or [])


def should_container_be_restarted(container: Any, pod: Any, status: PodRuntimeStatus) -> bool:
    """``ShouldContainerBeRestarted``: whether a not-running container should be (re)started."""
    if pod.metadata.deletionTimestamp is not None:
        return False
    s = status.find(container.name)
    if s is None:
        return True
    if s.running:
        return False
    if s.state in (cri.ContainerState.UNKNOWN, cri.ContainerState.CREATED):
        return True
    policy = pod.spec.restartPolicy or "Always"
    if policy == "Never":
        return False
    return not (policy == "OnFailure" and s.exit_code == 0)


def has_any_regular_container_started(spec: Any, statuses: list[Any]) -> bool:
    """``HasAnyRegularContainerStarted``: some regular container is running or has run."""
    names = {c.name for c in spec.containers or []}
    for s in statuses:
        if s.name not in names or s.state is None:
            continue
        if s.state.running is not None or s.state.terminated is not None:
            return True
    return False
