"""core/v1 ``Node``: spec (taints, podCIDRs), status (capacity, conditions, addresses, nodeInfo).

Field names are the Kubernetes JSON names; every field is optional (``None`` = absent).
Field lists and descriptions follow ``k8s.io/api`` (Kubernetes 1.34).
"""

from __future__ import annotations

from typing import ClassVar, Optional

from pydantic import Field

from sandbox.api.base import Int32, Int64, K8sModel, KubeObject, Time
from sandbox.api.meta import ObjectMeta
from sandbox.api.quantity import ResourceList

__all__ = [
    "AttachedVolume",
    "ConfigMapNodeConfigSource",
    "ContainerImage",
    "DaemonEndpoint",
    "NodeConfigSource",
    "Taint",
    "NodeSpec",
    "NodeAddress",
    "NodeCondition",
    "NodeConfigStatus",
    "NodeDaemonEndpoints",
    "NodeFeatures",
    "NodeSwapStatus",
    "NodeSystemInfo",
    "NodeRuntimeHandlerFeatures",
    "NodeRuntimeHandler",
    "NodeStatus",
    "Node",
]


class AttachedVolume(K8sModel):
    """``AttachedVolume`` (core/v1): see ``kubectl explain``."""

    _go_field_types: ClassVar[dict[str, str]] = {'name': 'v1.UniqueVolumeName'}

    devicePath: Optional[str] = Field(None, description="DevicePath represents the device path where the volume should be available")
    name: Optional[str] = Field(None, description="Name of the attached volume")


class ConfigMapNodeConfigSource(K8sModel):
    """``ConfigMapNodeConfigSource`` (core/v1): see ``kubectl explain``."""

    kubeletConfigKey: Optional[str] = Field(None, description="KubeletConfigKey declares which key of the referenced ConfigMap corresponds to the KubeletConfiguration structure This field is required in all cases.")
    name: Optional[str] = Field(None, description="Name is the metadata.name of the referenced ConfigMap. This field is required in all cases.")
    namespace: Optional[str] = Field(None, description="Namespace is the metadata.namespace of the referenced ConfigMap. This field is required in all cases.")
    resourceVersion: Optional[str] = Field(None, description="ResourceVersion is the metadata.ResourceVersion of the referenced ConfigMap. This field is forbidden in Node.Spec, and required in Node.Status.")
    uid: Optional[str] = Field(None, description="UID is the metadata.UID of the referenced ConfigMap. This field is forbidden in Node.Spec, and required in Node.Status.")


class ContainerImage(K8sModel):
    """``ContainerImage`` (core/v1): see ``kubectl explain``."""

    names: Optional[list[str]] = Field(None, description="Names by which this image is known. e.g. [\\\"kubernetes.example/hyperkube:v1.0.7\\\", \\\"cloud-vendor.registry.example/cloud-vendor/hyperkube:v1.0.7\\\"]")
    sizeBytes: Optional[Int64] = Field(None, description="The size of the image in bytes.")


class DaemonEndpoint(K8sModel):
    """``DaemonEndpoint`` (core/v1): see ``kubectl explain``."""

    Port: Optional[Int32] = Field(None, description="Port number of the given endpoint.")


class NodeConfigSource(K8sModel):
    """``NodeConfigSource`` (core/v1): see ``kubectl explain``."""

    configMap: Optional[ConfigMapNodeConfigSource] = Field(None, description="")


class Taint(K8sModel):
    """The node this Taint is attached to has the "effect" on any pod that does not tolerate the Taint.

    ``Taint`` (core/v1); fields as in ``kubectl explain``.
    """

    _go_field_types: ClassVar[dict[str, str]] = {'effect': 'v1.TaintEffect'}

    effect: Optional[str] = Field(None, description="Required. The effect of the taint on pods that do not tolerate the taint. Valid effects are NoSchedule, PreferNoSchedule and NoExecute.")
    key: Optional[str] = Field(None, description="Required. The taint key to be applied to a node.")
    timeAdded: Optional[Time] = Field(None, description="TimeAdded represents the time at which the taint was added.")
    value: Optional[str] = Field(None, description="The taint value corresponding to the taint key.")


