"""Container images: a name, a digest, a config (ENTRYPOINT, CMD, env, user, ...) and a file tree.

An :class:`Image` is what ``docker inspect`` and ``crictl inspecti`` show, plus the files a
container starts from. Executables in an image are files whose content is
:func:`sandbox.runtime.process.binary` of a registered program name: running one runs a Python
``program(proc) -> int``. Shell scripts (``#!/bin/sh``) run with the image's shell.

Image names are normalised as containerd normalises them (``nginx`` ->
``docker.io/library/nginx:latest``); see :func:`parse_reference`.

The :func:`image` decorator turns a Python function into an image::

    @image("example.com/greeter:1.0", env={"NAME": "world"})
    def greeter(c):
        c.print(f"hello {c.env['NAME']}")

The function receives the container's world ``c`` (:class:`sandbox.runtime.world.World`); its
return value is the exit code (``None`` means 0).
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

from sandbox.runtime.filesystem import FileSystem
from sandbox.runtime.process import Program, binary, register_program

__all__ = [
    "DEFAULT_PATH",
    "Reference",
    "InvalidReference",
    "parse_reference",
    "Image",
    "image",
    "fake_digest",
]

#: The ``PATH`` every official image sets (and containerd's default when an image sets none).
DEFAULT_PATH = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"

class InvalidReference(ValueError):
    """An image name the kubelet cannot parse (``InvalidImageName``)."""


_COMPONENT = r"[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*"
_PATH_RE = re.compile(rf"^{_COMPONENT}(?:/{_COMPONENT})*$")
_TAG_RE = re.compile(r"^[\w][\w.-]{0,127}$")
_DIGEST_RE = re.compile(r"^[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*:[0-9a-fA-F]{32,}$")
_DOMAIN_RE = re.compile(
    r"^(?:[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?)(?:\.[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?)*(?::[0-9]+)?$"
)


@dataclass(frozen=True)
class Reference:
    """A normalised image reference: ``domain/path:tag`` and/or ``@digest``."""

    domain: str
    path: str
    tag: str = ""
    digest: str = ""

    @property
    def name(self) -> str:
        """``docker.io/library/nginx``."""
        return f"{self.domain}/{self.path}"

    def __str__(self) -> str:
        s = self.name
        if self.tag:
            s += ":" + self.tag
        if self.digest:
            s += "@" + self.digest
        return s

    @property
    def familiar(self) -> str:
        """The short form docker prints: ``nginx:1.14.2``, ``user/app:1``, ``registry.k8s.io/pause:3.9``."""
        name = self.name
        if self.domain == "docker.io":
            name = self.path[len("library/") :] if self.path.startswith("library/") else self.path
        return name + (":" + self.tag if self.tag else "") + ("@" + self.digest if self.digest else "")


def parse_reference(ref: str) -> Reference:
    """Normalise ``ref`` as containerd does: default domain ``docker.io``, ``library/`` for
    official images, tag ``latest`` when there is neither tag nor digest.

    Raises :class:`InvalidReference` with the words of ``distribution/reference``.
    """
    s = ref.strip() if ref else ""
    if not s:
        raise InvalidReference("invalid reference format")
    digest = ""
    if "@" in s:
        s, digest = s.split("@", 1)
        if not _DIGEST_RE.match(digest):
            raise InvalidReference("invalid reference format")
    tag = ""
    slash = s.rfind("/")
    colon = s.rfind(":")
    if colon > slash:
        s, tag = s[:colon], s[colon + 1 :]
        if not _TAG_RE.match(tag):
            raise InvalidReference("invalid reference format")
    first, _, rest = s.partition("/")
    if rest and ("." in first or ":" in first or first == "localhost" or first != first.lower()):
        domain, path = first, rest
        if not _DOMAIN_RE.match(domain):
            raise InvalidReference("invalid reference format")
    else:
        domain, path = "docker.io", s
    if domain == "index.docker.io":
        domain = "docker.io"
    if domain == "docker.io" and "/" not in path:
        path = "library/" + path
    if path != path.lower():
        raise InvalidReference(f"invalid reference format: repository name ({path}) must be lowercase")
    if not _PATH_RE.match(path):
        raise InvalidReference("invalid reference format")
    if not tag and not digest:
        tag = "latest"
    return Reference(domain, path, tag, digest)


def fake_digest(*parts: str) -> str:
    """A stable ``sha256:`` + 64 hex digest for an image (deterministic across runs)."""
    return "sha256:" + hashlib.sha256("\0".join(("podlab",) + parts).encode()).hexdigest()


Builder = Callable[[FileSystem], Any]


@dataclass
class Image:
    """One image: what ``crictl inspecti`` shows and the files a container starts from.

    Args:
        ref: the image reference (normalised on construction).
        entrypoint, cmd: the image's ENTRYPOINT and CMD (exec form).
        env: the image's environment (``PATH`` defaults to :data:`DEFAULT_PATH`).
        working_dir: ``WORKDIR`` (``/`` when unset).
        user: ``USER``: ``""`` (root), a uid (``"65532"``), ``"uid:gid"`` or a user name.
        stop_signal: ``STOPSIGNAL`` (``SIGTERM`` unless the image says otherwise).
        size: bytes (what ``Pulled`` events and ``crictl images`` report).
        build: fills the image's root filesystem (called once, lazily).
        programs: executable name -> program; each is written to ``/usr/local/bin/<name>``
            unless ``build`` puts it somewhere itself (use :meth:`binary_for`).
    """

    ref: str
    entrypoint: list[str] = field(default_factory=list)
    cmd: list[str] = field(default_factory=list)
    env: dict[str, str] = field(default_factory=dict)
    working_dir: str = "/"
    user: str = ""
    stop_signal: str = "SIGTERM"
    size: int = 5_000_000
    build: Builder | None = None
    programs: dict[str, Program] = field(default_factory=dict)
    exposed_ports: list[str] = field(default_factory=list)
    labels: dict[str, str] = field(default_factory=dict)
    digest: str = ""
    #: when the image was built (the mtime of its files): 2024-11-26T15:55:00Z by default
    created: float = 1732636500.0
    reference: Reference = field(init=False)
    _rootfs: FileSystem | None = field(default=None, init=False, repr=False)

    def __post_init__(self) -> None:
        self.reference = parse_reference(self.ref)
        self.ref = str(self.reference)
        self.env = {"PATH": DEFAULT_PATH, **self.env}
        if not self.digest:
            self.digest = fake_digest(self.reference.name, self.reference.tag, self.reference.digest)
        for name, program in self.programs.items():
            register_program(self._program_key(name), program)

    # -- names ------------------------------------------------------------------------------------

    @property
    def name(self) -> str:
        """``docker.io/library/nginx``."""
        return self.reference.name

    @property
    def tag(self) -> str:
        return self.reference.tag

    @property
    def image_ref(self) -> str:
        """The repo digest: ``docker.io/library/nginx@sha256:...`` (``status.containerStatuses[].imageID``)."""
        return f"{self.name}@{self.digest}"

    @property
    def id(self) -> str:
        """The image id (``sha256:`` of its config), as ``crictl images`` shows it."""
        return fake_digest("config", self.ref)

    def _program_key(self, name: str) -> str:
        return f"{self.name}:{self.tag}#{name}"

    def binary_for(self, name: str) -> bytes:
        """The bytes of the executable file that runs ``self.programs[name]``."""
        return binary(self._program_key(name))

    # -- files ------------------------------------------------------------------------------------

    def rootfs(self) -> FileSystem:
        """The image's file tree (built once; containers get copies)."""
        if self._rootfs is None:
            created = self.created
            fs = FileSystem(lambda: created, name=f"image:{self.ref}")
            fs.add_dir("/tmp", 0o1777)
            for d in ("/bin", "/dev", "/etc", "/proc", "/root", "/sys", "/usr/local/bin", "/var"):
                fs.add_dir(d, 0o700 if d == "/root" else 0o755)
            if self.build is not None:
                self.build(fs)
            for name in self.programs:
                if not _tree_has_binary(fs, self.binary_for(name)):
                    fs.add_file(f"/usr/local/bin/{name}", self.binary_for(name), 0o755)
            if not fs.view().exists("/etc/passwd"):
                fs.add_file("/etc/passwd", "root:x:0:0:root:/root:/bin/sh\nnobody:x:65534:65534:nobody:/nonexistent:/usr/sbin/nologin\n")
            if not fs.view().exists("/etc/group"):
                fs.add_file("/etc/group", "root:x:0:\nnogroup:x:65534:\n")
            self._rootfs = fs
        return self._rootfs

    # -- the user ---------------------------------------------------------------------------------

    def user_ids(self) -> tuple[int | None, int | None, str]:
        """``(uid, gid, username)`` as the kubelet sees the image's USER.

        A numeric user gives its uid (``username`` empty); a name is looked up in the image's
        ``/etc/passwd`` for the runtime (the kubelet itself only sees the name).
        """
        user, _, group = self.user.partition(":")
        if not user:
            return 0, 0, ""
        if user.isdigit():
            gid = int(group) if group.isdigit() else None
            return int(user), gid, ""
        return None, None, user

    def resolve_user(self) -> tuple[int, int]:
        """The uid and gid the container's process gets by default (names looked up in /etc/passwd)."""
        user, _, group = self.user.partition(":")
        if not user:
            return 0, 0
        uid: int | None = int(user) if user.isdigit() else None
        gid: int | None = int(group) if group.isdigit() else None
        try:
            passwd = self.rootfs().view().read_text("/etc/passwd")
        except OSError:
            passwd = ""
        for line in passwd.splitlines():
            f = line.split(":")
            if len(f) >= 4 and (f[0] == user or (uid is not None and f[2] == str(uid))):
                if uid is None:
                    uid = int(f[2])
                if gid is None:
                    gid = int(f[3])
                break
        return (uid if uid is not None else 0), (gid if gid is not None else 0)

    def __repr__(self) -> str:
        return f"<Image {self.ref} {self.digest[:19]}>"


