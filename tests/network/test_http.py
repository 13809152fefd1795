"""HTTP over pod networking: server, keep-alive, malformed requests, clients, async probes, wget."""

from __future__ import annotations

import pytest

from sandbox.network import http as h
from sandbox.network.http import (
    HTTPResponse,
    HTTPServer,
    go_http_error,
    http_get,
    http_request_async,
    wget,
)


def run(clock, fn, timeout=1000.0):
    task = clock.spawn(fn, name="client")
    assert task.join(timeout=timeout)
    if task.exception is not None:
        raise task.exception
    return task.result


def app(req):
    if req.path == "/healthz":
        return "ok"
    if req.path == "/slow":
        req.clock.sleep(5)
        return "late"
    if req.path == "/old":
        return HTTPResponse(301, {"Location": "/healthz"})
    if req.path == "/loop":
        return HTTPResponse(302, {"Location": "/loop"})
    if req.path == "/boom":
        raise RuntimeError("bug")
    if req.path == "/echo":
        return 200, {"X-Client": req.client[0]}, f"{req.method} {req.query_params} {req.text}"
    return 404, "404 page not found\n"


@pytest.fixture
def web(clock, pod):
    ns = pod("web")

    def handler(req):
        req.clock = clock
        return app(req)

    server = HTTPServer(ns, 8080, handler, server_header="podlab")
    clock.spawn(server.serve_forever, name="web")
    return server


def test_round_trip_with_real_status_lines_and_headers(clock, pod, web):
    client = pod("client")
    resp = run(clock, lambda: http_get(client, f"http://{web.ns.ip}:8080/echo?a=1&a=2", timeout=5))
    assert resp.status_line == "HTTP/1.1 200 OK"
    assert resp.text == "GET {'a': ['1', '2']} "
    assert resp.headers["x-client"] == "10.244.1.3"
    assert resp.headers["Date"] == "Wed, 01 Jan 2025 00:00:00 GMT"
    assert resp.headers["Content-Length"] == str(len(resp.body))
    assert resp.headers["Server"] == "podlab"
    assert run(clock, lambda: http_get(client, f"http://{web.ns.ip}:8080/nope")).status_line == (
        "HTTP/1.1 404 Not Found"
    )
    assert run(clock, lambda: http_get(client, f"http://{web.ns.ip}:8080/boom")).status == 500
    assert [repr(e) for e in web.errors] == ["RuntimeError('bug')"]


def test_keep_alive_and_pipelining_on_one_connection(clock, pod, web):
    client = pod("client")

    def talk():
        conn = client.connect(web.ns.ip, 8080)
        conn.sendall(b"GET /healthz HTTP/1.1\r\nHost: web\r\n\r\nGET /nope HTTP/1.1\r\nHost: web\r\n\r\n")
        clock.sleep(1)
        first = conn.recv(100000)
        conn.sendall(b"GET /healthz HTTP/1.1\r\nHost: web\r\nConnection: close\r\n\r\n")
        rest = conn.recv_exactly(100000, timeout=5)
        return first, rest

    first, rest = run(clock, talk)
    assert first.count(b"HTTP/1.1 ") == 2 and b"HTTP/1.1 404 Not Found\r\n" in first
    assert rest.startswith(b"HTTP/1.1 200 OK\r\n") and b"Connection: close\r\n" in rest
    assert web.requests_served == 3
    assert [c.peer[0] for c in web.ns.connections()] == []


def test_idle_keep_alive_connections_are_closed_after_the_timeout(clock, pod, web):
    client = pod("client")

    def idle():
        conn = client.connect(web.ns.ip, 8080)
        conn.sendall(b"GET /healthz HTTP/1.1\r\nHost: web\r\n\r\n")
        conn.recv(10000)
        assert conn.recv(10) == b""
        return clock.elapsed()

    assert run(clock, idle) == 75.0


@pytest.mark.parametrize(
    ("raw", "status_line"),
    [
        (b"GARBAGE\r\n\r\n", b"HTTP/1.1 400 Bad Request"),
        (b"GET / HTTP/1.1\r\n\r\n", b"HTTP/1.1 400 Bad Request"),  # no Host
        (b"GET / HTTP/1.1\r\nHost: x\r\nbad header\r\n\r\n", b"HTTP/1.1 400 Bad Request"),
        (b"POST / HTTP/1.1\r\nHost: x\r\nContent-Length: abc\r\n\r\n", b"HTTP/1.1 400 Bad Request"),
        (b"GET / HTTP/2.0\r\nHost: x\r\n\r\n", b"HTTP/1.1 505 HTTP Version Not Supported"),
    ],
)
def test_malformed_requests_get_400_and_the_connection_is_closed(clock, pod, web, raw, status_line):
    client = pod("client")

    def send():
        conn = client.connect(web.ns.ip, 8080)
        conn.sendall(raw)
        return conn.recv_exactly(100000, timeout=5)

    answer = run(clock, send)
    assert answer.split(b"\r\n")[0] == status_line
    assert b"Connection: close\r\n" in answer


def test_post_body_and_chunked_upload(clock, pod, web):
    client = pod("client")
    resp = run(clock, lambda: h.http_request(client, f"http://{web.ns.ip}:8080/echo", method="POST", body="hi"))
    assert resp.text == "POST {} hi"

    def chunked():
        conn = client.connect(web.ns.ip, 8080)
        conn.sendall(b"PUT /echo HTTP/1.1\r\nHost: w\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n"
                     b"3\r\nabc\r\n2\r\nde\r\n0\r\n\r\n")
        return conn.recv_exactly(100000, timeout=5)

    assert run(clock, chunked).endswith(b"PUT {} abcde")


