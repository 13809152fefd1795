"""``sandbox.apiserver``: kube-apiserver and etcd in one process.

:class:`APIServer` stores objects as Kubernetes JSON, hands out fresh models, and implements the
verbs (create, get, list, update, patch, delete, watch), optimistic concurrency, label and field
selectors, the three patch types, admission, finalizers, graceful deletion and namespaces.
"""

import sandbox.api  # noqa: F401  (import the models before sandbox.errors: they import each other)
from sandbox.apiserver.admission import (
    CREATE,
    DELETE,
    UPDATE,
    AdmissionChain,
    AdmissionRequest,
    DefaultTolerationSeconds,
    NamespaceLifecycle,
)
from sandbox.apiserver.patch import apply_patch, json_merge_patch, json_patch, strategic_merge_patch
from sandbox.apiserver.selectors import (
    FieldSelector,
    LabelSelector,
    Requirement,
    parse_field_selector,
    parse_label_selector,
    selector_from_label_selector,
    selector_from_set,
)
from sandbox.apiserver.server import APIServer, ObjectList
from sandbox.apiserver.watch import Watch, WatchEvent

__all__ = [
    "APIServer",
    "ObjectList",
    "Watch",
    "WatchEvent",
    "AdmissionChain",
    "AdmissionRequest",
    "NamespaceLifecycle",
    "DefaultTolerationSeconds",
    "CREATE",
    "UPDATE",
    "DELETE",
    "LabelSelector",
    "FieldSelector",
    "Requirement",
    "parse_label_selector",
    "parse_field_selector",
    "selector_from_label_selector",
    "selector_from_set",
    "apply_patch",
    "json_merge_patch",
    "json_patch",
    "strategic_merge_patch",
]
