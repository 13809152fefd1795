"""core/v1 containers: ``Container``, ``EphemeralContainer``, ports, env, and ``ContainerStatus``.

Field names are the Kubernetes JSON names; every field is optional (``None`` = absent).
Field lists and descriptions follow ``k8s.io/api`` (Kubernetes 1.34).
"""

from __future__ import annotations

from typing import ClassVar, Optional

from pydantic import Field

from sandbox.api.base import Int32, Int64, K8sModel, Time
from sandbox.api.core.common import (
    ConfigMapKeySelector,
    FileKeySelector,
    ObjectFieldSelector,
    ResourceFieldSelector,
    ResourceRequirements,
    SecretKeySelector,
)
from sandbox.api.core.probe import Lifecycle, Probe
from sandbox.api.core.security import SecurityContext
from sandbox.api.core.volume import VolumeDevice, VolumeMount, VolumeMountStatus
from sandbox.api.quantity import ResourceList

__all__ = [
    "ConfigMapEnvSource",
    "EnvVarSource",
    "EnvVar",
    "SecretEnvSource",
    "EnvFromSource",
    "ContainerPort",
    "ContainerResizePolicy",
    "ContainerRestartRuleOnExitCodes",
    "ContainerRestartRule",
    "Container",
    "ContainerExtendedResourceRequest",
    "ContainerStateRunning",
    "ContainerStateTerminated",
    "ContainerStateWaiting",
    "ContainerState",
    "ResourceHealth",
    "ResourceStatus",
    "LinuxContainerUser",
    "ContainerUser",
    "ContainerStatus",
    "EphemeralContainer",
]


class ConfigMapEnvSource(K8sModel):
    """``ConfigMapEnvSource`` (core/v1): see ``kubectl explain``."""

    name: Optional[str] = Field(None, description="Name of the referent. This field is effectively required, but due to backwards compatibility is allowed to be empty. Instances of this type with an empty value here are almost certainly wrong. More info: https://kubernetes.io/docs/concepts/overview/working-with-objects/names/#names")
    optional: Optional[bool] = Field(None, description="Specify whether the ConfigMap must be defined")


class EnvVarSource(K8sModel):
    """``EnvVarSource`` (core/v1): see ``kubectl explain``."""

    configMapKeyRef: Optional[ConfigMapKeySelector] = Field(None, description=":return: The config_map_key_ref of this V1EnvVarSource.   :rtype: V1ConfigMapKeySelector \"\"\" return self._config_map_key_ref  @config_map_key_ref.setter def config_map_key_ref(self, config_map_key_ref): \"\"\"Sets the config_map_key_ref of this V1EnvVarSource.   :param config_map_key_ref: The config_map_key_ref of this V1EnvVarSource.   :type: V1ConfigMapKeySelector \"\"\"  self._config_map_key_ref = config_map_key_ref  @property def field_ref(self): \"\"\"Gets the field_ref of this V1EnvVarSource.")
    fieldRef: Optional[ObjectFieldSelector] = Field(None, description=":return: The field_ref of this V1EnvVarSource.   :rtype: V1ObjectFieldSelector \"\"\" return self._field_ref  @field_ref.setter def field_ref(self, field_ref): \"\"\"Sets the field_ref of this V1EnvVarSource.   :param field_ref: The field_ref of this V1EnvVarSource.   :type: V1ObjectFieldSelector \"\"\"  self._field_ref = field_ref  @property def file_key_ref(self): \"\"\"Gets the file_key_ref of this V1EnvVarSource.")
    fileKeyRef: Optional[FileKeySelector] = Field(None, description=":return: The file_key_ref of this V1EnvVarSource.   :rtype: V1FileKeySelector \"\"\" return self._file_key_ref  @file_key_ref.setter def file_key_ref(self, file_key_ref): \"\"\"Sets the file_key_ref of this V1EnvVarSource.   :param file_key_ref: The file_key_ref of this V1EnvVarSource.   :type: V1FileKeySelector \"\"\"  self._file_key_ref = file_key_ref  @property def resource_field_ref(self): \"\"\"Gets the resource_field_ref of this V1EnvVarSource.")
    resourceFieldRef: Optional[ResourceFieldSelector] = Field(None, description=":return: The resource_field_ref of this V1EnvVarSource.   :rtype: V1ResourceFieldSelector \"\"\" return self._resource_field_ref  @resource_field_ref.setter def resource_field_ref(self, resource_field_ref): \"\"\"Sets the resource_field_ref of this V1EnvVarSource.   :param resource_field_ref: The resource_field_ref of this V1EnvVarSource.   :type: V1ResourceFieldSelector \"\"\"  self._resource_field_ref = resource_field_ref  @property def secret_key_ref(self): \"\"\"Gets the secret_key_ref of this V1EnvVarSource.")
    secretKeyRef: Optional[SecretKeySelector] = Field(None, description="")


