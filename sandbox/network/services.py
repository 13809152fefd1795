"""Services on the wire: cluster DNS records for Services (CoreDNS's ``kubernetes`` plugin) and a
minimal kube-proxy.

:class:`ServiceNetwork` watches Services and Endpoints through the API server, as CoreDNS and
kube-proxy do, and keeps:

* DNS: ``<service>.<namespace>.svc.cluster.local`` answers the Service's ``clusterIP``; for a
  headless Service (``clusterIP: None``) it answers the ready endpoint IPs instead (nothing while
  none is ready), and ``<hostname>.<service>.<namespace>.svc.cluster.local`` answers the pod whose
  ``spec.hostname`` and ``spec.subdomain`` put it there (a StatefulSet's ``web-0.nginx``). With
  the pod's search path ``nslookup myservice`` and ``wget http://myservice`` find them.
* kube-proxy (``ClusterIP`` only): a TCP connect to ``clusterIP:port`` is sent to the
  ``targetPort`` of one ready endpoint, taking them in turn (round robin, in the Endpoints'
  order: deterministic where iptables picks at random). The client still sees ``clusterIP:port``
  as its peer. A Service with no ready endpoint refuses the connection at once (kube-proxy's
  REJECT rule), as on a real cluster; a port the Service does not serve swallows the SYN.

Not routed (accepted by the API, documented here): ``nodePort`` on the nodes' addresses, load
balancer and external IPs, UDP through a ClusterIP, ``ExternalName`` (no CNAME in the sandbox's
resolver), ``sessionAffinity: ClientIP`` and ``internalTrafficPolicy: Local``.

:func:`service_env` computes the ``<NAME>_SERVICE_HOST``/``_PORT`` variables the kubelet gives
containers (``enableServiceLinks``).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from sandbox.network.errors import ECONNREFUSED, os_error

__all__ = ["ServiceNetwork", "install", "service_env"]


def _key(obj: dict[str, Any]) -> str:
    m = obj["metadata"]
    return f"{m.get('namespace')}/{m.get('name')}"


class ServiceNetwork:
    """Service DNS records and ClusterIP routing for one cluster's network (see the module docstring).

    Args:
        network: the cluster's :class:`~sandbox.network.fabric.Network`.
        api: the :class:`~sandbox.apiserver.APIServer` to watch.
    """

    def __init__(self, network: Any, api: Any) -> None:
        self.network = network
        self.api = api
        self.services: dict[str, dict[str, Any]] = {}
        self.endpoints: dict[str, dict[str, Any]] = {}
        self._records: dict[str, list[tuple[str, str]]] = {}
        self._vips: dict[tuple[str, int], tuple[str, dict[str, Any]]] = {}
        self._turn: dict[tuple[str, int], int] = {}
        self._watches: list[Any] = []
        self._orig_start_connect: Callable[[Any], None] | None = None

    # -- lifecycle ------------------------------------------------------------------------

    def start(self) -> None:
        """Hook into the network's connect path and start watching Services and Endpoints."""
        if self._orig_start_connect is None:
            self._orig_start_connect = self.network._start_connect
            self.network._start_connect = self._start_connect
        if not self._watches:
            self._watches.append(self.api.watch("services", None, handler=self._on_service))
            self._watches.append(self.api.watch("endpoints", None, handler=self._on_endpoints))

    def stop(self) -> None:
        """Stop watching and unhook (DNS records stay as they were)."""
        for w in self._watches:
            w.stop()
        self._watches.clear()
        if self._orig_start_connect is not None:
            self.network._start_connect = self._orig_start_connect
            self._orig_start_connect = None

    # -- watch handlers -------------------------------------------------------------------

    def _on_service(self, ev: Any) -> None:
        obj = ev.raw()
        key = _key(obj)
        if ev.type == "DELETED":
            self.services.pop(key, None)
        elif ev.type in ("ADDED", "MODIFIED"):
            self.services[key] = obj
        else:
            return
        self._refresh(key)

    def _on_endpoints(self, ev: Any) -> None:
        obj = ev.raw()
        key = _key(obj)
        if ev.type == "DELETED":
            self.endpoints.pop(key, None)
        elif ev.type in ("ADDED", "MODIFIED"):
            self.endpoints[key] = obj
        else:
            return
        self._refresh(key)

    def _refresh(self, key: str) -> None:
        resolver = self.network.resolver
        for name, ip in self._records.pop(key, []):
            resolver.unregister(name, ip)
        for vip, (k, _) in list(self._vips.items()):
            if k == key:
                del self._vips[vip]
        svc = self.services.get(key)
        if svc is None:
            return
        ns, name = key.split("/", 1)
        spec = svc.get("spec") or {}
        fqdn = f"{name}.{ns}.svc.{resolver.cluster_domain}"
        records: list[tuple[str, str]] = []
        if spec.get("type") == "ExternalName":
            pass
        elif spec.get("clusterIP") == "None":
            for addr in self.ready_addresses(key):
                records.append((fqdn, addr["ip"]))
                if addr.get("hostname"):
                    records.append((f"{addr['hostname']}.{fqdn}", addr["ip"]))
        elif spec.get("clusterIP"):
            for ip in spec.get("clusterIPs") or [spec["clusterIP"]]:
                records.append((fqdn, ip))
                for sp in spec.get("ports") or []:
                    if (sp.get("protocol") or "TCP") == "TCP":
                        self._vips[(ip, int(sp.get("port") or 0))] = (key, sp)
        for rname, ip in records:
            resolver.register(rname, ip)
        self._records[key] = records

    # -- queries --------------------------------------------------------------------------

    def ready_addresses(self, key: str) -> list[dict[str, Any]]:
        """The ready addresses of the Service's Endpoints, in their order."""
        ep = self.endpoints.get(key) or {}
        out: list[dict[str, Any]] = []
        seen: set[str] = set()
        for ss in ep.get("subsets") or []:
            for a in ss.get("addresses") or []:
                if a.get("ip") and a["ip"] not in seen:
                    seen.add(a["ip"])
                    out.append(a)
        return out

    def backends(self, cluster_ip: str, port: int) -> list[tuple[str, int]] | None:
        """Where ``cluster_ip:port`` leads: ``(pod IP, port)`` per ready endpoint; ``None`` if it is
        no Service's port."""
        found = self._vips.get((cluster_ip, port))
        if found is None:
            return None
        key, sp = found
        want = sp.get("name") or ""
        out: list[tuple[str, int]] = []
        for ss in (self.endpoints.get(key) or {}).get("subsets") or []:
            match = next((p for p in ss.get("ports") or [] if (p.get("name") or "") == want
                          and (p.get("protocol") or "TCP") == (sp.get("protocol") or "TCP")), None)
            if match is None:
                continue
            for a in ss.get("addresses") or []:
                out.append((a["ip"], int(match.get("port") or 0)))
        return out

    def pick(self, cluster_ip: str, port: int) -> tuple[str, int] | None:
        """The next backend for a connection to ``cluster_ip:port`` (round robin)."""
        backends = self.backends(cluster_ip, port) or []
        if not backends:
            return None
        n = self._turn.get((cluster_ip, port), 0)
        self._turn[(cluster_ip, port)] = n + 1
        return backends[n % len(backends)]

    # -- the connect hook -----------------------------------------------------------------

    def _start_connect(self, handle: Any) -> None:
        orig = self._orig_start_connect
        assert orig is not None
        ip, port = handle.remote
        if self.backends(ip, port) is None:
            orig(handle)
            return
        target = self.pick(ip, port)
        if target is None:
            handle.fail(os_error(ECONNREFUSED, op="dial", remote=(ip, port)))
            return
        original = (ip, port)
        inner = handle._on_result

        def on_result(conn: Any, err: BaseException | None) -> None:
            if conn is not None:
                conn.peer = original
            if isinstance(err, OSError) and getattr(err, "remote", None) == target:
                err.remote = original  # type: ignore[attr-defined]
            inner(conn, err)

        handle._on_result = on_result
        handle.remote = target
        orig(handle)


