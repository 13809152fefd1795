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
    """ConfigMapEnvSource selects a ConfigMap to populate the environment variables with.

    The contents of the target ConfigMap's Data field will represent the key-value pairs as environment variables.

    ``ConfigMapEnvSource`` (core/v1); fields as in ``kubectl explain``.
    """

    name: Optional[str] = Field(None, description="Name of the referent. This field is effectively required, but due to backwards compatibility is allowed to be empty. Instances of this type with an empty value here are almost certainly wrong. More info: https://kubernetes.io/docs/concepts/overview/working-with-objects/names/#names")
    optional: Optional[bool] = Field(None, description="Specify whether the ConfigMap must be defined")


class EnvVarSource(K8sModel):
    """EnvVarSource represents a source for the value of an EnvVar.

    ``EnvVarSource`` (core/v1); fields as in ``kubectl explain``.
    """

    configMapKeyRef: Optional[ConfigMapKeySelector] = Field(None, description="Selects a key of a ConfigMap.")
    fieldRef: Optional[ObjectFieldSelector] = Field(None, description="Selects a field of the pod: supports metadata.name, metadata.namespace, `metadata.labels['<KEY>']`, `metadata.annotations['<KEY>']`, spec.nodeName, spec.serviceAccountName, status.hostIP, status.podIP, status.podIPs.")
    fileKeyRef: Optional[FileKeySelector] = Field(None, description="FileKeyRef selects a key of the env file. Requires the EnvFiles feature gate to be enabled.")
    resourceFieldRef: Optional[ResourceFieldSelector] = Field(None, description="Selects a resource of the container: only resources limits and requests (limits.cpu, limits.memory, limits.ephemeral-storage, requests.cpu, requests.memory and requests.ephemeral-storage) are currently supported.")
    secretKeyRef: Optional[SecretKeySelector] = Field(None, description="Selects a key of a secret in the pod's namespace")


class EnvVar(K8sModel):
    """EnvVar represents an environment variable present in a Container.

    ``EnvVar`` (core/v1); fields as in ``kubectl explain``.
    """

    _required_fields: ClassVar[tuple[str, ...]] = ("name",)

    name: Optional[str] = Field(None, description="Name of the environment variable. May consist of any printable ASCII characters except '='.")
    value: Optional[str] = Field(None, description="Variable references $(VAR_NAME) are expanded using the previously defined environment variables in the container and any service environment variables. If a variable cannot be resolved, the reference in the input string will be unchanged. Double $$ are reduced to a single $, which allows for escaping the $(VAR_NAME) syntax: i.e. \"$$(VAR_NAME)\" will produce the string literal \"$(VAR_NAME)\". Escaped references will never be expanded, regardless of whether the variable exists or not. Defaults to \"\".")
    valueFrom: Optional[EnvVarSource] = Field(None, description="Source for the environment variable's value. Cannot be used if value is not empty.")


class SecretEnvSource(K8sModel):
    """SecretEnvSource selects a Secret to populate the environment variables with.

    The contents of the target Secret's Data field will represent the key-value pairs as environment variables.

    ``SecretEnvSource`` (core/v1); fields as in ``kubectl explain``.
    """

    name: Optional[str] = Field(None, description="Name of the referent. This field is effectively required, but due to backwards compatibility is allowed to be empty. Instances of this type with an empty value here are almost certainly wrong. More info: https://kubernetes.io/docs/concepts/overview/working-with-objects/names/#names")
    optional: Optional[bool] = Field(None, description="Specify whether the Secret must be defined")


class EnvFromSource(K8sModel):
    """EnvFromSource represents the source of a set of ConfigMaps or Secrets

    ``EnvFromSource`` (core/v1); fields as in ``kubectl explain``.
    """

    configMapRef: Optional[ConfigMapEnvSource] = Field(None, description="The ConfigMap to select from")
    prefix: Optional[str] = Field(None, description="Optional text to prepend to the name of each environment variable. May consist of any printable ASCII characters except '='.")
    secretRef: Optional[SecretEnvSource] = Field(None, description="The Secret to select from")


class ContainerPort(K8sModel):
    """ContainerPort represents a network port in a single container.

    ``ContainerPort`` (core/v1); fields as in ``kubectl explain``.
    """

    _go_field_types: ClassVar[dict[str, str]] = {'protocol': 'v1.Protocol'}
    _required_fields: ClassVar[tuple[str, ...]] = ("containerPort",)

    containerPort: Optional[Int32] = Field(None, description="Number of port to expose on the pod's IP address. This must be a valid port number, 0 < x < 65536.")
    hostIP: Optional[str] = Field(None, description="What host IP to bind the external port to.")
    hostPort: Optional[Int32] = Field(None, description="Number of port to expose on the host. If specified, this must be a valid port number, 0 < x < 65536. If HostNetwork is specified, this must match ContainerPort. Most containers do not need this.")
    name: Optional[str] = Field(None, description="If specified, this must be an IANA_SVC_NAME and unique within the pod. Each named port in a pod must have a unique name. Name for the port that can be referred to by services.")
    protocol: Optional[str] = Field(None, description="Protocol for port. Must be UDP, TCP, or SCTP. Defaults to \"TCP\".\n\nPossible enum values:\n - `\"SCTP\"` is the SCTP protocol.\n - `\"TCP\"` is the TCP protocol.\n - `\"UDP\"` is the UDP protocol.", json_schema_extra={"enum": ["SCTP", "TCP", "UDP"]})


