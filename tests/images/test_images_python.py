"""``@image``: Python functions as container images, and the world ``c`` they receive."""

from __future__ import annotations

import random
import threading

import pytest

from sandbox.clock import Clock
from sandbox.images.image import image
from sandbox.images.registry import Registry
from sandbox.network import Network
from sandbox.network.http import http_get
from sandbox.runtime.cri import ContainerConfig, PodSandboxConfig
from sandbox.runtime.runtime import ThreadRuntime


@pytest.fixture
def clock():
    threads_before = threading.active_count()
    c = Clock(watchdog=1.0)
    yield c
    assert c.close() == []
    assert threading.active_count() == threads_before


@pytest.fixture
def registry():
    return Registry(builtins=True)


@pytest.fixture
def rt(clock, registry):
    runtime = ThreadRuntime(clock, Network(clock), random.Random(0), "node-1", registry=registry)
    yield runtime
    runtime.close()


def run(rt, ref, **kw):
    rt.preload(ref)
    sb = rt.run_pod_sandbox(PodSandboxConfig(name="pod", namespace="default", uid="uid-1", hostname="pod"))
    cid = rt.create_container(sb, ContainerConfig(name="app", image=ref, **kw))
    rt.start_container(cid)
    return sb, cid


def texts(rt, cid, stream=None):
    return [ln.text for ln in rt.logs(cid) if stream is None or ln.stream == stream]


def test_a_function_image_gets_env_args_and_hostname_and_returns_its_exit_code(clock, rt, registry):
    @image("example.com/greeter:1.0", env={"NAME": "world"}, cmd=["--default"], registry=registry)
    def greeter(c):
        c.print(f"hello {c.env['NAME']} from {c.hostname} ({c.pod_ip})")
        c.print("argv", c.argv, "args", c.args)
        c.print("to stderr", file=c.stderr)
        return 4

    assert greeter.image.entrypoint == ["/usr/local/bin/greeter"]
    sb, cid = run(rt, "example.com/greeter:1.0", env=[("NAME", "pods")], args=["--loud"])
    clock.advance(1)
    assert texts(rt, cid) == [
        f"hello pods from pod ({sb.ips[0]})",
        "argv ['/usr/local/bin/greeter', '--loud'] args ['--loud']",
        "to stderr",
    ]
    st = rt.container_status(cid)
    assert (st.exit_code, st.reason) == (4, "Error")


def test_an_exception_exits_1_with_the_traceback_in_the_logs(clock, rt, registry):
    @image("example.com/crasher:1.0", registry=registry)
    def crasher(c):
        c.print("starting")
        return {}["missing"]

    sb, cid = run(rt, "example.com/crasher:1.0")
    clock.advance(1)
    st = rt.container_status(cid)
    assert (st.exit_code, st.reason) == (1, "Error")
    err = texts(rt, cid, "stderr")
    assert err[0] == "Traceback (most recent call last):"
    assert err[1].endswith(", in crasher") and "test_images_python.py" in err[1]
    assert err[-1] == "KeyError: 'missing'"
    assert texts(rt, cid, "stdout") == ["starting"]


@pytest.mark.parametrize("result, code", [(None, 0), (0, 0), (7, 7), (True, 1), ("bye", 1)])
def test_the_return_value_is_the_exit_code_as_sys_exit_takes_it(clock, rt, registry, result, code):
    @image("example.com/returns:1.0", registry=registry)
    def returns(c):
        return result

    sb, cid = run(rt, "example.com/returns:1.0")
    clock.advance(1)
    assert rt.container_status(cid).exit_code == code


def test_sleep_returns_early_on_sigterm_and_terminating_is_set(clock, rt, registry):
    @image("example.com/graceful:1.0", registry=registry)
    def graceful(c):
        c.print("serving")
        while not c.terminating:
            if not c.sleep(3600):
                c.print(f"interrupted at {c.now() - c.proc.start_time:g}")
        c.print("draining")
        c.sleep(2)
        return 0

    sb, cid = run(rt, "example.com/graceful:1.0")
    clock.advance(10)
    stopped = []
    rt.stop_container(cid, 30, stopped.append)
    clock.advance(5)
    st = rt.container_status(cid)
    assert (st.exit_code, st.reason, st.finished_at - st.started_at) == (0, "Completed", 12.0)
    assert texts(rt, cid) == ["serving", "interrupted at 10", "draining"]
    assert stopped == [cid]


