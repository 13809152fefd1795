"""core/v1 scheduling constraints: ``Affinity``, ``Toleration``, ``TopologySpreadConstraint``.

Field names are the Kubernetes JSON names; every field is optional (``None`` = absent).
Field lists and descriptions follow ``k8s.io/api`` (Kubernetes 1.34).
"""

from __future__ import annotations

from typing import ClassVar, Optional

from pydantic import Field

from sandbox.api.base import Int32, Int64, K8sModel
from sandbox.api.meta import LabelSelector

__all__ = [
    "NodeSelectorRequirement",
    "NodeSelectorTerm",
    "PreferredSchedulingTerm",
    "NodeSelector",
    "NodeAffinity",
    "PodAffinityTerm",
    "WeightedPodAffinityTerm",
    "PodAffinity",
    "PodAntiAffinity",
    "Affinity",
    "Toleration",
    "TopologySpreadConstraint",
]


class NodeSelectorRequirement(K8sModel):
    """``NodeSelectorRequirement`` (core/v1): see ``kubectl explain``."""

    _go_field_types: ClassVar[dict[str, str]] = {'operator': 'v1.NodeSelectorOperator'}

    key: Optional[str] = Field(None, description="The label key that the selector applies to.")
    operator: Optional[str] = Field(None, description="Represents a key's relationship to a set of values. Valid operators are In, NotIn, Exists, DoesNotExist. Gt, and Lt.")
    values: Optional[list[str]] = Field(None, description="An array of string values. If the operator is In or NotIn, the values array must be non-empty. If the operator is Exists or DoesNotExist, the values array must be empty. If the operator is Gt or Lt, the values array must have a single element, which will be interpreted as an integer. This array is replaced during a strategic merge patch.")


class NodeSelectorTerm(K8sModel):
    """``NodeSelectorTerm`` (core/v1): see ``kubectl explain``."""

    matchExpressions: Optional[list[NodeSelectorRequirement]] = Field(None, description="A list of node selector requirements by node's labels.")
    matchFields: Optional[list[NodeSelectorRequirement]] = Field(None, description="A list of node selector requirements by node's fields.")


class PreferredSchedulingTerm(K8sModel):
    """``PreferredSchedulingTerm`` (core/v1): see ``kubectl explain``."""

    preference: Optional[NodeSelectorTerm] = Field(None, description=":return: The preference of this V1PreferredSchedulingTerm.   :rtype: V1NodeSelectorTerm \"\"\" return self._preference  @preference.setter def preference(self, preference): \"\"\"Sets the preference of this V1PreferredSchedulingTerm.   :param preference: The preference of this V1PreferredSchedulingTerm.   :type: V1NodeSelectorTerm \"\"\" if self.local_vars_configuration.client_side_validation and preference is None:   raise ValueError(\"Invalid value for `preference`, must not be `None`\")    self._preference = preference  @property def weight(self): \"\"\"Gets the weight of this V1PreferredSchedulingTerm.    Weight associated with matching the corresponding nodeSelectorTerm, in the range 1-100.")
    weight: Optional[Int32] = Field(None, description="Weight associated with matching the corresponding nodeSelectorTerm, in the range 1-100.")


class NodeSelector(K8sModel):
    """``NodeSelector`` (core/v1): see ``kubectl explain``."""

    nodeSelectorTerms: Optional[list[NodeSelectorTerm]] = Field(None, description="Required. A list of node selector terms. The terms are ORed.")


class NodeAffinity(K8sModel):
    """``NodeAffinity`` (core/v1): see ``kubectl explain``."""

    preferredDuringSchedulingIgnoredDuringExecution: Optional[list[PreferredSchedulingTerm]] = Field(None, description="The scheduler will prefer to schedule pods to nodes that satisfy the affinity expressions specified by this field, but it may choose a node that violates one or more of the expressions. The node that is most preferred is the one with the greatest sum of weights, i.e. for each node that meets all of the scheduling requirements (resource request, requiredDuringScheduling affinity expressions, etc.), compute a sum by iterating through the elements of this field and adding \\\"weight\\\" to the sum if the node matches the corresponding matchExpressions; the node(s) with the highest sum are the most preferred.")
    requiredDuringSchedulingIgnoredDuringExecution: Optional[NodeSelector] = Field(None, description="")


