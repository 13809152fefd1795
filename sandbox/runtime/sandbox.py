"""A pod sandbox: the namespaces every container of a pod shares.

``RunPodSandbox`` in containerd starts the ``pause`` container and sets up, for the pod:

* the **network namespace** (with the pod IPs from the node's range, through CNI; a
  ``hostNetwork`` pod gets the node's own namespace),
* the **UTS namespace** (the hostname: the pod's name, or ``spec.hostname``),
* the **IPC namespace** (:class:`sandbox.ipc.IPCNamespace`; the node's with ``hostIPC``),
* a **PID namespace** shared by all containers when ``shareProcessNamespace`` is set (the pause
  process is its PID 1, so a container's main process is *not* PID 1 there),
* ``/etc/hosts``, ``/etc/hostname`` and ``/etc/resolv.conf``, mounted into every container, with
  the content the kubelet and containerd write.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from sandbox.runtime.cri import PodSandboxConfig
from sandbox.runtime.filesystem import FileSystem
from sandbox.runtime.process import ProcessTable

if TYPE_CHECKING:
    from sandbox.ipc import IPCNamespace

__all__ = [
    "PodSandbox",
    "hosts_file",
    "resolv_conf",
    "CLUSTER_DOMAIN",
    "CLUSTER_DNS",
    "SANDBOX_READY",
    "SANDBOX_NOTREADY",
    "ProcessNet",
    "node_hosts_file",
]

CLUSTER_DOMAIN = "cluster.local"
#: kubeadm's cluster DNS service address (the ``kube-dns`` Service).
CLUSTER_DNS = "10.96.0.10"

SANDBOX_READY = "SANDBOX_READY"
SANDBOX_NOTREADY = "SANDBOX_NOTREADY"


def hosts_file(
    ips: list[str],
    hostname: str,
    *,
    subdomain: str = "",
    namespace: str = "default",
    host_aliases: list[tuple[str, list[str]]] | None = None,
    cluster_domain: str = CLUSTER_DOMAIN,
) -> str:
    """``/etc/hosts`` as the kubelet writes it for a pod (``managedHostsFileContent``)."""
    lines = [
        "# Kubernetes-managed hosts file.",
        "127.0.0.1\tlocalhost",
        "::1\tlocalhost ip6-localhost ip6-loopback",
        "fe00::0\tip6-localnet",
        "fe00::0\tip6-mcastprefix",
        "fe00::1\tip6-allnodes",
        "fe00::2\tip6-allrouters",
    ]
    for ip in ips:
        if subdomain:
            lines.append(f"{ip}\t{hostname}.{subdomain}.{namespace}.svc.{cluster_domain}\t{hostname}")
        else:
            lines.append(f"{ip}\t{hostname}")
    text = "\n".join(lines) + "\n"
    if host_aliases:
        text += "\n# Entries added by HostAliases.\n"
        for ip, names in host_aliases:
            text += f"{ip}\t" + "\t".join(names) + "\n"
    return text


def node_hosts_file(node_ips: list[str], node_name: str, host_aliases: list[tuple[str, list[str]]] | None = None) -> str:
    """``/etc/hosts`` of a ``hostNetwork`` pod: the node's file (as docker writes it for a kind
    node), under the kubelet's host-network header."""
    text = "# Kubernetes-managed hosts file (host network).\n"
    text += (
        "127.0.0.1\tlocalhost\n::1\tlocalhost ip6-localhost ip6-loopback\nfe00::0\tip6-localnet\n"
        "ff00::0\tip6-mcastprefix\nff02::1\tip6-allnodes\nff02::2\tip6-allrouters\n"
    )
    for ip in node_ips:
        text += f"{ip}\t{node_name}\n"
    if host_aliases:
        text += "\n# Entries added by HostAliases.\n"
        for ip, names in host_aliases:
            text += f"{ip}\t" + "\t".join(names) + "\n"
    return text


