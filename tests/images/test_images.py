"""Images: references, the registry and its pull errors, pull timing, and the built-in images
(nginx, agnhost, stress, pause, distroless) running on a ThreadRuntime."""

from __future__ import annotations

import random
import threading

import pytest

from sandbox.clock import Clock
from sandbox.images.image import InvalidReference, parse_reference
from sandbox.images.registry import REGISTRY, Registry
from sandbox.network import Network
from sandbox.network.http import http_get
from sandbox.runtime.cri import ContainerConfig, Mount, PodSandboxConfig
from sandbox.runtime.filesystem import FileSystem
from sandbox.runtime.runtime import ThreadRuntime


@pytest.fixture
def clock():
    threads_before = threading.active_count()
    c = Clock(watchdog=1.0)
    yield c
    assert c.close() == []
    assert threading.active_count() == threads_before


@pytest.fixture
def rt(clock):
    runtime = ThreadRuntime(clock, Network(clock), random.Random(0), "node-1")
    yield runtime
    runtime.close()


def run(rt, image, name="c", pod="pod", **kw):
    rt.preload(image)
    sb = rt.run_pod_sandbox(PodSandboxConfig(name=pod, namespace="default", uid=f"uid-{pod}", hostname=pod))
    cid = rt.create_container(sb, ContainerConfig(name=name, image=image, **kw))
    rt.start_container(cid)
    return sb, cid


@pytest.mark.parametrize(
    "ref, normalised",
    [
        ("nginx", "docker.io/library/nginx:latest"),
        ("nginx:1.14.2", "docker.io/library/nginx:1.14.2"),
        ("library/nginx", "docker.io/library/nginx:latest"),
        ("polinux/stress", "docker.io/polinux/stress:latest"),
        ("index.docker.io/library/busybox:1.36", "docker.io/library/busybox:1.36"),
        ("registry.k8s.io/pause:3.10", "registry.k8s.io/pause:3.10"),
        ("localhost:5000/app", "localhost:5000/app:latest"),
        ("nginx@sha256:" + "a" * 64, "docker.io/library/nginx@sha256:" + "a" * 64),
    ],
)
def test_references_are_normalised_as_containerd_does(ref, normalised):
    assert str(parse_reference(ref)) == normalised


@pytest.mark.parametrize(
    "ref, message",
    [
        ("Nginx", "invalid reference format: repository name (library/Nginx) must be lowercase"),
        ("nginx:", "invalid reference format"),
        ("nginx::1", "invalid reference format"),
    ],
)
def test_invalid_references_are_refused_with_distributions_words(ref, message):
    with pytest.raises(InvalidReference) as err:
        parse_reference(ref)
    assert str(err.value) == message


def test_an_image_has_a_stable_digest_size_config_and_files():
    a = REGISTRY.resolve("nginx:1.14.2")
    b = Registry(builtins=True).resolve("docker.io/library/nginx:1.14.2")
    assert a is not None and b is not None
    assert a.digest == b.digest and a.digest.startswith("sha256:") and len(a.digest) == 71
    assert a.image_ref == f"docker.io/library/nginx@{a.digest}"
    assert a.env["PATH"] == "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"
    assert (a.entrypoint, a.cmd, a.stop_signal) == ([], ["nginx", "-g", "daemon off;"], "SIGTERM")
    modern = REGISTRY.resolve("nginx")
    assert modern is not None
    assert (modern.entrypoint, modern.stop_signal) == (["/docker-entrypoint.sh"], "SIGQUIT")
    view = modern.rootfs().view()
    assert view.read_text("/usr/share/nginx/html/index.html").startswith("<!DOCTYPE html>")
    assert "nginx:x:101:101" in view.read_text("/etc/passwd")
    assert view.exists("/bin/sh") and view.exists("/etc/nginx/conf.d/default.conf")
    assert REGISTRY.resolve(f"nginx@{a.digest}") is a
    assert REGISTRY.resolve("gcr.io/distroless/static:nonroot").user_ids() == (65532, None, "")
    assert REGISTRY.resolve("busybox:1.28").user_ids() == (0, 0, "")


