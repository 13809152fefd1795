"""``downwardAPI`` volumes (``pkg/volume/downwardapi``): pod fields as files.

``fieldRef`` may name ``metadata.name``, ``metadata.namespace``, ``metadata.uid``,
``metadata.labels``, ``metadata.annotations`` (and one label or annotation with
``metadata.labels['k']``); labels and annotations are written one ``key="value"`` per line,
sorted, without a final newline (``fieldpath.FormatMap``). ``resourceFieldRef`` (with
``containerName``) gives a container's limit or request over ``divisor``. Fields such as
``spec.nodeName`` or ``status.podIP`` are for environment variables only: the API server refuses
them in a volume.

The files follow label and annotation changes (the kubelet remounts the volume when it syncs the
updated pod).
"""

from __future__ import annotations

from typing import Any

from sandbox.api.field import go_quote
from sandbox.kubelet.envvars import EnvError, resolve_field_ref, resolve_resource_field_ref
from sandbox.kubelet.volume.atomic_writer import FileProjection
from sandbox.kubelet.volume.common import MountError, VolumeContext

__all__ = ["payload", "items_payload", "format_map"]


def format_map(m: dict[str, str]) -> str:
    """``fieldpath.FormatMap``: ``key="value"`` lines, sorted, Go-quoted, no final newline."""
    return "\n".join(f"{k}={go_quote(v)}" for k, v in sorted(m.items()))


def _field(ctx: VolumeContext, path: str) -> str:
    m = ctx.pod.metadata
    if path == "metadata.labels":
        return format_map(dict(m.labels or {}))
    if path == "metadata.annotations":
        return format_map(dict(m.annotations or {}))
    try:
        return resolve_field_ref(ctx.pod, path)
    except EnvError as e:
        raise MountError(str(e)) from None


def items_payload(ctx: VolumeContext, items: Any, default_mode: int) -> dict[str, FileProjection]:
    """The files for a list of ``DownwardAPIVolumeFile``."""
    out: dict[str, FileProjection] = {}
    for it in items or []:
        mode = it.mode if it.mode is not None else default_mode
        if it.fieldRef is not None:
            text = _field(ctx, it.fieldRef.fieldPath or "")
        elif it.resourceFieldRef is not None:
            ref = it.resourceFieldRef
            spec = next((c for c in list(ctx.pod.spec.containers or []) + list(ctx.pod.spec.initContainers or [])
                         if c.name == ref.containerName), None)
            if spec is None:
                raise MountError(f"container {ref.containerName} not found")
            text = resolve_resource_field_ref(ctx.pod, spec, ref, ctx.node_allocatable)
        else:
            continue
        out[(it.path or "").strip("/")] = FileProjection(text.encode(), mode)
    return out


def payload(ctx: VolumeContext, src: Any) -> dict[str, FileProjection]:
    """The files of a ``downwardAPI`` volume source."""
    mode = src.defaultMode if src.defaultMode is not None else 0o644
    return items_payload(ctx, src.items, mode)
