"""An in-memory POSIX-like filesystem with a mount table, as a container sees it.

Two nouns, as Linux has them:

* :class:`FileSystem` is one tree of inodes: an image's root, a container's writable copy of it,
  or a volume (``emptyDir``, a ConfigMap's files, ...). A volume is shared *by reference* between
  the containers that mount it, so a write in one container is seen in the other.
* :class:`MountNamespace` is one container's view: its own root :class:`FileSystem` (a copy of the
  image's, made when the container starts, so writes outside volumes vanish on restart) with
  volumes mounted at paths, optionally ``read_only`` and with a ``sub_path``.

Every failure is an :class:`FSError` (an ``OSError``) carrying the errno and Linux's words, so a
program prints them as busybox does: ``cat: /x: No such file or directory``.

Permissions are checked with :class:`Credentials` (uid, gid, supplementary groups, effective
capabilities): ``DAC_OVERRIDE`` (root's by default) bypasses mode bits, ``FOWNER`` allows
``chmod`` of others' files, ``CHOWN`` allows ``chown``; nothing bypasses a read-only mount.
"""

from __future__ import annotations

import errno as _errno
import stat as _stat
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

__all__ = [
    "FSError",
    "Credentials",
    "ROOT",
    "DEFAULT_CAPABILITIES",
    "Inode",
    "StatResult",
    "FileSystem",
    "Mount",
    "MountNamespace",
    "FileHandle",
    "normpath",
]

#: Linux's words for the errors this filesystem raises (``strerror`` on glibc/musl).
MESSAGES: dict[int, str] = {
    _errno.ENOENT: "No such file or directory",
    _errno.EISDIR: "Is a directory",
    _errno.ENOTDIR: "Not a directory",
    _errno.EEXIST: "File exists",
    _errno.ENOTEMPTY: "Directory not empty",
    _errno.EACCES: "Permission denied",
    _errno.EPERM: "Operation not permitted",
    _errno.EROFS: "Read-only file system",
    _errno.ENOSPC: "No space left on device",
    _errno.EXDEV: "Invalid cross-device link",
    _errno.ELOOP: "Symbolic link loop",
    _errno.EINVAL: "Invalid argument",
    _errno.EBUSY: "Resource busy",
    _errno.EBADF: "Bad file descriptor",
}

#: The capabilities a container's root gets by default (containerd's default set).
DEFAULT_CAPABILITIES: frozenset[str] = frozenset(
    {
        "CHOWN", "DAC_OVERRIDE", "FSETID", "FOWNER", "MKNOD", "NET_RAW", "SETGID", "SETUID",
        "SETFCAP", "SETPCAP", "NET_BIND_SERVICE", "SYS_CHROOT", "KILL", "AUDIT_WRITE",
    }
)  # fmt: skip


class FSError(OSError):
    """A filesystem error with Linux's errno and words: ``str(e)`` is e.g. ``Permission denied``.

    ``e.errno`` is the number, ``e.code`` its name (``"EACCES"``), ``e.filename`` the path.
    """

    def __init__(self, err: int, filename: str | None = None) -> None:
        super().__init__(err, MESSAGES.get(err, _errno.errorcode.get(err, "Error")), filename)
        self.code = _errno.errorcode.get(err, str(err))

    def __str__(self) -> str:
        return self.strerror or ""


@dataclass(frozen=True)
class Credentials:
    """Who is asking: uid, gid, supplementary groups and *effective* capabilities.

    Root gets :data:`DEFAULT_CAPABILITIES` unless told otherwise; any other uid gets none (as on
    Linux, where capabilities added for a non-root user are not effective).
    """

    uid: int = 0
    gid: int = 0
    groups: tuple[int, ...] = ()
    capabilities: frozenset[str] | None = None

    @property
    def caps(self) -> frozenset[str]:
        if self.capabilities is not None:
            return self.capabilities
        return DEFAULT_CAPABILITIES if self.uid == 0 else frozenset()

    def has(self, cap: str) -> bool:
        return cap in self.caps

    def in_group(self, gid: int) -> bool:
        return gid == self.gid or gid in self.groups


ROOT = Credentials()

R, W, X = 4, 2, 1


