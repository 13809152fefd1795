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
    """``RollingUpdateDaemonSet`` (apps): see ``kubectl explain``."""

    maxSurge: Optional[IntOrString] = Field(None, description="The maximum number of nodes with an existing available DaemonSet pod that can have an updated DaemonSet pod during during an update. Value can be an absolute number (ex: 5) or a percentage of desired pods (ex: 10%). This can not be 0 if MaxUnavailable is 0. Absolute number is calculated from percentage by rounding up to a minimum of 1. Default value is 0. Example: when this is set to 30%, at most 30% of the total number of nodes that should be running the daemon pod (i.e. status.desiredNumberScheduled) can have their a new pod created before the old pod is marked as deleted. The update starts by launching new pods on 30% of nodes. Once an updated pod is available (Ready for at least minReadySeconds) the old DaemonSet pod on that node is marked deleted. If the old pod becomes unavailable for any reason (Ready transitions to false, is evicted, or is drained) an updated pod is immediately created on that node without considering surge limits. Allowing surge implies the possibility that the resources consumed by the daemonset on any given node can double if the readiness check fails, and so resource intensive daemonsets should take into account that they may cause evictions during disruption.")
    maxUnavailable: Optional[IntOrString] = Field(None, description="The maximum number of DaemonSet pods that can be unavailable during the update. Value can be an absolute number (ex: 5) or a percentage of total number of DaemonSet pods at the start of the update (ex: 10%). Absolute number is calculated from percentage by rounding up. This cannot be 0 if MaxSurge is 0 Default value is 1. Example: when this is set to 30%, at most 30% of the total number of nodes that should be running the daemon pod (i.e. status.desiredNumberScheduled) can have their pods stopped for an update at any given time. The update starts by stopping at most 30% of those DaemonSet pods and then brings up new DaemonSet pods in their place. Once the new pods are available, it then proceeds onto other DaemonSet pods, thus ensuring that at least 70% of original number of DaemonSet pods are available at all times during the update.")


class DaemonSetUpdateStrategy(K8sModel):
    """``DaemonSetUpdateStrategy`` (apps): see ``kubectl explain``."""

    _go_field_types: ClassVar[dict[str, str]] = {'type': 'v1.DaemonSetUpdateStrategyType'}

    rollingUpdate: Optional[RollingUpdateDaemonSet] = Field(None, description=":return: The rolling_update of this V1DaemonSetUpdateStrategy.   :rtype: V1RollingUpdateDaemonSet \"\"\" return self._rolling_update  @rolling_update.setter def rolling_update(self, rolling_update): \"\"\"Sets the rolling_update of this V1DaemonSetUpdateStrategy.   :param rolling_update: The rolling_update of this V1DaemonSetUpdateStrategy.   :type: V1RollingUpdateDaemonSet \"\"\"  self._rolling_update = rolling_update  @property def type(self): \"\"\"Gets the type of this V1DaemonSetUpdateStrategy.    Type of daemon set update. Can be \\\"RollingUpdate\\\" or \\\"OnDelete\\\". Default is RollingUpdate.")
    type: Optional[str] = Field(None, description="Type of daemon set update. Can be \\\"RollingUpdate\\\" or \\\"OnDelete\\\". Default is RollingUpdate.")


class DaemonSetSpec(K8sModel):
    """``DaemonSetSpec`` (apps): see ``kubectl explain``."""

    minReadySeconds: Optional[Int32] = Field(None, description="The minimum number of seconds for which a newly created DaemonSet pod should be ready without any of its container crashing, for it to be considered available. Defaults to 0 (pod will be considered available as soon as it is ready).")
    revisionHistoryLimit: Optional[Int32] = Field(None, description="The number of old history to retain to allow rollback. This is a pointer to distinguish between explicit zero and not specified. Defaults to 10.")
    selector: Optional[LabelSelector] = Field(None, description=":return: The selector of this V1DaemonSetSpec.   :rtype: V1LabelSelector \"\"\" return self._selector  @selector.setter def selector(self, selector): \"\"\"Sets the selector of this V1DaemonSetSpec.   :param selector: The selector of this V1DaemonSetSpec.   :type: V1LabelSelector \"\"\" if self.local_vars_configuration.client_side_validation and selector is None:   raise ValueError(\"Invalid value for `selector`, must not be `None`\")    self._selector = selector  @property def template(self): \"\"\"Gets the template of this V1DaemonSetSpec.")
    template: Optional[PodTemplateSpec] = Field(None, description=":return: The template of this V1DaemonSetSpec.   :rtype: V1PodTemplateSpec \"\"\" return self._template  @template.setter def template(self, template): \"\"\"Sets the template of this V1DaemonSetSpec.   :param template: The template of this V1DaemonSetSpec.   :type: V1PodTemplateSpec \"\"\" if self.local_vars_configuration.client_side_validation and template is None:   raise ValueError(\"Invalid value for `template`, must not be `None`\")    self._template = template  @property def update_strategy(self): \"\"\"Gets the update_strategy of this V1DaemonSetSpec.")
    updateStrategy: Optional[DaemonSetUpdateStrategy] = Field(None, description="")


