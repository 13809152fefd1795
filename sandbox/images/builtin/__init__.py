"""The built-in images: busybox, pause, nginx, agnhost, stress, distroless.

:func:`register_builtins` adds them to a registry (the default registry calls it on first use).
"""

from __future__ import annotations

import importlib
from typing import Any

__all__ = ["register_builtins", "MODULES"]

#: The modules that define built-in images; each has ``register(registry)``.
MODULES = ("busybox", "pause", "nginx", "agnhost", "stress", "distroless", "goproxy", "etcd")


def register_builtins(registry: Any) -> None:
    """Register every built-in image (or family of tags) in ``registry``."""
    for name in MODULES:
        try:
            module = importlib.import_module(f"sandbox.images.builtin.{name}")
        except ModuleNotFoundError as e:
            if e.name != f"sandbox.images.builtin.{name}":
                raise
            continue
        module.register(registry)
