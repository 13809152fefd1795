"""``apps/v1``: ``ReplicaSet``, ``Deployment``, ``StatefulSet``, ``DaemonSet``.

Field names are the Kubernetes JSON names; every field is optional (``None`` = absent).
Field lists and descriptions follow ``k8s.io/api`` (Kubernetes 1.34).
"""

from __future__ import annotations

from typing import ClassVar, Optional

from pydantic import Field

from sandbox.api.base import Int32, Int64, IntOrString, K8sModel, KubeObject, Time
from sandbox.api.core.pod import PodTemplateSpec
from sandbox.api.core.volume import PersistentVolumeClaim
from sandbox.api.meta import LabelSelector, ObjectMeta

__all__ = [
    "RollingUpdateDaemonSet",
    "DaemonSetUpdateStrategy",
    "DaemonSetSpec",
    "DaemonSetCondition",
    "DaemonSetStatus",
    "DaemonSet",
    "RollingUpdateDeployment",
    "DeploymentStrategy",
    "DeploymentSpec",
    "DeploymentCondition",
    "DeploymentStatus",
    "Deployment",
    "ReplicaSetSpec",
    "ReplicaSetCondition",
    "ReplicaSetStatus",
    "ReplicaSet",
    "RollingUpdateStatefulSetStrategy",
    "StatefulSetOrdinals",
    "StatefulSetPersistentVolumeClaimRetentionPolicy",
    "StatefulSetUpdateStrategy",
    "StatefulSetSpec",
    "StatefulSetCondition",
    "StatefulSetStatus",
    "StatefulSet",
]


class RollingUpdateDaemonSet(K8sModel):
    """Spec to control the desired behavior of daemon set rolling update.

    ``RollingUpdateDaemonSet`` (apps); fields as in ``kubectl explain``.
    """

    maxSurge: Optional[IntOrString] = Field(None, description="The maximum number of nodes with an existing available DaemonSet pod that can have an updated DaemonSet pod during during an update. Value can be an absolute number (ex: 5) or a percentage of desired pods (ex: 10%). This can not be 0 if MaxUnavailable is 0. Absolute number is calculated from percentage by rounding up to a minimum of 1. Default value is 0. Example: when this is set to 30%, at most 30% of the total number of nodes that should be running the daemon pod (i.e. status.desiredNumberScheduled) can have their a new pod created before the old pod is marked as deleted. The update starts by launching new pods on 30% of nodes. Once an updated pod is available (Ready for at least minReadySeconds) the old DaemonSet pod on that node is marked deleted. If the old pod becomes unavailable for any reason (Ready transitions to false, is evicted, or is drained) an updated pod is immediately created on that node without considering surge limits. Allowing surge implies the possibility that the resources consumed by the daemonset on any given node can double if the readiness check fails, and so resource intensive daemonsets should take into account that they may cause evictions during disruption.")
    maxUnavailable: Optional[IntOrString] = Field(None, description="The maximum number of DaemonSet pods that can be unavailable during the update. Value can be an absolute number (ex: 5) or a percentage of total number of DaemonSet pods at the start of the update (ex: 10%). Absolute number is calculated from percentage by rounding up. This cannot be 0 if MaxSurge is 0 Default value is 1. Example: when this is set to 30%, at most 30% of the total number of nodes that should be running the daemon pod (i.e. status.desiredNumberScheduled) can have their pods stopped for an update at any given time. The update starts by stopping at most 30% of those DaemonSet pods and then brings up new DaemonSet pods in their place. Once the new pods are available, it then proceeds onto other DaemonSet pods, thus ensuring that at least 70% of original number of DaemonSet pods are available at all times during the update.")


class DaemonSetUpdateStrategy(K8sModel):
    """DaemonSetUpdateStrategy is a struct used to control the update strategy for a DaemonSet.

    ``DaemonSetUpdateStrategy`` (apps); fields as in ``kubectl explain``.
    """

    _go_field_types: ClassVar[dict[str, str]] = {'type': 'v1.DaemonSetUpdateStrategyType'}

    rollingUpdate: Optional[RollingUpdateDaemonSet] = Field(None, description="Rolling update config params. Present only if type = \"RollingUpdate\".")
    type: Optional[str] = Field(None, description="Type of daemon set update. Can be \"RollingUpdate\" or \"OnDelete\". Default is RollingUpdate.\n\nPossible enum values:\n - `\"OnDelete\"` Replace the old daemons only when it's killed\n - `\"RollingUpdate\"` Replace the old daemons by new ones using rolling update i.e replace them on each node one after the other.", json_schema_extra={"enum": ["OnDelete", "RollingUpdate"]})