class ContainerResizePolicy(K8sModel):
    """ContainerResizePolicy represents resource resize policy for the container.

    ``ContainerResizePolicy`` (core/v1); fields as in ``kubectl explain``.
    """

    _go_field_types: ClassVar[dict[str, str]] = {'resourceName': 'v1.ResourceName', 'restartPolicy': 'v1.ResourceResizeRestartPolicy'}
    _required_fields: ClassVar[tuple[str, ...]] = ("resourceName", "restartPolicy")

    resourceName: Optional[str] = Field(None, description="Name of the resource to which this resource resize policy applies. Supported values: cpu, memory.")
    restartPolicy: Optional[str] = Field(None, description="Restart policy to apply when specified resource is resized. If not specified, it defaults to NotRequired.")


class ContainerRestartRuleOnExitCodes(K8sModel):
    """ContainerRestartRuleOnExitCodes describes the condition for handling an exited container based on its exit codes.

    ``ContainerRestartRuleOnExitCodes`` (core/v1); fields as in ``kubectl explain``.
    """

    _required_fields: ClassVar[tuple[str, ...]] = ("operator",)

    operator: Optional[str] = Field(None, description="Represents the relationship between the container exit code(s) and the specified values. Possible values are: - In: the requirement is satisfied if the container exit code is in the\n  set of specified values.\n- NotIn: the requirement is satisfied if the container exit code is\n  not in the set of specified values.")
    values: Optional[list[Int32]] = Field(None, description="Specifies the set of values to check for container exit codes. At most 255 elements are allowed.")


class ContainerRestartRule(K8sModel):
    """ContainerRestartRule describes how a container exit is handled.

    ``ContainerRestartRule`` (core/v1); fields as in ``kubectl explain``.
    """

    _required_fields: ClassVar[tuple[str, ...]] = ("action",)

    action: Optional[str] = Field(None, description="Specifies the action taken on a container exit if the requirements are satisfied. The only possible value is \"Restart\" to restart the container.")
    exitCodes: Optional[ContainerRestartRuleOnExitCodes] = Field(None, description="Represents the exit codes to check on container exits.")


