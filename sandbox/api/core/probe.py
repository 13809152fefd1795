"""core/v1 probes and lifecycle hooks: ``Probe`` and its handlers, ``Lifecycle``.

Field names are the Kubernetes JSON names; every field is optional (``None`` = absent).
Field lists and descriptions follow ``k8s.io/api`` (Kubernetes 1.34).
"""

from __future__ import annotations

from typing import ClassVar, Optional

from pydantic import Field

from sandbox.api.base import Int32, Int64, IntOrString, K8sModel

__all__ = [
    "ExecAction",
    "HTTPHeader",
    "HTTPGetAction",
    "SleepAction",
    "TCPSocketAction",
    "LifecycleHandler",
    "Lifecycle",
    "GRPCAction",
    "Probe",
]


class ExecAction(K8sModel):
    """ExecAction describes a "run in container" action.

    ``ExecAction`` (core/v1); fields as in ``kubectl explain``.
    """

    command: Optional[list[str]] = Field(None, description="Command is the command line to execute inside the container, the working directory for the command  is root ('/') in the container's filesystem. The command is simply exec'd, it is not run inside a shell, so traditional shell instructions ('|', etc) won't work. To use a shell, you need to explicitly call out to that shell. Exit status of 0 is treated as live/healthy and non-zero is unhealthy.")


class HTTPHeader(K8sModel):
    """HTTPHeader describes a custom header to be used in HTTP probes

    ``HTTPHeader`` (core/v1); fields as in ``kubectl explain``.
    """

    _required_fields: ClassVar[tuple[str, ...]] = ("name", "value")

    name: Optional[str] = Field(None, description="The header field name. This will be canonicalized upon output, so case-variant names will be understood as the same header.")
    value: Optional[str] = Field(None, description="The header field value")


class HTTPGetAction(K8sModel):
    """HTTPGetAction describes an action based on HTTP Get requests.

    ``HTTPGetAction`` (core/v1); fields as in ``kubectl explain``.
    """

    _go_field_types: ClassVar[dict[str, str]] = {'scheme': 'v1.URIScheme'}
    _required_fields: ClassVar[tuple[str, ...]] = ("port",)

    host: Optional[str] = Field(None, description="Host name to connect to, defaults to the pod IP. You probably want to set \"Host\" in httpHeaders instead.")
    httpHeaders: Optional[list[HTTPHeader]] = Field(None, description="Custom headers to set in the request. HTTP allows repeated headers.")
    path: Optional[str] = Field(None, description="Path to access on the HTTP server.")
    port: Optional[IntOrString] = Field(None, description="Name or number of the port to access on the container. Number must be in the range 1 to 65535. Name must be an IANA_SVC_NAME.")
    scheme: Optional[str] = Field(None, description="Scheme to use for connecting to the host. Defaults to HTTP.\n\nPossible enum values:\n - `\"HTTP\"` means that the scheme used will be http://\n - `\"HTTPS\"` means that the scheme used will be https://", json_schema_extra={"enum": ["HTTP", "HTTPS"]})


class SleepAction(K8sModel):
    """SleepAction describes a "sleep" action.

    ``SleepAction`` (core/v1); fields as in ``kubectl explain``.
    """

    _required_fields: ClassVar[tuple[str, ...]] = ("seconds",)

    seconds: Optional[Int64] = Field(None, description="Seconds is the number of seconds to sleep.")


class TCPSocketAction(K8sModel):
    """TCPSocketAction describes an action based on opening a socket

    ``TCPSocketAction`` (core/v1); fields as in ``kubectl explain``.
    """

    _required_fields: ClassVar[tuple[str, ...]] = ("port",)

    host: Optional[str] = Field(None, description="Optional: Host name to connect to, defaults to the pod IP.")
    port: Optional[IntOrString] = Field(None, description="Number or name of the port to access on the container. Number must be in the range 1 to 65535. Name must be an IANA_SVC_NAME.")


class LifecycleHandler(K8sModel):
    """LifecycleHandler defines a specific action that should be taken in a lifecycle hook. One and only one of the fields, except TCPSocket must be specified.

    ``LifecycleHandler`` (core/v1); fields as in ``kubectl explain``.
    """

    exec: Optional[ExecAction] = Field(None, description="Exec specifies a command to execute in the container.")
    httpGet: Optional[HTTPGetAction] = Field(None, description="HTTPGet specifies an HTTP GET request to perform.")
    sleep: Optional[SleepAction] = Field(None, description="Sleep represents a duration that the container should sleep.")
    tcpSocket: Optional[TCPSocketAction] = Field(None, description="Deprecated. TCPSocket is NOT supported as a LifecycleHandler and kept for backward compatibility. There is no validation of this field and lifecycle hooks will fail at runtime when it is specified.")


