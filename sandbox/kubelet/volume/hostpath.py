"""``hostPath`` (``pkg/volume/hostpath``): a path of the node's own filesystem mounted into the
container. Pods on the same node share it; a pod on another node sees that node's disk.

``type`` is checked before mounting (``checkTypeInternal``): ``DirectoryOrCreate`` makes a missing
directory (mode 0755), ``FileOrCreate`` a missing empty file (0644); ``Directory``, ``File``,
``Socket``, ``CharDevice``, ``BlockDevice`` must already be that, else ``hostPath type check
failed: /path is not a directory`` (``... is not a file``, ``... is not a socket file``, ...).
No ``type`` (``""``) checks nothing: a missing path is made as a directory when mounted, as the
container runtime does for a bind mount source. No ownership management (``fsGroup`` does not apply).
"""

from __future__ import annotations

from typing import Any

from sandbox.kubelet.volume.common import MountedVolume, MountError, VolumeContext
from sandbox.runtime.filesystem import FileSystem, FSError, MountNamespace, normpath

__all__ = ["setup", "check_type"]

_WORDS = {
    "Directory": ("dir", "a directory"),
    "File": ("file", "a file"),
    "Socket": ("socket", "a socket file"),
    "CharDevice": ("chr", "a character device"),
    "BlockDevice": ("blk", "a block device"),
}


def check_type(fs: FileSystem, path: str, type_: str) -> None:
    """``checkType``: make or check ``path`` on the node; :class:`MountError` with Kubernetes' words."""
    view = MountNamespace(fs, devices=False)
    exists = view.exists(path)
    if type_ == "DirectoryOrCreate":
        if not exists:
            view.mkdir(path, 0o755, parents=True)
        type_ = "Directory"
    elif type_ == "FileOrCreate":
        if not exists:
            parent = path.rsplit("/", 1)[0] or "/"
            if not view.exists(parent):
                raise MountError(f"open {path}: no such file or directory")
            view.write_bytes(path, b"")
            view.chmod(path, 0o644)
        type_ = "File"
    if type_ not in _WORDS:
        raise MountError(f"{type_} is an invalid volume type")
    kind, words = _WORDS[type_]
    try:
        st = view.stat(path)
    except FSError:
        st = None
    actual = None
    if st is not None:
        actual = "dir" if st.is_dir else "file" if st.is_file else "other"
        if actual == "other":
            node = view._resolve(path).node  # noqa: SLF001 - the device kind is on the inode
            actual = node.kind if node is not None else "other"
    if actual != kind:
        raise MountError(f"hostPath type check failed: {path} is not {words}")


def setup(ctx: VolumeContext, volume: Any) -> MountedVolume:
    """Check the path's type and return the node's tree at that path."""
    hp = volume.hostPath
    if ctx.host_fs is None:
        raise MountError("hostPath volumes need the node's filesystem")
    path = normpath(hp.path or "/")
    type_ = hp.type or ""
    if type_:
        check_type(ctx.host_fs, path, type_)
    elif not MountNamespace(ctx.host_fs, devices=False).exists(path):
        MountNamespace(ctx.host_fs, devices=False).mkdir(path, 0o755, parents=True)
    return MountedVolume(volume.name, "hostPath", ctx.host_fs, base=path.strip("/"))
