"""The kubelet's volume manager, minimal: ``emptyDir`` volumes as filesystem trees shared by the
pod's containers (a write in one container is seen in the others). Other volume types are mounted
as empty directories until their plugins exist."""

from __future__ import annotations

from typing import Any

from sandbox.runtime.cri import Mount
from sandbox.runtime.filesystem import FileSystem

__all__ = ["PodVolumes", "make_pod_volumes"]


class PodVolumes:
    """The volumes of one pod, by name."""

    def __init__(self, trees: dict[str, FileSystem]) -> None:
        self.trees = trees

    def mounts_for(self, container: Any) -> list[Mount]:
        """The :class:`~sandbox.runtime.cri.Mount`\\ s for a container's ``volumeMounts``."""
        out = []
        for vm in container.volumeMounts or []:
            tree = self.trees.get(vm.name or "")
            if tree is None:
                continue
            out.append(
                Mount(
                    container_path=vm.mountPath or "",
                    source=tree,
                    read_only=bool(vm.readOnly),
                    sub_path=vm.subPath or "",
                    name=vm.name or "",
                )
            )
        return out


def make_pod_volumes(pod: Any, clock: Any) -> PodVolumes:
    """Create the pod's volume trees (an ``emptyDir`` is mode 0777, as the kubelet makes it;
    ``medium: Memory`` enforces ``sizeLimit`` as tmpfs does)."""
    trees: dict[str, FileSystem] = {}
    for v in pod.spec.volumes or []:
        name = v.name or ""
        ed = getattr(v, "emptyDir", None)
        if ed is not None:
            limit = None
            if ed.sizeLimit is not None:
                try:
                    limit = int(ed.sizeLimit.value())
                except Exception:  # noqa: BLE001 - a malformed quantity means no limit
                    limit = None
            trees[name] = FileSystem(
                clock.now, size_limit=limit, enforce_limit=(ed.medium == "Memory"),
                name=f"{pod.metadata.namespace}/{pod.metadata.name}/{name}", root_mode=0o777,
            )
        else:
            trees[name] = FileSystem(clock.now, name=f"{pod.metadata.namespace}/{pod.metadata.name}/{name}")
    return PodVolumes(trees)