class Lifecycle(K8sModel):
    """Lifecycle describes actions that the management system should take in response to container lifecycle events. For the PostStart and PreStop lifecycle handlers, management of the container blocks until the action is complete, unless the container process fails, in which case the handler is aborted.

    ``Lifecycle`` (core/v1); fields as in ``kubectl explain``.
    """

    _go_field_types: ClassVar[dict[str, str]] = {'stopSignal': 'v1.Signal'}

    postStart: Optional[LifecycleHandler] = Field(None, description="PostStart is called immediately after a container is created. If the handler fails, the container is terminated and restarted according to its restart policy. Other management of the container blocks until the hook completes. More info: https://kubernetes.io/docs/concepts/containers/container-lifecycle-hooks/#container-hooks")
    preStop: Optional[LifecycleHandler] = Field(None, description="PreStop is called immediately before a container is terminated due to an API request or management event such as liveness/startup probe failure, preemption, resource contention, etc. The handler is not called if the container crashes or exits. The Pod's termination grace period countdown begins before the PreStop hook is executed. Regardless of the outcome of the handler, the container will eventually terminate within the Pod's termination grace period (unless delayed by finalizers). Other management of the container blocks until the hook completes or until the termination grace period is reached. More info: https://kubernetes.io/docs/concepts/containers/container-lifecycle-hooks/#container-hooks")
    stopSignal: Optional[str] = Field(None, description="StopSignal defines which signal will be sent to a container when it is being stopped. If not specified, the default is defined by the container runtime in use. StopSignal can only be set for Pods with a non-empty .spec.os.name\n\nPossible enum values:\n - `\"SIGABRT\"`\n - `\"SIGALRM\"`\n - `\"SIGBUS\"`\n - `\"SIGCHLD\"`\n - `\"SIGCLD\"`\n - `\"SIGCONT\"`\n - `\"SIGFPE\"`\n - `\"SIGHUP\"`\n - `\"SIGILL\"`\n - `\"SIGINT\"`\n - `\"SIGIO\"`\n - `\"SIGIOT\"`\n - `\"SIGKILL\"`\n - `\"SIGPIPE\"`\n - `\"SIGPOLL\"`\n - `\"SIGPROF\"`\n - `\"SIGPWR\"`\n - `\"SIGQUIT\"`\n - `\"SIGRTMAX\"`\n - `\"SIGRTMAX-1\"`\n - `\"SIGRTMAX-10\"`\n - `\"SIGRTMAX-11\"`\n - `\"SIGRTMAX-12\"`\n - `\"SIGRTMAX-13\"`\n - `\"SIGRTMAX-14\"`\n - `\"SIGRTMAX-2\"`\n - `\"SIGRTMAX-3\"`\n - `\"SIGRTMAX-4\"`\n - `\"SIGRTMAX-5\"`\n - `\"SIGRTMAX-6\"`\n - `\"SIGRTMAX-7\"`\n - `\"SIGRTMAX-8\"`\n - `\"SIGRTMAX-9\"`\n - `\"SIGRTMIN\"`\n - `\"SIGRTMIN+1\"`\n - `\"SIGRTMIN+10\"`\n - `\"SIGRTMIN+11\"`\n - `\"SIGRTMIN+12\"`\n - `\"SIGRTMIN+13\"`\n - `\"SIGRTMIN+14\"`\n - `\"SIGRTMIN+15\"`\n - `\"SIGRTMIN+2\"`\n - `\"SIGRTMIN+3\"`\n - `\"SIGRTMIN+4\"`\n - `\"SIGRTMIN+5\"`\n - `\"SIGRTMIN+6\"`\n - `\"SIGRTMIN+7\"`\n - `\"SIGRTMIN+8\"`\n - `\"SIGRTMIN+9\"`\n - `\"SIGSEGV\"`\n - `\"SIGSTKFLT\"`\n - `\"SIGSTOP\"`\n - `\"SIGSYS\"`\n - `\"SIGTERM\"`\n - `\"SIGTRAP\"`\n - `\"SIGTSTP\"`\n - `\"SIGTTIN\"`\n - `\"SIGTTOU\"`\n - `\"SIGURG\"`\n - `\"SIGUSR1\"`\n - `\"SIGUSR2\"`\n - `\"SIGVTALRM\"`\n - `\"SIGWINCH\"`\n - `\"SIGXCPU\"`\n - `\"SIGXFSZ\"`", json_schema_extra={"enum": ["SIGABRT", "SIGALRM", "SIGBUS", "SIGCHLD", "SIGCLD", "SIGCONT", "SIGFPE", "SIGHUP", "SIGILL", "SIGINT", "SIGIO", "SIGIOT", "SIGKILL", "SIGPIPE", "SIGPOLL", "SIGPROF", "SIGPWR", "SIGQUIT", "SIGRTMAX", "SIGRTMAX-1", "SIGRTMAX-10", "SIGRTMAX-11", "SIGRTMAX-12", "SIGRTMAX-13", "SIGRTMAX-14", "SIGRTMAX-2", "SIGRTMAX-3", "SIGRTMAX-4", "SIGRTMAX-5", "SIGRTMAX-6", "SIGRTMAX-7", "SIGRTMAX-8", "SIGRTMAX-9", "SIGRTMIN", "SIGRTMIN+1", "SIGRTMIN+10", "SIGRTMIN+11", "SIGRTMIN+12", "SIGRTMIN+13", "SIGRTMIN+14", "SIGRTMIN+15", "SIGRTMIN+2", "SIGRTMIN+3", "SIGRTMIN+4", "SIGRTMIN+5", "SIGRTMIN+6", "SIGRTMIN+7", "SIGRTMIN+8", "SIGRTMIN+9", "SIGSEGV", "SIGSTKFLT", "SIGSTOP", "SIGSYS", "SIGTERM", "SIGTRAP", "SIGTSTP", "SIGTTIN", "SIGTTOU", "SIGURG", "SIGUSR1", "SIGUSR2", "SIGVTALRM", "SIGWINCH", "SIGXCPU", "SIGXFSZ"]})