class Inode:
    """A file (``data``), directory (``children``), symlink (``target``) or device (``device``)."""

    __slots__ = ("kind", "mode", "uid", "gid", "mtime", "data", "children", "target", "device")

    def __init__(self, kind: str, mode: int, uid: int = 0, gid: int = 0, mtime: float = 0.0) -> None:
        self.kind = kind  # "file" | "dir" | "symlink" | "chr"
        self.mode = mode  # permission bits incl. setuid/setgid/sticky
        self.uid = uid
        self.gid = gid
        self.mtime = mtime
        self.data: bytearray | None = bytearray() if kind == "file" else None
        self.children: dict[str, Inode] | None = {} if kind == "dir" else None
        self.target = ""
        self.device = ""

    def copy(self) -> Inode:
        """A deep copy of this inode (and, for a directory, everything under it)."""
        n = Inode.__new__(Inode)
        n.kind, n.mode, n.uid, n.gid, n.mtime = self.kind, self.mode, self.uid, self.gid, self.mtime
        n.target, n.device = self.target, self.device
        n.data = bytearray(self.data) if self.data is not None else None
        n.children = {k: v.copy() for k, v in self.children.items()} if self.children is not None else None
        return n

    @property
    def size(self) -> int:
        if self.data is not None:
            return len(self.data)
        if self.kind == "symlink":
            return len(self.target)
        return 4096 if self.kind == "dir" else 0

    def file_type(self) -> int:
        return {"file": _stat.S_IFREG, "dir": _stat.S_IFDIR, "symlink": _stat.S_IFLNK, "chr": _stat.S_IFCHR}[
            self.kind
        ]


@dataclass(frozen=True)
class StatResult:
    """What ``stat`` tells: ``st_mode`` includes the file type bits, as ``os.stat`` does."""

    st_mode: int
    st_uid: int
    st_gid: int
    st_size: int
    st_mtime: float
    st_nlink: int = 1

    @property
    def mode(self) -> int:
        return self.st_mode

    @property
    def uid(self) -> int:
        return self.st_uid

    @property
    def gid(self) -> int:
        return self.st_gid

    @property
    def size(self) -> int:
        return self.st_size

    @property
    def mtime(self) -> float:
        return self.st_mtime

    @property
    def is_dir(self) -> bool:
        return _stat.S_ISDIR(self.st_mode)

    @property
    def is_file(self) -> bool:
        return _stat.S_ISREG(self.st_mode)

    @property
    def is_symlink(self) -> bool:
        return _stat.S_ISLNK(self.st_mode)


def normpath(path: str, cwd: str = "/") -> str:
    """Make ``path`` absolute against ``cwd`` and drop ``.``/``..``/``//`` (lexically)."""
    if not path.startswith("/"):
        path = cwd.rstrip("/") + "/" + path
    out: list[str] = []
    for part in path.split("/"):
        if part in ("", "."):
            continue
        if part == "..":
            if out:
                out.pop()
            continue
        out.append(part)
    return "/" + "/".join(out)


def _split(path: str) -> list[str]:
    return [p for p in path.split("/") if p and p != "."]


