"""The shell: walks the parsed tree, expands words, runs builtins, functions and programs.

``sh(proc)`` is busybox's ``sh`` program: ``sh -c SCRIPT [NAME [ARGS...]]``, ``sh FILE [ARGS]``,
or ``sh`` reading its script from stdin. Everything that waits goes through the process API
(``proc.sleep``, ``proc.wait_for``), so the cluster's virtual clock drives it.
"""

from __future__ import annotations

import errno
import fnmatch
import re
from collections.abc import Callable
from typing import Any

from sandbox.images.busybox.arith import ArithError, evaluate
from sandbox.images.busybox.lexer import Arith, CmdSub, Lit, Param, ShellSyntaxError, Word
from sandbox.images.busybox.parser import (
    AndOr,
    Background,
    Case,
    For,
    FuncDef,
    Group,
    If,
    ListNode,
    Loop,
    Node,
    Parser,
    Pipeline,
    Redirect,
    Simple,
    Subshell,
)
from sandbox.runtime.filesystem import FSError
from sandbox.runtime.process import (
    InputText,
    OutputBuffer,
    Pipe,
    Process,
    ProcessExit,
    Program,
    signal_name,
)

__all__ = ["Shell", "sh", "ShellError"]


class ShellError(Exception):
    """A shell-level error (bad substitution, arithmetic, ``set -u``): message and status."""

    def __init__(self, msg: str, status: int = 2) -> None:
        super().__init__(msg)
        self.status = status


class _Break(Exception):
    def __init__(self, n: int) -> None:
        self.n = n


class _Continue(Exception):
    def __init__(self, n: int) -> None:
        self.n = n


class _Return(Exception):
    def __init__(self, code: int) -> None:
        self.code = code


class ShellExit(Exception):
    def __init__(self, code: int) -> None:
        self.code = code


SPECIAL_BUILTINS = {":", ".", "break", "continue", "eval", "exec", "exit", "export", "readonly", "return", "set", "shift", "trap", "unset", "source"}
_GLOB_CHARS = set("*?[")
_SIGNAL_TRAP_NAMES = {"EXIT": 0}


