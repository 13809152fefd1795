"""activeDeadlineSeconds counts from the kubelet's full-precision start time, not the
whole-second ``status.startTime`` the API shows."""

from __future__ import annotations

import pytest
from kubelet_harness import Harness

from sandbox.kubelet import deadline

POD = """
apiVersion: v1
kind: Pod
metadata: {name: p}
spec:
  activeDeadlineSeconds: %d
  terminationGracePeriodSeconds: 0
  containers:
  - name: c
    image: busybox:1.28
    command: ['sleep', '3600']
"""


@pytest.mark.parametrize(("offset", "ads"), [(0.7, 90), (0.25, 5), (0.0, 30)])
def test_deadline_counts_from_the_precise_start(h: Harness, offset: float, ads: int) -> None:
    h.runtime.preload("busybox:1.28")
    h.advance(offset)
    created = h.elapsed()
    h.apply(POD % ads)
    failed_at = h.until(lambda: h.phase("p") == "Failed", ads + 5)
    assert failed_at - created == pytest.approx(ads, abs=0.01)
    assert h.pod("p").status.startTime.microsecond == 0  # the API shows whole seconds


def test_deadline_of_keeps_fractions() -> None:
    class Spec:
        activeDeadlineSeconds = 90

    class Pod:
        spec = Spec()

    assert deadline.deadline_of(Pod(), 1000.7) == pytest.approx(1090.7)
    assert deadline.past_active_deadline(Pod(), 1000.7, 1090.69) is False
    assert deadline.past_active_deadline(Pod(), 1000.7, 1090.7) is True


def test_precise_start_is_remembered_and_inherited_starts_stay_whole() -> None:
    class Worker:
        pass

    w = Worker()
    assert deadline.precise_start(w, None, 5.0) is None
    assert deadline.precise_start(w, 100.0, 100.7) == 100.7
    assert deadline.precise_start(w, 100.0, 250.0) == 100.7  # remembered
    other = Worker()
    assert deadline.precise_start(other, 100.0, 250.0) == 100.0  # seen long after: whole second
