"""One scheduling attempt (``pkg/scheduler/schedule_one.go``): filter, score, pick, or explain why not.

:func:`schedule_pod` is ``SchedulePod``: PreFilter, then Filter on the nodes (starting where the
previous attempt stopped, and stopping once enough feasible nodes are found, as
``numFeasibleNodesToFind`` says), then PreScore/Score/NormalizeScore with the plugin weights, and
``selectHost``: the highest total wins, ties broken by reservoir sampling with the scheduler's
seeded random generator. When nothing fits it returns a :class:`FitError` whose message carries
the preemption verdict (:func:`preemption_message`).
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from typing import Any

from sandbox.scheduler.framework import (
    ERR_NO_NODES_AVAILABLE,
    Code,
    CycleState,
    Diagnosis,
    FitError,
    Plugin,
    PreFilterResult,
    Status,
)
from sandbox.scheduler.plugins.pod_topology_spread import PodTopologySpread

__all__ = [
    "ScheduleResult",
    "Profile",
    "schedule_pod",
    "num_feasible_nodes_to_find",
    "preemption_message",
    "MIN_FEASIBLE_NODES_TO_FIND",
]

MIN_FEASIBLE_NODES_TO_FIND = 100
MIN_FEASIBLE_NODES_PERCENTAGE_TO_FIND = 5
PREEMPTION_NOT_HELPFUL = "Preemption is not helpful for scheduling"
NO_PREEMPTION_VICTIMS = "No preemption victims found for incoming pod"


def num_feasible_nodes_to_find(num_all_nodes: int, percentage: int = 0) -> int:
    """``numFeasibleNodesToFind``: all nodes below 100; else an adaptive share, at least 100."""
    if num_all_nodes < MIN_FEASIBLE_NODES_TO_FIND:
        return num_all_nodes
    if percentage == 0:
        percentage = 50 - num_all_nodes // 125
        if percentage < MIN_FEASIBLE_NODES_PERCENTAGE_TO_FIND:
            percentage = MIN_FEASIBLE_NODES_PERCENTAGE_TO_FIND
    n = num_all_nodes * percentage // 100
    return max(n, MIN_FEASIBLE_NODES_TO_FIND)


class Profile:
    """A scheduling profile: the plugins, grouped by extension point, in order."""

    def __init__(self, plugins: list[Plugin], name: str = "default-scheduler") -> None:
        self.name = name
        self.plugins = plugins
        self.by_name = {p.name: p for p in plugins}
        self.pre_enqueue = [p for p in plugins if hasattr(p, "pre_enqueue")]
        self.pre_filter = [p for p in plugins if p.has("pre_filter")]
        self.filter = [p for p in plugins if p.has("filter")]
        self.pre_score = [p for p in plugins if p.has("pre_score") and p.weight]
        self.score = [p for p in plugins if p.has("score") and p.weight]


@dataclass
class ScheduleResult:
    """What one attempt found: a node, or why none."""

    node: str | None = None
    fit_error: FitError | None = None
    error: str | None = None
    evaluated_nodes: int = 0
    feasible_nodes: int = 0
    scores: dict[str, int] = field(default_factory=dict)
    unschedulable_plugins: set[str] = field(default_factory=set)

    def message(self) -> str:
        """The text of the PodScheduled condition and the FailedScheduling event."""
        if self.fit_error is not None:
            return self.fit_error.error()
        return self.error or ""


def _run_pre_filter(profile: Profile, state: CycleState, pod: Any, snapshot: Any,
                    diagnosis: Diagnosis) -> tuple[PreFilterResult, Status | None]:
    result = PreFilterResult()
    with_nodes: list[str] = []
    for pl in profile.pre_filter:
        r, st = pl.pre_filter(state, pod, snapshot)
        if st is not None and st.is_skip():
            state.skip_filter.add(pl.name)
            continue
        if st is not None and not st.is_success():
            st.plugin = pl.name
            diagnosis.unschedulable_plugins.add(pl.name)
            return result, st
        if r is not None and r.node_names is not None:
            with_nodes.append(pl.name)
        result = result.merge(r)
        if result.node_names is not None and not result.node_names:
            if len(with_nodes) == 1:
                msg = f"node(s) didn't satisfy plugin {with_nodes[0]}"
            else:
                msg = f"node(s) didn't satisfy plugin(s) [{' '.join(with_nodes)}] simultaneously"
            diagnosis.unschedulable_plugins.update(with_nodes)
            return result, Status(Code.UNSCHEDULABLE, msg, plugin=pl.name)
    diagnosis.unschedulable_plugins.update(with_nodes)
    return result, None


def run_filters(profile: Profile, state: CycleState, pod: Any, node: Any) -> Status | None:
    """``RunFilterPlugins``: the first plugin that rejects the node, with its reasons."""
    for pl in profile.filter:
        if pl.name in state.skip_filter:
            continue
        st = pl.filter(state, pod, node)
        if st is not None and not st.is_success():
            st.plugin = pl.name
            return st
    return None


def schedule_pod(profile: Profile, snapshot: Any, pod: Any, rng: random.Random | None = None,
                 start_index: int = 0, find_all: bool = False, percentage: int = 0) -> tuple[ScheduleResult, int]:
    """``SchedulePod``. Returns the result and the next start index into the node list.

    ``find_all`` examines every node (for explanations) instead of stopping early.
    """
    all_nodes = snapshot.node_list
    n_all = len(all_nodes)
    if n_all == 0:
        return ScheduleResult(error=ERR_NO_NODES_AVAILABLE), start_index
    state = CycleState()
    diagnosis = Diagnosis()
    pre, st = _run_pre_filter(profile, state, pod, snapshot, diagnosis)
    if st is not None:
        if not st.is_rejected():
            return ScheduleResult(error=st.message()), start_index
        for n in all_nodes:
            diagnosis.node_to_status[n.name] = st
        diagnosis.pre_filter_msg = st.message()
        fe = FitError(pod, n_all, diagnosis)
        fe.diagnosis.post_filter_msg = preemption_message(pod, fe, snapshot)
        return ScheduleResult(fit_error=fe, unschedulable_plugins=set(diagnosis.unschedulable_plugins)), start_index

    nodes = all_nodes
    if pre.node_names is not None:
        nodes = [n for n in all_nodes if n.name in pre.node_names]
        diagnosis.absent_nodes_status = Status(
            Code.UNSCHEDULABLE_AND_UNRESOLVABLE,
            f"node(s) didn't satisfy plugin(s) [{' '.join(sorted(diagnosis.unschedulable_plugins))}]")
    n = len(nodes)
    to_find = n if find_all else num_feasible_nodes_to_find(n, percentage)
    feasible: list[Any] = []
    filters = [pl for pl in profile.filter if pl.name not in state.skip_filter]
    statuses = diagnosis.node_to_status
    for i in range(n):
        node = nodes[(start_index + i) % n]
        rejected = None
        for pl in filters:
            s = pl.filter(state, pod, node)
            if s is not None and s.code != Code.SUCCESS:
                s.plugin = pl.name
                rejected = s
                break
        if rejected is None:
            feasible.append(node)
            if len(feasible) >= to_find:
                break
        else:
            statuses[node.name] = rejected
            diagnosis.unschedulable_plugins.add(rejected.plugin)
    processed = len(feasible) + len(statuses)
    next_start = (start_index + processed) % n_all
    result = ScheduleResult(evaluated_nodes=processed, feasible_nodes=len(feasible),
                            unschedulable_plugins=set(diagnosis.unschedulable_plugins))
    if not feasible:
        fe = FitError(pod, n_all, diagnosis)
        fe.diagnosis.post_filter_msg = preemption_message(pod, fe, snapshot)
        result.fit_error = fe
        return result, next_start
    if len(feasible) == 1:
        result.node = feasible[0].name
        return result, next_start
    totals = prioritize(profile, state, pod, feasible, snapshot)
    result.scores = dict(zip((f.name for f in feasible), totals, strict=False))
    result.node = select_host([f.name for f in feasible], totals, rng or random.Random(0))
    return result, next_start


def prioritize(profile: Profile, state: CycleState, pod: Any, nodes: list[Any], snapshot: Any) -> list[int]:
    """``prioritizeNodes``: each plugin's normalised score times its weight, summed per node."""
    totals = [0] * len(nodes)
    names = [n.name for n in nodes]
    for pl in profile.pre_score:
        st = pl.pre_score(state, pod, nodes, snapshot)
        if st is not None and st.is_skip():
            state.skip_score.add(pl.name)
    for pl in profile.score:
        if pl.name in state.skip_score:
            continue
        scores = [pl.score(state, pod, n) for n in nodes]
        if isinstance(pl, PodTopologySpread):
            pl.normalize_named(state, pod, names, scores)
        else:
            pl.normalize_score(state, pod, scores)
        w = pl.weight
        for i, s in enumerate(scores):
            totals[i] += s * w
    return totals