class NodeSpec(K8sModel):
    """``NodeSpec`` (core/v1): see ``kubectl explain``."""

    configSource: Optional[NodeConfigSource] = Field(None, description=":return: The config_source of this V1NodeSpec.   :rtype: V1NodeConfigSource \"\"\" return self._config_source  @config_source.setter def config_source(self, config_source): \"\"\"Sets the config_source of this V1NodeSpec.   :param config_source: The config_source of this V1NodeSpec.   :type: V1NodeConfigSource \"\"\"  self._config_source = config_source  @property def external_id(self): \"\"\"Gets the external_id of this V1NodeSpec.    Deprecated. Not all kubelets will set this field. Remove field after 1.13. see: https://issues.k8s.io/61966")
    externalID: Optional[str] = Field(None, description="Deprecated. Not all kubelets will set this field. Remove field after 1.13. see: https://issues.k8s.io/61966")
    podCIDR: Optional[str] = Field(None, description="PodCIDR represents the pod IP range assigned to the node.")
    podCIDRs: Optional[list[str]] = Field(None, description="podCIDRs represents the IP ranges assigned to the node for usage by Pods on that node. If this field is specified, the 0th entry must match the podCIDR field. It may contain at most 1 value for each of IPv4 and IPv6.")
    providerID: Optional[str] = Field(None, description="ID of the node assigned by the cloud provider in the format: <ProviderName>://<ProviderSpecificNodeID>")
    taints: Optional[list[Taint]] = Field(None, description="If specified, the node's taints.")
    unschedulable: Optional[bool] = Field(None, description="Unschedulable controls node schedulability of new pods. By default, node is schedulable. More info: https://kubernetes.io/docs/concepts/nodes/node/#manual-node-administration")


class NodeAddress(K8sModel):
    """``NodeAddress`` (core/v1): see ``kubectl explain``."""

    _go_field_types: ClassVar[dict[str, str]] = {'type': 'v1.NodeAddressType'}

    address: Optional[str] = Field(None, description="The node address.")
    type: Optional[str] = Field(None, description="Node address type, one of Hostname, ExternalIP or InternalIP.")


class NodeCondition(K8sModel):
    """``NodeCondition`` (core/v1): see ``kubectl explain``."""

    _go_field_types: ClassVar[dict[str, str]] = {'type': 'v1.NodeConditionType', 'status': 'v1.ConditionStatus'}

    lastHeartbeatTime: Optional[Time] = Field(None, description="Last time we got an update on a given condition.")
    lastTransitionTime: Optional[Time] = Field(None, description="Last time the condition transit from one status to another.")
    message: Optional[str] = Field(None, description="Human readable message indicating details about last transition.")
    reason: Optional[str] = Field(None, description="(brief) reason for the condition's last transition.")
    status: Optional[str] = Field(None, description="Status of the condition, one of True, False, Unknown.")
    type: Optional[str] = Field(None, description="Type of node condition.")


