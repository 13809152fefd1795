"""A network namespace: what every container of a Pod shares.

One namespace per pod sandbox (its IPs plus ``127.0.0.1``/``::1``, one TCP and one UDP port space,
a hostname); ``hostNetwork: true`` pods get their node's namespace instead, so two of them on one
node collide on a port as on Linux.

Binding follows Linux (``net.ipv6.bindv6only=0``): a wildcard bind (``0.0.0.0``, ``""``, ``::``)
conflicts with every bind of the same port, ``::`` covers IPv4 too, and binding an address the
namespace does not have fails with ``EADDRNOTAVAIL``. Any ``127.x.y.z`` is local, as on Linux.
"""

from __future__ import annotations

import ipaddress
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from sandbox.network.errors import EADDRINUSE, EADDRNOTAVAIL, EINVAL, os_error
from sandbox.network.socket import (
    Address,
    Connection,
    DatagramSocket,
    ListeningSocket,
    _current_owner,
)

if TYPE_CHECKING:
    from sandbox.network.fabric import Network

__all__ = ["NetworkNamespace", "EPHEMERAL_PORTS", "is_loopback", "WILDCARDS"]

#: Linux's default ``net.ipv4.ip_local_port_range``.
EPHEMERAL_PORTS = (32768, 60999)
WILDCARDS = ("0.0.0.0", "::")


def is_loopback(ip: str) -> bool:
    try:
        return ipaddress.ip_address(ip).is_loopback
    except ValueError:
        return False


def _is_v6(ip: str) -> bool:
    return ":" in ip