class FileSystem:
    """One tree of inodes: an image root, a container's root, or a volume.

    Args:
        clock: a callable giving the time for mtimes (the cluster's ``clock.now``).
        size_limit: bytes; with ``enforce_limit`` a write past it fails with ``No space left on
            device`` (a ``medium: Memory`` emptyDir, i.e. tmpfs); without, :meth:`over_limit`
            tells the kubelet to evict (a disk-backed emptyDir).
        name: for messages and ``df``-like reports.
    """

    def __init__(
        self,
        clock: Callable[[], float] | None = None,
        *,
        size_limit: int | None = None,
        enforce_limit: bool = False,
        name: str = "",
        root_mode: int = 0o755,
    ) -> None:
        self.clock: Callable[[], float] = clock or (lambda: 0.0)
        self.size_limit = size_limit
        self.enforce_limit = enforce_limit
        self.name = name
        self.root = Inode("dir", root_mode, mtime=self.clock())
        self._usage = 0

    # ------------------------------------------------------------------ whole-tree operations

    def clone(self, clock: Callable[[], float] | None = None) -> FileSystem:
        """An independent copy (a container's writable root made from an image's tree)."""
        fs = FileSystem.__new__(FileSystem)
        fs.clock = clock or self.clock
        fs.size_limit, fs.enforce_limit, fs.name = self.size_limit, self.enforce_limit, self.name
        fs.root = self.root.copy()
        fs._usage = self._usage
        return fs

    def usage(self) -> int:
        """Bytes held by regular files in this tree."""
        return self._usage

    def over_limit(self) -> bool:
        """Whether usage exceeds ``size_limit`` (the kubelet evicts the pod then)."""
        return self.size_limit is not None and self._usage > self.size_limit

    def _grow(self, delta: int, path: str) -> None:
        if (
            delta > 0
            and self.enforce_limit
            and self.size_limit is not None
            and self._usage + delta > self.size_limit
        ):
            raise FSError(_errno.ENOSPC, path)
        self._usage += delta

    def _forget(self, node: Inode) -> None:
        if node.data is not None:
            self._usage -= len(node.data)
        if node.children:
            for c in node.children.values():
                self._forget(c)

    # ------------------------------------------------------------------ building (no permission checks)

    def _node_at(self, path: str, create_dirs: bool = False, uid: int = 0, gid: int = 0) -> Inode:
        node = self.root
        for part in _split(path):
            assert node.children is not None
            nxt = node.children.get(part)
            if nxt is None:
                if not create_dirs:
                    raise FSError(_errno.ENOENT, path)
                nxt = node.children[part] = Inode("dir", 0o755, uid, gid, self.clock())
            if nxt.kind != "dir":
                raise FSError(_errno.ENOTDIR, path)
            node = nxt
        return node

    def add_file(
        self, path: str, data: bytes | str = b"", mode: int = 0o644, uid: int = 0, gid: int = 0
    ) -> Inode:
        """Put a file into the tree (parents made as needed), as an image build or the kubelet does."""
        parent, name = path.rstrip("/").rsplit("/", 1)
        d = self._node_at(parent, create_dirs=True)
        assert d.children is not None
        old = d.children.get(name)
        if old is not None:
            self._forget(old)
        node = Inode("file", mode, uid, gid, self.clock())
        node.data = bytearray(data.encode() if isinstance(data, str) else data)
        self._usage += len(node.data)
        d.children[name] = node
        return node

    def add_dir(self, path: str, mode: int = 0o755, uid: int = 0, gid: int = 0) -> Inode:
        """Make a directory (and parents); set its mode and owner."""
        node = self._node_at(path, create_dirs=True)
        node.mode, node.uid, node.gid = mode, uid, gid
        return node

    def add_symlink(self, path: str, target: str) -> Inode:
        parent, name = path.rstrip("/").rsplit("/", 1)
        d = self._node_at(parent, create_dirs=True)
        node = Inode("symlink", 0o777, mtime=self.clock())
        node.target = target
        assert d.children is not None
        d.children[name] = node
        return node

    def add_device(self, path: str, device: str, mode: int = 0o666) -> Inode:
        """A character device: ``null``, ``zero``, ``random``/``urandom``, ``full``."""
        parent, name = path.rstrip("/").rsplit("/", 1)
        d = self._node_at(parent, create_dirs=True)
        node = Inode("chr", mode, mtime=self.clock())
        node.device = device
        assert d.children is not None
        d.children[name] = node
        return node

    def view(self, creds: Credentials = ROOT, *, read_only: bool = False) -> MountNamespace:
        """This tree alone as a namespace (handy for volumes and tests)."""
        return MountNamespace(self, creds=creds, read_only=read_only)


@dataclass
class Mount:
    """A filesystem tree mounted at ``path`` (``sub_path`` inside it), maybe read-only."""

    path: str
    fs: FileSystem
    sub_path: str = ""
    read_only: bool = False
    root: Inode = field(init=False, repr=False)

    def __post_init__(self) -> None:
        node = self.fs.root
        for part in _split(self.sub_path):
            assert node.children is not None
            nxt = node.children.get(part)
            if nxt is None:
                # the kubelet creates a missing subPath as a directory
                nxt = node.children[part] = Inode("dir", 0o755, mtime=self.fs.clock())
            node = nxt
            if node.kind != "dir":
                break
        self.root = node


class _Loc:
    """Where a path resolved to."""

    __slots__ = ("mount", "parent", "name", "node", "path")

    def __init__(self, mount: Mount, parent: Inode | None, name: str, node: Inode | None, path: str) -> None:
        self.mount = mount
        self.parent = parent
        self.name = name
        self.node = node
        self.path = path


