"""The ``podlab`` runner end to end, in a temporary copy of the repository.

Each test builds the repo as a learner gets it (exercises from the pristine copy, the solutions)
and drives ``podlab.cli.main`` as the learner would, checking what they read and what is stored.
``check``, ``verify`` and ``catch-up`` really run the exercises' tests in a pytest subprocess.
"""

from __future__ import annotations

import io
import json
import os
import queue
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from podlab import pristine
from podlab.cli import App, main
from podlab.exercises import parse_catalog
from podlab.state import STATE_FILE

ROOT = Path(__file__).resolve().parent.parent
SHIPPED = parse_catalog(pristine.read()["exercises.yaml"].decode())  # what the temp repo holds
N = len(SHIPPED)
LAST = SHIPPED.exercises[-1].number


@pytest.fixture
def repo(tmp_path, monkeypatch):
    root = tmp_path / "repo"
    for name, data in pristine.read().items():
        (root / "exercises" / name).parent.mkdir(parents=True, exist_ok=True)
        (root / "exercises" / name).write_bytes(data)
    shutil.copytree(ROOT / "solutions", root / "solutions")
    monkeypatch.setenv("PODLAB_ROOT", str(root))
    monkeypatch.delenv("PODLAB_DEBUG", raising=False)
    return root


def podlab(*args: str, answer: str = "") -> tuple[int, str]:
    out = io.StringIO()
    code = main(list(args), out=out, inp=io.StringIO(answer))
    return code, out.getvalue()


def solve(root: Path, ex_id: str) -> None:
    sol = root / "solutions" / ex_id
    for p in sol.iterdir():
        if p.is_file():
            shutil.copyfile(p, root / "exercises" / ex_id / p.name)


def state(root: Path) -> dict:
    return json.loads((root / STATE_FILE).read_text())["exercises"]


def test_start_welcomes_and_points_at_the_first_exercise(repo):
    code, out = podlab("start")
    assert code == 0
    assert "Welcome to podlab." in out
    assert "Your first exercise: 01-first-pod: Your first Pod" in out
    assert "read   exercises/01-first-pod/README.md" in out
    assert "edit   exercises/01-first-pod/pod.yaml" in out
    assert "check  podlab check 1" in out
    assert (repo / STATE_FILE).is_file()


def test_no_command_means_start(repo):
    assert podlab()[1] == podlab("start")[1]


def test_list_on_a_fresh_checkout(repo):
    code, out = podlab("list")
    assert code == 0
    lines = out.splitlines()
    assert lines[0] == f"podlab: 0/{N} done"
    assert lines[2].startswith("  · 01  Your first Pod") and lines[2].endswith("→ current")
    assert lines[3].startswith("  · 02  Read the API server's errors and fix a broken Pod")
    assert "current" not in lines[3]
    assert "\033[" not in out  # not a terminal: no colour


def test_check_a_failing_exercise_then_pass_it(repo):
    code, out = podlab("check")
    assert code == 1
    assert out.startswith("Checking 01-first-pod: Your first Pod\n")
    assert "  ✗ the API server accepts your Pod, named hello" in out
    assert "exercises/01-first-pod/pod.yaml holds no manifest yet: replace the TODO with one (see README.md)." in out
    assert "(the same problem fails 3 more checks)" in out
    assert "0 of 4 checks pass. Edit exercises/01-first-pod/pod.yaml and run `podlab check 1` again." in out
    assert "Traceback" not in out
    assert state(repo)["01-first-pod"]["status"] == "failed"
    assert podlab("list")[1].splitlines()[2].startswith("  ✗ 01")

    solve(repo, "01-first-pod")
    code, out = podlab("check", "01")
    assert code == 0
    assert f"✓ 01-first-pod passes: all 4 checks.  Progress: 1/{N} done." in out
    assert "Next: 02-fix-the-manifest: Read the API server's errors and fix a broken Pod" in out
    assert "read exercises/02-fix-the-manifest/README.md, then run `podlab check 2`." in out
    entry = state(repo)["01-first-pod"]
    assert entry["status"] == "passed" and entry["passed_at"]
    listing = podlab("list")[1].splitlines()
    assert listing[0] == f"podlab: 1/{N} done"
    assert listing[2].startswith("  ✓ 01") and listing[3].endswith("→ current")