def test_a_function_that_ignores_sigterm_is_killed_at_the_end_of_the_grace_period(clock, rt, registry):
    @image("example.com/stubborn:1.0", registry=registry)
    def stubborn(c):
        c.on_signal("SIGTERM", "ignore")
        c.sleep(3600)

    sb, cid = run(rt, "example.com/stubborn:1.0")
    clock.advance(1)
    rt.stop_container(cid, 10)
    clock.advance(20)
    st = rt.container_status(cid)
    assert (st.exit_code, st.signal, st.finished_at - st.started_at) == (137, 9, 11.0)


def test_on_signal_handlers_run_in_the_program(clock, rt, registry):
    @image("example.com/handler:1.0", registry=registry)
    def handler(c):
        got = []
        c.on_signal("SIGUSR1", lambda sig: got.append(sig))
        while not got:
            c.sleep(60)
        c.print("got", got)

    sb, cid = run(rt, "example.com/handler:1.0")
    clock.advance(5)
    rt.kill_container(cid, 10)
    clock.advance(1)
    assert texts(rt, cid) == ["got [10]"]


def test_allocate_counts_against_the_memory_limit(clock, rt, registry):
    @image("example.com/hog:1.0", registry=registry)
    def hog(c):
        for i in range(10):
            c.allocate("30M")
            c.print(f"{(i + 1) * 30}M")
            c.sleep(1)

    sb, cid = run(rt, "example.com/hog:1.0", memory_limit=100 * 1024 * 1024)
    clock.advance(10)
    st = rt.container_status(cid)
    assert (st.exit_code, st.reason) == (137, "OOMKilled")
    assert texts(rt, cid) == ["30M", "60M", "90M"]


def test_the_world_filesystem_network_and_run(clock, rt, registry):
    @image("example.com/web:1.0", files={"/app/greeting.txt": "hi there"}, registry=registry)
    def web(c):
        greeting = c.fs.read_text("/app/greeting.txt")
        c.fs.write_text("/tmp/started", "yes")
        listing = c.run(["ls", "/app"], capture=True)
        c.print("ls:", listing.stdout.strip(), listing.exit_code)
        from sandbox.network.http import HTTPServer

        server = HTTPServer(c.net, 8080, lambda req: greeting)
        c.print(f"listening on {c.pod_ip}:8080")
        server.serve_forever(max_requests=1)

    sb, cid = run(rt, "example.com/web:1.0")
    clock.advance(1)
    r = http_get(rt.network.node("node-1"), f"http://{sb.ips[0]}:8080/")
    clock.advance(1)
    assert r.text == "hi there"
    assert texts(rt, cid) == ["ls: greeting.txt 0", f"listening on {sb.ips[0]}:8080"]
    assert rt.container_status(cid).exit_code == 0


def test_exec_probes_work_in_a_python_image_because_it_has_a_shell(clock, rt, registry):
    @image("example.com/worker:1.0", registry=registry)
    def worker(c):
        c.fs.write_text("/tmp/healthy", "ok")
        c.sleep(3600)

    sb, cid = run(rt, "example.com/worker:1.0")
    clock.advance(1)
    r = rt.exec_sync(cid, ["cat", "/tmp/healthy"])
    assert (r.exit_code, r.stdout) == (0, "ok")


def test_a_fresh_container_of_the_same_image_does_not_see_the_old_ones_files(clock, rt, registry):
    @image("example.com/counter:1.0", registry=registry)
    def counter(c):
        n = int(c.fs.read_text("/tmp/n")) if c.fs.exists("/tmp/n") else 0
        c.fs.write_text("/tmp/n", str(n + 1))
        c.print(f"run {n + 1}")

    sb, first = run(rt, "example.com/counter:1.0")
    second = rt.create_container(sb, ContainerConfig(name="again", image="example.com/counter:1.0", attempt=1))
    rt.start_container(second)
    clock.advance(1)
    assert texts(rt, first) == ["run 1"] and texts(rt, second) == ["run 1"]