class DaemonSetCondition(K8sModel):
    """``DaemonSetCondition`` (apps): see ``kubectl explain``."""

    _go_field_types: ClassVar[dict[str, str]] = {'type': 'v1.DaemonSetConditionType', 'status': 'v1.ConditionStatus'}

    lastTransitionTime: Optional[Time] = Field(None, description="Last time the condition transitioned from one status to another.")
    message: Optional[str] = Field(None, description="A human readable message indicating details about the transition.")
    reason: Optional[str] = Field(None, description="The reason for the condition's last transition.")
    status: Optional[str] = Field(None, description="Status of the condition, one of True, False, Unknown.")
    type: Optional[str] = Field(None, description="Type of DaemonSet condition.")


class DaemonSetStatus(K8sModel):
    """``DaemonSetStatus`` (apps): see ``kubectl explain``."""

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

    apiVersion: str = "apps/v1"
    kind: str = "DaemonSet"
    metadata: Optional[ObjectMeta] = Field(None, description=":return: The metadata of this V1DaemonSet.   :rtype: V1ObjectMeta \"\"\" return self._metadata  @metadata.setter def metadata(self, metadata): \"\"\"Sets the metadata of this V1DaemonSet.   :param metadata: The metadata of this V1DaemonSet.   :type: V1ObjectMeta \"\"\"  self._metadata = metadata  @property def spec(self): \"\"\"Gets the spec of this V1DaemonSet.")
    spec: Optional[DaemonSetSpec] = Field(None, description=":return: The spec of this V1DaemonSet.   :rtype: V1DaemonSetSpec \"\"\" return self._spec  @spec.setter def spec(self, spec): \"\"\"Sets the spec of this V1DaemonSet.   :param spec: The spec of this V1DaemonSet.   :type: V1DaemonSetSpec \"\"\"  self._spec = spec  @property def status(self): \"\"\"Gets the status of this V1DaemonSet.")
    status: Optional[DaemonSetStatus] = Field(None, description="")


class RollingUpdateDeployment(K8sModel):
    """``RollingUpdateDeployment`` (apps): see ``kubectl explain``."""

    maxSurge: Optional[IntOrString] = Field(None, description="The maximum number of pods that can be scheduled above the desired number of pods. Value can be an absolute number (ex: 5) or a percentage of desired pods (ex: 10%). This can not be 0 if MaxUnavailable is 0. Absolute number is calculated from percentage by rounding up. Defaults to 25%. Example: when this is set to 30%, the new ReplicaSet can be scaled up immediately when the rolling update starts, such that the total number of old and new pods do not exceed 130% of desired pods. Once old pods have been killed, new ReplicaSet can be scaled up further, ensuring that total number of pods running at any time during the update is at most 130% of desired pods.")
    maxUnavailable: Optional[IntOrString] = Field(None, description="The maximum number of pods that can be unavailable during the update. Value can be an absolute number (ex: 5) or a percentage of desired pods (ex: 10%). Absolute number is calculated from percentage by rounding down. This can not be 0 if MaxSurge is 0. Defaults to 25%. Example: when this is set to 30%, the old ReplicaSet can be scaled down to 70% of desired pods immediately when the rolling update starts. Once new pods are ready, old ReplicaSet can be scaled down further, followed by scaling up the new ReplicaSet, ensuring that the total number of pods available at all times during the update is at least 70% of desired pods.")


