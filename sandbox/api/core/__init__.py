"""``k8s.io/api/core/v1``: Pod, Node, Namespace, Event, ConfigMap, Secret, Service and their parts.

Split by concern (``pod``, ``container``, ``probe``, ``volume``, ``security``, ``affinity``,
``node``, ``config``, ``event``, ``namespace``, ``service``, ``serviceaccount``, ``common``);
every class each module lists in its ``__all__`` is re-exported here.
"""

from __future__ import annotations

from sandbox.api.core import (
    affinity,
    common,
    config,
    container,
    event,
    namespace,
    node,
    pod,
    probe,
    security,
    service,
    serviceaccount,
    volume,
)
from sandbox.api.core.affinity import *  # noqa: F403
from sandbox.api.core.common import *  # noqa: F403
from sandbox.api.core.config import *  # noqa: F403
from sandbox.api.core.container import *  # noqa: F403
from sandbox.api.core.event import *  # noqa: F403
from sandbox.api.core.namespace import *  # noqa: F403
from sandbox.api.core.node import *  # noqa: F403
from sandbox.api.core.pod import *  # noqa: F403
from sandbox.api.core.probe import *  # noqa: F403
from sandbox.api.core.security import *  # noqa: F403
from sandbox.api.core.service import *  # noqa: F403
from sandbox.api.core.serviceaccount import *  # noqa: F403
from sandbox.api.core.volume import *  # noqa: F403

__all__ = [
    name
    for module in (affinity, common, config, container, event, namespace, node, pod, probe, security,
                   service, serviceaccount, volume)
    for name in module.__all__
]
