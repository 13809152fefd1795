"""core/v1 ``Service`` and ``Endpoints`` with their parts.

Field names are the Kubernetes JSON names; every field is optional (``None`` = absent).
Field lists follow ``k8s.io/api/core/v1/types.go`` (Kubernetes 1.32). ``EndpointSlice``
(``discovery.k8s.io/v1``) is not modelled: the sandbox's endpoints controller writes
``Endpoints``, which is what ``kubectl get endpoints`` shows on 1.32.
"""

from __future__ import annotations

from typing import ClassVar, Optional

from pydantic import Field

from sandbox.api.base import Int32, IntOrString, K8sModel, KubeObject
from sandbox.api.core.common import ObjectReference
from sandbox.api.meta import Condition, ObjectMeta

__all__ = [
    "ClientIPConfig",
    "SessionAffinityConfig",
    "ServicePort",
    "ServiceSpec",
    "PortStatus",
    "LoadBalancerIngress",
    "LoadBalancerStatus",
    "ServiceStatus",
    "Service",
    "EndpointAddress",
    "EndpointPort",
    "EndpointSubset",
    "Endpoints",
]


class ClientIPConfig(K8sModel):
    """``ClientIPConfig`` (core/v1): see ``kubectl explain``."""

    timeoutSeconds: Optional[Int32] = Field(None, description="timeoutSeconds specifies the seconds of ClientIP type session sticky time. The value must be >0 && <=86400(for 1 day) if ServiceAffinity == \"ClientIP\". Default value is 10800(for 3 hours).")


class SessionAffinityConfig(K8sModel):
    """``SessionAffinityConfig`` (core/v1): see ``kubectl explain``."""

    clientIP: Optional[ClientIPConfig] = Field(None, description="clientIP contains the configurations of Client IP based session affinity.")


class ServicePort(K8sModel):
    """``ServicePort`` (core/v1): see ``kubectl explain``."""

    _go_field_types: ClassVar[dict[str, str]] = {'protocol': 'v1.Protocol'}

    appProtocol: Optional[str] = Field(None, description="The application protocol for this port. This is used as a hint for implementations to offer richer behavior for protocols that they understand. This field follows standard Kubernetes label syntax.")
    name: Optional[str] = Field(None, description="The name of this port within the service. This must be a DNS_LABEL. All ports within a ServiceSpec must have unique names. When considering the endpoints for a Service, this must match the 'name' field in the EndpointPort. Optional if only one ServicePort is defined on this service.")
    nodePort: Optional[Int32] = Field(None, description="The port on each node on which this service is exposed when type is NodePort or LoadBalancer.  Usually assigned by the system. If a value is specified, in-range, and not in use it will be used, otherwise the operation will fail.")
    port: Optional[Int32] = Field(None, description="The port that will be exposed by this service.")
    protocol: Optional[str] = Field(None, description="The IP protocol for this port. Supports \"TCP\", \"UDP\", and \"SCTP\". Default is TCP.")
    targetPort: Optional[IntOrString] = Field(None, description="Number or name of the port to access on the pods targeted by the service. Number must be in the range 1 to 65535. Name must be an IANA_SVC_NAME. If this is a string, it will be looked up as a named port in the target Pod's container ports. If this is not specified, the value of the 'port' field is used (an identity map).")