class PodAffinityTerm(K8sModel):
    """``PodAffinityTerm`` (core/v1): see ``kubectl explain``."""

    labelSelector: Optional[LabelSelector] = Field(None, description=":return: The label_selector of this V1PodAffinityTerm.   :rtype: V1LabelSelector \"\"\" return self._label_selector  @label_selector.setter def label_selector(self, label_selector): \"\"\"Sets the label_selector of this V1PodAffinityTerm.   :param label_selector: The label_selector of this V1PodAffinityTerm.   :type: V1LabelSelector \"\"\"  self._label_selector = label_selector  @property def match_label_keys(self): \"\"\"Gets the match_label_keys of this V1PodAffinityTerm.    MatchLabelKeys is a set of pod label keys to select which pods will be taken into consideration. The keys are used to lookup values from the incoming pod labels, those key-value labels are merged with `labelSelector` as `key in (value)` to select the group of existing pods which pods will be taken into consideration for the incoming pod's pod (anti) affinity. Keys that don't exist in the incoming pod labels will be ignored. The default value is empty. The same key is forbidden to exist in both matchLabelKeys and labelSelector. Also, matchLabelKeys cannot be set when labelSelector isn't set.")
    matchLabelKeys: Optional[list[str]] = Field(None, description="MatchLabelKeys is a set of pod label keys to select which pods will be taken into consideration. The keys are used to lookup values from the incoming pod labels, those key-value labels are merged with `labelSelector` as `key in (value)` to select the group of existing pods which pods will be taken into consideration for the incoming pod's pod (anti) affinity. Keys that don't exist in the incoming pod labels will be ignored. The default value is empty. The same key is forbidden to exist in both matchLabelKeys and labelSelector. Also, matchLabelKeys cannot be set when labelSelector isn't set.")
    mismatchLabelKeys: Optional[list[str]] = Field(None, description="MismatchLabelKeys is a set of pod label keys to select which pods will be taken into consideration. The keys are used to lookup values from the incoming pod labels, those key-value labels are merged with `labelSelector` as `key notin (value)` to select the group of existing pods which pods will be taken into consideration for the incoming pod's pod (anti) affinity. Keys that don't exist in the incoming pod labels will be ignored. The default value is empty. The same key is forbidden to exist in both mismatchLabelKeys and labelSelector. Also, mismatchLabelKeys cannot be set when labelSelector isn't set.")
    namespaceSelector: Optional[LabelSelector] = Field(None, description=":return: The namespace_selector of this V1PodAffinityTerm.   :rtype: V1LabelSelector \"\"\" return self._namespace_selector  @namespace_selector.setter def namespace_selector(self, namespace_selector): \"\"\"Sets the namespace_selector of this V1PodAffinityTerm.   :param namespace_selector: The namespace_selector of this V1PodAffinityTerm.   :type: V1LabelSelector \"\"\"  self._namespace_selector = namespace_selector  @property def namespaces(self): \"\"\"Gets the namespaces of this V1PodAffinityTerm.    namespaces specifies a static list of namespace names that the term applies to. The term is applied to the union of the namespaces listed in this field and the ones selected by namespaceSelector. null or empty namespaces list and null namespaceSelector means \\\"this pod's namespace\\\".")
    namespaces: Optional[list[str]] = Field(None, description="namespaces specifies a static list of namespace names that the term applies to. The term is applied to the union of the namespaces listed in this field and the ones selected by namespaceSelector. null or empty namespaces list and null namespaceSelector means \\\"this pod's namespace\\\".")
    topologyKey: Optional[str] = Field(None, description="This pod should be co-located (affinity) or not co-located (anti-affinity) with the pods matching the labelSelector in the specified namespaces, where co-located is defined as running on a node whose value of the label with key topologyKey matches that of any node on which any of the selected pods is running. Empty topologyKey is not allowed.")


class WeightedPodAffinityTerm(K8sModel):
    """``WeightedPodAffinityTerm`` (core/v1): see ``kubectl explain``."""

    podAffinityTerm: Optional[PodAffinityTerm] = Field(None, description=":return: The pod_affinity_term of this V1WeightedPodAffinityTerm.   :rtype: V1PodAffinityTerm \"\"\" return self._pod_affinity_term  @pod_affinity_term.setter def pod_affinity_term(self, pod_affinity_term): \"\"\"Sets the pod_affinity_term of this V1WeightedPodAffinityTerm.   :param pod_affinity_term: The pod_affinity_term of this V1WeightedPodAffinityTerm.   :type: V1PodAffinityTerm \"\"\" if self.local_vars_configuration.client_side_validation and pod_affinity_term is None:   raise ValueError(\"Invalid value for `pod_affinity_term`, must not be `None`\")    self._pod_affinity_term = pod_affinity_term  @property def weight(self): \"\"\"Gets the weight of this V1WeightedPodAffinityTerm.    weight associated with matching the corresponding podAffinityTerm, in the range 1-100.")
    weight: Optional[Int32] = Field(None, description="weight associated with matching the corresponding podAffinityTerm, in the range 1-100.")


