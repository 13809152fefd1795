"""The kubelet's node side: registration, node status, heartbeats (``kubelet_node_status.go``,
``pkg/kubelet/nodestatus/setters.go``), and the node operations kubectl offers (label, taint,
cordon).

:class:`NodeStatusManager` does what a kubelet does for its Node object:

* **start**: the ``Starting`` event (``Starting kubelet.``); registration (create the Node, or
  reconcile the default labels of an existing one) with labels, taints, ``podCIDRs``, capacity,
  allocatable, addresses, ``nodeInfo``, images and conditions; the pressure events
  (``NodeHasSufficientMemory`` ...); ``NodeAllocatableEnforced``; the Lease; and, once the first
  runtime check has run (``runtime_ready_delay`` later, at the next clock turn by default),
  ``Ready=True`` with the ``NodeReady`` event. Until then ``Ready`` is ``False`` with
  ``container runtime status check may not have completed yet``, as on a real node.
* **every** ``nodeStatusUpdateFrequency`` **(10 s)**: compute the status; post it (``PUT
  .../status``) when it changed, or when ``nodeStatusReportFrequency`` (5 min) passed since the
  last post. ``lastHeartbeatTime`` therefore moves only when the status is posted: the Lease is
  the frequent heartbeat (renewed every 10 s, see :mod:`sandbox.kubelet.nodelease`).
* **stop** (a failed node): no more status posts or lease renewals. **start** again (recovered,
  rebooted): a new ``bootID`` and the ``Rebooted`` warning (``Node node-1 has been rebooted, boot
  id: ...``), the start events again, and transitions (``NodeReady`` ...) against whatever the
  node lifecycle controller wrote meanwhile (``Unknown``).

Events go to ``default`` with ``involvedObject`` ``{kind: Node, name: <node>, uid: <node>}``
(the kubelet's ``nodeRef`` really uses the node name as uid) and source ``kubelet``/``<node>``.
"""

from __future__ import annotations

import random
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import datetime, timezone
from typing import Any

from sandbox.api.base import format_time
from sandbox.api.quantity import Quantity
from sandbox.errors import AlreadyExists, Conflict, NotFound, SandboxError, StatusError
from sandbox.kubelet.node_info import (
    CONTAINERD_VERSION,
    KERNEL_VERSION,
    KUBELET_PORT,
    KUBELET_VERSION,
    LABEL_ARCH,
    LABEL_ARCH_BETA,
    LABEL_HOSTNAME,
    LABEL_OS,
    LABEL_OS_BETA,
    OS_IMAGE,
    TAINT_UNSCHEDULABLE,
    NodeConfig,
    allocatable,
    boot_id,
    capacity,
    machine_id,
)
from sandbox.kubelet.nodelease import NodeLeaseController

__all__ = [
    "NodeStatusManager",
    "NodeChange",
    "NodeOperationError",
    "CONDITION_DEFAULTS",
    "RUNTIME_NOT_CHECKED",
    "NODE_STATUS_UPDATE_RETRY",
    "MAX_IMAGES",
    "parse_taint",
    "parse_taints",
    "taint_to_string",
    "parse_labels",
    "label_node",
    "taint_node",
    "cordon_node",
    "uncordon_node",
    "reconcile_unschedulable_taint",
]

#: ``nodeStatusUpdateRetry``.
NODE_STATUS_UPDATE_RETRY = 5
#: ``nodeStatusMaxImages``.
MAX_IMAGES = 50
#: ``MaxNamesPerImageInNodeStatus``.
MAX_NAMES_PER_IMAGE = 5
#: The Ready message until the kubelet's first runtime check (``runtimeState.runtimeErrors``).
RUNTIME_NOT_CHECKED = "container runtime status check may not have completed yet"

