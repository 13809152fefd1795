"""Processes: signals (with the PID 1 rule), children, pipes and the process table."""

from __future__ import annotations

import math

import pytest

from sandbox.clock import Clock
from sandbox.runtime import (
    FileSystem,
    MountNamespace,
    OutputBuffer,
    Pipe,
    Process,
    ProcessTable,
    Signal,
    parse_signal,
    signal_name,
)


@pytest.fixture
def clock():  # noqa: ANN201
    c = Clock()
    yield c
    c.close()


def make(clock: Clock, table: ProcessTable | None = None, argv: list[str] | None = None) -> Process:
    return Process(table if table is not None else ProcessTable(clock), argv or ["prog"], fs=MountNamespace(FileSystem(clock.now)))


@pytest.mark.parametrize(
    ("spec", "num"), [("TERM", 15), ("SIGKILL", 9), ("int", 2), ("1", 1), ("QUIT", 3), ("USR1", 10),
                      ("USR2", 12), ("CHLD", 17), ("STOP", 19), ("CONT", 18)]
)
def test_signal_names(spec: str, num: int) -> None:
    assert parse_signal(spec) == num
    assert signal_name(num) == spec.upper().removeprefix("SIG") if not spec.isdigit() else True


def test_sleep_advances_virtual_time(clock: Clock) -> None:
    p = make(clock)
    t0 = clock.now()
    assert p.run(lambda proc: 0 if proc.sleep(30) else 1) == 0
    assert clock.now() - t0 == 30


def test_pid1_ignores_term_without_handler_but_not_kill(clock: Clock) -> None:
    table = ProcessTable(clock)
    p = make(clock, table)
    assert p.pid == 1
    clock.call_later(5, table.kill, 1, Signal.SIGTERM)
    clock.call_later(10, table.kill, 1, Signal.SIGKILL)
    assert p.run(lambda proc: proc.sleep(math.inf)) == 137
    assert (p.term_signal, clock.elapsed()) == (9, 10)


def test_non_init_dies_of_term_with_143(clock: Clock) -> None:
    table = ProcessTable(clock)
    make(clock, table)  # pid 1
    p = make(clock, table)
    clock.call_later(5, table.kill, p.pid, Signal.SIGTERM)
    assert p.run(lambda proc: proc.sleep(100)) == 143


def test_caught_signal_interrupts_sleep(clock: Clock) -> None:
    table = ProcessTable(clock)
    p = make(clock, table)
    got: list[object] = []

    def prog(proc: Process) -> int:
        proc.set_handler(Signal.SIGTERM, "catch")
        got.append(proc.sleep(100))
        got.append(proc.take_signals())
        return 0

    clock.call_later(3, table.kill, 1, Signal.SIGTERM)
    assert p.run(prog) == 0
    assert got == [False, [15]] and clock.elapsed() == 3


def test_background_child_and_pid1_exit_kills_the_namespace(clock: Clock) -> None:
    table = ProcessTable(clock)
    p = make(clock, table)

    def prog(proc: Process) -> int:
        child = proc.child(["sleep", "100"])
        proc.spawn(child, lambda c: c.sleep(100))
        proc.sleep(1)
        assert [x.pid for x in table.list()] == [1, 2]
        return 0

    assert p.run(prog) == 0
    clock.run_all()
    assert len(table) == 0


def test_kill_no_such_process(clock: Clock) -> None:
    with pytest.raises(ProcessLookupError, match="No such process"):
        ProcessTable(clock).kill(42, 15)


def test_pipe_between_processes(clock: Clock) -> None:
    table = ProcessTable(clock)
    pipe = Pipe(clock, capacity=4)
    out = OutputBuffer()
    make(clock, table, ["/pause"])  # PID 1 (were the producer PID 1, its exit would kill the consumer)
    producer = make(clock, table)
    w = pipe.writer()

    def produce(proc: Process) -> int:
        for i in range(5):
            w.write(f"line{i}\n")
        w.close()
        return 0

    producer.start(produce)
    consumer = make(clock, table)
    r = pipe.reader()

    def consume(proc: Process) -> int:
        while line := r.readline():
            out.write(line.upper())
        return 0

    assert consumer.run(consume) == 0
    assert out.getvalue() == "".join(f"LINE{i}\n" for i in range(5))