class PodAffinity(K8sModel):
    """``PodAffinity`` (core/v1): see ``kubectl explain``."""

    preferredDuringSchedulingIgnoredDuringExecution: Optional[list[WeightedPodAffinityTerm]] = Field(None, description="The scheduler will prefer to schedule pods to nodes that satisfy the affinity expressions specified by this field, but it may choose a node that violates one or more of the expressions. The node that is most preferred is the one with the greatest sum of weights, i.e. for each node that meets all of the scheduling requirements (resource request, requiredDuringScheduling affinity expressions, etc.), compute a sum by iterating through the elements of this field and adding \\\"weight\\\" to the sum if the node has pods which matches the corresponding podAffinityTerm; the node(s) with the highest sum are the most preferred.")
    requiredDuringSchedulingIgnoredDuringExecution: Optional[list[PodAffinityTerm]] = Field(None, description="If the affinity requirements specified by this field are not met at scheduling time, the pod will not be scheduled onto the node. If the affinity requirements specified by this field cease to be met at some point during pod execution (e.g. due to a pod label update), the system may or may not try to eventually evict the pod from its node. When there are multiple elements, the lists of nodes corresponding to each podAffinityTerm are intersected, i.e. all terms must be satisfied.")


class PodAntiAffinity(K8sModel):
    """``PodAntiAffinity`` (core/v1): see ``kubectl explain``."""

    preferredDuringSchedulingIgnoredDuringExecution: Optional[list[WeightedPodAffinityTerm]] = Field(None, description="The scheduler will prefer to schedule pods to nodes that satisfy the anti-affinity expressions specified by this field, but it may choose a node that violates one or more of the expressions. The node that is most preferred is the one with the greatest sum of weights, i.e. for each node that meets all of the scheduling requirements (resource request, requiredDuringScheduling anti-affinity expressions, etc.), compute a sum by iterating through the elements of this field and subtracting \\\"weight\\\" from the sum if the node has pods which matches the corresponding podAffinityTerm; the node(s) with the highest sum are the most preferred.")
    requiredDuringSchedulingIgnoredDuringExecution: Optional[list[PodAffinityTerm]] = Field(None, description="If the anti-affinity requirements specified by this field are not met at scheduling time, the pod will not be scheduled onto the node. If the anti-affinity requirements specified by this field cease to be met at some point during pod execution (e.g. due to a pod label update), the system may or may not try to eventually evict the pod from its node. When there are multiple elements, the lists of nodes corresponding to each podAffinityTerm are intersected, i.e. all terms must be satisfied.")


class Affinity(K8sModel):
    """Affinity is a group of affinity scheduling rules.

    ``Affinity`` (core/v1); fields as in ``kubectl explain``.
    """

    nodeAffinity: Optional[NodeAffinity] = Field(None, description=":return: The node_affinity of this V1Affinity.   :rtype: V1NodeAffinity \"\"\" return self._node_affinity  @node_affinity.setter def node_affinity(self, node_affinity): \"\"\"Sets the node_affinity of this V1Affinity.   :param node_affinity: The node_affinity of this V1Affinity.   :type: V1NodeAffinity \"\"\"  self._node_affinity = node_affinity  @property def pod_affinity(self): \"\"\"Gets the pod_affinity of this V1Affinity.")
    podAffinity: Optional[PodAffinity] = Field(None, description=":return: The pod_affinity of this V1Affinity.   :rtype: V1PodAffinity \"\"\" return self._pod_affinity  @pod_affinity.setter def pod_affinity(self, pod_affinity): \"\"\"Sets the pod_affinity of this V1Affinity.   :param pod_affinity: The pod_affinity of this V1Affinity.   :type: V1PodAffinity \"\"\"  self._pod_affinity = pod_affinity  @property def pod_anti_affinity(self): \"\"\"Gets the pod_anti_affinity of this V1Affinity.")
    podAntiAffinity: Optional[PodAntiAffinity] = Field(None, description="")