def install(network: Any, api: Any) -> ServiceNetwork:
    """Start cluster DNS for Services and the kube-proxy on ``network``; returns it."""
    existing = getattr(network, "services", None)
    if isinstance(existing, ServiceNetwork):
        return existing
    sn = ServiceNetwork(network, api)
    network.services = sn
    sn.start()
    return sn


def _env_name(s: str) -> str:
    return s.replace("-", "_").upper()


def service_env(api: Any, namespace: str, enable_service_links: bool = True) -> dict[str, str]:
    """The kubelet's service environment variables (``getServiceEnvVarMap`` + ``envvars.FromServices``)
    for a pod in ``namespace``: the ``kubernetes`` Service always, the namespace's own Services with
    ``enableServiceLinks``; Services without a cluster IP are skipped."""
    chosen: dict[str, dict[str, Any]] = {}
    for svc in api.list("services", None):
        d = svc.to_dict()
        spec = d.get("spec") or {}
        if not spec.get("clusterIP") or spec["clusterIP"] == "None":
            continue
        ns, name = d["metadata"].get("namespace"), d["metadata"]["name"]
        if ns == "default" and name == "kubernetes":
            chosen.setdefault(name, d)
        elif ns == namespace and enable_service_links:
            chosen[name] = d
    env: dict[str, str] = {}
    for name in sorted(chosen):
        spec = chosen[name]["spec"]
        ports = spec.get("ports") or []
        if not ports:
            continue
        prefix = _env_name(name)
        ip = spec["clusterIP"]
        env[f"{prefix}_SERVICE_HOST"] = ip
        env[f"{prefix}_SERVICE_PORT"] = str(ports[0].get("port"))
        for sp in ports:
            if sp.get("name"):
                env[f"{prefix}_SERVICE_PORT_{_env_name(sp['name'])}"] = str(sp.get("port"))
        for i, sp in enumerate(ports):
            proto = (sp.get("protocol") or "TCP")
            host_port = f"[{ip}]:{sp.get('port')}" if ":" in ip else f"{ip}:{sp.get('port')}"
            if i == 0:
                env[f"{prefix}_PORT"] = f"{proto.lower()}://{host_port}"
            pp = f"{prefix}_PORT_{sp.get('port')}_{proto.upper()}"
            env[pp] = f"{proto.lower()}://{host_port}"
            env[f"{pp}_PROTO"] = proto.lower()
            env[f"{pp}_PORT"] = str(sp.get("port"))
            env[f"{pp}_ADDR"] = ip
    return env
