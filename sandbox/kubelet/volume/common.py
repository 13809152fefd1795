"""What every volume plugin shares: the context it runs in, the mounted volume, its errors."""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from sandbox.kubelet.volume.atomic_writer import FileProjection
from sandbox.runtime.filesystem import FileSystem

__all__ = ["MountError", "VolumeContext", "MountedVolume", "PayloadFn"]


class MountError(Exception):
    """``MountVolume.SetUp`` failed; ``str(e)`` is the plugin's words (``configmap "x" not found``)."""


@dataclass
class VolumeContext:
    """What a plugin may use: the pod, the API (``lookup(resource, namespace, name)`` gives the
    object or ``None``), the node's own filesystem, the clock, seeded randomness, addresses."""

    pod: Any
    lookup: Callable[[str, str, str], Any]
    clock: Any
    rng: random.Random
    host_fs: FileSystem | None = None
    node_name: str = ""
    node_allocatable: dict[str, Any] = field(default_factory=dict)

    @property
    def namespace(self) -> str:
        return self.pod.metadata.namespace or "default"

    @property
    def fs_group(self) -> int | None:
        psc = self.pod.spec.securityContext
        return psc.fsGroup if psc is not None else None


PayloadFn = Callable[[VolumeContext], dict[str, FileProjection]]


@dataclass
class MountedVolume:
    """A volume set up for a pod: the tree containers mount (``fs``, at ``base`` inside it).

    ``payload`` (ConfigMap, Secret, downward API, projected) re-renders the files; the volume
    manager rewrites them through the atomic writer when they change.
    ``size_limit``/``medium`` are the emptyDir's (the eviction manager watches disk-backed ones).
    """

    name: str
    plugin: str
    fs: FileSystem
    base: str = ""
    payload: PayloadFn | None = None
    medium: str = ""
    size_limit: Any = None  # the Quantity as written in the spec
    read_only: bool = False  # the plugin always mounts it read-only (configMap, secret, ...)
