"""The image registry: every image the sandbox can pull, by name, tag or digest.

:data:`REGISTRY` holds the built-in images (loaded on first use) and every ``@image`` function.
A *family* serves every tag of a repository that matches a pattern (``busybox`` answers to
``busybox``, ``busybox:1.28``, ``busybox:1.36.1-musl``, ...).

Unknown images fail the way containerd fails, and :meth:`Registry.pull_error` words it::

    rpc error: code = NotFound desc = failed to pull and unpack image "docker.io/library/nginx:nosuch":
    failed to resolve reference "docker.io/library/nginx:nosuch": docker.io/library/nginx:nosuch: not found

(a missing tag of a known repository, or any missing image on ``registry.k8s.io``, ``gcr.io``,
``quay.io``, ...); a repository Docker Hub does not have gives ``pull access denied, repository
does not exist or may require authorization: server message: insufficient_scope: authorization
failed``; a registry host that does not exist gives ``dial tcp: lookup HOST: no such host``.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Callable
from dataclasses import dataclass

from sandbox.images.image import Image, InvalidReference, parse_reference
from sandbox.runtime.cri import ImagePullError

__all__ = ["Registry", "REGISTRY", "PULL_BASE_SECONDS", "PULL_BYTES_PER_SECOND", "pull_seconds"]

#: A pull takes ``PULL_BASE_SECONDS + size / PULL_BYTES_PER_SECOND`` virtual seconds.
PULL_BASE_SECONDS = 1.0
PULL_BYTES_PER_SECOND = 50_000_000

#: Registries that answer ``not found`` for an image they do not have.
PUBLIC_REGISTRIES = frozenset(
    {"registry.k8s.io", "k8s.gcr.io", "gcr.io", "quay.io", "ghcr.io", "mcr.microsoft.com", "public.ecr.aws"}
)


def pull_seconds(image: Image) -> float:
    """How long pulling ``image`` takes on the virtual clock (deterministic)."""
    return round(PULL_BASE_SECONDS + image.size / PULL_BYTES_PER_SECOND, 3)


@dataclass
class _Family:
    name: str
    tag_pattern: re.Pattern[str]
    factory: Callable[[str], Image | None]


class Registry:
    """Images by reference; :meth:`resolve` gives an :class:`Image` or ``None``."""

    def __init__(self, *, builtins: bool = False) -> None:
        self._images: dict[str, Image] = {}
        self._families: dict[str, list[_Family]] = {}
        self._builtins_pending = builtins
        self._lock = threading.RLock()

    def _load_builtins(self) -> None:
        if self._builtins_pending:
            with self._lock:
                if self._builtins_pending:
                    self._builtins_pending = False
                    from sandbox.images.builtin import register_builtins

                    register_builtins(self)

    # -- registering --------------------------------------------------------------------------

    def register(self, image: Image) -> Image:
        """Add (or replace) ``image`` under its normalised reference."""
        with self._lock:
            self._images[image.ref] = image
        return image

    def register_family(self, name: str, tag_pattern: str, factory: Callable[[str], Image | None]) -> None:
        """Serve every tag of repository ``name`` matching ``tag_pattern`` with ``factory(tag)``
        (a factory may return ``None``: that tag does not exist)."""
        repo = parse_reference(name).name
        with self._lock:
            self._families.setdefault(repo, []).append(_Family(repo, re.compile(tag_pattern), factory))

    # -- looking up ---------------------------------------------------------------------------

    def resolve(self, ref: str) -> Image | None:
        """The image ``ref`` names (``nginx``, ``nginx:1.14.2``, ``nginx@sha256:...``), or ``None``.

        Raises :class:`~sandbox.images.image.InvalidReference` for a name that cannot be parsed.
        """
        self._load_builtins()
        r = parse_reference(ref)
        with self._lock:
            if r.digest:
                for img in self._images.values():
                    if img.name == r.name and img.digest == r.digest:
                        return img
                return None
            key = str(r)
            img = self._images.get(key)
            if img is not None:
                return img
            for fam in self._families.get(r.name, []):
                if fam.tag_pattern.fullmatch(r.tag):
                    made = fam.factory(r.tag)
                    if made is None:  # the factory knows this tag does not exist
                        continue
                    self._images[key] = made
                    return made
        return None

    def knows_repository(self, name: str) -> bool:
        """Whether any tag of repository ``name`` (``docker.io/library/nginx``) exists here."""
        self._load_builtins()
        with self._lock:
            return name in self._families or any(i.name == name for i in self._images.values())

    def images(self) -> list[Image]:
        """The images resolved or registered so far."""
        self._load_builtins()
        with self._lock:
            return list(self._images.values())

    def pull_error(self, ref: str) -> ImagePullError:
        """The error containerd gives when pulling ``ref`` fails (``ref`` is not here)."""
        try:
            r = parse_reference(ref)
        except InvalidReference as e:
            err = ImagePullError(f'rpc error: code = Unknown desc = failed to pull and unpack image "{ref}": {e}')
            err.code, err.desc = "Unknown", str(e)  # type: ignore[attr-defined]
            return err
        full = str(r)
        head = f'failed to pull and unpack image "{full}": failed to resolve reference "{full}": '
        if r.domain == "docker.io" and not self.knows_repository(r.name):
            code = "Unknown"
            why = (
                "pull access denied, repository does not exist or may require authorization: "
                "server message: insufficient_scope: authorization failed"
            )
        elif r.domain == "docker.io" or r.domain in PUBLIC_REGISTRIES or self.knows_repository(r.name):
            code, why = "NotFound", f"{full}: not found"
        else:
            code = "Unknown"
            host = r.domain.split(":")[0]
            what = r.digest or r.tag
            why = (
                f'failed to do request: Head "https://{r.domain}/v2/{r.path}/manifests/{what}": '
                f"dial tcp: lookup {host}: no such host"
            )
        desc = head + why
        err = ImagePullError(f"rpc error: code = {code} desc = {desc}")
        err.code, err.desc = code, desc  # type: ignore[attr-defined]
        return err


#: The sandbox's registry: built-in images plus every ``@image``.
REGISTRY = Registry(builtins=True)

