"""The ``podlab`` command: the learner's loop of reading, editing and checking exercises.

``podlab start`` explains the loop; ``podlab check`` runs the current exercise's tests; ``podlab
list`` shows progress. Every error is one sentence on stderr (set ``PODLAB_DEBUG=1`` for the
traceback of an unexpected one).
"""

from __future__ import annotations

import argparse
import os
import queue
import shutil
import sys
import threading
import time
from collections.abc import Callable, Sequence
from datetime import datetime
from pathlib import Path
from typing import TextIO

from podlab import pristine
from podlab.exercises import (
    Catalog,
    Exercise,
    MetadataError,
    UnknownExercise,
    find_root,
    load_catalog,
)
from podlab.runner import CheckResult, PytestMissing, run_exercise
from podlab.state import State

__all__ = ["main", "App"]


class UserError(Exception):
    """A problem the learner can fix; printed as one sentence, exit status 2."""


# ------------------------------------------------------------------------------------ output


class Style:
    """Colour and symbols: colour only on a terminal (and never with ``NO_COLOR``)."""

    def __init__(self, out: TextIO) -> None:
        self.color = out.isatty() and "NO_COLOR" not in os.environ and os.environ.get("TERM") != "dumb"
        enc = getattr(out, "encoding", None) or "utf-8"
        try:
            "✓✗·→".encode(enc)
            self.ok, self.bad, self.todo, self.arrow = "✓", "✗", "·", "→"
        except (UnicodeEncodeError, LookupError):
            self.ok, self.bad, self.todo, self.arrow = "+", "x", ".", ">"

    def _c(self, code: str, text: str) -> str:
        return f"\033[{code}m{text}\033[0m" if self.color else text

    def green(self, t: str) -> str:
        return self._c("32", t)

    def red(self, t: str) -> str:
        return self._c("31", t)

    def yellow(self, t: str) -> str:
        return self._c("33", t)

    def bold(self, t: str) -> str:
        return self._c("1", t)

    def dim(self, t: str) -> str:
        return self._c("2", t)