#: For each condition type and status: (reason, message, event reason) as the kubelet's setters
#: write them.
CONDITION_DEFAULTS: dict[tuple[str, str], tuple[str, str, str]] = {
    ("MemoryPressure", "False"): ("KubeletHasSufficientMemory", "kubelet has sufficient memory available", "NodeHasSufficientMemory"),
    ("MemoryPressure", "True"): ("KubeletHasInsufficientMemory", "kubelet has insufficient memory available", "NodeHasInsufficientMemory"),
    ("DiskPressure", "False"): ("KubeletHasNoDiskPressure", "kubelet has no disk pressure", "NodeHasNoDiskPressure"),
    ("DiskPressure", "True"): ("KubeletHasDiskPressure", "kubelet has disk pressure", "NodeHasDiskPressure"),
    ("PIDPressure", "False"): ("KubeletHasSufficientPID", "kubelet has sufficient PID available", "NodeHasSufficientPID"),
    ("PIDPressure", "True"): ("KubeletHasInsufficientPID", "kubelet has insufficient PID available", "NodeHasInsufficientPID"),
    ("Ready", "True"): ("KubeletReady", "kubelet is posting ready status", "NodeReady"),
    ("Ready", "False"): ("KubeletNotReady", RUNTIME_NOT_CHECKED, "NodeNotReady"),
}
_PRESSURE = ("MemoryPressure", "DiskPressure", "PIDPressure")


def _ts(t: float) -> str:
    return format_time(datetime.fromtimestamp(t, timezone.utc))


def _quantities(d: dict[str, Quantity]) -> dict[str, str]:
    return {k: str(v) for k, v in d.items()}


