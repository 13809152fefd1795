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
    """AttachedVolume describes a volume attached to a node

    ``AttachedVolume`` (core/v1); fields as in ``kubectl explain``.
    """

    _go_field_types: ClassVar[dict[str, str]] = {'name': 'v1.UniqueVolumeName'}
    _required_fields: ClassVar[tuple[str, ...]] = ("name", "devicePath")

    devicePath: Optional[str] = Field(None, description="DevicePath represents the device path where the volume should be available")
    name: Optional[str] = Field(None, description="Name of the attached volume")


class ConfigMapNodeConfigSource(K8sModel):
    """ConfigMapNodeConfigSource contains the information to reference a ConfigMap as a config source for the Node. This API is deprecated since 1.22: https://git.k8s.io/enhancements/keps/sig-node/281-dynamic-kubelet-configuration

    ``ConfigMapNodeConfigSource`` (core/v1); fields as in ``kubectl explain``.
    """

    _required_fields: ClassVar[tuple[str, ...]] = ("namespace", "name", "kubeletConfigKey")

    kubeletConfigKey: Optional[str] = Field(None, description="KubeletConfigKey declares which key of the referenced ConfigMap corresponds to the KubeletConfiguration structure This field is required in all cases.")
    name: Optional[str] = Field(None, description="Name is the metadata.name of the referenced ConfigMap. This field is required in all cases.")
    namespace: Optional[str] = Field(None, description="Namespace is the metadata.namespace of the referenced ConfigMap. This field is required in all cases.")
    resourceVersion: Optional[str] = Field(None, description="ResourceVersion is the metadata.ResourceVersion of the referenced ConfigMap. This field is forbidden in Node.Spec, and required in Node.Status.")
    uid: Optional[str] = Field(None, description="UID is the metadata.UID of the referenced ConfigMap. This field is forbidden in Node.Spec, and required in Node.Status.")


class ContainerImage(K8sModel):
    """Describe a container image

    ``ContainerImage`` (core/v1); fields as in ``kubectl explain``.
    """

    names: Optional[list[str]] = Field(None, description="Names by which this image is known. e.g. [\"kubernetes.example/hyperkube:v1.0.7\", \"cloud-vendor.registry.example/cloud-vendor/hyperkube:v1.0.7\"]")
    sizeBytes: Optional[Int64] = Field(None, description="The size of the image in bytes.")


class DaemonEndpoint(K8sModel):
    """DaemonEndpoint contains information about a single Daemon endpoint.

    ``DaemonEndpoint`` (core/v1); fields as in ``kubectl explain``.
    """

    _required_fields: ClassVar[tuple[str, ...]] = ("Port",)

    Port: Optional[Int32] = Field(None, description="Port number of the given endpoint.")


class NodeConfigSource(K8sModel):
    """NodeConfigSource specifies a source of node configuration. Exactly one subfield (excluding metadata) must be non-nil. This API is deprecated since 1.22

    ``NodeConfigSource`` (core/v1); fields as in ``kubectl explain``.
    """

    configMap: Optional[ConfigMapNodeConfigSource] = Field(None, description="ConfigMap is a reference to a Node's ConfigMap")


class Taint(K8sModel):
    """The node this Taint is attached to has the "effect" on any pod that does not tolerate the Taint.

    ``Taint`` (core/v1); fields as in ``kubectl explain``.
    """

    _go_field_types: ClassVar[dict[str, str]] = {'effect': 'v1.TaintEffect'}
    _required_fields: ClassVar[tuple[str, ...]] = ("key", "effect")

    effect: Optional[str] = Field(None, description="Required. The effect of the taint on pods that do not tolerate the taint. Valid effects are NoSchedule, PreferNoSchedule and NoExecute.\n\nPossible enum values:\n - `\"NoExecute\"` Evict any already-running pods that do not tolerate the taint. Currently enforced by NodeController.\n - `\"NoSchedule\"` Do not allow new pods to schedule onto the node unless they tolerate the taint, but allow all pods submitted to Kubelet without going through the scheduler to start, and allow all already-running pods to continue running. Enforced by the scheduler.\n - `\"PreferNoSchedule\"` Like TaintEffectNoSchedule, but the scheduler tries not to schedule new pods onto the node, rather than prohibiting new pods from scheduling onto the node entirely. Enforced by the scheduler.", json_schema_extra={"enum": ["NoExecute", "NoSchedule", "PreferNoSchedule"]})
    key: Optional[str] = Field(None, description="Required. The taint key to be applied to a node.")
    timeAdded: Optional[Time] = Field(None, description="TimeAdded represents the time at which the taint was added.")
    value: Optional[str] = Field(None, description="The taint value corresponding to the taint key.")