class Container(K8sModel):
    """A single application container that you want to run within a pod.

    ``Container`` (core/v1); fields as in ``kubectl explain``.
    """

    _go_field_types: ClassVar[dict[str, str]] = {'imagePullPolicy': 'v1.PullPolicy', 'terminationMessagePolicy': 'v1.TerminationMessagePolicy', 'restartPolicy': 'v1.ContainerRestartPolicy'}
    _required_fields: ClassVar[tuple[str, ...]] = ("name",)

    args: Optional[list[str]] = Field(None, description="Arguments to the entrypoint. The container image's CMD is used if this is not provided. Variable references $(VAR_NAME) are expanded using the container's environment. If a variable cannot be resolved, the reference in the input string will be unchanged. Double $$ are reduced to a single $, which allows for escaping the $(VAR_NAME) syntax: i.e. \"$$(VAR_NAME)\" will produce the string literal \"$(VAR_NAME)\". Escaped references will never be expanded, regardless of whether the variable exists or not. Cannot be updated. More info: https://kubernetes.io/docs/tasks/inject-data-application/define-command-argument-container/#running-a-command-in-a-shell")
    command: Optional[list[str]] = Field(None, description="Entrypoint array. Not executed within a shell. The container image's ENTRYPOINT is used if this is not provided. Variable references $(VAR_NAME) are expanded using the container's environment. If a variable cannot be resolved, the reference in the input string will be unchanged. Double $$ are reduced to a single $, which allows for escaping the $(VAR_NAME) syntax: i.e. \"$$(VAR_NAME)\" will produce the string literal \"$(VAR_NAME)\". Escaped references will never be expanded, regardless of whether the variable exists or not. Cannot be updated. More info: https://kubernetes.io/docs/tasks/inject-data-application/define-command-argument-container/#running-a-command-in-a-shell")
    env: Optional[list[EnvVar]] = Field(None, description="List of environment variables to set in the container. Cannot be updated.")
    envFrom: Optional[list[EnvFromSource]] = Field(None, description="List of sources to populate environment variables in the container. The keys defined within a source may consist of any printable ASCII characters except '='. When a key exists in multiple sources, the value associated with the last source will take precedence. Values defined by an Env with a duplicate key will take precedence. Cannot be updated.")
    image: Optional[str] = Field(None, description="Container image name. More info: https://kubernetes.io/docs/concepts/containers/images This field is optional to allow higher level config management to default or override container images in workload controllers like Deployments and StatefulSets.")
    imagePullPolicy: Optional[str] = Field(None, description="Image pull policy. One of Always, Never, IfNotPresent. Defaults to Always if :latest tag is specified, or IfNotPresent otherwise. Cannot be updated. More info: https://kubernetes.io/docs/concepts/containers/images#updating-images\n\nPossible enum values:\n - `\"Always\"` means that kubelet always attempts to pull the latest image. Container will fail If the pull fails.\n - `\"IfNotPresent\"` means that kubelet pulls if the image isn't present on disk. Container will fail if the image isn't present and the pull fails.\n - `\"Never\"` means that kubelet never pulls an image, but only uses a local image. Container will fail if the image isn't present", json_schema_extra={"enum": ["Always", "IfNotPresent", "Never"]})
    lifecycle: Optional[Lifecycle] = Field(None, description="Actions that the management system should take in response to container lifecycle events. Cannot be updated.")
    livenessProbe: Optional[Probe] = Field(None, description="Periodic probe of container liveness. Container will be restarted if the probe fails. Cannot be updated. More info: https://kubernetes.io/docs/concepts/workloads/pods/pod-lifecycle#container-probes")
    name: Optional[str] = Field(None, description="Name of the container specified as a DNS_LABEL. Each container in a pod must have a unique name (DNS_LABEL). Cannot be updated.")
    ports: Optional[list[ContainerPort]] = Field(None, description="List of ports to expose from the container. Not specifying a port here DOES NOT prevent that port from being exposed. Any port which is listening on the default \"0.0.0.0\" address inside a container will be accessible from the network. Modifying this array with strategic merge patch may corrupt the data. For more information See https://github.com/kubernetes/kubernetes/issues/108255. Cannot be updated.")
    readinessProbe: Optional[Probe] = Field(None, description="Periodic probe of container service readiness. Container will be removed from service endpoints if the probe fails. Cannot be updated. More info: https://kubernetes.io/docs/concepts/workloads/pods/pod-lifecycle#container-probes")
    resizePolicy: Optional[list[ContainerResizePolicy]] = Field(None, description="Resources resize policy for the container.")
    resources: Optional[ResourceRequirements] = Field(None, description="Compute Resources required by this container. Cannot be updated. More info: https://kubernetes.io/docs/concepts/configuration/manage-resources-containers/")
    restartPolicy: Optional[str] = Field(None, description="RestartPolicy defines the restart behavior of individual containers in a pod. This overrides the pod-level restart policy. When this field is not specified, the restart behavior is defined by the Pod's restart policy and the container type. Additionally, setting the RestartPolicy as \"Always\" for the init container will have the following effect: this init container will be continually restarted on exit until all regular containers have terminated. Once all regular containers have completed, all init containers with restartPolicy \"Always\" will be shut down. This lifecycle differs from normal init containers and is often referred to as a \"sidecar\" container. Although this init container still starts in the init container sequence, it does not wait for the container to complete before proceeding to the next init container. Instead, the next init container starts immediately after this init container is started, or after any startupProbe has successfully completed.")
    restartPolicyRules: Optional[list[ContainerRestartRule]] = Field(None, description="Represents a list of rules to be checked to determine if the container should be restarted on exit. The rules are evaluated in order. Once a rule matches a container exit condition, the remaining rules are ignored. If no rule matches the container exit condition, the Container-level restart policy determines the whether the container is restarted or not. Constraints on the rules: - At most 20 rules are allowed. - Rules can have the same action. - Identical rules are not forbidden in validations. When rules are specified, container MUST set RestartPolicy explicitly even it if matches the Pod's RestartPolicy.")
    securityContext: Optional[SecurityContext] = Field(None, description="SecurityContext defines the security options the container should be run with. If set, the fields of SecurityContext override the equivalent fields of PodSecurityContext. More info: https://kubernetes.io/docs/tasks/configure-pod-container/security-context/")
    startupProbe: Optional[Probe] = Field(None, description="StartupProbe indicates that the Pod has successfully initialized. If specified, no other probes are executed until this completes successfully. If this probe fails, the Pod will be restarted, just as if the livenessProbe failed. This can be used to provide different probe parameters at the beginning of a Pod's lifecycle, when it might take a long time to load data or warm a cache, than during steady-state operation. This cannot be updated. More info: https://kubernetes.io/docs/concepts/workloads/pods/pod-lifecycle#container-probes")
    stdin: Optional[bool] = Field(None, description="Whether this container should allocate a buffer for stdin in the container runtime. If this is not set, reads from stdin in the container will always result in EOF. Default is false.")
    stdinOnce: Optional[bool] = Field(None, description="Whether the container runtime should close the stdin channel after it has been opened by a single attach. When stdin is true the stdin stream will remain open across multiple attach sessions. If stdinOnce is set to true, stdin is opened on container start, is empty until the first client attaches to stdin, and then remains open and accepts data until the client disconnects, at which time stdin is closed and remains closed until the container is restarted. If this flag is false, a container processes that reads from stdin will never receive an EOF. Default is false")
    terminationMessagePath: Optional[str] = Field(None, description="Optional: Path at which the file to which the container's termination message will be written is mounted into the container's filesystem. Message written is intended to be brief final status, such as an assertion failure message. Will be truncated by the node if greater than 4096 bytes. The total message length across all containers will be limited to 12kb. Defaults to /dev/termination-log. Cannot be updated.")
    terminationMessagePolicy: Optional[str] = Field(None, description="Indicate how the termination message should be populated. File will use the contents of terminationMessagePath to populate the container status message on both success and failure. FallbackToLogsOnError will use the last chunk of container log output if the termination message file is empty and the container exited with an error. The log output is limited to 2048 bytes or 80 lines, whichever is smaller. Defaults to File. Cannot be updated.\n\nPossible enum values:\n - `\"FallbackToLogsOnError\"` will read the most recent contents of the container logs for the container status message when the container exits with an error and the terminationMessagePath has no contents.\n - `\"File\"` is the default behavior and will set the container status message to the contents of the container's terminationMessagePath when the container exits.", json_schema_extra={"enum": ["FallbackToLogsOnError", "File"]})
    tty: Optional[bool] = Field(None, description="Whether this container should allocate a TTY for itself, also requires 'stdin' to be true. Default is false.")
    volumeDevices: Optional[list[VolumeDevice]] = Field(None, description="volumeDevices is the list of block devices to be used by the container.")
    volumeMounts: Optional[list[VolumeMount]] = Field(None, description="Pod volumes to mount into the container's filesystem. Cannot be updated.")
    workingDir: Optional[str] = Field(None, description="Container's working directory. If not specified, the container runtime's default will be used, which might be configured in the container image. Cannot be updated.")


