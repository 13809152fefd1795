"""Service IPs and node ports, as kube-apiserver's Service REST storage allocates them
(``pkg/registry/core/service/ipallocator`` and ``portallocator``), and the ``kubernetes`` Service.

* ``--service-cluster-ip-range=10.96.0.0/12`` (kubeadm's and kind's default). The first
  address, ``10.96.0.1``, is the ``kubernetes`` Service in ``default`` (created with its
  Endpoints by :func:`install`, as the API server's bootstrap controller does).
* A Service with no ``clusterIP`` gets a random free address. As the bitmap allocator does, the
  first 256 addresses (the static band, for addresses people choose, like the DNS Service's
  ``10.96.0.10``) are used only when the rest is full, so allocated IPs look like ``10.102.47.9``.
* A chosen ``clusterIP`` must be in the range and free::

      Service "x" is invalid: spec.clusterIPs: Invalid value: []string{"10.96.0.1"}: failed to allocate IP 10.96.0.1: provided IP is already allocated

* ``clusterIP: None`` is a headless Service: no IP, ``clusterIPs: [None]``. ``ExternalName``
  Services get no IP.
* ``ipFamilies: [IPv4]`` and ``ipFamilyPolicy: SingleStack`` (a headless Service without a
  selector: ``RequireDualStack``), as on a single-stack cluster.
* NodePort and LoadBalancer Services get a ``nodePort`` per port from ``30000-32767`` (random,
  the first 86 ports kept for chosen ones).
* On update the allocated values are carried over when the new object leaves them out
  (``patchAllocatedValues``), a changed ``clusterIP`` is refused by validation
  (``spec.clusterIPs[0]: Invalid value: ...: may not change once set``); switching to
  ExternalName releases the IP.
* A new Service's ``status`` is ``{loadBalancer: {}}`` (``PrepareForCreate``).

Addresses in use are read from the store, so a deleted Service's IP is free at once.
"""

from __future__ import annotations

import contextlib
import ipaddress
import random
from typing import Any

from sandbox.api.field import invalid
from sandbox.apiserver.admission import CREATE, UPDATE, AdmissionRequest
from sandbox.errors import Invalid

__all__ = [
    "ServiceIPAllocator",
    "install",
    "SERVICE_CIDR",
    "NODE_PORT_RANGE",
    "KUBERNETES_SERVICE_IP",
    "APISERVER_ADDRESS",
    "APISERVER_PORT",
]

SERVICE_CIDR = "10.96.0.0/12"
_EXTERNAL_NAME = "ExternalName"
NODE_PORT_RANGE = (30000, 32767)
KUBERNETES_SERVICE_IP = "10.96.0.1"
#: The API server's advertised address (``kubernetes`` Endpoints). In kind it is the
#: control-plane node's address; the sandbox has no control-plane node, so it is the last
#: address of the node network, which no worker gets.
APISERVER_ADDRESS = "172.18.255.254"
APISERVER_PORT = 6443


def _range_offset(size: int, lo: int, hi: int, step: int) -> int:
    """``calculateRangeOffset``: the size of the static band."""
    if size < lo:
        return 0
    offset = size // step
    return max(lo, min(hi, offset))


