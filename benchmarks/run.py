"""podlab's benchmarks: one command, one table.

    python benchmarks/run.py            # every benchmark, median of 3 runs
    python benchmarks/run.py --quick    # smaller sizes, 1 run (a smoke test)
    python benchmarks/run.py -k api     # only benchmarks whose name contains "api"

Each figure is printed beside a *reference*: the cost of the Python primitive underneath, measured
in the same run, so the table shows how close the sandbox is to what Python allows on this machine.
Figures are never asserted in tests; they are measured here and published in the docs.
"""

from __future__ import annotations

import argparse
import gc
import os
import platform
import resource
import statistics
import sys
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from sandbox import Cluster  # noqa: E402
from sandbox.clock import Clock  # noqa: E402


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
    args = ap.parse_args(argv)
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
        for _ in range(runs):
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