def test_check_shows_the_api_servers_words_for_a_broken_manifest(repo):
    code, out = podlab("check", "2")
    assert code == 1
    assert (
        'Error from server (BadRequest): error when creating "pod.yaml": Pod in version "v1" cannot be '
        'handled as a Pod: strict decoding error: unknown field "spec.containers[0].imagee"'
    ) in out
    assert out.count("Stuck? `podlab hint 2`") == 1


def test_check_reports_a_yaml_mistake_with_its_line(repo):
    (repo / "exercises/01-first-pod/pod.yaml").write_text("apiVersion: v1\nkind: Pod\nmetadata:\n  name: hello\n   labels: {}\n")
    code, out = podlab("check", "1")
    assert code == 1
    assert "exercises/01-first-pod/pod.yaml, line 5: the YAML cannot be read: mapping values are not allowed in this context" in out
    assert ">   5 |    labels: {}" in out


def test_check_reports_a_broken_test_file_without_crashing(repo):
    (repo / "exercises/01-first-pod/test_first_pod.py").write_text("def test_x(:\n")
    code, out = podlab("check", "1")
    assert code == 1
    assert "The tests could not run:" in out
    assert "SyntaxError" in out


def test_hints_reveal_one_tier_at_a_time_and_are_remembered(repo):
    code, out = podlab("hint", "2")
    assert code == 0
    assert "Hint 1 of 3 (nudge):" in out and "Hint 2 of 3" not in out
    assert "`podlab hint 2` again shows the next one" in out
    out = podlab("hint", "02")[1]
    assert "Hint 1 of 3 (nudge):" in out and "Hint 2 of 3 (concept):" in out and "Hint 3 of 3" not in out
    out = podlab("hint", "02-fix-the-manifest")[1]
    assert "Hint 3 of 3 (near-solution):" in out
    assert "rename the Pod to `web-server`" in out
    assert "That was the last hint. `podlab solution 2` opens once the exercise passes." in out
    assert podlab("hint", "2")[1].count("Hint 3 of 3") == 1
    assert state(repo)["02-fix-the-manifest"]["hints"] == 3
    # no number: the current exercise
    assert "Hints for 01-first-pod: Your first Pod" in podlab("hint")[1]


def test_reset_asks_first_and_restores_as_shipped(repo):
    pod = repo / "exercises/01-first-pod/pod.yaml"
    shipped = pod.read_text()
    pod.write_text("my work\n")
    code, out = podlab("reset", "1", answer="n\n")
    assert code == 1
    assert "Reset 01-first-pod to how it was shipped? Your changes to exercises/01-first-pod/pod.yaml will be lost. [y/N]" in out
    assert "Nothing was reset." in out
    assert pod.read_text() == "my work\n"
    code, out = podlab("reset", "1")  # no answer at all (end of input) means no
    assert code == 1 and pod.read_text() == "my work\n"
    code, out = podlab("reset", "1", answer="y\n")
    assert code == 0
    assert "Reset 01-first-pod: restored exercises/01-first-pod/pod.yaml." in out
    assert pod.read_text() == shipped
    code, out = podlab("reset", "1")
    assert (code, out) == (0, "01-first-pod is already as shipped: nothing to reset.\n")


def test_reset_yes_and_all(repo):
    solve(repo, "01-first-pod")
    solve(repo, "03-labels-and-selectors")
    (repo / "exercises/02-fix-the-manifest/test_fix_the_manifest.py").unlink()
    App(repo).state.record("01-first-pod", True)
    code, out = podlab("reset", "--all", "--yes")
    assert code == 0
    assert "[y/N]" not in out
    assert (
        "restored exercises/01-first-pod/pod.yaml, exercises/02-fix-the-manifest/test_fix_the_manifest.py, "
        "exercises/03-labels-and-selectors/pods.yaml."
    ) in out
    assert pristine.differences(repo / "exercises") == []
    assert "status" not in state(repo)["01-first-pod"]  # counts as not done again
    assert podlab("list")[1].splitlines()[0] == f"podlab: 0/{N} done"


