"""``emptyDir`` (``pkg/volume/emptydir``): a directory made for the pod, shared by every container
that mounts it, kept across container restarts and deleted with the pod.

* The directory is mode ``0777`` (``perm = 0777`` in ``setupDir``); with ``fsGroup`` it gets the
  group and the setgid bit, so files made in it are group-owned by the fsGroup.
* ``medium: Memory`` is a tmpfs sized ``sizeLimit``: a write past it fails with ``No space left
  on device``.
* On disk, ``sizeLimit`` is not a hard limit: the kubelet's eviction manager compares the usage
  with it every 10 s and evicts the pod when it is exceeded (:mod:`sandbox.kubelet.eviction`).
"""

from __future__ import annotations

from typing import Any

from sandbox.kubelet.volume.common import MountedVolume, VolumeContext
from sandbox.runtime.filesystem import FileSystem

__all__ = ["setup"]


def setup(ctx: VolumeContext, volume: Any) -> MountedVolume:
    """Make the volume's tree."""
    ed = volume.emptyDir
    limit = None
    if ed.sizeLimit is not None:
        try:
            limit = int(ed.sizeLimit.value())
        except Exception:  # noqa: BLE001 - a malformed quantity means no limit
            limit = None
    memory = ed.medium == "Memory"
    fs = FileSystem(
        ctx.clock.now, size_limit=limit, enforce_limit=memory,
        name=f"{ctx.namespace}/{ctx.pod.metadata.name}/{volume.name}", root_mode=0o777,
    )
    if ctx.fs_group is not None:
        fs.root.gid = ctx.fs_group
        fs.root.mode |= 0o2000
    return MountedVolume(volume.name, "emptyDir", fs, medium=ed.medium or "", size_limit=ed.sizeLimit)