class NodeStatusManager:
    """Registers one node and keeps its status and Lease fresh, on the clock.

    Args:
        node_name: the Node's name.
        api: the :class:`~sandbox.apiserver.APIServer`.
        clock: the cluster's :class:`~sandbox.clock.Clock` (``now``, ``call_later``).
        config: the node's :class:`~sandbox.kubelet.node_info.NodeConfig`.
        rng: a seeded ``random.Random`` for machineID, systemUUID and bootIDs.
        images: returns the images the runtime holds, each ``{"names": [...], "sizeBytes": n}``
            (or a ``(names, size)`` pair); reported in ``status.images``, biggest first.
    """

    def __init__(
        self,
        node_name: str,
        api: Any,
        clock: Any,
        config: NodeConfig | None = None,
        *,
        rng: random.Random | None = None,
        images: Callable[[], Iterable[Any]] | None = None,
    ) -> None:
        self.node_name = node_name
        self.api = api
        self.clock = clock
        self.config = config if config is not None else NodeConfig()
        self.rng = rng if rng is not None else random.Random(node_name)
        self.images = images
        self.machine_id = machine_id(self.rng)
        self.system_uuid = str(_uuid_from(self.rng))
        self.boot_id = ""
        self.lease = NodeLeaseController(node_name, api, clock, self.config.lease_duration_seconds)
        self._running = False
        self._runtime_ready = False
        self._overrides: dict[str, tuple[str, str | None, str | None]] = {}
        self._last_report: float | None = None
        self._last_unschedulable = False
        self._timers: list[Any] = []
        self._registered = False
        #: Errors met while posting status (the kubelet's log lines), newest last.
        self.errors: list[str] = []

    # ------------------------------------------------------------------ lifecycle

    @property
    def running(self) -> bool:
        """Whether the kubelet is up (heartbeats and lease renewals scheduled)."""
        return self._running

    @property
    def hostname(self) -> str:
        return self.config.hostname or self.node_name

    def start(self) -> None:
        """Start (or restart after :meth:`stop`) the kubelet's node side, as described above."""
        if self._running:
            return
        self._running = True
        self._runtime_ready = False
        self.boot_id = boot_id(self.rng)
        self._last_report = None
        self._last_unschedulable = False
        self._event("Normal", "Starting", "Starting kubelet.")
        self._register()
        self.sync()
        self._event("Normal", "NodeAllocatableEnforced", "Updated Node Allocatable limit across pods")
        self.lease.start()
        self._timers.append(self.clock.call_later(self.config.runtime_ready_delay, self._runtime_up))
        self._timers.append(
            self.clock.call_later(self.config.node_status_update_frequency, self._tick)
        )

    def stop(self) -> None:
        """Stop posting status and renewing the lease (the node failed or was shut down)."""
        self._running = False
        for t in self._timers:
            t.cancel()
        self._timers.clear()
        self.lease.stop()

    def _runtime_up(self) -> None:
        """The first ``updateRuntimeUp``; ``fastStatusUpdateOnce`` posts Ready at once."""
        if not self._running:
            return
        self._runtime_ready = True
        self.sync()

    def _tick(self) -> None:
        if not self._running:
            return
        self.sync()
        if self._running:
            self._timers = [t for t in self._timers if not getattr(t, "fired", False)]
            self._timers.append(
                self.clock.call_later(self.config.node_status_update_frequency, self._tick)
            )

    # ------------------------------------------------------------------ conditions

    def set_condition(
        self, type: str, status: str, reason: str | None = None, message: str | None = None
    ) -> None:
        """Force a node condition (eviction sets ``MemoryPressure`` ...); posted at the next sync.

        For the kubelet's own types the reason and message default to the kubelet's
        (``KubeletHasInsufficientMemory`` / ``kubelet has insufficient memory available``) and the
        transition records the kubelet's event (``NodeHasInsufficientMemory``). Call
        :meth:`sync` to post at once.
        """
        if status not in ("True", "False", "Unknown"):
            raise ValueError(f'condition status must be "True", "False" or "Unknown", not {status!r}')
        self._overrides[type] = (status, reason, message)

    def clear_condition(self, type: str) -> None:
        """Give a condition back to the kubelet's own logic (e.g. the pressure is over)."""
        self._overrides.pop(type, None)

    # ------------------------------------------------------------------ events

    @property
    def node_ref(self) -> dict[str, str]:
        """The kubelet's ``nodeRef`` (its uid is the node name)."""
        return {"kind": "Node", "name": self.node_name, "uid": self.node_name}

    def _event(self, type: str, reason: str, message: str) -> None:
        self.api.record_event(self.node_ref, type, reason, message, "kubelet", self.node_name)

    def _status_event(self, type: str, event: str) -> None:
        """``recordNodeStatusEvent``: ``Node <name> status is now: <event>``."""
        self._event(type, event, f"Node {self.node_name} status is now: {event}")

    # ------------------------------------------------------------------ registration

    def initial_node(self) -> dict[str, Any]:
        """``initialNode``: the Node the kubelet registers (status filled by the setters)."""
        cfg = self.config
        labels = {
            LABEL_HOSTNAME: self.hostname,
            LABEL_OS: cfg.os,
            LABEL_ARCH: cfg.arch,
            LABEL_OS_BETA: cfg.os,
            LABEL_ARCH_BETA: cfg.arch,
        }
        labels.update(cfg.labels)
        spec: dict[str, Any] = {}
        if cfg.pod_cidrs:
            spec["podCIDR"] = cfg.pod_cidrs[0]
            spec["podCIDRs"] = list(cfg.pod_cidrs)
        taints = [parse_taint(t) if isinstance(t, str) else dict(t) for t in cfg.taints]
        for t in taints:
            if not t.get("effect"):
                raise NodeOperationError(f"invalid taint spec: {taint_to_string(t)}")
        if not cfg.register_schedulable:
            spec["unschedulable"] = True
            if not any(t["key"] == TAINT_UNSCHEDULABLE and t.get("effect") == "NoSchedule" for t in taints):
                taints.append({"key": TAINT_UNSCHEDULABLE, "effect": "NoSchedule"})
        if taints:
            spec["taints"] = taints
        node: dict[str, Any] = {
            "apiVersion": "v1",
            "kind": "Node",
            "metadata": {
                "name": self.node_name,
                "labels": labels,
                "annotations": {"volumes.kubernetes.io/controller-managed-attach-detach": "true"},
            },
            "spec": spec,
            "status": {},
        }
        self._set_status(node)
        return node

    def _register(self) -> None:
        node = self.initial_node()
        try:
            self.api.create(node)
            self._registered = True
            return
        except AlreadyExists:
            pass
        except StatusError as e:
            self.errors.append(f'Unable to register node "{self.node_name}" with API server: {e}')
            return
        # Already registered: reconcile the default labels (updateDefaultLabels).
        for _ in range(NODE_STATUS_UPDATE_RETRY):
            try:
                existing = self.api.get("nodes", self.node_name, None).to_dict()
            except StatusError as e:
                self.errors.append(f"Unable to register node {self.node_name!r} with API server: {e}")
                return
            labels = existing["metadata"].setdefault("labels", {})
            changed = False
            for key in (LABEL_HOSTNAME, LABEL_OS, LABEL_ARCH):
                if labels.get(key) != node["metadata"]["labels"][key]:
                    labels[key] = node["metadata"]["labels"][key]
                    changed = True
            if not changed:
                self._registered = True
                return
            try:
                self.api.update(existing)
                self._registered = True
                return
            except Conflict:
                continue

    # ------------------------------------------------------------------ the setters

    def _set_status(self, node: dict[str, Any]) -> None:
        """``setNodeStatus``: every setter, in the kubelet's order, on a Node dict."""
        now = self.clock.now()
        cfg = self.config
        st = node.setdefault("status", {})
        # NodeAddress
        st["addresses"] = [
            {"address": cfg.internal_ip, "type": "InternalIP"},
            {"address": self.hostname, "type": "Hostname"},
        ]
        # MachineInfo
        info = st.setdefault("nodeInfo", {})
        info["machineID"] = self.machine_id
        info["systemUUID"] = self.system_uuid
        old_boot = info.get("bootID") or ""
        if old_boot and old_boot != self.boot_id:
            self._event("Warning", "Rebooted", f"Node {self.node_name} has been rebooted, boot id: {self.boot_id}")
        info["bootID"] = self.boot_id
        caps = capacity(cfg)
        cap = dict(st.get("capacity") or {})
        cap.update(_quantities(caps))
        st["capacity"] = dict(sorted(cap.items()))
        st["allocatable"] = dict(sorted(_quantities(allocatable(cfg, caps)).items()))
        # VersionInfo
        info["kernelVersion"] = KERNEL_VERSION
        info["osImage"] = OS_IMAGE
        info["containerRuntimeVersion"] = f"containerd://{CONTAINERD_VERSION}"
        info["kubeletVersion"] = KUBELET_VERSION
        info["kubeProxyVersion"] = KUBELET_VERSION
        # DaemonEndpoints
        st["daemonEndpoints"] = {"kubeletEndpoint": {"Port": KUBELET_PORT}}
        # Images
        st["images"] = self._image_list()
        if not st["images"]:
            del st["images"]
        # GoRuntime
        info["operatingSystem"] = cfg.os
        info["architecture"] = cfg.arch
        # RuntimeHandlers (containerd's default handler and runc)
        features = {"recursiveReadOnlyMounts": True, "userNamespaces": True}
        st["runtimeHandlers"] = [{"features": dict(features), "name": ""}, {"features": dict(features), "name": "runc"}]
        # Conditions: MemoryPressure, DiskPressure, PIDPressure, Ready (Ready last)
        conds: list[dict[str, Any]] = list(st.get("conditions") or [])
        for typ in _PRESSURE:
            self._set_condition(conds, typ, now)
        self._set_ready(conds, now)
        for typ in self._overrides:
            if typ not in _PRESSURE and typ != "Ready":
                self._set_condition(conds, typ, now)
        st["conditions"] = conds
        # recordNodeSchedulableEvent
        unsched = bool((node.get("spec") or {}).get("unschedulable"))
        if unsched != self._last_unschedulable:
            self._status_event("Normal", "NodeNotSchedulable" if unsched else "NodeSchedulable")
            self._last_unschedulable = unsched

    def _image_list(self) -> list[dict[str, Any]]:
        if self.images is None:
            return []
        out = []
        for item in self.images():
            if isinstance(item, dict):
                names, size = list(item.get("names") or []), int(item.get("sizeBytes") or 0)
            else:
                names, size = list(item[0]), int(item[1])
            out.append({"names": names[:MAX_NAMES_PER_IMAGE], "sizeBytes": size})
        out.sort(key=lambda i: -i["sizeBytes"])
        return out[:MAX_IMAGES]

    def _set_condition(self, conds: list[dict[str, Any]], typ: str, now: float) -> None:
        """The pressure setters: heartbeat always; reason, message and event on a transition."""
        cond = next((c for c in conds if c.get("type") == typ), None)
        new = cond is None
        if cond is None:
            cond = {"type": typ, "status": "Unknown"}
        cond["lastHeartbeatTime"] = _ts(now)
        status, reason, message = self._overrides.get(typ, ("False", None, None))
        if cond.get("status") != status:
            dr, dm, event = CONDITION_DEFAULTS.get((typ, status), (None, None, None))
            cond["status"] = status
            cond["reason"] = reason or dr or ""
            cond["message"] = message or dm or ""
            if not cond["reason"]:
                del cond["reason"]
            if not cond["message"]:
                del cond["message"]
            cond["lastTransitionTime"] = _ts(now)
            if event:
                self._status_event("Normal", event)
        elif reason or message:
            if reason:
                cond["reason"] = reason
            if message:
                cond["message"] = message
        if new:
            conds.append(cond)

    def _set_ready(self, conds: list[dict[str, Any]], now: float) -> None:
        """``ReadyCondition``: True once the runtime is up; an event only on a transition."""
        if "Ready" in self._overrides:
            status, reason, message = self._overrides["Ready"]
            dr, dm, _ = CONDITION_DEFAULTS.get(("Ready", status), ("", "", ""))
            reason, message = reason or dr, message or dm
        elif self._runtime_ready:
            status, reason, message, _ = "True", *CONDITION_DEFAULTS[("Ready", "True")]
        else:
            status, reason, message, _ = "False", *CONDITION_DEFAULTS[("Ready", "False")]
        new_cond = {
            "type": "Ready",
            "status": status,
            "reason": reason,
            "message": message,
            "lastHeartbeatTime": _ts(now),
        }
        for i, c in enumerate(conds):
            if c.get("type") == "Ready":
                if c.get("status") == status:
                    new_cond["lastTransitionTime"] = c.get("lastTransitionTime") or _ts(now)
                else:
                    new_cond["lastTransitionTime"] = _ts(now)
                    event = "NodeReady" if status == "True" else "NodeNotReady"
                    self._status_event("Normal", event)
                conds[i] = new_cond
                # keep Ready last (issue #16961)
                conds.append(conds.pop(i))
                return
        new_cond["lastTransitionTime"] = _ts(now)
        conds.append(new_cond)

    # ------------------------------------------------------------------ posting

    def sync(self) -> bool:
        """``updateNodeStatus``: compute the status and post it if it changed or is due.

        Returns whether a status was posted.
        """
        if not self._running:
            return False
        for _ in range(NODE_STATUS_UPDATE_RETRY):
            try:
                return self._try_update()
            except Conflict as e:
                self.errors.append(f"Error updating node status, will retry: {e}")
            except StatusError as e:
                self.errors.append(f"Error updating node status, will retry: {e}")
                return False
        self.errors.append("update node status exceeds retry count")
        return False

    def _try_update(self) -> bool:
        try:
            node = self.api.get("nodes", self.node_name, None).to_dict()
        except NotFound as e:
            raise NotFound(f'error getting node "{self.node_name}": {e}') from None
        original_status = _copy(node.get("status") or {})
        self._set_status(node)
        now = self.clock.now()
        if (
            self._last_report is not None
            and now < self._last_report + self.config.node_status_report_frequency
            and not _status_changed(original_status, node["status"])
        ):
            return False
        self.api.update(node, subresource="status")
        self._last_report = now
        return True

    def node(self) -> Any:
        """The Node as the API server has it now."""
        return self.api.get("nodes", self.node_name, None)


