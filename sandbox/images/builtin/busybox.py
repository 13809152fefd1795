"""``busybox`` (every tag): the busybox-like shell and its applets, hard-linked in ``/bin``.

The shell and applets are :mod:`sandbox.images.busybox`'s; this module packages them as images
(``busybox``, ``busybox:1.28``, ``busybox:1.36``, ``registry.k8s.io/busybox``,
``registry.k8s.io/e2e-test-images/busybox:1.29-4``, ...) and installs them into other images that
have a shell (nginx's Debian base, Python images).
"""

from __future__ import annotations

from sandbox.images.image import Image
from sandbox.runtime.filesystem import FileSystem

__all__ = ["install_busybox", "busybox_image", "register"]

#: Compressed sizes of a few real tags (bytes); other tags use the 1.36 size.
_SIZES = {"1.28": 727_869, "1.35": 2_156_000, "1.36": 2_155_000, "1.37": 2_162_000, "latest": 2_162_000}


def install_busybox(fs: FileSystem, *, overwrite: bool = False) -> None:
    """Copy the busybox tree (``/bin/busybox``, its applet links, ``/etc/passwd``...) into ``fs``.

    Files ``fs`` already has are kept unless ``overwrite``.
    """
    from sandbox.images.busybox import image_root

    src = image_root().view()
    dst = fs.view()
    for dirpath, dirs, files in src.walk("/"):
        for d in dirs:
            path = (dirpath.rstrip("/") + "/" + d) if dirpath != "/" else "/" + d
            if src.is_symlink(path):
                continue
            st = src.stat(path)
            if not dst.exists(path):
                fs.add_dir(path, st.mode & 0o7777, st.uid, st.gid)
        for f in files:
            path = (dirpath.rstrip("/") + "/" + f) if dirpath != "/" else "/" + f
            if dst.lexists(path) and not overwrite:
                continue
            if src.is_symlink(path):
                fs.add_symlink(path, src.readlink(path))
                continue
            st = src.stat(path)
            if st.is_file:
                fs.add_file(path, src.read_bytes(path), st.mode & 0o7777, st.uid, st.gid)


def busybox_image(ref: str, tag: str) -> Image:
    """The busybox image ``ref`` (``CMD ["sh"]``, runs as root)."""
    return Image(
        ref,
        cmd=["sh"],
        size=_SIZES.get(".".join(tag.split("-")[0].split(".")[:2]), 2_155_000),
        build=lambda fs: install_busybox(fs, overwrite=True),
    )


def register(registry) -> None:  # type: ignore[no-untyped-def]
    """Serve every busybox tag from the usual repositories."""
    for repo in (
        "docker.io/library/busybox",
        "registry.k8s.io/busybox",
        "k8s.gcr.io/busybox",
        "gcr.io/google-containers/busybox",
        "registry.k8s.io/e2e-test-images/busybox",
        "quay.io/prometheus/busybox",
    ):
        registry.register_family(repo, r"[\w][\w.-]{0,127}", lambda tag, repo=repo: busybox_image(f"{repo}:{tag}", tag))