class DaemonSetSpec(K8sModel):
    """DaemonSetSpec is the specification of a daemon set.

    ``DaemonSetSpec`` (apps); fields as in ``kubectl explain``.
    """

    _required_fields: ClassVar[tuple[str, ...]] = ("selector", "template")

    minReadySeconds: Optional[Int32] = Field(None, description="The minimum number of seconds for which a newly created DaemonSet pod should be ready without any of its container crashing, for it to be considered available. Defaults to 0 (pod will be considered available as soon as it is ready).")
    revisionHistoryLimit: Optional[Int32] = Field(None, description="The number of old history to retain to allow rollback. This is a pointer to distinguish between explicit zero and not specified. Defaults to 10.")
    selector: Optional[LabelSelector] = Field(None, description="A label query over pods that are managed by the daemon set. Must match in order to be controlled. It must match the pod template's labels. More info: https://kubernetes.io/docs/concepts/overview/working-with-objects/labels/#label-selectors")
    template: Optional[PodTemplateSpec] = Field(None, description="An object that describes the pod that will be created. The DaemonSet will create exactly one copy of this pod on every node that matches the template's node selector (or on every node if no node selector is specified). The only allowed template.spec.restartPolicy value is \"Always\". More info: https://kubernetes.io/docs/concepts/workloads/controllers/replicationcontroller#pod-template")
    updateStrategy: Optional[DaemonSetUpdateStrategy] = Field(None, description="An update strategy to replace existing DaemonSet pods with new pods.")


class DaemonSetCondition(K8sModel):
    """DaemonSetCondition describes the state of a DaemonSet at a certain point.

    ``DaemonSetCondition`` (apps); fields as in ``kubectl explain``.
    """

    _go_field_types: ClassVar[dict[str, str]] = {'type': 'v1.DaemonSetConditionType', 'status': 'v1.ConditionStatus'}
    _required_fields: ClassVar[tuple[str, ...]] = ("type", "status")

    lastTransitionTime: Optional[Time] = Field(None, description="Last time the condition transitioned from one status to another.")
    message: Optional[str] = Field(None, description="A human readable message indicating details about the transition.")
    reason: Optional[str] = Field(None, description="The reason for the condition's last transition.")
    status: Optional[str] = Field(None, description="Status of the condition, one of True, False, Unknown.")
    type: Optional[str] = Field(None, description="Type of DaemonSet condition.")


class DaemonSetStatus(K8sModel):
    """DaemonSetStatus represents the current status of a daemon set.

    ``DaemonSetStatus`` (apps); fields as in ``kubectl explain``.
    """

    _required_fields: ClassVar[tuple[str, ...]] = ("currentNumberScheduled", "numberMisscheduled", "desiredNumberScheduled", "numberReady")

    collisionCount: Optional[Int32] = Field(None, description="Count of hash collisions for the DaemonSet. The DaemonSet controller uses this field as a collision avoidance mechanism when it needs to create the name for the newest ControllerRevision.")
    conditions: Optional[list[DaemonSetCondition]] = Field(None, description="Represents the latest available observations of a DaemonSet's current state.")
    currentNumberScheduled: Optional[Int32] = Field(None, description="The number of nodes that are running at least 1 daemon pod and are supposed to run the daemon pod. More info: https://kubernetes.io/docs/concepts/workloads/controllers/daemonset/")
    desiredNumberScheduled: Optional[Int32] = Field(None, description="The total number of nodes that should be running the daemon pod (including nodes correctly running the daemon pod). More info: https://kubernetes.io/docs/concepts/workloads/controllers/daemonset/")
    numberAvailable: Optional[Int32] = Field(None, description="The number of nodes that should be running the daemon pod and have one or more of the daemon pod running and available (ready for at least spec.minReadySeconds)")
    numberMisscheduled: Optional[Int32] = Field(None, description="The number of nodes that are running the daemon pod, but are not supposed to run the daemon pod. More info: https://kubernetes.io/docs/concepts/workloads/controllers/daemonset/")
    numberReady: Optional[Int32] = Field(None, description="numberReady is the number of nodes that should be running the daemon pod and have one or more of the daemon pod running with a Ready Condition.")
    numberUnavailable: Optional[Int32] = Field(None, description="The number of nodes that should be running the daemon pod and have none of the daemon pod running and available (ready for at least spec.minReadySeconds)")
    observedGeneration: Optional[Int64] = Field(None, description="The most recent generation observed by the daemon set controller.")
    updatedNumberScheduled: Optional[Int32] = Field(None, description="The total number of nodes that are running updated daemon pod")