class EnvVar(K8sModel):
    """EnvVar represents an environment variable present in a Container.

    ``EnvVar`` (core/v1); fields as in ``kubectl explain``.
    """

    name: Optional[str] = Field(None, description="Name of the environment variable. May consist of any printable ASCII characters except '='.")
    value: Optional[str] = Field(None, description="Variable references $(VAR_NAME) are expanded using the previously defined environment variables in the container and any service environment variables. If a variable cannot be resolved, the reference in the input string will be unchanged. Double $$ are reduced to a single $, which allows for escaping the $(VAR_NAME) syntax: i.e. \\\"$$(VAR_NAME)\\\" will produce the string literal \\\"$(VAR_NAME)\\\". Escaped references will never be expanded, regardless of whether the variable exists or not. Defaults to \\\"\\\".")
    valueFrom: Optional[EnvVarSource] = Field(None, description="")


class SecretEnvSource(K8sModel):
    """``SecretEnvSource`` (core/v1): see ``kubectl explain``."""

    name: Optional[str] = Field(None, description="Name of the referent. This field is effectively required, but due to backwards compatibility is allowed to be empty. Instances of this type with an empty value here are almost certainly wrong. More info: https://kubernetes.io/docs/concepts/overview/working-with-objects/names/#names")
    optional: Optional[bool] = Field(None, description="Specify whether the Secret must be defined")


class EnvFromSource(K8sModel):
    """``EnvFromSource`` (core/v1): see ``kubectl explain``."""

    configMapRef: Optional[ConfigMapEnvSource] = Field(None, description=":return: The config_map_ref of this V1EnvFromSource.   :rtype: V1ConfigMapEnvSource \"\"\" return self._config_map_ref  @config_map_ref.setter def config_map_ref(self, config_map_ref): \"\"\"Sets the config_map_ref of this V1EnvFromSource.   :param config_map_ref: The config_map_ref of this V1EnvFromSource.   :type: V1ConfigMapEnvSource \"\"\"  self._config_map_ref = config_map_ref  @property def prefix(self): \"\"\"Gets the prefix of this V1EnvFromSource.    Optional text to prepend to the name of each environment variable. May consist of any printable ASCII characters except '='.")
    prefix: Optional[str] = Field(None, description="Optional text to prepend to the name of each environment variable. May consist of any printable ASCII characters except '='.")
    secretRef: Optional[SecretEnvSource] = Field(None, description="")


class ContainerPort(K8sModel):
    """``ContainerPort`` (core/v1): see ``kubectl explain``."""

    _go_field_types: ClassVar[dict[str, str]] = {'protocol': 'v1.Protocol'}

    containerPort: Optional[Int32] = Field(None, description="Number of port to expose on the pod's IP address. This must be a valid port number, 0 < x < 65536.")
    hostIP: Optional[str] = Field(None, description="What host IP to bind the external port to.")
    hostPort: Optional[Int32] = Field(None, description="Number of port to expose on the host. If specified, this must be a valid port number, 0 < x < 65536. If HostNetwork is specified, this must match ContainerPort. Most containers do not need this.")
    name: Optional[str] = Field(None, description="If specified, this must be an IANA_SVC_NAME and unique within the pod. Each named port in a pod must have a unique name. Name for the port that can be referred to by services.")
    protocol: Optional[str] = Field(None, description="Protocol for port. Must be UDP, TCP, or SCTP. Defaults to \\\"TCP\\\".")


class ContainerResizePolicy(K8sModel):
    """``ContainerResizePolicy`` (core/v1): see ``kubectl explain``."""

    _go_field_types: ClassVar[dict[str, str]] = {'resourceName': 'v1.ResourceName', 'restartPolicy': 'v1.ResourceResizeRestartPolicy'}

    resourceName: Optional[str] = Field(None, description="Name of the resource to which this resource resize policy applies. Supported values: cpu, memory.")
    restartPolicy: Optional[str] = Field(None, description="Restart policy to apply when specified resource is resized. If not specified, it defaults to NotRequired.")


class ContainerRestartRuleOnExitCodes(K8sModel):
    """``ContainerRestartRuleOnExitCodes`` (core/v1): see ``kubectl explain``."""

    operator: Optional[str] = Field(None, description="Represents the relationship between the container exit code(s) and the specified values. Possible values are: - In: the requirement is satisfied if the container exit code is in the   set of specified values. - NotIn: the requirement is satisfied if the container exit code is   not in the set of specified values.")
    values: Optional[list[Int32]] = Field(None, description="Specifies the set of values to check for container exit codes. At most 255 elements are allowed.")


class ContainerRestartRule(K8sModel):
    """``ContainerRestartRule`` (core/v1): see ``kubectl explain``."""

    action: Optional[str] = Field(None, description="Specifies the action taken on a container exit if the requirements are satisfied. The only possible value is \\\"Restart\\\" to restart the container.")
    exitCodes: Optional[ContainerRestartRuleOnExitCodes] = Field(None, description="")