def test_redirects_are_followed_and_limited(clock, pod, web):
    client = pod("client")
    url = f"http://{web.ns.ip}:8080"
    resp = run(clock, lambda: http_get(client, url + "/old"))
    assert (resp.status, resp.text, resp.url) == (200, "ok", url + "/healthz")
    assert run(clock, lambda: http_get(client, url + "/old", follow_redirects=False)).status == 301
    with pytest.raises(h.TooManyRedirects) as exc:
        run(clock, lambda: http_get(client, url + "/loop"))
    assert go_http_error(exc.value, "GET", url + "/loop") == f'Get "{url}/loop": stopped after 10 redirects'


def test_client_timeout_is_virtual_and_worded_as_go_does(clock, pod, web):
    client = pod("client")
    url = f"http://{web.ns.ip}:8080/slow"
    with pytest.raises(TimeoutError) as exc:
        run(clock, lambda: http_get(client, url, timeout=1))
    assert clock.elapsed() == 1.0
    assert go_http_error(exc.value, "GET", url) == (
        f'Get "{url}": context deadline exceeded (Client.Timeout exceeded while awaiting headers)'
    )


def test_async_requests_from_clock_callbacks_as_the_prober_uses_them(clock, net, pod, web):
    kubelet = net.node("node-1")
    base = f"http://{web.ns.ip}:8080"
    results = []

    def probe(path, timeout=1):
        def done(resp, err):
            text = f"{resp.status} {resp.text}" if resp else go_http_error(err, "GET", base + path)
            results.append((clock.elapsed(), text))

        http_request_async(kubelet, base + path, done, headers={"User-Agent": "kube-probe/1.32"}, timeout=timeout)

    clock.call_later(10, probe, "/healthz")
    clock.call_later(20, probe, "/slow")
    clock.call_later(30, probe, "/old")
    clock.call_later(40, lambda: http_request_async(
        kubelet, f"http://{web.ns.ip}:9999/", lambda r, e: results.append((clock.elapsed(), go_http_error(e, "GET", f"http://{web.ns.ip}:9999/")))))
    clock.advance(50)
    assert results == [
        (10.0, "200 ok"),
        (21.0, f'Get "{base}/slow": context deadline exceeded (Client.Timeout exceeded while awaiting headers)'),
        (30.0, "200 ok"),
        (40.0, f'Get "http://{web.ns.ip}:9999/": dial tcp {web.ns.ip}:9999: connect: connection refused'),
    ]
    assert ("10.244.1.2", "GET", "/healthz", 200) not in web.access_log  # probes come from the node
    assert ("172.18.0.2", "GET", "/healthz", 200) in web.access_log


def test_async_request_event_can_be_awaited_by_a_managed_thread(clock, pod, web):
    client = pod("client")

    def waiter():
        req = http_request_async(client, f"http://{web.ns.ip}:8080/healthz")
        assert req.event.wait(timeout=5)
        return req.response.text

    assert run(clock, waiter) == "ok"


@pytest.mark.parametrize(
    ("url", "kwargs", "exit_code", "body", "stderr"),
    [
        ("http://WEB:8080/healthz", {}, 0, b"ok", ""),
        ("WEB:8080/old", {}, 0, b"ok", ""),
        ("http://WEB:8080/nope", {}, 1, b"", "wget: server returned error: HTTP/1.1 404 Not Found\n"),
        ("http://WEB:9999/", {}, 1, b"", "wget: can't connect to remote host (WEB): Connection refused\n"),
        ("http://nosuchhost/", {}, 1, b"", "wget: bad address 'nosuchhost'\n"),
        ("http://WEB:8080/slow", {"timeout": 2}, 1, b"", "wget: download timed out\n"),
        ("http://10.244.7.7/", {"timeout": 2}, 1, b"", "wget: download timed out\n"),
        ("http://10.244.7.7/", {}, 1, b"", "wget: can't connect to remote host (10.244.7.7): Connection timed out\n"),
        ("http://WEB:8080/loop", {}, 1, b"", "wget: too many redirections\n"),
        ("https://WEB/", {}, 1, b"", "wget: not an http or ftp url: https://WEB/\n"),
    ],
)
def test_wget_prints_what_busybox_prints(clock, pod, web, url, kwargs, exit_code, body, stderr):
    client = pod("client")
    url = url.replace("WEB", web.ns.ip)
    result = run(clock, lambda: wget(client, url, **kwargs))
    assert (result.exit_code, result.body, result.stderr) == (exit_code, body, stderr.replace("WEB", web.ns.ip))


def test_wget_without_q_says_where_it_connects(clock, pod, web):
    client = pod("client")
    result = run(clock, lambda: wget(client, f"http://{web.ns.ip}:8080/healthz", quiet=False))
    assert result.stderr == (
        f"Connecting to {web.ns.ip}:8080 ({web.ns.ip}:8080)\nwriting to stdout\nwritten to stdout\n"
    )


def test_wget_sees_a_reset_when_the_server_pod_is_torn_down(clock, net, pod):
    server_ns, client = pod("server"), pod("client")
    lsock = server_ns.listen(80)
    clock.call_later(3, net.teardown, "default/server")
    result = run(clock, lambda: wget(client, f"http://{server_ns.ip}/"))
    assert lsock.closed
    assert (result.exit_code, result.stderr) == (1, "wget: error getting response: Connection reset by peer\n")


def test_server_port_in_use(clock, pod, web):
    with pytest.raises(OSError) as exc:
        HTTPServer(web.ns, 8080, app)
    assert f"bind() to 0.0.0.0:8080 failed ({exc.value.errno}: {exc.value.strerror})" == (
        "bind() to 0.0.0.0:8080 failed (98: Address already in use)"
    )
