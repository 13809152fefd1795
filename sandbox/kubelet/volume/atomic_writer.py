"""``pkg/volume/util/atomic_writer.go``: how the kubelet writes a ConfigMap, Secret, downward API
or projected volume, so that a reader never sees half an update.

The payload goes into a fresh hidden directory named after the time (``..2025_01_01_00_00_00.
1234567890``, Go's ``os.MkdirTemp`` pattern: the UTC time, a dot, then a random number), then the
``..data`` symlink is switched to it, and each top-level entry of the payload is a symlink through
``..data``::

    /etc/config/..2025_01_01_00_00_00.2821017435/game.properties
    /etc/config/..data -> ..2025_01_01_00_00_00.2821017435
    /etc/config/game.properties -> ..data/game.properties

The old timestamped directory is removed after the switch. A container that mounted one key with
``subPath`` holds the old file itself (the bind mount resolved the symlinks when it started), so it
never sees updates, as in Kubernetes.
"""

from __future__ import annotations

import random
import time
import weakref
from dataclasses import dataclass

from sandbox.runtime.filesystem import FileSystem, Inode, MountNamespace

__all__ = ["FileProjection", "write_payload", "DATA_DIR"]

DATA_DIR = "..data"

#: The last payload written into each volume tree, to skip unchanged rewrites.
_WRITTEN: weakref.WeakKeyDictionary[FileSystem, dict[str, FileProjection]] = weakref.WeakKeyDictionary()


@dataclass(frozen=True)
class FileProjection:
    """One file of a payload (``volumeutil.FileProjection``): its bytes and its mode."""

    data: bytes
    mode: int = 0o644
    fs_user: int | None = None  # projected serviceAccountToken with a runAsUser: the file's owner


def _stamp(now: float, rng: random.Random) -> str:
    t = time.gmtime(now)
    return time.strftime("..%Y_%m_%d_%H_%M_%S.", t) + str(rng.getrandbits(32))


def write_payload(
    fs: FileSystem, payload: dict[str, FileProjection], rng: random.Random, fs_group: int | None = None
) -> bool:
    """Write ``payload`` (relative path -> file) into ``fs`` with the ``..data`` layout; returns
    whether anything changed (an unchanged payload is not rewritten, as the atomic writer skips it).

    With ``fs_group`` the new files and directories get the kubelet's ``SetVolumeOwnership``
    treatment (group ``fs_group``, ``g+r``, setgid directories), as a read-only volume gets it.
    """
    view = MountNamespace(fs, devices=False)
    root = fs.root
    assert root.children is not None
    old_link = root.children.get(DATA_DIR)
    old_dir_name = old_link.target if old_link is not None and old_link.kind == "symlink" else None
    if old_dir_name is not None and _WRITTEN.get(fs) == payload:
        return False
    name = _stamp(fs.clock(), rng)
    while name in root.children:
        name = _stamp(fs.clock(), rng)
    new_dir = fs.add_dir("/" + name, 0o755)
    for rel, proj in sorted(payload.items()):
        node = fs.add_file(f"/{name}/{rel}", proj.data, proj.mode & 0o7777)
        if proj.fs_user is not None:
            node.uid = proj.fs_user
    if fs_group is not None:
        _own(new_dir, fs_group)
    # switch ..data, then make the user-visible symlinks of the top-level entries
    if DATA_DIR in root.children:
        del root.children[DATA_DIR]
    fs.add_symlink("/" + DATA_DIR, name)
    tops = {rel.split("/", 1)[0] for rel in payload}
    for top in sorted(tops):
        existing = root.children.get(top)
        if existing is None or existing.kind == "symlink":
            if existing is not None:
                del root.children[top]
            link = fs.add_symlink("/" + top, f"{DATA_DIR}/{top}")
            if fs_group is not None:
                link.gid = fs_group
    # entries of the old payload that are gone: their symlinks go too
    for entry in list(root.children):
        node = root.children[entry]
        if entry.startswith("..") or node.kind != "symlink" or entry in tops:
            continue
        if node.target.startswith(DATA_DIR + "/"):
            del root.children[entry]
    if old_dir_name is not None and old_dir_name in root.children:
        view.rmtree("/" + old_dir_name)
    if fs_group is not None:
        root.gid = fs_group
        root.mode |= 0o2000
    _WRITTEN[fs] = dict(payload)
    return True


def _own(node: Inode, gid: int) -> None:
    """``SetVolumeOwnership`` for a read-only volume: group ``gid``; files ``| 0440``;
    directories ``| 0550`` and setgid; symlinks keep their mode."""
    node.gid = gid
    if node.kind == "dir":
        node.mode |= 0o2000 | 0o110 | 0o440
        assert node.children is not None
        for child in node.children.values():
            _own(child, gid)
    elif node.kind == "file":
        node.mode |= 0o440