class ServiceSpec(K8sModel):
    """``ServiceSpec`` (core/v1): see ``kubectl explain``."""

    _go_field_types: ClassVar[dict[str, str]] = {
        'type': 'v1.ServiceType', 'sessionAffinity': 'v1.ServiceAffinity',
        'externalTrafficPolicy': 'v1.ServiceExternalTrafficPolicy',
        'internalTrafficPolicy': 'v1.ServiceInternalTrafficPolicy', 'ipFamilies': '[]v1.IPFamily',
        'ipFamilyPolicy': 'v1.IPFamilyPolicy',
    }

    allocateLoadBalancerNodePorts: Optional[bool] = Field(None, description="allocateLoadBalancerNodePorts defines if NodePorts will be automatically allocated for services with type LoadBalancer.  Default is \"true\".")
    clusterIP: Optional[str] = Field(None, description="clusterIP is the IP address of the service and is usually assigned randomly. If an address is specified manually, is in-range (as per system configuration), and is not in use, it will be allocated to the service; otherwise creation of the service will fail. This field may not be changed through updates unless the type field is also being changed to ExternalName. Valid values are \"None\", empty string (\"\"), or a valid IP address. Setting this to \"None\" makes a \"headless service\" (no virtual IP).")
    clusterIPs: Optional[list[str]] = Field(None, description="ClusterIPs is a list of IP addresses assigned to this service, and are usually assigned randomly.")
    externalIPs: Optional[list[str]] = Field(None, description="externalIPs is a list of IP addresses for which nodes in the cluster will also accept traffic for this service.")
    externalName: Optional[str] = Field(None, description="externalName is the external reference that discovery mechanisms will return as an alias for this service (e.g. a DNS CNAME record). Must be a lowercase RFC-1123 hostname and requires `type` to be \"ExternalName\".")
    externalTrafficPolicy: Optional[str] = Field(None, description="externalTrafficPolicy describes how nodes distribute service traffic they receive on one of the Service's \"externally-facing\" addresses (NodePorts, ExternalIPs, and LoadBalancer IPs).")
    healthCheckNodePort: Optional[Int32] = Field(None, description="healthCheckNodePort specifies the healthcheck nodePort for the service.")
    internalTrafficPolicy: Optional[str] = Field(None, description="InternalTrafficPolicy describes how nodes distribute service traffic they receive on the ClusterIP. If set to \"Local\", the proxy will assume that pods only want to talk to endpoints of the service on the same node as the pod, dropping the traffic if there are no local endpoints. The default value, \"Cluster\", uses the standard behavior of routing to all endpoints evenly.")
    ipFamilies: Optional[list[str]] = Field(None, description="IPFamilies is a list of IP families (e.g. IPv4, IPv6) assigned to this service.")
    ipFamilyPolicy: Optional[str] = Field(None, description="IPFamilyPolicy represents the dual-stack-ness requested or required by this Service. If there is no value provided, then this field will be set to SingleStack.")
    loadBalancerClass: Optional[str] = Field(None, description="loadBalancerClass is the class of the load balancer implementation this Service belongs to.")
    loadBalancerIP: Optional[str] = Field(None, description="Only applies to Service Type: LoadBalancer. Deprecated.")
    loadBalancerSourceRanges: Optional[list[str]] = Field(None, description="If specified and supported by the platform, this will restrict traffic through the cloud-provider load-balancer will be restricted to the specified client IPs.")
    ports: Optional[list[ServicePort]] = Field(None, description="The list of ports that are exposed by this service. More info: https://kubernetes.io/docs/concepts/services-networking/service/#virtual-ips-and-service-proxies")
    publishNotReadyAddresses: Optional[bool] = Field(None, description="publishNotReadyAddresses indicates that any agent which deals with endpoints for this Service should disregard any indications of ready/not-ready.")
    selector: Optional[dict[str, str]] = Field(None, description="Route service traffic to pods with label keys and values matching this selector. If empty or not present, the service is assumed to have an external process managing its endpoints, which Kubernetes will not modify.")
    sessionAffinity: Optional[str] = Field(None, description="Supports \"ClientIP\" and \"None\". Used to maintain session affinity. Enable client IP based session affinity. Must be ClientIP or None. Defaults to None.")
    sessionAffinityConfig: Optional[SessionAffinityConfig] = Field(None, description="sessionAffinityConfig contains the configurations of session affinity.")
    trafficDistribution: Optional[str] = Field(None, description="TrafficDistribution offers a way to express preferences for how traffic is distributed to Service endpoints.")
    type: Optional[str] = Field(None, description="type determines how the Service is exposed. Defaults to ClusterIP. Valid options are ExternalName, ClusterIP, NodePort, and LoadBalancer.")


class PortStatus(K8sModel):
    """``PortStatus`` (core/v1): see ``kubectl explain``."""

    error: Optional[str] = Field(None, description="Error is to record the problem with the service port.")
    port: Optional[Int32] = Field(None, description="Port is the port number of the service port of which status is recorded here")
    protocol: Optional[str] = Field(None, description="Protocol is the protocol of the service port of which status is recorded here.")


