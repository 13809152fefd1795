"""Name resolution inside the sandbox: ``/etc/hosts``, cluster DNS (CoreDNS) and the search path.

What a pod with ``dnsPolicy: ClusterFirst`` resolves, in the order glibc/musl try it:

1. IP literals, as themselves.
2. ``/etc/hosts`` (the kubelet-managed file, :func:`etc_hosts`): ``localhost``, the pod's hostname
   and, with a subdomain, ``hostname.subdomain.namespace.svc.cluster.local``.
3. Cluster DNS with ``resolv.conf``'s search path ``<ns>.svc.cluster.local svc.cluster.local
   cluster.local`` and ``ndots:5``: a name with fewer than five dots is tried with each search
   suffix first, then as is; a name ending in ``.`` only as is.
   CoreDNS answers names the cluster registered (:meth:`Resolver.register`: services, headless
   pods) and, as kind's Corefile says ``pods insecure``, any ``a-b-c-d.<ns>.pod.cluster.local``.

Node namespaces (``hostNetwork`` pods, the kubelet's probes) see only ``/etc/hosts`` and literals:
the node's resolver knows nothing of ``cluster.local``.
"""

from __future__ import annotations

import ipaddress
import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sandbox.network.namespace import NetworkNamespace

__all__ = [
    "Resolver",
    "resolve",
    "resolve_all",
    "search_path",
    "etc_hosts",
    "nslookup",
    "NDOTS",
    "CLUSTER_DNS_IP",
]

#: kube-dns's ClusterIP in a kubeadm/kind cluster (10th address of ``10.96.0.0/12``).
CLUSTER_DNS_IP = "10.96.0.10"
#: ``options ndots:5`` in a pod's ``resolv.conf``.
NDOTS = 5

_POD_A = re.compile(r"^(\d{1,3})-(\d{1,3})-(\d{1,3})-(\d{1,3})\.[a-z0-9]([-a-z0-9]*[a-z0-9])?\.pod\.")


class Resolver:
    """The cluster's DNS: records the cluster registers plus CoreDNS's pod records."""

    def __init__(self, cluster_domain: str = "cluster.local", server: str = CLUSTER_DNS_IP) -> None:
        self.cluster_domain = cluster_domain
        self.server = server
        self._records: dict[str, list[str]] = {}

    def register(self, name: str, ip: str) -> None:
        """Answer ``ip`` for ``name`` (a fully qualified name, with or without the final dot)."""
        key = _key(name)
        ips = self._records.setdefault(key, [])
        if ip not in ips:
            ips.append(ip)

    def unregister(self, name: str, ip: str | None = None) -> None:
        """Stop answering ``ip`` (or anything) for ``name``."""
        key = _key(name)
        if ip is None:
            self._records.pop(key, None)
            return
        ips = self._records.get(key, [])
        if ip in ips:
            ips.remove(ip)
        if not ips:
            self._records.pop(key, None)

    def records(self) -> dict[str, list[str]]:
        return {k: list(v) for k, v in self._records.items()}

    def lookup(self, fqdn: str) -> list[str]:
        """The addresses cluster DNS answers for an absolute name (``[]`` is NXDOMAIN)."""
        key = _key(fqdn)
        if key in self._records:
            return list(self._records[key])
        suffix = f".pod.{self.cluster_domain}"
        if key.endswith(suffix):
            m = _POD_A.match(key)
            if m and key.count(".") == 2 + self.cluster_domain.count(".") + 1:
                octets = [int(m.group(i)) for i in range(1, 5)]
                if all(o <= 255 for o in octets):
                    return [".".join(map(str, octets))]
        return []


def _key(name: str) -> str:
    return name.lower().rstrip(".")


def search_path(ns: NetworkNamespace) -> list[str]:
    """``resolv.conf``'s ``search`` line for a pod in ``ns``."""
    if not ns.cluster_dns:
        return []
    domain = ns.network.resolver.cluster_domain
    return [f"{ns.k8s_namespace}.svc.{domain}", f"svc.{domain}", domain]


def _hosts(ns: NetworkNamespace) -> dict[str, list[str]]:
    entries: dict[str, list[str]] = {"localhost": ["127.0.0.1", "::1"]}
    names = [n for n in (ns.fqdn(), ns.hostname) if n]
    for name in names:
        entries.setdefault(name.lower(), []).extend(ns.ips)
    return entries