class DaemonSet(KubeObject):
    """DaemonSet represents the configuration of a daemon set.

    ``DaemonSet`` (apps); fields as in ``kubectl explain``.
    """

    API_VERSION: ClassVar[str] = "apps/v1"
    KIND: ClassVar[str] = "DaemonSet"

    apiVersion: str = Field("apps/v1", description="APIVersion defines the versioned schema of this representation of an object. Servers should convert recognized schemas to the latest internal value, and may reject unrecognized values. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#resources")
    kind: str = Field("DaemonSet", description="Kind is a string value representing the REST resource this object represents. Servers may infer this from the endpoint the client submits requests to. Cannot be updated. In CamelCase. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#types-kinds")
    metadata: Optional[ObjectMeta] = Field(None, description="Standard object's metadata. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#metadata")
    spec: Optional[DaemonSetSpec] = Field(None, description="The desired behavior of this daemon set. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#spec-and-status")
    status: Optional[DaemonSetStatus] = Field(None, description="The current status of this daemon set. This data may be out of date by some window of time. Populated by the system. Read-only. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#spec-and-status")


class RollingUpdateDeployment(K8sModel):
    """Spec to control the desired behavior of rolling update.

    ``RollingUpdateDeployment`` (apps); fields as in ``kubectl explain``.
    """

    maxSurge: Optional[IntOrString] = Field(None, description="The maximum number of pods that can be scheduled above the desired number of pods. Value can be an absolute number (ex: 5) or a percentage of desired pods (ex: 10%). This can not be 0 if MaxUnavailable is 0. Absolute number is calculated from percentage by rounding up. Defaults to 25%. Example: when this is set to 30%, the new ReplicaSet can be scaled up immediately when the rolling update starts, such that the total number of old and new pods do not exceed 130% of desired pods. Once old pods have been killed, new ReplicaSet can be scaled up further, ensuring that total number of pods running at any time during the update is at most 130% of desired pods.")
    maxUnavailable: Optional[IntOrString] = Field(None, description="The maximum number of pods that can be unavailable during the update. Value can be an absolute number (ex: 5) or a percentage of desired pods (ex: 10%). Absolute number is calculated from percentage by rounding down. This can not be 0 if MaxSurge is 0. Defaults to 25%. Example: when this is set to 30%, the old ReplicaSet can be scaled down to 70% of desired pods immediately when the rolling update starts. Once new pods are ready, old ReplicaSet can be scaled down further, followed by scaling up the new ReplicaSet, ensuring that the total number of pods available at all times during the update is at least 70% of desired pods.")


class DeploymentStrategy(K8sModel):
    """DeploymentStrategy describes how to replace existing pods with new ones.

    ``DeploymentStrategy`` (apps); fields as in ``kubectl explain``.
    """

    _go_field_types: ClassVar[dict[str, str]] = {'type': 'v1.DeploymentStrategyType'}

    rollingUpdate: Optional[RollingUpdateDeployment] = Field(None, description="Rolling update config params. Present only if DeploymentStrategyType = RollingUpdate.")
    type: Optional[str] = Field(None, description="Type of deployment. Can be \"Recreate\" or \"RollingUpdate\". Default is RollingUpdate.\n\nPossible enum values:\n - `\"Recreate\"` Kill all existing pods before creating new ones.\n - `\"RollingUpdate\"` Replace the old ReplicaSets by new one using rolling update i.e gradually scale down the old ReplicaSets and scale up the new one.", json_schema_extra={"enum": ["Recreate", "RollingUpdate"]})


class DeploymentSpec(K8sModel):
    """DeploymentSpec is the specification of the desired behavior of the Deployment.

    ``DeploymentSpec`` (apps); fields as in ``kubectl explain``.
    """

    _required_fields: ClassVar[tuple[str, ...]] = ("selector", "template")

    minReadySeconds: Optional[Int32] = Field(None, description="Minimum number of seconds for which a newly created pod should be ready without any of its container crashing, for it to be considered available. Defaults to 0 (pod will be considered available as soon as it is ready)")
    paused: Optional[bool] = Field(None, description="Indicates that the deployment is paused.")
    progressDeadlineSeconds: Optional[Int32] = Field(None, description="The maximum time in seconds for a deployment to make progress before it is considered to be failed. The deployment controller will continue to process failed deployments and a condition with a ProgressDeadlineExceeded reason will be surfaced in the deployment status. Note that progress will not be estimated during the time a deployment is paused. Defaults to 600s.")
    replicas: Optional[Int32] = Field(None, description="Number of desired pods. This is a pointer to distinguish between explicit zero and not specified. Defaults to 1.")
    revisionHistoryLimit: Optional[Int32] = Field(None, description="The number of old ReplicaSets to retain to allow rollback. This is a pointer to distinguish between explicit zero and not specified. Defaults to 10.")
    selector: Optional[LabelSelector] = Field(None, description="Label selector for pods. Existing ReplicaSets whose pods are selected by this will be the ones affected by this deployment. It must match the pod template's labels.")
    strategy: Optional[DeploymentStrategy] = Field(None, description="The deployment strategy to use to replace existing pods with new ones.")
    template: Optional[PodTemplateSpec] = Field(None, description="Template describes the pods that will be created. The only allowed template.spec.restartPolicy value is \"Always\".")