class ServiceIPAllocator:
    """Allocates cluster IPs and node ports on Service create and update (see the module docstring).

    It is installed as an admission plugin because that is where the sandbox's API server lets
    code change an object before validation, which is where the real Service storage allocates.
    """

    name = "ServiceIPAllocator"

    def __init__(self, server: Any, rng: random.Random | None = None, cidr: str = SERVICE_CIDR,
                 node_ports: tuple[int, int] = NODE_PORT_RANGE) -> None:
        self._server = server
        self.rng = rng if rng is not None else random.Random(0)
        self.network = ipaddress.ip_network(cidr)
        self._base = int(self.network.network_address) + 1
        self._max = self.network.num_addresses - 2
        self._offset = _range_offset(self.network.num_addresses, 16, 256, 16)
        self.node_ports = node_ports
        self._port_size = node_ports[1] - node_ports[0] + 1
        self._port_offset = _range_offset(self._port_size, 16, 128, 32)

    # -- what is in use ---------------------------------------------------------------------

    def _services(self, exclude: tuple[str, str] | None = None) -> list[dict[str, Any]]:
        out = []
        for s in self._server.list("services", None):
            d = s.to_dict()
            m = d["metadata"]
            if exclude is not None and (m.get("namespace"), m.get("name")) == exclude:
                continue
            out.append(d)
        return out

    def used_ips(self, exclude: tuple[str, str] | None = None) -> set[str]:
        """Cluster IPs held by stored Services."""
        used: set[str] = set()
        for d in self._services(exclude):
            for ip in (d.get("spec") or {}).get("clusterIPs") or []:
                if ip != "None":
                    used.add(ip)
        return used

    def used_node_ports(self, exclude: tuple[str, str] | None = None) -> set[int]:
        used: set[int] = set()
        for d in self._services(exclude):
            for p in (d.get("spec") or {}).get("ports") or []:
                if p.get("nodePort"):
                    used.add(int(p["nodePort"]))
        return used

    # -- allocation --------------------------------------------------------------------------

    def _scan(self, used: set[int], size: int, offset: int) -> int | None:
        """``randomScanStrategyWithOffset.AllocateBit``: the upper band first, then the static band."""
        upper = size - offset
        if upper > 0:
            start = self.rng.randrange(upper)
            for i in range(upper):
                at = offset + (start + i) % upper
                if at not in used:
                    return at
        if offset > 0:
            start = self.rng.randrange(offset)
            for i in range(offset):
                at = (start + i) % offset
                if at not in used:
                    return at
        return None

    def allocate_ip(self, used: set[str]) -> str:
        idx = {int(ipaddress.ip_address(ip)) - self._base for ip in used if self._in_range(ip)}
        at = self._scan(idx, self._max, self._offset)
        if at is None:
            raise Invalid.for_kind("Service", "", [invalid("spec.clusterIPs", [], "failed to allocate a serviceIP: range is full")])
        return str(ipaddress.ip_address(self._base + at))

    def _in_range(self, ip: str) -> bool:
        try:
            addr = ipaddress.ip_address(ip)
        except ValueError:
            return False
        return addr in self.network and 0 <= int(addr) - self._base < self._max

    def allocate_node_port(self, used: set[int]) -> int:
        lo = self.node_ports[0]
        at = self._scan({p - lo for p in used if lo <= p <= self.node_ports[1]}, self._port_size, self._port_offset)
        if at is None:
            raise Invalid.for_kind("Service", "", [invalid("spec.ports[0].nodePort", 0, "range is full")])
        return lo + at

    # -- admission ---------------------------------------------------------------------------

    @staticmethod
    def _applies(req: AdmissionRequest) -> bool:
        return req.resource == "services" and req.group == "" and not req.subresource and req.object is not None

    def admit(self, req: AdmissionRequest) -> None:
        if not self._applies(req) or req.operation not in (CREATE, UPDATE):
            return
        svc = req.object.to_dict()
        name = (svc.get("metadata") or {}).get("name") or (svc.get("metadata") or {}).get("generateName") or ""
        ns = req.namespace or "default"
        spec = svc.setdefault("spec", {})
        old = req.old_object.to_dict() if req.old_object is not None else None
        errs = []
        if old is not None:
            self._patch_allocated(spec, old.get("spec") or {})
            self._normalize_update(spec, old.get("spec") or {})
        elif spec.get("clusterIP") and not spec.get("clusterIPs"):
            spec["clusterIPs"] = [spec["clusterIP"]]
        exclude = (ns, name) if old is not None else None
        typ = spec.get("type") or "ClusterIP"
        if old is not None:
            self._drop_type_dependent(spec, old.get("spec") or {})
        if typ != "ExternalName":
            errs += self._allocate_ips(spec, old, exclude)
            errs += self._allocate_node_ports(spec, typ, exclude)
        if errs:
            raise Invalid.for_kind("Service", name, errs)
        req.object = type(req.object).from_dict(svc)

    def validate(self, req: AdmissionRequest) -> None:
        """``PrepareForCreate`` resets a new Service's status to ``{loadBalancer: {}}``."""
        if self._applies(req) and req.operation == CREATE and req.object.status is None:
            from sandbox.api.core.service import LoadBalancerStatus, ServiceStatus

            req.object.status = ServiceStatus(loadBalancer=LoadBalancerStatus())

    def _allocate_ips(self, spec: dict[str, Any], old: dict[str, Any] | None, exclude: tuple[str, str] | None) -> list[Any]:
        errs: list[Any] = []
        headless = spec.get("clusterIP") == "None"
        if not spec.get("ipFamilyPolicy"):
            spec["ipFamilyPolicy"] = "RequireDualStack" if headless and not spec.get("selector") else "SingleStack"
        if not spec.get("ipFamilies"):
            spec["ipFamilies"] = ["IPv4"]
        if headless:
            spec["clusterIPs"] = ["None"]
            return errs
        ips = spec.get("clusterIPs") or []
        if old is not None and ips and ips == ((old.get("spec") or {}).get("clusterIPs") or []):
            return errs  # kept: nothing to allocate
        if old is not None and ips and ((old.get("spec") or {}).get("clusterIPs") or []):
            return errs  # changed: validation refuses it
        if not ips:
            ip = self.allocate_ip(self.used_ips(exclude))
            spec["clusterIP"] = ip
            spec["clusterIPs"] = [ip]
            return errs
        ip = ips[0]
        try:
            ipaddress.ip_address(ip)
        except ValueError:
            return errs  # validation words it
        if not self._in_range(ip):
            errs.append(invalid("spec.clusterIPs", ips, f"failed to allocate IP {ip}: the provided IP ({ip}) is not in "
                                                        f"the valid range. The range of valid IPs is {self.network}"))
        elif ip in self.used_ips(exclude):
            errs.append(invalid("spec.clusterIPs", ips, f"failed to allocate IP {ip}: provided IP is already allocated"))
        return errs

    def _allocate_node_ports(self, spec: dict[str, Any], typ: str, exclude: tuple[str, str] | None) -> list[Any]:
        errs: list[Any] = []
        wants = typ == "NodePort" or (typ == "LoadBalancer" and spec.get("allocateLoadBalancerNodePorts") is not False)
        if not wants:
            return errs
        used = self.used_node_ports(exclude)
        lo, hi = self.node_ports
        for i, p in enumerate(spec.get("ports") or []):
            np = p.get("nodePort")
            if np:
                if not lo <= np <= hi:
                    errs.append(invalid(f"spec.ports[{i}].nodePort", np, f"provided port is not in the valid range. "
                                                                         f"The range of valid ports is {lo}-{hi}"))
                elif np in used:
                    errs.append(invalid(f"spec.ports[{i}].nodePort", np, "provided port is already allocated"))
                used.add(np)
        for p in spec.get("ports") or []:
            if not p.get("nodePort"):
                p["nodePort"] = self.allocate_node_port(used)
                used.add(p["nodePort"])
        return errs

    @staticmethod
    def _patch_allocated(spec: dict[str, Any], ospec: dict[str, Any]) -> None:
        """``patchAllocatedValues``: keep what was allocated when the update leaves it out."""
        if (spec.get("type") or "ClusterIP") != "ExternalName" and (ospec.get("type") or "ClusterIP") != "ExternalName":
            if not spec.get("clusterIP") and ospec.get("clusterIP"):
                spec["clusterIP"] = ospec["clusterIP"]
            if not spec.get("clusterIPs") and ospec.get("clusterIPs"):
                spec["clusterIPs"] = list(ospec["clusterIPs"])
            for k in ("ipFamilies", "ipFamilyPolicy"):
                if not spec.get(k) and ospec.get(k):
                    spec[k] = ospec[k]
        if spec.get("type") in ("NodePort", "LoadBalancer") and ospec.get("type") in ("NodePort", "LoadBalancer"):
            by_name = {(p.get("name") or "", p.get("port")): p.get("nodePort") for p in ospec.get("ports") or []}
            by_port = {p.get("port"): p.get("nodePort") for p in ospec.get("ports") or []}
            for p in spec.get("ports") or []:
                if not p.get("nodePort"):
                    np = by_name.get((p.get("name") or "", p.get("port"))) or by_port.get(p.get("port"))
                    if np:
                        p["nodePort"] = np

    @staticmethod
    def _drop_type_dependent(spec: dict[str, Any], ospec: dict[str, Any]) -> None:
        """``dropTypeDependentFields``: a type change releases what the new type does not use,
        when the update left it as it was."""
        typ = spec.get("type") or "ClusterIP"
        if typ == _EXTERNAL_NAME and (ospec.get("type") or "ClusterIP") != _EXTERNAL_NAME:
            for k in ("clusterIP", "clusterIPs", "ipFamilies", "ipFamilyPolicy"):
                if spec.get(k) == ospec.get(k):
                    spec.pop(k, None)
        if typ in ("ClusterIP", _EXTERNAL_NAME) and ospec.get("type") in ("NodePort", "LoadBalancer"):
            old_ports = {p.get("nodePort") for p in ospec.get("ports") or []}
            for p in spec.get("ports") or []:
                if p.get("nodePort") in old_ports:
                    p.pop("nodePort", None)

    @staticmethod
    def _normalize_update(spec: dict[str, Any], ospec: dict[str, Any]) -> None:
        """``NormalizeClusterIPs`` for an update."""
        oips = ospec.get("clusterIPs") or []
        if not oips:
            return
        same = (spec.get("clusterIPs") or []) == oips
        if ospec.get("clusterIP") == spec.get("clusterIP") and not same:
            return
        if not spec.get("clusterIP") and not spec.get("clusterIPs"):
            return
        if ospec.get("clusterIP") != spec.get("clusterIP"):
            if not spec.get("clusterIP"):
                spec.pop("clusterIPs", None)
            elif same:
                spec["clusterIPs"] = [spec["clusterIP"]]