class NodeConfigStatus(K8sModel):
    """``NodeConfigStatus`` (core/v1): see ``kubectl explain``."""

    active: Optional[NodeConfigSource] = Field(None, description=":return: The active of this V1NodeConfigStatus.   :rtype: V1NodeConfigSource \"\"\" return self._active  @active.setter def active(self, active): \"\"\"Sets the active of this V1NodeConfigStatus.   :param active: The active of this V1NodeConfigStatus.   :type: V1NodeConfigSource \"\"\"  self._active = active  @property def assigned(self): \"\"\"Gets the assigned of this V1NodeConfigStatus.")
    assigned: Optional[NodeConfigSource] = Field(None, description=":return: The assigned of this V1NodeConfigStatus.   :rtype: V1NodeConfigSource \"\"\" return self._assigned  @assigned.setter def assigned(self, assigned): \"\"\"Sets the assigned of this V1NodeConfigStatus.   :param assigned: The assigned of this V1NodeConfigStatus.   :type: V1NodeConfigSource \"\"\"  self._assigned = assigned  @property def error(self): \"\"\"Gets the error of this V1NodeConfigStatus.    Error describes any problems reconciling the Spec.ConfigSource to the Active config. Errors may occur, for example, attempting to checkpoint Spec.ConfigSource to the local Assigned record, attempting to checkpoint the payload associated with Spec.ConfigSource, attempting to load or validate the Assigned config, etc. Errors may occur at different points while syncing config. Earlier errors (e.g. download or checkpointing errors) will not result in a rollback to LastKnownGood, and may resolve across Kubelet retries. Later errors (e.g. loading or validating a checkpointed config) will result in a rollback to LastKnownGood. In the latter case, it is usually possible to resolve the error by fixing the config assigned in Spec.ConfigSource. You can find additional information for debugging by searching the error message in the Kubelet log. Error is a human-readable description of the error state; machines can check whether or not Error is empty, but should not rely on the stability of the Error text across Kubelet versions.")
    error: Optional[str] = Field(None, description="Error describes any problems reconciling the Spec.ConfigSource to the Active config. Errors may occur, for example, attempting to checkpoint Spec.ConfigSource to the local Assigned record, attempting to checkpoint the payload associated with Spec.ConfigSource, attempting to load or validate the Assigned config, etc. Errors may occur at different points while syncing config. Earlier errors (e.g. download or checkpointing errors) will not result in a rollback to LastKnownGood, and may resolve across Kubelet retries. Later errors (e.g. loading or validating a checkpointed config) will result in a rollback to LastKnownGood. In the latter case, it is usually possible to resolve the error by fixing the config assigned in Spec.ConfigSource. You can find additional information for debugging by searching the error message in the Kubelet log. Error is a human-readable description of the error state; machines can check whether or not Error is empty, but should not rely on the stability of the Error text across Kubelet versions.")
    lastKnownGood: Optional[NodeConfigSource] = Field(None, description="")


class NodeDaemonEndpoints(K8sModel):
    """``NodeDaemonEndpoints`` (core/v1): see ``kubectl explain``."""

    kubeletEndpoint: Optional[DaemonEndpoint] = Field(None, description="")


class NodeFeatures(K8sModel):
    """``NodeFeatures`` (core/v1): see ``kubectl explain``."""

    supplementalGroupsPolicy: Optional[bool] = Field(None, description="SupplementalGroupsPolicy is set to true if the runtime supports SupplementalGroupsPolicy and ContainerUser.")


class NodeSwapStatus(K8sModel):
    """``NodeSwapStatus`` (core/v1): see ``kubectl explain``."""

    capacity: Optional[Int64] = Field(None, description="Total amount of swap memory in bytes.")


class NodeSystemInfo(K8sModel):
    """``NodeSystemInfo`` (core/v1): see ``kubectl explain``."""

    architecture: Optional[str] = Field(None, description="The Architecture reported by the node")
    bootID: Optional[str] = Field(None, description="Boot ID reported by the node.")
    containerRuntimeVersion: Optional[str] = Field(None, description="ContainerRuntime Version reported by the node through runtime remote API (e.g. containerd://1.4.2).")
    kernelVersion: Optional[str] = Field(None, description="Kernel Version reported by the node from 'uname -r' (e.g. 3.16.0-0.bpo.4-amd64).")
    kubeProxyVersion: Optional[str] = Field(None, description="Deprecated: KubeProxy Version reported by the node.")
    kubeletVersion: Optional[str] = Field(None, description="Kubelet Version reported by the node.")
    machineID: Optional[str] = Field(None, description="MachineID reported by the node. For unique machine identification in the cluster this field is preferred. Learn more from man(5) machine-id: http://man7.org/linux/man-pages/man5/machine-id.5.html")
    operatingSystem: Optional[str] = Field(None, description="The Operating System reported by the node")
    osImage: Optional[str] = Field(None, description="OS Image reported by the node from /etc/os-release (e.g. Debian GNU/Linux 7 (wheezy)).")
    swap: Optional[NodeSwapStatus] = Field(None, description=":return: The swap of this V1NodeSystemInfo.   :rtype: V1NodeSwapStatus \"\"\" return self._swap  @swap.setter def swap(self, swap): \"\"\"Sets the swap of this V1NodeSystemInfo.   :param swap: The swap of this V1NodeSystemInfo.   :type: V1NodeSwapStatus \"\"\"  self._swap = swap  @property def system_uuid(self): \"\"\"Gets the system_uuid of this V1NodeSystemInfo.    SystemUUID reported by the node. For unique machine identification MachineID is preferred. This field is specific to Red Hat hosts https://access.redhat.com/documentation/en-us/red_hat_subscription_management/1/html/rhsm/uuid")
    systemUUID: Optional[str] = Field(None, description="SystemUUID reported by the node. For unique machine identification MachineID is preferred. This field is specific to Red Hat hosts https://access.redhat.com/documentation/en-us/red_hat_subscription_management/1/html/rhsm/uuid")


