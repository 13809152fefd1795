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
    """``ExecAction`` (core/v1): see ``kubectl explain``."""

    command: Optional[list[str]] = Field(None, description="Command is the command line to execute inside the container, the working directory for the command  is root ('/') in the container's filesystem. The command is simply exec'd, it is not run inside a shell, so traditional shell instructions ('|', etc) won't work. To use a shell, you need to explicitly call out to that shell. Exit status of 0 is treated as live/healthy and non-zero is unhealthy.")


class HTTPHeader(K8sModel):
    """``HTTPHeader`` (core/v1): see ``kubectl explain``."""

    name: Optional[str] = Field(None, description="The header field name. This will be canonicalized upon output, so case-variant names will be understood as the same header.")
    value: Optional[str] = Field(None, description="The header field value")


class HTTPGetAction(K8sModel):
    """``HTTPGetAction`` (core/v1): see ``kubectl explain``."""

    _go_field_types: ClassVar[dict[str, str]] = {'scheme': 'v1.URIScheme'}

    host: Optional[str] = Field(None, description="Host name to connect to, defaults to the pod IP. You probably want to set \\\"Host\\\" in httpHeaders instead.")
    httpHeaders: Optional[list[HTTPHeader]] = Field(None, description="Custom headers to set in the request. HTTP allows repeated headers.")
    path: Optional[str] = Field(None, description="Path to access on the HTTP server.")
    port: Optional[IntOrString] = Field(None, description="Name or number of the port to access on the container. Number must be in the range 1 to 65535. Name must be an IANA_SVC_NAME.")
    scheme: Optional[str] = Field(None, description="Scheme to use for connecting to the host. Defaults to HTTP.")


class SleepAction(K8sModel):
    """``SleepAction`` (core/v1): see ``kubectl explain``."""

    seconds: Optional[Int64] = Field(None, description="Seconds is the number of seconds to sleep.")


class TCPSocketAction(K8sModel):
    """``TCPSocketAction`` (core/v1): see ``kubectl explain``."""

    host: Optional[str] = Field(None, description="Optional: Host name to connect to, defaults to the pod IP.")
    port: Optional[IntOrString] = Field(None, description="Number or name of the port to access on the container. Number must be in the range 1 to 65535. Name must be an IANA_SVC_NAME.")


class LifecycleHandler(K8sModel):
    """``LifecycleHandler`` (core/v1): see ``kubectl explain``."""

    exec: Optional[ExecAction] = Field(None, description=":return: The _exec of this V1LifecycleHandler.   :rtype: V1ExecAction \"\"\" return self.__exec  @_exec.setter def _exec(self, _exec): \"\"\"Sets the _exec of this V1LifecycleHandler.   :param _exec: The _exec of this V1LifecycleHandler.   :type: V1ExecAction \"\"\"  self.__exec = _exec  @property def http_get(self): \"\"\"Gets the http_get of this V1LifecycleHandler.")
    httpGet: Optional[HTTPGetAction] = Field(None, description=":return: The http_get of this V1LifecycleHandler.   :rtype: V1HTTPGetAction \"\"\" return self._http_get  @http_get.setter def http_get(self, http_get): \"\"\"Sets the http_get of this V1LifecycleHandler.   :param http_get: The http_get of this V1LifecycleHandler.   :type: V1HTTPGetAction \"\"\"  self._http_get = http_get  @property def sleep(self): \"\"\"Gets the sleep of this V1LifecycleHandler.")
    sleep: Optional[SleepAction] = Field(None, description=":return: The sleep of this V1LifecycleHandler.   :rtype: V1SleepAction \"\"\" return self._sleep  @sleep.setter def sleep(self, sleep): \"\"\"Sets the sleep of this V1LifecycleHandler.   :param sleep: The sleep of this V1LifecycleHandler.   :type: V1SleepAction \"\"\"  self._sleep = sleep  @property def tcp_socket(self): \"\"\"Gets the tcp_socket of this V1LifecycleHandler.")
    tcpSocket: Optional[TCPSocketAction] = Field(None, description="")


class Lifecycle(K8sModel):
    """Lifecycle describes actions that the management system should take in response to container lifecycle events.

    ``Lifecycle`` (core/v1); fields as in ``kubectl explain``.
    """

    _go_field_types: ClassVar[dict[str, str]] = {'stopSignal': 'v1.Signal'}

    postStart: Optional[LifecycleHandler] = Field(None, description=":return: The post_start of this V1Lifecycle.   :rtype: V1LifecycleHandler \"\"\" return self._post_start  @post_start.setter def post_start(self, post_start): \"\"\"Sets the post_start of this V1Lifecycle.   :param post_start: The post_start of this V1Lifecycle.   :type: V1LifecycleHandler \"\"\"  self._post_start = post_start  @property def pre_stop(self): \"\"\"Gets the pre_stop of this V1Lifecycle.")
    preStop: Optional[LifecycleHandler] = Field(None, description=":return: The pre_stop of this V1Lifecycle.   :rtype: V1LifecycleHandler \"\"\" return self._pre_stop  @pre_stop.setter def pre_stop(self, pre_stop): \"\"\"Sets the pre_stop of this V1Lifecycle.   :param pre_stop: The pre_stop of this V1Lifecycle.   :type: V1LifecycleHandler \"\"\"  self._pre_stop = pre_stop  @property def stop_signal(self): \"\"\"Gets the stop_signal of this V1Lifecycle.    StopSignal defines which signal will be sent to a container when it is being stopped. If not specified, the default is defined by the container runtime in use. StopSignal can only be set for Pods with a non-empty .spec.os.name")
    stopSignal: Optional[str] = Field(None, description="StopSignal defines which signal will be sent to a container when it is being stopped. If not specified, the default is defined by the container runtime in use. StopSignal can only be set for Pods with a non-empty .spec.os.name")