def _uuid_from(rng: random.Random) -> str:
    import uuid

    return str(uuid.UUID(int=rng.getrandbits(128), version=4))


def _copy(d: Any) -> Any:
    if isinstance(d, dict):
        return {k: _copy(v) for k, v in d.items()}
    if isinstance(d, list):
        return [_copy(v) for v in d]
    return d


def _status_changed(old: dict[str, Any], new: dict[str, Any]) -> bool:
    """``nodeStatusHasChanged``: any difference but the conditions' ``lastHeartbeatTime``."""

    def strip(st: dict[str, Any]) -> dict[str, Any]:
        st = _copy(st)
        conds = sorted(st.pop("conditions", None) or [], key=lambda c: c.get("type", ""))
        for c in conds:
            c.pop("lastHeartbeatTime", None)
        st["conditions"] = conds
        return st

    return strip(old) != strip(new)


# ----------------------------------------------------------------------------------------------
# Node operations, as kubectl label / taint / cordon do them
# ----------------------------------------------------------------------------------------------


class NodeOperationError(SandboxError):
    """A refusal kubectl itself gives (printed as ``error: <message>``)."""


@dataclass
class NodeChange:
    """What a node operation did: the Node after it, and kubectl's word for it.

    ``message`` is the line kubectl prints, e.g. ``node/node-2 tainted``; ``warnings`` are extra
    lines kubectl prints before it (``label "x" not found.``).
    """

    node: Any
    operation: str
    message: str
    warnings: list[str]

    def __str__(self) -> str:
        return self.message