class NodeRuntimeHandlerFeatures(K8sModel):
    """``NodeRuntimeHandlerFeatures`` (core/v1): see ``kubectl explain``."""

    recursiveReadOnlyMounts: Optional[bool] = Field(None, description="RecursiveReadOnlyMounts is set to true if the runtime handler supports RecursiveReadOnlyMounts.")
    userNamespaces: Optional[bool] = Field(None, description="UserNamespaces is set to true if the runtime handler supports UserNamespaces, including for volumes.")


class NodeRuntimeHandler(K8sModel):
    """``NodeRuntimeHandler`` (core/v1): see ``kubectl explain``."""

    features: Optional[NodeRuntimeHandlerFeatures] = Field(None, description=":return: The features of this V1NodeRuntimeHandler.   :rtype: V1NodeRuntimeHandlerFeatures \"\"\" return self._features  @features.setter def features(self, features): \"\"\"Sets the features of this V1NodeRuntimeHandler.   :param features: The features of this V1NodeRuntimeHandler.   :type: V1NodeRuntimeHandlerFeatures \"\"\"  self._features = features  @property def name(self): \"\"\"Gets the name of this V1NodeRuntimeHandler.    Runtime handler name. Empty for the default runtime handler.")
    name: Optional[str] = Field(None, description="Runtime handler name. Empty for the default runtime handler.")