class NetworkNamespace:
    """A Linux network namespace in the sandbox.

    Attributes:
        name: the key it was created under (``"default/nginx"``, or ``"node/node-1"``).
        node: the node it lives on.
        ips: its addresses (pod IPs or node IPs), IPv4 first; loopback is implicit.
        hostname: what ``hostname`` prints and ``/etc/hosts`` maps to ``ips[0]`` (the kubelet sets it).
        subdomain, k8s_namespace: with ``hostname``, the pod's FQDN
            ``hostname.subdomain.k8s_namespace.svc.cluster.local``.
        is_host: this is a node's own namespace (``hostNetwork``).
        cluster_dns: names resolve through cluster DNS (pods); ``False`` for node namespaces.
    """

    def __init__(
        self,
        network: Network,
        name: str,
        node: str,
        ips: Iterable[str],
        *,
        hostname: str = "",
        subdomain: str | None = None,
        k8s_namespace: str = "default",
        is_host: bool = False,
    ) -> None:
        self.network = network
        self.name = name
        self.node = node
        self.ips: list[str] = list(ips)
        self.hostname = hostname
        self.subdomain = subdomain
        self.k8s_namespace = k8s_namespace
        self.is_host = is_host
        self.cluster_dns = not is_host
        self.torn_down = False
        self._tcp: dict[Address, ListeningSocket] = {}
        self._udp: dict[Address, DatagramSocket] = {}
        self._conns: dict[Connection, None] = {}
        self._next_port = {"tcp": EPHEMERAL_PORTS[0], "udp": EPHEMERAL_PORTS[0]}
        self._owners_hooked: set[int] = set()
        self._local_ports: dict[int, int] = {}  # ephemeral ports held by outgoing connections

    # ---------------------------------------------------------------- addresses

    @property
    def ip(self) -> str | None:
        """The primary address (``status.podIP``)."""
        return self.ips[0] if self.ips else None

    def has_ip(self, ip: str) -> bool:
        """Whether ``ip`` is local here (its own IPs or loopback)."""
        return ip in self.ips or is_loopback(ip)

    @property
    def reachable(self) -> bool:
        """Whether other namespaces can reach this one (``False`` once its node failed)."""
        return self.network._is_reachable(self)

    def fqdn(self) -> str | None:
        """``hostname.subdomain.namespace.svc.<cluster domain>`` when a subdomain is set."""
        if not self.subdomain or not self.hostname:
            return None
        return f"{self.hostname}.{self.subdomain}.{self.k8s_namespace}.svc.{self.network.resolver.cluster_domain}"

    def _bind_ip(self, host: str) -> str:
        if host in ("", "0.0.0.0", "*"):
            return "0.0.0.0"
        if host == "localhost":
            return "127.0.0.1"
        if host.startswith("[") and host.endswith("]"):
            host = host[1:-1]
        try:
            ip = str(ipaddress.ip_address(host))
        except ValueError:
            raise os_error(EADDRNOTAVAIL) from None
        if ip in WILDCARDS or self.has_ip(ip):
            return ip
        raise os_error(EADDRNOTAVAIL)

    @staticmethod
    def _conflicts(a: str, b: str) -> bool:
        if a == b or "::" in (a, b):
            return True
        if "0.0.0.0" in (a, b):
            other = b if a == "0.0.0.0" else a
            return not _is_v6(other)
        return False

    def _port_in_use(self, table: dict[Address, Any], ip: str, port: int) -> bool:
        return any(p == port and self._conflicts(ip, bip) for (bip, p) in table)

    def _check_port(self, port: int) -> None:
        if not isinstance(port, int) or isinstance(port, bool):
            raise TypeError(f"port must be an int, not {type(port).__name__}")
        if not 0 <= port <= 65535:
            raise OverflowError("bind(): port must be 0-65535.")

    def _ephemeral(self, proto: str, ip: str) -> int:
        lo, hi = EPHEMERAL_PORTS
        table = self._tcp if proto == "tcp" else self._udp
        span = hi - lo + 1
        start = self._next_port[proto]
        for i in range(span):
            port = lo + (start - lo + i) % span
            if self._port_in_use(table, ip, port) or (proto == "tcp" and port in self._local_ports):
                continue
            self._next_port[proto] = lo + (port - lo + 1) % span
            return port
        raise os_error(EADDRINUSE)

    # ---------------------------------------------------------------- sockets

    def listen(self, port: int, host: str = "0.0.0.0", backlog: int = 128) -> ListeningSocket:
        """``socket(); bind((host, port)); listen(backlog)``; port 0 picks a free port.

        Raises ``OSError`` 98 (``Address already in use``) if the port is taken in this namespace,
        99 (``Cannot assign requested address``) for an address it does not have.
        """
        self._check_port(port)
        with self.network.clock._lock:
            self._check_alive()
            ip = self._bind_ip(host)
            if port == 0:
                port = self._ephemeral("tcp", ip)
            elif self._port_in_use(self._tcp, ip, port) or port in self._local_ports:
                raise os_error(EADDRINUSE)
            sock = ListeningSocket(self, ip, port, backlog, _current_owner())
            self._tcp[(ip, port)] = sock
        self._hook_owner(sock.owner)
        return sock

    bind_tcp = listen

    def bind_udp(self, port: int = 0, host: str = "0.0.0.0") -> DatagramSocket:
        """A UDP socket bound to ``(host, port)`` (UDP has its own port space)."""
        self._check_port(port)
        with self.network.clock._lock:
            self._check_alive()
            ip = self._bind_ip(host)
            if port == 0:
                port = self._ephemeral("udp", ip)
            elif self._port_in_use(self._udp, ip, port):
                raise os_error(EADDRINUSE)
            sock = DatagramSocket(self, ip, port, _current_owner())
            self._udp[(ip, port)] = sock
        self._hook_owner(sock.owner)
        return sock

    def connect(self, host: str, port: int, timeout: float | None = None) -> Connection:
        """Open a TCP connection from this namespace (see :meth:`Network.connect`)."""
        return self.network.connect(self, host, port, timeout)

    # ---------------------------------------------------------------- accounting

    def listeners(self) -> list[tuple[str, str, int]]:
        """``[(proto, ip, port)]`` of bound sockets, in bind order: ``("tcp", "0.0.0.0", 80)``."""
        out = [("tcp", ip, port) for (ip, port) in self._tcp]
        out += [("udp", ip, port) for (ip, port) in self._udp]
        return out

    def listening_on(self, port: int, proto: str = "tcp") -> bool:
        table = self._tcp if proto == "tcp" else self._udp
        return any(p == port for (_, p) in table)

    def connections(self) -> list[Connection]:
        """Open connection ends in this namespace, in the order they were opened."""
        return list(self._conns)

    def sockets_of(self, owner: Any) -> list[Any]:
        """Everything ``owner`` (a task, or the runtime's ``net_owner``) has open here."""
        socks: list[Any] = [s for s in self._tcp.values() if s.owner is owner]
        socks += [s for s in self._udp.values() if s.owner is owner]
        socks += [c for c in self._conns if c.owner is owner]
        return socks

    def close_owned_by(self, owner: Any) -> int:
        """Close what ``owner`` holds, as Linux does when a process exits; returns how many."""
        socks = self.sockets_of(owner)
        for s in socks:
            s.close()
        return len(socks)

    # ---------------------------------------------------------------- internals

    def _check_alive(self) -> None:
        if self.torn_down:
            raise os_error(EINVAL)

    def _track(self, conn: Connection) -> None:
        with self.network.clock._lock:
            if conn.closed:
                return
            self._conns[conn] = None
            if conn._holds_port:
                self._local_ports[conn.local[1]] = self._local_ports.get(conn.local[1], 0) + 1
        self._hook_owner(conn.owner)

    def _forget(self, sock: Any) -> None:
        with self.network.clock._lock:
            if isinstance(sock, Connection):
                if self._conns.pop(sock, 0) is None and sock._holds_port:
                    port = sock.local[1]
                    if port in self._local_ports:
                        self._local_ports[port] -= 1
                        if not self._local_ports[port]:
                            del self._local_ports[port]
            elif isinstance(sock, ListeningSocket):
                if self._tcp.get(sock.address) is sock:
                    del self._tcp[sock.address]
            elif isinstance(sock, DatagramSocket) and self._udp.get(sock.address) is sock:
                del self._udp[sock.address]

    def _hook_owner(self, owner: Any) -> None:
        add = getattr(owner, "add_done_callback", None)
        if add is None or id(owner) in self._owners_hooked:
            return
        self._owners_hooked.add(id(owner))

        def done(_task: Any) -> None:
            self._owners_hooked.discard(id(owner))
            self.close_owned_by(owner)

        add(done)

    def _teardown(self) -> None:
        """Close every listener, reset every connection; the namespace is unusable afterwards."""
        with self.network.clock._lock:
            self.torn_down = True
            listeners = list(self._tcp.values()) + list(self._udp.values())
            conns = list(self._conns)
        for s in listeners:
            s.close()
        for c in conns:
            c.reset()

    def __repr__(self) -> str:
        return f"<NetworkNamespace {self.name} {','.join(self.ips) or '-'} on {self.node}>"
