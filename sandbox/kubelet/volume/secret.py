"""``secret`` volumes (``pkg/volume/secret``): like ``configMap`` volumes, with the Secret's
decoded ``data`` (``stringData`` is merged into ``data`` by the API server). Messages: ``secret
"x" not found``, ``references non-existent secret key: k``. (On a real node the files live on a
tmpfs, never on disk.)"""

from __future__ import annotations

import base64
from typing import Any

from sandbox.kubelet.volume.atomic_writer import FileProjection
from sandbox.kubelet.volume.common import MountError, VolumeContext
from sandbox.kubelet.volume.configmap import make_payload

__all__ = ["payload", "fetch"]


def fetch(ctx: VolumeContext, name: str, optional: bool) -> dict[str, bytes] | None:
    """The Secret's decoded data, ``None`` when it is missing and optional."""
    sec = ctx.lookup("secrets", ctx.namespace, name)
    if sec is None:
        if optional:
            return None
        raise MountError(f'secret "{name}" not found')
    out = {k: base64.b64decode(v) for k, v in (sec.data or {}).items()}
    for k, v in (getattr(sec, "stringData", None) or {}).items():
        out.setdefault(k, v.encode())
    return out


def payload(ctx: VolumeContext, src: Any) -> dict[str, FileProjection]:
    """The files of a ``secret`` volume source."""
    optional = bool(src.optional)
    data = fetch(ctx, src.secretName or "", optional)
    if data is None:
        return {}
    mode = src.defaultMode if src.defaultMode is not None else 0o644
    return make_payload(data, src.items, mode, optional, "references non-existent secret key")