class Container(K8sModel):
    """A single application container that you want to run within a pod.

    ``Container`` (core/v1); fields as in ``kubectl explain``.
    """

    _go_field_types: ClassVar[dict[str, str]] = {'imagePullPolicy': 'v1.PullPolicy', 'terminationMessagePolicy': 'v1.TerminationMessagePolicy', 'restartPolicy': 'v1.ContainerRestartPolicy'}

    args: Optional[list[str]] = Field(None, description="Arguments to the entrypoint. The container image's CMD is used if this is not provided. Variable references $(VAR_NAME) are expanded using the container's environment. If a variable cannot be resolved, the reference in the input string will be unchanged. Double $$ are reduced to a single $, which allows for escaping the $(VAR_NAME) syntax: i.e. \\\"$$(VAR_NAME)\\\" will produce the string literal \\\"$(VAR_NAME)\\\". Escaped references will never be expanded, regardless of whether the variable exists or not. Cannot be updated. More info: https://kubernetes.io/docs/tasks/inject-data-application/define-command-argument-container/#running-a-command-in-a-shell")
    command: Optional[list[str]] = Field(None, description="Entrypoint array. Not executed within a shell. The container image's ENTRYPOINT is used if this is not provided. Variable references $(VAR_NAME) are expanded using the container's environment. If a variable cannot be resolved, the reference in the input string will be unchanged. Double $$ are reduced to a single $, which allows for escaping the $(VAR_NAME) syntax: i.e. \\\"$$(VAR_NAME)\\\" will produce the string literal \\\"$(VAR_NAME)\\\". Escaped references will never be expanded, regardless of whether the variable exists or not. Cannot be updated. More info: https://kubernetes.io/docs/tasks/inject-data-application/define-command-argument-container/#running-a-command-in-a-shell")
    env: Optional[list[EnvVar]] = Field(None, description="List of environment variables to set in the container. Cannot be updated.")
    envFrom: Optional[list[EnvFromSource]] = Field(None, description="List of sources to populate environment variables in the container. The keys defined within a source may consist of any printable ASCII characters except '='. When a key exists in multiple sources, the value associated with the last source will take precedence. Values defined by an Env with a duplicate key will take precedence. Cannot be updated.")
    image: Optional[str] = Field(None, description="Container image name. More info: https://kubernetes.io/docs/concepts/containers/images This field is optional to allow higher level config management to default or override container images in workload controllers like Deployments and StatefulSets.")
    imagePullPolicy: Optional[str] = Field(None, description="Image pull policy. One of Always, Never, IfNotPresent. Defaults to Always if :latest tag is specified, or IfNotPresent otherwise. Cannot be updated. More info: https://kubernetes.io/docs/concepts/containers/images#updating-images")
    lifecycle: Optional[Lifecycle] = Field(None, description=":return: The lifecycle of this V1Container.   :rtype: V1Lifecycle \"\"\" return self._lifecycle  @lifecycle.setter def lifecycle(self, lifecycle): \"\"\"Sets the lifecycle of this V1Container.   :param lifecycle: The lifecycle of this V1Container.   :type: V1Lifecycle \"\"\"  self._lifecycle = lifecycle  @property def liveness_probe(self): \"\"\"Gets the liveness_probe of this V1Container.")
    livenessProbe: Optional[Probe] = Field(None, description=":return: The liveness_probe of this V1Container.   :rtype: V1Probe \"\"\" return self._liveness_probe  @liveness_probe.setter def liveness_probe(self, liveness_probe): \"\"\"Sets the liveness_probe of this V1Container.   :param liveness_probe: The liveness_probe of this V1Container.   :type: V1Probe \"\"\"  self._liveness_probe = liveness_probe  @property def name(self): \"\"\"Gets the name of this V1Container.    Name of the container specified as a DNS_LABEL. Each container in a pod must have a unique name (DNS_LABEL). Cannot be updated.")
    name: Optional[str] = Field(None, description="Name of the container specified as a DNS_LABEL. Each container in a pod must have a unique name (DNS_LABEL). Cannot be updated.")
    ports: Optional[list[ContainerPort]] = Field(None, description="List of ports to expose from the container. Not specifying a port here DOES NOT prevent that port from being exposed. Any port which is listening on the default \\\"0.0.0.0\\\" address inside a container will be accessible from the network. Modifying this array with strategic merge patch may corrupt the data. For more information See https://github.com/kubernetes/kubernetes/issues/108255. Cannot be updated.")
    readinessProbe: Optional[Probe] = Field(None, description=":return: The readiness_probe of this V1Container.   :rtype: V1Probe \"\"\" return self._readiness_probe  @readiness_probe.setter def readiness_probe(self, readiness_probe): \"\"\"Sets the readiness_probe of this V1Container.   :param readiness_probe: The readiness_probe of this V1Container.   :type: V1Probe \"\"\"  self._readiness_probe = readiness_probe  @property def resize_policy(self): \"\"\"Gets the resize_policy of this V1Container.    Resources resize policy for the container.")
    resizePolicy: Optional[list[ContainerResizePolicy]] = Field(None, description="Resources resize policy for the container.")
    resources: Optional[ResourceRequirements] = Field(None, description=":return: The resources of this V1Container.   :rtype: V1ResourceRequirements \"\"\" return self._resources  @resources.setter def resources(self, resources): \"\"\"Sets the resources of this V1Container.   :param resources: The resources of this V1Container.   :type: V1ResourceRequirements \"\"\"  self._resources = resources  @property def restart_policy(self): \"\"\"Gets the restart_policy of this V1Container.    RestartPolicy defines the restart behavior of individual containers in a pod. This overrides the pod-level restart policy. When this field is not specified, the restart behavior is defined by the Pod's restart policy and the container type. Additionally, setting the RestartPolicy as \\\"Always\\\" for the init container will have the following effect: this init container will be continually restarted on exit until all regular containers have terminated. Once all regular containers have completed, all init containers with restartPolicy \\\"Always\\\" will be shut down. This lifecycle differs from normal init containers and is often referred to as a \\\"sidecar\\\" container. Although this init container still starts in the init container sequence, it does not wait for the container to complete before proceeding to the next init container. Instead, the next init container starts immediately after this init container is started, or after any startupProbe has successfully completed.")
    restartPolicy: Optional[str] = Field(None, description="RestartPolicy defines the restart behavior of individual containers in a pod. This overrides the pod-level restart policy. When this field is not specified, the restart behavior is defined by the Pod's restart policy and the container type. Additionally, setting the RestartPolicy as \\\"Always\\\" for the init container will have the following effect: this init container will be continually restarted on exit until all regular containers have terminated. Once all regular containers have completed, all init containers with restartPolicy \\\"Always\\\" will be shut down. This lifecycle differs from normal init containers and is often referred to as a \\\"sidecar\\\" container. Although this init container still starts in the init container sequence, it does not wait for the container to complete before proceeding to the next init container. Instead, the next init container starts immediately after this init container is started, or after any startupProbe has successfully completed.")
    restartPolicyRules: Optional[list[ContainerRestartRule]] = Field(None, description="Represents a list of rules to be checked to determine if the container should be restarted on exit. The rules are evaluated in order. Once a rule matches a container exit condition, the remaining rules are ignored. If no rule matches the container exit condition, the Container-level restart policy determines the whether the container is restarted or not. Constraints on the rules: - At most 20 rules are allowed. - Rules can have the same action. - Identical rules are not forbidden in validations. When rules are specified, container MUST set RestartPolicy explicitly even it if matches the Pod's RestartPolicy.")
    securityContext: Optional[SecurityContext] = Field(None, description=":return: The security_context of this V1Container.   :rtype: V1SecurityContext \"\"\" return self._security_context  @security_context.setter def security_context(self, security_context): \"\"\"Sets the security_context of this V1Container.   :param security_context: The security_context of this V1Container.   :type: V1SecurityContext \"\"\"  self._security_context = security_context  @property def startup_probe(self): \"\"\"Gets the startup_probe of this V1Container.")
    startupProbe: Optional[Probe] = Field(None, description=":return: The startup_probe of this V1Container.   :rtype: V1Probe \"\"\" return self._startup_probe  @startup_probe.setter def startup_probe(self, startup_probe): \"\"\"Sets the startup_probe of this V1Container.   :param startup_probe: The startup_probe of this V1Container.   :type: V1Probe \"\"\"  self._startup_probe = startup_probe  @property def stdin(self): \"\"\"Gets the stdin of this V1Container.    Whether this container should allocate a buffer for stdin in the container runtime. If this is not set, reads from stdin in the container will always result in EOF. Default is false.")
    stdin: Optional[bool] = Field(None, description="Whether this container should allocate a buffer for stdin in the container runtime. If this is not set, reads from stdin in the container will always result in EOF. Default is false.")
    stdinOnce: Optional[bool] = Field(None, description="Whether the container runtime should close the stdin channel after it has been opened by a single attach. When stdin is true the stdin stream will remain open across multiple attach sessions. If stdinOnce is set to true, stdin is opened on container start, is empty until the first client attaches to stdin, and then remains open and accepts data until the client disconnects, at which time stdin is closed and remains closed until the container is restarted. If this flag is false, a container processes that reads from stdin will never receive an EOF. Default is false")
    terminationMessagePath: Optional[str] = Field(None, description="Optional: Path at which the file to which the container's termination message will be written is mounted into the container's filesystem. Message written is intended to be brief final status, such as an assertion failure message. Will be truncated by the node if greater than 4096 bytes. The total message length across all containers will be limited to 12kb. Defaults to /dev/termination-log. Cannot be updated.")
    terminationMessagePolicy: Optional[str] = Field(None, description="Indicate how the termination message should be populated. File will use the contents of terminationMessagePath to populate the container status message on both success and failure. FallbackToLogsOnError will use the last chunk of container log output if the termination message file is empty and the container exited with an error. The log output is limited to 2048 bytes or 80 lines, whichever is smaller. Defaults to File. Cannot be updated.")
    tty: Optional[bool] = Field(None, description="Whether this container should allocate a TTY for itself, also requires 'stdin' to be true. Default is false.")
    volumeDevices: Optional[list[VolumeDevice]] = Field(None, description="volumeDevices is the list of block devices to be used by the container.")
    volumeMounts: Optional[list[VolumeMount]] = Field(None, description="Pod volumes to mount into the container's filesystem. Cannot be updated.")
    workingDir: Optional[str] = Field(None, description="Container's working directory. If not specified, the container runtime's default will be used, which might be configured in the container image. Cannot be updated.")