class ContainerExtendedResourceRequest(K8sModel):
    """ContainerExtendedResourceRequest has the mapping of container name, extended resource name to the device request name.

    ``ContainerExtendedResourceRequest`` (core/v1); fields as in ``kubectl explain``.
    """

    _required_fields: ClassVar[tuple[str, ...]] = ("containerName", "resourceName", "requestName")

    containerName: Optional[str] = Field(None, description="The name of the container requesting resources.")
    requestName: Optional[str] = Field(None, description="The name of the request in the special ResourceClaim which corresponds to the extended resource.")
    resourceName: Optional[str] = Field(None, description="The name of the extended resource in that container which gets backed by DRA.")


class ContainerStateRunning(K8sModel):
    """ContainerStateRunning is a running state of a container.

    ``ContainerStateRunning`` (core/v1); fields as in ``kubectl explain``.
    """

    startedAt: Optional[Time] = Field(None, description="Time at which the container was last (re-)started")


class ContainerStateTerminated(K8sModel):
    """ContainerStateTerminated is a terminated state of a container.

    ``ContainerStateTerminated`` (core/v1); fields as in ``kubectl explain``.
    """

    _required_fields: ClassVar[tuple[str, ...]] = ("exitCode",)

    containerID: Optional[str] = Field(None, description="Container's ID in the format '<type>://<container_id>'")
    exitCode: Optional[Int32] = Field(None, description="Exit status from the last termination of the container")
    finishedAt: Optional[Time] = Field(None, description="Time at which the container last terminated")
    message: Optional[str] = Field(None, description="Message regarding the last termination of the container")
    reason: Optional[str] = Field(None, description="(brief) reason from the last termination of the container")
    signal: Optional[Int32] = Field(None, description="Signal from the last termination of the container")
    startedAt: Optional[Time] = Field(None, description="Time at which previous execution of the container started")


class ContainerStateWaiting(K8sModel):
    """ContainerStateWaiting is a waiting state of a container.

    ``ContainerStateWaiting`` (core/v1); fields as in ``kubectl explain``.
    """

    message: Optional[str] = Field(None, description="Message regarding why the container is not yet running.")
    reason: Optional[str] = Field(None, description="(brief) reason the container is not yet running.")