def test_reset_needs_a_target(repo):
    code, _ = podlab("reset")
    assert code == 2


def test_solution_only_after_passing(repo, capsys):
    code, out = podlab("solution", "1")
    assert code == 2 and out == ""
    err = capsys.readouterr().err
    assert err == (
        "podlab: The solution to 01-first-pod opens once your own answer passes: run `podlab check 1` "
        "(and `podlab hint 1` if you are stuck).\n"
    )
    App(repo).state.record("01-first-pod", True)
    App(repo).state.record("01-first-pod", False)  # broken again later: the solution stays open
    code, out = podlab("solution", "1")
    assert code == 0
    assert out.startswith("==> solutions/01-first-pod/pod.yaml\n")
    assert "image: nginx:1.27" in out
    assert "wrong" not in out


def test_catch_up_keeps_work_that_passes_and_backs_up_the_rest(repo):
    ex = repo / "exercises"
    mine = (repo / "solutions/01-first-pod/pod.yaml").read_text().replace("# A Pod", "# My own Pod")
    (ex / "01-first-pod/pod.yaml").write_text(mine)
    half = (ex / "02-fix-the-manifest/pod.yaml").read_text().replace("Web_Server", "web-server")
    (ex / "02-fix-the-manifest/pod.yaml").write_text(half)
    code, out = podlab("catch-up", "3")
    assert code == 0
    assert "Put our solutions in place for: 02-fix-the-manifest." in out
    assert "Kept your own work (it passes) for: 01-first-pod." in out
    assert (ex / "01-first-pod/pod.yaml").read_text() == mine
    assert (ex / "02-fix-the-manifest/pod.yaml").read_text() == (repo / "solutions/02-fix-the-manifest/pod.yaml").read_text()
    backups = list((repo / ".podlab/backup").rglob("pod.yaml"))
    assert len(backups) == 1 and backups[0].read_text() == half
    assert f"Your unfinished exercises/02-fix-the-manifest/pod.yaml was saved to {backups[0].relative_to(repo).as_posix()}" in out
    assert (repo / ".podlab/.gitignore").read_text() == "*\n"
    assert "You are ready for 03-labels-and-selectors" in out
    assert podlab("list")[1].splitlines()[0] == f"podlab: 2/{N} done"
    assert not (ex / "02-fix-the-manifest/wrong").exists()


def test_catch_up_to_the_first_exercise_does_nothing(repo):
    assert podlab("catch-up", "1") == (0, "01-first-pod is the first exercise: there is nothing to catch up on.\n")


def course_of(root: Path, n: int) -> None:
    """Cut the temporary repo's course down to its first ``n`` exercises (verify runs them all)."""
    meta = root / "exercises/exercises.yaml"
    meta.write_text(meta.read_text().split(f"\n  - id: {n + 1:02d}-")[0] + "\n")


def test_verify_stops_at_the_first_failure(repo):
    course_of(repo, 4)
    solve(repo, "01-first-pod")
    solve(repo, "03-labels-and-selectors")
    code, out = podlab("verify")
    assert code == 1
    assert "  ✓ 01-first-pod\n  ✗ 02-fix-the-manifest\n" in out
    assert "03-labels" not in out
    assert "Verify stops at the first exercise that fails" in out
    assert "strict decoding error" in out  # the failing exercise's own message
    code, out = podlab("verify", "--all")
    assert code == 1
    assert "  ✓ 01-first-pod\n  ✗ 02-fix-the-manifest\n  ✓ 03-labels-and-selectors\n  ✗ 04-make-it-run\n" in out
    assert "2 of 4 exercises fail. Progress: 2/4 done." in out


def test_verify_when_everything_passes(repo):
    course_of(repo, 1)
    solve(repo, "01-first-pod")
    code, out = podlab("verify")
    assert (code, out) == (0, "  ✓ 01-first-pod\n\nEvery exercise passes (1/1 done).\n")


