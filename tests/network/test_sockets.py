"""Sockets in pod namespaces: shared localhost, isolation, Linux errors, virtual-time timeouts."""

from __future__ import annotations

import socket

import pytest

from sandbox.network import Poller, strerror


def run(clock, fn, *args, timeout=1000.0):
    """Run ``fn`` in a managed thread and return its result (re-raising what it raised)."""
    task = clock.spawn(fn, *args, name=getattr(fn, "__name__", "task"))
    assert task.join(timeout=timeout), f"{task} did not finish"
    if task.exception is not None:
        raise task.exception
    return task.result


def test_containers_of_a_pod_share_localhost_and_the_pod_ip(clock, pod):
    web = pod("web")
    seen = []

    def server():
        with web.listen(8080) as lsock:
            for _ in range(2):
                conn = lsock.accept()
                seen.append((conn.local, conn.peer[0], conn.readline()))
                conn.sendall(b"ok\n")
                conn.close()

    def sidecar():
        for host in ("localhost", web.ip):
            with web.connect(host, 8080) as conn:
                conn.sendall(f"from {host}\n")
                assert conn.readline() == b"ok\n"
                assert conn.recv(10) == b""

    clock.spawn(server, name="server")
    run(clock, sidecar)
    assert seen == [
        (("127.0.0.1", 8080), "127.0.0.1", b"from localhost\n"),
        (("10.244.1.2", 8080), "10.244.1.2", b"from 10.244.1.2\n"),
    ]


def test_localhost_does_not_reach_another_pod_but_its_ip_does(clock, pod):
    server, client = pod("server"), pod("client", node="node-2")
    lsock = server.listen(80)

    def probe():
        out = []
        try:
            client.connect("127.0.0.1", 80)
        except ConnectionRefusedError as exc:
            out.append((exc.errno, exc.strerror))
        conn = client.connect(server.ip, 80)
        out.append((conn.local, conn.peer))
        return out

    assert run(clock, probe) == [
        (111, "Connection refused"),
        (("10.244.2.2", 32768), ("10.244.1.2", 80)),
    ]
    assert lsock.accept(timeout=0).peer == ("10.244.2.2", 32768)


@pytest.mark.parametrize(
    ("first", "second", "error"),
    [
        (("0.0.0.0", 80), ("0.0.0.0", 80), (98, "Address already in use")),
        (("0.0.0.0", 80), ("127.0.0.1", 80), (98, "Address already in use")),
        (("127.0.0.1", 80), ("0.0.0.0", 80), (98, "Address already in use")),
        (("::", 80), ("0.0.0.0", 80), (98, "Address already in use")),
        (("127.0.0.1", 80), ("10.244.1.2", 80), None),
        (("0.0.0.0", 80), ("0.0.0.0", 81), None),
    ],
)
def test_binding_follows_linux(pod, first, second, error):
    ns = pod("web")
    ns.listen(first[1], first[0])
    if error is None:
        ns.listen(second[1], second[0])
        return
    with pytest.raises(OSError) as exc:
        ns.listen(second[1], second[0])
    assert (exc.value.errno, exc.value.strerror) == error
    assert f"[Errno {error[0]}] {error[1]}" == str(exc.value)


def test_the_same_port_in_another_pod_is_fine_and_udp_has_its_own_port_space(pod):
    a, b = pod("a"), pod("b")
    a.listen(80)
    b.listen(80)
    a.bind_udp(80)
    assert a.listeners() == [("tcp", "0.0.0.0", 80), ("udp", "0.0.0.0", 80)]


def test_binding_an_address_the_namespace_lacks(pod):
    a, b = pod("a"), pod("b")
    with pytest.raises(OSError) as exc:
        a.listen(80, host=b.ip)
    assert (exc.value.errno, exc.value.strerror) == (99, "Cannot assign requested address")
    with pytest.raises(OverflowError, match=r"bind\(\): port must be 0-65535."):
        a.listen(70000)


def test_musl_words_errors_its_own_way():
    assert strerror(98, "musl") == "Address in use"
    assert strerror(98) == "Address already in use"
    assert strerror(110, "musl") == "Operation timed out"


def test_host_network_pods_collide_on_a_port_as_on_linux(net):
    first = net.create_pod_namespace("kube-system/proxy-a", "node-1", host_network=True)
    second = net.create_pod_namespace("kube-system/proxy-b", "node-1", host_network=True)
    other_node = net.create_pod_namespace("kube-system/proxy-c", "node-2", host_network=True)
    assert first is second is net.node("node-1")
    assert first.ips == ["172.18.0.2"]
    first.listen(10256)
    with pytest.raises(OSError, match=r"\[Errno 98\] Address already in use"):
        second.listen(10256)
    other_node.listen(10256)
    net.teardown("kube-system/proxy-a")
    assert net.node("node-1").listeners() == [("tcp", "0.0.0.0", 10256)]  # the node stays