class ContainerState(K8sModel):
    """ContainerState holds a possible state of container. Only one of its members may be specified. If none of them is specified, the default one is ContainerStateWaiting.

    ``ContainerState`` (core/v1); fields as in ``kubectl explain``.
    """

    running: Optional[ContainerStateRunning] = Field(None, description="Details about a running container")
    terminated: Optional[ContainerStateTerminated] = Field(None, description="Details about a terminated container")
    waiting: Optional[ContainerStateWaiting] = Field(None, description="Details about a waiting container")


class ResourceHealth(K8sModel):
    """ResourceHealth represents the health of a resource. It has the latest device health information. This is a part of KEP https://kep.k8s.io/4680.

    ``ResourceHealth`` (core/v1); fields as in ``kubectl explain``.
    """

    _required_fields: ClassVar[tuple[str, ...]] = ("resourceID",)

    health: Optional[str] = Field(None, description="Health of the resource. can be one of:\n - Healthy: operates as normal\n - Unhealthy: reported unhealthy. We consider this a temporary health issue\n              since we do not have a mechanism today to distinguish\n              temporary and permanent issues.\n - Unknown: The status cannot be determined.\n            For example, Device Plugin got unregistered and hasn't been re-registered since.\n\nIn future we may want to introduce the PermanentlyUnhealthy Status.")
    resourceID: Optional[str] = Field(None, description="ResourceID is the unique identifier of the resource. See the ResourceID type for more information.")


class ResourceStatus(K8sModel):
    """ResourceStatus represents the status of a single resource allocated to a Pod.

    ``ResourceStatus`` (core/v1); fields as in ``kubectl explain``.
    """

    _required_fields: ClassVar[tuple[str, ...]] = ("name",)

    name: Optional[str] = Field(None, description="Name of the resource. Must be unique within the pod and in case of non-DRA resource, match one of the resources from the pod spec. For DRA resources, the value must be \"claim:<claim_name>/<request>\". When this status is reported about a container, the \"claim_name\" and \"request\" must match one of the claims of this container.")
    resources: Optional[list[ResourceHealth]] = Field(None, description="List of unique resources health. Each element in the list contains an unique resource ID and its health. At a minimum, for the lifetime of a Pod, resource ID must uniquely identify the resource allocated to the Pod on the Node. If other Pod on the same Node reports the status with the same resource ID, it must be the same resource they share. See ResourceID type definition for a specific format it has in various use cases.")


class LinuxContainerUser(K8sModel):
    """LinuxContainerUser represents user identity information in Linux containers

    ``LinuxContainerUser`` (core/v1); fields as in ``kubectl explain``.
    """

    _required_fields: ClassVar[tuple[str, ...]] = ("uid", "gid")

    gid: Optional[Int64] = Field(None, description="GID is the primary gid initially attached to the first process in the container")
    supplementalGroups: Optional[list[Int64]] = Field(None, description="SupplementalGroups are the supplemental groups initially attached to the first process in the container")
    uid: Optional[Int64] = Field(None, description="UID is the primary uid initially attached to the first process in the container")


class ContainerUser(K8sModel):
    """ContainerUser represents user identity information

    ``ContainerUser`` (core/v1); fields as in ``kubectl explain``.
    """

    linux: Optional[LinuxContainerUser] = Field(None, description="Linux holds user identity information initially attached to the first process of the containers in Linux. Note that the actual running identity can be changed if the process has enough privilege to do so.")


