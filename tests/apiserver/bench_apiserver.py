"""Throughput of the sandbox API server (run: ``python -m tests.apiserver.bench_apiserver``).

Prints operations per second for create, get, list, patch, watch delivery and delete of 10,000
pods. Not collected by pytest (the file name does not start with ``test_``).
"""

from __future__ import annotations

import random
import time

from sandbox.apiserver import APIServer

from .conftest import FakeClock, pod


def main(n: int = 10_000) -> None:
    s = APIServer(FakeClock(), random.Random(0))
    w = s.watch("pods")
    rows: list[tuple[str, float, int]] = []

    def timed(label: str, count: int, fn) -> None:  # noqa: ANN001
        t = time.perf_counter()
        fn()
        rows.append((label, time.perf_counter() - t, count))

    timed("create", n, lambda: [s.create(pod(f"p{i}", labels={"shard": str(i % 10)})) for i in range(n)])
    timed("get", n, lambda: [s.get("pods", f"p{i}") for i in range(n)])
    timed("list (all 10k)", 1, lambda: s.list("pods"))
    timed("list (selector, 1k hits)", 1, lambda: s.list("pods", label_selector="shard=3"))
    timed("patch (labels)", n, lambda: [s.patch("pods", f"p{i}", {"metadata": {"labels": {"a": "b"}}}) for i in range(n)])
    timed("watch delivery", 2 * n, lambda: [e.object for e in w.drain()])
    timed("delete", n, lambda: [s.delete("pods", f"p{i}") for i in range(n)])
    print(f"{'operation':28} {'ops/s':>10} {'total':>9}")
    for label, dt, count in rows:
        print(f"{label:28} {count / dt:>10,.0f} {dt * 1000:>7.0f}ms")


if __name__ == "__main__":
    main()