@pytest.mark.parametrize(
    "ref, error",
    [
        (
            "nginx:nosuchtag",
            'rpc error: code = NotFound desc = failed to pull and unpack image "docker.io/library/nginx:nosuchtag": '
            'failed to resolve reference "docker.io/library/nginx:nosuchtag": docker.io/library/nginx:nosuchtag: not found',
        ),
        (
            "nosuch:1.0",
            'rpc error: code = Unknown desc = failed to pull and unpack image "docker.io/library/nosuch:1.0": '
            'failed to resolve reference "docker.io/library/nosuch:1.0": pull access denied, repository does not '
            "exist or may require authorization: server message: insufficient_scope: authorization failed",
        ),
        (
            "registry.k8s.io/nosuch:1.0",
            'rpc error: code = NotFound desc = failed to pull and unpack image "registry.k8s.io/nosuch:1.0": '
            'failed to resolve reference "registry.k8s.io/nosuch:1.0": registry.k8s.io/nosuch:1.0: not found',
        ),
        (
            "my-registry.internal/team/app:2.0",
            'rpc error: code = Unknown desc = failed to pull and unpack image "my-registry.internal/team/app:2.0": '
            'failed to resolve reference "my-registry.internal/team/app:2.0": failed to do request: Head '
            '"https://my-registry.internal/v2/team/app/manifests/2.0": dial tcp: lookup my-registry.internal: no such host',
        ),
    ],
    ids=["missing-tag", "missing-repo", "k8s-registry", "unknown-host"],
)
def test_pulling_an_unknown_image_fails_with_containerds_words(clock, rt, ref, error):
    done = []
    rt.pull_image(ref, lambda *a: done.append((clock.elapsed(), *a)))
    clock.advance(5)
    (at, image_ref, err, seconds, size), = done
    assert (at, image_ref, seconds, size) == (1.0, None, 1.0, 0)
    assert str(err) == error
    assert not rt.image_present(ref)


def test_a_pull_takes_virtual_time_proportional_to_the_image_size(clock, rt):
    done = []
    rt.pull_image("nginx:1.14.2", lambda *a: done.append((round(clock.elapsed(), 3), *a)))
    rt.pull_image("busybox:1.36", lambda *a: done.append((round(clock.elapsed(), 3), *a)))
    clock.advance(10)
    nginx = REGISTRY.resolve("nginx:1.14.2")
    assert done == [
        (1.043, "docker.io/library/busybox@" + REGISTRY.resolve("busybox:1.36").digest, None, 1.043, 2_155_000),
        (1.894, nginx.image_ref, None, 1.894, 44_712_042),
    ]
    assert rt.image_present("docker.io/library/nginx:1.14.2") and not rt.image_present("nginx")
    again = []
    rt.pull_image("nginx:1.14.2", lambda *a: again.append(a[2]))
    clock.advance(5)
    assert again == [1.0]  # already there: only the manifest check


def test_nginx_serves_its_welcome_page_and_logs_each_request_in_combined_format(clock, rt):
    sb, cid = run(rt, "nginx:1.27")
    clock.advance(1)
    node = rt.network.node("node-1")
    ok = http_get(node, f"http://{sb.ips[0]}/", headers={"User-Agent": "kube-probe/1.32"})
    assert (ok.status, len(ok.body), ok.headers["Server"], ok.headers["Content-Type"]) == (200, 615, "nginx/1.27.3", "text/html")
    assert "<title>Welcome to nginx!</title>" in ok.text
    missing = http_get(node, f"http://{sb.ips[0]}/nope.html")
    assert missing.status == 404 and "<center><h1>404 Not Found</h1></center>" in missing.text
    stdout = [ln.text for ln in rt.logs(cid) if ln.stream == "stdout"]
    assert stdout[-2:] == [
        '172.18.0.2 - - [01/Jan/2025:00:00:01 +0000] "GET / HTTP/1.1" 200 615 "-" "kube-probe/1.32" "-"',
        '172.18.0.2 - - [01/Jan/2025:00:00:01 +0000] "GET /nope.html HTTP/1.1" 404 153 "-" "-" "-"',
    ]
    stderr = [ln.text for ln in rt.logs(cid) if ln.stream == "stderr"]
    assert stderr[:2] == [
        '2025/01/01 00:00:00 [notice] 1#1: using the "epoll" event method',
        "2025/01/01 00:00:00 [notice] 1#1: nginx/1.27.3",
    ]


def test_nginx_serves_a_file_another_container_writes_into_a_shared_volume(clock, rt):
    html = FileSystem(clock.now, name="html")
    rt.preload("nginx:1.14.2", "busybox")
    sb = rt.run_pod_sandbox(PodSandboxConfig(name="two", namespace="default", uid="u2", hostname="two"))
    web = rt.create_container(sb, ContainerConfig(name="nginx", image="nginx:1.14.2", mounts=[Mount("/usr/share/nginx/html", html)]))
    writer = rt.create_container(
        sb,
        ContainerConfig(
            name="writer", image="busybox",
            command=["sh", "-c", "echo Hello from the debian container > /pod-data/index.html; sleep 3600"],
            mounts=[Mount("/pod-data", html)],
        ),
    )
    rt.start_container(web)
    rt.start_container(writer)
    clock.advance(1)
    r = http_get(rt.network.node("node-1"), f"http://{sb.ips[0]}/")
    assert (r.status, r.text) == (200, "Hello from the debian container\n")
    assert rt.logs(web)[0].text.endswith('"GET / HTTP/1.1" 200 32 "-" "-" "-"')  # nginx 1.14: no start-up lines


@pytest.mark.parametrize("tag, exit_code, last", [("1.27", 0, "[notice] 1#1: exit"), ("1.14.2", 0, None)])
def test_nginx_stops_on_its_stop_signal_and_exits_0(clock, rt, tag, exit_code, last):
    sb, cid = run(rt, f"nginx:{tag}")
    clock.advance(1)
    rt.stop_container(cid, 30)
    clock.advance(1)
    st = rt.container_status(cid)
    assert (st.exit_code, st.reason, st.finished_at - st.started_at) == (exit_code, "Completed", 1.0)
    if last:
        assert rt.logs(cid)[-1].text.endswith(last)