def resolv_conf(searches: list[str], servers: list[str], options: list[str]) -> str:
    """``/etc/resolv.conf`` as containerd writes it (search, nameserver, options)."""
    text = ""
    if searches:
        text += "search " + " ".join(searches) + "\n"
    for s in servers:
        text += f"nameserver {s}\n"
    if options:
        text += "options " + " ".join(options) + "\n"
    return text


class PodSandbox:
    """One pod's shared namespaces (the handle ``run_pod_sandbox`` returns).

    Attributes:
        id: 64 hex digits, as containerd names sandboxes.
        config: what the kubelet asked for.
        ips: the pod IPs (``status.podIPs``), IPv4 first.
        network: the pod's network namespace (``None`` if the runtime has no network).
        hostname: the UTS hostname.
        ipc: the IPC namespace.
        pid_table: the shared PID namespace (``shareProcessNamespace`` or ``hostPID``), else
            ``None`` (each container gets its own).
        etc: the tree holding ``hosts``, ``hostname`` and ``resolv.conf``.
        state: ``SANDBOX_READY`` or ``SANDBOX_NOTREADY``.
        containers: ids of the containers created in it.
    """

    def __init__(
        self,
        id: str,
        config: PodSandboxConfig,
        *,
        ips: list[str],
        network: Any,
        ipc: IPCNamespace,
        pid_table: ProcessTable | None,
        etc: FileSystem,
        created_at: float,
        network_key: str = "",
        node_name: str = "",
    ) -> None:
        self.id = id
        self.config = config
        self.ips = list(ips)
        self.network = network
        self.ipc = ipc
        self.pid_table = pid_table
        self.etc = etc
        self.created_at = created_at
        self.network_key = network_key
        self.node_name = node_name
        self.state = SANDBOX_READY
        self.containers: list[str] = []
        self.pause: Any = None

    @property
    def hostname(self) -> str:
        return self.config.hostname

    @property
    def name(self) -> str:
        return self.config.name

    @property
    def namespace(self) -> str:
        return self.config.namespace

    @property
    def ready(self) -> bool:
        return self.state == SANDBOX_READY

    def file(self, name: str) -> str:
        """The content of ``hosts``, ``hostname`` or ``resolv.conf``."""
        return self.etc.view().read_text("/" + name)

    def __repr__(self) -> str:
        return f"<PodSandbox {self.config.namespace}/{self.config.name} {self.id[:12]} {','.join(self.ips)} {self.state}>"


class ProcessNet:
    """The network interface busybox's applets expect as ``proc.net``, over a pod's namespace.

    ``resolve(name) -> [ip]``, ``nameserver``, ``fqdn(name)``, ``http_get(host, port, path,
    timeout) -> (status, reason, body)`` (``wget``), ``connect(host, port, timeout) -> bool``
    (``nc -z``); everything else (``listen``, ``ips``, ...) is the namespace's own.
    """

    def __init__(self, ns: Any) -> None:
        self.ns = ns

    def __getattr__(self, name: str) -> Any:
        return getattr(self.ns, name)

    @property
    def nameserver(self) -> str:
        return str(self.ns.network.resolver.server)

    def resolve(self, name: str) -> list[str]:
        from sandbox.network.dns import resolve_all

        return resolve_all(self.ns, name)

    def fqdn(self, name: str) -> str:
        from sandbox.network.dns import search_path

        if "." in name.rstrip(".") or not self.ns.cluster_dns:
            return name.rstrip(".")
        resolver = self.ns.network.resolver
        for suffix in search_path(self.ns):
            cand = f"{name}.{suffix}"
            if resolver.lookup(cand):
                return cand
        return name

    def http_get(self, host: str, port: int, path: str, timeout: float | None = None) -> tuple[int, str, bytes]:
        from sandbox.network.http import http_request

        resp = http_request(
            self.ns, f"http://{host}:{port}{path}", headers={"User-Agent": "Wget"}, timeout=timeout
        )
        return resp.status, str(resp.reason or ""), resp.body

    def connect(self, host: str, port: int, timeout: float | None = None) -> bool:
        try:
            conn = self.ns.connect(host, port, timeout)
        except OSError:
            return False
        conn.close()
        return True
