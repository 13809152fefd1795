"""The cluster network: which address lives in which namespace, and how connections are made.

:class:`Network` plays the CNI plugin and the wire at once. The kubelet asks it for a pod's
namespace when it creates the pod sandbox (:meth:`Network.create_pod_namespace`, which allocates
the pod IPs from the node's range) and gives it back when the sandbox is torn down
(:meth:`Network.teardown`: listeners closed, connections reset, IPs released).

Reachability, as on a flat pod network: ``localhost`` reaches only the same namespace; any other
address is routed to the namespace that has it. Connecting where nobody listens is refused at once
(``ECONNREFUSED``). An address nobody has, or a namespace whose node failed
(:meth:`Network.set_node_reachable`), swallows the SYNs: the connect times out after the caller's
timeout or Linux's own 127 s (``tcp_syn_retries=6``), in virtual time, with ``ETIMEDOUT``. Data sent
over an existing connection to such a namespace is lost.

Code that must not block (the kubelet, the prober: clock callbacks) uses
:meth:`Network.connect_async`, whose result arrives later as a clock callback.
"""

from __future__ import annotations

import contextlib
import socket as _pysocket
from collections.abc import Callable
from typing import Any

from sandbox.clock import Clock, Timer, WaitQueue
from sandbox.network.dns import Resolver, resolve
from sandbox.network.errors import ECONNREFUSED, EINVAL, ETIMEDOUT, os_error
from sandbox.network.ipam import IPAM
from sandbox.network.namespace import NetworkNamespace, is_loopback
from sandbox.network.socket import Connection, ListeningSocket, _block, _current_owner

__all__ = ["Network", "ConnectHandle", "TCP_SYN_TIMEOUT", "name_error"]

#: How long Linux keeps retrying a SYN nobody answers (``net.ipv4.tcp_syn_retries=6``: 1+2+...+64 s).
TCP_SYN_TIMEOUT = 127.0

OnConnect = Callable[[Connection | None, BaseException | None], Any]


def name_error(host: str) -> _pysocket.gaierror:
    """What ``getaddrinfo`` raises for a name that does not resolve (glibc's ``EAI_NONAME``)."""
    exc = _pysocket.gaierror(-2, "Name or service not known")
    exc.host = host  # type: ignore[attr-defined]
    return exc


class ConnectHandle:
    """A connection attempt under way; ``on_result(conn, error)`` is called exactly once."""

    def __init__(self, network: Network, src: NetworkNamespace, remote: tuple[str, int],
                 on_result: OnConnect, owner: Any) -> None:
        self.network = network
        self.src = src
        self.remote = remote
        self.owner = owner
        self._on_result = on_result
        self.done = False
        self.connection: Connection | None = None
        self.error: BaseException | None = None
        self._listener: ListeningSocket | None = None

    def succeed(self, conn: Connection) -> None:
        if self.done:
            conn.close()
            return
        self.done = True
        self.connection = conn
        self._on_result(conn, None)

    def fail(self, exc: BaseException) -> None:
        if self.done:
            return
        self.done = True
        self.error = exc
        self._on_result(None, exc)

    def cancel(self) -> None:
        """Give up (the caller's timeout fired): no result will be delivered."""
        self.done = True
        if self._listener is not None:
            with contextlib.suppress(ValueError):
                self._listener._syn_waiting.remove(self)


