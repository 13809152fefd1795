"""podlab's benchmarks: one command, one table.

    python benchmarks/run.py            # every benchmark, median of 3 runs
    python benchmarks/run.py --quick    # smaller sizes, 1 run (a smoke test)
    python benchmarks/run.py -k api     # only benchmarks whose name contains "api"
    python benchmarks/run.py --suite    # also the whole project test suite (slow)
    python benchmarks/run.py --docs     # also the docs build (mkdocs)

Each figure is printed beside a *reference*: the cost of the Python primitive underneath, measured
in the same run, so the table shows how close the sandbox is to what Python allows on this machine.
Figures are never asserted in tests; they are measured here and published in the docs.

Sizes that need a fresh process (pods to Running, with that run's peak RSS) run this script again
as a child (``--child pods-to-running N NODES``) and read one JSON line from it.
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import platform
import random
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from sandbox import Cluster  # noqa: E402
from sandbox.apiserver import APIServer  # noqa: E402
from sandbox.clock import Clock  # noqa: E402
from sandbox.scheduler import Scheduler  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
#: Set by ``--suite`` / ``--docs``: the optional, slow benchmarks.
OPTIONS: dict[str, bool] = {"suite": False, "docs": False}


@dataclass
class Figure:
    name: str
    value: float
    unit: str
    reference: str = ""


BENCHMARKS: list[tuple[str, Callable[[bool], list[Figure]]]] = []


def benchmark(name: str) -> Callable[[Callable[[bool], list[Figure]]], Callable[[bool], list[Figure]]]:
    def register(fn: Callable[[bool], list[Figure]]) -> Callable[[bool], list[Figure]]:
        BENCHMARKS.append((name, fn))
        return fn

    return register


def _pod(name: str) -> dict:
    return {
        "apiVersion": "v1",
        "kind": "Pod",
        "metadata": {"name": name, "labels": {"app": "bench"}},
        "spec": {"containers": [{"name": "app", "image": "nginx:1.27", "ports": [{"containerPort": 80}]}]},
    }


# ---------------------------------------------------------------------- references


def ref_thread_start_join() -> float:
    """Microseconds to start and join one thread."""
    n = 300
    t0 = time.perf_counter()
    for _ in range(n):
        th = threading.Thread(target=lambda: None)
        th.start()
        th.join()
    return (time.perf_counter() - t0) / n * 1e6


def ref_event_round_trip() -> float:
    """Microseconds for a ping-pong between two threads over threading.Event."""
    n = 2000
    ping, pong = threading.Event(), threading.Event()

    def echo() -> None:
        for _ in range(n):
            ping.wait()
            ping.clear()
            pong.set()

    th = threading.Thread(target=echo)
    th.start()
    t0 = time.perf_counter()
    for _ in range(n):
        ping.set()
        pong.wait()
        pong.clear()
    elapsed = time.perf_counter() - t0
    th.join()
    return elapsed / n * 1e6


def ref_dict_copy() -> float:
    """Microseconds to deep-copy a pod's JSON with the json module (a floor for a store write)."""
    import json

    d = _pod("x")
    n = 5000
    t0 = time.perf_counter()
    for _ in range(n):
        json.loads(json.dumps(d))
    return (time.perf_counter() - t0) / n * 1e6


_REFS: dict[str, float] = {}


def refs() -> dict[str, float]:
    if not _REFS:
        _REFS["thread"] = ref_thread_start_join()
        _REFS["event"] = ref_event_round_trip()
        _REFS["copy"] = ref_dict_copy()
    return _REFS


# ---------------------------------------------------------------------- benchmarks


@benchmark("cluster start/stop")
def bench_cluster_start(quick: bool) -> list[Figure]:
    n = 5 if quick else 20
    t0 = time.perf_counter()
    for i in range(n):
        Cluster(seed=i).close()
    ms = (time.perf_counter() - t0) / n * 1e3
    return [Figure("Cluster() start + close", ms, "ms", f"thread start+join {refs()['thread']:.0f} us")]