def test_connection_refused_is_immediate(clock, pod):
    a, b = pod("a"), pod("b")

    def client():
        try:
            a.connect(b.ip, 8080, timeout=30)
        except ConnectionRefusedError as exc:
            return exc.errno, exc.strerror, clock.elapsed()

    assert run(clock, client) == (111, "Connection refused", 0.0)


@pytest.mark.parametrize(("timeout", "elapsed"), [(5, 5.0), (2.5, 2.5), (None, 127.0), (600, 127.0)])
def test_connecting_to_an_address_nobody_has_times_out_in_virtual_time(clock, pod, timeout, elapsed):
    a = pod("a")

    def client():
        try:
            a.connect("10.244.7.7", 80, timeout=timeout)
        except TimeoutError as exc:
            return exc.errno, exc.strerror, clock.elapsed()

    assert run(clock, client) == (110, "Connection timed out", elapsed)


def test_a_node_that_failed_swallows_connections(clock, net, pod):
    a, b = pod("a"), pod("b", node="node-2")
    b.listen(80)
    net.set_node_reachable("node-2", False)

    def client():
        try:
            a.connect(b.ip, 80, timeout=3)
        except TimeoutError:
            return clock.elapsed()

    assert run(clock, client) == 3.0
    net.set_node_reachable("node-2", True)
    assert run(clock, lambda: a.connect(b.ip, 80).peer) == (b.ip, 80)


def test_recv_with_a_timeout_raises_at_exactly_that_virtual_time(clock, pod):
    a = pod("a")
    a.listen(9000)

    def client():
        conn = a.connect("localhost", 9000)
        clock.sleep(1.5)
        try:
            conn.recv(10, timeout=5)
        except TimeoutError as exc:
            return str(exc), clock.elapsed()

    assert run(clock, client) == ("timed out", 6.5)


def test_accept_with_a_timeout(clock, pod):
    lsock = pod("a").listen(80)

    def server():
        with pytest.raises(TimeoutError):
            lsock.accept(timeout=10)
        return clock.elapsed()

    assert run(clock, server) == 10.0


def test_readline_recv_until_and_eof(clock, pod):
    a = pod("a")
    lsock = a.listen(7)

    def client():
        conn = a.connect("localhost", 7)
        server_end = lsock.accept()
        conn.sendall(b"one\ntwo\nthree")
        conn.shutdown(socket.SHUT_WR)
        lines = [server_end.readline(), server_end.recv_until(b"o\n"), server_end.readline(), server_end.readline()]
        server_end.sendall(b"bye")
        server_end.close()
        return lines, conn.recv(100), conn.recv(100)

    assert run(clock, client) == ([b"one\n", b"two\n", b"three", b""], b"bye", b"")


def test_sending_after_the_peer_closed_draws_a_reset(clock, pod):
    a = pod("a")
    lsock = a.listen(7)

    def client():
        conn = a.connect("localhost", 7)
        lsock.accept().close()
        assert conn.recv(1) == b""
        conn.send(b"x")  # the first write succeeds and draws an RST
        with pytest.raises(ConnectionResetError) as exc:
            conn.send(b"y")
        return exc.value.errno, exc.value.strerror

    assert run(clock, client) == (104, "Connection reset by peer")


def test_teardown_closes_listeners_and_resets_connections(clock, net, pod):
    server, client = pod("server"), pod("client")
    lsock = server.listen(80)
    results = []

    def reader():
        conn = client.connect(server.ip, 80)
        lsock.accept()
        try:
            conn.recv(10)
        except ConnectionResetError as exc:
            results.append((exc.errno, clock.elapsed()))
        try:
            client.connect(server.ip, 80, timeout=4)
        except TimeoutError:
            results.append(("gone", clock.elapsed()))

    clock.spawn(reader, name="reader")
    clock.advance(2)
    assert len(server.connections()) == 1
    net.teardown("default/server")
    clock.advance(10)
    assert results == [(104, 2.0), ("gone", 6.0)]
    assert server.listeners() == [] and server.connections() == []
    assert lsock.closed


def test_sockets_close_when_the_thread_that_opened_them_ends(clock, pod):
    """A container that exits (or is killed) frees its port, so its restart can bind it again."""
    web = pod("web")

    def container():
        web.listen(80)
        clock.sleep(3600)

    task = clock.spawn(container, name="web")
    clock.advance(1)
    assert web.listeners() == [("tcp", "0.0.0.0", 80)]
    task.kill("liveness probe failed")
    clock.advance(1)
    assert web.listeners() == []
    run(clock, lambda: web.listen(80))  # the restarted container binds again


