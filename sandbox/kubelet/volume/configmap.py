"""``configMap`` volumes (``pkg/volume/configmap``): each key of the ConfigMap (``data`` and
``binaryData``) a file, or only the ``items`` listed, at their ``path`` with their ``mode``
(else ``defaultMode``, 0644).

* A missing ConfigMap fails the mount with ``configmap "x" not found`` (the pod waits in
  ``ContainerCreating``, the kubelet retries) unless ``optional: true`` (an empty volume then).
* An ``items`` key the ConfigMap lacks: ``configmap references non-existent config key: k``
  (skipped when optional).
* The files are rewritten through the atomic writer when the ConfigMap changes (see
  :mod:`sandbox.kubelet.volume`); a ``subPath`` mount keeps the old file.
"""

from __future__ import annotations

import base64
from typing import Any

from sandbox.kubelet.volume.atomic_writer import FileProjection
from sandbox.kubelet.volume.common import MountError, VolumeContext

__all__ = ["payload", "make_payload"]


def _data(obj: Any) -> dict[str, bytes]:
    out = {k: v.encode() for k, v in (obj.data or {}).items()}
    for k, v in (getattr(obj, "binaryData", None) or {}).items():
        out[k] = base64.b64decode(v) if isinstance(v, str) else bytes(v)
    return out


def make_payload(
    data: dict[str, bytes], items: Any, default_mode: int, optional: bool, missing_key: str
) -> dict[str, FileProjection]:
    """``MakePayload``: all keys, or the listed ``items`` (``missing_key`` is the error's words
    before the key)."""
    out: dict[str, FileProjection] = {}
    if not items:
        for k, v in data.items():
            out[k] = FileProjection(v, default_mode)
        return out
    for it in items:
        if it.key not in data:
            if optional:
                continue
            raise MountError(f"{missing_key}: {it.key}")
        mode = it.mode if it.mode is not None else default_mode
        out[(it.path or it.key).strip("/")] = FileProjection(data[it.key], mode)
    return out


def fetch(ctx: VolumeContext, name: str, optional: bool) -> dict[str, bytes] | None:
    """The ConfigMap's files by key, ``None`` when it is missing and optional."""
    cm = ctx.lookup("configmaps", ctx.namespace, name)
    if cm is None:
        if optional:
            return None
        raise MountError(f'configmap "{name}" not found')
    return _data(cm)


def payload(ctx: VolumeContext, src: Any) -> dict[str, FileProjection]:
    """The files of a ``configMap`` volume source."""
    optional = bool(src.optional)
    data = fetch(ctx, src.name or "", optional)
    if data is None:
        return {}
    mode = src.defaultMode if src.defaultMode is not None else 0o644
    return make_payload(data, src.items, mode, optional, "configmap references non-existent config key")
