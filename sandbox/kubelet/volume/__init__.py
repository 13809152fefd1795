"""The kubelet's volume manager (``pkg/kubelet/volumemanager`` + ``pkg/volume/*``), one module per
volume plugin: :mod:`.emptydir`, :mod:`.hostpath`, :mod:`.configmap`, :mod:`.secret`,
:mod:`.downwardapi`, :mod:`.projected`.

The timeline Kubernetes has, and the sandbox keeps:

1. Before the pod's sandbox is created the kubelet waits until every volume is set up
   (``WaitForAttachAndMount``). A volume that fails (a missing ConfigMap or Secret, a ``hostPath``
   of the wrong type) records a ``FailedMount`` event ``MountVolume.SetUp failed for volume "cfg" :
   configmap "x" not found`` and is retried with exponential backoff (0.5 s, doubling, at most
   2 min 2 s: ``pkg/util/goroutinemap/exponentialbackoff``); meanwhile the pod is ``Pending`` with
   its containers waiting in ``ContainerCreating``. Once the object exists the next retry mounts it
   and the pod starts.
2. ConfigMap, Secret, downward API and projected volumes are written through the atomic writer
   (:mod:`.atomic_writer`: ``..data`` symlink layout). They are rewritten whenever the kubelet
   syncs the pod: on each change of the pod (labels, annotations) and on the periodic resync.
   **The sandbox resyncs every 60 s** (the kubelet's ``syncFrequency``, 1 min; the real kubelet
   adds up to 50 % jitter and its ConfigMap cache may add its TTL, so a real cluster takes 60 to
   90 s or more). So a ConfigMap change shows in the mounted files within 60 s of virtual time.
   ``subPath`` mounts never see changes.
3. Volumes other than ``hostPath`` are deleted with the pod.

Volume types the sandbox has no plugin for (``persistentVolumeClaim``, ``nfs``, ``csi``, ...) are
mounted as empty directories.

``mountPropagation`` is accepted and ignored: the sandbox has no nested mounts to propagate.
"""

from __future__ import annotations

import random
from collections.abc import Callable, Mapping
from typing import Any

from sandbox.kubelet.envvars import expand
from sandbox.kubelet.volume import configmap, downwardapi, emptydir, hostpath, projected, secret
from sandbox.kubelet.volume.atomic_writer import DATA_DIR, FileProjection, write_payload
from sandbox.kubelet.volume.common import MountedVolume, MountError, VolumeContext
from sandbox.runtime.cri import Mount
from sandbox.runtime.filesystem import FileSystem

__all__ = [
    "MountError",
    "MountedVolume",
    "VolumeContext",
    "FileProjection",
    "PodVolumes",
    "VolumeManager",
    "RESYNC_SECONDS",
    "INITIAL_RETRY",
    "MAX_RETRY",
    "DATA_DIR",
]

#: The kubelet's ``syncFrequency`` (1 min): how often a running pod's volumes are refreshed.
RESYNC_SECONDS = 60.0
#: ``exponentialbackoff``: first retry after a failed mount, and the cap.
INITIAL_RETRY = 0.5
MAX_RETRY = 122.0

_PAYLOAD_PLUGINS: dict[str, Callable[[VolumeContext, Any], dict[str, FileProjection]]] = {
    "configMap": configmap.payload,
    "secret": secret.payload,
    "downwardAPI": downwardapi.payload,
    "projected": projected.payload,
}


class PodVolumes:
    """The volumes of one pod, by name, as set up so far."""

    def __init__(self, volumes: dict[str, MountedVolume] | None = None) -> None:
        self.volumes: dict[str, MountedVolume] = dict(volumes or {})

    @property
    def trees(self) -> dict[str, FileSystem]:
        """Each volume's tree (for a ``hostPath`` the node's whole filesystem)."""
        return {k: v.fs for k, v in self.volumes.items()}

    def mounts_for(self, container: Any, env: Mapping[str, str] | None = None) -> list[Mount]:
        """The :class:`~sandbox.runtime.cri.Mount`\\ s for a container's ``volumeMounts``:
        ``readOnly`` (always for ConfigMap, Secret, downward API and projected volumes),
        ``subPath`` (symlinks resolved now, so the mount keeps today's file), ``subPathExpr``
        (``$(VAR)`` from the container's environment)."""
        envmap = dict(env or {})
        out = []
        for vm in container.volumeMounts or []:
            mv = self.volumes.get(vm.name or "")
            if mv is None:
                continue
            sub = vm.subPath or ""
            if vm.subPathExpr:
                sub = expand(vm.subPathExpr, envmap.get)
            full = "/".join(p for p in (mv.base, sub.strip("/")) if p)
            if sub and mv.payload is not None:
                full = _resolve_links(mv.fs, full)
            out.append(
                Mount(
                    container_path=vm.mountPath or "",
                    source=mv.fs,
                    read_only=bool(vm.readOnly) or mv.read_only,
                    sub_path=full,
                    name=vm.name or "",
                )
            )
        return out


def _resolve_links(fs: FileSystem, path: str) -> str:
    """Follow the volume's own symlinks in ``path`` (``key -> ..data/key``, ``..data -> ..ts``),
    as the kubelet resolves a subPath before bind-mounting it."""
    parts = [p for p in path.split("/") if p]
    done: list[str] = []
    node = fs.root
    hops = 0
    while parts:
        part = parts.pop(0)
        if node.kind != "dir" or node.children is None or part not in node.children:
            done.append(part)
            done.extend(parts)
            break
        child = node.children[part]
        if child.kind == "symlink" and hops < 40:
            hops += 1
            parts = [p for p in child.target.split("/") if p] + parts
            if child.target.startswith("/"):
                done, node = [], fs.root
            continue
        done.append(part)
        node = child
    return "/".join(done)