class App:
    """The runner's commands, on one repository checkout (``root``)."""

    def __init__(
        self,
        root: Path,
        out: TextIO | None = None,
        inp: TextIO | None = None,
        archive: Path = pristine.ARCHIVE,
    ) -> None:
        self.root = root
        self.out = out or sys.stdout
        self.inp = inp or sys.stdin
        self.archive = archive
        self.style = Style(self.out)
        self._catalog: Catalog | None = None
        self._state: State | None = None

    # -- helpers

    @property
    def catalog(self) -> Catalog:
        if self._catalog is None:
            self._catalog = load_catalog(self.root)
        return self._catalog

    @property
    def state(self) -> State:
        if self._state is None:
            self._state = State(self.root)
        return self._state

    def say(self, text: str = "") -> None:
        print(text, file=self.out, flush=True)

    def folder(self, ex: Exercise) -> Path:
        return self.root / ex.folder

    def rel(self, path: Path) -> str:
        try:
            return path.relative_to(self.root).as_posix()
        except ValueError:
            return str(path)

    def current(self) -> Exercise | None:
        """The first exercise not passed (``None`` when all pass)."""
        for ex in self.catalog:
            if not self.state.passed(ex.id):
                return ex
        return None

    def pick(self, ref: str | None) -> Exercise:
        if ref is not None:
            return self.catalog.resolve(ref)
        ex = self.current()
        if ex is None:
            raise UserError("Every exercise passes already: name one, like `podlab check 1`.")
        return ex

    def done_count(self) -> str:
        done = sum(self.state.passed(ex.id) for ex in self.catalog)
        return f"{done}/{len(self.catalog)} done"

    def confirm(self, question: str, yes: bool) -> bool:
        if yes:
            return True
        print(f"{question} [y/N] ", end="", file=self.out, flush=True)
        answer = self.inp.readline()
        if not answer:
            self.say()
        return answer.strip().lower() in ("y", "yes")

    def symbol(self, ex: Exercise) -> str:
        status = self.state.status(ex.id)
        if status == "passed":
            return self.style.green(self.style.ok)
        if status == "failed":
            return self.style.red(self.style.bad)
        return self.style.dim(self.style.todo)

    def pristine_files(self) -> dict[str, bytes]:
        try:
            return pristine.read(self.archive)
        except FileNotFoundError as e:
            raise UserError(str(e)) from None

    def changed_files(self, ex: Exercise, shipped: dict[str, bytes]) -> list[str]:
        """The learner's files of ``ex`` that differ from how they were shipped."""
        changed = []
        for f in ex.files:
            p = self.folder(ex) / f
            ship = shipped.get(f"{ex.id}/{f}")
            if not p.is_file() or ship is None or p.read_bytes() != ship:
                changed.append(f)
        return changed

    # -- commands

    def cmd_start(self) -> int:
        s = self.style
        ex = self.current()
        self.state.save()  # marks this checkout as a learner's
        self.say(s.bold("Welcome to podlab."))
        self.say()
        self.say("podlab teaches Kubernetes Pods by making failing tests pass.")
        self.say("Everything runs on a miniature Kubernetes cluster inside Python: real Pod manifests,")
        self.say("real error messages and events, on a virtual clock that makes minutes take milliseconds.")
        self.say()
        self.say(s.bold("The loop"))
        self.say("  1. Read the exercise's README.md and open the file it asks you to edit.")
        self.say("  2. Run `podlab check` (or `podlab watch`, which re-checks every time you save).")
        self.say("  3. Read what failed, change the file, check again. Stuck? `podlab hint` (three tiers).")
        self.say("  When it passes, podlab records it and tells you what comes next. `podlab list` shows all.")
        self.say()
        if ex is None:
            self.say(f"You have done every exercise ({self.done_count()}). `podlab list` shows them all.")
            return 0
        self.say(s.bold(f"Your {'first' if ex == self.catalog.exercises[0] else 'next'} exercise: {ex.id}: {ex.title}"))
        self.say(f"  read   {self.rel(self.folder(ex) / 'README.md')}")
        self.say(f"  edit   {', '.join(self.rel(self.folder(ex) / f) for f in ex.files)}")
        self.say(f"  check  podlab check {ex.number}")
        if not (self.root / ".venv").is_dir() or os.environ.get("VIRTUAL_ENV"):
            return 0
        self.say()
        self.say(s.dim("(podlab lives in .venv: run `. .venv/bin/activate` once per terminal, or use .venv/bin/podlab.)"))
        return 0

    def cmd_list(self) -> int:
        s = self.style
        cur = self.current()
        self.say(s.bold(f"podlab: {self.done_count()}"))
        self.say()
        width = max(len(ex.title) for ex in self.catalog)
        for ex in self.catalog:
            mark = f"  {s.yellow(s.arrow + ' current')}" if ex == cur else ""
            stars = "*" * ex.difficulty
            self.say(f"  {self.symbol(ex)} {ex.number:02d}  {ex.title.ljust(width)}  {stars:<5}  {ex.minutes:>3} min{mark}")
        self.say()
        self.say(s.dim(f"{s.ok} passed   {s.bad} last check failed   {s.todo} not tried yet"))
        return 0

    def print_result(self, ex: Exercise, result: CheckResult) -> None:
        s = self.style
        for t in result.tests:
            mark = {"passed": s.green(s.ok), "failed": s.red(s.bad)}.get(t.outcome, s.dim(s.todo))
            self.say(f"  {mark} {t.name}")
        shown: dict[str, list[str]] = {}
        for t in result.failed:
            shown.setdefault(t.message, []).append(t.name)
        for message, names in shown.items():
            self.say()
            self.say(s.bold(s.red(f"{s.bad} {names[0]}")))
            for line in message.splitlines():
                self.say(f"  {line}" if line else "")
            if len(names) > 1:
                others = len(names) - 1
                self.say(s.dim(f"  (the same problem fails {others} more check{'s' if others > 1 else ''})"))
        for err in result.errors:
            self.say()
            self.say(s.bold(s.red(f"{s.bad} The tests could not run:")))
            for line in err.splitlines():
                self.say(f"  {line}")

    def check(self, ex: Exercise, quiet_next: bool = False) -> bool:
        s = self.style
        self.say(s.bold(f"Checking {ex.id}: {ex.title}"))
        self.say()
        result = run_exercise(self.folder(ex))
        self.print_result(ex, result)
        self.state.record(ex.id, result.ok)
        self.say()
        if result.ok:
            self.say(s.green(f"{s.ok} {ex.id} passes: all {result.passed} checks.") + f"  Progress: {self.done_count()}.")
            if not quiet_next:
                nxt = self.current()
                if nxt is None:
                    self.say("That was the last one: every exercise passes. Well done.")
                else:
                    self.say(f"Next: {nxt.id}: {nxt.title}")
                    self.say(f"  read {self.rel(self.folder(nxt) / 'README.md')}, then run `podlab check {nxt.number}`.")
                self.say(s.dim(f"(`podlab solution {ex.number}` shows our solution to compare with yours.)"))
        else:
            total = len(result.tests)
            files = ", ".join(self.rel(self.folder(ex) / f) for f in ex.files)
            if total:
                self.say(f"{result.passed} of {total} checks pass. Edit {files} and run `podlab check {ex.number}` again.")
            else:
                self.say(f"Edit {files} and run `podlab check {ex.number}` again.")
            if not any("podlab hint" in t.message for t in result.failed):
                self.say(f"Stuck? `podlab hint {ex.number}`.")
        return result.ok

    def cmd_check(self, ref: str | None) -> int:
        return 0 if self.check(self.pick(ref)) else 1

    def cmd_hint(self, ref: str | None) -> int:
        s = self.style
        ex = self.pick(ref)
        tiers = ("nudge", "concept", "near-solution")
        n = self.state.reveal_hint(ex.id, len(ex.hints))
        self.say(s.bold(f"Hints for {ex.id}: {ex.title}"))
        for i in range(n):
            self.say()
            self.say(s.bold(f"Hint {i + 1} of {len(ex.hints)} ({tiers[i]}):") if i == n - 1 else s.dim(f"Hint {i + 1} of {len(ex.hints)} ({tiers[i]}):"))
            for line in ex.hints[i].splitlines():
                self.say(f"  {line}")
        self.say()
        if n < len(ex.hints):
            self.say(s.dim(f"Still stuck after trying? `podlab hint {ex.number}` again shows the next one."))
        else:
            self.say(s.dim(f"That was the last hint. `podlab solution {ex.number}` opens once the exercise passes."))
        return 0

    def cmd_where(self, ref: str) -> int:
        self.say(str(self.folder(self.catalog.resolve(ref))))
        return 0

    def cmd_solution(self, ref: str) -> int:
        ex = self.catalog.resolve(ref)
        if not self.state.ever_passed(ex.id):
            raise UserError(
                f"The solution to {ex.id} opens once your own answer passes: run `podlab check {ex.number}` "
                f"(and `podlab hint {ex.number}` if you are stuck)."
            )
        folder = self.root / "solutions" / ex.id
        files = sorted(p for p in folder.rglob("*") if p.is_file() and "wrong" not in p.relative_to(folder).parts)
        if not files:
            raise UserError(f"There is no solution for {ex.id} in {self.rel(folder)}.")
        for p in files:
            self.say(self.style.bold(f"==> {self.rel(p)}"))
            self.say(p.read_text(encoding="utf-8").rstrip())
            self.say()
        return 0

    def cmd_reset(self, ref: str | None, all_: bool, yes: bool) -> int:
        if all_ == (ref is not None):
            raise UserError("Say which exercise to reset (`podlab reset 3`) or `podlab reset --all`.")
        shipped = self.pristine_files()
        targets = list(self.catalog) if all_ else [self.catalog.resolve(ref)]  # type: ignore[arg-type]
        exdir = self.root / "exercises"
        changed = [
            name
            for name, data in shipped.items()
            if (all_ or any(name.startswith(t.id + "/") for t in targets))
            and (not (exdir / name).is_file() or (exdir / name).read_bytes() != data)
        ]
        what = "every exercise" if all_ else targets[0].id
        if not changed:
            self.say(f"{what[0].upper() + what[1:]} is already as shipped: nothing to reset.")
            for t in targets:
                self.state.forget(t.id)
            return 0
        listing = ", ".join(f"exercises/{c}" for c in changed)
        if not self.confirm(f"Reset {what} to how it was shipped? Your changes to {listing} will be lost.", yes):
            self.say("Nothing was reset.")
            return 1
        restored = pristine.restore(exdir, "" if all_ else targets[0].id + "/", self.archive)
        for t in targets:
            self.state.forget(t.id)
        self.say(f"Reset {what}: restored {', '.join('exercises/' + r for r in restored)}.")
        return 0

    def cmd_verify(self, all_: bool) -> int:
        s = self.style
        failed = 0
        for ex in self.catalog:
            result = run_exercise(self.folder(ex))
            self.state.record(ex.id, result.ok)
            if result.ok:
                self.say(f"  {s.green(s.ok)} {ex.id}")
                continue
            failed += 1
            self.say(f"  {s.red(s.bad)} {ex.id}")
            if not all_:
                self.say()
                self.say(s.bold(f"{ex.id}: {ex.title}"))
                self.print_result(ex, result)
                self.say()
                self.say(f"Verify stops at the first exercise that fails: fix it, then `podlab verify` again (`--all` checks every one). Progress: {self.done_count()}.")
                return 1
        self.say()
        if failed:
            self.say(f"{failed} of {len(self.catalog)} exercises fail. Progress: {self.done_count()}.")
            return 1
        self.say(s.green(f"Every exercise passes ({self.done_count()})."))
        return 0

    def cmd_catch_up(self, ref: str) -> int:
        target = self.catalog.resolve(ref)
        before = self.catalog.exercises[: self.catalog.index(target)]
        if not before:
            self.say(f"{target.id} is the first exercise: there is nothing to catch up on.")
            return 0
        shipped = self.pristine_files()
        stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
        backup_root = self.root / ".podlab" / "backup" / stamp
        applied, kept, backed = [], [], []
        for ex in before:
            if self.state.passed(ex.id):
                kept.append(ex.id)
                continue
            changed = self.changed_files(ex, shipped)
            if changed and run_exercise(self.folder(ex)).ok:
                # The learner's own work already passes: keep it as it is.
                self.state.record(ex.id, True)
                kept.append(ex.id)
                continue
            sol = self.root / "solutions" / ex.id
            if not sol.is_dir():
                raise UserError(f"There is no solution for {ex.id} in solutions/{ex.id}/ to catch up with.")
            for f in changed:
                src = self.folder(ex) / f
                if src.is_file():
                    dest = backup_root / ex.id / f
                    dest.parent.mkdir(parents=True, exist_ok=True)
                    shutil.copy2(src, dest)
                    backed.append((self.rel(src), self.rel(dest)))
            for p in sorted(sol.rglob("*")):
                rel = p.relative_to(sol)
                if p.is_file() and rel.parts[0] != "wrong":
                    dest = self.folder(ex) / rel
                    dest.parent.mkdir(parents=True, exist_ok=True)
                    shutil.copyfile(p, dest)
            self.state.record(ex.id, True)
            applied.append(ex.id)
        if backed:
            (self.root / ".podlab").mkdir(exist_ok=True)
            (self.root / ".podlab" / ".gitignore").write_text("*\n", encoding="utf-8")
        if applied:
            self.say(f"Put our solutions in place for: {', '.join(applied)}.")
        if kept:
            self.say(f"Kept your own work (it passes) for: {', '.join(kept)}.")
        for src, dest in backed:
            self.say(f"Your unfinished {src} was saved to {dest} before the solution replaced it.")
        self.say(f"You are ready for {target.id}: {target.title}. Run `podlab check {target.number}`. Progress: {self.done_count()}.")
        return 0

    def cmd_watch(
        self,
        sleep: Callable[[float], None] = time.sleep,
        keys: queue.Queue[str] | None = None,
        interval: float = 0.5,
        max_rounds: int | None = None,
    ) -> int:
        """Re-check the current exercise whenever one of its files is saved; Enter re-checks, q quits."""
        if keys is None:
            keys = queue.Queue()

            def read_keys() -> None:
                for line in self.inp:
                    keys.put(line.strip().lower())
                keys.put("q")

            threading.Thread(target=read_keys, daemon=True).start()

        def snapshot(ex: Exercise) -> dict[Path, float]:
            return {p: p.stat().st_mtime for p in sorted(self.folder(ex).rglob("*")) if p.is_file() and "__pycache__" not in p.parts}

        ex = self.current()
        if ex is None:
            self.say("Every exercise passes: there is nothing to watch.")
            return 0
        self.check(ex)
        seen = snapshot(ex)
        self.say(self.style.dim("Watching for changes: save a file to re-check, Enter to re-check now, q then Enter to quit."))
        rounds = 0
        while max_rounds is None or rounds < max_rounds:
            rounds += 1
            sleep(interval)
            recheck = False
            try:
                while True:
                    key = keys.get_nowait()
                    if key in ("q", "quit", "exit"):
                        self.say("Stopped watching.")
                        return 0
                    recheck = True
            except queue.Empty:
                pass
            now = snapshot(ex)
            if now != seen:
                seen = now
                recheck = True
            if recheck:
                self.say()
                if self.check(ex):
                    nxt = self.current()
                    if nxt is None:
                        self.say("Stopped watching: nothing is left to do.")
                        return 0
                    ex = nxt
                    seen = snapshot(ex)
                self.say(self.style.dim(f"Watching {ex.id}: save to re-check, Enter to re-check now, q then Enter to quit."))
        return 0

    def cmd_dev(self, action: str) -> int:
        exdir = self.root / "exercises"
        if action == "freeze":
            n = pristine.freeze(exdir, self.archive)
            self.say(f"Wrote {self.rel(self.archive)} with {n} files from exercises/.")
            return 0
        diffs = pristine.differences(exdir, self.archive)
        if not diffs:
            self.say("exercises/ matches the pristine copy.")
            return 0
        self.say("exercises/ differs from the pristine copy (run `podlab dev freeze` if you meant it):")
        for d in diffs:
            self.say(f"  {d}")
        return 1


