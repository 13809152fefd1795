"""The shell's builtins (as busybox ash has them): ``echo``, ``test``, ``trap``, ``wait``, ``kill``...

Each builtin is ``fn(shell, argv) -> status`` and writes to the shell's current file descriptors.
``echo``, ``printf``, ``test``/``[`` and ``kill`` are shared with the applets of the same name.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import TYPE_CHECKING

from sandbox.runtime.filesystem import FSError, normpath
from sandbox.runtime.process import SIGNAL_NAMES, parse_signal, signal_name

if TYPE_CHECKING:
    from sandbox.images.busybox.interpreter import Shell

__all__ = ["BUILTINS", "echo_text", "printf_format", "test_expr", "kill_command"]

Builtin = Callable[["Shell", list[str]], int]
BUILTINS: dict[str, Builtin] = {}


def builtin(*names: str) -> Callable[[Builtin], Builtin]:
    def deco(fn: Builtin) -> Builtin:
        for n in names:
            BUILTINS[n] = fn
        return fn

    return deco


# ------------------------------------------------------------------ echo / printf


def _backslash(s: str, in_printf: bool = False) -> tuple[str, bool]:
    """Interpret ``\\n``-style escapes; returns (text, stop) where stop is ``\\c``."""
    out: list[str] = []
    i = 0
    n = len(s)
    while i < n:
        c = s[i]
        if c != "\\" or i + 1 >= n:
            out.append(c)
            i += 1
            continue
        e = s[i + 1]
        i += 2
        simple = {"n": "\n", "t": "\t", "\\": "\\", "a": "\a", "b": "\b", "f": "\f", "r": "\r", "v": "\v", "e": "\x1b"}
        if e in simple:
            out.append(simple[e])
        elif e == "c":
            return "".join(out), True
        elif e == "0" or (in_printf and e in "01234567"):
            j = i if e == "0" else i - 1
            digits = ""
            while j < n and len(digits) < 3 and s[j] in "01234567":
                digits += s[j]
                j += 1
            out.append(chr(int(digits or "0", 8) & 0xFF))
            i = j
        elif e == "x":
            m = re.match(r"[0-9a-fA-F]{1,2}", s[i:])
            if m:
                out.append(chr(int(m.group(), 16)))
                i += m.end()
            else:
                out.append("\\x")
        else:
            out.append("\\" + e)
    return "".join(out), False


def echo_text(args: list[str]) -> str:
    """busybox ``echo``: ``-n`` (no newline), ``-e`` (escapes), ``-E``."""
    newline, escapes = True, False
    i = 0
    while i < len(args) and re.fullmatch(r"-[neE]+", args[i]):
        for ch in args[i][1:]:
            if ch == "n":
                newline = False
            elif ch == "e":
                escapes = True
            else:
                escapes = False
        i += 1
    text = " ".join(args[i:])
    if escapes:
        text, stop = _backslash(text)
        if stop:
            return text
    return text + ("\n" if newline else "")


@builtin("echo")
def _echo(sh: Shell, argv: list[str]) -> int:
    sh.out(echo_text(argv[1:]))
    return 0


def printf_format(fmt: str, args: list[str], err: Callable[[str], None]) -> tuple[str, int]:
    """``printf FORMAT ARGS``: the format is reused while arguments remain."""
    out: list[str] = []
    status = 0
    args = list(args)
    spec = re.compile(r"%([-+ #0]*)(\*|\d+)?(?:\.(\*|\d+))?([diouxXeEfgGcsb%])")
    while True:
        used = 0
        pos = 0
        for m in spec.finditer(fmt):
            text, stop = _backslash(fmt[pos : m.start()], True)
            out.append(text)
            if stop:
                return "".join(out), status
            pos = m.end()
            flags, width, prec, conv = m.groups()
            if conv == "%":
                out.append("%")
                continue
            if width == "*":
                width = args.pop(0) if args else "0"
                used += 1
            if prec == "*":
                prec = args.pop(0) if args else "0"
                used += 1
            arg = args.pop(0) if args else None
            if arg is not None:
                used += 1
            f = "%" + flags + (width or "") + ("." + prec if prec is not None else "")
            if conv in "diouxXc" and conv != "c":
                raw = arg or "0"
                try:
                    if raw[:1] in "'\"":
                        num = ord(raw[1]) if len(raw) > 1 else 0
                    else:
                        num = int(raw, 0) if re.fullmatch(r"[-+]?0[xX][0-9a-fA-F]+", raw) else int(raw)
                except ValueError:
                    err(f"invalid number '{raw}'")
                    status = 1
                    num = 0
                out.append((f + ("d" if conv in "iu" else conv)) % num)
            elif conv in "eEfgG":
                try:
                    num_f = float(arg or "0")
                except ValueError:
                    err(f"invalid number '{arg}'")
                    status = 1
                    num_f = 0.0
                out.append((f + conv) % num_f)
            elif conv == "c":
                out.append((f + "s") % ((arg or "")[:1]))
            elif conv == "b":
                t, stop = _backslash(arg or "", True)
                out.append((f + "s") % t)
                if stop:
                    return "".join(out), status
            else:
                out.append((f + "s") % (arg or ""))
        text, stop = _backslash(fmt[pos:], True)
        out.append(text)
        if stop or not args or used == 0:
            break
    return "".join(out), status


@builtin("printf")
def _printf(sh: Shell, argv: list[str]) -> int:
    if len(argv) < 2:
        sh.fds[2].write("printf: usage: printf FORMAT [ARGUMENT...]\n")
        return 1
    text, status = printf_format(argv[1], argv[2:], lambda m: sh.fds[2].write(f"sh: {m}\n"))
    sh.out(text)
    return status


# ------------------------------------------------------------------ test


class _TestError(Exception):
    pass


def test_expr(args: list[str], fs, err: Callable[[str], None]) -> int:  # type: ignore[no-untyped-def]
    """``test``/``[``: 0 true, 1 false, 2 error (message through ``err``)."""

    def num(s: str) -> int:
        t = s.strip()
        if not re.fullmatch(r"[-+]?\d+", t):
            raise _TestError(f"{s}: bad number" if t else "bad number")
        return int(t)

    def unary(op: str, a: str) -> bool:
        if op == "-n":
            return a != ""
        if op == "-z":
            return a == ""
        if op in ("-e", "-a" if False else "-e"):
            return fs.exists(a)
        if op == "-f":
            return fs.is_file(a)
        if op == "-d":
            return fs.is_dir(a)
        if op in ("-h", "-L"):
            return fs.is_symlink(a)
        if op == "-s":
            return fs.exists(a) and fs.stat(a).size > 0
        if op == "-r":
            return fs.access(a, 4)
        if op == "-w":
            return fs.access(a, 2)
        if op == "-x":
            return fs.access(a, 1)
        if op in ("-p", "-S", "-b", "-c"):
            return op == "-c" and fs.exists(a) and (fs.stat(a).mode & 0o170000) == 0o020000
        if op == "-t":
            return False
        raise _TestError(f"{op}: unknown operand")

    binops = {"=", "==", "!=", "<", ">", "-eq", "-ne", "-lt", "-le", "-gt", "-ge", "-nt", "-ot", "-ef"}
    unops = {"-n", "-z", "-e", "-f", "-d", "-h", "-L", "-s", "-r", "-w", "-x", "-p", "-S", "-b", "-c", "-t"}

    def binary(a: str, op: str, b: str) -> bool:
        if op in ("=", "=="):
            return a == b
        if op == "!=":
            return a != b
        if op == "<":
            return a < b
        if op == ">":
            return a > b
        if op in ("-nt", "-ot", "-ef"):
            return False
        x, y = num(a), num(b)
        return {"-eq": x == y, "-ne": x != y, "-lt": x < y, "-le": x <= y, "-gt": x > y, "-ge": x >= y}[op]

    pos = 0

    def primary() -> bool:
        nonlocal pos
        if pos >= len(args):
            raise _TestError("argument expected")
        a = args[pos]
        if a == "!":
            pos += 1
            return not primary()
        if a == "(" and pos + 1 < len(args):
            pos += 1
            v = expr()
            if pos >= len(args) or args[pos] != ")":
                raise _TestError("closing paren expected")
            pos += 1
            return v
        if pos + 2 < len(args) + 0 and args[pos + 1] in binops:
            pos += 3
            return binary(a, args[pos - 2], args[pos - 1])
        if a in unops and pos + 1 < len(args):
            pos += 2
            return unary(a, args[pos - 1])
        pos += 1
        return a != ""

    def and_() -> bool:
        nonlocal pos
        v = primary()
        while pos < len(args) and args[pos] == "-a":
            pos += 1
            w = primary()
            v = v and w
        return v

    def expr() -> bool:
        nonlocal pos
        v = and_()
        while pos < len(args) and args[pos] == "-o":
            pos += 1
            w = and_()
            v = v or w
        return v

    try:
        n = len(args)
        if n == 0:
            return 1
        if n == 1:
            return 0 if args[0] else 1
        if n == 2 and args[0] == "!":
            return 0 if not args[1] else 1
        if n == 2 and args[0] in unops:
            return 0 if unary(args[0], args[1]) else 1
        if n == 3 and args[1] in binops:
            return 0 if binary(args[0], args[1], args[2]) else 1
        v = expr()
        if pos != n:
            raise _TestError(f"{args[pos]}: unknown operand")
        return 0 if v else 1
    except _TestError as e:
        err(str(e))
        return 2


@builtin("test", "[")
def _test(sh: Shell, argv: list[str]) -> int:
    args = argv[1:]
    if argv[0] == "[":
        if not args or args[-1] != "]":
            sh.fds[2].write("sh: missing ]\n")
            return 2
        args = args[:-1]
    return test_expr(args, sh.proc.fs, lambda m: sh.fds[2].write(f"sh: {m}\n"))


# ------------------------------------------------------------------ simple ones


@builtin(":", "true")
def _true(sh: Shell, argv: list[str]) -> int:
    return 0


@builtin("false")
def _false(sh: Shell, argv: list[str]) -> int:
    return 1


@builtin("pwd")
def _pwd(sh: Shell, argv: list[str]) -> int:
    sh.out(sh.proc.cwd + "\n")
    return 0


@builtin("cd")
def _cd(sh: Shell, argv: list[str]) -> int:
    from sandbox.images.busybox.interpreter import ShellError

    target = argv[1] if len(argv) > 1 else sh.vars.get("HOME", "/")
    if target == "-":
        target = sh.vars.get("OLDPWD", sh.proc.cwd)
        sh.out(target + "\n")
    new = normpath(target, sh.proc.cwd)
    fs = sh.proc.fs
    try:
        if not fs.exists(new):
            raise FSError(2, new)
        if not fs.is_dir(new):
            raise FSError(20, new)
        if not fs.access(new, 1):
            raise FSError(13, new)
    except FSError as e:
        raise ShellError(f"cd: can't cd to {target}: {e}", 2) from None
    sh.vars["OLDPWD"] = sh.proc.cwd
    sh.proc.cwd = new
    sh.vars["PWD"] = new
    return 0


def _exit_status(sh: Shell, arg: str, what: str) -> int:
    from sandbox.images.busybox.interpreter import ShellError

    if not re.fullmatch(r"[-+]?\d+", arg):
        raise ShellError(f"{what}: Illegal number: {arg}", 2)
    return int(arg) & 0xFF


@builtin("exit")
def _exit(sh: Shell, argv: list[str]) -> int:
    from sandbox.images.busybox.interpreter import ShellExit

    code = _exit_status(sh, argv[1], "exit") if len(argv) > 1 else sh.status
    raise ShellExit(code)


@builtin("return")
def _return(sh: Shell, argv: list[str]) -> int:
    from sandbox.images.busybox.interpreter import _Return

    code = _exit_status(sh, argv[1], "return") if len(argv) > 1 else sh.status
    raise _Return(code)


@builtin("break", "continue")
def _break(sh: Shell, argv: list[str]) -> int:
    from sandbox.images.busybox.interpreter import _Break, _Continue

    n = _exit_status(sh, argv[1], argv[0]) if len(argv) > 1 else 1
    if sh.loop_depth == 0:
        return 0
    n = min(max(n, 1), sh.loop_depth)
    raise (_Break(n) if argv[0] == "break" else _Continue(n))


@builtin("export", "readonly")
def _export(sh: Shell, argv: list[str]) -> int:
    args = [a for a in argv[1:] if a != "-p"]
    if not args:
        names = sh.exported if argv[0] == "export" else sh.readonly
        for n in sorted(names):
            if n in sh.vars:
                v = sh.vars[n].replace("'", "'\"'\"'")
                sh.out(f"{argv[0]} {n}='{v}'\n")
        return 0
    for a in args:
        name, eq, val = a.partition("=")
        if not re.fullmatch(r"[A-Za-z_][A-Za-z0-9_]*", name):
            sh.err(f"{argv[0]}: {name}: bad variable name")
            return 2
        if eq:
            sh.setvar(name, val)
        (sh.exported if argv[0] == "export" else sh.readonly).add(name)
    return 0


@builtin("local")
def _local(sh: Shell, argv: list[str]) -> int:
    for a in argv[1:]:
        name, eq, val = a.partition("=")
        if eq:
            sh.setvar(name, val)
    return 0


@builtin("unset")
def _unset(sh: Shell, argv: list[str]) -> int:
    funcs = "-f" in argv[1:]
    for n in argv[1:]:
        if n in ("-f", "-v"):
            continue
        if funcs:
            sh.funcs.pop(n, None)
            continue
        if n in sh.readonly:
            sh.err(f"unset: {n}: is read only")
            return 1
        sh.vars.pop(n, None)
        sh.exported.discard(n)
    return 0


@builtin("set")
def _set(sh: Shell, argv: list[str]) -> int:
    args = argv[1:]
    if not args:
        for n in sorted(sh.vars):
            v = sh.vars[n].replace("'", "'\"'\"'")
            sh.out(f"{n}='{v}'\n")
        return 0
    names = {"errexit": "e", "nounset": "u", "xtrace": "x", "noglob": "f", "allexport": "a", "verbose": "v"}
    while args:
        a = args[0]
        if a == "--":
            args.pop(0)
            sh.positional = args
            return 0
        if a in ("-o", "+o") and len(args) > 1:
            opt = names.get(args[1])
            if opt is None:
                sh.err(f"set: illegal option -o {args[1]}")
                return 2
            (sh.opts.add if a == "-o" else sh.opts.discard)(opt)
            args = args[2:]
            continue
        if len(a) > 1 and a[0] in "-+":
            for ch in a[1:]:
                if ch not in "euxfavnCmb":
                    sh.err(f"set: illegal option -{ch}")
                    return 2
                (sh.opts.add if a[0] == "-" else sh.opts.discard)(ch)
            args.pop(0)
            continue
        break
    if args:
        sh.positional = list(args)
    return 0


@builtin("shift")
def _shift(sh: Shell, argv: list[str]) -> int:
    from sandbox.images.busybox.interpreter import ShellError

    n = _exit_status(sh, argv[1], "shift") if len(argv) > 1 else 1
    if n > len(sh.positional):
        raise ShellError("shift: can't shift that many", 2)
    sh.positional = sh.positional[n:]
    return 0


@builtin("eval")
def _eval(sh: Shell, argv: list[str]) -> int:
    src = " ".join(argv[1:])
    if not src.strip():
        return 0
    return sh.eval_string(src)


@builtin(".", "source")
def _source(sh: Shell, argv: list[str]) -> int:
    from sandbox.images.busybox.interpreter import ShellError

    if len(argv) < 2:
        return 0
    path = argv[1]
    fs = sh.proc.fs
    if "/" not in path:
        for d in sh.vars.get("PATH", "").split(":"):
            if fs.is_file((d or ".") + "/" + path):
                path = (d or ".") + "/" + path
                break
    try:
        text = fs.read_text(path)
    except FSError as e:
        raise ShellError(f"{argv[0]}: can't open '{argv[1]}': {e}", 2) from None
    saved = sh.positional
    if len(argv) > 2:
        sh.positional = argv[2:]
    try:
        return sh.eval_string(text)
    finally:
        if len(argv) > 2:
            sh.positional = saved


@builtin("exec")
def _exec(sh: Shell, argv: list[str]) -> int:
    from sandbox.images.busybox.interpreter import ShellExit

    if len(argv) < 2:
        return 0  # redirections only: applied by the caller (kept for the rest of the shell)
    path, status, msg = sh.find_command(argv[1])
    if path is None:
        sh.err(msg)
        raise ShellExit(status)
    proc = sh.proc
    proc.env = sh.export_env()
    proc.stdin, proc.stdout, proc.stderr = sh.fds[0], sh.fds[1], sh.fds[2]
    raise ShellExit(proc.exec(argv[1:], sh.program_for(path)))


@builtin("type", "command")
def _type(sh: Shell, argv: list[str]) -> int:
    args = argv[1:]
    if argv[0] == "command":
        if args and args[0] in ("-v", "-V"):
            verbose = args[0] == "-V"
            args = args[1:]
        else:
            return sh.run_command(args, []) if args else 0
    else:
        verbose = True
    status = 0
    for name in args:
        if name in sh.funcs:
            sh.out(f"{name} is a function\n" if verbose else f"{name}\n")
        elif name in BUILTINS:
            from sandbox.images.busybox.interpreter import SPECIAL_BUILTINS

            kind = "a special shell builtin" if name in SPECIAL_BUILTINS else "a shell builtin"
            sh.out(f"{name} is {kind}\n" if verbose else f"{name}\n")
        else:
            path, _st, _m = sh.find_command(name)
            if path is None:
                if verbose:
                    sh.out(f"{name}: not found\n")
                status = 127 if argv[0] == "type" else 1
            else:
                sh.out(f"{name} is {path}\n" if verbose else f"{path}\n")
    return status


@builtin("umask")
def _umask(sh: Shell, argv: list[str]) -> int:
    if len(argv) == 1:
        sh.out("0022\n")
    return 0


@builtin("read")
def _read(sh: Shell, argv: list[str]) -> int:
    args = argv[1:]
    raw = False
    prompt = ""
    while args and args[0].startswith("-") and len(args[0]) > 1:
        a = args.pop(0)
        if a == "-r":
            raw = True
        elif a == "-p" and args:
            prompt = args.pop(0)
        elif a == "-t" and args:
            args.pop(0)
    if prompt:
        sh.fds[2].write(prompt)
    line = sh.fds[0].readline()
    if not line:
        for n in args or ["REPLY"]:
            sh.setvar(n, "")
        return 1
    line = line.rstrip("\n") if line.endswith("\n") else line
    eof = False
    if not raw:
        line = re.sub(r"\\(.)", r"\1", line)
    names = args or ["REPLY"]
    if not args:
        sh.setvar("REPLY", line)
        return 0
    ifs = sh.vars.get("IFS", " \t\n")
    ws = "".join(c for c in ifs if c in " \t\n")
    rest = line.strip(ws) if ws else line
    for i, n in enumerate(names):
        if i == len(names) - 1:
            sh.setvar(n, rest.rstrip(ws) if ws else rest)
            break
        j = 0
        while j < len(rest) and rest[j] not in ifs:
            j += 1
        sh.setvar(n, rest[:j])
        rest = rest[j + 1 :].lstrip(ws) if j < len(rest) else ""
    return 1 if eof else 0


# ------------------------------------------------------------------ signals and jobs


@builtin("trap")
def _trap(sh: Shell, argv: list[str]) -> int:
    args = argv[1:]
    if not args or args == ["-p"]:
        for sig in sorted(sh.traps):
            action = sh.traps[sig].replace("'", "'\"'\"'")
            sh.out(f"trap -- '{action}' {'EXIT' if sig == 0 else signal_name(sig)}\n")
        return 0
    if len(args) == 1 or re.fullmatch(r"\d+", args[0]):
        action: str | None = None  # reset
        sigs = args
    else:
        action = None if args[0] == "-" else args[0]
        sigs = args[1:]
    status = 0
    for s in sigs:
        try:
            num = 0 if s.upper() in ("EXIT", "0") else parse_signal(s)
        except ValueError:
            sh.err(f"trap: {s}: bad trap")
            status = 1
            continue
        if action is None:
            sh.traps.pop(num, None)
            if num:
                sh.proc.set_handler(num, "default")
        else:
            sh.traps[num] = action
            if num:
                sh.proc.set_handler(num, "ignore" if action == "" else "catch")
    return status


@builtin("wait")
def _wait(sh: Shell, argv: list[str]) -> int:
    from sandbox.images.busybox.interpreter import ShellError

    proc = sh.proc
    if len(argv) > 1:
        status = 127
        for a in argv[1:]:
            if not a.isdigit():
                raise ShellError(f"wait: Illegal number: {a}" if not a.startswith("%") else f"wait: {a}: no such job", 2)
            pid = int(a)
            job = next((j for j in sh.jobs if j.pid == pid), None)
            if job is None:
                status = 127
                continue
            if not proc.wait_for(lambda job=job: not job.alive):
                sig = proc.pending[0] if proc.pending else 0
                return 128 + sig
            status = job.exit_code or 0
            sh.jobs.remove(job)
        return status
    if not proc.wait_for(lambda: all(not j.alive for j in sh.jobs)):
        sig = proc.pending[0] if proc.pending else 0
        return 128 + sig
    sh.jobs = []
    return 0


def kill_command(proc, args: list[str], err: Callable[[str], None], out: Callable[[str], None]) -> int:  # type: ignore[no-untyped-def]
    """busybox ``kill``: ``kill [-SIG|-s SIG|-n NUM] PID...``, ``kill -l [SIG]``."""
    if not args:
        err("usage: kill [-s SIG | -SIG] PID...")
        return 1
    if args[0] == "-l":
        if len(args) == 1:
            for num in sorted(SIGNAL_NAMES):
                out(f"{num:2d}) {SIGNAL_NAMES[num]}\n")
            return 0
        for a in args[1:]:
            try:
                if a.isdigit():
                    n = int(a)
                    out(signal_name(n - 128 if n > 128 else n) + "\n")
                else:
                    out(f"{parse_signal(a)}\n")
            except ValueError:
                err(f"bad signal name '{a}'")
                return 1
        return 0
    sig = 15
    if args[0] in ("-s", "-n") and len(args) > 1:
        spec = args[1]
        args = args[2:]
    elif args[0].startswith("-") and len(args[0]) > 1 and not args[0][1:].isdigit() or (
        args[0].startswith("-") and len(args) > 1 and args[0][1:].isdigit()
    ):
        spec = args[0][1:]
        args = args[1:]
    else:
        spec = "TERM"
    try:
        sig = parse_signal(spec)
    except ValueError:
        err(f"bad signal name '{spec}'")
        return 1
    status = 0
    for a in args:
        if not re.fullmatch(r"-?\d+", a):
            err(f"invalid number '{a}'")
            status = 1
            continue
        pid = int(a)
        try:
            if pid == -1:
                for p in proc.table.list():
                    if p.pid not in (1, proc.pid):
                        proc.kill(p.pid, sig)
                continue
            proc.kill(pid, sig)
        except ProcessLookupError:
            err(f"can't kill pid {pid}: No such process")
            status = 1
        except PermissionError:
            err(f"can't kill pid {pid}: Operation not permitted")
            status = 1
    return status


@builtin("kill")
def _kill(sh: Shell, argv: list[str]) -> int:
    return kill_command(sh.proc, argv[1:], lambda m: sh.fds[2].write(f"sh: {m}\n"), sh.out)


@builtin("jobs")
def _jobs(sh: Shell, argv: list[str]) -> int:
    for i, j in enumerate(sh.jobs, 1):
        state = "Running" if j.alive else "Done"
        sh.out(f"[{i}]{'+' if i == len(sh.jobs) else ' '} {state:24}{j.command}\n")
    return 0