class DeploymentCondition(K8sModel):
    """DeploymentCondition describes the state of a deployment at a certain point.

    ``DeploymentCondition`` (apps); fields as in ``kubectl explain``.
    """

    _go_field_types: ClassVar[dict[str, str]] = {'type': 'v1.DeploymentConditionType', 'status': 'v1.ConditionStatus'}
    _required_fields: ClassVar[tuple[str, ...]] = ("type", "status")

    lastTransitionTime: Optional[Time] = Field(None, description="Last time the condition transitioned from one status to another.")
    lastUpdateTime: Optional[Time] = Field(None, description="The last time this condition was updated.")
    message: Optional[str] = Field(None, description="A human readable message indicating details about the transition.")
    reason: Optional[str] = Field(None, description="The reason for the condition's last transition.")
    status: Optional[str] = Field(None, description="Status of the condition, one of True, False, Unknown.")
    type: Optional[str] = Field(None, description="Type of deployment condition.")


class DeploymentStatus(K8sModel):
    """DeploymentStatus is the most recently observed status of the Deployment.

    ``DeploymentStatus`` (apps); fields as in ``kubectl explain``.
    """

    availableReplicas: Optional[Int32] = Field(None, description="Total number of available non-terminating pods (ready for at least minReadySeconds) targeted by this deployment.")
    collisionCount: Optional[Int32] = Field(None, description="Count of hash collisions for the Deployment. The Deployment controller uses this field as a collision avoidance mechanism when it needs to create the name for the newest ReplicaSet.")
    conditions: Optional[list[DeploymentCondition]] = Field(None, description="Represents the latest available observations of a deployment's current state.")
    observedGeneration: Optional[Int64] = Field(None, description="The generation observed by the deployment controller.")
    readyReplicas: Optional[Int32] = Field(None, description="Total number of non-terminating pods targeted by this Deployment with a Ready Condition.")
    replicas: Optional[Int32] = Field(None, description="Total number of non-terminating pods targeted by this deployment (their labels match the selector).")
    terminatingReplicas: Optional[Int32] = Field(None, description="Total number of terminating pods targeted by this deployment. Terminating pods have a non-null .metadata.deletionTimestamp and have not yet reached the Failed or Succeeded .status.phase.\n\nThis is an alpha field. Enable DeploymentReplicaSetTerminatingReplicas to be able to use this field.")
    unavailableReplicas: Optional[Int32] = Field(None, description="Total number of unavailable pods targeted by this deployment. This is the total number of pods that are still required for the deployment to have 100% available capacity. They may either be pods that are running but not yet available or pods that still have not been created.")
    updatedReplicas: Optional[Int32] = Field(None, description="Total number of non-terminating pods targeted by this deployment that have the desired template spec.")


class Deployment(KubeObject):
    """Deployment enables declarative updates for Pods and ReplicaSets.

    ``Deployment`` (apps); fields as in ``kubectl explain``.
    """

    API_VERSION: ClassVar[str] = "apps/v1"
    KIND: ClassVar[str] = "Deployment"

    apiVersion: str = Field("apps/v1", description="APIVersion defines the versioned schema of this representation of an object. Servers should convert recognized schemas to the latest internal value, and may reject unrecognized values. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#resources")
    kind: str = Field("Deployment", description="Kind is a string value representing the REST resource this object represents. Servers may infer this from the endpoint the client submits requests to. Cannot be updated. In CamelCase. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#types-kinds")
    metadata: Optional[ObjectMeta] = Field(None, description="Standard object's metadata. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#metadata")
    spec: Optional[DeploymentSpec] = Field(None, description="Specification of the desired behavior of the Deployment.")
    status: Optional[DeploymentStatus] = Field(None, description="Most recently observed status of the Deployment.")