class ContainerStatus(K8sModel):
    """ContainerStatus contains details for the current status of this container.

    ``ContainerStatus`` (core/v1); fields as in ``kubectl explain``.
    """

    _go_field_types: ClassVar[dict[str, str]] = {'stopSignal': 'v1.Signal'}
    _required_fields: ClassVar[tuple[str, ...]] = ("name", "ready", "restartCount", "image", "imageID")

    allocatedResources: Optional[ResourceList] = Field(None, description="AllocatedResources represents the compute resources allocated for this container by the node. Kubelet sets this value to Container.Resources.Requests upon successful pod admission and after successfully admitting desired pod resize.")
    allocatedResourcesStatus: Optional[list[ResourceStatus]] = Field(None, description="AllocatedResourcesStatus represents the status of various resources allocated for this Pod.")
    containerID: Optional[str] = Field(None, description="ContainerID is the ID of the container in the format '<type>://<container_id>'. Where type is a container runtime identifier, returned from Version call of CRI API (for example \"containerd\").")
    image: Optional[str] = Field(None, description="Image is the name of container image that the container is running. The container image may not match the image used in the PodSpec, as it may have been resolved by the runtime. More info: https://kubernetes.io/docs/concepts/containers/images.")
    imageID: Optional[str] = Field(None, description="ImageID is the image ID of the container's image. The image ID may not match the image ID of the image used in the PodSpec, as it may have been resolved by the runtime.")
    lastState: Optional[ContainerState] = Field(None, description="LastTerminationState holds the last termination state of the container to help debug container crashes and restarts. This field is not populated if the container is still running and RestartCount is 0.")
    name: Optional[str] = Field(None, description="Name is a DNS_LABEL representing the unique name of the container. Each container in a pod must have a unique name across all container types. Cannot be updated.")
    ready: Optional[bool] = Field(None, description="Ready specifies whether the container is currently passing its readiness check. The value will change as readiness probes keep executing. If no readiness probes are specified, this field defaults to true once the container is fully started (see Started field).\n\nThe value is typically used to determine whether a container is ready to accept traffic.")
    resources: Optional[ResourceRequirements] = Field(None, description="Resources represents the compute resource requests and limits that have been successfully enacted on the running container after it has been started or has been successfully resized.")
    restartCount: Optional[Int32] = Field(None, description="RestartCount holds the number of times the container has been restarted. Kubelet makes an effort to always increment the value, but there are cases when the state may be lost due to node restarts and then the value may be reset to 0. The value is never negative.")
    started: Optional[bool] = Field(None, description="Started indicates whether the container has finished its postStart lifecycle hook and passed its startup probe. Initialized as false, becomes true after startupProbe is considered successful. Resets to false when the container is restarted, or if kubelet loses state temporarily. In both cases, startup probes will run again. Is always true when no startupProbe is defined and container is running and has passed the postStart lifecycle hook. The null value must be treated the same as false.")
    state: Optional[ContainerState] = Field(None, description="State holds details about the container's current condition.")
    stopSignal: Optional[str] = Field(None, description="StopSignal reports the effective stop signal for this container\n\nPossible enum values:\n - `\"SIGABRT\"`\n - `\"SIGALRM\"`\n - `\"SIGBUS\"`\n - `\"SIGCHLD\"`\n - `\"SIGCLD\"`\n - `\"SIGCONT\"`\n - `\"SIGFPE\"`\n - `\"SIGHUP\"`\n - `\"SIGILL\"`\n - `\"SIGINT\"`\n - `\"SIGIO\"`\n - `\"SIGIOT\"`\n - `\"SIGKILL\"`\n - `\"SIGPIPE\"`\n - `\"SIGPOLL\"`\n - `\"SIGPROF\"`\n - `\"SIGPWR\"`\n - `\"SIGQUIT\"`\n - `\"SIGRTMAX\"`\n - `\"SIGRTMAX-1\"`\n - `\"SIGRTMAX-10\"`\n - `\"SIGRTMAX-11\"`\n - `\"SIGRTMAX-12\"`\n - `\"SIGRTMAX-13\"`\n - `\"SIGRTMAX-14\"`\n - `\"SIGRTMAX-2\"`\n - `\"SIGRTMAX-3\"`\n - `\"SIGRTMAX-4\"`\n - `\"SIGRTMAX-5\"`\n - `\"SIGRTMAX-6\"`\n - `\"SIGRTMAX-7\"`\n - `\"SIGRTMAX-8\"`\n - `\"SIGRTMAX-9\"`\n - `\"SIGRTMIN\"`\n - `\"SIGRTMIN+1\"`\n - `\"SIGRTMIN+10\"`\n - `\"SIGRTMIN+11\"`\n - `\"SIGRTMIN+12\"`\n - `\"SIGRTMIN+13\"`\n - `\"SIGRTMIN+14\"`\n - `\"SIGRTMIN+15\"`\n - `\"SIGRTMIN+2\"`\n - `\"SIGRTMIN+3\"`\n - `\"SIGRTMIN+4\"`\n - `\"SIGRTMIN+5\"`\n - `\"SIGRTMIN+6\"`\n - `\"SIGRTMIN+7\"`\n - `\"SIGRTMIN+8\"`\n - `\"SIGRTMIN+9\"`\n - `\"SIGSEGV\"`\n - `\"SIGSTKFLT\"`\n - `\"SIGSTOP\"`\n - `\"SIGSYS\"`\n - `\"SIGTERM\"`\n - `\"SIGTRAP\"`\n - `\"SIGTSTP\"`\n - `\"SIGTTIN\"`\n - `\"SIGTTOU\"`\n - `\"SIGURG\"`\n - `\"SIGUSR1\"`\n - `\"SIGUSR2\"`\n - `\"SIGVTALRM\"`\n - `\"SIGWINCH\"`\n - `\"SIGXCPU\"`\n - `\"SIGXFSZ\"`", json_schema_extra={"enum": ["SIGABRT", "SIGALRM", "SIGBUS", "SIGCHLD", "SIGCLD", "SIGCONT", "SIGFPE", "SIGHUP", "SIGILL", "SIGINT", "SIGIO", "SIGIOT", "SIGKILL", "SIGPIPE", "SIGPOLL", "SIGPROF", "SIGPWR", "SIGQUIT", "SIGRTMAX", "SIGRTMAX-1", "SIGRTMAX-10", "SIGRTMAX-11", "SIGRTMAX-12", "SIGRTMAX-13", "SIGRTMAX-14", "SIGRTMAX-2", "SIGRTMAX-3", "SIGRTMAX-4", "SIGRTMAX-5", "SIGRTMAX-6", "SIGRTMAX-7", "SIGRTMAX-8", "SIGRTMAX-9", "SIGRTMIN", "SIGRTMIN+1", "SIGRTMIN+10", "SIGRTMIN+11", "SIGRTMIN+12", "SIGRTMIN+13", "SIGRTMIN+14", "SIGRTMIN+15", "SIGRTMIN+2", "SIGRTMIN+3", "SIGRTMIN+4", "SIGRTMIN+5", "SIGRTMIN+6", "SIGRTMIN+7", "SIGRTMIN+8", "SIGRTMIN+9", "SIGSEGV", "SIGSTKFLT", "SIGSTOP", "SIGSYS", "SIGTERM", "SIGTRAP", "SIGTSTP", "SIGTTIN", "SIGTTOU", "SIGURG", "SIGUSR1", "SIGUSR2", "SIGVTALRM", "SIGWINCH", "SIGXCPU", "SIGXFSZ"]})
    user: Optional[ContainerUser] = Field(None, description="User represents user identity information initially attached to the first process of the container")
    volumeMounts: Optional[list[VolumeMountStatus]] = Field(None, description="Status of volume mounts.")