_EFFECTS = ("NoSchedule", "PreferNoSchedule", "NoExecute")


def taint_to_string(t: dict[str, Any]) -> str:
    """``Taint.ToString``: ``key=value:effect``, ``key:effect``, ``key=value`` or ``key``."""
    key, value, effect = t.get("key", ""), t.get("value") or "", t.get("effect") or ""
    if not value and not effect:
        return key
    if not value:
        return f"{key}:{effect}"
    if not effect:
        return f"{key}={value}"
    return f"{key}={value}:{effect}"


def parse_taint(spec: str) -> dict[str, Any]:
    """kubectl's ``parseTaint``: ``key=value:effect``, ``key:effect`` or ``key``."""
    from sandbox.api.validation.names import is_qualified_name, is_valid_label_value

    parts = spec.split(":")
    value = ""
    effect = ""
    if len(parts) == 1:
        key = parts[0]
    elif len(parts) == 2:
        effect = parts[1]
        if effect not in _EFFECTS:
            raise NodeOperationError(f"invalid taint effect: {effect}, unsupported taint effect")
        kv = parts[0].split("=")
        if len(kv) > 2:
            raise NodeOperationError(f"invalid taint spec: {spec}")
        key = kv[0]
        if len(kv) == 2:
            value = kv[1]
            errs = is_valid_label_value(value)
            if errs:
                raise NodeOperationError(f"invalid taint spec: {spec}, {'; '.join(errs)}")
    else:
        raise NodeOperationError(f"invalid taint spec: {spec}")
    errs = is_qualified_name(key)
    if errs:
        raise NodeOperationError(f"invalid taint spec: {spec}, {'; '.join(errs)}")
    taint: dict[str, Any] = {"key": key}
    if value:
        taint["value"] = value
    if effect:
        taint["effect"] = effect
    return taint