class NodeSpec(K8sModel):
    """NodeSpec describes the attributes that a node is created with.

    ``NodeSpec`` (core/v1); fields as in ``kubectl explain``.
    """

    configSource: Optional[NodeConfigSource] = Field(None, description="Deprecated: Previously used to specify the source of the node's configuration for the DynamicKubeletConfig feature. This feature is removed.")
    externalID: Optional[str] = Field(None, description="Deprecated. Not all kubelets will set this field. Remove field after 1.13. see: https://issues.k8s.io/61966")
    podCIDR: Optional[str] = Field(None, description="PodCIDR represents the pod IP range assigned to the node.")
    podCIDRs: Optional[list[str]] = Field(None, description="podCIDRs represents the IP ranges assigned to the node for usage by Pods on that node. If this field is specified, the 0th entry must match the podCIDR field. It may contain at most 1 value for each of IPv4 and IPv6.")
    providerID: Optional[str] = Field(None, description="ID of the node assigned by the cloud provider in the format: <ProviderName>://<ProviderSpecificNodeID>")
    taints: Optional[list[Taint]] = Field(None, description="If specified, the node's taints.")
    unschedulable: Optional[bool] = Field(None, description="Unschedulable controls node schedulability of new pods. By default, node is schedulable. More info: https://kubernetes.io/docs/concepts/nodes/node/#manual-node-administration")


class NodeAddress(K8sModel):
    """NodeAddress contains information for the node's address.

    ``NodeAddress`` (core/v1); fields as in ``kubectl explain``.
    """

    _go_field_types: ClassVar[dict[str, str]] = {'type': 'v1.NodeAddressType'}
    _required_fields: ClassVar[tuple[str, ...]] = ("type", "address")

    address: Optional[str] = Field(None, description="The node address.")
    type: Optional[str] = Field(None, description="Node address type, one of Hostname, ExternalIP or InternalIP.")


class NodeCondition(K8sModel):
    """NodeCondition contains condition information for a node.

    ``NodeCondition`` (core/v1); fields as in ``kubectl explain``.
    """

    _go_field_types: ClassVar[dict[str, str]] = {'type': 'v1.NodeConditionType', 'status': 'v1.ConditionStatus'}
    _required_fields: ClassVar[tuple[str, ...]] = ("type", "status")

    lastHeartbeatTime: Optional[Time] = Field(None, description="Last time we got an update on a given condition.")
    lastTransitionTime: Optional[Time] = Field(None, description="Last time the condition transit from one status to another.")
    message: Optional[str] = Field(None, description="Human readable message indicating details about last transition.")
    reason: Optional[str] = Field(None, description="(brief) reason for the condition's last transition.")
    status: Optional[str] = Field(None, description="Status of the condition, one of True, False, Unknown.")
    type: Optional[str] = Field(None, description="Type of node condition.")


class NodeConfigStatus(K8sModel):
    """NodeConfigStatus describes the status of the config assigned by Node.Spec.ConfigSource.

    ``NodeConfigStatus`` (core/v1); fields as in ``kubectl explain``.
    """

    active: Optional[NodeConfigSource] = Field(None, description="Active reports the checkpointed config the node is actively using. Active will represent either the current version of the Assigned config, or the current LastKnownGood config, depending on whether attempting to use the Assigned config results in an error.")
    assigned: Optional[NodeConfigSource] = Field(None, description="Assigned reports the checkpointed config the node will try to use. When Node.Spec.ConfigSource is updated, the node checkpoints the associated config payload to local disk, along with a record indicating intended config. The node refers to this record to choose its config checkpoint, and reports this record in Assigned. Assigned only updates in the status after the record has been checkpointed to disk. When the Kubelet is restarted, it tries to make the Assigned config the Active config by loading and validating the checkpointed payload identified by Assigned.")
    error: Optional[str] = Field(None, description="Error describes any problems reconciling the Spec.ConfigSource to the Active config. Errors may occur, for example, attempting to checkpoint Spec.ConfigSource to the local Assigned record, attempting to checkpoint the payload associated with Spec.ConfigSource, attempting to load or validate the Assigned config, etc. Errors may occur at different points while syncing config. Earlier errors (e.g. download or checkpointing errors) will not result in a rollback to LastKnownGood, and may resolve across Kubelet retries. Later errors (e.g. loading or validating a checkpointed config) will result in a rollback to LastKnownGood. In the latter case, it is usually possible to resolve the error by fixing the config assigned in Spec.ConfigSource. You can find additional information for debugging by searching the error message in the Kubelet log. Error is a human-readable description of the error state; machines can check whether or not Error is empty, but should not rely on the stability of the Error text across Kubelet versions.")
    lastKnownGood: Optional[NodeConfigSource] = Field(None, description="LastKnownGood reports the checkpointed config the node will fall back to when it encounters an error attempting to use the Assigned config. The Assigned config becomes the LastKnownGood config when the node determines that the Assigned config is stable and correct. This is currently implemented as a 10-minute soak period starting when the local record of Assigned config is updated. If the Assigned config is Active at the end of this period, it becomes the LastKnownGood. Note that if Spec.ConfigSource is reset to nil (use local defaults), the LastKnownGood is also immediately reset to nil, because the local default config is always assumed good. You should not make assumptions about the node's method of determining config stability and correctness, as this may change or become configurable in the future.")