class VolumeManager:
    """Sets up, refreshes and forgets the pods' volumes on one node.

    Args:
        clock: the cluster's clock.
        lookup: ``lookup(resource, namespace, name)``: the ConfigMap/Secret or ``None``.
        recorder: ``recorder(pod, container, type, reason, message)``: the kubelet's event recorder.
        rng: seeded randomness (the atomic writer's directory names).
    """

    def __init__(
        self,
        clock: Any,
        lookup: Callable[[str, str, str], Any],
        recorder: Callable[[Any, str | None, str, str, str], Any],
        rng: random.Random | None = None,
    ) -> None:
        self.clock = clock
        self.lookup = lookup
        self.recorder = recorder
        self.rng = rng if rng is not None else random.Random(0)
        #: The node's own filesystem (``hostPath``); the machine sets it.
        self.host_fs: FileSystem | None = None
        self.node_name = ""
        self.node_allocatable: Callable[[], dict[str, Any]] = dict
        self.pods: dict[str, PodVolumes] = {}
        self._latest: dict[str, Any] = {}
        self._retry: dict[tuple[str, str], tuple[float, float]] = {}  # (uid, volume) -> (next, delay)
        self._timers: dict[str, Any] = {}

    def _ctx(self, pod: Any) -> VolumeContext:
        return VolumeContext(pod, self.lookup, self.clock, self.rng, self.host_fs, self.node_name,
                             self.node_allocatable())

    # ------------------------------------------------------------------ setup

    def setup(self, pod: Any) -> tuple[PodVolumes | None, float | None]:
        """``WaitForAttachAndMount``: set up the pod's volumes not yet set up. Returns the
        :class:`PodVolumes` when all are ready, else ``(None, when_to_retry)`` after recording
        a ``FailedMount`` event for each volume that failed now."""
        uid = pod.metadata.uid
        self._latest[uid] = pod
        pv = self.pods.setdefault(uid, PodVolumes())
        now = self.clock.now()
        retry_at: float | None = None
        ctx = self._ctx(pod)
        for v in pod.spec.volumes or []:
            name = v.name or ""
            if name in pv.volumes:
                continue
            key = (uid, name)
            nxt, delay = self._retry.get(key, (0.0, 0.0))
            if now < nxt:
                retry_at = nxt if retry_at is None else min(retry_at, nxt)
                continue
            try:
                pv.volumes[name] = self._setup_one(ctx, v)
                self._retry.pop(key, None)
            except MountError as e:
                delay = INITIAL_RETRY if delay == 0 else min(delay * 2, MAX_RETRY)
                self._retry[key] = (now + delay, delay)
                retry_at = now + delay if retry_at is None else min(retry_at, now + delay)
                self.recorder(pod, None, "Warning", "FailedMount",
                              f'MountVolume.SetUp failed for volume "{name}" : {e}')
        if retry_at is not None:
            return None, retry_at
        self._arm(uid)
        return pv, None

    def _setup_one(self, ctx: VolumeContext, v: Any) -> MountedVolume:
        name = v.name or ""
        if v.emptyDir is not None:
            return emptydir.setup(ctx, v)
        if v.hostPath is not None:
            return hostpath.setup(ctx, v)
        for plugin, fn in _PAYLOAD_PLUGINS.items():
            src = getattr(v, plugin, None)
            if src is None:
                continue
            data = fn(ctx, src)
            fs = FileSystem(self.clock.now, name=f"{ctx.namespace}/{ctx.pod.metadata.name}/{name}", root_mode=0o777)
            write_payload(fs, data, self.rng, ctx.fs_group)
            return MountedVolume(name, plugin, fs, payload=lambda c, fn=fn, src=src: fn(c, src), read_only=True)
        # no plugin: an empty directory
        return MountedVolume(name, "unsupported", FileSystem(
            self.clock.now, name=f"{ctx.namespace}/{ctx.pod.metadata.name}/{name}", root_mode=0o777))

    # ------------------------------------------------------------------ refresh

    def refresh(self, pod: Any) -> None:
        """Rewrite the payload volumes of a running pod (the kubelet's remount on each sync); a
        failure (the ConfigMap was deleted) keeps the old files and records ``FailedMount``."""
        uid = pod.metadata.uid
        self._latest[uid] = pod
        pv = self.pods.get(uid)
        if pv is None:
            return
        ctx = self._ctx(pod)
        for mv in pv.volumes.values():
            if mv.payload is None:
                continue
            try:
                data = mv.payload(ctx)
            except MountError as e:
                self.recorder(pod, None, "Warning", "FailedMount",
                              f'MountVolume.SetUp failed for volume "{mv.name}" : {e}')
                continue
            write_payload(mv.fs, data, self.rng, ctx.fs_group)

    def _arm(self, uid: str) -> None:
        if uid in self._timers:
            return
        self._timers[uid] = self.clock.call_later(RESYNC_SECONDS, self._tick, uid)

    def _tick(self, uid: str) -> None:
        self._timers.pop(uid, None)
        pod = self._latest.get(uid)
        if pod is None or uid not in self.pods:
            return
        self.refresh(pod)
        self._arm(uid)

    def forget(self, uid: str) -> None:
        """The pod is gone: drop its volumes (emptyDir data goes with them) and its timer."""
        self.pods.pop(uid, None)
        self._latest.pop(uid, None)
        for key in [k for k in self._retry if k[0] == uid]:
            del self._retry[key]
        t = self._timers.pop(uid, None)
        if t is not None:
            t.cancel()