class DeploymentStrategy(K8sModel):
    """``DeploymentStrategy`` (apps): see ``kubectl explain``."""

    _go_field_types: ClassVar[dict[str, str]] = {'type': 'v1.DeploymentStrategyType'}

    rollingUpdate: Optional[RollingUpdateDeployment] = Field(None, description=":return: The rolling_update of this V1DeploymentStrategy.   :rtype: V1RollingUpdateDeployment \"\"\" return self._rolling_update  @rolling_update.setter def rolling_update(self, rolling_update): \"\"\"Sets the rolling_update of this V1DeploymentStrategy.   :param rolling_update: The rolling_update of this V1DeploymentStrategy.   :type: V1RollingUpdateDeployment \"\"\"  self._rolling_update = rolling_update  @property def type(self): \"\"\"Gets the type of this V1DeploymentStrategy.    Type of deployment. Can be \\\"Recreate\\\" or \\\"RollingUpdate\\\". Default is RollingUpdate.")
    type: Optional[str] = Field(None, description="Type of deployment. Can be \\\"Recreate\\\" or \\\"RollingUpdate\\\". Default is RollingUpdate.")


class DeploymentSpec(K8sModel):
    """``DeploymentSpec`` (apps): see ``kubectl explain``."""

    minReadySeconds: Optional[Int32] = Field(None, description="Minimum number of seconds for which a newly created pod should be ready without any of its container crashing, for it to be considered available. Defaults to 0 (pod will be considered available as soon as it is ready)")
    paused: Optional[bool] = Field(None, description="Indicates that the deployment is paused.")
    progressDeadlineSeconds: Optional[Int32] = Field(None, description="The maximum time in seconds for a deployment to make progress before it is considered to be failed. The deployment controller will continue to process failed deployments and a condition with a ProgressDeadlineExceeded reason will be surfaced in the deployment status. Note that progress will not be estimated during the time a deployment is paused. Defaults to 600s.")
    replicas: Optional[Int32] = Field(None, description="Number of desired pods. This is a pointer to distinguish between explicit zero and not specified. Defaults to 1.")
    revisionHistoryLimit: Optional[Int32] = Field(None, description="The number of old ReplicaSets to retain to allow rollback. This is a pointer to distinguish between explicit zero and not specified. Defaults to 10.")
    selector: Optional[LabelSelector] = Field(None, description=":return: The selector of this V1DeploymentSpec.   :rtype: V1LabelSelector \"\"\" return self._selector  @selector.setter def selector(self, selector): \"\"\"Sets the selector of this V1DeploymentSpec.   :param selector: The selector of this V1DeploymentSpec.   :type: V1LabelSelector \"\"\" if self.local_vars_configuration.client_side_validation and selector is None:   raise ValueError(\"Invalid value for `selector`, must not be `None`\")    self._selector = selector  @property def strategy(self): \"\"\"Gets the strategy of this V1DeploymentSpec.")
    strategy: Optional[DeploymentStrategy] = Field(None, description=":return: The strategy of this V1DeploymentSpec.   :rtype: V1DeploymentStrategy \"\"\" return self._strategy  @strategy.setter def strategy(self, strategy): \"\"\"Sets the strategy of this V1DeploymentSpec.   :param strategy: The strategy of this V1DeploymentSpec.   :type: V1DeploymentStrategy \"\"\"  self._strategy = strategy  @property def template(self): \"\"\"Gets the template of this V1DeploymentSpec.")
    template: Optional[PodTemplateSpec] = Field(None, description="")


class DeploymentCondition(K8sModel):
    """``DeploymentCondition`` (apps): see ``kubectl explain``."""

    _go_field_types: ClassVar[dict[str, str]] = {'type': 'v1.DeploymentConditionType', 'status': 'v1.ConditionStatus'}

    lastTransitionTime: Optional[Time] = Field(None, description="Last time the condition transitioned from one status to another.")
    lastUpdateTime: Optional[Time] = Field(None, description="The last time this condition was updated.")
    message: Optional[str] = Field(None, description="A human readable message indicating details about the transition.")
    reason: Optional[str] = Field(None, description="The reason for the condition's last transition.")
    status: Optional[str] = Field(None, description="Status of the condition, one of True, False, Unknown.")
    type: Optional[str] = Field(None, description="Type of deployment condition.")