class GRPCAction(K8sModel):
    """``GRPCAction`` (core/v1): see ``kubectl explain``."""

    port: Optional[Int32] = Field(None, description="Port number of the gRPC service. Number must be in the range 1 to 65535.")
    service: Optional[str] = Field(None, description="Service is the name of the service to place in the gRPC HealthCheckRequest (see https://github.com/grpc/grpc/blob/master/doc/health-checking.md).  If this is not specified, the default behavior is defined by gRPC.")


class Probe(K8sModel):
    """Probe describes a health check to be performed against a container to determine whether it is alive or ready to receive traffic.

    ``Probe`` (core/v1); fields as in ``kubectl explain``.
    """

    exec: Optional[ExecAction] = Field(None, description=":return: The _exec of this V1Probe.   :rtype: V1ExecAction \"\"\" return self.__exec  @_exec.setter def _exec(self, _exec): \"\"\"Sets the _exec of this V1Probe.   :param _exec: The _exec of this V1Probe.   :type: V1ExecAction \"\"\"  self.__exec = _exec  @property def failure_threshold(self): \"\"\"Gets the failure_threshold of this V1Probe.    Minimum consecutive failures for the probe to be considered failed after having succeeded. Defaults to 3. Minimum value is 1.")
    failureThreshold: Optional[Int32] = Field(None, description="Minimum consecutive failures for the probe to be considered failed after having succeeded. Defaults to 3. Minimum value is 1.")
    grpc: Optional[GRPCAction] = Field(None, description=":return: The grpc of this V1Probe.   :rtype: V1GRPCAction \"\"\" return self._grpc  @grpc.setter def grpc(self, grpc): \"\"\"Sets the grpc of this V1Probe.   :param grpc: The grpc of this V1Probe.   :type: V1GRPCAction \"\"\"  self._grpc = grpc  @property def http_get(self): \"\"\"Gets the http_get of this V1Probe.")
    httpGet: Optional[HTTPGetAction] = Field(None, description=":return: The http_get of this V1Probe.   :rtype: V1HTTPGetAction \"\"\" return self._http_get  @http_get.setter def http_get(self, http_get): \"\"\"Sets the http_get of this V1Probe.   :param http_get: The http_get of this V1Probe.   :type: V1HTTPGetAction \"\"\"  self._http_get = http_get  @property def initial_delay_seconds(self): \"\"\"Gets the initial_delay_seconds of this V1Probe.    Number of seconds after the container has started before liveness probes are initiated. More info: https://kubernetes.io/docs/concepts/workloads/pods/pod-lifecycle#container-probes")
    initialDelaySeconds: Optional[Int32] = Field(None, description="Number of seconds after the container has started before liveness probes are initiated. More info: https://kubernetes.io/docs/concepts/workloads/pods/pod-lifecycle#container-probes")
    periodSeconds: Optional[Int32] = Field(None, description="How often (in seconds) to perform the probe. Default to 10 seconds. Minimum value is 1.")
    successThreshold: Optional[Int32] = Field(None, description="Minimum consecutive successes for the probe to be considered successful after having failed. Defaults to 1. Must be 1 for liveness and startup. Minimum value is 1.")
    tcpSocket: Optional[TCPSocketAction] = Field(None, description=":return: The tcp_socket of this V1Probe.   :rtype: V1TCPSocketAction \"\"\" return self._tcp_socket  @tcp_socket.setter def tcp_socket(self, tcp_socket): \"\"\"Sets the tcp_socket of this V1Probe.   :param tcp_socket: The tcp_socket of this V1Probe.   :type: V1TCPSocketAction \"\"\"  self._tcp_socket = tcp_socket  @property def termination_grace_period_seconds(self): \"\"\"Gets the termination_grace_period_seconds of this V1Probe.    Optional duration in seconds the pod needs to terminate gracefully upon probe failure. The grace period is the duration in seconds after the processes running in the pod are sent a termination signal and the time when the processes are forcibly halted with a kill signal. Set this value longer than the expected cleanup time for your process. If this value is nil, the pod's terminationGracePeriodSeconds will be used. Otherwise, this value overrides the value provided by the pod spec. Value must be non-negative integer. The value zero indicates stop immediately via the kill signal (no opportunity to shut down). This is a beta field and requires enabling ProbeTerminationGracePeriod feature gate. Minimum value is 1. spec.terminationGracePeriodSeconds is used if unset.")
    terminationGracePeriodSeconds: Optional[Int64] = Field(None, description="Optional duration in seconds the pod needs to terminate gracefully upon probe failure. The grace period is the duration in seconds after the processes running in the pod are sent a termination signal and the time when the processes are forcibly halted with a kill signal. Set this value longer than the expected cleanup time for your process. If this value is nil, the pod's terminationGracePeriodSeconds will be used. Otherwise, this value overrides the value provided by the pod spec. Value must be non-negative integer. The value zero indicates stop immediately via the kill signal (no opportunity to shut down). This is a beta field and requires enabling ProbeTerminationGracePeriod feature gate. Minimum value is 1. spec.terminationGracePeriodSeconds is used if unset.")
    timeoutSeconds: Optional[Int32] = Field(None, description="Number of seconds after which the probe times out. Defaults to 1 second. Minimum value is 1. More info: https://kubernetes.io/docs/concepts/workloads/pods/pod-lifecycle#container-probes")
