"""podlab's sandbox: a miniature Kubernetes cluster that runs inside one Python process.

``from sandbox import Cluster`` is where to start; see ``sandbox.cluster``.
"""

from __future__ import annotations

__version__ = "0.1.0"

from sandbox import api  # noqa: F401  (models first: other modules import them)
from sandbox.cluster import Cluster, WaitTimeout
from sandbox.errors import (
    AlreadyExists,
    BadRequest,
    Conflict,
    Forbidden,
    Invalid,
    NotFound,
    SandboxError,
    StatusError,
)

__all__ = [
    "Cluster",
    "WaitTimeout",
    "SandboxError",
    "StatusError",
    "NotFound",
    "AlreadyExists",
    "Conflict",
    "Invalid",
    "Forbidden",
    "BadRequest",
]