class MountNamespace:
    """A process's view of the filesystem: a root tree plus mounts, seen with some credentials.

    Paths may be relative to :attr:`cwd`. :meth:`with_creds` gives the same view for other
    credentials (the mounts are shared).
    """

    def __init__(
        self,
        root: FileSystem,
        *,
        creds: Credentials = ROOT,
        read_only: bool = False,
        cwd: str = "/",
        devices: bool = True,
    ) -> None:
        self.root_mount = Mount("/", root, read_only=read_only)
        self.mounts: dict[str, Mount] = {}
        self.creds = creds
        self.cwd = cwd
        self.clock = root.clock
        if devices:
            dev = FileSystem(root.clock, name="devtmpfs")
            for name in ("null", "zero", "full", "random", "urandom", "tty"):
                dev.add_device("/" + name, name)
            dev.add_dir("/shm", 0o1777)
            self.mount("/dev", dev)

    @classmethod
    def for_container(
        cls, image_root: FileSystem, *, creds: Credentials = ROOT, read_only_root: bool = False
    ) -> MountNamespace:
        """A fresh container view: a copy of the image's tree as a (maybe read-only) root."""
        return cls(image_root.clone(), creds=creds, read_only=read_only_root)

    def with_creds(self, creds: Credentials, cwd: str | None = None) -> MountNamespace:
        """The same mounts seen by someone else (e.g. ``kubectl exec`` as another user)."""
        ns = MountNamespace.__new__(MountNamespace)
        ns.root_mount, ns.mounts, ns.clock = self.root_mount, self.mounts, self.clock
        ns.creds = creds
        ns.cwd = self.cwd if cwd is None else cwd
        return ns

    @property
    def root(self) -> FileSystem:
        return self.root_mount.fs

    # ------------------------------------------------------------------ mount table

    def mount(
        self, path: str, fs: FileSystem, *, sub_path: str = "", read_only: bool = False
    ) -> Mount:
        """Mount ``fs`` (at ``sub_path`` inside it) on ``path``; the mount point is made if missing.

        If ``sub_path`` names a file, the mount point is a file (as with a ConfigMap key's subPath).
        """
        path = normpath(path)
        m = Mount(path, fs, sub_path=sub_path.strip("/"), read_only=read_only)
        if path != "/":
            self._make_mount_point(path, m.root.kind == "dir")
        self.mounts[path] = m
        return m

    def unmount(self, path: str) -> None:
        self.mounts.pop(normpath(path), None)

    def _make_mount_point(self, path: str, is_dir: bool) -> None:
        """Make the mount point (and its parents) as the runtime does: as root, ignoring modes."""
        parts = _split(path)
        cur = ""
        for i, name in enumerate(parts):
            last = i == len(parts) - 1
            parent = self._resolve(cur or "/", follow=True, check=False).node
            cur = cur + "/" + name
            if cur in self.mounts:
                continue
            assert parent is not None and parent.children is not None
            node = parent.children.get(name)
            if node is None:
                kind = "dir" if is_dir or not last else "file"
                parent.children[name] = Inode(kind, 0o755 if kind == "dir" else 0o644, mtime=self.clock())

    def mount_for(self, path: str) -> Mount:
        """The mount that holds ``path``."""
        return self._resolve(path, follow=True, check=False).mount

    # ------------------------------------------------------------------ resolution

    def _may(self, node: Inode, bits: int) -> bool:
        c = self.creds
        if c.has("DAC_OVERRIDE"):
            # root still needs one x bit to execute a file
            return not (bits & X and node.kind == "file" and not node.mode & 0o111)
        if c.uid == node.uid:
            m = (node.mode >> 6) & 7
        elif c.in_group(node.gid):
            m = (node.mode >> 3) & 7
        else:
            m = node.mode & 7
        if bits & X and node.kind == "dir" and c.has("DAC_READ_SEARCH"):
            return True
        return m & bits == bits

    def _resolve(self, path: str, *, follow: bool = True, check: bool = True, _depth: int = 0) -> _Loc:
        """Walk ``path``; the last component may be missing (``node`` is then ``None``)."""
        if _depth > 40:
            raise FSError(_errno.ELOOP, path)
        if not path:
            raise FSError(_errno.ENOENT, path)
        full = normpath(path, self.cwd) if not path.startswith("/") else path
        parts = _split(full)
        mount = self.root_mount
        node = mount.root
        cur = ""
        stack: list[tuple[Mount, Inode, str]] = []
        m = self.mounts.get("/")
        if m is not None:
            mount, node = m, m.root
        n = len(parts)
        i = 0
        while i < n:
            part = parts[i]
            last = i == n - 1
            if part == "..":
                if stack:
                    mount, node, cur = stack.pop()
                i += 1
                continue
            if node.kind != "dir":
                raise FSError(_errno.ENOTDIR, path)
            if check and not self._may(node, X):
                raise FSError(_errno.EACCES, path)
            assert node.children is not None
            child = node.children.get(part)
            nxt_path = cur + "/" + part
            mm = self.mounts.get(nxt_path) if self.mounts else None
            if mm is not None:
                stack.append((mount, node, cur))
                if last:
                    return _Loc(mm, node, part, mm.root, nxt_path)
                mount, node, cur = mm, mm.root, nxt_path
                i += 1
                continue
            if child is None:
                if last:
                    return _Loc(mount, node, part, None, nxt_path)
                raise FSError(_errno.ENOENT, path)
            if child.kind == "symlink" and (follow or not last):
                target = child.target
                rest = "/".join(parts[i + 1 :])
                base = target if target.startswith("/") else (cur or "/") + "/" + target
                newpath = base + ("/" + rest if rest else "")
                return self._resolve(newpath, follow=follow, check=check, _depth=_depth + 1)
            if last:
                return _Loc(mount, node, part, child, nxt_path)
            stack.append((mount, node, cur))
            mount, node, cur = mount, child, nxt_path
            i += 1
        return _Loc(mount, None, "", node, cur or "/")

    def _existing(self, path: str, follow: bool = True) -> _Loc:
        loc = self._resolve(path, follow=follow)
        if loc.node is None:
            raise FSError(_errno.ENOENT, path)
        return loc

    def _writable(self, loc: _Loc, path: str) -> None:
        if loc.mount.read_only:
            raise FSError(_errno.EROFS, path)

    def _check_dir_write(self, loc: _Loc, path: str) -> None:
        self._writable(loc, path)
        if loc.parent is None:
            raise FSError(_errno.EBUSY, path)
        if not self._may(loc.parent, W | X):
            raise FSError(_errno.EACCES, path)

    def _check_sticky(self, loc: _Loc, path: str) -> None:
        p, n = loc.parent, loc.node
        assert p is not None and n is not None
        if p.mode & 0o1000 and not self.creds.has("FOWNER") and self.creds.uid not in (p.uid, n.uid):
            raise FSError(_errno.EPERM, path)

    def _is_mountpoint(self, loc: _Loc) -> bool:
        return loc.path in self.mounts

    # ------------------------------------------------------------------ queries

    def abspath(self, path: str) -> str:
        return normpath(path, self.cwd)

    def exists(self, path: str) -> bool:
        try:
            return self._resolve(path).node is not None
        except FSError:
            return False

    def lexists(self, path: str) -> bool:
        try:
            return self._resolve(path, follow=False).node is not None
        except FSError:
            return False

    def is_dir(self, path: str) -> bool:
        try:
            n = self._resolve(path).node
        except FSError:
            return False
        return n is not None and n.kind == "dir"

    def is_file(self, path: str) -> bool:
        try:
            n = self._resolve(path).node
        except FSError:
            return False
        return n is not None and n.kind == "file"

    def is_symlink(self, path: str) -> bool:
        try:
            n = self._resolve(path, follow=False).node
        except FSError:
            return False
        return n is not None and n.kind == "symlink"

    def stat(self, path: str, *, follow_symlinks: bool = True) -> StatResult:
        """``mode`` (with type bits), ``uid``, ``gid``, ``size``, ``mtime``."""
        n = self._existing(path, follow=follow_symlinks).node
        assert n is not None
        nlink = 2 + sum(1 for c in (n.children or {}).values() if c.kind == "dir") if n.kind == "dir" else 1
        return StatResult(n.file_type() | n.mode, n.uid, n.gid, n.size, n.mtime, nlink)

    def lstat(self, path: str) -> StatResult:
        return self.stat(path, follow_symlinks=False)

    def readlink(self, path: str) -> str:
        n = self._existing(path, follow=False).node
        assert n is not None
        if n.kind != "symlink":
            raise FSError(_errno.EINVAL, path)
        return n.target

    def access(self, path: str, bits: int) -> bool:
        """Whether the caller may read (4), write (2) or execute (1) ``path``."""
        try:
            loc = self._existing(path)
        except FSError:
            return False
        assert loc.node is not None
        if bits & W and loc.mount.read_only:
            return False
        return self._may(loc.node, bits)

    def listdir(self, path: str = ".") -> list[str]:
        """Names in a directory, sorted (mount points included)."""
        loc = self._existing(path)
        n = loc.node
        assert n is not None
        if n.kind != "dir":
            raise FSError(_errno.ENOTDIR, path)
        if not self._may(n, R):
            raise FSError(_errno.EACCES, path)
        assert n.children is not None
        return sorted(n.children)

    def walk(self, top: str = ".") -> Iterator[tuple[str, list[str], list[str]]]:
        """Like ``os.walk``: ``(dirpath, dirnames, filenames)``, top-down, sorted."""
        names = self.listdir(top)
        dirs = [nm for nm in names if self.is_dir(_join(top, nm)) and not self.is_symlink(_join(top, nm))]
        files = [nm for nm in names if nm not in dirs]
        yield top, dirs, files
        for d in dirs:
            yield from self.walk(_join(top, d))

    # ------------------------------------------------------------------ reading and writing

    def open(self, path: str, mode: str = "r", *, encoding: str = "utf-8", perm: int = 0o666) -> FileHandle:
        """Open a file: ``r``, ``w``, ``a``, ``x``, ``r+``/``w+``/``a+``, with ``b`` for bytes."""
        base = mode.replace("b", "").replace("t", "")
        plus = "+" in base
        kind = base.replace("+", "")
        if kind not in ("r", "w", "a", "x") or len(kind) != 1:
            raise ValueError(f"invalid mode: {mode!r}")
        readable = kind == "r" or plus
        writable = kind != "r" or plus
        loc = self._resolve(path)
        node = loc.node
        if node is None:
            if kind == "r":
                raise FSError(_errno.ENOENT, path)
            self._check_dir_write(loc, path)
            assert loc.parent is not None and loc.parent.children is not None
            node = Inode("file", perm & 0o7755, self.creds.uid, self._new_gid(loc.parent))
            node.mtime = self.clock()
            loc.parent.children[loc.name] = node
            loc.parent.mtime = node.mtime
        else:
            if kind == "x":
                raise FSError(_errno.EEXIST, path)
            if node.kind == "dir":
                if writable:
                    raise FSError(_errno.EISDIR, path)
                if not self._may(node, R):
                    raise FSError(_errno.EACCES, path)
                raise FSError(_errno.EISDIR, path)
            if node.kind == "file" and writable:
                self._writable(loc, path)
            if (readable and not self._may(node, R)) or (writable and not self._may(node, W)):
                raise FSError(_errno.EACCES, path)
            if kind == "w" and node.data is not None and node.data:
                loc.mount.fs._grow(-len(node.data), path)
                node.data = bytearray()
                node.mtime = self.clock()
        return FileHandle(node, loc.mount.fs, path, readable, writable, kind == "a", "b" not in mode, encoding)

    def _new_gid(self, parent: Inode) -> int:
        return parent.gid if parent.mode & 0o2000 else self.creds.gid

    def read_bytes(self, path: str) -> bytes:
        with self.open(path, "rb") as f:
            return f.read()

    def read_text(self, path: str, encoding: str = "utf-8") -> str:
        return self.read_bytes(path).decode(encoding, errors="replace")

    def write_bytes(self, path: str, data: bytes) -> int:
        with self.open(path, "wb") as f:
            return f.write(data)

    def write_text(self, path: str, text: str, encoding: str = "utf-8") -> int:
        return self.write_bytes(path, text.encode(encoding))

    def append(self, path: str, data: str | bytes) -> int:
        with self.open(path, "ab") as f:
            return f.write(data.encode() if isinstance(data, str) else data)

    def touch(self, path: str) -> None:
        """Create an empty file or update its mtime (as ``touch``)."""
        loc = self._resolve(path)
        if loc.node is None:
            self.open(path, "a").close()
            return
        self._writable(loc, path)
        if loc.node.uid != self.creds.uid and not self.creds.has("FOWNER") and not self._may(loc.node, W):
            raise FSError(_errno.EACCES, path)
        loc.node.mtime = self.clock()

    def truncate(self, path: str, size: int = 0) -> None:
        with self.open(path, "r+b") as f:
            f.truncate(size)

    # ------------------------------------------------------------------ namespace changes

    def mkdir(self, path: str, mode: int = 0o755, *, parents: bool = False, exist_ok: bool = False) -> None:
        """Make a directory; ``parents`` as ``mkdir -p`` (no error if it exists)."""
        if parents:
            full = self.abspath(path)
            parts = _split(full)
            for i in range(1, len(parts) + 1):
                sub = "/" + "/".join(parts[:i])
                loc = self._resolve(sub)
                if loc.node is not None:
                    if loc.node.kind != "dir":
                        raise FSError(_errno.ENOTDIR if i < len(parts) else _errno.EEXIST, path)
                    continue
                self._mkdir_at(loc, path, mode)
            return
        loc = self._resolve(path)
        if loc.node is not None:
            if exist_ok and loc.node.kind == "dir":
                return
            raise FSError(_errno.EEXIST, path)
        self._mkdir_at(loc, path, mode)

    def _mkdir_at(self, loc: _Loc, path: str, mode: int) -> None:
        self._check_dir_write(loc, path)
        assert loc.parent is not None and loc.parent.children is not None
        gid = self._new_gid(loc.parent)
        node = Inode("dir", mode & 0o7755, self.creds.uid, gid, self.clock())
        if loc.parent.mode & 0o2000:
            node.mode |= 0o2000
        loc.parent.children[loc.name] = node
        loc.parent.mtime = node.mtime

    def remove(self, path: str) -> None:
        """Remove a file or symlink (``unlink``); a directory gives ``Is a directory``."""
        loc = self._resolve(path, follow=False)
        if loc.node is None:
            raise FSError(_errno.ENOENT, path)
        if loc.node.kind == "dir":
            raise FSError(_errno.EISDIR, path)
        self._check_dir_write(loc, path)
        if self._is_mountpoint(loc):
            raise FSError(_errno.EBUSY, path)
        self._check_sticky(loc, path)
        self._unlink(loc)

    unlink = remove

    def _unlink(self, loc: _Loc) -> None:
        assert loc.parent is not None and loc.parent.children is not None and loc.node is not None
        loc.mount.fs._forget(loc.node)
        del loc.parent.children[loc.name]
        loc.parent.mtime = self.clock()

    def rmdir(self, path: str) -> None:
        """Remove an empty directory."""
        loc = self._resolve(path, follow=False)
        if loc.node is None:
            raise FSError(_errno.ENOENT, path)
        if loc.node.kind != "dir":
            raise FSError(_errno.ENOTDIR, path)
        if self._is_mountpoint(loc) or loc.parent is None:
            raise FSError(_errno.EBUSY, path)
        if loc.node.children:
            raise FSError(_errno.ENOTEMPTY, path)
        self._check_dir_write(loc, path)
        self._check_sticky(loc, path)
        self._unlink(loc)

    def rmtree(self, path: str) -> None:
        """Remove a directory and everything under it (as ``rm -r``)."""
        if self.is_dir(path) and not self.is_symlink(path):
            for name in self.listdir(path):
                self.rmtree(_join(path, name))
            self.rmdir(path)
        else:
            self.remove(path)

    def rename(self, src: str, dst: str) -> None:
        """Move within one mount; across mounts ``Invalid cross-device link`` (``mv`` then copies)."""
        s = self._resolve(src, follow=False)
        if s.node is None:
            raise FSError(_errno.ENOENT, src)
        d = self._resolve(dst, follow=False)
        if d.node is not None and d.node.kind == "dir" and s.node.kind != "dir":
            raise FSError(_errno.EISDIR, dst)
        if d.node is not None and s.node.kind == "dir" and d.node.kind != "dir":
            raise FSError(_errno.ENOTDIR, dst)
        self._check_dir_write(s, src)
        self._check_dir_write(d, dst)
        if self._is_mountpoint(s) or self._is_mountpoint(d):
            raise FSError(_errno.EBUSY, src)
        if s.mount.fs is not d.mount.fs:
            raise FSError(_errno.EXDEV, src)
        if d.node is s.node:
            return
        if d.node is not None and d.node.kind == "dir" and d.node.children:
            raise FSError(_errno.ENOTEMPTY, dst)
        self._check_sticky(s, src)
        assert s.parent is not None and s.parent.children is not None
        assert d.parent is not None and d.parent.children is not None
        if d.node is not None:
            d.mount.fs._forget(d.node)
        node = s.parent.children.pop(s.name)
        d.parent.children[d.name] = node
        s.parent.mtime = d.parent.mtime = self.clock()

    def symlink(self, target: str, path: str) -> None:
        """Make ``path`` a symlink to ``target`` (as ``ln -s target path``)."""
        loc = self._resolve(path, follow=False)
        if loc.node is not None:
            raise FSError(_errno.EEXIST, path)
        self._check_dir_write(loc, path)
        assert loc.parent is not None and loc.parent.children is not None
        node = Inode("symlink", 0o777, self.creds.uid, self.creds.gid, self.clock())
        node.target = target
        loc.parent.children[loc.name] = node

    def chmod(self, path: str, mode: int) -> None:
        """Change mode bits; only the owner or a caller with ``FOWNER``."""
        loc = self._existing(path)
        n = loc.node
        assert n is not None
        self._writable(loc, path)
        if n.uid != self.creds.uid and not self.creds.has("FOWNER"):
            raise FSError(_errno.EPERM, path)
        n.mode = mode & 0o7777

    def chown(self, path: str, uid: int | None = None, gid: int | None = None) -> None:
        """Change owner/group: needs ``CHOWN``; an owner may change the group to one of its own."""
        loc = self._existing(path)
        n = loc.node
        assert n is not None
        self._writable(loc, path)
        c = self.creds
        if not c.has("CHOWN"):
            changing_uid = uid is not None and uid != n.uid
            group_ok = gid is None or gid == n.gid or (n.uid == c.uid and c.in_group(gid))
            if changing_uid or not group_ok or n.uid != c.uid:
                raise FSError(_errno.EPERM, path)
        if uid is not None:
            n.uid = uid
        if gid is not None:
            n.gid = gid