@pytest.mark.parametrize("ref", ["3", "03", "03-labels-and-selectors", "exercises/03-labels-and-selectors/"])
def test_where_accepts_every_form_of_n(repo, ref):
    assert podlab("where", ref) == (0, f"{repo / 'exercises' / '03-labels-and-selectors'}\n")


@pytest.mark.parametrize("ref", ["99", "0", "first-pod", "3a"])
def test_unknown_exercise_is_one_sentence(repo, ref, capsys):
    code, out = podlab("check", ref)
    assert code == 2 and out == ""
    err = capsys.readouterr().err
    assert err == f"podlab: There is no exercise {ref!r}: use a number from 1 to {LAST} or an id like 01-first-pod (see `podlab list`).\n"


def test_outside_a_podlab_repo(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("PODLAB_ROOT", str(tmp_path))
    assert podlab("list") == (2, "")
    assert capsys.readouterr().err == "podlab: exercises/exercises.yaml is missing.\n"


def test_broken_metadata_is_reported_not_raised(repo, capsys):
    meta = repo / "exercises/exercises.yaml"
    meta.write_text(meta.read_text().replace("difficulty: 2", "difficulty: 9"))
    assert podlab("list")[0] == 2
    err = capsys.readouterr().err
    assert "03-labels-and-selectors: `difficulty` must be a whole number from 1 to 5, got 9" in err
    assert "Traceback" not in err


def test_watch_rechecks_on_save_and_quits_on_q(repo):
    out = io.StringIO()
    app = App(repo, out=out)
    keys: queue.Queue[str] = queue.Queue()
    saves = iter([lambda: solve(repo, "01-first-pod"), lambda: None, lambda: keys.put("q")])

    def fake_sleep(_seconds: float) -> None:
        # the learner saves the file between two polls (a later mtime, as an editor gives it)
        step = next(saves)
        step()
        pod = repo / "exercises/01-first-pod/pod.yaml"
        st = pod.stat()
        os.utime(pod, ns=(st.st_atime_ns, st.st_mtime_ns + 10**9))

    code = app.cmd_watch(sleep=fake_sleep, keys=keys, max_rounds=10)
    text = out.getvalue()
    assert code == 0
    assert text.count("Checking 01-first-pod") == 2
    assert "✓ 01-first-pod passes" in text
    assert "Watching 02-fix-the-manifest" in text
    assert text.rstrip().endswith("Stopped watching.")


def test_watch_enter_rechecks(repo):
    out = io.StringIO()
    keys: queue.Queue[str] = queue.Queue()
    presses = iter(["", "q"])  # Enter, then q (with Enter), between polls
    App(repo, out=out).cmd_watch(sleep=lambda s: keys.put(next(presses)), keys=keys, max_rounds=5)
    assert out.getvalue().count("Checking 01-first-pod") == 2


def test_the_console_script(repo):
    exe = Path(sys.executable).parent / "podlab"
    if not exe.exists():
        pytest.skip("podlab is not installed as a console script in this environment")
    env = dict(os.environ, PODLAB_ROOT=str(repo))
    proc = subprocess.run([str(exe), "list"], capture_output=True, text=True, env=env, timeout=60, check=False)
    assert proc.returncode == 0
    assert proc.stdout.startswith(f"podlab: 0/{N} done\n")
    proc = subprocess.run([str(exe), "where", "99"], capture_output=True, text=True, env=env, timeout=60, check=False)
    assert proc.returncode == 2 and proc.stderr.count("\n") == 1 and "Traceback" not in proc.stderr


def test_state_file_is_small_json(repo):
    podlab("hint", "1")
    App(repo).state.record("01-first-pod", True)
    data = json.loads((repo / STATE_FILE).read_text())
    assert data["version"] == 1
    assert data["exercises"]["01-first-pod"]["hints"] == 1
    assert data["exercises"]["01-first-pod"]["status"] == "passed"


def test_gitignore_covers_the_state_file():
    assert STATE_FILE in (ROOT / ".gitignore").read_text().splitlines()