class Network:
    """The pod network of one cluster.

    Args:
        clock: the cluster's clock; every wait parks on it.
        ipam: the address allocator (a fresh :class:`IPAM` by default).
        dual_stack: allocate IPv6 addresses too (ignored when ``ipam`` is given).
        resolver: cluster DNS (a fresh :class:`Resolver` by default).
    """

    def __init__(
        self,
        clock: Clock,
        *,
        ipam: IPAM | None = None,
        dual_stack: bool = False,
        resolver: Resolver | None = None,
    ) -> None:
        self.clock = clock
        self.ipam = ipam if ipam is not None else IPAM(dual_stack=dual_stack)
        self.resolver = resolver if resolver is not None else Resolver()
        self._nodes: dict[str, NetworkNamespace] = {}
        self._pods: dict[str, NetworkNamespace] = {}
        self._by_ip: dict[str, NetworkNamespace] = {}
        self._down_nodes: set[str] = set()
        self._down_ns: set[int] = set()

    # ---------------------------------------------------------------- nodes

    def add_node(self, name: str) -> NetworkNamespace:
        """Register a node: its pod CIDR, its address(es) and its own (host) namespace."""
        if name in self._nodes:
            return self._nodes[name]
        alloc = self.ipam.add_node(name)
        ns = NetworkNamespace(self, f"node/{name}", name, alloc.node_ips, hostname=name, is_host=True)
        self._nodes[name] = ns
        for ip in ns.ips:
            self._by_ip[ip] = ns
        return ns

    def node(self, name: str) -> NetworkNamespace:
        """A node's own namespace (where ``hostNetwork`` pods and the kubelet's probes live)."""
        try:
            return self._nodes[name]
        except KeyError:
            raise KeyError(f"no node {name!r} in the network") from None

    def nodes(self) -> list[NetworkNamespace]:
        return list(self._nodes.values())

    def pod_cidr(self, node: str) -> str:
        """The node's ``spec.podCIDR``."""
        return self.ipam.node(node).pod_cidr

    def pod_cidrs(self, node: str) -> list[str]:
        """The node's ``spec.podCIDRs``."""
        return list(self.ipam.node(node).pod_cidrs)

    def remove_node(self, name: str) -> None:
        """Tear down the node's namespace and every pod namespace on it, and free its CIDR."""
        for key, ns in list(self._pods.items()):
            if ns.node == name:
                self.teardown(key)
        ns = self._nodes.pop(name, None)
        if ns is not None:
            ns._teardown()
            for ip in ns.ips:
                self._by_ip.pop(ip, None)
        self._down_nodes.discard(name)
        self.ipam.remove_node(name)

    def set_node_reachable(self, name: str, reachable: bool) -> None:
        """Cut a node (and its pods) off the network, or bring it back."""
        if reachable:
            self._down_nodes.discard(name)
        else:
            self._down_nodes.add(name)

    def set_reachable(self, ns: NetworkNamespace, reachable: bool) -> None:
        """Cut one namespace off the network (a partition), or bring it back."""
        if reachable:
            self._down_ns.discard(id(ns))
        else:
            self._down_ns.add(id(ns))

    # ---------------------------------------------------------------- pod sandboxes

    def create_pod_namespace(
        self,
        key: str,
        node: str,
        *,
        hostname: str = "",
        subdomain: str | None = None,
        k8s_namespace: str = "default",
        host_network: bool = False,
    ) -> NetworkNamespace:
        """The network namespace of a new pod sandbox (CNI ``ADD``).

        ``key`` identifies the sandbox (e.g. ``"default/nginx/<uid>"``; a restarted sandbox should
        use a new key). With ``host_network`` the node's namespace is returned and nothing is
        allocated. Raises :class:`~sandbox.network.ipam.IPAMError` when the node's range is full.
        """
        if key in self._pods:
            raise ValueError(f"pod network namespace {key!r} already exists")
        if node not in self._nodes:
            self.add_node(node)
        if host_network:
            ns = self._nodes[node]
        else:
            ips = self.ipam.allocate(node, key)
            ns = NetworkNamespace(
                self, key, node, ips, hostname=hostname, subdomain=subdomain,
                k8s_namespace=k8s_namespace,
            )
            for ip in ips:
                self._by_ip[ip] = ns
        self._pods[key] = ns
        return ns

    def namespace(self, key: str) -> NetworkNamespace | None:
        """The namespace created under ``key`` (``None`` if there is none)."""
        return self._pods.get(key)

    def namespaces(self) -> dict[str, NetworkNamespace]:
        return dict(self._pods)

    def namespace_for_ip(self, ip: str) -> NetworkNamespace | None:
        return self._by_ip.get(ip)

    def teardown(self, key: str) -> None:
        """CNI ``DEL``: close the namespace's listeners, reset its connections, release its IPs.

        For a ``hostNetwork`` pod only the record goes: the node's namespace stays (the pod's
        sockets were closed when its containers' threads ended).
        """
        ns = self._pods.pop(key, None)
        if ns is None or ns.is_host:
            return
        ns._teardown()
        for ip in ns.ips:
            if self._by_ip.get(ip) is ns:
                del self._by_ip[ip]
        self.ipam.release(ns.node, key)
        self._down_ns.discard(id(ns))

    # ---------------------------------------------------------------- routing

    def _is_reachable(self, ns: NetworkNamespace) -> bool:
        return not ns.torn_down and ns.node not in self._down_nodes and id(ns) not in self._down_ns

    def _path_ok(self, a: NetworkNamespace, b: NetworkNamespace) -> bool:
        if a is b:
            return not a.torn_down
        return self._is_reachable(a) and self._is_reachable(b)

    def _route(self, src: NetworkNamespace, ip: str) -> NetworkNamespace | None:
        if is_loopback(ip) or src.has_ip(ip):
            return src
        return self._by_ip.get(ip)

    def _resolve(self, src: NetworkNamespace, host: str) -> str:
        ip = resolve(src, host)
        if ip is None:
            raise name_error(host)
        return ip

    @staticmethod
    def _find_listener(dst: NetworkNamespace, ip: str, port: int) -> ListeningSocket | None:
        sock = dst._tcp.get((ip, port))
        if sock is None and ":" not in ip:
            sock = dst._tcp.get(("0.0.0.0", port))
        if sock is None:
            sock = dst._tcp.get(("::", port))
        return sock

    def _source_ip(self, src: NetworkNamespace, dst_ip: str) -> str:
        if is_loopback(dst_ip) or dst_ip in src.ips:
            return dst_ip
        v6 = ":" in dst_ip
        for ip in src.ips:
            if (":" in ip) == v6:
                return ip
        return src.ips[0] if src.ips else ("::1" if v6 else "127.0.0.1")

    def _start_connect(self, handle: ConnectHandle) -> None:
        src = handle.src
        ip, port = handle.remote
        if src.torn_down:
            handle.fail(os_error(EINVAL, op="dial", remote=handle.remote))
            return
        dst = self._route(src, ip)
        if dst is None or not self._path_ok(src, dst):
            return  # the SYN is lost; the caller's timer decides
        listener = self._find_listener(dst, ip, port)
        if listener is None:
            handle.fail(os_error(ECONNREFUSED, op="dial", remote=handle.remote))
        elif listener._full():
            handle._listener = listener
            listener._syn_waiting.append(handle)
        else:
            self._establish(handle, listener)

    def _establish(self, handle: ConnectHandle, listener: ListeningSocket) -> None:
        src, dst = handle.src, listener.ns
        ip, port = handle.remote
        with self.clock._lock:
            local_ip = self._source_ip(src, ip)
            local_port = src._ephemeral("tcp", local_ip)
            client = Connection(src, (local_ip, local_port), (ip, port), handle.owner)
            client._holds_port = True
            server = Connection(dst, (ip, port), (local_ip, local_port), listener.owner)
            client._other, server._other = server, client
            listener._queue.append(server)
        src._track(client)
        dst._track(server)
        listener._acceptors.notify()
        listener._changed()
        handle.succeed(client)

    def _admit_waiting(self, listener: ListeningSocket) -> None:
        while listener._syn_waiting and not listener._full() and not listener.closed:
            handle = listener._syn_waiting.popleft()
            handle._listener = None
            if not handle.done:
                self._establish(handle, listener)

    # ---------------------------------------------------------------- connecting

    def connect(
        self, src: NetworkNamespace, host: str, port: int, timeout: float | None = None
    ) -> Connection:
        """Connect from ``src`` to ``host:port``, waiting up to ``timeout`` virtual seconds.

        ``host`` is an IP or a name (resolved with :func:`~sandbox.network.dns.resolve`). Raises
        ``socket.gaierror`` (-2, ``Name or service not known``), ``ConnectionRefusedError`` (111),
        or ``TimeoutError`` (110, ``Connection timed out``) after ``timeout`` or 127 s.
        """
        ip = self._resolve(src, host)
        wq = WaitQueue(self.clock, f"connect to {ip}:{port}")
        box: list[tuple[Connection | None, BaseException | None]] = []

        def on_result(conn: Connection | None, err: BaseException | None) -> None:
            box.append((conn, err))
            wq.notify_all()

        handle = ConnectHandle(self, src, (ip, port), on_result, _current_owner())
        self._start_connect(handle)
        limit = TCP_SYN_TIMEOUT if timeout is None else min(timeout, TCP_SYN_TIMEOUT)
        try:
            ok = _block(self.clock, wq, lambda: bool(box), limit)
        finally:
            if not box:
                handle.cancel()
        if not ok:
            raise os_error(ETIMEDOUT, op="dial", remote=(ip, port))
        conn, err = box[0]
        if err is not None:
            raise err
        assert conn is not None
        return conn

    def connect_async(
        self,
        src: NetworkNamespace,
        host: str,
        port: int,
        on_done: OnConnect,
        timeout: float | None = None,
    ) -> ConnectHandle:
        """Start connecting without blocking; ``on_done(conn, error)`` runs later as a clock callback.

        Usable from clock callbacks (the prober's ``tcpSocket`` check). The caller owns the
        connection it gets and must close it.
        """
        timer: list[Timer] = []

        def deliver(conn: Connection | None, err: BaseException | None) -> None:
            for t in timer:
                t.cancel()
            self.clock.call_soon(on_done, conn, err)

        try:
            ip = self._resolve(src, host)
        except OSError as exc:
            handle = ConnectHandle(self, src, (host, port), deliver, None)
            handle.fail(exc)
            return handle
        handle = ConnectHandle(self, src, (ip, port), deliver, None)

        def expire() -> None:
            if not handle.done:
                handle.cancel()
                self.clock.call_soon(on_done, None, os_error(ETIMEDOUT, op="dial", remote=(ip, port)))

        limit = TCP_SYN_TIMEOUT if timeout is None else min(timeout, TCP_SYN_TIMEOUT)
        timer.append(self.clock.call_later(limit, expire))
        self._start_connect(handle)
        return handle

    # ---------------------------------------------------------------- datagrams

    def _deliver_datagram(self, sock: Any, data: bytes, address: tuple[str, int]) -> int:
        src: NetworkNamespace = sock.ns
        host, port = address
        ip = self._resolve(src, host)
        dst = self._route(src, ip)
        if dst is None or not self._path_ok(src, dst):
            return len(data)
        target = dst._udp.get((ip, port))
        if target is None and ":" not in ip:
            target = dst._udp.get(("0.0.0.0", port))
        if target is None:
            target = dst._udp.get(("::", port))
        if target is not None and not target.closed:
            src_ip = sock.ip if sock.ip not in ("0.0.0.0", "::") else self._source_ip(src, ip)
            target._receive(data, (src_ip, sock.port))
        return len(data)

    def __repr__(self) -> str:
        return f"<Network nodes={len(self._nodes)} pods={len(self._pods)}>"