def resolve_all(ns: NetworkNamespace, name: str) -> list[str]:
    """Every address ``name`` resolves to from inside ``ns`` (``[]`` if it does not resolve)."""
    name = name.strip()
    if not name:
        return []
    literal = name[1:-1] if name.startswith("[") and name.endswith("]") else name
    try:
        return [str(ipaddress.ip_address(literal))]
    except ValueError:
        pass
    hosts = _hosts(ns)
    if _key(name) in hosts:
        return list(hosts[_key(name)])
    if not ns.cluster_dns:
        return []
    resolver = ns.network.resolver
    if name.endswith("."):
        candidates = [name]
    else:
        searched = [f"{name}.{s}" for s in search_path(ns)]
        candidates = searched + [name] if name.count(".") < NDOTS else [name, *searched]
    for cand in candidates:
        ips = resolver.lookup(cand)
        if ips:
            return ips
    return []


def resolve(ns: NetworkNamespace, name: str) -> str | None:
    """The address ``name`` resolves to from inside ``ns``, IPv4 preferred; ``None`` if unknown."""
    ips = resolve_all(ns, name)
    if not ips:
        return None
    v4 = [ip for ip in ips if ":" not in ip]
    return (v4 or ips)[0]


def etc_hosts(ns: NetworkNamespace, host_aliases: list[tuple[str, list[str]]] | None = None) -> str:
    """The kubelet-managed ``/etc/hosts`` for a pod in ``ns`` (``kubelet_pods.go``)."""
    if ns.is_host:
        # the kubelet copies the node's own /etc/hosts (docker writes it in kind) under this header
        header = "# Kubernetes-managed hosts file (host network).\n"
        lines = [header + "127.0.0.1\tlocalhost\n::1\tlocalhost ip6-localhost ip6-loopback\n"]
        lines += [f"{ip}\t{ns.hostname}\n" for ip in ns.ips]
    else:
        lines = [
            "# Kubernetes-managed hosts file.\n"
            "127.0.0.1\tlocalhost\n"
            "::1\tlocalhost ip6-localhost ip6-loopback\n"
            "fe00::0\tip6-localnet\n"
            "fe00::0\tip6-mcastprefix\n"
            "fe00::1\tip6-allnodes\n"
            "fe00::2\tip6-allrouters\n"
        ]
        fqdn = ns.fqdn()
        for ip in ns.ips:
            if fqdn:
                lines.append(f"{ip}\t{fqdn}\t{ns.hostname}\n")
            elif ns.hostname:
                lines.append(f"{ip}\t{ns.hostname}\n")
    if host_aliases:
        lines.append("\n# Entries added by HostAliases.\n")
        for ip, names in host_aliases:
            lines.append(f"{ip}\t{chr(9).join(names)}\n")
    return "".join(lines)


def nslookup(ns: NetworkNamespace, name: str) -> tuple[int, str]:
    """What busybox ``nslookup NAME`` prints from inside ``ns``: ``(exit code, stdout)``.

    Found::

        Server:		10.96.0.10
        Address:	10.96.0.10:53

        Name:	nginx.default.svc.cluster.local
        Address: 10.96.12.34

    Not found: ``** server can't find NAME: NXDOMAIN`` and exit code 1.
    """
    server = ns.network.resolver.server
    head = f"Server:\t\t{server}\nAddress:\t{server}:53\n\n"
    try:
        ipaddress.ip_address(name)
        return 1, head + f"** server can't find {name}: NXDOMAIN\n\n"
    except ValueError:
        pass
    resolver = ns.network.resolver
    if ns.cluster_dns:
        if name.endswith("."):
            candidates = [name]
        else:
            searched = [f"{name}.{s}" for s in search_path(ns)]
            candidates = searched + [name] if name.count(".") < NDOTS else [name, *searched]
        for cand in candidates:
            ips = resolver.lookup(cand)
            if ips:
                body = "".join(f"Name:\t{_key(cand)}\nAddress: {ip}\n" for ip in ips)
                return 0, head + body + "\n"
    return 1, head + f"** server can't find {name}: NXDOMAIN\n\n"
