"""The built-in images: busybox, pause, nginx, agnhost, stress, distroless.

:func:`register_builtins` adds them to a registry (the default registry calls it on first use).
"""

from __future__ import annotations

from typing import Any

__all__ = ["register_builtins"]


def register_builtins(registry: Any) -> None:
    """Register every built-in image (or family of tags) in ``registry``."""
    from sandbox.images.builtin import busybox, pause

    for module in (busybox, pause):
        module.register(registry)
    try:
        from sandbox.images.builtin import agnhost, distroless, nginx, stress
    except ImportError:  # pragma: no cover - while the network part is being built
        return
    for module in (nginx, agnhost, stress, distroless):
        module.register(registry)