class EphemeralContainer(K8sModel):
    """An EphemeralContainer is a temporary container that you may add to an existing Pod for user-initiated activities such as debugging. Ephemeral containers have no resource or scheduling guarantees, and they will not be restarted when they exit or when a Pod is removed or restarted. The kubelet may evict a Pod if an ephemeral container causes the Pod to exceed its resource allocation.

    To add an ephemeral container, use the ephemeralcontainers subresource of an existing Pod. Ephemeral containers may not be removed or restarted.

    ``EphemeralContainer`` (core/v1); fields as in ``kubectl explain``.
    """

    _go_field_types: ClassVar[dict[str, str]] = {'imagePullPolicy': 'v1.PullPolicy', 'terminationMessagePolicy': 'v1.TerminationMessagePolicy', 'restartPolicy': 'v1.ContainerRestartPolicy'}
    _required_fields: ClassVar[tuple[str, ...]] = ("name",)

    args: Optional[list[str]] = Field(None, description="Arguments to the entrypoint. The image's CMD is used if this is not provided. Variable references $(VAR_NAME) are expanded using the container's environment. If a variable cannot be resolved, the reference in the input string will be unchanged. Double $$ are reduced to a single $, which allows for escaping the $(VAR_NAME) syntax: i.e. \"$$(VAR_NAME)\" will produce the string literal \"$(VAR_NAME)\". Escaped references will never be expanded, regardless of whether the variable exists or not. Cannot be updated. More info: https://kubernetes.io/docs/tasks/inject-data-application/define-command-argument-container/#running-a-command-in-a-shell")
    command: Optional[list[str]] = Field(None, description="Entrypoint array. Not executed within a shell. The image's ENTRYPOINT is used if this is not provided. Variable references $(VAR_NAME) are expanded using the container's environment. If a variable cannot be resolved, the reference in the input string will be unchanged. Double $$ are reduced to a single $, which allows for escaping the $(VAR_NAME) syntax: i.e. \"$$(VAR_NAME)\" will produce the string literal \"$(VAR_NAME)\". Escaped references will never be expanded, regardless of whether the variable exists or not. Cannot be updated. More info: https://kubernetes.io/docs/tasks/inject-data-application/define-command-argument-container/#running-a-command-in-a-shell")
    env: Optional[list[EnvVar]] = Field(None, description="List of environment variables to set in the container. Cannot be updated.")
    envFrom: Optional[list[EnvFromSource]] = Field(None, description="List of sources to populate environment variables in the container. The keys defined within a source may consist of any printable ASCII characters except '='. When a key exists in multiple sources, the value associated with the last source will take precedence. Values defined by an Env with a duplicate key will take precedence. Cannot be updated.")
    image: Optional[str] = Field(None, description="Container image name. More info: https://kubernetes.io/docs/concepts/containers/images")
    imagePullPolicy: Optional[str] = Field(None, description="Image pull policy. One of Always, Never, IfNotPresent. Defaults to Always if :latest tag is specified, or IfNotPresent otherwise. Cannot be updated. More info: https://kubernetes.io/docs/concepts/containers/images#updating-images\n\nPossible enum values:\n - `\"Always\"` means that kubelet always attempts to pull the latest image. Container will fail If the pull fails.\n - `\"IfNotPresent\"` means that kubelet pulls if the image isn't present on disk. Container will fail if the image isn't present and the pull fails.\n - `\"Never\"` means that kubelet never pulls an image, but only uses a local image. Container will fail if the image isn't present", json_schema_extra={"enum": ["Always", "IfNotPresent", "Never"]})
    lifecycle: Optional[Lifecycle] = Field(None, description="Lifecycle is not allowed for ephemeral containers.")
    livenessProbe: Optional[Probe] = Field(None, description="Probes are not allowed for ephemeral containers.")
    name: Optional[str] = Field(None, description="Name of the ephemeral container specified as a DNS_LABEL. This name must be unique among all containers, init containers and ephemeral containers.")
    ports: Optional[list[ContainerPort]] = Field(None, description="Ports are not allowed for ephemeral containers.")
    readinessProbe: Optional[Probe] = Field(None, description="Probes are not allowed for ephemeral containers.")
    resizePolicy: Optional[list[ContainerResizePolicy]] = Field(None, description="Resources resize policy for the container.")
    resources: Optional[ResourceRequirements] = Field(None, description="Resources are not allowed for ephemeral containers. Ephemeral containers use spare resources already allocated to the pod.")
    restartPolicy: Optional[str] = Field(None, description="Restart policy for the container to manage the restart behavior of each container within a pod. You cannot set this field on ephemeral containers.")
    restartPolicyRules: Optional[list[ContainerRestartRule]] = Field(None, description="Represents a list of rules to be checked to determine if the container should be restarted on exit. You cannot set this field on ephemeral containers.")
    securityContext: Optional[SecurityContext] = Field(None, description="Optional: SecurityContext defines the security options the ephemeral container should be run with. If set, the fields of SecurityContext override the equivalent fields of PodSecurityContext.")
    startupProbe: Optional[Probe] = Field(None, description="Probes are not allowed for ephemeral containers.")
    stdin: Optional[bool] = Field(None, description="Whether this container should allocate a buffer for stdin in the container runtime. If this is not set, reads from stdin in the container will always result in EOF. Default is false.")
    stdinOnce: Optional[bool] = Field(None, description="Whether the container runtime should close the stdin channel after it has been opened by a single attach. When stdin is true the stdin stream will remain open across multiple attach sessions. If stdinOnce is set to true, stdin is opened on container start, is empty until the first client attaches to stdin, and then remains open and accepts data until the client disconnects, at which time stdin is closed and remains closed until the container is restarted. If this flag is false, a container processes that reads from stdin will never receive an EOF. Default is false")
    targetContainerName: Optional[str] = Field(None, description="If set, the name of the container from PodSpec that this ephemeral container targets. The ephemeral container will be run in the namespaces (IPC, PID, etc) of this container. If not set then the ephemeral container uses the namespaces configured in the Pod spec.\n\nThe container runtime must implement support for this feature. If the runtime does not support namespace targeting then the result of setting this field is undefined.")
    terminationMessagePath: Optional[str] = Field(None, description="Optional: Path at which the file to which the container's termination message will be written is mounted into the container's filesystem. Message written is intended to be brief final status, such as an assertion failure message. Will be truncated by the node if greater than 4096 bytes. The total message length across all containers will be limited to 12kb. Defaults to /dev/termination-log. Cannot be updated.")
    terminationMessagePolicy: Optional[str] = Field(None, description="Indicate how the termination message should be populated. File will use the contents of terminationMessagePath to populate the container status message on both success and failure. FallbackToLogsOnError will use the last chunk of container log output if the termination message file is empty and the container exited with an error. The log output is limited to 2048 bytes or 80 lines, whichever is smaller. Defaults to File. Cannot be updated.\n\nPossible enum values:\n - `\"FallbackToLogsOnError\"` will read the most recent contents of the container logs for the container status message when the container exits with an error and the terminationMessagePath has no contents.\n - `\"File\"` is the default behavior and will set the container status message to the contents of the container's terminationMessagePath when the container exits.", json_schema_extra={"enum": ["FallbackToLogsOnError", "File"]})
    tty: Optional[bool] = Field(None, description="Whether this container should allocate a TTY for itself, also requires 'stdin' to be true. Default is false.")
    volumeDevices: Optional[list[VolumeDevice]] = Field(None, description="volumeDevices is the list of block devices to be used by the container.")
    volumeMounts: Optional[list[VolumeMount]] = Field(None, description="Pod volumes to mount into the container's filesystem. Subpath mounts are not allowed for ephemeral containers. Cannot be updated.")
    workingDir: Optional[str] = Field(None, description="Container's working directory. If not specified, the container runtime's default will be used, which might be configured in the container image. Cannot be updated.")