def _tree_has_binary(fs: FileSystem, data: bytes) -> bool:
    stack = [fs.root]
    while stack:
        node = stack.pop()
        if node.children:
            stack.extend(node.children.values())
        elif node.data is not None and bytes(node.data) == data:
            return True
    return False


def image(
    ref: str,
    *,
    entrypoint: list[str] | None = None,
    cmd: list[str] | None = None,
    env: Mapping[str, str] | None = None,
    user: str | int = "",
    working_dir: str = "/",
    stop_signal: str = "SIGTERM",
    size: int = 20_000_000,
    files: Mapping[str, str | bytes] | None = None,
    shell: bool = True,
    registry: Any = None,
) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    """Register a Python function as the image ``ref``.

    The image's ENTRYPOINT is ``/usr/local/bin/<name>`` (``<name>`` the last path component of
    the image name), which runs the function with the container's world ``c``: ``c.argv`` is the
    full argv, ``c.args`` the arguments after it (the pod's ``args``, or ``cmd``).

    ``shell=True`` (default) also puts the busybox shell and its applets in ``/bin``, so exec
    probes such as ``cat /tmp/healthy`` work, as in a ``python:3-slim`` image. ``files`` adds files
    to the image (``{"/app/config.json": "{...}"}``).

    Returns the function unchanged, with the :class:`Image` as its ``image`` attribute.
    """

    def decorate(fn: Callable[..., Any]) -> Callable[..., Any]:
        from sandbox.images.registry import REGISTRY
        from sandbox.runtime.world import world_program

        parsed = parse_reference(ref)
        prog_name = parsed.path.rsplit("/", 1)[-1]
        extra_files = dict(files or {})

        def build(fs: FileSystem) -> None:
            if shell:
                from sandbox.images.builtin.busybox import install_busybox

                install_busybox(fs)
            for path, data in extra_files.items():
                fs.add_file(path, data, 0o644)

        img = Image(
            ref,
            entrypoint=list(entrypoint) if entrypoint is not None else [f"/usr/local/bin/{prog_name}"],
            cmd=list(cmd or []),
            env=dict(env or {}),
            user=str(user),
            working_dir=working_dir,
            stop_signal=stop_signal,
            size=size,
            build=build,
            programs={prog_name: world_program(fn)},
        )
        (registry or REGISTRY).register(img)
        fn.image = img  # type: ignore[attr-defined]
        return fn

    return decorate