def test_nginx_has_a_shell_for_exec(clock, rt):
    sb, cid = run(rt, "nginx:1.27")
    clock.advance(1)
    r = rt.exec_sync(cid, ["sh", "-c", "cat /usr/share/nginx/html/index.html | head -4 | tail -1; nginx -v"])
    assert (r.exit_code, r.stdout, r.stderr) == (0, "<title>Welcome to nginx!</title>\n", "nginx version: nginx/1.27.3\n")


def test_agnhost_liveness_answers_200_for_10_seconds_then_500(clock, rt):
    sb, cid = run(rt, "registry.k8s.io/e2e-test-images/agnhost:2.40", args=["liveness"])
    node = rt.network.node("node-1")
    url = f"http://{sb.ips[0]}:8080/healthz"
    seen = []
    for _ in range(12):
        clock.advance(1)
        r = http_get(node, url)
        seen.append((clock.elapsed(), r.status, r.text))
    assert seen[8:11] == [(9.0, 200, "ok"), (10.0, 200, "ok"), (11.0, 500, "error: 11")]
    assert all(status == 200 for _, status, _ in seen[:10])
    rt.stop_container(cid, 30)
    clock.advance(1)
    st = rt.container_status(cid)
    assert (st.exit_code, st.reason) == (2, "Error")  # Go as PID 1 cannot die of SIGTERM: exit 2


def test_agnhost_netexec_and_serve_hostname(clock, rt):
    sb, cid = run(rt, "registry.k8s.io/e2e-test-images/agnhost:2.40", pod="netexec", args=["netexec", "--http-port=8080"])
    sb2, cid2 = run(rt, "registry.k8s.io/e2e-test-images/agnhost:2.40", pod="hostnames", name="h", args=["serve-hostname"])
    clock.advance(1)
    node = rt.network.node("node-1")
    base = f"http://{sb.ips[0]}:8080"
    assert http_get(node, f"{base}/hostname").text == "netexec"
    assert http_get(node, f"{base}/echo?msg=hello").text == "hello"
    assert http_get(node, f"{base}/shell?cmd=echo%20hi").json() == {"output": "hi\n"}
    assert http_get(node, f"http://{sb2.ips[0]}:9376/").text == "hostnames"
    assert rt.logs(cid)[0].text == "2025/01/01 00:00:00 Started HTTP server on port 8080"
    http_get(node, f"{base}/exit?code=3")
    clock.advance(1)
    assert rt.container_status(cid).exit_code == 3


def test_agnhost_pause_exits_0_on_sigterm(clock, rt):
    sb, cid = run(rt, "registry.k8s.io/e2e-test-images/agnhost:2.40", args=["pause"])
    clock.advance(5)
    rt.stop_container(cid, 30)
    clock.advance(1)
    assert rt.container_status(cid).exit_code == 0
    assert [ln.text for ln in rt.logs(cid)] == ["Paused", "Shutting down after receiving signal: terminated.", "Exiting"]


def test_stress_over_its_memory_limit_is_oomkilled_with_137(clock, rt):
    sb, cid = run(
        rt, "polinux/stress", command=["stress"], args=["--vm", "1", "--vm-bytes", "150M", "--vm-hang", "1"],
        memory_limit=100 * 1024 * 1024,
    )
    clock.advance(5)
    st = rt.container_status(cid)
    assert (st.exit_code, st.reason, st.signal) == (137, "OOMKilled", 9)
    assert st.finished_at - st.started_at == 0.0
    assert rt.logs(cid)[0].text == "stress: info: [1] dispatching hogs: 0 cpu, 0 io, 1 vm, 0 hdd"


def test_stress_within_its_limit_keeps_running_and_a_timeout_ends_it(clock, rt):
    sb, cid = run(
        rt, "polinux/stress", command=["stress"], args=["--vm", "1", "--vm-bytes", "150M", "--vm-hang", "1", "--timeout", "30s"],
        memory_limit=200 * 1024 * 1024,
    )
    clock.advance(20)
    c = rt.container(cid)
    assert c.running and c.memory.peak == 150 * 1024 * 1024
    clock.advance(20)
    st = rt.container_status(cid)
    assert (st.exit_code, st.reason) == (0, "Completed")
    assert rt.logs(cid)[-1].text == "stress: info: [1] successful run completed in 30s"


def test_pause_sleeps_until_sigterm_and_says_so(clock, rt):
    sb, cid = run(rt, "registry.k8s.io/pause:3.10")
    clock.advance(100)
    assert rt.container_status(cid).state == "running"
    rt.stop_container(cid, 30)
    clock.advance(1)
    st = rt.container_status(cid)
    assert (st.exit_code, [ln.text for ln in rt.logs(cid)]) == (0, ["Shutting down, got signal: Terminated"])
