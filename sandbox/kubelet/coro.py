"""Sequential kubelet code without threads: generator coroutines driven by the clock.

The real kubelet's ``SyncPod`` is straight-line Go that blocks on image pulls, hooks and container
stops. Here the kubelet is callbacks on the virtual clock and must never block, so a sync is a
generator that ``yield``\\ s an :class:`Op` (something that reports back later) and is resumed,
as a clock callback, with the op's result. ``yield All([...])`` waits for several sub-coroutines.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Generator
from typing import Any

__all__ = ["Op", "Wait", "Sleep", "All", "Coroutine", "Gen"]

Gen = Generator["Op", Any, Any]


class Op:
    """Something a coroutine waits for; :meth:`start` must eventually call ``resume(value)`` once."""

    def start(self, clock: Any, resume: Callable[[Any], None]) -> None:  # pragma: no cover - abstract
        raise NotImplementedError


class Wait(Op):
    """Wait for a callback: ``starter(resume)`` kicks off the work and arranges ``resume(value)``."""

    def __init__(self, starter: Callable[[Callable[[Any], None]], Any]) -> None:
        self.starter = starter

    def start(self, clock: Any, resume: Callable[[Any], None]) -> None:
        self.starter(resume)


class Sleep(Op):
    """Wait ``seconds`` of (virtual) time."""

    def __init__(self, seconds: float) -> None:
        self.seconds = seconds

    def start(self, clock: Any, resume: Callable[[Any], None]) -> None:
        clock.call_later(max(0.0, self.seconds), resume, None)


class All(Op):
    """Run several coroutines side by side; resume with their results (in order) once all ended."""

    def __init__(self, gens: list[Gen], on_error: Callable[[BaseException], Any] | None = None) -> None:
        self.gens = gens
        self.on_error = on_error

    def start(self, clock: Any, resume: Callable[[Any], None]) -> None:
        n = len(self.gens)
        if n == 0:
            resume([])
            return
        results: list[Any] = [None] * n
        left = [n]

        def done_at(i: int) -> Callable[[Any], None]:
            def done(value: Any) -> None:
                results[i] = value
                left[0] -= 1
                if left[0] == 0:
                    resume(results)

            return done

        for i, g in enumerate(self.gens):
            Coroutine(clock, g, on_done=done_at(i), on_error=self._err(done_at(i))).start()

    def _err(self, done: Callable[[Any], None]) -> Callable[[BaseException], None]:
        def handle(exc: BaseException) -> None:
            if self.on_error is not None:
                self.on_error(exc)
            done(None)

        return handle


class Coroutine:
    """Drives one generator on the clock. Never raises out of a clock callback: an exception in
    the generator goes to ``on_error`` (or is dropped) and ends the coroutine."""

    def __init__(
        self,
        clock: Any,
        gen: Gen,
        on_done: Callable[[Any], Any] | None = None,
        on_error: Callable[[BaseException], Any] | None = None,
    ) -> None:
        self.clock = clock
        self.gen = gen
        self.on_done = on_done
        self.on_error = on_error
        self.cancelled = False
        self.finished = False

    def start(self) -> Coroutine:
        self._step(None)
        return self

    def cancel(self) -> None:
        """Stop at the next resume point; neither ``on_done`` nor ``on_error`` is called."""
        self.cancelled = True
        with contextlib.suppress(Exception):
            self.gen.close()

    def _step(self, value: Any) -> None:
        self._advance(self.gen.send, value)

    def _throw(self, exc: BaseException) -> None:
        self._advance(self.gen.throw, exc)

    def _advance(self, resume_gen: Callable[[Any], Op], arg: Any) -> None:
        """Resume the generator (``send`` a value or ``throw`` an error) and start the op it yields."""
        if self.cancelled or self.finished:
            return
        try:
            op = resume_gen(arg)
        except StopIteration as stop:
            self.finished = True
            if self.on_done is not None:
                self.on_done(stop.value)
            return
        except Exception as exc:  # noqa: BLE001 - one bad pod must not stop the kubelet
            self.finished = True
            if self.on_error is not None:
                self.on_error(exc)
            return
        self._start_op(op)

    def _start_op(self, op: Op) -> None:
        fired = [False]

        def resume(v: Any = None) -> None:
            if fired[0]:
                return
            fired[0] = True
            self.clock.call_soon(self._step, v)

        try:
            op.start(self.clock, resume)
        except Exception as exc:  # noqa: BLE001
            self.clock.call_soon(self._throw, exc)