class ContainerExtendedResourceRequest(K8sModel):
    """``ContainerExtendedResourceRequest`` (core/v1): see ``kubectl explain``."""

    containerName: Optional[str] = Field(None, description="The name of the container requesting resources.")
    requestName: Optional[str] = Field(None, description="The name of the request in the special ResourceClaim which corresponds to the extended resource.")
    resourceName: Optional[str] = Field(None, description="The name of the extended resource in that container which gets backed by DRA.")


class ContainerStateRunning(K8sModel):
    """``ContainerStateRunning`` (core/v1): see ``kubectl explain``."""

    startedAt: Optional[Time] = Field(None, description="Time at which the container was last (re-)started")


class ContainerStateTerminated(K8sModel):
    """``ContainerStateTerminated`` (core/v1): see ``kubectl explain``."""

    containerID: Optional[str] = Field(None, description="Container's ID in the format '<type>://<container_id>'")
    exitCode: Optional[Int32] = Field(None, description="Exit status from the last termination of the container")
    finishedAt: Optional[Time] = Field(None, description="Time at which the container last terminated")
    message: Optional[str] = Field(None, description="Message regarding the last termination of the container")
    reason: Optional[str] = Field(None, description="(brief) reason from the last termination of the container")
    signal: Optional[Int32] = Field(None, description="Signal from the last termination of the container")
    startedAt: Optional[Time] = Field(None, description="Time at which previous execution of the container started")