class ReplicaSetSpec(K8sModel):
    """ReplicaSetSpec is the specification of a ReplicaSet.

    ``ReplicaSetSpec`` (apps); fields as in ``kubectl explain``.
    """

    _required_fields: ClassVar[tuple[str, ...]] = ("selector",)

    minReadySeconds: Optional[Int32] = Field(None, description="Minimum number of seconds for which a newly created pod should be ready without any of its container crashing, for it to be considered available. Defaults to 0 (pod will be considered available as soon as it is ready)")
    replicas: Optional[Int32] = Field(None, description="Replicas is the number of desired pods. This is a pointer to distinguish between explicit zero and unspecified. Defaults to 1. More info: https://kubernetes.io/docs/concepts/workloads/controllers/replicaset")
    selector: Optional[LabelSelector] = Field(None, description="Selector is a label query over pods that should match the replica count. Label keys and values that must match in order to be controlled by this replica set. It must match the pod template's labels. More info: https://kubernetes.io/docs/concepts/overview/working-with-objects/labels/#label-selectors")
    template: Optional[PodTemplateSpec] = Field(None, description="Template is the object that describes the pod that will be created if insufficient replicas are detected. More info: https://kubernetes.io/docs/concepts/workloads/controllers/replicaset/#pod-template")


class ReplicaSetCondition(K8sModel):
    """ReplicaSetCondition describes the state of a replica set at a certain point.

    ``ReplicaSetCondition`` (apps); fields as in ``kubectl explain``.
    """

    _go_field_types: ClassVar[dict[str, str]] = {'type': 'v1.ReplicaSetConditionType', 'status': 'v1.ConditionStatus'}
    _required_fields: ClassVar[tuple[str, ...]] = ("type", "status")

    lastTransitionTime: Optional[Time] = Field(None, description="The last time the condition transitioned from one status to another.")
    message: Optional[str] = Field(None, description="A human readable message indicating details about the transition.")
    reason: Optional[str] = Field(None, description="The reason for the condition's last transition.")
    status: Optional[str] = Field(None, description="Status of the condition, one of True, False, Unknown.")
    type: Optional[str] = Field(None, description="Type of replica set condition.")


class ReplicaSetStatus(K8sModel):
    """ReplicaSetStatus represents the current status of a ReplicaSet.

    ``ReplicaSetStatus`` (apps); fields as in ``kubectl explain``.
    """

    _required_fields: ClassVar[tuple[str, ...]] = ("replicas",)

    availableReplicas: Optional[Int32] = Field(None, description="The number of available non-terminating pods (ready for at least minReadySeconds) for this replica set.")
    conditions: Optional[list[ReplicaSetCondition]] = Field(None, description="Represents the latest available observations of a replica set's current state.")
    fullyLabeledReplicas: Optional[Int32] = Field(None, description="The number of non-terminating pods that have labels matching the labels of the pod template of the replicaset.")
    observedGeneration: Optional[Int64] = Field(None, description="ObservedGeneration reflects the generation of the most recently observed ReplicaSet.")
    readyReplicas: Optional[Int32] = Field(None, description="The number of non-terminating pods targeted by this ReplicaSet with a Ready Condition.")
    replicas: Optional[Int32] = Field(None, description="Replicas is the most recently observed number of non-terminating pods. More info: https://kubernetes.io/docs/concepts/workloads/controllers/replicaset")
    terminatingReplicas: Optional[Int32] = Field(None, description="The number of terminating pods for this replica set. Terminating pods have a non-null .metadata.deletionTimestamp and have not yet reached the Failed or Succeeded .status.phase.\n\nThis is an alpha field. Enable DeploymentReplicaSetTerminatingReplicas to be able to use this field.")


class ReplicaSet(KubeObject):
    """ReplicaSet ensures that a specified number of pod replicas are running at any given time.

    ``ReplicaSet`` (apps); fields as in ``kubectl explain``.
    """

    API_VERSION: ClassVar[str] = "apps/v1"
    KIND: ClassVar[str] = "ReplicaSet"

    apiVersion: str = Field("apps/v1", description="APIVersion defines the versioned schema of this representation of an object. Servers should convert recognized schemas to the latest internal value, and may reject unrecognized values. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#resources")
    kind: str = Field("ReplicaSet", description="Kind is a string value representing the REST resource this object represents. Servers may infer this from the endpoint the client submits requests to. Cannot be updated. In CamelCase. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#types-kinds")
    metadata: Optional[ObjectMeta] = Field(None, description="If the Labels of a ReplicaSet are empty, they are defaulted to be the same as the Pod(s) that the ReplicaSet manages. Standard object's metadata. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#metadata")
    spec: Optional[ReplicaSetSpec] = Field(None, description="Spec defines the specification of the desired behavior of the ReplicaSet. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#spec-and-status")
    status: Optional[ReplicaSetStatus] = Field(None, description="Status is the most recently observed status of the ReplicaSet. This data may be out of date by some window of time. Populated by the system. Read-only. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#spec-and-status")


