"""Event reasons and message formats, as ``pkg/kubelet/events/event.go`` and the kubelet word them.

The kubelet records every event with source component ``kubelet`` and its node as host.
Container events carry a ``fieldPath`` such as ``spec.containers{nginx}``.
"""

from __future__ import annotations

from typing import Any

__all__ = [
    "CREATED_CONTAINER",
    "STARTED_CONTAINER",
    "FAILED_TO_CREATE_CONTAINER",
    "FAILED_TO_START_CONTAINER",
    "KILLING_CONTAINER",
    "PREEMPT_CONTAINER",
    "BACKOFF_START_CONTAINER",
    "EXCEEDED_GRACE_PERIOD",
    "PULLING_IMAGE",
    "PULLED_IMAGE",
    "FAILED_TO_PULL_IMAGE",
    "FAILED_TO_INSPECT_IMAGE",
    "ERR_IMAGE_NEVER_PULL_POLICY",
    "BACKOFF_PULL_IMAGE",
    "FAILED_POST_START_HOOK",
    "FAILED_PRE_STOP_HOOK",
    "DEADLINE_EXCEEDED",
    "SANDBOX_CHANGED",
    "FAILED_CREATE_POD_SANDBOX",
    "FAILED_SYNC",
    "NORMAL",
    "WARNING",
    "format_pod",
    "container_field_path",
    "container_ref",
    "pod_ref",
]

NORMAL = "Normal"
WARNING = "Warning"

# Container event reasons
CREATED_CONTAINER = "Created"
STARTED_CONTAINER = "Started"
FAILED_TO_CREATE_CONTAINER = "Failed"
FAILED_TO_START_CONTAINER = "Failed"
KILLING_CONTAINER = "Killing"
PREEMPT_CONTAINER = "Preempting"
BACKOFF_START_CONTAINER = "BackOff"
EXCEEDED_GRACE_PERIOD = "ExceededGracePeriod"

# Image event reasons
PULLING_IMAGE = "Pulling"
PULLED_IMAGE = "Pulled"
FAILED_TO_PULL_IMAGE = "Failed"
FAILED_TO_INSPECT_IMAGE = "InspectFailed"
ERR_IMAGE_NEVER_PULL_POLICY = "ErrImageNeverPull"
BACKOFF_PULL_IMAGE = "BackOff"

# Lifecycle hooks
FAILED_POST_START_HOOK = "FailedPostStartHook"
FAILED_PRE_STOP_HOOK = "FailedPreStopHook"

# Pod-level
DEADLINE_EXCEEDED = "DeadlineExceeded"
SANDBOX_CHANGED = "SandboxChanged"
FAILED_CREATE_POD_SANDBOX = "FailedCreatePodSandBox"
FAILED_SYNC = "FailedSync"


def format_pod(pod: Any) -> str:
    """``format.Pod``: ``NAME_NAMESPACE(UID)``, the form the kubelet uses in its messages."""
    m = pod.metadata
    return f"{m.name}_{m.namespace}({m.uid})"


def container_field_path(pod: Any, container_name: str) -> str:
    """``fieldPath`` of a container in a pod (``spec.containers{x}``, ``spec.initContainers{x}``,
    ``spec.ephemeralContainers{x}``), as ``GenerateContainerRef`` builds it."""
    spec = pod.spec
    for c in spec.containers or []:
        if c.name == container_name:
            return f"spec.containers{{{container_name}}}"
    for c in spec.initContainers or []:
        if c.name == container_name:
            return f"spec.initContainers{{{container_name}}}"
    for c in spec.ephemeralContainers or []:
        if c.name == container_name:
            return f"spec.ephemeralContainers{{{container_name}}}"
    return f"spec.containers{{{container_name}}}"


def pod_ref(pod: Any) -> dict[str, str]:
    """An ObjectReference to the pod (the involved object of pod events)."""
    m = pod.metadata
    ref = {"kind": "Pod", "namespace": m.namespace or "", "name": m.name or "", "uid": m.uid or "",
           "apiVersion": "v1"}
    return {k: v for k, v in ref.items() if v}


def container_ref(pod: Any, container_name: str) -> dict[str, str]:
    """An ObjectReference to a container of the pod (``fieldPath`` set)."""
    ref = pod_ref(pod)
    ref["fieldPath"] = container_field_path(pod, container_name)
    return ref