def select_host(names: list[str], scores: list[int], rng: random.Random) -> str:
    """``selectHost``: the highest score; among equals, each is equally likely (reservoir sampling)."""
    best = names[0]
    best_score = scores[0]
    count = 1
    for name, s in zip(names[1:], scores[1:], strict=False):
        if s > best_score:
            best, best_score, count = name, s, 1
        elif s == best_score:
            count += 1
            if rng.randrange(count) == 0:
                best = name
    return best


def preemption_message(pod: Any, fe: FitError, snapshot: Any) -> str:
    """DefaultPreemption's PostFilter message, when preemption cannot place the pod.

    A node rejected as unresolvable (taints, affinity, cordoned, a request bigger than the node)
    is one where ``Preemption is not helpful for scheduling``; on the others the dry run looks for
    pods of lower priority to evict, and with every pod at priority 0 (no PriorityClasses in the
    sandbox) there are none: ``No preemption victims found for incoming pod``.
    """
    if pod.preemption_policy == "Never":
        return "preemption: not eligible due to preemptionPolicy=Never."
    statuses: dict[str, Status] = {}
    for node in snapshot.node_list:
        st = fe.status_of(node.name)
        if st is None or st.code == Code.UNSCHEDULABLE_AND_UNRESOLVABLE:
            statuses[node.name] = Status(Code.UNSCHEDULABLE_AND_UNRESOLVABLE, PREEMPTION_NOT_HELPFUL)
        else:
            # Victims would be pods of lower priority; evicting them is not simulated (see docstring).
            statuses[node.name] = Status(Code.UNSCHEDULABLE_AND_UNRESOLVABLE, NO_PREEMPTION_VICTIMS)
    inner = FitError(pod, len(statuses), Diagnosis(node_to_status=statuses))
    return "preemption: " + inner.error()