def _join(a: str, b: str) -> str:
    return (a.rstrip("/") + "/" + b) if a != "/" else "/" + b


class FileHandle:
    """An open file: text or bytes, read/write/append, seekable; a device acts as Linux's does."""

    def __init__(
        self,
        node: Inode,
        fs: FileSystem,
        path: str,
        readable: bool,
        writable: bool,
        append: bool,
        text: bool,
        encoding: str = "utf-8",
    ) -> None:
        self.node, self.fs, self.name = node, fs, path
        self.readable_, self.writable_, self.append_, self.text = readable, writable, append, text
        self.encoding = encoding
        self.pos = 0
        self.closed = False

    # context manager and iteration
    def __enter__(self) -> FileHandle:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def __iter__(self) -> Iterator[str | bytes]:
        while True:
            line = self.readline()
            if not line:
                return
            yield line

    def close(self) -> None:
        self.closed = True

    def flush(self) -> None:
        pass

    def readable(self) -> bool:
        return self.readable_

    def writable(self) -> bool:
        return self.writable_

    def _check(self, want_read: bool) -> None:
        if self.closed:
            raise ValueError("I/O operation on closed file")
        if want_read and not self.readable_ or not want_read and not self.writable_:
            raise FSError(_errno.EBADF, self.name)

    def _out(self, b: bytes) -> str | bytes:
        return b.decode(self.encoding, errors="replace") if self.text else b

    def read(self, n: int = -1) -> str | bytes:
        self._check(True)
        node = self.node
        if node.kind == "chr":
            if node.device in ("zero", "full"):
                return self._out(b"\0" * (n if n >= 0 else 4096))
            if node.device in ("random", "urandom"):
                return self._out(bytes((i * 73 + 41) & 0xFF for i in range(n if n >= 0 else 4096)))
            return self._out(b"")
        data = node.data
        assert data is not None
        end = len(data) if n is None or n < 0 else min(len(data), self.pos + n)
        chunk = bytes(data[self.pos : end])
        self.pos = end
        return self._out(chunk)

    def readline(self, limit: int = -1) -> str | bytes:
        self._check(True)
        data = self.node.data
        if data is None:
            return self._out(b"")
        i = data.find(b"\n", self.pos)
        end = len(data) if i < 0 else i + 1
        chunk = bytes(data[self.pos : end])
        self.pos = end
        return self._out(chunk)

    def readlines(self) -> list[str | bytes]:
        return list(self)

    def write(self, s: str | bytes) -> int:
        self._check(False)
        b = s.encode(self.encoding) if isinstance(s, str) else bytes(s)
        node = self.node
        if node.kind == "chr":
            if node.device == "full":
                raise FSError(_errno.ENOSPC, self.name)
            return len(s)
        data = node.data
        assert data is not None
        if self.append_:
            self.pos = len(data)
        grow = max(0, self.pos + len(b) - len(data))
        fs = self.fs
        if grow and fs.enforce_limit and fs.size_limit is not None and fs._usage + grow > fs.size_limit:
            # podlab-pod: a full tmpfs takes what fits, then the next write fails (ENOSPC)
            room = max(0, fs.size_limit - fs._usage - max(0, len(data) - self.pos))
            if room > 0 and room < len(b):
                self.write(b[:room])
            raise FSError(_errno.ENOSPC, self.name)
        self.fs._grow(grow, self.name)
        data[self.pos : self.pos + len(b)] = b
        self.pos += len(b)
        node.mtime = self.fs.clock()
        return len(s)

    def truncate(self, size: int | None = None) -> int:
        self._check(False)
        data = self.node.data
        assert data is not None
        size = self.pos if size is None else size
        if size < len(data):
            self.fs._grow(size - len(data), self.name)
            del data[size:]
        return size

    def seek(self, offset: int, whence: int = 0) -> int:
        data = self.node.data or b""
        base = 0 if whence == 0 else self.pos if whence == 1 else len(data)
        self.pos = max(0, base + offset)
        return self.pos

    def tell(self) -> int:
        return self.pos