class RollingUpdateStatefulSetStrategy(K8sModel):
    """RollingUpdateStatefulSetStrategy is used to communicate parameter for RollingUpdateStatefulSetStrategyType.

    ``RollingUpdateStatefulSetStrategy`` (apps); fields as in ``kubectl explain``.
    """

    maxUnavailable: Optional[IntOrString] = Field(None, description="The maximum number of pods that can be unavailable during the update. Value can be an absolute number (ex: 5) or a percentage of desired pods (ex: 10%). Absolute number is calculated from percentage by rounding up. This can not be 0. Defaults to 1. This field is alpha-level and is only honored by servers that enable the MaxUnavailableStatefulSet feature. The field applies to all pods in the range 0 to Replicas-1. That means if there is any unavailable pod in the range 0 to Replicas-1, it will be counted towards MaxUnavailable.")
    partition: Optional[Int32] = Field(None, description="Partition indicates the ordinal at which the StatefulSet should be partitioned for updates. During a rolling update, all pods from ordinal Replicas-1 to Partition are updated. All pods from ordinal Partition-1 to 0 remain untouched. This is helpful in being able to do a canary based deployment. The default value is 0.")


class StatefulSetOrdinals(K8sModel):
    """StatefulSetOrdinals describes the policy used for replica ordinal assignment in this StatefulSet.

    ``StatefulSetOrdinals`` (apps); fields as in ``kubectl explain``.
    """

    start: Optional[Int32] = Field(None, description="start is the number representing the first replica's index. It may be used to number replicas from an alternate index (eg: 1-indexed) over the default 0-indexed names, or to orchestrate progressive movement of replicas from one StatefulSet to another. If set, replica indices will be in the range:\n  [.spec.ordinals.start, .spec.ordinals.start + .spec.replicas).\nIf unset, defaults to 0. Replica indices will be in the range:\n  [0, .spec.replicas).")


class StatefulSetPersistentVolumeClaimRetentionPolicy(K8sModel):
    """StatefulSetPersistentVolumeClaimRetentionPolicy describes the policy used for PVCs created from the StatefulSet VolumeClaimTemplates.

    ``StatefulSetPersistentVolumeClaimRetentionPolicy`` (apps); fields as in ``kubectl explain``.
    """

    _go_field_types: ClassVar[dict[str, str]] = {'whenDeleted': 'v1.PersistentVolumeClaimRetentionPolicyType', 'whenScaled': 'v1.PersistentVolumeClaimRetentionPolicyType'}

    whenDeleted: Optional[str] = Field(None, description="WhenDeleted specifies what happens to PVCs created from StatefulSet VolumeClaimTemplates when the StatefulSet is deleted. The default policy of `Retain` causes PVCs to not be affected by StatefulSet deletion. The `Delete` policy causes those PVCs to be deleted.")
    whenScaled: Optional[str] = Field(None, description="WhenScaled specifies what happens to PVCs created from StatefulSet VolumeClaimTemplates when the StatefulSet is scaled down. The default policy of `Retain` causes PVCs to not be affected by a scaledown. The `Delete` policy causes the associated PVCs for any excess pods above the replica count to be deleted.")


class StatefulSetUpdateStrategy(K8sModel):
    """StatefulSetUpdateStrategy indicates the strategy that the StatefulSet controller will use to perform updates. It includes any additional parameters necessary to perform the update for the indicated strategy.

    ``StatefulSetUpdateStrategy`` (apps); fields as in ``kubectl explain``.
    """

    _go_field_types: ClassVar[dict[str, str]] = {'type': 'v1.StatefulSetUpdateStrategyType'}

    rollingUpdate: Optional[RollingUpdateStatefulSetStrategy] = Field(None, description="RollingUpdate is used to communicate parameters when Type is RollingUpdateStatefulSetStrategyType.")
    type: Optional[str] = Field(None, description="Type indicates the type of the StatefulSetUpdateStrategy. Default is RollingUpdate.\n\nPossible enum values:\n - `\"OnDelete\"` triggers the legacy behavior. Version tracking and ordered rolling restarts are disabled. Pods are recreated from the StatefulSetSpec when they are manually deleted. When a scale operation is performed with this strategy,specification version indicated by the StatefulSet's currentRevision.\n - `\"RollingUpdate\"` indicates that update will be applied to all Pods in the StatefulSet with respect to the StatefulSet ordering constraints. When a scale operation is performed with this strategy, new Pods will be created from the specification version indicated by the StatefulSet's updateRevision.", json_schema_extra={"enum": ["OnDelete", "RollingUpdate"]})