class DeploymentStatus(K8sModel):
    """``DeploymentStatus`` (apps): see ``kubectl explain``."""

    availableReplicas: Optional[Int32] = Field(None, description="Total number of available non-terminating pods (ready for at least minReadySeconds) targeted by this deployment.")
    collisionCount: Optional[Int32] = Field(None, description="Count of hash collisions for the Deployment. The Deployment controller uses this field as a collision avoidance mechanism when it needs to create the name for the newest ReplicaSet.")
    conditions: Optional[list[DeploymentCondition]] = Field(None, description="Represents the latest available observations of a deployment's current state.")
    observedGeneration: Optional[Int64] = Field(None, description="The generation observed by the deployment controller.")
    readyReplicas: Optional[Int32] = Field(None, description="Total number of non-terminating pods targeted by this Deployment with a Ready Condition.")
    replicas: Optional[Int32] = Field(None, description="Total number of non-terminating pods targeted by this deployment (their labels match the selector).")
    terminatingReplicas: Optional[Int32] = Field(None, description="Total number of terminating pods targeted by this deployment. Terminating pods have a non-null .metadata.deletionTimestamp and have not yet reached the Failed or Succeeded .status.phase.  This is an alpha field. Enable DeploymentReplicaSetTerminatingReplicas to be able to use this field.")
    unavailableReplicas: Optional[Int32] = Field(None, description="Total number of unavailable pods targeted by this deployment. This is the total number of pods that are still required for the deployment to have 100% available capacity. They may either be pods that are running but not yet available or pods that still have not been created.")
    updatedReplicas: Optional[Int32] = Field(None, description="Total number of non-terminating pods targeted by this deployment that have the desired template spec.")


class Deployment(KubeObject):
    """Deployment enables declarative updates for Pods and ReplicaSets.

    ``Deployment`` (apps); fields as in ``kubectl explain``.
    """

    API_VERSION: ClassVar[str] = "apps/v1"
    KIND: ClassVar[str] = "Deployment"

    apiVersion: str = "apps/v1"
    kind: str = "Deployment"
    metadata: Optional[ObjectMeta] = Field(None, description=":return: The metadata of this V1Deployment.   :rtype: V1ObjectMeta \"\"\" return self._metadata  @metadata.setter def metadata(self, metadata): \"\"\"Sets the metadata of this V1Deployment.   :param metadata: The metadata of this V1Deployment.   :type: V1ObjectMeta \"\"\"  self._metadata = metadata  @property def spec(self): \"\"\"Gets the spec of this V1Deployment.")
    spec: Optional[DeploymentSpec] = Field(None, description=":return: The spec of this V1Deployment.   :rtype: V1DeploymentSpec \"\"\" return self._spec  @spec.setter def spec(self, spec): \"\"\"Sets the spec of this V1Deployment.   :param spec: The spec of this V1Deployment.   :type: V1DeploymentSpec \"\"\"  self._spec = spec  @property def status(self): \"\"\"Gets the status of this V1Deployment.")
    status: Optional[DeploymentStatus] = Field(None, description="")


class ReplicaSetSpec(K8sModel):
    """``ReplicaSetSpec`` (apps): see ``kubectl explain``."""

    minReadySeconds: Optional[Int32] = Field(None, description="Minimum number of seconds for which a newly created pod should be ready without any of its container crashing, for it to be considered available. Defaults to 0 (pod will be considered available as soon as it is ready)")
    replicas: Optional[Int32] = Field(None, description="Replicas is the number of desired pods. This is a pointer to distinguish between explicit zero and unspecified. Defaults to 1. More info: https://kubernetes.io/docs/concepts/workloads/controllers/replicaset")
    selector: Optional[LabelSelector] = Field(None, description=":return: The selector of this V1ReplicaSetSpec.   :rtype: V1LabelSelector \"\"\" return self._selector  @selector.setter def selector(self, selector): \"\"\"Sets the selector of this V1ReplicaSetSpec.   :param selector: The selector of this V1ReplicaSetSpec.   :type: V1LabelSelector \"\"\" if self.local_vars_configuration.client_side_validation and selector is None:   raise ValueError(\"Invalid value for `selector`, must not be `None`\")    self._selector = selector  @property def template(self): \"\"\"Gets the template of this V1ReplicaSetSpec.")
    template: Optional[PodTemplateSpec] = Field(None, description="")