def parse_taints(specs: Iterable[str]) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """kubectl's ``ParseTaints``: taints to add and taints to remove (``key:effect-``, ``key-``)."""
    add: list[dict[str, Any]] = []
    remove: list[dict[str, Any]] = []
    seen: set[tuple[str, str]] = set()
    for spec in specs:
        if spec.endswith("-"):
            t = parse_taint(spec[:-1])
            remove.append({k: v for k, v in t.items() if k in ("key", "effect")})
            continue
        t = parse_taint(spec)
        if not t.get("effect"):
            raise NodeOperationError(f"invalid taint spec: {spec}")
        k = (t["key"], t["effect"])
        if k in seen:
            raise NodeOperationError(
                f"duplicated taints with the same key and effect: {_go_taint(t)}"
            )
        seen.add(k)
        add.append(t)
    return add, remove


def _go_taint(t: dict[str, Any]) -> str:
    """A Taint printed with Go's ``%v``: ``{key value effect <nil>}``."""
    return f"{{{t.get('key', '')} {t.get('value', '')} {t.get('effect', '')} <nil>}}"


def parse_labels(specs: Iterable[str]) -> tuple[dict[str, str], list[str]]:
    """kubectl's ``parseLabels``: ``key=value`` to set, ``key-`` to remove."""
    from sandbox.api.validation.names import is_valid_label_value

    labels: dict[str, str] = {}
    remove: list[str] = []
    for spec in specs:
        if "=" in spec:
            parts = spec.split("=")
            if len(parts) != 2:
                raise NodeOperationError(f"invalid label spec: {spec}")
            errs = is_valid_label_value(parts[1])
            if errs:
                raise NodeOperationError(f'invalid label value: "{spec}": {";".join(errs)}')
            labels[parts[0]] = parts[1]
        elif spec.endswith("-"):
            remove.append(spec[:-1])
        else:
            raise NodeOperationError(f"unknown label spec: {spec}")
    for key in remove:
        if key in labels:
            raise NodeOperationError("can not both modify and remove a label in the same command")
    return labels, remove


