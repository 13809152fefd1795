"""Pod timelines built from status writes and events on the virtual clock."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Iterator

import pytest

from sandbox.errors import NotFound
from sandbox.timeline import Lane, Mark, Span, Timeline, format_seconds

from .scenarios import JOB, World, completes, crashloop

SVG = "{http://www.w3.org/2000/svg}"


@pytest.fixture
def world() -> Iterator[World]:
    w = World()
    yield w
    w.close()


@pytest.fixture
def web(world: World) -> Timeline:
    crashloop(world)
    world.clock.advance(100)
    return world.recorder.timeline("default", "web")


@pytest.fixture
def once(world: World) -> Timeline:
    completes(world)
    world.clock.advance(30)
    return world.recorder.timeline("default", "once")


def spans(tl: Timeline, lane: str) -> list[tuple[str, str | None, float, float | None]]:
    return [(s.state, s.reason, s.start, s.end) for s in tl.lane(lane).spans]


# ------------------------------------------------------------------------------ lanes and spans


def test_lanes_are_containers_by_kind_then_phase_then_conditions(web: Timeline) -> None:
    assert [ln.name for ln in web.lanes] == [
        "init:setup", "sidecar:log-shipper", "main:app", "phase",
        "condition:PodScheduled", "condition:PodReadyToStartContainers", "condition:Initialized",
        "condition:ContainersReady", "condition:Ready",
    ]
    assert [ln.label for ln in web.lanes][3:5] == ["phase", "PodScheduled"]


@pytest.mark.parametrize(("lane", "expected"), [
    ("init:setup", [("waiting", "PodInitializing", 2.0, 3.0), ("running", None, 3.0, 8.0),
                    ("terminated", "Completed", 8.0, None)]),
    ("sidecar:log-shipper", [("waiting", "PodInitializing", 2.0, 8.0), ("running", None, 8.0, None)]),
    ("main:app", [
        ("waiting", "PodInitializing", 2.0, 9.0),
        ("running", None, 9.0, 15.0),
        ("terminated", "Error", 15.0, 16.0),      # the first crash is restarted at once
        ("running", None, 16.0, 20.0),
        ("terminated", "Error", 20.0, 20.0),      # seen for an instant, then the back-off
        ("waiting", "CrashLoopBackOff", 20.0, 30.0),
        ("running", None, 30.0, 35.0),
        ("terminated", "Error", 35.0, 35.0),
        ("waiting", "CrashLoopBackOff", 35.0, 55.0),
        ("running", None, 55.0, 60.0),            # not ready yet
        ("running", None, 60.0, 70.0),            # ready
        ("running", None, 70.0, 80.0),            # readiness failed
        ("running", None, 80.0, None),            # ready again
    ]),
    ("phase", [("Pending", None, 0.0, 9.0), ("Running", None, 9.0, None)]),
    ("condition:PodScheduled", [("True", None, 1.0, None)]),
    ("condition:Initialized", [("False", "ContainersNotInitialized", 2.0, 9.0), ("True", None, 9.0, None)]),
    ("condition:Ready", [("False", "ContainersNotReady", 2.0, 60.0), ("True", None, 60.0, 70.0),
                         ("False", "ContainersNotReady", 70.0, 80.0), ("True", None, 80.0, None)]),
])
def test_spans_have_exact_times_and_reasons(web: Timeline, lane: str, expected: list) -> None:
    assert spans(web, lane) == expected


def test_running_spans_carry_readiness_restarts_and_exit_codes(web: Timeline) -> None:
    app = web.lane("app").spans
    assert [s.ready for s in app if s.state == "running"] == [False, False, False, False, True, False, True]
    assert [s.restart_count for s in app if s.state == "running"] == [0, 1, 2, 3, 3, 3, 3]
    assert [s.exit_code for s in app if s.state == "terminated"] == [1, 1, 1]
    assert app[5].message.startswith("back-off 10s restarting failed container=app pod=web_default(")
    assert app[8].message.startswith("back-off 20s restarting failed container=app pod=web_default(")


def test_restart_marks_where_restart_count_went_up(web: Timeline) -> None:
    marks = [(m.time, m.text) for m in web.lane("main:app").marks if m.kind == "restart"]
    assert marks == [(16.0, "restart 1"), (30.0, "restart 2"), (55.0, "restart 3")]


def test_events_land_in_the_lane_of_their_container(web: Timeline) -> None:
    got = [(e.time, e.type, e.reason, e.lane, e.count, e.times) for e in web.events]
    assert got == [
        (1.0, "Normal", "Scheduled", "phase", 1, (1.0,)),
        (3.0, "Normal", "Started", "init:setup", 1, (3.0,)),
        (8.0, "Normal", "Started", "sidecar:log-shipper", 1, (8.0,)),
        (9.0, "Normal", "Started", "main:app", 1, (9.0,)),
        (20.0, "Warning", "BackOff", "main:app", 2, (20.0, 35.0)),   # one Event, counted twice
        (70.0, "Warning", "Unhealthy", "main:app", 1, (70.0,)),
    ]
    assert [(m.time, m.reason) for m in web.lane("app").marks if m.kind == "event"] == [
        (9.0, "Started"), (20.0, "BackOff"), (35.0, "BackOff"), (70.0, "Unhealthy")]


# ------------------------------------------------------------------------------ state_at and first


@pytest.mark.parametrize(("t", "lane", "state", "reason", "ready"), [
    (0.0, "phase", "Pending", None, None),
    (2.5, "app", "waiting", "PodInitializing", None),
    (5.0, "setup", "running", None, False),
    (8.0, "setup", "terminated", "Completed", None),      # a span starts at its instant
    (15.5, "app", "terminated", "Error", None),
    (20.0, "app", "waiting", "CrashLoopBackOff", None),   # the instant-long Error is behind it
    (40.0, "app", "waiting", "CrashLoopBackOff", None),
    (65.0, "app", "running", None, True),
    (75.0, "main:app", "running", None, False),
    (99.0, "log-shipper", "running", None, True),
])
def test_state_at(web: Timeline, t: float, lane: str, state: str, reason: str | None, ready: bool | None) -> None:
    now = web.state_at(t)
    if lane == "phase":
        assert now.phase == state
        return
    s = now[lane]
    assert (s.state, s.reason, s.ready) == (state, reason, ready)


def test_state_at_before_the_kubelet_wrote_statuses(web: Timeline) -> None:
    at = web.state_at(1.5)
    assert dict(at) == {}
    assert "app" not in at
    assert at.phase == "Pending"
    assert at.conditions == {"PodScheduled": "True"}
    assert web.state_at(65).conditions["Ready"] == "True"
    assert repr(web.state_at(40)) == ("<state at 40s: phase Running; init:setup: Completed (exit 0), "
                                      "sidecar:log-shipper: Running ready, main:app: CrashLoopBackOff>")


@pytest.mark.parametrize(("kwargs", "expected"), [
    ({"reason": "CrashLoopBackOff"}, 20.0),
    ({"reason": "CrashLoopBackOff", "lane": "app"}, 20.0),
    ({"reason": "CrashLoopBackOff", "lane": "setup"}, None),
    ({"reason": "Error"}, 15.0),
    ({"reason": "Completed"}, 8.0),
    ({"reason": "PodInitializing", "lane": "sidecar:log-shipper"}, 2.0),
    ({"state": "running", "ready": True, "lane": "app"}, 60.0),
    ({"state": "running", "lane": "app"}, 9.0),
    ({"state": "Running"}, 9.0),                              # found in the phase lane
    ({"reason": "ContainersNotReady", "lane": "Ready"}, 2.0),
    ({"state": "True", "lane": "condition:Ready"}, 60.0),
    ({"reason": "OOMKilled"}, None),
])
def test_first(web: Timeline, kwargs: dict, expected: float | None) -> None:
    assert web.first(**kwargs) == expected


def test_first_event(web: Timeline) -> None:
    assert web.first_event("BackOff") == 20.0
    assert web.first_event("Started", lane="log-shipper") == 8.0
    assert web.first_event("Killing") is None


def test_unknown_lane_lists_the_lanes(web: Timeline) -> None:
    with pytest.raises(KeyError, match="no lane 'nginx'; lanes: init:setup, sidecar:log-shipper, main:app, phase"):
        web.lane("nginx")


# ------------------------------------------------------------------------------ a terminated pod


def test_a_completed_pod_that_was_deleted(once: Timeline) -> None:
    assert once.deleted == 20.0 and once.end == 20.0
    assert spans(once, "task") == [("waiting", "ContainerCreating", 2.0, 2.5), ("running", None, 2.5, 12.0),
                                   ("terminated", "Completed", 12.0, 20.0)]
    assert spans(once, "phase") == [("Pending", None, 0.0, 2.5), ("Running", None, 2.5, 12.0),
                                    ("Succeeded", None, 12.0, 20.0)]
    assert spans(once, "Ready")[-1] == ("False", "PodCompleted", 12.0, 20.0)
    assert [(m.time, m.kind) for m in once.lane("phase").marks] == [(20.0, "deleted")]
    assert once.state_at(19.9)["task"].exit_code == 0
    assert dict(once.state_at(20.0)) == {}


def test_a_deleted_pod_keeps_its_timeline_and_a_new_one_replaces_it_by_name(world: World, once: Timeline) -> None:
    world.api.create(JOB)   # at 30s
    world.clock.advance(5)
    new = world.recorder.timeline("default", "once")
    assert new.uid != once.uid and new.deleted is None and new.end == 5.0
    assert world.recorder.timeline(uid=once.uid).deleted == 20.0


def test_terminating_is_marked_on_the_phase_lane(world: World) -> None:
    crashloop(world)
    world.at(100, world.api.delete, "pods", "web", "default")   # bound: graceful, 30s
    world.clock.advance(110)
    tl = world.recorder.timeline("default", "web")
    assert [(m.time, m.text) for m in tl.lane("phase").marks if m.kind == "terminating"] == [(100.0, "Terminating")]
    assert tl.deleted is None and tl.end == 110.0


# ------------------------------------------------------------------------------ recorder


def test_a_status_written_before_the_clock_ran_is_included(world: World) -> None:
    world.api.create(JOB)
    world.clock.advance(3)
    world.status("once", "Running", [], main=[{"name": "task", "image": "busybox:1.36", "imageID": "", "ready": True,
                                                "restartCount": 0, "state": {"running": {}}}])
    tl = world.recorder.timeline("default", "once")   # the watch event is still queued
    assert spans(tl, "task") == [("running", None, 3.0, None)]
    world.clock.advance(1)                             # its delivery adds nothing twice
    assert spans(world.recorder.timeline("default", "once"), "task") == [("running", None, 3.0, None)]
    assert sum(1 for _ in world.recorder.pods()) == 1


def test_pods_created_before_the_recorder_start_from_their_creation_timestamp() -> None:
    from sandbox.timeline import TimelineRecorder

    w = World()
    try:
        w.recorder.stop()
        w.clock.advance(7)
        w.api.create(JOB)
        w.clock.advance(5)
        rec = TimelineRecorder(w.api, w.clock)
        w.clock.advance(1)
        tl = rec.timeline("default", "once")
        assert tl.end == 6.0     # created at 7s, now 13s
        assert spans(tl, "phase") == [("Pending", None, 5.0, None)]   # first seen at 12s
    finally:
        w.close()


def test_unknown_pod(world: World) -> None:
    with pytest.raises(NotFound, match='pods "nope" not found'):
        world.recorder.timeline("default", "nope")


def test_consecutive_snapshots_share_unchanged_container_statuses(world: World) -> None:
    crashloop(world)
    world.clock.advance(100)
    snaps = [st for _, st in world.recorder.history("default", "web").snapshots]
    after_init = [st for st in snaps if st.phase == "Running"]
    assert len(after_init) == 12   # one per app status write from 9s on
    setups = {id(st.containers[0]) for st in after_init}
    assert len(setups) == 1        # the completed init container is stored once


def test_notes_are_kept_as_runs_and_shown(world: World) -> None:
    crashloop(world)
    world.clock.advance(50)
    uid = world.api.get("pods", "web").metadata.uid
    rec = world.recorder
    for t in (60, 65, 70):
        world.at(t, lambda: rec.note(uid, None, "app", "Readiness probe failed: exit 1", "probe-fail"))
    world.at(75, lambda: rec.note(uid, None, "app", "Readiness probe succeeded", "probe-ok"))
    world.clock.advance(50)
    tl = rec.timeline("default", "web")
    notes = [(m.time, m.kind, m.count, m.end) for m in tl.lane("main:app").marks if m.kind.startswith("probe")]
    assert notes == [(60.0, "probe-fail", 3, 70.0), (75.0, "probe-ok", 1, 75.0)]
    text = tl.to_text()
    assert "      1m  probe-fail  main:app  Readiness probe failed: exit 1 (x3 until 1m10s)" in text
    with pytest.raises(KeyError):
        rec.note("no-such-uid", None, "app", "x")


def test_memory_stays_bounded_with_periodic_identical_writes() -> None:
    w = World()
    try:
        api = w.api
        n = 1000
        for i in range(n):
            api.create({"apiVersion": "v1", "kind": "Pod", "metadata": {"name": f"p{i}"},
                        "spec": {"containers": [{"name": "c", "image": "busybox:1.36"}]}})
        running = {"name": "c", "image": "busybox:1.36", "imageID": "", "ready": True, "restartCount": 0,
                   "started": True, "state": {"running": {"startedAt": "2025-01-01T00:00:01Z"}}}

        def write_all() -> None:
            for i in range(n):
                pod = api.get_dict("pods", f"p{i}")
                pod["status"] = {"phase": "Running", "containerStatuses": [running], "qosClass": "BestEffort"}
                api.update(pod, subresource="status")

        for k in range(5):   # the same status, every 10 seconds
            w.at(10 * (k + 1), write_all)
        w.clock.advance(60)
        # one snapshot at creation, one when Running: five identical writes stored once
        assert w.recorder.snapshot_count == 2 * n
        tl = w.recorder.timeline("default", "p500")
        assert spans(tl, "c") == [("running", None, 10.0, None)]
        assert len(w.recorder) == n
    finally:
        w.close()


# ------------------------------------------------------------------------------ renderings

GOLDEN_WEB = """\
pod default/web uid e443df78 t=0s at creation, now 1m40s
                          0s             30s            1m             1m30s          2m
                          +--------------+--------------+--------------+--------------+