class LoadBalancerIngress(K8sModel):
    """``LoadBalancerIngress`` (core/v1): see ``kubectl explain``."""

    hostname: Optional[str] = Field(None, description="Hostname is set for load-balancer ingress points that are DNS based (typically AWS load-balancers)")
    ip: Optional[str] = Field(None, description="IP is set for load-balancer ingress points that are IP based (typically GCE or OpenStack load-balancers)")
    ipMode: Optional[str] = Field(None, description="IPMode specifies how the load-balancer IP behaves, and may only be specified when the ip field is specified.")
    ports: Optional[list[PortStatus]] = Field(None, description="Ports is a list of records of service ports.")


class LoadBalancerStatus(K8sModel):
    """``LoadBalancerStatus`` (core/v1): see ``kubectl explain``."""

    ingress: Optional[list[LoadBalancerIngress]] = Field(None, description="Ingress is a list containing ingress points for the load-balancer. Traffic intended for the service should be sent to these ingress points.")


class ServiceStatus(K8sModel):
    """``ServiceStatus`` (core/v1): see ``kubectl explain``."""

    conditions: Optional[list[Condition]] = Field(None, description="Current service state")
    loadBalancer: Optional[LoadBalancerStatus] = Field(None, description="LoadBalancer contains the current status of the load-balancer, if one is present.")


class Service(KubeObject):
    """Service is a named abstraction of software service (for example, mysql) consisting of local
    port (for example 3306) that the proxy listens on, and the selector that determines which pods
    will answer requests sent through the proxy.

    ``Service`` (core/v1); fields as in ``kubectl explain``.
    """

    API_VERSION: ClassVar[str] = "v1"
    KIND: ClassVar[str] = "Service"

    apiVersion: str = "v1"
    kind: str = "Service"
    metadata: Optional[ObjectMeta] = Field(None, description="Standard object's metadata.")
    spec: Optional[ServiceSpec] = Field(None, description="Spec defines the behavior of a service.")
    status: Optional[ServiceStatus] = Field(None, description="Most recently observed status of the service. Populated by the system. Read-only.")


class EndpointAddress(K8sModel):
    """``EndpointAddress`` (core/v1): see ``kubectl explain``."""

    hostname: Optional[str] = Field(None, description="The Hostname of this endpoint")
    ip: Optional[str] = Field(None, description="The IP of this endpoint. May not be loopback (127.0.0.0/8 or ::1), link-local (169.254.0.0/16 or fe80::/10), or link-local multicast (224.0.0.0/24 or ff02::/16).")
    nodeName: Optional[str] = Field(None, description="Optional: Node hosting this endpoint. This can be used to determine endpoints local to a node.")
    targetRef: Optional[ObjectReference] = Field(None, description="Reference to object providing the endpoint.")


class EndpointPort(K8sModel):
    """``EndpointPort`` (core/v1): see ``kubectl explain``."""

    appProtocol: Optional[str] = Field(None, description="The application protocol for this port.")
    name: Optional[str] = Field(None, description="The name of this port.  This must match the 'name' field in the corresponding ServicePort. Must be a DNS_LABEL. Optional only if one port is defined.")
    port: Optional[Int32] = Field(None, description="The port number of the endpoint.")
    protocol: Optional[str] = Field(None, description="The IP protocol for this port. Must be UDP, TCP, or SCTP. Default is TCP.")


class EndpointSubset(K8sModel):
    """``EndpointSubset`` (core/v1): see ``kubectl explain``."""

    addresses: Optional[list[EndpointAddress]] = Field(None, description="IP addresses which offer the related ports that are marked as ready.")
    notReadyAddresses: Optional[list[EndpointAddress]] = Field(None, description="IP addresses which offer the related ports but are not currently marked as ready because they have not yet finished starting, have recently failed a readiness check, or have recently failed a liveness check.")
    ports: Optional[list[EndpointPort]] = Field(None, description="Port numbers available on the related IP addresses.")


class Endpoints(KubeObject):
    """Endpoints is a collection of endpoints that implement the actual service.

    ``Endpoints`` (core/v1); fields as in ``kubectl explain``.
    """

    API_VERSION: ClassVar[str] = "v1"
    KIND: ClassVar[str] = "Endpoints"

    apiVersion: str = "v1"
    kind: str = "Endpoints"
    metadata: Optional[ObjectMeta] = Field(None, description="Standard object's metadata.")
    subsets: Optional[list[EndpointSubset]] = Field(None, description="The set of all endpoints is the union of all subsets.")