class ReplicaSetCondition(K8sModel):
    """``ReplicaSetCondition`` (apps): see ``kubectl explain``."""

    _go_field_types: ClassVar[dict[str, str]] = {'type': 'v1.ReplicaSetConditionType', 'status': 'v1.ConditionStatus'}

    lastTransitionTime: Optional[Time] = Field(None, description="The last time the condition transitioned from one status to another.")
    message: Optional[str] = Field(None, description="A human readable message indicating details about the transition.")
    reason: Optional[str] = Field(None, description="The reason for the condition's last transition.")
    status: Optional[str] = Field(None, description="Status of the condition, one of True, False, Unknown.")
    type: Optional[str] = Field(None, description="Type of replica set condition.")


class ReplicaSetStatus(K8sModel):
    """``ReplicaSetStatus`` (apps): see ``kubectl explain``."""

    availableReplicas: Optional[Int32] = Field(None, description="The number of available non-terminating pods (ready for at least minReadySeconds) for this replica set.")
    conditions: Optional[list[ReplicaSetCondition]] = Field(None, description="Represents the latest available observations of a replica set's current state.")
    fullyLabeledReplicas: Optional[Int32] = Field(None, description="The number of non-terminating pods that have labels matching the labels of the pod template of the replicaset.")
    observedGeneration: Optional[Int64] = Field(None, description="ObservedGeneration reflects the generation of the most recently observed ReplicaSet.")
    readyReplicas: Optional[Int32] = Field(None, description="The number of non-terminating pods targeted by this ReplicaSet with a Ready Condition.")
    replicas: Optional[Int32] = Field(None, description="Replicas is the most recently observed number of non-terminating pods. More info: https://kubernetes.io/docs/concepts/workloads/controllers/replicaset")
    terminatingReplicas: Optional[Int32] = Field(None, description="The number of terminating pods for this replica set. Terminating pods have a non-null .metadata.deletionTimestamp and have not yet reached the Failed or Succeeded .status.phase.  This is an alpha field. Enable DeploymentReplicaSetTerminatingReplicas to be able to use this field.")


class ReplicaSet(KubeObject):
    """ReplicaSet ensures that a specified number of pod replicas are running at any given time.

    ``ReplicaSet`` (apps); fields as in ``kubectl explain``.
    """

    API_VERSION: ClassVar[str] = "apps/v1"
    KIND: ClassVar[str] = "ReplicaSet"

    apiVersion: str = "apps/v1"
    kind: str = "ReplicaSet"
    metadata: Optional[ObjectMeta] = Field(None, description=":return: The metadata of this V1ReplicaSet.   :rtype: V1ObjectMeta \"\"\" return self._metadata  @metadata.setter def metadata(self, metadata): \"\"\"Sets the metadata of this V1ReplicaSet.   :param metadata: The metadata of this V1ReplicaSet.   :type: V1ObjectMeta \"\"\"  self._metadata = metadata  @property def spec(self): \"\"\"Gets the spec of this V1ReplicaSet.")
    spec: Optional[ReplicaSetSpec] = Field(None, description=":return: The spec of this V1ReplicaSet.   :rtype: V1ReplicaSetSpec \"\"\" return self._spec  @spec.setter def spec(self, spec): \"\"\"Sets the spec of this V1ReplicaSet.   :param spec: The spec of this V1ReplicaSet.   :type: V1ReplicaSetSpec \"\"\"  self._spec = spec  @property def status(self): \"\"\"Gets the status of this V1ReplicaSet.")
    status: Optional[ReplicaSetStatus] = Field(None, description="")


