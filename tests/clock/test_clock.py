"""The virtual clock: timers, managed threads, determinism, deadlocks, runaways and kills."""

from __future__ import annotations

import threading

import pytest

from sandbox.clock import (
    EPOCH,
    Clock,
    ClockError,
    Deadlock,
    Event,
    Killed,
    Queue,
    QueueEmpty,
    WaitQueue,
)


@pytest.fixture
def clock():
    c = Clock(watchdog=0.2)
    yield c
    assert c.close() == []


def test_time_starts_at_the_epoch_and_advances_exactly(clock):
    assert clock.now() == EPOCH
    clock.advance(300)
    assert clock.elapsed() == 300
    assert clock.datetime().isoformat() == "2025-01-01T00:05:00+00:00"


def test_timers_fire_at_their_deadline_in_order_and_equal_deadlines_in_schedule_order(clock):
    fired = []
    clock.call_later(5, lambda: fired.append(("b", clock.elapsed())))
    clock.call_later(1, lambda: fired.append(("a", clock.elapsed())))
    clock.call_later(5, lambda: fired.append(("c", clock.elapsed())))
    t = clock.call_later(3, lambda: fired.append(("cancelled", clock.elapsed())))
    t.cancel()
    clock.advance(4)
    assert fired == [("a", 1.0)]
    clock.advance(10)
    assert fired == [("a", 1.0), ("b", 5.0), ("c", 5.0)]
    assert clock.elapsed() == 14


def test_a_managed_thread_sleeps_in_virtual_time(clock):
    seen = []

    def worker():
        for _ in range(3):
            clock.sleep(10)
            seen.append(clock.elapsed())
        return "done"

    task = clock.spawn(worker, name="worker")
    clock.advance(25)
    assert seen == [10.0, 20.0]
    assert task.join(timeout=100)
    assert seen == [10.0, 20.0, 30.0]
    assert task.result == "done"
    assert clock.elapsed() == 30  # join stops as soon as the thread ends


def _interleaving_trace() -> list[tuple[float, str]]:
    clock = Clock(watchdog=1.0)
    trace: list[tuple[float, str]] = []
    q = Queue(clock, "mailbox")

    def producer(name: str, period: float):
        for i in range(5):
            clock.sleep(period)
            q.put(f"{name}{i}")
            trace.append((clock.elapsed(), f"put {name}{i}"))

    def consumer():
        for _ in range(10):
            item = q.get()
            trace.append((clock.elapsed(), f"got {item}"))

    clock.spawn(producer, "a", 1.5, name="a")
    clock.spawn(producer, "b", 1.0, name="b")
    clock.spawn(consumer, name="consumer")
    clock.advance(20)
    assert clock.close() == []
    return trace


def test_the_same_scenario_gives_the_same_trace_every_time():
    first = _interleaving_trace()
    assert len(first) == 20
    for _ in range(5):
        assert _interleaving_trace() == first


def test_event_wakes_waiters_and_outside_code_can_wait_on_it(clock):
    ev = Event(clock, "go")
    woke = []

    def waiter(n):
        assert ev.wait(timeout=100)
        woke.append((n, clock.elapsed()))

    clock.spawn(waiter, 1, name="w1")
    clock.spawn(waiter, 2, name="w2")
    clock.call_later(7, ev.set)
    assert ev.wait(timeout=60)  # the test thread drives the clock while it waits
    clock.run_all()
    assert woke == [(1, 7.0), (2, 7.0)]


def test_queue_get_times_out_in_virtual_time(clock):
    q = Queue(clock)
    result = []

    def getter():
        try:
            q.get(timeout=3)
        except QueueEmpty:
            result.append(clock.elapsed())

    clock.spawn(getter, name="getter")
    clock.advance(10)
    assert result == [3.0]


def test_run_until_returns_false_on_timeout_and_raises_deadlock_when_nothing_can_happen(clock):
    assert clock.run_until(lambda: False, timeout=42) is False
    assert clock.elapsed() == 42
    wq = WaitQueue(clock, "a message that never comes")
    clock.spawn(lambda: wq.wait(), name="stuck")
    with pytest.raises(Deadlock) as err:
        clock.run_until(lambda: False)
    assert "stuck: parked, waiting on a message that never comes" in str(err.value)


def test_kill_reaches_a_parked_thread_even_through_except_exception(clock):
    log = []

    def stubborn():
        while True:
            try:
                clock.sleep(3600)
            except Exception:  # noqa: BLE001 - learner code often does this
                log.append("swallowed")
            finally:
                log.append("finally")

    task = clock.spawn(stubborn, name="stubborn")
    clock.advance(1)
    task.kill("liveness probe failed")
    assert task.join(timeout=1)
    assert isinstance(task.exception, Killed)
    assert task.exception.reason == "liveness probe failed"
    assert log == ["finally"]


def test_a_thread_that_spins_is_detached_reported_and_can_still_be_killed():
    clock = Clock(watchdog=0.05)
    ticks = []
    stop = {"spin": True}

    def spinner():
        n = 0
        while stop["spin"]:  # never calls the clock
            n += 1
        return n

    def ticker():
        for _ in range(3):
            clock.sleep(1)
            ticks.append(clock.elapsed())

    spin = clock.spawn(spinner, name="spinner")
    clock.spawn(ticker, name="ticker")
    clock.advance(5)
    assert ticks == [1.0, 2.0, 3.0]  # the rest of the cluster went on
    assert [r.task for r in clock.runaways] == ["spinner"]
    assert "while stop" in clock.runaways[0].stack
    spin.kill("deleted")
    spin.thread.join(5)
    assert not spin.thread.is_alive()
    assert isinstance(spin.exception, Killed)
    assert clock.close() == []


def test_callbacks_may_not_block(clock):
    errors = []

    def bad_callback():
        try:
            clock.sleep(1)
        except ClockError as exc:
            errors.append(str(exc))

    clock.call_soon(bad_callback)
    clock.advance(1)
    assert errors == ["sleep() cannot be called from a clock callback: callbacks must not block"]


def test_closing_leaves_no_thread_behind():
    before = threading.active_count()
    clock = Clock(watchdog=0.05)
    wq = WaitQueue(clock)
    for i in range(20):
        clock.spawn(lambda: wq.wait(), name=f"waiter-{i}")
    clock.spawn(lambda: clock.sleep(10**9), name="sleeper")
    clock.advance(1)
    assert len(clock.tasks()) == 21
    assert clock.close() == []
    assert threading.active_count() == before


def test_a_crashing_thread_keeps_its_exception_and_done_callbacks_run(clock):
    finished = []

    def crash():
        clock.sleep(2)
        raise ValueError("boom")

    task = clock.spawn(crash, name="crash")
    task.add_done_callback(lambda t: finished.append((t.name, clock.elapsed(), repr(t.exception))))
    clock.advance(5)
    assert finished == [("crash", 2.0, "ValueError('boom')")]


def test_real_mode_runs_on_wall_time_at_a_rate():
    clock = Clock("real", rate=1000)
    seen = []
    clock.spawn(lambda: (clock.sleep(5), seen.append(round(clock.elapsed()))), name="sleeper")
    assert clock.run_until(lambda: bool(seen), timeout=60)
    assert seen and seen[0] >= 5
    assert clock.close() == []