class NodeDaemonEndpoints(K8sModel):
    """NodeDaemonEndpoints lists ports opened by daemons running on the Node.

    ``NodeDaemonEndpoints`` (core/v1); fields as in ``kubectl explain``.
    """

    kubeletEndpoint: Optional[DaemonEndpoint] = Field(None, description="Endpoint on which Kubelet is listening.")


class NodeFeatures(K8sModel):
    """NodeFeatures describes the set of features implemented by the CRI implementation. The features contained in the NodeFeatures should depend only on the cri implementation independent of runtime handlers.

    ``NodeFeatures`` (core/v1); fields as in ``kubectl explain``.
    """

    supplementalGroupsPolicy: Optional[bool] = Field(None, description="SupplementalGroupsPolicy is set to true if the runtime supports SupplementalGroupsPolicy and ContainerUser.")


class NodeSwapStatus(K8sModel):
    """NodeSwapStatus represents swap memory information.

    ``NodeSwapStatus`` (core/v1); fields as in ``kubectl explain``.
    """

    capacity: Optional[Int64] = Field(None, description="Total amount of swap memory in bytes.")


class NodeSystemInfo(K8sModel):
    """NodeSystemInfo is a set of ids/uuids to uniquely identify the node.

    ``NodeSystemInfo`` (core/v1); fields as in ``kubectl explain``.
    """

    _required_fields: ClassVar[tuple[str, ...]] = ("machineID", "systemUUID", "bootID", "kernelVersion", "osImage", "containerRuntimeVersion", "kubeletVersion", "kubeProxyVersion", "operatingSystem", "architecture")

    architecture: Optional[str] = Field(None, description="The Architecture reported by the node")
    bootID: Optional[str] = Field(None, description="Boot ID reported by the node.")
    containerRuntimeVersion: Optional[str] = Field(None, description="ContainerRuntime Version reported by the node through runtime remote API (e.g. containerd://1.4.2).")
    kernelVersion: Optional[str] = Field(None, description="Kernel Version reported by the node from 'uname -r' (e.g. 3.16.0-0.bpo.4-amd64).")
    kubeProxyVersion: Optional[str] = Field(None, description="Deprecated: KubeProxy Version reported by the node.")
    kubeletVersion: Optional[str] = Field(None, description="Kubelet Version reported by the node.")
    machineID: Optional[str] = Field(None, description="MachineID reported by the node. For unique machine identification in the cluster this field is preferred. Learn more from man(5) machine-id: http://man7.org/linux/man-pages/man5/machine-id.5.html")
    operatingSystem: Optional[str] = Field(None, description="The Operating System reported by the node")
    osImage: Optional[str] = Field(None, description="OS Image reported by the node from /etc/os-release (e.g. Debian GNU/Linux 7 (wheezy)).")
    swap: Optional[NodeSwapStatus] = Field(None, description="Swap Info reported by the node.")
    systemUUID: Optional[str] = Field(None, description="SystemUUID reported by the node. For unique machine identification MachineID is preferred. This field is specific to Red Hat hosts https://access.redhat.com/documentation/en-us/red_hat_subscription_management/1/html/rhsm/uuid")


class NodeRuntimeHandlerFeatures(K8sModel):
    """NodeRuntimeHandlerFeatures is a set of features implemented by the runtime handler.

    ``NodeRuntimeHandlerFeatures`` (core/v1); fields as in ``kubectl explain``.
    """

    recursiveReadOnlyMounts: Optional[bool] = Field(None, description="RecursiveReadOnlyMounts is set to true if the runtime handler supports RecursiveReadOnlyMounts.")
    userNamespaces: Optional[bool] = Field(None, description="UserNamespaces is set to true if the runtime handler supports UserNamespaces, including for volumes.")