class RollingUpdateStatefulSetStrategy(K8sModel):
    """``RollingUpdateStatefulSetStrategy`` (apps): see ``kubectl explain``."""

    maxUnavailable: Optional[IntOrString] = Field(None, description="The maximum number of pods that can be unavailable during the update. Value can be an absolute number (ex: 5) or a percentage of desired pods (ex: 10%). Absolute number is calculated from percentage by rounding up. This can not be 0. Defaults to 1. This field is alpha-level and is only honored by servers that enable the MaxUnavailableStatefulSet feature. The field applies to all pods in the range 0 to Replicas-1. That means if there is any unavailable pod in the range 0 to Replicas-1, it will be counted towards MaxUnavailable.")
    partition: Optional[Int32] = Field(None, description="Partition indicates the ordinal at which the StatefulSet should be partitioned for updates. During a rolling update, all pods from ordinal Replicas-1 to Partition are updated. All pods from ordinal Partition-1 to 0 remain untouched. This is helpful in being able to do a canary based deployment. The default value is 0.")


class StatefulSetOrdinals(K8sModel):
    """``StatefulSetOrdinals`` (apps): see ``kubectl explain``."""

    start: Optional[Int32] = Field(None, description="start is the number representing the first replica's index. It may be used to number replicas from an alternate index (eg: 1-indexed) over the default 0-indexed names, or to orchestrate progressive movement of replicas from one StatefulSet to another. If set, replica indices will be in the range:   [.spec.ordinals.start, .spec.ordinals.start + .spec.replicas). If unset, defaults to 0. Replica indices will be in the range:   [0, .spec.replicas).")


class StatefulSetPersistentVolumeClaimRetentionPolicy(K8sModel):
    """``StatefulSetPersistentVolumeClaimRetentionPolicy`` (apps): see ``kubectl explain``."""

    _go_field_types: ClassVar[dict[str, str]] = {'whenDeleted': 'v1.PersistentVolumeClaimRetentionPolicyType', 'whenScaled': 'v1.PersistentVolumeClaimRetentionPolicyType'}

    whenDeleted: Optional[str] = Field(None, description="WhenDeleted specifies what happens to PVCs created from StatefulSet VolumeClaimTemplates when the StatefulSet is deleted. The default policy of `Retain` causes PVCs to not be affected by StatefulSet deletion. The `Delete` policy causes those PVCs to be deleted.")
    whenScaled: Optional[str] = Field(None, description="WhenScaled specifies what happens to PVCs created from StatefulSet VolumeClaimTemplates when the StatefulSet is scaled down. The default policy of `Retain` causes PVCs to not be affected by a scaledown. The `Delete` policy causes the associated PVCs for any excess pods above the replica count to be deleted.")


class StatefulSetUpdateStrategy(K8sModel):
    """``StatefulSetUpdateStrategy`` (apps): see ``kubectl explain``."""

    _go_field_types: ClassVar[dict[str, str]] = {'type': 'v1.StatefulSetUpdateStrategyType'}

    rollingUpdate: Optional[RollingUpdateStatefulSetStrategy] = Field(None, description=":return: The rolling_update of this V1StatefulSetUpdateStrategy.   :rtype: V1RollingUpdateStatefulSetStrategy \"\"\" return self._rolling_update  @rolling_update.setter def rolling_update(self, rolling_update): \"\"\"Sets the rolling_update of this V1StatefulSetUpdateStrategy.   :param rolling_update: The rolling_update of this V1StatefulSetUpdateStrategy.   :type: V1RollingUpdateStatefulSetStrategy \"\"\"  self._rolling_update = rolling_update  @property def type(self): \"\"\"Gets the type of this V1StatefulSetUpdateStrategy.    Type indicates the type of the StatefulSetUpdateStrategy. Default is RollingUpdate.")
    type: Optional[str] = Field(None, description="Type indicates the type of the StatefulSetUpdateStrategy. Default is RollingUpdate.")