def _update_node(
    api: Any, node_name: str, mutate: Callable[[dict[str, Any]], Any], retries: int = 5
) -> tuple[Any, Any]:
    """Get the Node, ``mutate`` its dict, update it; retry on ``409 Conflict``.

    ``mutate`` returns a value passed back to the caller, or raises to refuse. Nothing is written
    when the dict is unchanged.
    """
    last: Conflict | None = None
    for _ in range(retries):
        current = api.get("nodes", node_name, None)
        d = current.to_dict()
        before = _copy(d)
        result = mutate(d)
        if d == before:
            return current, result
        try:
            return api.update(d), result
        except Conflict as e:
            last = e
    assert last is not None
    raise last


def label_node(api: Any, node_name: str, *specs: str, overwrite: bool = False) -> NodeChange:
    """``kubectl label node NAME key=value key2-``. Messages as kubectl prints them."""
    labels, remove = parse_labels(specs)
    warnings: list[str] = []

    def mutate(d: dict[str, Any]) -> None:
        meta = d.setdefault("metadata", {})
        current = dict(meta.get("labels") or {})
        if not overwrite:
            errs = [
                f"'{k}' already has a value ({current[k]}), and --overwrite is false"
                for k in labels
                if k in current
            ]
            if errs:
                raise NodeOperationError(errs[0] if len(errs) == 1 else "[" + ", ".join(errs) + "]")
        warnings.clear()
        current.update(labels)
        for k in remove:
            if k not in current:
                warnings.append(f'label "{k}" not found.')
            current.pop(k, None)
        meta["labels"] = current

    before = api.get("nodes", node_name, None).metadata.labels or {}
    node, _ = _update_node(api, node_name, mutate)
    after = node.metadata.labels or {}
    if after == before:
        op = "not labeled"
    elif remove and not labels:
        op = "unlabeled"
    else:
        op = "labeled"
    return NodeChange(node, op, f"node/{node_name} {op}", warnings)