init:setup                 .==oooooooooooooooooooooooooooooooooooooooooooooo
                           PodInitializing Completed (exit 0)
sidecar:log-shipper        ...##############################################
                           PodInitializing
main:app                   ....==x|=x....|=x.........|==#####=====##########
                           PodInitializing Error (exit 1)
                                 Error (exit 1) CrashLoopBackOff
events                    **  *     !      !                 !
phase                     .....#############################################
                          Pending Running
PodScheduled              ##################################################
PodReadyToStartContainers  .################################################
Initialized                ....#############################################
ContainersReady            .............................#####.....##########
Ready                      .............................#####.....##########

legend:  . waiting  = running, not ready  # running and ready  x terminated (error)
         o terminated (completed)  | restart  * event  ! warning event
         phase: . Pending  # Running  o Succeeded  x Failed    conditions: # True  . False

events:
       1s  Normal   Scheduled  pod                  Successfully assigned default/web to node-1
       3s  Normal   Started    init:setup           Started container setup
       8s  Normal   Started    sidecar:log-shipper  Started container log-shipper
       9s  Normal   Started    main:app             Started container app
      20s  Warning  BackOff    main:app             Back-off restarting failed cont... (x2 over 15s)
    1m10s  Warning  Unhealthy  main:app             Readiness probe failed: cat: can't open '/tmp...
