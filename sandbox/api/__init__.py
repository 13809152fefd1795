"""``sandbox.api``: the Kubernetes object models, quantities, the kind registry and manifests.

The models mirror ``k8s.io/api`` and ``k8s.io/apimachinery``: attribute names are the JSON names
(``pod.spec.restartPolicy``), ``None`` means absent, ``to_dict()`` gives the Kubernetes JSON and
``Model.from_dict()`` decodes strictly, with kube-apiserver's error messages.

This package never imports ``sandbox.apiserver``.
"""

from __future__ import annotations

from sandbox.api import apps, batch, coordination, core, meta
from sandbox.api.apps import *  # noqa: F403
from sandbox.api.base import (
    BytesMap,
    FieldsV1,
    Int32,
    Int64,
    IntOrString,
    K8sModel,
    KubeObject,
    MicroTime,
    Time,
    format_micro_time,
    format_time,
    parse_time,
)
from sandbox.api.batch import *  # noqa: F403
from sandbox.api.coordination import *  # noqa: F403
from sandbox.api.core import *  # noqa: F403
from sandbox.api.manifests import ManifestError, load, load_dicts
from sandbox.api.meta import *  # noqa: F403
from sandbox.api.quantity import Quantity, QuantityError, ResourceList
from sandbox.api.registry import (
    REGISTRY,
    KindInfo,
    NoKindMatchError,
    Registry,
    UnknownResourceError,
)

__all__ = [
    "K8sModel",
    "KubeObject",
    "Int32",
    "Int64",
    "IntOrString",
    "Time",
    "MicroTime",
    "FieldsV1",
    "BytesMap",
    "format_time",
    "format_micro_time",
    "parse_time",
    "Quantity",
    "QuantityError",
    "ResourceList",
    "REGISTRY",
    "KindInfo",
    "Registry",
    "NoKindMatchError",
    "UnknownResourceError",
    "ManifestError",
    "load",
    "load_dicts",
    *meta.__all__,
    *core.__all__,
    *apps.__all__,
    *batch.__all__,
    *coordination.__all__,
]