class Toleration(K8sModel):
    """The pod this Toleration is attached to tolerates any taint that matches the triple <key,value,effect> using the matching operator <operator>.

    ``Toleration`` (core/v1); fields as in ``kubectl explain``.
    """

    _go_field_types: ClassVar[dict[str, str]] = {'operator': 'v1.TolerationOperator', 'effect': 'v1.TaintEffect'}

    effect: Optional[str] = Field(None, description="Effect indicates the taint effect to match. Empty means match all taint effects. When specified, allowed values are NoSchedule, PreferNoSchedule and NoExecute.")
    key: Optional[str] = Field(None, description="Key is the taint key that the toleration applies to. Empty means match all taint keys. If the key is empty, operator must be Exists; this combination means to match all values and all keys.")
    operator: Optional[str] = Field(None, description="Operator represents a key's relationship to the value. Valid operators are Exists and Equal. Defaults to Equal. Exists is equivalent to wildcard for value, so that a pod can tolerate all taints of a particular category.")
    tolerationSeconds: Optional[Int64] = Field(None, description="TolerationSeconds represents the period of time the toleration (which must be of effect NoExecute, otherwise this field is ignored) tolerates the taint. By default, it is not set, which means tolerate the taint forever (do not evict). Zero and negative values will be treated as 0 (evict immediately) by the system.")
    value: Optional[str] = Field(None, description="Value is the taint value the toleration matches to. If the operator is Exists, the value should be empty, otherwise just a regular string.")


