"""The scheduling framework (``pkg/scheduler/framework``): statuses, plugins and how they run.

A profile is a list of plugins. For each pod the framework runs every plugin's ``pre_filter``
once, then ``filter`` per node (stopping at the first plugin that rejects the node, as the real
framework does), then ``pre_score``/``score``/``normalize_score`` on the nodes that passed. A plugin
whose ``pre_filter`` (``pre_score``) returns :data:`SKIP` is not asked about single nodes.

:class:`FitError` assembles the ``0/3 nodes are available: ...`` message exactly as
``FitError.Error()`` does: reasons counted per node, sorted as strings, then the PostFilter
(preemption) message.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from enum import IntEnum
from typing import Any

__all__ = [
    "Code",
    "Status",
    "SKIP",
    "CycleState",
    "PreFilterResult",
    "Diagnosis",
    "FitError",
    "Plugin",
    "Event",
    "MAX_NODE_SCORE",
    "NO_NODE_AVAILABLE_MSG",
    "ERR_NO_NODES_AVAILABLE",
]

#: ``framework.MaxNodeScore``.
MAX_NODE_SCORE = 100
NO_NODE_AVAILABLE_MSG = "0/{} nodes are available"
#: ``scheduler.ErrNoNodesAvailable``.
ERR_NO_NODES_AVAILABLE = "no nodes available to schedule pods"


class Code(IntEnum):
    """``framework.Code``."""

    SUCCESS = 0
    ERROR = 1
    UNSCHEDULABLE = 2
    UNSCHEDULABLE_AND_UNRESOLVABLE = 3
    WAIT = 4
    SKIP = 5
    PENDING = 6


class Status:
    """``framework.Status``: a code, the reasons (one message per reason) and the plugin."""

    __slots__ = ("code", "reasons", "plugin")

    def __init__(self, code: Code, *reasons: str, plugin: str = "") -> None:
        self.code = code
        self.reasons = list(reasons)
        self.plugin = plugin

    def message(self) -> str:
        """``Status.Message()``: the reasons joined with ``", "``."""
        return ", ".join(self.reasons)

    def is_success(self) -> bool:
        return self.code == Code.SUCCESS

    def is_skip(self) -> bool:
        return self.code == Code.SKIP

    def is_rejected(self) -> bool:
        return self.code in (Code.UNSCHEDULABLE, Code.UNSCHEDULABLE_AND_UNRESOLVABLE, Code.PENDING)

    def with_plugin(self, plugin: str) -> Status:
        self.plugin = plugin
        return self

    def __repr__(self) -> str:
        return f"Status({self.code.name}, {self.reasons!r}, plugin={self.plugin!r})"


#: The status a plugin returns from ``pre_filter``/``pre_score`` to sit this pod out.
SKIP = Status(Code.SKIP)


class CycleState(dict):  # type: ignore[type-arg]
    """Per-pod scratch space the plugins share during one scheduling cycle."""

    def __init__(self) -> None:
        super().__init__()
        self.skip_filter: set[str] = set()
        self.skip_score: set[str] = set()


@dataclass
class PreFilterResult:
    """``framework.PreFilterResult``: ``node_names`` None means all nodes."""

    node_names: set[str] | None = None

    def merge(self, other: PreFilterResult | None) -> PreFilterResult:
        if other is None or other.node_names is None:
            return self
        if self.node_names is None:
            return PreFilterResult(set(other.node_names))
        return PreFilterResult(self.node_names & other.node_names)


@dataclass
class Diagnosis:
    """``framework.Diagnosis``: why each node was rejected, and by which plugins."""

    node_to_status: dict[str, Status] = field(default_factory=dict)
    absent_nodes_status: Status | None = None
    unschedulable_plugins: set[str] = field(default_factory=set)
    pre_filter_msg: str = ""
    post_filter_msg: str = ""


@dataclass
class FitError:
    """``framework.FitError``: the pod fits on none of ``num_all_nodes`` nodes."""

    pod: Any
    num_all_nodes: int
    diagnosis: Diagnosis

    def status_of(self, node_name: str) -> Status | None:
        st = self.diagnosis.node_to_status.get(node_name)
        return st if st is not None else self.diagnosis.absent_nodes_status

    def error(self) -> str:
        """``FitError.Error()``, word for word."""
        msg = NO_NODE_AVAILABLE_MSG.format(self.num_all_nodes) + ":"
        d = self.diagnosis
        if d.pre_filter_msg:
            msg += f" {d.pre_filter_msg}."
        else:
            counts: dict[str, int] = {}
            for st in d.node_to_status.values():
                for r in st.reasons:
                    counts[r] = counts.get(r, 0) + 1
            absent = self.num_all_nodes - len(d.node_to_status)
            if absent > 0 and d.absent_nodes_status is not None:
                for r in d.absent_nodes_status.reasons:
                    counts[r] = counts.get(r, 0) + absent
            parts = sorted(f"{v} {k}" for k, v in counts.items())
            if parts:
                msg += " " + ", ".join(parts) + "."
        if d.post_filter_msg:
            msg += " " + d.post_filter_msg
        return msg

    __str__ = error


@dataclass(frozen=True)
class Event:
    """A cluster event that may make a rejected pod schedulable (``framework.ClusterEvent``).

    ``resource``: ``Node``, ``AssignedPod``, ``UnscheduledPod`` or ``*``; ``action``: ``Add``,
    ``Delete``, ``UpdateNodeLabel``, ``UpdateNodeTaint``, ``UpdateNodeAllocatable``,
    ``UpdateNodeUnschedulable``, ``UpdatePodLabel``, ``UpdatePodToleration``,
    ``UpdatePodSchedulingGatesEliminated``, ``Update`` ...
    """

    resource: str
    action: str


class Plugin:
    """Base of the in-tree plugins. Override what the plugin implements.

    ``events`` lists the cluster events (resource, actions) after which a pod this plugin rejected
    is worth retrying, as ``EventsToRegister`` does.
    """

    name = ""
    weight = 0
    events: tuple[tuple[str, frozenset[str]], ...] = ()

    def pre_filter(self, state: CycleState, pod: Any, snapshot: Any) -> tuple[PreFilterResult | None, Status | None]:
        return None, None

    def filter(self, state: CycleState, pod: Any, node: Any) -> Status | None:
        return None

    def pre_score(self, state: CycleState, pod: Any, nodes: list[Any], snapshot: Any) -> Status | None:
        return None

    def score(self, state: CycleState, pod: Any, node: Any) -> int:
        return 0

    def normalize_score(self, state: CycleState, pod: Any, scores: list[int]) -> None:
        return None

    def interested_in(self, event: Event) -> bool:
        """Whether ``event`` may make a pod this plugin rejected schedulable."""
        for resource, actions in self.events:
            matches = resource in (event.resource, "*") or (resource == "Pod" and event.resource.endswith("Pod"))
            if matches and ("*" in actions or event.action in actions):
                return True
        return False

    def has(self, point: str) -> bool:
        """Whether the plugin implements extension point ``point`` (``filter``, ``score`` ...)."""
        return getattr(type(self), point) is not getattr(Plugin, point)


def default_normalize_score(scores: list[int], reverse: bool, max_priority: int = MAX_NODE_SCORE) -> None:
    """``helper.DefaultNormalizeScore``: scale to 0..max by the highest score (reversed if asked)."""
    max_count = max(scores, default=0)
    if max_count == 0:
        if reverse:
            for i in range(len(scores)):
                scores[i] = max_priority
        return
    for i, s in enumerate(scores):
        s = max_priority * s // max_count
        scores[i] = max_priority - s if reverse else s


def names(plugins: Iterable[Plugin]) -> list[str]:
    return [p.name for p in plugins]