class Shell:
    """One shell's state: variables, functions, options, traps, jobs and file descriptors."""

    def __init__(self, proc: Process, name: str = "sh", script_name: str | None = None) -> None:
        self.proc = proc
        self.name = name  # $0
        self.script_name = script_name  # for "FILE: line N:" messages
        self.vars: dict[str, str] = dict(proc.env)
        self.exported: set[str] = set(proc.env)
        self.readonly: set[str] = set()
        self.funcs: dict[str, Node] = {}
        self.positional: list[str] = []
        self.opts: set[str] = set()
        self.traps: dict[int, str] = {}
        self.status = 0
        self.last_bg: int | None = None
        self.jobs: list[Process] = []
        self.fds: dict[int, Any] = {0: proc.stdin, 1: proc.stdout, 2: proc.stderr}
        self.pid = proc.pid  # $$ (a subshell keeps its parent's)
        self.line = 1
        self.in_trap = False
        self.errexit_ok = 0  # >0 inside conditions where set -e does not apply
        self.loop_depth = 0
        self.func_depth = 0
        self.is_subshell = False
        self.vars.setdefault("IFS", " \t\n")
        self.vars.setdefault("PS1", "# " if proc.uid == 0 else "$ ")
        self.vars.setdefault("PPID", str(proc.ppid))
        if "PWD" not in self.vars or self.vars["PWD"] != proc.cwd:
            self.vars["PWD"] = proc.cwd
        self.vars.setdefault("OPTIND", "1")

    # ---------------------------------------------------------------- messages

    def prefix(self) -> str:
        if self.script_name:
            return f"{self.script_name}: line {self.line}: "
        return "sh: "

    def err(self, msg: str) -> None:
        self.fds[2].write(self.prefix() + msg + "\n")

    def out(self, text: str) -> None:
        self.fds[1].write(text)

    # ---------------------------------------------------------------- running scripts

    def run_script(self, src: str) -> int:
        """Parse and run ``src`` command by command; returns the exit status (EXIT trap run)."""
        try:
            try:
                parser = Parser(src)
                while True:
                    try:
                        node = parser.next_command()
                    except ShellSyntaxError as e:
                        self.line = parser.tok.line
                        self.err(f"syntax error: {e}")
                        raise ShellExit(2) from None
                    if node is None:
                        break
                    self.eval(node, tail=parser.tok.kind == "eof")
                code = self.status
            except ShellExit as e:
                code = e.code
            except _Return as e:
                code = e.code
            except (_Break, _Continue):
                code = self.status
        except ProcessExit as e:
            code = e.code
        return self.run_exit_trap(code)

    def run_exit_trap(self, code: int) -> int:
        action = self.traps.pop(0, None)
        if action:
            self.status = code
            try:
                self.eval_string(action)
            except ShellExit as e:
                return e.code
        return code

    def eval_string(self, src: str) -> int:
        parser = Parser(src)
        try:
            while (node := parser.next_command()) is not None:
                self.eval(node)
        except ShellSyntaxError as e:
            self.err(f"syntax error: {e}")
            self.status = 2
        return self.status

    # ---------------------------------------------------------------- traps

    def run_traps(self) -> None:
        if self.in_trap or not self.proc.pending:
            return
        for sig in self.proc.take_signals():
            action = self.traps.get(sig)
            if action:
                saved = self.status
                self.in_trap = True
                try:
                    self.eval_string(action)
                finally:
                    self.in_trap = False
                self.status = saved

    # ---------------------------------------------------------------- evaluation

    def eval(self, node: Node, tail: bool = False) -> int:
        t = type(node)
        if t is Simple:
            status = self.eval_simple(node, tail)  # type: ignore[arg-type]
        elif t is ListNode:
            items = node.items  # type: ignore[attr-defined]
            last = len(items) - 1
            for i, item in enumerate(items):
                self.eval(item, tail and i == last)
            return self.status
        elif t is AndOr:
            status = self.eval_andor(node, tail)  # type: ignore[arg-type]
            return status
        elif t is Pipeline:
            status = self.eval_pipeline(node)  # type: ignore[arg-type]
        elif t is Background:
            status = self.eval_background(node)  # type: ignore[arg-type]
        elif t is Loop:
            status = self.eval_loop(node)  # type: ignore[arg-type]
        elif t is If:
            status = self.eval_if(node, tail)  # type: ignore[arg-type]
        elif t is For:
            status = self.eval_for(node)  # type: ignore[arg-type]
        elif t is Case:
            status = self.eval_case(node, tail)  # type: ignore[arg-type]
        elif t is Group:
            status = self.with_redirects(node.redirects, lambda: self.eval(node.body, tail))  # type: ignore[attr-defined]
        elif t is Subshell:
            status = self.eval_subshell(node)  # type: ignore[arg-type]
        elif t is FuncDef:
            self.funcs[node.name] = node.body  # type: ignore[attr-defined]
            status = 0
        else:  # pragma: no cover
            raise TypeError(node)
        self.status = status
        if self.proc.pending:
            self.run_traps()
        if (
            status
            and "e" in self.opts
            and not self.errexit_ok
            and t in (Simple, Pipeline, Subshell, Group)
            and not (t is Pipeline and node.negate)  # type: ignore[attr-defined]
        ):
            raise ShellExit(status)
        return status

    def eval_andor(self, node: AndOr, tail: bool) -> int:
        self.errexit_ok += 1
        try:
            status = self.eval(node.first)
        finally:
            self.errexit_ok -= 1
        n = len(node.rest)
        for i, (op, cmd) in enumerate(node.rest):
            if (op == "&&") == (status == 0):
                last = i == n - 1
                if not last:
                    self.errexit_ok += 1
                try:
                    status = self.eval(cmd, tail and last)
                finally:
                    if not last:
                        self.errexit_ok -= 1
        self.status = status
        return status

    def eval_cond(self, node: Node) -> int:
        self.errexit_ok += 1
        try:
            return self.eval(node)
        finally:
            self.errexit_ok -= 1

    def eval_if(self, node: If, tail: bool) -> int:
        def run() -> int:
            for cond, body in node.branches:
                if self.eval_cond(cond) == 0:
                    return self.eval(body, tail)
            if node.orelse is not None:
                return self.eval(node.orelse, tail)
            return 0

        return self.with_redirects(node.redirects, run)

    def eval_loop(self, node: Loop) -> int:
        def run() -> int:
            status = 0
            self.loop_depth += 1
            try:
                while True:
                    c = self.eval_cond(node.cond)
                    if (c == 0) == node.until:
                        break
                    try:
                        status = self.eval(node.body)
                    except _Break as b:
                        if b.n > 1:
                            b.n -= 1
                            raise
                        status = 0
                        break
                    except _Continue as c2:
                        if c2.n > 1:
                            c2.n -= 1
                            raise
                        continue
            finally:
                self.loop_depth -= 1
            return status

        return self.with_redirects(node.redirects, run)

    def eval_for(self, node: For) -> int:
        items = list(self.positional) if node.items is None else self.expand_words(node.items)

        def run() -> int:
            status = 0
            self.loop_depth += 1
            try:
                for item in items:
                    self.setvar(node.var, item)
                    try:
                        status = self.eval(node.body)
                    except _Break as b:
                        if b.n > 1:
                            b.n -= 1
                            raise
                        break
                    except _Continue as c:
                        if c.n > 1:
                            c.n -= 1
                            raise
                        continue
            finally:
                self.loop_depth -= 1
            return status

        return self.with_redirects(node.redirects, run)

    def eval_case(self, node: Case, tail: bool) -> int:
        subject = self.expand_str(node.subject)

        def run() -> int:
            for pats, body in node.arms:
                for p in pats:
                    if fnmatch.fnmatchcase(subject, self.expand_pattern(p)):
                        return self.eval(body, tail) if body is not None else 0
            return 0

        return self.with_redirects(node.redirects, run)

    # ---------------------------------------------------------------- subshells, jobs, pipelines

    def clone(self, proc: Process) -> Shell:
        sub = Shell.__new__(Shell)
        sub.__dict__.update(self.__dict__)
        sub.proc = proc
        sub.vars = dict(self.vars)
        sub.exported = set(self.exported)
        sub.readonly = set(self.readonly)
        sub.funcs = dict(self.funcs)
        sub.positional = list(self.positional)
        sub.opts = set(self.opts)
        # caught traps are reset in a subshell; ignored ones stay ignored
        sub.traps = {s: a for s, a in self.traps.items() if a == "" and s != 0}
        sub.jobs = []
        sub.fds = dict(self.fds)
        sub.is_subshell = True
        sub.in_trap = False
        return sub

    def subshell_program(self, node: Node, fds: dict[int, Any] | None = None) -> Program:
        def program(proc: Process) -> int:
            sub = self.clone(proc)
            if fds:
                sub.fds.update(fds)
            proc.stdin, proc.stdout, proc.stderr = sub.fds[0], sub.fds[1], sub.fds[2]
            try:
                try:
                    sub.eval(node, tail=True)
                    code = sub.status
                except ShellExit as e:
                    code = e.code
                except _Return as e:
                    code = e.code
                except (_Break, _Continue):
                    code = sub.status
            except ShellError as e:
                sub.err(str(e))
                code = e.status
            return sub.run_exit_trap(code)

        return program

    def new_child(self, argv: list[str], env: dict[str, str] | None = None) -> Process:
        return self.proc.child(
            argv,
            env=self.export_env() if env is None else env,
            stdin=self.fds[0],
            stdout=self.fds[1],
            stderr=self.fds[2],
        )

    def eval_subshell(self, node: Subshell) -> int:
        def run() -> int:
            child = self.new_child(list(self.proc.argv))
            return self.proc.run_child(child, self.subshell_program(node.body))

        return self.with_redirects(node.redirects, run)

    def eval_background(self, node: Background) -> int:
        child = self.new_child(list(self.proc.argv))
        # a non-interactive shell's background job: stdin from /dev/null, INT and QUIT ignored
        for s in (2, 3):
            child.set_handler(s, "ignore")
        self.proc.spawn(child, self.subshell_program(node.command, {0: InputText("")}))
        self.jobs.append(child)
        self.last_bg = child.pid
        return 0

    def eval_pipeline(self, node: Pipeline) -> int:
        cmds = node.commands
        if len(cmds) == 1:
            self.errexit_ok += node.negate
            try:
                status = self.eval(cmds[0])
            finally:
                self.errexit_ok -= node.negate
            return int(status == 0) if node.negate else status
        children: list[Process] = []
        prev_reader: Any = None
        status = 0
        for i, cmd in enumerate(cmds):
            last = i == len(cmds) - 1
            fds: dict[int, Any] = {}
            if prev_reader is not None:
                fds[0] = prev_reader
            writer = None
            if not last:
                pipe = Pipe(self.proc.clock)
                writer = pipe.writer()
                fds[1] = writer
                next_reader = pipe.reader()
            child = self.new_child(list(self.proc.argv))
            program = self._stage_program(cmd, fds, writer, prev_reader)
            if last:
                status = self.proc.run_child(child, program)
            else:
                self.proc.spawn(child, program)
                children.append(child)
                prev_reader = next_reader
        self.proc.wait_for(lambda: all(not c.alive for c in children), interruptible=False)
        return int(status == 0) if node.negate else status

    def _stage_program(self, cmd: Node, fds: dict[int, Any], writer: Any, reader: Any) -> Program:
        inner = self.subshell_program(cmd, fds)

        def program(proc: Process) -> int:
            try:
                return inner(proc)
            finally:
                if writer is not None:
                    writer.close()
                if reader is not None:
                    reader.close()

        return program

    # ---------------------------------------------------------------- redirections

    def open_redirects(self, redirects: list[Redirect]) -> dict[int, Any] | None:
        """New fds for ``redirects``, or None after printing the error."""
        fds = dict(self.fds)
        for r in redirects:
            op = r.op
            if op in ("<<", "<<-"):
                body, quoted = (r.heredoc.heredoc + ["", ""])[:2] if r.heredoc is not None else ("", "")
                text = body if quoted else self.expand_heredoc(body)
                fds[r.fd] = InputText(text)
                continue
            target = self.expand_str(r.target)
            if op in (">&", "<&"):
                if target == "-":
                    fds.pop(r.fd, None)
                    continue
                if target.isdigit():
                    src = int(target)
                    if src not in fds:
                        self.err(f"{target}: bad file descriptor" if False else f"dup2({src},{r.fd}): Bad file descriptor")
                        return None
                    fds[r.fd] = fds[src]
                    continue
                op = ">" if op == ">&" else "<"
            special = self._special_file(target, fds)
            if special is not None:
                fds[r.fd] = special
                continue
            mode = {"<": "r", ">": "w", ">|": "w", ">>": "a", "<>": "r+"}[op]
            try:
                fds[r.fd] = self.proc.fs.open(target, mode)
            except FSError as e:
                # ash's openredirect: errmsg() words ENOENT and ENOTDIR its own way
                verb, missing = ("open", "no such file") if op == "<" else ("create", "nonexistent directory")
                why = missing if e.errno in (errno.ENOENT, errno.ENOTDIR) else str(e)
                self.err(f"can't {verb} {target}: {why}")
                return None
        return fds

    def _special_file(self, path: str, fds: dict[int, Any]) -> Any:
        m = re.fullmatch(r"/dev/(stdin|stdout|stderr)|/proc/(self|\d+)/fd/(\d+)|/dev/fd/(\d+)", path)
        if not m:
            return None
        if m.group(1):
            return fds.get({"stdin": 0, "stdout": 1, "stderr": 2}[m.group(1)])
        if m.group(4):
            return fds.get(int(m.group(4)))
        who, fd = m.group(2), int(m.group(3))
        if who == "self" or int(who) == self.proc.pid:
            return fds.get(fd)
        p = self.proc.table.get(int(who))
        if p is None:
            return None
        return {0: p.stdin, 1: p.stdout, 2: p.stderr}.get(fd)

    def with_redirects(self, redirects: list[Redirect], fn: Callable[[], int]) -> int:
        if not redirects:
            return fn()
        fds = self.open_redirects(redirects)
        if fds is None:
            return 1
        saved = self.fds
        self.fds = fds
        try:
            return fn()
        finally:
            self.fds = saved

    # ---------------------------------------------------------------- simple commands

    def eval_simple(self, node: Simple, tail: bool = False) -> int:
        self.line = node.line
        words = node.words
        argv = self.expand_words(words) if words else []
        if not argv:
            # assignments only (redirections are still performed)
            status = 0
            for name, w in node.assigns:
                self.setvar(name, self.expand_str(w))
                status = self.status if any(isinstance(p, CmdSub) for p in w.parts) else 0
            if node.redirects and self.open_redirects(node.redirects) is None:
                return 1
            if "x" in self.opts and node.assigns:
                self.fds[2].write("+ " + " ".join(f"{n}={self.vars.get(n, '')}" for n, _ in node.assigns) + "\n")
            return status
        assigns = [(n, self.expand_str(w)) for n, w in node.assigns]
        if "x" in self.opts:
            self.fds[2].write("+ " + " ".join([f"{n}={v}" for n, v in assigns] + [_quote(a) for a in argv]) + "\n")
        name = argv[0]
        if node.redirects:
            fds = self.open_redirects(node.redirects)
            if fds is None:
                return 1
            saved = self.fds
            self.fds = fds
            try:
                return self.run_command(argv, assigns, tail and not node.redirects)
            finally:
                self.fds = saved
        return self.run_command(argv, assigns, tail)

    def run_command(self, argv: list[str], assigns: list[tuple[str, str]], tail: bool = False) -> int:
        from sandbox.images.busybox.builtins import BUILTINS

        name = argv[0]
        builtin = BUILTINS.get(name)
        if builtin is not None and name in SPECIAL_BUILTINS:
            for n, v in assigns:
                self.setvar(n, v)
            return builtin(self, argv)
        func = self.funcs.get(name)
        if func is not None:
            return self.call_function(func, argv, assigns)
        if builtin is not None:
            if not assigns:
                return builtin(self, argv)
            saved = {n: self.vars.get(n) for n, _ in assigns}
            for n, v in assigns:
                self.vars[n] = v
            try:
                return builtin(self, argv)
            finally:
                for n, old in saved.items():
                    if old is None:
                        self.vars.pop(n, None)
                    else:
                        self.vars[n] = old
        return self.run_external(argv, assigns, tail)

    def call_function(self, body: Node, argv: list[str], assigns: list[tuple[str, str]]) -> int:
        saved_pos = self.positional
        saved_vars = {n: self.vars.get(n) for n, _ in assigns}
        for n, v in assigns:
            self.vars[n] = v
        self.positional = argv[1:]
        self.func_depth += 1
        try:
            status = self.eval(body)
        except _Return as r:
            status = r.code
        finally:
            self.func_depth -= 1
            self.positional = saved_pos
            for n, old in saved_vars.items():
                if old is None:
                    self.vars.pop(n, None)
                else:
                    self.vars[n] = old
        return status

    def export_env(self, assigns: list[tuple[str, str]] = ()) -> dict[str, str]:  # type: ignore[assignment]
        env = {n: self.vars[n] for n in self.exported if n in self.vars}
        for n, v in assigns:
            env[n] = v
        return env

    def find_command(self, name: str) -> tuple[str | None, int, str]:
        """Resolve ``name`` along PATH: (path, 0, "") or (None, status, message)."""
        fs = self.proc.fs
        if "/" in name:
            if not fs.exists(name):
                return None, 127, f"{name}: not found"
            if fs.is_dir(name) or not fs.access(name, 1):
                return None, 126, f"{name}: Permission denied"
            return name, 0, ""
        denied = None
        for d in self.vars.get("PATH", "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin").split(":"):
            cand = (d or ".").rstrip("/") + "/" + name
            if fs.is_file(cand):
                if fs.access(cand, 1):
                    return cand, 0, ""
                denied = cand
        if denied is not None:
            return None, 126, f"{name}: Permission denied"
        return None, 127, f"{name}: not found"

    def program_for(self, path: str) -> Program:
        prog = self.proc.find_program(path)
        if prog is not None:
            return prog
        # not one of our binaries: a script (with or without "#!")
        try:
            text = self.proc.fs.read_text(path)
        except FSError:
            text = ""
        first = text.split("\n", 1)[0]
        if first.startswith("#!"):
            interp = first[2:].strip().split()
            if interp:
                ipath, status, _ = self.find_command(interp[0])
                if ipath is not None:
                    iprog = self.proc.find_program(ipath)
                    if iprog is not None:
                        def via_interp(proc: Process, iprog: Program = iprog) -> int | None:
                            proc.argv = interp + [path] + proc.argv[1:]
                            return iprog(proc)

                        return via_interp

        def as_script(proc: Process) -> int:
            shell = Shell(proc, name=path, script_name=path)
            shell.positional = proc.argv[1:]
            return shell.run_script(text)

        return as_script

    def run_external(self, argv: list[str], assigns: list[tuple[str, str]], tail: bool = False) -> int:
        path, status, msg = self.find_command(argv[0])
        if path is None:
            self.err(msg)
            return status
        program = self.program_for(path)
        env = self.export_env(assigns)
        if tail and not self.traps and not self.in_trap and self.func_depth == 0 and not self.jobs:
            # ash execs the last command of "sh -c" (and of a subshell) instead of forking
            proc = self.proc
            proc.env = env
            proc.stdin, proc.stdout, proc.stderr = self.fds[0], self.fds[1], self.fds[2]
            raise ShellExit(proc.exec(argv, program))
        child = self.new_child(argv, env)
        return self.proc.run_child(child, program)

    # ---------------------------------------------------------------- variables

    def setvar(self, name: str, value: str) -> None:
        if name in self.readonly:
            raise ShellError(f"{name}: is read only", 2)
        self.vars[name] = value
        if "a" in self.opts:
            self.exported.add(name)

    def getparam(self, name: str) -> str | None:
        v = self.vars.get(name)
        if v is not None:
            return v
        c = name[0]
        if c.isdigit():
            n = int(name)
            if n == 0:
                return self.name
            return self.positional[n - 1] if n <= len(self.positional) else None
        if name == "?":
            return str(self.status)
        if name == "#":
            return str(len(self.positional))
        if name == "$":
            return str(self.pid)
        if name == "!":
            return str(self.last_bg) if self.last_bg is not None else None
        if name in ("@", "*"):
            sep = self.vars.get("IFS", " \t\n")[:1] if name == "*" else " "
            return sep.join(self.positional) if self.positional else None
        if name == "-":
            return "".join(sorted(self.opts))
        return None

    # ---------------------------------------------------------------- expansion

    def expand_words(self, words: list[Word]) -> list[str]:
        out: list[str] = []
        for w in words:
            if w.plain is not None and not (_GLOB_CHARS & set(w.plain)) and not w.plain.startswith("~"):
                out.append(w.plain)
            else:
                out.extend(self.expand_fields(w))
        return out

    def expand_str(self, w: Word) -> str:
        """Expand without field splitting or globbing (assignments, case, redirect targets)."""
        if w.plain is not None and not w.plain.startswith("~"):
            return w.plain
        return "".join(text for text, _q, _s in self.expand_parts(w))

    def expand_pattern(self, w: Word) -> str:
        """A case pattern: quoted parts match literally."""
        out: list[str] = []
        for text, quoted, _s in self.expand_parts(w):
            out.append(_escape_glob(text) if quoted else text)
        return "".join(out)

    def expand_heredoc(self, body: str) -> str:
        from sandbox.images.busybox.lexer import parse_word

        w = parse_word(body.replace('"', '\\"'), stop=set(), dquote=True)
        return self.expand_str(w)

    def expand_parts(self, w: Word) -> list[tuple[str, bool, bool]]:
        """Expanded pieces: (text, quoted, splittable); ``"$@"`` yields a ``\\0`` field break."""
        out: list[tuple[str, bool, bool]] = []
        first = True
        for p in w.parts:
            tp = type(p)
            if tp is Lit:
                text = p.text  # type: ignore[union-attr]
                if first and not p.quoted and text.startswith("~"):  # type: ignore[union-attr]
                    user, sep, rest = text[1:].partition("/")
                    if not user:
                        text = self.vars.get("HOME", "/") + sep + rest
                out.append((text, p.quoted, False))  # type: ignore[union-attr]
            elif tp is Param:
                self._expand_param(p, out)  # type: ignore[arg-type]
            elif tp is CmdSub:
                out.append((self.command_substitution(p), p.quoted, not p.quoted))  # type: ignore[arg-type]
            elif tp is Arith:
                expr = self.expand_str(p.expr)  # type: ignore[union-attr]
                try:
                    val = evaluate(expr, lambda n: self.vars.get(n, ""), self.setvar)
                except ArithError as e:
                    raise ShellError(str(e)) from None
                out.append((str(val), p.quoted, not p.quoted))  # type: ignore[union-attr]
            first = False
        return out

    def _expand_param(self, p: Param, out: list[tuple[str, bool, bool]]) -> None:
        name, op = p.name, p.op
        if name == "@" and p.quoted and not op:
            for i, a in enumerate(self.positional):
                if i:
                    out.append(("\0", False, False))
                out.append((a, True, False))
            if not self.positional:
                out.append(("\0@", False, False))
            return
        val = self.getparam(name)
        if op == "":
            if val is None:
                if "u" in self.opts and name not in ("@", "*"):
                    raise ShellError(f"{name}: parameter not set")
                val = ""
            out.append((val, p.quoted, not p.quoted))
            return
        if op == "len":
            out.append((str(len(val or "")), p.quoted, not p.quoted))
            return
        colon = op.startswith(":")
        base = op.lstrip(":")
        unset = val is None or (colon and val == "")
        if base in ("-", "=", "?", "+"):
            assert p.arg is not None
            if base == "+":
                if unset:
                    return
                out.extend((t, q or p.quoted, s and not p.quoted) for t, q, s in self.expand_parts(p.arg))
                return
            if not unset:
                out.append((val or "", p.quoted, not p.quoted))
                return
            if base == "-":
                out.extend((t, q or p.quoted, s and not p.quoted) for t, q, s in self.expand_parts(p.arg))
                return
            word = self.expand_str(p.arg)
            if base == "=":
                self.setvar(name, word)
                out.append((word, p.quoted, not p.quoted))
                return
            msg = word or ("parameter null or not set" if colon else "parameter not set")
            raise ShellError(f"{name}: {msg}")
        # prefix/suffix removal
        assert p.arg is not None
        pat = self.expand_pattern(p.arg)
        v = val or ""
        res = v
        if base in ("#", "##"):
            rng = range(len(v) + 1) if base == "#" else range(len(v), -1, -1)
            for i in rng:
                if fnmatch.fnmatchcase(v[:i], pat):
                    res = v[i:]
                    break
        else:
            rng = range(len(v), -1, -1) if base == "%" else range(len(v) + 1)
            for i in rng:
                if fnmatch.fnmatchcase(v[i:], pat):
                    res = v[:i]
                    break
        out.append((res, p.quoted, not p.quoted))

    def command_substitution(self, cs: CmdSub) -> str:
        buf = OutputBuffer()
        if cs.node is None:
            try:
                cs.node = Parser(cs.source).parse_all() if cs.source.strip() else ListNode([])
            except ShellSyntaxError as e:
                raise ShellError(f"syntax error: {e}") from None
        node = cs.node
        assert isinstance(node, Node)
        child = self.new_child(list(self.proc.argv))
        child.stdout = buf
        status = self.proc.run_child(child, self.subshell_program(node, {1: buf}))
        self.status = status
        return buf.getvalue().rstrip("\n")

    def expand_fields(self, w: Word) -> list[str]:
        pieces = self.expand_parts(w)
        ifs = self.vars.get("IFS", " \t\n")
        fields: list[list[tuple[str, bool]]] = []
        cur: list[tuple[str, bool]] = []
        have = False  # current field exists (even if empty, from quotes)
        for text, quoted, split in pieces:
            if text == "\0" and not quoted:
                fields.append(cur)
                cur, have = [], False
                continue
            if text == "\0@" and not quoted:
                continue
            if split and ifs:
                i = 0
                n = len(text)
                start = 0
                while i < n:
                    c = text[i]
                    if c in ifs:
                        if i > start:
                            cur.append((text[start:i], False))
                            have = True
                        ws = c in " \t\n"
                        if have or not ws:
                            fields.append(cur)
                            cur, have = [], False
                        j = i + 1
                        while j < n and text[j] in ifs and text[j] in " \t\n":
                            j += 1
                        if ws and j < n and text[j] in ifs and text[j] not in " \t\n":
                            j += 1
                        i = start = j
                        continue
                    i += 1
                if start < n:
                    cur.append((text[start:], False))
                    have = True
            else:
                cur.append((text, quoted))
                if text or quoted:
                    have = True
        if have:
            fields.append(cur)
        result: list[str] = []
        noglob = "f" in self.opts
        for f in fields:
            plain = "".join(t for t, _ in f)
            if not noglob and any(not q and _GLOB_CHARS & set(t) for t, q in f):
                pattern = "".join(t if not q else _escape_glob(t) for t, q in f)
                matches = self.glob(pattern)
                if matches:
                    result.extend(matches)
                    continue
            result.append(plain)
        return result

    def glob(self, pattern: str) -> list[str]:
        fs = self.proc.fs
        absolute = pattern.startswith("/")
        parts = [p for p in pattern.split("/") if p]
        bases = ["/" if absolute else ""]
        for i, part in enumerate(parts):
            nxt: list[str] = []
            magic = bool(_GLOB_CHARS & set(part))
            for b in bases:
                dirpath = b or "."
                if not magic:
                    cand = (b.rstrip("/") + "/" + _unescape(part)) if b else _unescape(part)
                    if i < len(parts) - 1 or fs.lexists(cand):
                        nxt.append(cand)
                    continue
                try:
                    names = fs.listdir(dirpath)
                except FSError:
                    continue
                for name in names:
                    if name.startswith(".") and not part.startswith("."):
                        continue
                    if fnmatch.fnmatchcase(name, part):
                        nxt.append((b.rstrip("/") + "/" + name) if b else name)
            bases = nxt
        return sorted(bases)