def taint_node(api: Any, node_name: str, *specs: str, overwrite: bool = False) -> NodeChange:
    """``kubectl taint node NAME key=value:NoSchedule key:NoExecute-``."""
    add, remove = parse_taints(specs)
    op_box: list[str] = []

    def mutate(d: dict[str, Any]) -> None:
        spec = d.setdefault("spec", {})
        old = [dict(t) for t in spec.get("taints") or []]
        if not overwrite:
            exists = [t["key"] for t in add for o in old if o["key"] == t["key"] and o.get("effect") == t["effect"]]
            if exists:
                raise NodeOperationError(
                    f"Node {node_name} already has {','.join(exists)} taint(s) with same effect(s) and --overwrite is false"
                )
        new = [dict(t) for t in add]
        for o in old:  # addTaints: keep the old ones not matched (same key and effect)
            if not any(n["key"] == o["key"] and n.get("effect") == o.get("effect") for n in new):
                new.append(o)
        added = len(old) != len(new)
        errs: list[str] = []
        deleted = False
        for r in remove:
            before = len(new)
            if r.get("effect"):
                new = [t for t in new if not (t["key"] == r["key"] and t.get("effect") == r["effect"])]
            else:
                new = [t for t in new if t["key"] != r["key"]]
            deleted = len(new) != before
            if not deleted:
                errs.append(f'taint "{taint_to_string(r)}" not found')
        if errs:
            raise NodeOperationError(errs[0] if len(errs) == 1 else "[" + ", ".join(errs) + "]")
        if (added and deleted) or overwrite:
            op = "modified"
        elif added:
            op = "tainted"
        else:
            op = "untainted"
        op_box[:] = [op]
        if new:
            spec["taints"] = new
        else:
            spec.pop("taints", None)

    node, _ = _update_node(api, node_name, mutate)
    op = op_box[0] if op_box else "untainted"
    return NodeChange(node, op, f"node/{node_name} {op}", [])


def reconcile_unschedulable_taint(api: Any, clock: Any, node_name: str) -> Any:
    """The node lifecycle controller's ``doNoScheduleTaintingPass`` for ``spec.unschedulable``:
    add ``node.kubernetes.io/unschedulable:NoSchedule`` (with ``timeAdded``) to a cordoned node,
    remove it from an uncordoned one. Returns the Node.
    """

    def mutate(d: dict[str, Any]) -> None:
        spec = d.setdefault("spec", {})
        taints = [dict(t) for t in spec.get("taints") or []]
        has = any(t["key"] == TAINT_UNSCHEDULABLE and t.get("effect") == "NoSchedule" for t in taints)
        if spec.get("unschedulable") and not has:
            taints.append({"effect": "NoSchedule", "key": TAINT_UNSCHEDULABLE, "timeAdded": _ts(clock.now())})
        elif not spec.get("unschedulable") and has:
            taints = [t for t in taints if not (t["key"] == TAINT_UNSCHEDULABLE and t.get("effect") == "NoSchedule")]
        if taints:
            spec["taints"] = taints
        else:
            spec.pop("taints", None)

    node, _ = _update_node(api, node_name, mutate)
    return node


def _set_unschedulable(api: Any, clock: Any, node_name: str, value: bool) -> NodeChange:
    word = "cordoned" if value else "uncordoned"

    def mutate(d: dict[str, Any]) -> bool:
        spec = d.setdefault("spec", {})
        if bool(spec.get("unschedulable")) == value:
            return False
        if value:
            spec["unschedulable"] = True
        else:
            spec.pop("unschedulable", None)
        return True

    _, changed = _update_node(api, node_name, mutate)
    node = reconcile_unschedulable_taint(api, clock, node_name)
    if not changed:
        return NodeChange(node, f"already {word}", f"node/{node_name} already {word}", [])
    return NodeChange(node, word, f"node/{node_name} {word}", [])


def cordon_node(api: Any, clock: Any, node_name: str) -> NodeChange:
    """``kubectl cordon``: ``spec.unschedulable: true``, then the unschedulable taint."""
    return _set_unschedulable(api, clock, node_name, True)


def uncordon_node(api: Any, clock: Any, node_name: str) -> NodeChange:
    """``kubectl uncordon``: clear ``spec.unschedulable`` and the unschedulable taint."""
    return _set_unschedulable(api, clock, node_name, False)