class ContainerStateWaiting(K8sModel):
    """``ContainerStateWaiting`` (core/v1): see ``kubectl explain``."""

    message: Optional[str] = Field(None, description="Message regarding why the container is not yet running.")
    reason: Optional[str] = Field(None, description="(brief) reason the container is not yet running.")


class ContainerState(K8sModel):
    """ContainerState holds a possible state of container. Only one of its members may be specified. If none of them is specified, the default one is ContainerStateWaiting.

    ``ContainerState`` (core/v1); fields as in ``kubectl explain``.
    """

    running: Optional[ContainerStateRunning] = Field(None, description=":return: The running of this V1ContainerState.   :rtype: V1ContainerStateRunning \"\"\" return self._running  @running.setter def running(self, running): \"\"\"Sets the running of this V1ContainerState.   :param running: The running of this V1ContainerState.   :type: V1ContainerStateRunning \"\"\"  self._running = running  @property def terminated(self): \"\"\"Gets the terminated of this V1ContainerState.")
    terminated: Optional[ContainerStateTerminated] = Field(None, description=":return: The terminated of this V1ContainerState.   :rtype: V1ContainerStateTerminated \"\"\" return self._terminated  @terminated.setter def terminated(self, terminated): \"\"\"Sets the terminated of this V1ContainerState.   :param terminated: The terminated of this V1ContainerState.   :type: V1ContainerStateTerminated \"\"\"  self._terminated = terminated  @property def waiting(self): \"\"\"Gets the waiting of this V1ContainerState.")
    waiting: Optional[ContainerStateWaiting] = Field(None, description="")


class ResourceHealth(K8sModel):
    """``ResourceHealth`` (core/v1): see ``kubectl explain``."""

    health: Optional[str] = Field(None, description="Health of the resource. can be one of:  - Healthy: operates as normal  - Unhealthy: reported unhealthy. We consider this a temporary health issue               since we do not have a mechanism today to distinguish               temporary and permanent issues.  - Unknown: The status cannot be determined.             For example, Device Plugin got unregistered and hasn't been re-registered since.  In future we may want to introduce the PermanentlyUnhealthy Status.")
    resourceID: Optional[str] = Field(None, description="ResourceID is the unique identifier of the resource. See the ResourceID type for more information.")


class ResourceStatus(K8sModel):
    """``ResourceStatus`` (core/v1): see ``kubectl explain``."""

    name: Optional[str] = Field(None, description="Name of the resource. Must be unique within the pod and in case of non-DRA resource, match one of the resources from the pod spec. For DRA resources, the value must be \\\"claim:<claim_name>/<request>\\\". When this status is reported about a container, the \\\"claim_name\\\" and \\\"request\\\" must match one of the claims of this container.")
    resources: Optional[list[ResourceHealth]] = Field(None, description="List of unique resources health. Each element in the list contains an unique resource ID and its health. At a minimum, for the lifetime of a Pod, resource ID must uniquely identify the resource allocated to the Pod on the Node. If other Pod on the same Node reports the status with the same resource ID, it must be the same resource they share. See ResourceID type definition for a specific format it has in various use cases.")