class NodeStatus(K8sModel):
    """``NodeStatus`` (core/v1): see ``kubectl explain``."""

    _go_field_types: ClassVar[dict[str, str]] = {'phase': 'v1.NodePhase', 'volumesInUse': '[]v1.UniqueVolumeName'}

    addresses: Optional[list[NodeAddress]] = Field(None, description="List of addresses reachable to the node. Queried from cloud provider, if available. More info: https://kubernetes.io/docs/reference/node/node-status/#addresses Note: This field is declared as mergeable, but the merge key is not sufficiently unique, which can cause data corruption when it is merged. Callers should instead use a full-replacement patch. See https://pr.k8s.io/79391 for an example. Consumers should assume that addresses can change during the lifetime of a Node. However, there are some exceptions where this may not be possible, such as Pods that inherit a Node's address in its own status or consumers of the downward API (status.hostIP).")
    allocatable: Optional[ResourceList] = Field(None, description="Allocatable represents the resources of a node that are available for scheduling. Defaults to Capacity.")
    capacity: Optional[ResourceList] = Field(None, description="Capacity represents the total resources of a node. More info: https://kubernetes.io/docs/reference/node/node-status/#capacity")
    conditions: Optional[list[NodeCondition]] = Field(None, description="Conditions is an array of current observed node conditions. More info: https://kubernetes.io/docs/reference/node/node-status/#condition")
    config: Optional[NodeConfigStatus] = Field(None, description=":return: The config of this V1NodeStatus.   :rtype: V1NodeConfigStatus \"\"\" return self._config  @config.setter def config(self, config): \"\"\"Sets the config of this V1NodeStatus.   :param config: The config of this V1NodeStatus.   :type: V1NodeConfigStatus \"\"\"  self._config = config  @property def daemon_endpoints(self): \"\"\"Gets the daemon_endpoints of this V1NodeStatus.")
    daemonEndpoints: Optional[NodeDaemonEndpoints] = Field(None, description=":return: The daemon_endpoints of this V1NodeStatus.   :rtype: V1NodeDaemonEndpoints \"\"\" return self._daemon_endpoints  @daemon_endpoints.setter def daemon_endpoints(self, daemon_endpoints): \"\"\"Sets the daemon_endpoints of this V1NodeStatus.   :param daemon_endpoints: The daemon_endpoints of this V1NodeStatus.   :type: V1NodeDaemonEndpoints \"\"\"  self._daemon_endpoints = daemon_endpoints  @property def features(self): \"\"\"Gets the features of this V1NodeStatus.")
    features: Optional[NodeFeatures] = Field(None, description=":return: The features of this V1NodeStatus.   :rtype: V1NodeFeatures \"\"\" return self._features  @features.setter def features(self, features): \"\"\"Sets the features of this V1NodeStatus.   :param features: The features of this V1NodeStatus.   :type: V1NodeFeatures \"\"\"  self._features = features  @property def images(self): \"\"\"Gets the images of this V1NodeStatus.    List of container images on this node")
    images: Optional[list[ContainerImage]] = Field(None, description="List of container images on this node")
    nodeInfo: Optional[NodeSystemInfo] = Field(None, description=":return: The node_info of this V1NodeStatus.   :rtype: V1NodeSystemInfo \"\"\" return self._node_info  @node_info.setter def node_info(self, node_info): \"\"\"Sets the node_info of this V1NodeStatus.   :param node_info: The node_info of this V1NodeStatus.   :type: V1NodeSystemInfo \"\"\"  self._node_info = node_info  @property def phase(self): \"\"\"Gets the phase of this V1NodeStatus.    NodePhase is the recently observed lifecycle phase of the node. More info: https://kubernetes.io/docs/concepts/nodes/node/#phase The field is never populated, and now is deprecated.")
    phase: Optional[str] = Field(None, description="NodePhase is the recently observed lifecycle phase of the node. More info: https://kubernetes.io/docs/concepts/nodes/node/#phase The field is never populated, and now is deprecated.")
    runtimeHandlers: Optional[list[NodeRuntimeHandler]] = Field(None, description="The available runtime handlers.")
    volumesAttached: Optional[list[AttachedVolume]] = Field(None, description="List of volumes that are attached to the node.")
    volumesInUse: Optional[list[str]] = Field(None, description="List of attachable volumes in use (mounted) by the node.")


class Node(KubeObject):
    """Node is a worker node in Kubernetes. Each node will have a unique identifier in the cache (i.e. in etcd).

    ``Node`` (core/v1); fields as in ``kubectl explain``.
    """

    API_VERSION: ClassVar[str] = "v1"
    KIND: ClassVar[str] = "Node"

    apiVersion: str = "v1"
    kind: str = "Node"
    metadata: Optional[ObjectMeta] = Field(None, description=":return: The metadata of this V1Node.   :rtype: V1ObjectMeta \"\"\" return self._metadata  @metadata.setter def metadata(self, metadata): \"\"\"Sets the metadata of this V1Node.   :param metadata: The metadata of this V1Node.   :type: V1ObjectMeta \"\"\"  self._metadata = metadata  @property def spec(self): \"\"\"Gets the spec of this V1Node.")
    spec: Optional[NodeSpec] = Field(None, description=":return: The spec of this V1Node.   :rtype: V1NodeSpec \"\"\" return self._spec  @spec.setter def spec(self, spec): \"\"\"Sets the spec of this V1Node.   :param spec: The spec of this V1Node.   :type: V1NodeSpec \"\"\"  self._spec = spec  @property def status(self): \"\"\"Gets the status of this V1Node.")
    status: Optional[NodeStatus] = Field(None, description="")