def test_backlog_full_makes_connects_wait_until_accepted(clock, pod):
    a = pod("a")
    lsock = a.listen(80, backlog=0)  # Linux keeps backlog + 1 connections
    done = []

    def client(n):
        a.connect("localhost", 80, timeout=20)
        done.append((n, clock.elapsed()))

    for n in range(2):
        clock.spawn(client, n, name=f"c{n}")
    clock.advance(5)
    assert done == [(0, 0.0)]
    lsock.accept(timeout=0)
    clock.run_all()
    assert done == [(0, 0.0), (1, 5.0)]


def test_udp_datagrams(clock, pod):
    a, b = pod("a"), pod("b")
    server = b.bind_udp(53)

    def client():
        sock = a.bind_udp()
        sock.sendto(b"query", (b.ip, 53))
        data, src = server.recvfrom(512, timeout=1)
        server.sendto(b"answer:" + data, src)
        return sock.recvfrom(512, timeout=1), src

    assert run(clock, client) == ((b"answer:query", (b.ip, 53)), (a.ip, 32768))


def test_a_poller_serves_a_thousand_connections_from_one_thread(clock, pod):
    a = pod("a")
    lsock = a.listen(80, backlog=2000)
    clients = [a.connect("localhost", 80) for _ in range(1000)]
    poller = Poller(clock)
    servers = [lsock.accept(timeout=0) for _ in range(1000)]
    for s in servers:
        poller.register(s)
    for i in (999, 3, 500):
        clients[i].send(f"{i}")

    def serve():
        return [(s.peer[1], s.recv(10)) for s in poller.poll(timeout=1)]

    assert run(clock, serve) == [(32768 + 999, b"999"), (32768 + 3, b"3"), (32768 + 500, b"500")]
    assert len(a.connections()) == 2000
    assert clock.tasks() == []


def test_async_connect_from_a_clock_callback(clock, net, pod):
    web = pod("web")
    web.listen(8080)
    kubelet = net.node("node-1")
    results = []

    def probe(port):
        def done(conn, err):
            results.append((port, clock.elapsed(), conn and conn.peer, err and err.strerror))
            if conn is not None:
                conn.close()

        net.connect_async(kubelet, web.ip, port, done, timeout=1)

    clock.call_later(10, probe, 8080)
    clock.call_later(20, probe, 9090)
    clock.call_later(30, lambda: net.connect_async(kubelet, "10.244.9.9", 80, lambda c, e: results.append(
        ("lost", clock.elapsed(), e.errno)), timeout=1))
    clock.advance(40)
    assert results == [
        (8080, 10.0, ("10.244.1.2", 8080), None),
        (9090, 20.0, None, "Connection refused"),
        ("lost", 31.0, 110),
    ]


def test_unknown_names_fail_like_getaddrinfo(clock, pod):
    a = pod("a")
    with pytest.raises(socket.gaierror) as exc:
        run(clock, lambda: a.connect("nosuchhost", 80))
    assert str(exc.value) == "[Errno -2] Name or service not known"


def _trace() -> list:
    from sandbox.clock import Clock
    from sandbox.network import Network

    clock = Clock(watchdog=1.0)
    net = Network(clock)
    server = net.create_pod_namespace("default/server", "node-1", hostname="server")
    trace: list = []

    def serve():
        lsock = server.listen(80)
        poller = Poller(clock)
        poller.register(lsock)
        while True:
            for s in poller.poll():
                if s is lsock:
                    conn = lsock.accept_nowait()
                    poller.register(conn)
                    continue
                data = s.recv_nowait()
                if not data:
                    poller.unregister(s)
                    s.close()
                    continue
                trace.append((clock.elapsed(), "server", s.peer, data))
                s.sendall(data.upper())

    def client(i):
        ns = net.create_pod_namespace(f"default/c{i}", f"node-{1 + i % 2}", hostname=f"c{i}")
        clock.sleep(i % 3)
        with ns.connect(server.ip, 80) as conn:
            for j in range(3):
                conn.sendall(f"c{i}-{j}")
                trace.append((clock.elapsed(), f"c{i}", conn.recv(100)))
                clock.sleep(0.5)

    clock.spawn(serve, name="server")
    for i in range(12):
        clock.spawn(client, i, name=f"c{i}")
    clock.advance(30)
    assert clock.close() == []
    return trace


def test_many_clients_give_the_same_trace_every_run():
    first = _trace()
    assert len(first) == 72
    assert _trace() == first
    assert _trace() == first