def _escape_glob(s: str) -> str:
    return "".join(f"[{c}]" if c in "*?[" else c for c in s)


def _unescape(s: str) -> str:
    return re.sub(r"\[(.)\]", r"\1", s)


def _quote(s: str) -> str:
    if s and all(c.isalnum() or c in "@%+=:,./-_" for c in s):
        return s
    return "'" + s.replace("'", "'\"'\"'") + "'"


def sh(proc: Process) -> int:
    """busybox ``sh``: ``-c SCRIPT [NAME [ARGS]]``, ``FILE [ARGS]``, or a script on stdin."""
    args = proc.argv[1:]
    opts: set[str] = set()
    command: str | None = None
    while args and args[0].startswith("-") and args[0] not in ("-", "--"):
        flag = args.pop(0)
        for ch in flag[1:]:
            if ch == "c":
                if not args:
                    proc.stderr.write("sh: -c requires an argument\n")
                    return 2
                command = args.pop(0)
            elif ch in "eux":
                opts.add(ch)
    if args and args[0] == "--":
        args.pop(0)
    name = proc.argv[0] if proc.argv else "sh"
    if command is not None:
        shell = Shell(proc, name=args[0] if args else name)
        shell.positional = args[1:]
        shell.opts |= opts
        return _run(shell, command)
    if args:
        path = args[0]
        try:
            text = proc.fs.read_text(path)
        except FSError as e:
            proc.stderr.write(f"sh: can't open '{path}': {e}\n")
            return 127 if e.errno == 2 else 126
        shell = Shell(proc, name=path, script_name=path)
        shell.positional = args[1:]
        shell.opts |= opts
        return _run(shell, text)
    shell = Shell(proc, name=name)
    shell.opts |= opts
    return _run(shell, proc.stdin.read())


def _run(shell: Shell, src: str) -> int:
    try:
        return shell.run_script(src)
    except ShellError as e:
        shell.err(str(e))
        return shell.run_exit_trap(e.status)


def signal_trap_name(sig: int) -> str:
    return "EXIT" if sig == 0 else signal_name(sig)