class NodeRuntimeHandler(K8sModel):
    """NodeRuntimeHandler is a set of runtime handler information.

    ``NodeRuntimeHandler`` (core/v1); fields as in ``kubectl explain``.
    """

    features: Optional[NodeRuntimeHandlerFeatures] = Field(None, description="Supported features.")
    name: Optional[str] = Field(None, description="Runtime handler name. Empty for the default runtime handler.")


class NodeStatus(K8sModel):
    """NodeStatus is information about the current status of a node.

    ``NodeStatus`` (core/v1); fields as in ``kubectl explain``.
    """

    _go_field_types: ClassVar[dict[str, str]] = {'phase': 'v1.NodePhase', 'volumesInUse': '[]v1.UniqueVolumeName'}

    addresses: Optional[list[NodeAddress]] = Field(None, description="List of addresses reachable to the node. Queried from cloud provider, if available. More info: https://kubernetes.io/docs/reference/node/node-status/#addresses Note: This field is declared as mergeable, but the merge key is not sufficiently unique, which can cause data corruption when it is merged. Callers should instead use a full-replacement patch. See https://pr.k8s.io/79391 for an example. Consumers should assume that addresses can change during the lifetime of a Node. However, there are some exceptions where this may not be possible, such as Pods that inherit a Node's address in its own status or consumers of the downward API (status.hostIP).")
    allocatable: Optional[ResourceList] = Field(None, description="Allocatable represents the resources of a node that are available for scheduling. Defaults to Capacity.")
    capacity: Optional[ResourceList] = Field(None, description="Capacity represents the total resources of a node. More info: https://kubernetes.io/docs/reference/node/node-status/#capacity")
    conditions: Optional[list[NodeCondition]] = Field(None, description="Conditions is an array of current observed node conditions. More info: https://kubernetes.io/docs/reference/node/node-status/#condition")
    config: Optional[NodeConfigStatus] = Field(None, description="Status of the config assigned to the node via the dynamic Kubelet config feature.")
    daemonEndpoints: Optional[NodeDaemonEndpoints] = Field(None, description="Endpoints of daemons running on the Node.")
    features: Optional[NodeFeatures] = Field(None, description="Features describes the set of features implemented by the CRI implementation.")
    images: Optional[list[ContainerImage]] = Field(None, description="List of container images on this node")
    nodeInfo: Optional[NodeSystemInfo] = Field(None, description="Set of ids/uuids to uniquely identify the node. More info: https://kubernetes.io/docs/reference/node/node-status/#info")
    phase: Optional[str] = Field(None, description="NodePhase is the recently observed lifecycle phase of the node. More info: https://kubernetes.io/docs/concepts/nodes/node/#phase The field is never populated, and now is deprecated.\n\nPossible enum values:\n - `\"Pending\"` means the node has been created/added by the system, but not configured.\n - `\"Running\"` means the node has been configured and has Kubernetes components running.\n - `\"Terminated\"` means the node has been removed from the cluster.", json_schema_extra={"enum": ["Pending", "Running", "Terminated"]})
    runtimeHandlers: Optional[list[NodeRuntimeHandler]] = Field(None, description="The available runtime handlers.")
    volumesAttached: Optional[list[AttachedVolume]] = Field(None, description="List of volumes that are attached to the node.")
    volumesInUse: Optional[list[str]] = Field(None, description="List of attachable volumes in use (mounted) by the node.")


class Node(KubeObject):
    """Node is a worker node in Kubernetes. Each node will have a unique identifier in the cache (i.e. in etcd).

    ``Node`` (core/v1); fields as in ``kubectl explain``.
    """

    API_VERSION: ClassVar[str] = "v1"
    KIND: ClassVar[str] = "Node"

    apiVersion: str = Field("v1", description="APIVersion defines the versioned schema of this representation of an object. Servers should convert recognized schemas to the latest internal value, and may reject unrecognized values. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#resources")
    kind: str = Field("Node", description="Kind is a string value representing the REST resource this object represents. Servers may infer this from the endpoint the client submits requests to. Cannot be updated. In CamelCase. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#types-kinds")
    metadata: Optional[ObjectMeta] = Field(None, description="Standard object's metadata. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#metadata")
    spec: Optional[NodeSpec] = Field(None, description="Spec defines the behavior of a node. https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#spec-and-status")
    status: Optional[NodeStatus] = Field(None, description="Most recently observed status of the node. Populated by the system. Read-only. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#spec-and-status")