"""

GOLDEN_ONCE_80 = """\
pod default/once uid e443df78 t=0s at creation, deleted at 20s
                          0s        5s        10s       15s       20s
                          +---------+---------+---------+---------+
main:task                     .###################oooooooooooooooo
                              ContainerCreating   Completed (exit 0)
phase                     .....###################oooooooooooooooo
                          Pending Running         Succeeded
PodScheduled                ######################################
PodReadyToStartContainers     ####################................
Initialized                   ####################################
ContainersReady               .###################................
Ready                         .###################................

legend:  . waiting  = running, not ready  # running and ready
         x terminated (error)  o terminated (completed)  | restart  * event
         ! warning event
         phase: . Pending  # Running  o Succeeded  x Failed
         conditions: # True  . False
"""


def test_golden_text(web: Timeline) -> None:
    assert web.to_text() == GOLDEN_WEB
    assert str(web) == GOLDEN_WEB
    assert max(len(line) for line in GOLDEN_WEB.splitlines()) <= 100


def test_golden_text_of_a_deleted_pod_at_80_columns(once: Timeline) -> None:
    assert once.to_text(width=80) == GOLDEN_ONCE_80
    assert max(len(line) for line in GOLDEN_ONCE_80.splitlines()) <= 80


def test_unicode_text_draws_the_same_picture_with_blocks(web: Timeline) -> None:
    text = web.to_text(unicode=True)
    line = next(x for x in text.splitlines() if x.startswith("main:app"))
    assert line == "main:app                   \u00b7\u00b7\u00b7\u00b7\u2592\u2592\u2717\u2503\u2592\u2717" + line[37:]
    assert line.count("\u2503") == 3
    ascii_only = web.to_text()
    assert ascii_only.isascii()


@pytest.mark.parametrize("width", [60, 80, 100, 140])
def test_text_fits_the_width(web: Timeline, width: int) -> None:
    assert max(len(x) for x in web.to_text(width=width).splitlines()) <= width


@pytest.mark.parametrize(("seconds", "text"), [
    (0, "0s"), (12.5, "12.5s"), (60, "1m"), (90, "1m30s"), (3600, "1h"), (3725, "1h2m5s"), (-3, "-3s"),
])
def test_format_seconds(seconds: float, text: str) -> None:
    assert format_seconds(seconds) == text


def test_svg_is_well_formed_with_one_group_per_lane(web: Timeline) -> None:
    svg = web.to_svg()
    root = ET.fromstring(svg)
    assert root.tag == f"{SVG}svg"
    lanes = [g for g in root.iter(f"{SVG}g") if "lane" in (g.get("class") or "").split()]
    assert [g.get("data-lane") for g in lanes] == [ln.name for ln in web.lanes]
    app = lanes[2]
    titles = [t.text for t in app.iter(f"{SVG}title")]
    assert any(t.startswith("main:app: CrashLoopBackOff, restarts 1, 20s .. 30s: back-off 10s restarting") for t in titles)
    assert "main:app: Error (exit 1), restarts 1, 20s .. 20s" in titles
    texts = [t.text for t in app.iter(f"{SVG}text")]
    # 20 s of CrashLoopBackOff is too short for the whole reason at 860 px: cut, whole in the tooltip
    assert "CrashLoopBac\u2026" in texts and "BackOff" in texts and "main:app" in texts
    rects = [r for r in app.iter(f"{SVG}rect")]
    assert len(rects) == len(web.lane("app").spans)
    assert [r.get("class") for r in rects][:3] == ["span s-waiting", "span s-running", "span s-error"]
    # no external resources, text follows the page's colour
    assert "http" not in svg.replace('xmlns="http://www.w3.org/2000/svg"', "")
    assert "<script" not in svg and "@import" not in svg
    assert "fill:currentColor" in svg


def _boxes(svg: str, selector: str) -> list[tuple[float, float, float]]:
    """(row y, x from, x to) of the texts ``selector`` finds, at the widths the renderer assumes."""
    root = ET.fromstring(svg)
    out = []
    for g in root.iter(f"{SVG}g"):
        if selector == "legend" and g.get("class") == "legend":
            for item in g.findall(f"{SVG}g"):
                tx, ty = (float(v) for v in item.get("transform", "")[len("translate("):-1].split())
                text = item.find(f"{SVG}text")
                assert text is not None and text.text
                out.append((ty, tx, tx + 18 + len(text.text) * 13 * 0.61))
        if selector == "marks" and "lane" in (g.get("class") or "").split():
            for t in g.iter(f"{SVG}text"):
                if "mark" in (t.get("class") or "").split():
                    x = float(t.get("x", "0"))
                    out.append((float(t.get("y", "0")), x, x + len(t.text or "") * 12 * 0.61))
    return out


@pytest.mark.parametrize("width", [520, 700, 860])
@pytest.mark.parametrize("selector", ["legend", "marks"])
def test_svg_texts_do_not_overlap_and_fit_the_width(web: Timeline, width: int, selector: str) -> None:
    boxes = sorted(_boxes(web.to_svg(width=width), selector))
    assert boxes
    for (y1, _, b1), (y2, a2, _) in zip(boxes, boxes[1:], strict=False):
        assert y1 != y2 or b1 <= a2, (selector, width, boxes)
    assert all(a >= 0 and b <= width for _, a, b in boxes)


def test_svg_legend_names_what_the_picture_uses(web: Timeline, once: Timeline) -> None:
    def legend(tl: Timeline) -> list[str]:
        root = ET.fromstring(tl.to_svg())
        g = next(g for g in root.iter(f"{SVG}g") if g.get("class") == "legend")
        return [t.text or "" for t in g.iter(f"{SVG}text")]

    assert legend(web) == [
        "waiting / Pending / False", "running, not ready", "running and ready / Running / True",
        "terminated (error) / Failed", "terminated (completed) / Succeeded", "restart", "event",
        "warning event",
    ]
    assert "terminated (error) / Failed" not in legend(once) and "restart" not in legend(once)


def test_svg_event_markers_carry_their_events_in_tooltips(web: Timeline) -> None:
    root = ET.fromstring(web.to_svg())
    app = next(g for g in root.iter(f"{SVG}g") if g.get("data-lane") == "main:app")
    markers = [p for p in app.iter(f"{SVG}path") if "ev" in (p.get("class") or "").split()]
    tips = [p.find(f"{SVG}title").text for p in markers]  # type: ignore[union-attr]
    assert [p.get("class") for p in markers] == ["ev ev-Normal", "ev ev-Warning", "ev ev-Warning", "ev ev-Warning"]
    assert tips[0] == "9s Started: Started container app"
    assert tips[1].startswith("20s BackOff: Back-off restarting failed container app in pod web_default(")
    assert tips[3].startswith("1m10s Unhealthy: Readiness probe failed: cat: can't open")


def _hand_made(marks: list[tuple[float, str, str]]) -> Timeline:
    lane = Lane("main:app", "main", "main:app", "app", [Span("main:app", "running", 0.0, None, ready=True)],
                [Mark(t, "main:app", "event", f"{reason} container app", reason, typ) for t, reason, typ in marks])
    return Timeline(namespace="default", name="p", uid="0123456789", origin=0.0, end=100.0, deleted=None,
                    lanes=[lane], events=[])


def _mark_texts(tl: Timeline) -> list[tuple[str | None, str | None, str | None]]:
    root = ET.fromstring(tl.to_svg())
    app = next(g for g in root.iter(f"{SVG}g") if g.get("data-lane") == "main:app")
    markers = [p for p in app.iter(f"{SVG}path") if "ev" in (p.get("class") or "").split()]
    labels = [t.text for t in app.iter(f"{SVG}text") if "mark" in (t.get("class") or "").split()]
    tips = [p.find(f"{SVG}title").text for p in markers]  # type: ignore[union-attr]
    return [(m.get("class"), tip, label) for m, tip, label in zip(markers, tips, labels + [None] * len(markers), strict=False)]


@pytest.mark.parametrize(("marks", "expected"), [
    # one instant: one marker, every event in its tooltip, every reason in its label
    ([(1, "Pulled", "Normal"), (1, "Created", "Normal"), (1, "Started", "Normal")],
     [("ev ev-Normal", "1s Pulled: Pulled container app\n1s Created: Created container app\n"
       "1s Started: Started container app", "Pulled, Created, Started")]),
    # a Warning among them colours the marker; no room before the next marker: the first and a count
    ([(1, "Pulled", "Normal"), (1, "BackOff", "Warning"), (4, "Killing", "Normal")],
     [("ev ev-Warning", "1s Pulled: Pulled container app\n1s BackOff: BackOff container app", "Pulled +1"),
      ("ev ev-Normal", "4s Killing: Killing container app", "Killing")]),
    # far apart: one marker each
    ([(10, "Started", "Normal"), (60, "Unhealthy", "Warning")],
     [("ev ev-Normal", "10s Started: Started container app", "Started"),
      ("ev ev-Warning", "1m Unhealthy: Unhealthy container app", "Unhealthy")]),
])
def test_svg_events_close_together_share_a_marker(marks: list[tuple[float, str, str]],
                                                  expected: list[tuple[str, str, str]]) -> None:
    assert _mark_texts(_hand_made(marks)) == expected


def test_html_holds_the_svg_and_the_events_table(web: Timeline) -> None:
    html = web._repr_html_()
    assert html.startswith('<div class="podlab-timeline">')
    assert web.to_svg() in html
    assert "<th>reason</th>" in html
    assert ("<tr class=\"ev-Warning\"><td>20s</td><td>Warning</td><td>BackOff</td><td>main:app</td>"
            "<td>Back-off restarting failed container app in pod web_default(") in html
    assert "x2 over 15s" in html
    assert "can&#x27;t open" in html or "can't open" in html


def test_same_scenario_twice_gives_identical_text() -> None:
    outs = []
    for _ in range(2):
        w = World(seed=3)
        try:
            crashloop(w)
            completes(w)
            w.clock.advance(100)
            outs.append((w.recorder.timeline("default", "web").to_text(),
                         w.recorder.timeline("default", "once").to_svg()))
        finally:
            w.close()
    assert outs[0] == outs[1]


def test_repr(web: Timeline) -> None:
    assert repr(web) == "<Timeline pod default/web 0s..1m40s lanes=9 events=6>"
    assert format_seconds(web.end) == "1m40s"