class StatefulSetSpec(K8sModel):
    """A StatefulSetSpec is the specification of a StatefulSet.

    ``StatefulSetSpec`` (apps); fields as in ``kubectl explain``.
    """

    _go_field_types: ClassVar[dict[str, str]] = {'podManagementPolicy': 'v1.PodManagementPolicyType'}
    _required_fields: ClassVar[tuple[str, ...]] = ("selector", "template")

    minReadySeconds: Optional[Int32] = Field(None, description="Minimum number of seconds for which a newly created pod should be ready without any of its container crashing for it to be considered available. Defaults to 0 (pod will be considered available as soon as it is ready)")
    ordinals: Optional[StatefulSetOrdinals] = Field(None, description="ordinals controls the numbering of replica indices in a StatefulSet. The default ordinals behavior assigns a \"0\" index to the first replica and increments the index by one for each additional replica requested.")
    persistentVolumeClaimRetentionPolicy: Optional[StatefulSetPersistentVolumeClaimRetentionPolicy] = Field(None, description="persistentVolumeClaimRetentionPolicy describes the lifecycle of persistent volume claims created from volumeClaimTemplates. By default, all persistent volume claims are created as needed and retained until manually deleted. This policy allows the lifecycle to be altered, for example by deleting persistent volume claims when their stateful set is deleted, or when their pod is scaled down.")
    podManagementPolicy: Optional[str] = Field(None, description="podManagementPolicy controls how pods are created during initial scale up, when replacing pods on nodes, or when scaling down. The default policy is `OrderedReady`, where pods are created in increasing order (pod-0, then pod-1, etc) and the controller will wait until each pod is ready before continuing. When scaling down, the pods are removed in the opposite order. The alternative policy is `Parallel` which will create pods in parallel to match the desired scale without waiting, and on scale down will delete all pods at once.\n\nPossible enum values:\n - `\"OrderedReady\"` will create pods in strictly increasing order on scale up and strictly decreasing order on scale down, progressing only when the previous pod is ready or terminated. At most one pod will be changed at any time.\n - `\"Parallel\"` will create and delete pods as soon as the stateful set replica count is changed, and will not wait for pods to be ready or complete termination.", json_schema_extra={"enum": ["OrderedReady", "Parallel"]})
    replicas: Optional[Int32] = Field(None, description="replicas is the desired number of replicas of the given Template. These are replicas in the sense that they are instantiations of the same Template, but individual replicas also have a consistent identity. If unspecified, defaults to 1.")
    revisionHistoryLimit: Optional[Int32] = Field(None, description="revisionHistoryLimit is the maximum number of revisions that will be maintained in the StatefulSet's revision history. The revision history consists of all revisions not represented by a currently applied StatefulSetSpec version. The default value is 10.")
    selector: Optional[LabelSelector] = Field(None, description="selector is a label query over pods that should match the replica count. It must match the pod template's labels. More info: https://kubernetes.io/docs/concepts/overview/working-with-objects/labels/#label-selectors")
    serviceName: Optional[str] = Field(None, description="serviceName is the name of the service that governs this StatefulSet. This service must exist before the StatefulSet, and is responsible for the network identity of the set. Pods get DNS/hostnames that follow the pattern: pod-specific-string.serviceName.default.svc.cluster.local where \"pod-specific-string\" is managed by the StatefulSet controller.")
    template: Optional[PodTemplateSpec] = Field(None, description="template is the object that describes the pod that will be created if insufficient replicas are detected. Each pod stamped out by the StatefulSet will fulfill this Template, but have a unique identity from the rest of the StatefulSet. Each pod will be named with the format <statefulsetname>-<podindex>. For example, a pod in a StatefulSet named \"web\" with index number \"3\" would be named \"web-3\". The only allowed template.spec.restartPolicy value is \"Always\".")
    updateStrategy: Optional[StatefulSetUpdateStrategy] = Field(None, description="updateStrategy indicates the StatefulSetUpdateStrategy that will be employed to update Pods in the StatefulSet when a revision is made to Template.")
    volumeClaimTemplates: Optional[list[PersistentVolumeClaim]] = Field(None, description="volumeClaimTemplates is a list of claims that pods are allowed to reference. The StatefulSet controller is responsible for mapping network identities to claims in a way that maintains the identity of a pod. Every claim in this list must have at least one matching (by name) volumeMount in one container in the template. A claim in this list takes precedence over any volumes in the template, with the same name.")