@benchmark("api server")
def bench_api(quick: bool) -> list[Figure]:
    n = 1000 if quick else 10_000
    figures = []
    with Cluster(seed=0) as c:
        api = c.api
        pods = [_pod(f"pod-{i}") for i in range(n)]
        t0 = time.perf_counter()
        for p in pods:
            api.create(p)
        create = n / (time.perf_counter() - t0)
        t0 = time.perf_counter()
        for i in range(n):
            api.get("pods", f"pod-{i}")
        get = n / (time.perf_counter() - t0)
        t0 = time.perf_counter()
        items = api.list("pods", "default", label_selector="app=bench")
        list_s = time.perf_counter() - t0
        assert len(items) == n
        t0 = time.perf_counter()
        for i in range(n):
            api.delete("pods", f"pod-{i}")
        delete = n / (time.perf_counter() - t0)
    ref = f"json deep copy of a pod {refs()['copy']:.0f} us"
    figures.append(Figure(f"create pods ({n:,})", create, "ops/s", ref))
    figures.append(Figure(f"get pods ({n:,})", get, "ops/s", ref))
    figures.append(Figure(f"list {n:,} pods with a label selector", list_s * 1e3, "ms"))
    figures.append(Figure(f"delete pods ({n:,})", delete, "ops/s", ref))
    return figures


