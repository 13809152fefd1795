"""The in-tree plugins of the default profile (``pkg/scheduler/framework/plugins``), one module each."""

from sandbox.scheduler.plugins.image_locality import ImageLocality
from sandbox.scheduler.plugins.inter_pod_affinity import InterPodAffinity
from sandbox.scheduler.plugins.node_affinity import NodeAffinity
from sandbox.scheduler.plugins.node_name import NodeName
from sandbox.scheduler.plugins.node_ports import NodePorts
from sandbox.scheduler.plugins.node_resources_fit import BalancedAllocation, NodeResourcesFit
from sandbox.scheduler.plugins.node_unschedulable import NodeUnschedulable
from sandbox.scheduler.plugins.pod_topology_spread import PodTopologySpread
from sandbox.scheduler.plugins.scheduling_gates import SchedulingGates
from sandbox.scheduler.plugins.taint_toleration import TaintToleration

__all__ = [
    "SchedulingGates",
    "NodeUnschedulable",
    "NodeName",
    "TaintToleration",
    "NodeAffinity",
    "NodePorts",
    "NodeResourcesFit",
    "BalancedAllocation",
    "PodTopologySpread",
    "InterPodAffinity",
    "ImageLocality",
    "default_plugins",
]


def default_plugins() -> list:
    """The default profile, in ``default_plugins.go``'s order (which is the order filters run in)."""
    return [
        SchedulingGates(),
        NodeUnschedulable(),
        NodeName(),
        TaintToleration(),
        NodeAffinity(),
        NodePorts(),
        NodeResourcesFit(),
        PodTopologySpread(),
        InterPodAffinity(),
        BalancedAllocation(),
        ImageLocality(),
    ]