class TopologySpreadConstraint(K8sModel):
    """``TopologySpreadConstraint`` (core/v1): see ``kubectl explain``."""

    _go_field_types: ClassVar[dict[str, str]] = {'whenUnsatisfiable': 'v1.UnsatisfiableConstraintAction', 'nodeAffinityPolicy': 'v1.NodeInclusionPolicy', 'nodeTaintsPolicy': 'v1.NodeInclusionPolicy'}

    labelSelector: Optional[LabelSelector] = Field(None, description=":return: The label_selector of this V1TopologySpreadConstraint.   :rtype: V1LabelSelector \"\"\" return self._label_selector  @label_selector.setter def label_selector(self, label_selector): \"\"\"Sets the label_selector of this V1TopologySpreadConstraint.   :param label_selector: The label_selector of this V1TopologySpreadConstraint.   :type: V1LabelSelector \"\"\"  self._label_selector = label_selector  @property def match_label_keys(self): \"\"\"Gets the match_label_keys of this V1TopologySpreadConstraint.    MatchLabelKeys is a set of pod label keys to select the pods over which spreading will be calculated. The keys are used to lookup values from the incoming pod labels, those key-value labels are ANDed with labelSelector to select the group of existing pods over which spreading will be calculated for the incoming pod. The same key is forbidden to exist in both MatchLabelKeys and LabelSelector. MatchLabelKeys cannot be set when LabelSelector isn't set. Keys that don't exist in the incoming pod labels will be ignored. A null or empty list means only match against labelSelector.  This is a beta field and requires the MatchLabelKeysInPodTopologySpread feature gate to be enabled (enabled by default).")
    matchLabelKeys: Optional[list[str]] = Field(None, description="MatchLabelKeys is a set of pod label keys to select the pods over which spreading will be calculated. The keys are used to lookup values from the incoming pod labels, those key-value labels are ANDed with labelSelector to select the group of existing pods over which spreading will be calculated for the incoming pod. The same key is forbidden to exist in both MatchLabelKeys and LabelSelector. MatchLabelKeys cannot be set when LabelSelector isn't set. Keys that don't exist in the incoming pod labels will be ignored. A null or empty list means only match against labelSelector.  This is a beta field and requires the MatchLabelKeysInPodTopologySpread feature gate to be enabled (enabled by default).")
    maxSkew: Optional[Int32] = Field(None, description="MaxSkew describes the degree to which pods may be unevenly distributed. When `whenUnsatisfiable=DoNotSchedule`, it is the maximum permitted difference between the number of matching pods in the target topology and the global minimum. The global minimum is the minimum number of matching pods in an eligible domain or zero if the number of eligible domains is less than MinDomains. For example, in a 3-zone cluster, MaxSkew is set to 1, and pods with the same labelSelector spread as 2/2/1: In this case, the global minimum is 1. | zone1 | zone2 | zone3 | |  P P  |  P P  |   P   | - if MaxSkew is 1, incoming pod can only be scheduled to zone3 to become 2/2/2; scheduling it onto zone1(zone2) would make the ActualSkew(3-1) on zone1(zone2) violate MaxSkew(1). - if MaxSkew is 2, incoming pod can be scheduled onto any zone. When `whenUnsatisfiable=ScheduleAnyway`, it is used to give higher precedence to topologies that satisfy it. It's a required field. Default value is 1 and 0 is not allowed.")
    minDomains: Optional[Int32] = Field(None, description="MinDomains indicates a minimum number of eligible domains. When the number of eligible domains with matching topology keys is less than minDomains, Pod Topology Spread treats \\\"global minimum\\\" as 0, and then the calculation of Skew is performed. And when the number of eligible domains with matching topology keys equals or greater than minDomains, this value has no effect on scheduling. As a result, when the number of eligible domains is less than minDomains, scheduler won't schedule more than maxSkew Pods to those domains. If value is nil, the constraint behaves as if MinDomains is equal to 1. Valid values are integers greater than 0. When value is not nil, WhenUnsatisfiable must be DoNotSchedule.  For example, in a 3-zone cluster, MaxSkew is set to 2, MinDomains is set to 5 and pods with the same labelSelector spread as 2/2/2: | zone1 | zone2 | zone3 | |  P P  |  P P  |  P P  | The number of domains is less than 5(MinDomains), so \\\"global minimum\\\" is treated as 0. In this situation, new pod with the same labelSelector cannot be scheduled, because computed skew will be 3(3 - 0) if new Pod is scheduled to any of the three zones, it will violate MaxSkew.")
    nodeAffinityPolicy: Optional[str] = Field(None, description="NodeAffinityPolicy indicates how we will treat Pod's nodeAffinity/nodeSelector when calculating pod topology spread skew. Options are: - Honor: only nodes matching nodeAffinity/nodeSelector are included in the calculations. - Ignore: nodeAffinity/nodeSelector are ignored. All nodes are included in the calculations.  If this value is nil, the behavior is equivalent to the Honor policy.")
    nodeTaintsPolicy: Optional[str] = Field(None, description="NodeTaintsPolicy indicates how we will treat node taints when calculating pod topology spread skew. Options are: - Honor: nodes without taints, along with tainted nodes for which the incoming pod has a toleration, are included. - Ignore: node taints are ignored. All nodes are included.  If this value is nil, the behavior is equivalent to the Ignore policy.")
    topologyKey: Optional[str] = Field(None, description="TopologyKey is the key of node labels. Nodes that have a label with this key and identical values are considered to be in the same topology. We consider each <key, value> as a \\\"bucket\\\", and try to put balanced number of pods into each bucket. We define a domain as a particular instance of a topology. Also, we define an eligible domain as a domain whose nodes meet the requirements of nodeAffinityPolicy and nodeTaintsPolicy. e.g. If TopologyKey is \\\"kubernetes.io/hostname\\\", each Node is a domain of that topology. And, if TopologyKey is \\\"topology.kubernetes.io/zone\\\", each zone is a domain of that topology. It's a required field.")
    whenUnsatisfiable: Optional[str] = Field(None, description="WhenUnsatisfiable indicates how to deal with a pod if it doesn't satisfy the spread constraint. - DoNotSchedule (default) tells the scheduler not to schedule it. - ScheduleAnyway tells the scheduler to schedule the pod in any location,   but giving higher precedence to topologies that would help reduce the   skew. A constraint is considered \\\"Unsatisfiable\\\" for an incoming pod if and only if every possible node assignment for that pod would violate \\\"MaxSkew\\\" on some topology. For example, in a 3-zone cluster, MaxSkew is set to 1, and pods with the same labelSelector spread as 3/1/1: | zone1 | zone2 | zone3 | | P P P |   P   |   P   | If WhenUnsatisfiable is set to DoNotSchedule, incoming pod can only be scheduled to zone2(zone3) to become 3/2/1(3/1/2) as ActualSkew(2-1) on zone2(zone3) satisfies MaxSkew(1). In other words, the cluster can still be imbalanced, but scheduler won't make it *more* imbalanced. It's a required field.")