def _kubernetes_service() -> dict[str, Any]:
    return {
        "apiVersion": "v1",
        "kind": "Service",
        "metadata": {"name": "kubernetes", "namespace": "default",
                     "labels": {"component": "apiserver", "provider": "kubernetes"}},
        "spec": {"clusterIP": KUBERNETES_SERVICE_IP, "clusterIPs": [KUBERNETES_SERVICE_IP],
                 "ports": [{"name": "https", "port": 443, "protocol": "TCP", "targetPort": APISERVER_PORT}],
                 "sessionAffinity": "None", "type": "ClusterIP"},
    }


def _kubernetes_endpoints() -> dict[str, Any]:
    return {
        "apiVersion": "v1",
        "kind": "Endpoints",
        "metadata": {"name": "kubernetes", "namespace": "default",
                     "labels": {"endpointslice.kubernetes.io/skip-mirror": "true"}},
        "subsets": [{"addresses": [{"ip": APISERVER_ADDRESS}],
                     "ports": [{"name": "https", "port": APISERVER_PORT, "protocol": "TCP"}]}],
    }


def install(server: Any, rng: random.Random | None = None, bootstrap: bool = True) -> ServiceIPAllocator:
    """Enable Service IP and node port allocation on ``server``; with ``bootstrap`` also create the
    ``kubernetes`` Service (``10.96.0.1``) and its Endpoints in ``default``."""
    existing = server.admission.get(ServiceIPAllocator.name)
    if existing is not None:
        return existing
    alloc = ServiceIPAllocator(server, rng)
    server.admission.add(alloc)
    if bootstrap:
        from sandbox.errors import AlreadyExists

        for obj in (_kubernetes_service(), _kubernetes_endpoints()):
            with contextlib.suppress(AlreadyExists):
                server.create(obj)
    return alloc