class GRPCAction(K8sModel):
    """GRPCAction specifies an action involving a GRPC service.

    ``GRPCAction`` (core/v1); fields as in ``kubectl explain``.
    """

    _required_fields: ClassVar[tuple[str, ...]] = ("port",)

    port: Optional[Int32] = Field(None, description="Port number of the gRPC service. Number must be in the range 1 to 65535.")
    service: Optional[str] = Field(None, description="Service is the name of the service to place in the gRPC HealthCheckRequest (see https://github.com/grpc/grpc/blob/master/doc/health-checking.md).\n\nIf this is not specified, the default behavior is defined by gRPC.")


class Probe(K8sModel):
    """Probe describes a health check to be performed against a container to determine whether it is alive or ready to receive traffic.

    ``Probe`` (core/v1); fields as in ``kubectl explain``.
    """

    exec: Optional[ExecAction] = Field(None, description="Exec specifies a command to execute in the container.")
    failureThreshold: Optional[Int32] = Field(None, description="Minimum consecutive failures for the probe to be considered failed after having succeeded. Defaults to 3. Minimum value is 1.")
    grpc: Optional[GRPCAction] = Field(None, description="GRPC specifies a GRPC HealthCheckRequest.")
    httpGet: Optional[HTTPGetAction] = Field(None, description="HTTPGet specifies an HTTP GET request to perform.")
    initialDelaySeconds: Optional[Int32] = Field(None, description="Number of seconds after the container has started before liveness probes are initiated. More info: https://kubernetes.io/docs/concepts/workloads/pods/pod-lifecycle#container-probes")
    periodSeconds: Optional[Int32] = Field(None, description="How often (in seconds) to perform the probe. Default to 10 seconds. Minimum value is 1.")
    successThreshold: Optional[Int32] = Field(None, description="Minimum consecutive successes for the probe to be considered successful after having failed. Defaults to 1. Must be 1 for liveness and startup. Minimum value is 1.")
    tcpSocket: Optional[TCPSocketAction] = Field(None, description="TCPSocket specifies a connection to a TCP port.")
    terminationGracePeriodSeconds: Optional[Int64] = Field(None, description="Optional duration in seconds the pod needs to terminate gracefully upon probe failure. The grace period is the duration in seconds after the processes running in the pod are sent a termination signal and the time when the processes are forcibly halted with a kill signal. Set this value longer than the expected cleanup time for your process. If this value is nil, the pod's terminationGracePeriodSeconds will be used. Otherwise, this value overrides the value provided by the pod spec. Value must be non-negative integer. The value zero indicates stop immediately via the kill signal (no opportunity to shut down). This is a beta field and requires enabling ProbeTerminationGracePeriod feature gate. Minimum value is 1. spec.terminationGracePeriodSeconds is used if unset.")
    timeoutSeconds: Optional[Int32] = Field(None, description="Number of seconds after which the probe times out. Defaults to 1 second. Minimum value is 1. More info: https://kubernetes.io/docs/concepts/workloads/pods/pod-lifecycle#container-probes")