class StatefulSetCondition(K8sModel):
    """StatefulSetCondition describes the state of a statefulset at a certain point.

    ``StatefulSetCondition`` (apps); fields as in ``kubectl explain``.
    """

    _go_field_types: ClassVar[dict[str, str]] = {'type': 'v1.StatefulSetConditionType', 'status': 'v1.ConditionStatus'}
    _required_fields: ClassVar[tuple[str, ...]] = ("type", "status")

    lastTransitionTime: Optional[Time] = Field(None, description="Last time the condition transitioned from one status to another.")
    message: Optional[str] = Field(None, description="A human readable message indicating details about the transition.")
    reason: Optional[str] = Field(None, description="The reason for the condition's last transition.")
    status: Optional[str] = Field(None, description="Status of the condition, one of True, False, Unknown.")
    type: Optional[str] = Field(None, description="Type of statefulset condition.")


class StatefulSetStatus(K8sModel):
    """StatefulSetStatus represents the current state of a StatefulSet.

    ``StatefulSetStatus`` (apps); fields as in ``kubectl explain``.
    """

    _required_fields: ClassVar[tuple[str, ...]] = ("replicas",)

    availableReplicas: Optional[Int32] = Field(None, description="Total number of available pods (ready for at least minReadySeconds) targeted by this statefulset.")
    collisionCount: Optional[Int32] = Field(None, description="collisionCount is the count of hash collisions for the StatefulSet. The StatefulSet controller uses this field as a collision avoidance mechanism when it needs to create the name for the newest ControllerRevision.")
    conditions: Optional[list[StatefulSetCondition]] = Field(None, description="Represents the latest available observations of a statefulset's current state.")
    currentReplicas: Optional[Int32] = Field(None, description="currentReplicas is the number of Pods created by the StatefulSet controller from the StatefulSet version indicated by currentRevision.")
    currentRevision: Optional[str] = Field(None, description="currentRevision, if not empty, indicates the version of the StatefulSet used to generate Pods in the sequence [0,currentReplicas).")
    observedGeneration: Optional[Int64] = Field(None, description="observedGeneration is the most recent generation observed for this StatefulSet. It corresponds to the StatefulSet's generation, which is updated on mutation by the API Server.")
    readyReplicas: Optional[Int32] = Field(None, description="readyReplicas is the number of pods created for this StatefulSet with a Ready Condition.")
    replicas: Optional[Int32] = Field(None, description="replicas is the number of Pods created by the StatefulSet controller.")
    updateRevision: Optional[str] = Field(None, description="updateRevision, if not empty, indicates the version of the StatefulSet used to generate Pods in the sequence [replicas-updatedReplicas,replicas)")
    updatedReplicas: Optional[Int32] = Field(None, description="updatedReplicas is the number of Pods created by the StatefulSet controller from the StatefulSet version indicated by updateRevision.")


class StatefulSet(KubeObject):
    """StatefulSet represents a set of pods with consistent identities. Identities are defined as:
      - Network: A single stable DNS and hostname.
      - Storage: As many VolumeClaims as requested.

    The StatefulSet guarantees that a given network identity will always map to the same storage identity.

    ``StatefulSet`` (apps); fields as in ``kubectl explain``.
    """

    API_VERSION: ClassVar[str] = "apps/v1"
    KIND: ClassVar[str] = "StatefulSet"

    apiVersion: str = Field("apps/v1", description="APIVersion defines the versioned schema of this representation of an object. Servers should convert recognized schemas to the latest internal value, and may reject unrecognized values. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#resources")
    kind: str = Field("StatefulSet", description="Kind is a string value representing the REST resource this object represents. Servers may infer this from the endpoint the client submits requests to. Cannot be updated. In CamelCase. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#types-kinds")
    metadata: Optional[ObjectMeta] = Field(None, description="Standard object's metadata. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#metadata")
    spec: Optional[StatefulSetSpec] = Field(None, description="Spec defines the desired identities of pods in this set.")
    status: Optional[StatefulSetStatus] = Field(None, description="Status is the current status of Pods in this StatefulSet. This data may be out of date by some window of time.")
