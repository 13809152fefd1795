"""Distroless images (``gcr.io/distroless/static``, ``base``, ...): no shell, no ENTRYPOINT.

``:nonroot`` tags run as uid 65532 (``nonroot``), the others as root (0): the pair teaches
``runAsNonRoot``. Without a ``command`` a container of them fails to be created (``no command
specified``), as on a real cluster.
"""

from __future__ import annotations

from typing import Any

from sandbox.images.image import Image
from sandbox.runtime.filesystem import FileSystem

__all__ = ["distroless_image", "register"]

PASSWD = """root:x:0:0:root:/root:/sbin/nologin
nobody:x:65534:65534:nobody:/nonexistent:/sbin/nologin
nonroot:x:65532:65532:nonroot:/home/nonroot:/sbin/nologin
"""
GROUP = "root:x:0:\nnobody:x:65534:\ntty:x:5:\nstaff:x:50:\nnonroot:x:65532:\n"


def distroless_image(ref: str, tag: str) -> Image:
    nonroot = tag.startswith("nonroot") or tag.endswith("nonroot")

    def build(fs: FileSystem) -> None:
        fs.add_file("/etc/passwd", PASSWD)
        fs.add_file("/etc/group", GROUP)
        fs.add_dir("/home/nonroot", 0o700, 65532, 65532)
        fs.add_file("/etc/os-release", 'PRETTY_NAME="Distroless"\nNAME="Debian GNU/Linux"\nID="debian"\n')

    return Image(
        ref,
        user="65532" if nonroot else "0",
        working_dir="/home/nonroot" if nonroot else "/",
        env={"SSL_CERT_FILE": "/etc/ssl/certs/ca-certificates.crt"},
        size=1_004_000,
        build=build,
    )


def register(registry: Any) -> None:
    for flavour in ("static", "static-debian12", "base", "base-debian12", "base-nossl"):
        repo = f"gcr.io/distroless/{flavour}"
        registry.register_family(
            repo, r"(latest|nonroot|debug|debug-nonroot)(-amd64|-arm64)?",
            lambda tag, repo=repo: distroless_image(f"{repo}:{tag}", tag),
        )