class StatefulSetSpec(K8sModel):
    """``StatefulSetSpec`` (apps): see ``kubectl explain``."""

    _go_field_types: ClassVar[dict[str, str]] = {'podManagementPolicy': 'v1.PodManagementPolicyType'}

    minReadySeconds: Optional[Int32] = Field(None, description="Minimum number of seconds for which a newly created pod should be ready without any of its container crashing for it to be considered available. Defaults to 0 (pod will be considered available as soon as it is ready)")
    ordinals: Optional[StatefulSetOrdinals] = Field(None, description=":return: The ordinals of this V1StatefulSetSpec.   :rtype: V1StatefulSetOrdinals \"\"\" return self._ordinals  @ordinals.setter def ordinals(self, ordinals): \"\"\"Sets the ordinals of this V1StatefulSetSpec.   :param ordinals: The ordinals of this V1StatefulSetSpec.   :type: V1StatefulSetOrdinals \"\"\"  self._ordinals = ordinals  @property def persistent_volume_claim_retention_policy(self): \"\"\"Gets the persistent_volume_claim_retention_policy of this V1StatefulSetSpec.")
    persistentVolumeClaimRetentionPolicy: Optional[StatefulSetPersistentVolumeClaimRetentionPolicy] = Field(None, description=":return: The persistent_volume_claim_retention_policy of this V1StatefulSetSpec.   :rtype: V1StatefulSetPersistentVolumeClaimRetentionPolicy \"\"\" return self._persistent_volume_claim_retention_policy  @persistent_volume_claim_retention_policy.setter def persistent_volume_claim_retention_policy(self, persistent_volume_claim_retention_policy): \"\"\"Sets the persistent_volume_claim_retention_policy of this V1StatefulSetSpec.   :param persistent_volume_claim_retention_policy: The persistent_volume_claim_retention_policy of this V1StatefulSetSpec.   :type: V1StatefulSetPersistentVolumeClaimRetentionPolicy \"\"\"  self._persistent_volume_claim_retention_policy = persistent_volume_claim_retention_policy  @property def pod_management_policy(self): \"\"\"Gets the pod_management_policy of this V1StatefulSetSpec.    podManagementPolicy controls how pods are created during initial scale up, when replacing pods on nodes, or when scaling down. The default policy is `OrderedReady`, where pods are created in increasing order (pod-0, then pod-1, etc) and the controller will wait until each pod is ready before continuing. When scaling down, the pods are removed in the opposite order. The alternative policy is `Parallel` which will create pods in parallel to match the desired scale without waiting, and on scale down will delete all pods at once.")
    podManagementPolicy: Optional[str] = Field(None, description="podManagementPolicy controls how pods are created during initial scale up, when replacing pods on nodes, or when scaling down. The default policy is `OrderedReady`, where pods are created in increasing order (pod-0, then pod-1, etc) and the controller will wait until each pod is ready before continuing. When scaling down, the pods are removed in the opposite order. The alternative policy is `Parallel` which will create pods in parallel to match the desired scale without waiting, and on scale down will delete all pods at once.")
    replicas: Optional[Int32] = Field(None, description="replicas is the desired number of replicas of the given Template. These are replicas in the sense that they are instantiations of the same Template, but individual replicas also have a consistent identity. If unspecified, defaults to 1.")
    revisionHistoryLimit: Optional[Int32] = Field(None, description="revisionHistoryLimit is the maximum number of revisions that will be maintained in the StatefulSet's revision history. The revision history consists of all revisions not represented by a currently applied StatefulSetSpec version. The default value is 10.")
    selector: Optional[LabelSelector] = Field(None, description=":return: The selector of this V1StatefulSetSpec.   :rtype: V1LabelSelector \"\"\" return self._selector  @selector.setter def selector(self, selector): \"\"\"Sets the selector of this V1StatefulSetSpec.   :param selector: The selector of this V1StatefulSetSpec.   :type: V1LabelSelector \"\"\" if self.local_vars_configuration.client_side_validation and selector is None:   raise ValueError(\"Invalid value for `selector`, must not be `None`\")    self._selector = selector  @property def service_name(self): \"\"\"Gets the service_name of this V1StatefulSetSpec.    serviceName is the name of the service that governs this StatefulSet. This service must exist before the StatefulSet, and is responsible for the network identity of the set. Pods get DNS/hostnames that follow the pattern: pod-specific-string.serviceName.default.svc.cluster.local where \\\"pod-specific-string\\\" is managed by the StatefulSet controller.")
    serviceName: Optional[str] = Field(None, description="serviceName is the name of the service that governs this StatefulSet. This service must exist before the StatefulSet, and is responsible for the network identity of the set. Pods get DNS/hostnames that follow the pattern: pod-specific-string.serviceName.default.svc.cluster.local where \\\"pod-specific-string\\\" is managed by the StatefulSet controller.")
    template: Optional[PodTemplateSpec] = Field(None, description=":return: The template of this V1StatefulSetSpec.   :rtype: V1PodTemplateSpec \"\"\" return self._template  @template.setter def template(self, template): \"\"\"Sets the template of this V1StatefulSetSpec.   :param template: The template of this V1StatefulSetSpec.   :type: V1PodTemplateSpec \"\"\" if self.local_vars_configuration.client_side_validation and template is None:   raise ValueError(\"Invalid value for `template`, must not be `None`\")    self._template = template  @property def update_strategy(self): \"\"\"Gets the update_strategy of this V1StatefulSetSpec.")
    updateStrategy: Optional[StatefulSetUpdateStrategy] = Field(None, description=":return: The update_strategy of this V1StatefulSetSpec.   :rtype: V1StatefulSetUpdateStrategy \"\"\" return self._update_strategy  @update_strategy.setter def update_strategy(self, update_strategy): \"\"\"Sets the update_strategy of this V1StatefulSetSpec.   :param update_strategy: The update_strategy of this V1StatefulSetSpec.   :type: V1StatefulSetUpdateStrategy \"\"\"  self._update_strategy = update_strategy  @property def volume_claim_templates(self): \"\"\"Gets the volume_claim_templates of this V1StatefulSetSpec.    volumeClaimTemplates is a list of claims that pods are allowed to reference. The StatefulSet controller is responsible for mapping network identities to claims in a way that maintains the identity of a pod. Every claim in this list must have at least one matching (by name) volumeMount in one container in the template. A claim in this list takes precedence over any volumes in the template, with the same name.")
    volumeClaimTemplates: Optional[list[PersistentVolumeClaim]] = Field(None, description="volumeClaimTemplates is a list of claims that pods are allowed to reference. The StatefulSet controller is responsible for mapping network identities to claims in a way that maintains the identity of a pod. Every claim in this list must have at least one matching (by name) volumeMount in one container in the template. A claim in this list takes precedence over any volumes in the template, with the same name.")