class LinuxContainerUser(K8sModel):
    """``LinuxContainerUser`` (core/v1): see ``kubectl explain``."""

    gid: Optional[Int64] = Field(None, description="GID is the primary gid initially attached to the first process in the container")
    supplementalGroups: Optional[list[Int64]] = Field(None, description="SupplementalGroups are the supplemental groups initially attached to the first process in the container")
    uid: Optional[Int64] = Field(None, description="UID is the primary uid initially attached to the first process in the container")


class ContainerUser(K8sModel):
    """``ContainerUser`` (core/v1): see ``kubectl explain``."""

    linux: Optional[LinuxContainerUser] = Field(None, description="")


class ContainerStatus(K8sModel):
    """ContainerStatus contains details for the current status of this container.

    ``ContainerStatus`` (core/v1); fields as in ``kubectl explain``.
    """

    _go_field_types: ClassVar[dict[str, str]] = {'stopSignal': 'v1.Signal'}

    allocatedResources: Optional[ResourceList] = Field(None, description="AllocatedResources represents the compute resources allocated for this container by the node. Kubelet sets this value to Container.Resources.Requests upon successful pod admission and after successfully admitting desired pod resize.")
    allocatedResourcesStatus: Optional[list[ResourceStatus]] = Field(None, description="AllocatedResourcesStatus represents the status of various resources allocated for this Pod.")
    containerID: Optional[str] = Field(None, description="ContainerID is the ID of the container in the format '<type>://<container_id>'. Where type is a container runtime identifier, returned from Version call of CRI API (for example \\\"containerd\\\").")
    image: Optional[str] = Field(None, description="Image is the name of container image that the container is running. The container image may not match the image used in the PodSpec, as it may have been resolved by the runtime. More info: https://kubernetes.io/docs/concepts/containers/images.")
    imageID: Optional[str] = Field(None, description="ImageID is the image ID of the container's image. The image ID may not match the image ID of the image used in the PodSpec, as it may have been resolved by the runtime.")
    lastState: Optional[ContainerState] = Field(None, description=":return: The last_state of this V1ContainerStatus.   :rtype: V1ContainerState \"\"\" return self._last_state  @last_state.setter def last_state(self, last_state): \"\"\"Sets the last_state of this V1ContainerStatus.   :param last_state: The last_state of this V1ContainerStatus.   :type: V1ContainerState \"\"\"  self._last_state = last_state  @property def name(self): \"\"\"Gets the name of this V1ContainerStatus.    Name is a DNS_LABEL representing the unique name of the container. Each container in a pod must have a unique name across all container types. Cannot be updated.")
    name: Optional[str] = Field(None, description="Name is a DNS_LABEL representing the unique name of the container. Each container in a pod must have a unique name across all container types. Cannot be updated.")
    ready: Optional[bool] = Field(None, description="Ready specifies whether the container is currently passing its readiness check. The value will change as readiness probes keep executing. If no readiness probes are specified, this field defaults to true once the container is fully started (see Started field).  The value is typically used to determine whether a container is ready to accept traffic.")
    resources: Optional[ResourceRequirements] = Field(None, description=":return: The resources of this V1ContainerStatus.   :rtype: V1ResourceRequirements \"\"\" return self._resources  @resources.setter def resources(self, resources): \"\"\"Sets the resources of this V1ContainerStatus.   :param resources: The resources of this V1ContainerStatus.   :type: V1ResourceRequirements \"\"\"  self._resources = resources  @property def restart_count(self): \"\"\"Gets the restart_count of this V1ContainerStatus.    RestartCount holds the number of times the container has been restarted. Kubelet makes an effort to always increment the value, but there are cases when the state may be lost due to node restarts and then the value may be reset to 0. The value is never negative.")
    restartCount: Optional[Int32] = Field(None, description="RestartCount holds the number of times the container has been restarted. Kubelet makes an effort to always increment the value, but there are cases when the state may be lost due to node restarts and then the value may be reset to 0. The value is never negative.")
    started: Optional[bool] = Field(None, description="Started indicates whether the container has finished its postStart lifecycle hook and passed its startup probe. Initialized as false, becomes true after startupProbe is considered successful. Resets to false when the container is restarted, or if kubelet loses state temporarily. In both cases, startup probes will run again. Is always true when no startupProbe is defined and container is running and has passed the postStart lifecycle hook. The null value must be treated the same as false.")
    state: Optional[ContainerState] = Field(None, description=":return: The state of this V1ContainerStatus.   :rtype: V1ContainerState \"\"\" return self._state  @state.setter def state(self, state): \"\"\"Sets the state of this V1ContainerStatus.   :param state: The state of this V1ContainerStatus.   :type: V1ContainerState \"\"\"  self._state = state  @property def stop_signal(self): \"\"\"Gets the stop_signal of this V1ContainerStatus.    StopSignal reports the effective stop signal for this container")
    stopSignal: Optional[str] = Field(None, description="StopSignal reports the effective stop signal for this container")
    user: Optional[ContainerUser] = Field(None, description=":return: The user of this V1ContainerStatus.   :rtype: V1ContainerUser \"\"\" return self._user  @user.setter def user(self, user): \"\"\"Sets the user of this V1ContainerStatus.   :param user: The user of this V1ContainerStatus.   :type: V1ContainerUser \"\"\"  self._user = user  @property def volume_mounts(self): \"\"\"Gets the volume_mounts of this V1ContainerStatus.    Status of volume mounts.")
    volumeMounts: Optional[list[VolumeMountStatus]] = Field(None, description="Status of volume mounts.")