# ------------------------------------------------------------------------------------ argparse


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="podlab",
        description="Learn Kubernetes Pods by making failing tests pass. Exercises are numbered: "
        "N may be 3, 03 or 03-labels-and-selectors.",
    )
    sub = p.add_subparsers(dest="command", metavar="COMMAND")
    sub.add_parser("start", help="what podlab is and where to begin")
    sub.add_parser("list", help="every exercise with your progress")
    c = sub.add_parser("check", help="run an exercise's tests (default: the current one)")
    c.add_argument("n", nargs="?", metavar="N")
    h = sub.add_parser("hint", help="the next hint for an exercise (default: the current one)")
    h.add_argument("n", nargs="?", metavar="N")
    sub.add_parser("watch", help="re-check the current exercise every time you save")
    r = sub.add_parser("reset", help="restore an exercise (or --all) as shipped")
    r.add_argument("n", nargs="?", metavar="N")
    r.add_argument("--all", action="store_true", dest="all_", help="reset every exercise")
    r.add_argument("--yes", "-y", action="store_true", help="do not ask for confirmation")
    s = sub.add_parser("solution", help="our solution, once your exercise passes")
    s.add_argument("n", metavar="N")
    v = sub.add_parser("verify", help="check every exercise in order, stopping at the first failure")
    v.add_argument("--all", action="store_true", dest="all_", help="go on past failures")
    cu = sub.add_parser("catch-up", help="workshop: put solutions in place for the exercises before N")
    cu.add_argument("n", metavar="N")
    w = sub.add_parser("where", help="the folder of exercise N")
    w.add_argument("n", metavar="N")
    sh = sub.add_parser("shell", aliases=["kubectl"],
                        help="a terminal on a sandbox cluster: kubectl commands, `advance 30s` moves time")
    sh.add_argument("-f", "--filename", action="append", default=[], metavar="PATH",
                    help="manifests (a file or a folder) to apply at start; may repeat")
    sh.add_argument("--nodes", type=int, default=3, help="how many nodes (default 3)")
    sh.add_argument("--seed", type=int, default=0, help="the seed of the run (default 0)")
    d = sub.add_parser("dev", help="for podlab's authors: `freeze` the pristine copy, `diff` against it")
    d.add_argument("action", choices=["freeze", "diff"])
    return p