class StatefulSetCondition(K8sModel):
    """``StatefulSetCondition`` (apps): see ``kubectl explain``."""

    _go_field_types: ClassVar[dict[str, str]] = {'type': 'v1.StatefulSetConditionType', 'status': 'v1.ConditionStatus'}

    lastTransitionTime: Optional[Time] = Field(None, description="Last time the condition transitioned from one status to another.")
    message: Optional[str] = Field(None, description="A human readable message indicating details about the transition.")
    reason: Optional[str] = Field(None, description="The reason for the condition's last transition.")
    status: Optional[str] = Field(None, description="Status of the condition, one of True, False, Unknown.")
    type: Optional[str] = Field(None, description="Type of statefulset condition.")


class StatefulSetStatus(K8sModel):
    """``StatefulSetStatus`` (apps): see ``kubectl explain``."""

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
    """StatefulSet represents a set of pods with consistent identities: network names and stable storage.

    ``StatefulSet`` (apps); fields as in ``kubectl explain``.
    """

    API_VERSION: ClassVar[str] = "apps/v1"
    KIND: ClassVar[str] = "StatefulSet"

    apiVersion: str = "apps/v1"
    kind: str = "StatefulSet"
    metadata: Optional[ObjectMeta] = Field(None, description=":return: The metadata of this V1StatefulSet.   :rtype: V1ObjectMeta \"\"\" return self._metadata  @metadata.setter def metadata(self, metadata): \"\"\"Sets the metadata of this V1StatefulSet.   :param metadata: The metadata of this V1StatefulSet.   :type: V1ObjectMeta \"\"\"  self._metadata = metadata  @property def spec(self): \"\"\"Gets the spec of this V1StatefulSet.")
    spec: Optional[StatefulSetSpec] = Field(None, description=":return: The spec of this V1StatefulSet.   :rtype: V1StatefulSetSpec \"\"\" return self._spec  @spec.setter def spec(self, spec): \"\"\"Sets the spec of this V1StatefulSet.   :param spec: The spec of this V1StatefulSet.   :type: V1StatefulSetSpec \"\"\"  self._spec = spec  @property def status(self): \"\"\"Gets the status of this V1StatefulSet.")
    status: Optional[StatefulSetStatus] = Field(None, description="")