class EphemeralContainer(K8sModel):
    """An EphemeralContainer is a temporary container that you may add to an existing Pod for user-initiated activities such as debugging.

    ``EphemeralContainer`` (core/v1); fields as in ``kubectl explain``.
    """

    _go_field_types: ClassVar[dict[str, str]] = {'imagePullPolicy': 'v1.PullPolicy', 'terminationMessagePolicy': 'v1.TerminationMessagePolicy', 'restartPolicy': 'v1.ContainerRestartPolicy'}

    args: Optional[list[str]] = Field(None, description="Arguments to the entrypoint. The image's CMD is used if this is not provided. Variable references $(VAR_NAME) are expanded using the container's environment. If a variable cannot be resolved, the reference in the input string will be unchanged. Double $$ are reduced to a single $, which allows for escaping the $(VAR_NAME) syntax: i.e. \\\"$$(VAR_NAME)\\\" will produce the string literal \\\"$(VAR_NAME)\\\". Escaped references will never be expanded, regardless of whether the variable exists or not. Cannot be updated. More info: https://kubernetes.io/docs/tasks/inject-data-application/define-command-argument-container/#running-a-command-in-a-shell")
    command: Optional[list[str]] = Field(None, description="Entrypoint array. Not executed within a shell. The image's ENTRYPOINT is used if this is not provided. Variable references $(VAR_NAME) are expanded using the container's environment. If a variable cannot be resolved, the reference in the input string will be unchanged. Double $$ are reduced to a single $, which allows for escaping the $(VAR_NAME) syntax: i.e. \\\"$$(VAR_NAME)\\\" will produce the string literal \\\"$(VAR_NAME)\\\". Escaped references will never be expanded, regardless of whether the variable exists or not. Cannot be updated. More info: https://kubernetes.io/docs/tasks/inject-data-application/define-command-argument-container/#running-a-command-in-a-shell")
    env: Optional[list[EnvVar]] = Field(None, description="List of environment variables to set in the container. Cannot be updated.")
    envFrom: Optional[list[EnvFromSource]] = Field(None, description="List of sources to populate environment variables in the container. The keys defined within a source may consist of any printable ASCII characters except '='. When a key exists in multiple sources, the value associated with the last source will take precedence. Values defined by an Env with a duplicate key will take precedence. Cannot be updated.")
    image: Optional[str] = Field(None, description="Container image name. More info: https://kubernetes.io/docs/concepts/containers/images")
    imagePullPolicy: Optional[str] = Field(None, description="Image pull policy. One of Always, Never, IfNotPresent. Defaults to Always if :latest tag is specified, or IfNotPresent otherwise. Cannot be updated. More info: https://kubernetes.io/docs/concepts/containers/images#updating-images")
    lifecycle: Optional[Lifecycle] = Field(None, description=":return: The lifecycle of this V1EphemeralContainer.   :rtype: V1Lifecycle \"\"\" return self._lifecycle  @lifecycle.setter def lifecycle(self, lifecycle): \"\"\"Sets the lifecycle of this V1EphemeralContainer.   :param lifecycle: The lifecycle of this V1EphemeralContainer.   :type: V1Lifecycle \"\"\"  self._lifecycle = lifecycle  @property def liveness_probe(self): \"\"\"Gets the liveness_probe of this V1EphemeralContainer.")
    livenessProbe: Optional[Probe] = Field(None, description=":return: The liveness_probe of this V1EphemeralContainer.   :rtype: V1Probe \"\"\" return self._liveness_probe  @liveness_probe.setter def liveness_probe(self, liveness_probe): \"\"\"Sets the liveness_probe of this V1EphemeralContainer.   :param liveness_probe: The liveness_probe of this V1EphemeralContainer.   :type: V1Probe \"\"\"  self._liveness_probe = liveness_probe  @property def name(self): \"\"\"Gets the name of this V1EphemeralContainer.    Name of the ephemeral container specified as a DNS_LABEL. This name must be unique among all containers, init containers and ephemeral containers.")
    name: Optional[str] = Field(None, description="Name of the ephemeral container specified as a DNS_LABEL. This name must be unique among all containers, init containers and ephemeral containers.")
    ports: Optional[list[ContainerPort]] = Field(None, description="Ports are not allowed for ephemeral containers.")
    readinessProbe: Optional[Probe] = Field(None, description=":return: The readiness_probe of this V1EphemeralContainer.   :rtype: V1Probe \"\"\" return self._readiness_probe  @readiness_probe.setter def readiness_probe(self, readiness_probe): \"\"\"Sets the readiness_probe of this V1EphemeralContainer.   :param readiness_probe: The readiness_probe of this V1EphemeralContainer.   :type: V1Probe \"\"\"  self._readiness_probe = readiness_probe  @property def resize_policy(self): \"\"\"Gets the resize_policy of this V1EphemeralContainer.    Resources resize policy for the container.")
    resizePolicy: Optional[list[ContainerResizePolicy]] = Field(None, description="Resources resize policy for the container.")
    resources: Optional[ResourceRequirements] = Field(None, description=":return: The resources of this V1EphemeralContainer.   :rtype: V1ResourceRequirements \"\"\" return self._resources  @resources.setter def resources(self, resources): \"\"\"Sets the resources of this V1EphemeralContainer.   :param resources: The resources of this V1EphemeralContainer.   :type: V1ResourceRequirements \"\"\"  self._resources = resources  @property def restart_policy(self): \"\"\"Gets the restart_policy of this V1EphemeralContainer.    Restart policy for the container to manage the restart behavior of each container within a pod. You cannot set this field on ephemeral containers.")
    restartPolicy: Optional[str] = Field(None, description="Restart policy for the container to manage the restart behavior of each container within a pod. You cannot set this field on ephemeral containers.")
    restartPolicyRules: Optional[list[ContainerRestartRule]] = Field(None, description="Represents a list of rules to be checked to determine if the container should be restarted on exit. You cannot set this field on ephemeral containers.")
    securityContext: Optional[SecurityContext] = Field(None, description=":return: The security_context of this V1EphemeralContainer.   :rtype: V1SecurityContext \"\"\" return self._security_context  @security_context.setter def security_context(self, security_context): \"\"\"Sets the security_context of this V1EphemeralContainer.   :param security_context: The security_context of this V1EphemeralContainer.   :type: V1SecurityContext \"\"\"  self._security_context = security_context  @property def startup_probe(self): \"\"\"Gets the startup_probe of this V1EphemeralContainer.")
    startupProbe: Optional[Probe] = Field(None, description=":return: The startup_probe of this V1EphemeralContainer.   :rtype: V1Probe \"\"\" return self._startup_probe  @startup_probe.setter def startup_probe(self, startup_probe): \"\"\"Sets the startup_probe of this V1EphemeralContainer.   :param startup_probe: The startup_probe of this V1EphemeralContainer.   :type: V1Probe \"\"\"  self._startup_probe = startup_probe  @property def stdin(self): \"\"\"Gets the stdin of this V1EphemeralContainer.    Whether this container should allocate a buffer for stdin in the container runtime. If this is not set, reads from stdin in the container will always result in EOF. Default is false.")
    stdin: Optional[bool] = Field(None, description="Whether this container should allocate a buffer for stdin in the container runtime. If this is not set, reads from stdin in the container will always result in EOF. Default is false.")
    stdinOnce: Optional[bool] = Field(None, description="Whether the container runtime should close the stdin channel after it has been opened by a single attach. When stdin is true the stdin stream will remain open across multiple attach sessions. If stdinOnce is set to true, stdin is opened on container start, is empty until the first client attaches to stdin, and then remains open and accepts data until the client disconnects, at which time stdin is closed and remains closed until the container is restarted. If this flag is false, a container processes that reads from stdin will never receive an EOF. Default is false")
    targetContainerName: Optional[str] = Field(None, description="If set, the name of the container from PodSpec that this ephemeral container targets. The ephemeral container will be run in the namespaces (IPC, PID, etc) of this container. If not set then the ephemeral container uses the namespaces configured in the Pod spec.  The container runtime must implement support for this feature. If the runtime does not support namespace targeting then the result of setting this field is undefined.")
    terminationMessagePath: Optional[str] = Field(None, description="Optional: Path at which the file to which the container's termination message will be written is mounted into the container's filesystem. Message written is intended to be brief final status, such as an assertion failure message. Will be truncated by the node if greater than 4096 bytes. The total message length across all containers will be limited to 12kb. Defaults to /dev/termination-log. Cannot be updated.")
    terminationMessagePolicy: Optional[str] = Field(None, description="Indicate how the termination message should be populated. File will use the contents of terminationMessagePath to populate the container status message on both success and failure. FallbackToLogsOnError will use the last chunk of container log output if the termination message file is empty and the container exited with an error. The log output is limited to 2048 bytes or 80 lines, whichever is smaller. Defaults to File. Cannot be updated.")
    tty: Optional[bool] = Field(None, description="Whether this container should allocate a TTY for itself, also requires 'stdin' to be true. Default is false.")
    volumeDevices: Optional[list[VolumeDevice]] = Field(None, description="volumeDevices is the list of block devices to be used by the container.")
    volumeMounts: Optional[list[VolumeMount]] = Field(None, description="Pod volumes to mount into the container's filesystem. Subpath mounts are not allowed for ephemeral containers. Cannot be updated.")
    workingDir: Optional[str] = Field(None, description="Container's working directory. If not specified, the container runtime's default will be used, which might be configured in the container image. Cannot be updated.")