def _shell(args: argparse.Namespace, out: TextIO | None) -> int:
    """``podlab shell``: a workshop terminal on a fresh sandbox cluster."""
    from sandbox import Cluster
    from sandbox.kubectl import Shell

    if args.nodes < 1:
        print("podlab: --nodes must be 1 or more", file=sys.stderr)
        return 2
    with Cluster(nodes=args.nodes, seed=args.seed) as cluster:
        shell = Shell(cluster, apply=args.filename)
        stream = out or sys.stdout
        stream.write(f"podlab shell: a sandbox cluster with {args.nodes} node(s), seed {args.seed}. "
                     "Type `help` for what you can do, `exit` to leave.\n")
        return shell.run(out=stream)


def main(argv: Sequence[str] | None = None, *, out: TextIO | None = None, inp: TextIO | None = None) -> int:
    """Entry point of the ``podlab`` command; returns the exit status."""
    args = build_parser().parse_args(argv)
    err = sys.stderr
    if args.command in ("shell", "kubectl"):
        return _shell(args, out)
    try:
        app = App(find_root(), out=out, inp=inp)
        cmd = args.command or "start"
        if cmd == "start":
            return app.cmd_start()
        if cmd == "list":
            return app.cmd_list()
        if cmd == "check":
            return app.cmd_check(args.n)
        if cmd == "hint":
            return app.cmd_hint(args.n)
        if cmd == "watch":
            return app.cmd_watch()
        if cmd == "reset":
            return app.cmd_reset(args.n, args.all_, args.yes)
        if cmd == "solution":
            return app.cmd_solution(args.n)
        if cmd == "verify":
            return app.cmd_verify(args.all_)
        if cmd == "catch-up":
            return app.cmd_catch_up(args.n)
        if cmd == "where":
            return app.cmd_where(args.n)
        if cmd == "dev":
            return app.cmd_dev(args.action)
        raise UserError(f"Unknown command {cmd!r}: see `podlab --help`.")
    except (UserError, UnknownExercise, MetadataError, PytestMissing) as e:
        print(f"podlab: {e}", file=err)
        return 2
    except KeyboardInterrupt:
        print("", file=err)
        return 130
    except BrokenPipeError:  # `podlab list | head`
        sys.stdout = open(os.devnull, "w")  # noqa: SIM115 - silence the interpreter's flush at exit
        return 0
    except Exception as e:  # noqa: BLE001 - the learner gets one sentence, not a traceback
        if os.environ.get("PODLAB_DEBUG"):
            raise
        print(f"podlab: unexpected error ({type(e).__name__}: {e}); rerun with PODLAB_DEBUG=1 for details.", file=err)
        return 3


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
