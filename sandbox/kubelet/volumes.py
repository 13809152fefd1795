"""The kubelet's volume manager: see :mod:`sandbox.kubelet.volume` (one module per plugin).

Kept for the names other modules import: :class:`PodVolumes` and :func:`make_pod_volumes`.
"""

from __future__ import annotations

from typing import Any

from sandbox.kubelet.volume import MountError, PodVolumes, VolumeManager

__all__ = ["PodVolumes", "make_pod_volumes", "VolumeManager", "MountError"]


def make_pod_volumes(pod: Any, clock: Any, lookup: Any = None) -> PodVolumes:
    """Set up every volume of ``pod`` at once (no events, no retries); raises
    :class:`MountError` for the first volume that fails. For tests and tools; the kubelet uses
    :class:`VolumeManager`."""
    vm = VolumeManager(clock, lookup or (lambda r, n, name: None), lambda *a: None)
    errors: list[str] = []
    vm.recorder = lambda pod, c, t, r, m: errors.append(m)
    pv, _ = vm.setup(pod)
    if pv is None:
        raise MountError(errors[0])
    return pv