@benchmark("api watch latency")
def bench_watch(quick: bool) -> list[Figure]:
    n = 500 if quick else 5000
    with Cluster(seed=0) as c:
        api = c.api
        w = api.watch("configmaps", "default")
        lat = []
        for i in range(n):
            t0 = time.perf_counter()
            api.create({"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": f"cm-{i}"}})
            ev = w.get(timeout=0)
            lat.append(time.perf_counter() - t0)
            assert ev is not None and ev.type == "ADDED"
        # through the clock, as in-sandbox consumers (kubelet, controllers) receive them
        got = []
        api.watch("secrets", "default", handler=lambda ev: got.append(time.perf_counter()))
        sent = []
        for i in range(n):
            sent.append(time.perf_counter())
            api.create({"apiVersion": "v1", "kind": "Secret", "metadata": {"name": f"s-{i}"}})
            c.clock.run_all()
        handler_lat = [g - s for g, s in zip(got, sent, strict=True)]
    lat.sort()
    handler_lat.sort()
    return [
        Figure("watch: create -> event queued (p50)", lat[len(lat) // 2] * 1e6, "us"),
        Figure("watch: create -> event queued (p99)", lat[int(len(lat) * 0.99)] * 1e6, "us"),
        Figure("watch: create -> handler ran via clock (p50)", handler_lat[len(handler_lat) // 2] * 1e6, "us",
               f"Event round trip {refs()['event']:.0f} us"),
    ]


@benchmark("clock")
def bench_clock(quick: bool) -> list[Figure]:
    n = 2000 if quick else 20_000
    clock = Clock()

    def sleeper() -> None:
        for _ in range(n):
            clock.sleep(1)

    clock.spawn(sleeper, name="sleeper")
    t0 = time.perf_counter()
    clock.advance(n + 1)
    wall = time.perf_counter() - t0
    clock.close()
    return [
        Figure("clock: managed-thread wake-ups", n / wall, "per s", f"Event round trip {refs()['event']:.0f} us"),
        Figure("clock: virtual seconds per wall second (1 sleeper)", n / wall, "x"),
    ]


def _pct(values: list[float], p: float) -> float:
    s = sorted(values)
    return s[min(len(s) - 1, int(len(s) * p))]


@benchmark("pod apply to Ready")
def bench_apply_ready(quick: bool) -> list[Figure]:
    n = 50 if quick else 300
    lat = []
    with Cluster(nodes=3, seed=0) as c:
        for i in range(n):
            t0 = time.perf_counter()
            c.apply(_pod(f"web-{i}"))
            c.wait_for(f"pod/web-{i}", "Ready", timeout=120)
            lat.append(time.perf_counter() - t0)
    ref = f"thread start+join {refs()['thread']:.0f} us"
    return [
        Figure(f"pod apply -> Ready, wall (p50 of {n})", _pct(lat, 0.5) * 1e3, "ms", ref),
        Figure(f"pod apply -> Ready, wall (p99 of {n})", _pct(lat, 0.99) * 1e3, "ms", ref),
    ]


def child_pods_to_running(pods: int, nodes: int) -> dict[str, float]:
    """In a fresh process: ``pods`` nginx pods to Running on ``nodes`` nodes; wall s and peak RSS."""
    t0 = time.perf_counter()
    c = Cluster(nodes=nodes, seed=0)
    started = time.perf_counter()
    w = c.api.watch("pods", "default")
    running: set[str] = set()

    def all_running() -> bool:  # incremental: run_until checks it after every step
        for ev in w.drain():
            raw = ev.raw()
            name = raw["metadata"]["name"]
            if ev.type != "DELETED" and (raw.get("status") or {}).get("phase") == "Running":
                running.add(name)
            else:
                running.discard(name)
        return len(running) == pods

    t1 = time.perf_counter()
    for i in range(pods):
        c.api.create(_pod(f"p-{i}"))
    ok = c.clock.run_until(all_running, 3600)
    wall = time.perf_counter() - t1
    virtual = c.elapsed
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    t2 = time.perf_counter()
    c.close()
    return {"ok": float(ok), "wall": wall, "virtual": virtual, "rss_mib": rss, "start": started - t0,
            "close": time.perf_counter() - t2}


def _run_child(*args: str) -> dict[str, float]:
    out = subprocess.run([sys.executable, str(Path(__file__).resolve()), "--child", *args],
                         capture_output=True, text=True, check=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


@benchmark("pods to Running")
def bench_pods_to_running(quick: bool) -> list[Figure]:
    sizes = [(100, 100), (300, 100)] if quick else [(1000, 100), (10_000, 100)]
    figures = []
    for pods, nodes in sizes:
        r = _run_child("pods-to-running", str(pods), str(nodes))
        if not r["ok"]:
            raise RuntimeError(f"{pods} pods did not all reach Running")
        ref = f"{pods:,} x thread start+join {pods * refs()['thread'] / 1e6:.2f} s"
        figures.append(Figure(f"{pods:,} pods to Running on {nodes} nodes, wall", r["wall"], "s", ref))
        figures.append(Figure(f"{pods:,} pods to Running on {nodes} nodes, peak RSS", r["rss_mib"], "MiB",
                              f"{r['rss_mib'] * 1024 / pods:.0f} KiB per pod (whole process)"))
    return figures


@benchmark("scheduler throughput")
def bench_scheduler(quick: bool) -> list[Figure]:
    pods, nodes = (1000, 100) if quick else (5000, 500)
    clock = Clock()
    api = APIServer(clock, random.Random(0))
    sched = Scheduler(api, clock, random.Random(0))
    sched.start()
    alloc = {"cpu": "32", "memory": "128Gi", "pods": "110", "ephemeral-storage": "100Gi"}
    for i in range(nodes):
        api.create({"apiVersion": "v1", "kind": "Node",
                    "metadata": {"name": f"node-{i}", "labels": {"kubernetes.io/hostname": f"node-{i}"}},
                    "status": {"capacity": dict(alloc), "allocatable": dict(alloc)}})
    clock.run_all()
    w = api.watch("pods", "default", resource_version=api.resource_version)
    bound: set[str] = set()

    def all_bound() -> bool:
        for ev in w.drain():
            raw = ev.raw()
            if (raw.get("spec") or {}).get("nodeName"):
                bound.add(raw["metadata"]["name"])
        return len(bound) == pods

    for i in range(pods):
        api.create(_pod(f"p-{i}"))
    t0 = time.perf_counter()
    ok = clock.run_until(all_bound, 3600)
    wall = time.perf_counter() - t0
    sched.stop()
    clock.close()
    if not ok:
        raise RuntimeError("not every pod was bound")
    return [Figure(f"scheduling: {pods:,} pods on {nodes} nodes", pods / wall, "pods/s",
                   f"json deep copy of a pod {refs()['copy']:.0f} us")]


@benchmark("virtual time")
def bench_virtual_time(quick: bool) -> list[Figure]:
    figures = []
    with Cluster(nodes=1, seed=0) as c:
        c.apply({"apiVersion": "v1", "kind": "Pod", "metadata": {"name": "crash"},
                 "spec": {"containers": [{"name": "app", "image": "busybox:1.36",
                                          "command": ["sh", "-c", "echo bye; exit 1"]}]}})

        def restarts() -> int:
            st = c.get("pod", "crash").status.containerStatuses
            return st[0].restartCount if st else 0

        t0, v0 = time.perf_counter(), c.elapsed
        if not c.clock.run_until(lambda: restarts() >= 10, 7200):
            raise RuntimeError("the crash loop did not reach restartCount 10")
        wall, virtual = time.perf_counter() - t0, c.elapsed - v0
    figures.append(Figure(f"CrashLoopBackOff to restartCount 10 ({virtual:,.0f} virtual s)", virtual / wall,
                          "virtual s per wall s", f"wall {wall:.2f} s"))
    completions = 20 if quick else 100
    with Cluster(nodes=3, seed=0) as c:  # the Cluster runs the controller manager
        c.apply({"apiVersion": "batch/v1", "kind": "Job", "metadata": {"name": "batch"},
                 "spec": {"completions": completions, "parallelism": 10, "template": {"spec": {
                     "restartPolicy": "Never",
                     "containers": [{"name": "work", "image": "busybox:1.36", "command": ["sleep", "5"]}]}}}})
        t0, v0 = time.perf_counter(), c.elapsed
        job = c.wait_for("job/batch", "Complete", timeout=36_000)
        wall, virtual = time.perf_counter() - t0, c.elapsed - v0
        if (job.status.succeeded, job.status.failed or 0) != (completions, 0):
            raise RuntimeError(f"Job ended with {job.status.succeeded} succeeded, {job.status.failed} failed")
    figures.append(Figure(f"Job of {completions} completions, parallelism 10 ({virtual:,.0f} virtual s)",
                          virtual / wall, "virtual s per wall s", f"wall {wall:.2f} s"))
    return figures


@benchmark("node failure")
def bench_node_failure(quick: bool) -> list[Figure]:
    t0 = time.perf_counter()
    with Cluster(nodes=3, seed=1) as c:
        c.apply({"apiVersion": "apps/v1", "kind": "Deployment", "metadata": {"name": "web"},
                 "spec": {"replicas": 3, "selector": {"matchLabels": {"app": "web"}},
                          "template": {"metadata": {"labels": {"app": "web"}}, "spec": {"containers": [
                              {"name": "nginx", "image": "nginx:1.27"}]}}}})

        def running_nodes() -> list[str]:
            return sorted(p.spec.nodeName for p in c.list("pods", selector="app=web")
                          if p.status.phase == "Running" and not p.metadata.deletionTimestamp)

        if not c.clock.run_until(lambda: len(running_nodes()) == 3, 300):
            raise RuntimeError("the deployment did not start")
        victim = running_nodes()[0]
        t1, v1 = time.perf_counter(), c.elapsed
        c.node(victim).fail()
        if not c.clock.run_until(lambda: len(running_nodes()) == 3 and victim not in running_nodes(), 900):
            raise RuntimeError("no replacement")
        wall, virtual = time.perf_counter() - t1, c.elapsed - v1
    total = time.perf_counter() - t0
    return [Figure(f"node failure -> replacement Running ({virtual:.0f} virtual s)", wall, "s",
                   f"whole scenario {total:.2f} s")]


@benchmark("podlab check")
def bench_podlab_check(quick: bool) -> list[Figure]:
    exe = Path(sys.executable).parent / "podlab"
    if not exe.exists() or not (ROOT / "exercises" / "exercises.yaml").exists():
        return []
    with tempfile.TemporaryDirectory() as tmp:
        shutil.copytree(ROOT / "exercises", Path(tmp) / "exercises")
        env = dict(os.environ, PODLAB_ROOT=tmp, NO_COLOR="1")
        t0 = time.perf_counter()
        subprocess.run([str(exe), "check", "01"], cwd=tmp, env=env, capture_output=True, text=True)
        wall = time.perf_counter() - t0
        t0 = time.perf_counter()
        subprocess.run([sys.executable, "-c", "import sandbox"], cwd=tmp, capture_output=True)
        imp = time.perf_counter() - t0
    return [Figure("podlab check 01 (whole process, from the shell)", wall, "s",
                   f"python -c 'import sandbox' {imp:.2f} s")]


@benchmark("test suite")
def bench_suite(quick: bool) -> list[Figure]:
    if not OPTIONS["suite"]:
        return []
    t0 = time.perf_counter()
    proc = subprocess.run([sys.executable, "-m", "pytest", "-q", "-n", "2", "-p", "no:randomly"], cwd=ROOT,
                          capture_output=True, text=True)
    wall = time.perf_counter() - t0
    summary = (proc.stdout.strip().splitlines() or ["?"])[-1]
    return [Figure("project test suite (pytest -n 2)", wall, "s", summary)]


@benchmark("docs build")
def bench_docs(quick: bool) -> list[Figure]:
    if not OPTIONS["docs"] or not (ROOT / "mkdocs.yml").exists():
        return []
    with tempfile.TemporaryDirectory() as tmp:
        t0 = time.perf_counter()
        proc = subprocess.run([sys.executable, "-m", "mkdocs", "build", "-q", "-d", tmp], cwd=ROOT,
                              capture_output=True, text=True)
        wall = time.perf_counter() - t0
    return [Figure("docs build (mkdocs build)", wall, "s", "ok" if proc.returncode == 0 else "FAILED")]


# ---------------------------------------------------------------------- the table


def _fmt(v: float) -> str:
    if v >= 1000:
        return f"{v:,.0f}"
    if v >= 10:
        return f"{v:.1f}"
    return f"{v:.3g}"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--quick", action="store_true", help="small sizes, one run")
    ap.add_argument("--runs", type=int, default=None, help="runs per benchmark (median reported)")
    ap.add_argument("-k", default="", help="only benchmarks whose name contains this")
    ap.add_argument("--suite", action="store_true", help="also time the whole project test suite (slow)")
    ap.add_argument("--docs", action="store_true", help="also time the docs build")
    ap.add_argument("--child", nargs="+", help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args.child:
        if args.child[0] == "pods-to-running":
            print(json.dumps(child_pods_to_running(int(args.child[1]), int(args.child[2]))))
            return 0
        ap.error(f"unknown child benchmark {args.child[0]!r}")
    OPTIONS["suite"], OPTIONS["docs"] = args.suite, args.docs
    runs = args.runs or (1 if args.quick else 3)
    print(f"podlab benchmarks: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()} "
          f"({platform.python_implementation()}), {platform.system()} {platform.release()}")
    print(f"median of {runs} run(s){' (quick sizes)' if args.quick else ''}")
    print()
    rows: list[tuple[str, str, str]] = []
    for name, fn in BENCHMARKS:
        if args.k and args.k not in name:
            continue
        results: dict[str, list[Figure]] = {}
        # the slow, whole-process ones run once
        for _ in range(1 if name in ("pods to Running", "test suite", "docs build") else runs):
            gc.collect()
            for f in fn(args.quick):
                results.setdefault(f.name, []).append(f)
        for fname, figs in results.items():
            med = statistics.median(f.value for f in figs)
            rows.append((fname, f"{_fmt(med)} {figs[0].unit}", figs[0].reference))
    w1 = max(len(r[0]) for r in rows)
    w2 = max(len(r[1]) for r in rows)
    print(f"{'figure':<{w1}}  {'median':>{w2}}  reference (same run)")
    print(f"{'-' * w1}  {'-' * w2}  {'-' * 30}")
    for a, b, c in rows:
        print(f"{a:<{w1}}  {b:>{w2}}  {c}")
    print()
    print(f"peak RSS of this process: {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MiB")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
