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


#: The releases the official image was built for: ``1.N`` and ``1.N.P`` tags.
RELEASES = {24: 2, 25: 1, 26: 2, 27: 2, 28: 4, 29: 3, 30: 1, 31: 1, 32: 1, 33: 1, 34: 1, 35: 0, 36: 1, 37: 0}

_VERSION = "|".join(f"1\\.{minor}(\\.[0-{last}])?" for minor, last in RELEASES.items())
_LIBC = "musl|glibc|uclibc"

#: Each repository's tags (a typo'd tag is ``not found``, as on a real registry).
TAGS = {
    "docker.io/library/busybox": rf"(latest|stable|unstable|{_LIBC}|(stable|unstable)-({_LIBC})|({_VERSION})(-({_LIBC}))?)",
    "registry.k8s.io/busybox": r"latest|1\.27\.2|1\.24",
    "k8s.gcr.io/busybox": r"latest|1\.27\.2|1\.24",
    "gcr.io/google-containers/busybox": r"latest|1\.27\.2|1\.24",
    "registry.k8s.io/e2e-test-images/busybox": r"1\.29-[1-4]|1\.36\.1-1",
    "quay.io/prometheus/busybox": rf"latest|{_LIBC}",
}


def register(registry) -> None:  # type: ignore[no-untyped-def]
    """Serve the busybox tags that exist from the usual repositories."""
    for repo, pattern in TAGS.items():
        registry.register_family(repo, pattern, lambda tag, repo=repo: busybox_image(f"{repo}:{tag}", tag))
