"""busybox's applets: ``cat``, ``ls``, ``ps``, ``date``, ``sleep``, ``grep``, ``sed``, ``wget``...

Each applet is ``fn(proc) -> status`` reading ``proc.argv``; errors are worded as busybox 1.36
words them (``cat: can't open 'x': No such file or directory``).

Network applets use ``proc.net`` when the kubelet gives one. The interface they expect (all
optional, looked up with ``getattr``):

* ``net.resolve(name) -> list[str]``: the addresses of a name (empty if it does not resolve);
* ``net.nameserver``: the DNS server's address (``"10.96.0.10"``);
* ``net.http_get(host, port, path, timeout) -> (status, reason, body: bytes)``, raising
  ``ConnectionRefusedError`` / ``TimeoutError`` as a socket would;
* ``net.connect(host, port, timeout) -> bool``.
"""

from __future__ import annotations

import datetime as _dt
import math
import re
from collections.abc import Callable
from typing import Any

from sandbox.images.busybox.builtins import echo_text, kill_command, printf_format, test_expr
from sandbox.runtime.filesystem import FSError, normpath
from sandbox.runtime.process import Process

__all__ = ["APPLETS", "applet"]

Applet = Callable[[Process], "int | None"]
APPLETS: dict[str, Applet] = {}


def applet(*names: str) -> Callable[[Applet], Applet]:
    def deco(fn: Applet) -> Applet:
        for n in names:
            APPLETS[n] = fn
        return fn

    return deco


def _name(proc: Process) -> str:
    return proc.argv[0].rsplit("/", 1)[-1]


def _err(proc: Process, msg: str) -> None:
    proc.stderr.write(f"{_name(proc)}: {msg}\n")


def _flags(args: list[str], allowed: str, with_value: str = "") -> tuple[dict[str, Any], list[str]]:
    """Parse short options (``-rf``, ``-n 5``, ``-n5``); stops at ``--`` or the first operand."""
    opts: dict[str, Any] = {}
    rest: list[str] = []
    i = 0
    while i < len(args):
        a = args[i]
        if a == "--":
            rest.extend(args[i + 1 :])
            break
        if a.startswith("-") and len(a) > 1 and a[1] != "-" and all(c in allowed + with_value for c in a[1:2]):
            j = 1
            while j < len(a):
                c = a[j]
                if c in with_value:
                    val = a[j + 1 :] if j + 1 < len(a) else (args[i + 1] if i + 1 < len(args) else "")
                    if j + 1 >= len(a):
                        i += 1
                    opts[c] = val
                    break
                if c not in allowed:
                    raise ValueError(c)
                opts[c] = True
                j += 1
            i += 1
            continue
        rest.append(a)
        i += 1
    return opts, rest


def _read_input(proc: Process, path: str) -> str | None:
    if path == "-":
        return proc.stdin.read()
    try:
        return proc.fs.read_text(path)
    except FSError as e:
        _err(proc, f"can't open '{path}': {e}")
        return None


def _lines(text: str) -> list[str]:
    return text.splitlines(keepends=True)


# ------------------------------------------------------------------ files


@applet("cat")
def cat(proc: Process) -> int:
    _o, files = _flags(proc.argv[1:], "nuvetA")
    status = 0
    for f in files or ["-"]:
        if f == "-":
            while True:
                chunk = proc.stdin.readline()
                if not chunk:
                    break
                proc.stdout.write(chunk)
            continue
        text = _read_input(proc, f)
        if text is None:
            status = 1
            continue
        proc.stdout.write(text)
    return status


@applet("touch")
def touch(proc: Process) -> int:
    opts, files = _flags(proc.argv[1:], "cam", "dtr")
    status = 0
    for f in files:
        try:
            if opts.get("c") and not proc.fs.exists(f):
                continue
            proc.fs.touch(f)
        except FSError as e:
            _err(proc, f"{f}: {e}")
            status = 1
    return status


@applet("rm")
def rm(proc: Process) -> int:
    try:
        opts, files = _flags(proc.argv[1:], "rRfiv")
    except ValueError as e:
        _err(proc, f"unrecognized option '{e}'")
        return 1
    fs = proc.fs
    status = 0
    for f in files:
        try:
            if not fs.lexists(f):
                if opts.get("f"):
                    continue
                raise FSError(2, f)
            if fs.is_dir(f) and not fs.is_symlink(f):
                if not (opts.get("r") or opts.get("R")):
                    _err(proc, f"'{f}' is a directory")
                    status = 1
                    continue
                fs.rmtree(f)
            else:
                fs.remove(f)
        except FSError as e:
            _err(proc, f"can't remove '{f}': {e}")
            status = 1
    return status


@applet("mkdir")
def mkdir(proc: Process) -> int:
    opts, dirs = _flags(proc.argv[1:], "pv", "m")
    mode = int(opts["m"], 8) if "m" in opts else 0o755
    status = 0
    for d in dirs:
        try:
            proc.fs.mkdir(d, mode, parents=bool(opts.get("p")))
        except FSError as e:
            _err(proc, f"can't create directory '{d}': {e}")
            status = 1
    return status


@applet("rmdir")
def rmdir(proc: Process) -> int:
    _o, dirs = _flags(proc.argv[1:], "p")
    status = 0
    for d in dirs:
        try:
            proc.fs.rmdir(d)
        except FSError as e:
            _err(proc, f"'{d}': {e}")
            status = 1
    return status


def _user_names(proc: Process, file: str) -> dict[int, str]:
    out: dict[int, str] = {}
    try:
        text = proc.fs.read_text(file)
    except FSError:
        return out
    for line in text.splitlines():
        parts = line.split(":")
        if len(parts) >= 3 and parts[2].isdigit():
            out.setdefault(int(parts[2]), parts[0])
    return out


def _mode_string(mode: int) -> str:
    kind = {0o040000: "d", 0o120000: "l", 0o020000: "c"}.get(mode & 0o170000, "-")
    s = kind
    for shift in (6, 3, 0):
        bits = (mode >> shift) & 7
        s += ("r" if bits & 4 else "-") + ("w" if bits & 2 else "-")
        special = mode & {6: 0o4000, 3: 0o2000, 0: 0o1000}[shift]
        x = bits & 1
        if special:
            s += ("s" if x else "S") if shift else ("t" if x else "T")
        else:
            s += "x" if x else "-"
    return s


@applet("ls")
def ls(proc: Process) -> int:
    try:
        opts, paths = _flags(proc.argv[1:], "laA1dhRFnitL")
    except ValueError as e:
        _err(proc, f"unrecognized option '{e}'")
        return 1
    fs = proc.fs
    users = _user_names(proc, "/etc/passwd")
    groups = _user_names(proc, "/etc/group")
    status = 0
    long = opts.get("l") or opts.get("n")

    def entry(path: str, name: str) -> str:
        if not long:
            return name
        deref = opts.get("L") and fs.exists(path)  # -L: what a symlink points to (a dangling one as itself)
        st = fs.stat(path) if deref else fs.lstat(path)
        when = _dt.datetime.fromtimestamp(st.mtime, tz=_dt.timezone.utc)
        u = str(st.uid) if opts.get("n") else users.get(st.uid, str(st.uid))
        g = str(st.gid) if opts.get("n") else groups.get(st.gid, str(st.gid))
        line = f"{_mode_string(st.mode)} {st.st_nlink:4d} {u:<8} {g:<8} {st.size:>8} {when:%b %e %H:%M} {name}"
        if st.is_symlink and not deref:
            line += f" -> {fs.readlink(path)}"
        return line

    targets = paths or ["."]
    files = [p for p in targets if fs.lexists(p) and (opts.get("d") or not fs.is_dir(p))]
    dirs = [p for p in targets if fs.is_dir(p) and not opts.get("d")]
    for p in targets:
        if not fs.lexists(p):
            _err(proc, f"{p}: No such file or directory")
            status = 1
    out: list[str] = []
    for f in files:
        out.append(entry(f, f))
    for i, d in enumerate(dirs):
        try:
            names = fs.listdir(d)
        except FSError as e:
            _err(proc, f"can't open '{d}': {e}")
            status = 2
            continue
        if opts.get("a"):
            names = [".", ".."] + names
        elif not opts.get("A"):
            names = [n for n in names if not n.startswith(".")]
        if len(targets) > 1:
            if out or i:
                out.append("")
            out.append(f"{d}:")
        if long:
            out.append(f"total {len(names) * 0}")
        for n in names:
            full = normpath(n, normpath(d, proc.cwd)) if n not in (".", "..") else normpath(d + "/" + n, proc.cwd)
            out.append(entry(full, n))
    if out:
        proc.stdout.write("\n".join(out) + "\n")
    return status


def _copy_tree(proc: Process, src: str, dst: str, recursive: bool) -> None:
    fs = proc.fs
    if fs.is_dir(src):
        if not recursive:
            raise IsADirectoryError(src)
        if not fs.exists(dst):
            fs.mkdir(dst)
        for name in fs.listdir(src):
            _copy_tree(proc, src.rstrip("/") + "/" + name, dst.rstrip("/") + "/" + name, recursive)
        return
    data = fs.read_bytes(src)
    try:
        fs.write_bytes(dst, data)
    except FSError as e:
        raise _DstError(e) from None


class _DstError(Exception):
    def __init__(self, e: FSError) -> None:
        self.e = e


@applet("cp")
def cp(proc: Process) -> int:
    opts, args = _flags(proc.argv[1:], "rRafpdv")
    if len(args) < 2:
        _err(proc, "missing file operand" if not args else f"missing destination file operand after '{args[0]}'")
        return 1
    fs = proc.fs
    *srcs, dst = args
    status = 0
    for s in srcs:
        target = dst.rstrip("/") + "/" + s.rstrip("/").rsplit("/", 1)[-1] if fs.is_dir(dst) else dst
        try:
            if not fs.exists(s):
                raise FSError(2, s)
            _copy_tree(proc, s, target, bool(opts.get("r") or opts.get("R") or opts.get("a")))
        except IsADirectoryError:
            _err(proc, f"omitting directory '{s}'")
            status = 1
        except _DstError as e:
            _err(proc, f"can't create '{target}': {e.e}")
            status = 1
        except FSError as e:
            _err(proc, f"can't stat '{s}': {e}" if e.errno == 2 else f"can't open '{s}': {e}")
            status = 1
    return status


@applet("mv")
def mv(proc: Process) -> int:
    _opts, args = _flags(proc.argv[1:], "fin")
    if len(args) < 2:
        _err(proc, "missing file operand" if not args else f"missing destination file operand after '{args[0]}'")
        return 1
    fs = proc.fs
    *srcs, dst = args
    status = 0
    for s in srcs:
        target = dst.rstrip("/") + "/" + s.rstrip("/").rsplit("/", 1)[-1] if fs.is_dir(dst) else dst
        try:
            fs.rename(s, target)
        except FSError as e:
            if e.errno == 18:  # EXDEV: copy, then remove
                try:
                    _copy_tree(proc, s, target, True)
                    fs.rmtree(s)
                    continue
                except (FSError, _DstError) as e2:
                    err = e2.e if isinstance(e2, _DstError) else e2
                    _err(proc, f"can't create '{target}': {err}")
                    status = 1
                    continue
            if e.errno == 2 and not fs.lexists(s):
                _err(proc, f"can't stat '{s}': {e}")
            else:
                _err(proc, f"can't rename '{s}': {e}")
            status = 1
    return status


@applet("ln")
def ln(proc: Process) -> int:
    opts, args = _flags(proc.argv[1:], "sfnv")
    if len(args) < 2:
        args = args + [args[0].rsplit("/", 1)[-1]] if args else args
    if len(args) < 2:
        _err(proc, "missing file operand")
        return 1
    target, link = args[0], args[1]
    fs = proc.fs
    if fs.is_dir(link) and not opts.get("n"):
        link = link.rstrip("/") + "/" + target.rstrip("/").rsplit("/", 1)[-1]
    try:
        if opts.get("f") and fs.lexists(link):
            fs.remove(link)
        if opts.get("s"):
            fs.symlink(target, link)
        else:
            fs.write_bytes(link, fs.read_bytes(target))
    except FSError as e:
        _err(proc, f"{link}: {e}")
        return 1
    return 0


def _parse_mode(spec: str, old: int, is_dir: bool) -> int:
    if re.fullmatch(r"[0-7]{1,4}", spec):
        return int(spec, 8)
    mode = old
    for clause in spec.split(","):
        m = re.fullmatch(r"([ugoa]*)([-+=])([rwxXst]*)", clause)
        if not m:
            raise ValueError(spec)
        who, op, perms = m.groups()
        who = who or "a"
        bits = 0
        for p in perms:
            if p == "r":
                bits |= 0o444
            elif p == "w":
                bits |= 0o222
            elif p == "x" or (p == "X" and (is_dir or old & 0o111)):
                bits |= 0o111
            elif p == "s":
                bits |= 0o6000
            elif p == "t":
                bits |= 0o1000
        mask = 0
        if "a" in who:
            mask = 0o7777
        if "u" in who:
            mask |= 0o4700
        if "g" in who:
            mask |= 0o2070
        if "o" in who:
            mask |= 0o1007
        bits &= mask
        if op == "+":
            mode |= bits
        elif op == "-":
            mode &= ~bits
        else:
            mode = (mode & ~mask) | bits
    return mode


@applet("chmod")
def chmod(proc: Process) -> int:
    args = proc.argv[1:]
    recursive = False
    if args and args[0] == "-R":
        recursive = True
        args = args[1:]
    if len(args) < 2:
        _err(proc, "missing operand")
        return 1
    spec, files = args[0], args[1:]
    status = 0
    fs = proc.fs

    def one(path: str) -> None:
        nonlocal status
        try:
            st = fs.stat(path)
            fs.chmod(path, _parse_mode(spec, st.mode & 0o7777, st.is_dir))
            if recursive and st.is_dir:
                for n in fs.listdir(path):
                    one(path.rstrip("/") + "/" + n)
        except ValueError:
            _err(proc, f"invalid mode '{spec}'")
            status = 1
        except FSError as e:
            _err(proc, f"{path}: {e}")
            status = 1

    for f in files:
        one(f)
    return status


def _lookup_id(proc: Process, name: str, file: str) -> int | None:
    if name.isdigit():
        return int(name)
    for uid, n in _user_names(proc, file).items():
        if n == name:
            return uid
    return None


@applet("chown", "chgrp")
def chown(proc: Process) -> int:
    args = proc.argv[1:]
    recursive = False
    while args and args[0].startswith("-"):
        recursive = recursive or "R" in args[0]
        args = args[1:]
    if len(args) < 2:
        _err(proc, "missing operand")
        return 1
    spec, files = args[0], args[1:]
    uid = gid = None
    if _name(proc) == "chgrp":
        gid = _lookup_id(proc, spec, "/etc/group")
        if gid is None:
            _err(proc, f"unknown group {spec}")
            return 1
    else:
        user, _, group = spec.replace(".", ":").partition(":")
        if user:
            uid = _lookup_id(proc, user, "/etc/passwd")
            if uid is None:
                _err(proc, f"unknown user {user}")
                return 1
        if group:
            gid = _lookup_id(proc, group, "/etc/group")
            if gid is None:
                _err(proc, f"unknown group {group}")
                return 1
    status = 0
    fs = proc.fs

    def one(path: str) -> None:
        nonlocal status
        try:
            fs.chown(path, uid, gid)
            if recursive and fs.is_dir(path):
                for n in fs.listdir(path):
                    one(path.rstrip("/") + "/" + n)
        except FSError as e:
            _err(proc, f"{path}: {e}")
            status = 1

    for f in files:
        one(f)
    return status


@applet("tee")
def tee(proc: Process) -> int:
    opts, files = _flags(proc.argv[1:], "ai")
    handles = []
    status = 0
    for f in files:
        try:
            handles.append(proc.fs.open(f, "a" if opts.get("a") else "w"))
        except FSError as e:
            _err(proc, f"{f}: {e}")
            status = 1
    while True:
        line = proc.stdin.readline()
        if not line:
            break
        proc.stdout.write(line)
        for h in handles:
            h.write(line)
    return status


# ------------------------------------------------------------------ identity and system


def _gethostbyname(proc: Process, name: str) -> tuple[str, list[str]] | None:
    """``gethostbyname`` (IPv4): the canonical name and the addresses of ``name``, from
    ``/etc/hosts`` first (the first name on a matching line is the canonical one), then DNS."""
    canonical: str | None = None
    addrs: list[str] = []
    try:
        hosts = proc.fs.read_text("/etc/hosts")
    except (FSError, AttributeError):
        hosts = ""
    for line in hosts.splitlines():
        fields = line.split("#", 1)[0].split()
        if len(fields) < 2 or name not in fields[1:] or ":" in fields[0]:
            continue
        if canonical is None:
            canonical = fields[1]
        if fields[0] not in addrs:
            addrs.append(fields[0])
    if canonical is not None:
        return canonical, addrs
    net = proc.net
    found = [a for a in (net.resolve(name) or []) if ":" not in a] if net is not None and hasattr(net, "resolve") else []
    return (name, found) if found else None


@applet("hostname")
def hostname(proc: Process) -> int:
    """``hostname [-s|-f|-d|-i]``: -i prints the addresses the hostname resolves to (as busybox
    does, through ``/etc/hosts``: a pod's IP), -f the canonical name, -s/-d its parts."""
    try:
        opts, _args = _flags(proc.argv[1:], "dfisv")
    except ValueError as e:
        _err(proc, f"invalid option -- '{e}'")
        return 1
    name = proc.hostname
    if opts.get("d") or opts.get("f") or opts.get("i"):
        hp = _gethostbyname(proc, name)
        if hp is None:
            _err(proc, f"{name}: Unknown host")
            return 1
        canonical, addrs = hp
        if opts.get("f"):
            proc.stdout.write(canonical + "\n")
        elif opts.get("s"):
            proc.stdout.write(canonical.split(".", 1)[0] + "\n")
        elif opts.get("d"):
            if "." in canonical:
                proc.stdout.write(canonical.split(".", 1)[1] + "\n")
        else:
            proc.stdout.write(" ".join(addrs) + "\n")
        return 0
    if opts.get("s"):
        name = name.split(".", 1)[0]
    proc.stdout.write(name + "\n")
    return 0


@applet("whoami")
def whoami(proc: Process) -> int:
    name = _user_names(proc, "/etc/passwd").get(proc.uid)
    if name is None:
        _err(proc, f"unknown uid {proc.uid}")
        return 1
    proc.stdout.write(name + "\n")
    return 0


@applet("id")
def id_(proc: Process) -> int:
    opts, _a = _flags(proc.argv[1:], "ugGnr")
    users = _user_names(proc, "/etc/passwd")
    groups = _user_names(proc, "/etc/group")

    def fmt(num: int, names: dict[int, str]) -> str:
        return f"{num}({names[num]})" if num in names else str(num)

    if opts.get("u"):
        proc.stdout.write((users.get(proc.uid, str(proc.uid)) if opts.get("n") else str(proc.uid)) + "\n")
        return 0
    if opts.get("g"):
        proc.stdout.write((groups.get(proc.gid, str(proc.gid)) if opts.get("n") else str(proc.gid)) + "\n")
        return 0
    if opts.get("G"):
        proc.stdout.write(" ".join(str(g) for g in proc.groups) + "\n")
        return 0
    line = f"uid={fmt(proc.uid, users)} gid={fmt(proc.gid, groups)}"
    if proc.groups:
        line += " groups=" + ",".join(fmt(g, groups) for g in proc.groups)
    proc.stdout.write(line + "\n")
    return 0


@applet("env")
def env(proc: Process) -> int:
    args = proc.argv[1:]
    envs = dict(proc.env)
    if args and args[0] in ("-i", "-"):
        envs = {}
        args = args[1:]
    while args and "=" in args[0]:
        k, _, v = args.pop(0).partition("=")
        envs[k] = v
    if not args:
        for k, v in envs.items():
            proc.stdout.write(f"{k}={v}\n")
        return 0
    from sandbox.images.busybox.interpreter import Shell

    shell = Shell(proc)
    shell.vars = dict(envs)
    shell.exported = set(envs)
    path, status, _msg = shell.find_command(args[0])
    if path is None:
        _err(proc, f"can't execute '{args[0]}': No such file or directory")
        return 127
    child = proc.child(args, env=envs)
    return proc.run_child(child, shell.program_for(path))


@applet("printenv")
def printenv(proc: Process) -> int:
    names = proc.argv[1:]
    if not names:
        for k, v in proc.env.items():
            proc.stdout.write(f"{k}={v}\n")
        return 0
    status = 0
    for n in names:
        if n in proc.env:
            proc.stdout.write(proc.env[n] + "\n")
        else:
            status = 1
    return status


@applet("uname")
def uname(proc: Process) -> int:
    opts, _a = _flags(proc.argv[1:], "asnrvmpio")
    fields = {
        "s": "Linux",
        "n": proc.hostname,
        "r": "6.6.0-podlab",
        "v": "#1 SMP PREEMPT_DYNAMIC",
        "m": "x86_64",
        "o": "GNU/Linux",
    }
    if opts.get("a"):
        keys = ["s", "n", "r", "v", "m", "o"]
    else:
        keys = [k for k in "snrvmo" if opts.get(k)] or ["s"]
    proc.stdout.write(" ".join(fields[k] for k in keys) + "\n")
    return 0


@applet("ps")
def ps(proc: Process) -> int:
    users = _user_names(proc, "/etc/passwd")
    lines = ["PID   USER     TIME  COMMAND"]
    for p in proc.table.list():
        user = users.get(p.uid, str(p.uid))
        lines.append(f"{p.pid:5d} {user[:8]:<8} {'0:00':>5} {p.command}")
    proc.stdout.write("\n".join(lines) + "\n")
    return 0


_DAYS = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
_MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]


def _strftime(fmt: str, t: _dt.datetime) -> str:
    out: list[str] = []
    i = 0
    while i < len(fmt):
        c = fmt[i]
        if c != "%" or i + 1 >= len(fmt):
            out.append(c)
            i += 1
            continue
        d = fmt[i + 1]
        i += 2
        if d == "a":
            out.append(_DAYS[t.weekday()])
        elif d == "b" or d == "h":
            out.append(_MONTHS[t.month - 1])
        elif d == "e":
            out.append(f"{t.day:2d}")
        elif d == "Z":
            out.append("UTC")
        elif d == "z":
            out.append("+0000")
        elif d == "s":
            out.append(str(int(t.timestamp())))
        elif d == "N":
            out.append(f"{t.microsecond * 1000:09d}")
        elif d == "%":
            out.append("%")
        else:
            out.append(t.strftime("%" + d))
    return "".join(out)


@applet("date")
def date(proc: Process) -> int:
    args = proc.argv[1:]
    fmt = "%a %b %e %H:%M:%S %Z %Y"
    t = _dt.datetime.fromtimestamp(proc.now(), tz=_dt.timezone.utc)
    for a in args:
        if a.startswith("+"):
            fmt = a[1:]
        elif a in ("-u", "--utc"):
            continue
        elif a == "-I":
            fmt = "%Y-%m-%d"
        elif a == "-R":
            fmt = "%a, %d %b %Y %H:%M:%S %z"
        else:
            _err(proc, f"invalid date '{a}'")
            return 1
    proc.stdout.write(_strftime(fmt, t) + "\n")
    return 0


# ------------------------------------------------------------------ time


def parse_duration(arg: str) -> float:
    """``sleep``'s operand: ``1``, ``0.5``, ``1s``, ``2m``, ``1h``, ``1d``, ``infinity``."""
    if arg in ("inf", "infinity"):
        return math.inf
    m = re.fullmatch(r"(\d+(?:\.\d*)?|\.\d+)([smhd]?)", arg)
    if not m:
        raise ValueError(arg)
    return float(m.group(1)) * {"": 1, "s": 1, "m": 60, "h": 3600, "d": 86400}[m.group(2)]


@applet("sleep")
def sleep(proc: Process) -> int:
    args = proc.argv[1:]
    if not args:
        proc.stderr.write("BusyBox v1.36.1 multi-call binary.\n\nUsage: sleep [N]...\n")
        return 1
    total = 0.0
    for a in args:
        try:
            total += parse_duration(a)
        except ValueError:
            _err(proc, f"invalid number '{a}'")
            return 1
    proc.sleep(total)
    return 0


@applet("yes")
def yes(proc: Process) -> int:
    line = (" ".join(proc.argv[1:]) or "y") + "\n"
    while True:
        proc.stdout.write(line)
        proc.check()


@applet("seq")
def seq(proc: Process) -> int:
    opts, args = _flags([a for a in proc.argv[1:]], "w", "s")
    try:
        nums = [float(a) for a in args]
    except ValueError as e:
        _err(proc, f"invalid number '{str(e).split(': ')[-1]}'")
        return 1
    if not nums or len(nums) > 3:
        proc.stderr.write("Usage: seq [-w] [-s SEP] [FIRST [INC]] LAST\n")
        return 1
    first, inc, last = (1.0, 1.0, nums[0]) if len(nums) == 1 else (
        (nums[0], 1.0, nums[1]) if len(nums) == 2 else (nums[0], nums[1], nums[2])
    )
    isint = all(float(x).is_integer() for x in nums)
    out: list[str] = []
    v = first
    while (inc > 0 and v <= last) or (inc < 0 and v >= last):
        out.append(str(int(v)) if isint else f"{v:g}")
        v += inc
        if inc == 0:
            break
    if out:
        proc.stdout.write(opts.get("s", "\n").join(out) + "\n")
    return 0


# ------------------------------------------------------------------ text


def _bre_to_re(pat: str, extended: bool) -> str:
    if extended:
        return pat
    out: list[str] = []
    i = 0
    while i < len(pat):
        c = pat[i]
        if c == "\\" and i + 1 < len(pat):
            n = pat[i + 1]
            out.append(n if n in "(){}|+?" else "\\" + n)
            i += 2
            continue
        if c in "(){}|+?":
            out.append("\\" + c)
        else:
            out.append(c)
        i += 1
    return "".join(out)


@applet("grep", "egrep", "fgrep")
def grep(proc: Process) -> int:
    try:
        opts, args = _flags(proc.argv[1:], "qvicEFnowlhHsrx", "em")
    except ValueError as e:
        _err(proc, f"unrecognized option: {e}")
        return 2
    if "e" in opts:
        pattern = opts["e"]
    elif args:
        pattern = args.pop(0)
    else:
        proc.stderr.write("Usage: grep [-qvicEFnowlx] PATTERN [FILE]...\n")
        return 2
    name = _name(proc)
    extended = bool(opts.get("E")) or name == "egrep"
    rx = re.escape(pattern) if opts.get("F") or name == "fgrep" else _bre_to_re(pattern, extended)
    if opts.get("w"):
        rx = rf"\b(?:{rx})\b"
    if opts.get("x"):
        rx = rf"(?:{rx})\Z"
    try:
        cre = re.compile(rx, re.IGNORECASE if opts.get("i") else 0)
    except re.error:
        _err(proc, f"bad regex '{pattern}'")
        return 2
    files = args or ["-"]
    show_name = (len(files) > 1 or opts.get("H")) and not opts.get("h")
    found = False
    status_err = False
    for f in files:
        text = _read_input(proc, f) if f != "-" else proc.stdin.read()
        if text is None:
            status_err = True
            continue
        count = 0
        for n, line in enumerate(text.splitlines(), 1):
            m = cre.search(line) if not opts.get("x") else cre.match(line)
            if bool(m) != bool(opts.get("v")):
                count += 1
                found = True
                if opts.get("q"):
                    return 0
                if opts.get("c") or opts.get("l"):
                    continue
                prefix = (f"{f if f != '-' else '(standard input)'}:" if show_name else "") + (f"{n}:" if opts.get("n") else "")
                if opts.get("o") and m and not opts.get("v"):
                    for mm in cre.finditer(line):
                        proc.stdout.write(prefix + mm.group(0) + "\n")
                else:
                    proc.stdout.write(prefix + line + "\n")
        if opts.get("c"):
            proc.stdout.write((f"{f}:" if show_name else "") + f"{count}\n")
        if opts.get("l") and count:
            proc.stdout.write(f"{f}\n")
    if status_err and not opts.get("s"):
        return 2
    return 0 if found else 1


def _head_tail(proc: Process, tail: bool) -> int:
    args = [("-n" + a[1:]) if re.fullmatch(r"-\d+", a) else a for a in proc.argv[1:]]
    try:
        opts, files = _flags(args, "fqvF", "nc")
    except ValueError as e:
        _err(proc, f"unrecognized option '{e}'")
        return 1
    spec = str(opts.get("n", "10"))
    from_start = tail and spec.startswith("+")
    try:
        n = int(spec.lstrip("+-"))
    except ValueError:
        _err(proc, f"invalid number '{spec}'")
        return 1
    status = 0
    follow = tail and bool(opts.get("f") or opts.get("F"))
    retry = tail and bool(opts.get("F"))  # -F: follow by name, keep retrying when it is missing
    followed: list[tuple[str, int]] = []
    for f in files or ["-"]:
        if f == "-" and not tail:
            # read only what is needed, so "yes | head" ends
            got: list[str] = []
            while len(got) < n:
                line = proc.stdin.readline()
                if not line:
                    break
                got.append(line)
            text = "".join(got)
        else:
            text = _read_input(proc, f)
        if text is None:
            status = 1
            if retry and f != "-":
                followed.append((f, 0))
            continue
        if len(files) > 1:
            proc.stdout.write(f"==> {f} <==\n")
        if "c" in opts:  # podlab-pod: -c N bytes
            data = text.encode()
            nb = int(str(opts["c"]).lstrip("+-"))
            chunk = (data[nb - 1:] if str(opts["c"]).startswith("+") else data[-nb:] if nb else b"") if tail else data[:nb]
            proc.stdout.write(chunk.decode("utf-8", "replace"))
        else:
            lines = _lines(text)
            sel = (lines[n - 1:] if from_start else lines[-n:] if n else []) if tail else lines[:n]
            proc.stdout.write("".join(sel))
        if follow and f != "-":
            followed.append((f, len(text.encode())))
    if follow and followed:
        return _follow(proc, followed, retry)
    return status


def _follow(proc: Process, files: list[tuple[str, int]], retry: bool) -> int:
    """``tail -f``/``-F``: print what is appended, once a second (busybox sleeps 1 s between
    polls). With ``-F`` the file is reopened by name: a missing file is waited for and read from
    its start once it appears (busybox's words on stderr); a truncated file is read again from its
    start, silently, as busybox does."""
    seen = dict(files)
    present = {f: seen[f] > 0 or proc.fs.exists(f) for f in seen}
    while True:
        proc.sleep(1)
        for f in list(seen):
            try:
                data = proc.fs.read_bytes(f)
            except FSError:
                if retry and present[f]:
                    _err(proc, f"{f} has become inaccessible: No such file or directory")
                present[f] = False
                seen[f] = 0
                continue
            if not present[f]:
                present[f] = True
                if retry:
                    _err(proc, f"{f} has appeared; following end of new file")
            if len(data) < seen[f]:
                seen[f] = 0
            if len(data) > seen[f]:
                proc.stdout.write(data[seen[f]:].decode("utf-8", "replace"))
            seen[f] = len(data)


@applet("head")
def head(proc: Process) -> int:
    return _head_tail(proc, False)


@applet("tail")
def tail(proc: Process) -> int:
    return _head_tail(proc, True)


@applet("wc")
def wc(proc: Process) -> int:
    opts, files = _flags(proc.argv[1:], "lwcmL")
    status = 0
    rows = []
    for f in files or ["-"]:
        text = _read_input(proc, f)
        if text is None:
            status = 1
            continue
        counts = {"l": text.count("\n"), "w": len(text.split()), "c": len(text.encode()), "m": len(text)}
        keys = [k for k in "lwcm" if opts.get(k)] or ["l", "w", "c"]
        vals = [counts[k] for k in keys]
        rows.append((vals, "" if f == "-" else f))
    for vals, name in rows:
        if len(vals) == 1 and not name:
            proc.stdout.write(f"{vals[0]}\n")
        else:
            proc.stdout.write(" ".join(f"{v:>7}" for v in vals) + (f" {name}" if name else "") + "\n")
    return status


@applet("sort")
def sort(proc: Process) -> int:
    opts, files = _flags(proc.argv[1:], "rnuf", "kt")
    lines: list[str] = []
    for f in files or ["-"]:
        text = _read_input(proc, f)
        if text is None:
            return 2
        lines.extend(text.splitlines())

    def key(line: str) -> Any:
        field = line
        if "k" in opts:
            k = int(str(opts["k"]).split(",")[0].rstrip("nr")) - 1
            parts = line.split(opts["t"]) if "t" in opts else line.split()
            field = parts[k] if k < len(parts) else ""
        if opts.get("n"):
            m = re.match(r"\s*(-?\d+(?:\.\d+)?)", field)
            return (float(m.group(1)) if m else 0.0, line)
        return field.lower() if opts.get("f") else field

    lines.sort(key=key, reverse=bool(opts.get("r")))
    if opts.get("u"):
        seen: set[str] = set()
        lines = [x for x in lines if not (x in seen or seen.add(x))]  # type: ignore[func-returns-value]
    if lines:
        proc.stdout.write("\n".join(lines) + "\n")
    return 0


@applet("uniq")
def uniq(proc: Process) -> int:
    opts, files = _flags(proc.argv[1:], "cdu")
    text = _read_input(proc, files[0] if files else "-")
    if text is None:
        return 1
    groups: list[list[str]] = []
    for line in text.splitlines():
        if groups and groups[-1][0] == line:
            groups[-1].append(line)
        else:
            groups.append([line])
    for g in groups:
        if opts.get("d") and len(g) < 2 or opts.get("u") and len(g) > 1:
            continue
        proc.stdout.write((f"{len(g):7d} " if opts.get("c") else "") + g[0] + "\n")
    return 0


@applet("cut")
def cut(proc: Process) -> int:
    opts, files = _flags(proc.argv[1:], "s", "dfc")
    delim = opts.get("d", "\t")
    spec = opts.get("f") or opts.get("c")
    if not spec:
        _err(proc, "expected a list of bytes, characters, or fields")
        return 1
    sel: list[tuple[int, int]] = []
    for part in str(spec).split(","):
        a, dash, b = part.partition("-")
        lo = int(a) if a else 1
        hi = (int(b) if b else 10**9) if dash else lo
        sel.append((lo, hi))

    def pick(items: list[str]) -> list[str]:
        return [x for i, x in enumerate(items, 1) if any(lo <= i <= hi for lo, hi in sel)]

    for f in files or ["-"]:
        text = _read_input(proc, f)
        if text is None:
            return 1
        for line in text.splitlines():
            if "f" in opts:
                if delim not in line:
                    if not opts.get("s"):
                        proc.stdout.write(line + "\n")
                    continue
                proc.stdout.write(delim.join(pick(line.split(delim))) + "\n")
            else:
                proc.stdout.write("".join(pick(list(line))) + "\n")
    return 0


def _tr_set(s: str) -> str:
    s = s.replace("[:lower:]", "a-z").replace("[:upper:]", "A-Z").replace("[:digit:]", "0-9")
    s = s.replace("[:space:]", " \t\n\r\f\v").replace("[:alpha:]", "a-zA-Z").replace("[:alnum:]", "a-zA-Z0-9")
    s = s.replace("\\n", "\n").replace("\\t", "\t").replace("\\\\", "\\")
    out: list[str] = []
    i = 0
    while i < len(s):
        if i + 2 < len(s) and s[i + 1] == "-":
            out.extend(chr(c) for c in range(ord(s[i]), ord(s[i + 2]) + 1))
            i += 3
        else:
            out.append(s[i])
            i += 1
    return "".join(out)


@applet("tr")
def tr(proc: Process) -> int:
    opts, args = _flags(proc.argv[1:], "dsc")
    if not args:
        _err(proc, "missing operand")
        return 1
    s1 = _tr_set(args[0])
    text = proc.stdin.read()
    if opts.get("d"):
        text = "".join(c for c in text if c not in s1)
    elif len(args) > 1:
        s2 = _tr_set(args[1])
        if s2:
            s2 = s2 + s2[-1] * max(0, len(s1) - len(s2))
            text = text.translate({ord(a): b for a, b in zip(s1, s2, strict=False)})
    if opts.get("s"):
        sq = _tr_set(args[-1])
        text = re.sub("([" + re.escape(sq) + "])\\1+", r"\1", text) if sq else text
    proc.stdout.write(text)
    return 0


def _sed_script(script: str) -> list[tuple[Any, str, Any]]:
    cmds: list[tuple[Any, str, Any]] = []
    for piece in re.split(r";\s*|\n", script):
        piece = piece.strip()
        if not piece:
            continue
        addr: Any = None
        m = re.match(r"(\d+|\$|/(?:[^/\\]|\\.)*/)(.*)", piece)
        if m and not piece.startswith("s"):
            a = m.group(1)
            addr = int(a) if a.isdigit() else a
            piece = m.group(2).strip()
        if piece.startswith("s") and len(piece) > 1:
            d = piece[1]
            parts: list[str] = []
            cur = ""
            i = 2
            while i < len(piece):
                c = piece[i]
                if c == "\\" and i + 1 < len(piece):
                    cur += c + piece[i + 1] if piece[i + 1] != d else d
                    i += 2
                    continue
                if c == d and len(parts) < 2:
                    parts.append(cur)
                    cur = ""
                    i += 1
                    continue
                cur += c
                i += 1
            if len(parts) < 2:
                raise ValueError("unterminated `s' command")
            cmds.append((addr, "s", (parts[0], parts[1], cur)))
        elif piece in ("d", "p", "q"):
            cmds.append((addr, piece, None))
        else:
            raise ValueError(f"unsupported command {piece[:1]}")
    return cmds


@applet("sed")
def sed(proc: Process) -> int:
    args = proc.argv[1:]
    quiet = extended = in_place = False
    scripts: list[str] = []
    files: list[str] = []
    i = 0
    while i < len(args):
        a = args[i]
        if a == "-n":
            quiet = True
        elif a in ("-E", "-r"):
            extended = True
        elif a == "-i":
            in_place = True
        elif a == "-e" and i + 1 < len(args):
            scripts.append(args[i + 1])
            i += 1
        elif not scripts and not a.startswith("-"):
            scripts.append(a)
        else:
            files.append(a)
        i += 1
    try:
        cmds = _sed_script("\n".join(scripts))
    except ValueError as e:
        _err(proc, f"-e expression #1, char 0: {e}")
        return 1
    compiled = []
    for addr, c, arg in cmds:
        if c == "s":
            pat, rep, flags = arg
            rx = re.compile(_bre_to_re(pat, extended), re.IGNORECASE if "I" in flags or "i" in flags else 0)
            rep = re.sub(r"\\(\d)", r"\\g<\1>", rep.replace("\\&", "\0")).replace("&", r"\g<0>").replace("\0", "&")
            count = 0 if "g" in flags else int(re.sub(r"\D", "", flags) or 1)
            compiled.append((addr, c, (rx, rep, count, "p" in flags)))
        else:
            compiled.append((addr, c, arg))

    def run(text: str) -> str:
        out: list[str] = []
        lines = text.splitlines()
        for n, line in enumerate(lines, 1):
            deleted = False
            for addr, c, arg in compiled:
                if addr is not None:
                    if isinstance(addr, int) and addr != n:
                        continue
                    if addr == "$" and n != len(lines):
                        continue
                    if isinstance(addr, str) and addr.startswith("/") and not re.search(
                        _bre_to_re(addr[1:-1], extended), line
                    ):
                        continue
                if c == "s":
                    rx, rep, count, pflag = arg
                    new, k = rx.subn(rep, line, count=count if count > 0 else 0)
                    if count > 1:
                        ms = list(rx.finditer(line))
                        if len(ms) >= count:
                            m = ms[count - 1]
                            new, k = line[: m.start()] + m.expand(rep) + line[m.end() :], 1
                        else:
                            new, k = line, 0
                    line = new
                    if k and pflag:
                        out.append(line)
                elif c == "d":
                    deleted = True
                    break
                elif c == "p":
                    out.append(line)
                elif c == "q":
                    if not quiet:
                        out.append(line)
                    return "\n".join(out) + "\n"
            if not deleted and not quiet:
                out.append(line)
        return "\n".join(out) + ("\n" if out else "")

    if not files:
        proc.stdout.write(run(proc.stdin.read()))
        return 0
    status = 0
    for f in files:
        text = _read_input(proc, f)
        if text is None:
            status = 1
            continue
        result = run(text)
        if in_place:
            proc.fs.write_text(f, result)
        else:
            proc.stdout.write(result)
    return status


@applet("basename")
def basename(proc: Process) -> int:
    args = proc.argv[1:]
    if not args:
        proc.stderr.write("Usage: basename FILE [SUFFIX]\n")
        return 1
    p = args[0].rstrip("/") or "/"
    b = p.rsplit("/", 1)[-1] if p != "/" else "/"
    if len(args) > 1 and b.endswith(args[1]) and b != args[1]:
        b = b[: -len(args[1])]
    proc.stdout.write(b + "\n")
    return 0


@applet("dirname")
def dirname(proc: Process) -> int:
    args = proc.argv[1:]
    if not args:
        proc.stderr.write("Usage: dirname FILENAME\n")
        return 1
    p = args[0].rstrip("/")
    d = p.rsplit("/", 1)[0] if "/" in p else "."
    proc.stdout.write((d or "/") + "\n")
    return 0


@applet("expr")
def expr(proc: Process) -> int:
    toks = proc.argv[1:]
    pos = 0

    def atom() -> str:
        nonlocal pos
        if pos >= len(toks):
            raise ValueError("syntax error")
        t = toks[pos]
        pos += 1
        if t == "(":
            v = orx()
            pos += 1
            return v
        if t == "length" and pos < len(toks):
            pos += 1
            return str(len(toks[pos - 1]))
        return t

    def isnum(s: str) -> bool:
        return bool(re.fullmatch(r"-?\d+", s))

    def mul() -> str:
        nonlocal pos
        v = atom()
        while pos < len(toks) and toks[pos] in ("*", "/", "%", ":"):
            op = toks[pos]
            pos += 1
            w = atom()
            if op == ":":
                m = re.match(_bre_to_re(w, False), v)
                v = (m.group(1) or "") if m and m.groups() else str(m.end() if m else 0)
                continue
            if not (isnum(v) and isnum(w)):
                raise ValueError("non-numeric argument")
            a, b = int(v), int(w)
            if op != "*" and b == 0:
                raise ValueError("division by zero")
            q = abs(a) // abs(b) * (1 if (a >= 0) == (b >= 0) else -1) if op != "*" else 0
            v = str(a * b if op == "*" else q if op == "/" else a - q * b)
        return v

    def add() -> str:
        nonlocal pos
        v = mul()
        while pos < len(toks) and toks[pos] in ("+", "-"):
            op = toks[pos]
            pos += 1
            w = mul()
            if not (isnum(v) and isnum(w)):
                raise ValueError("non-numeric argument")
            v = str(int(v) + int(w) if op == "+" else int(v) - int(w))
        return v

    def cmp() -> str:
        nonlocal pos
        v = add()
        while pos < len(toks) and toks[pos] in ("<", "<=", "=", "==", "!=", ">=", ">"):
            op = toks[pos]
            pos += 1
            w = add()
            a: Any = int(v) if isnum(v) and isnum(w) else v
            b: Any = int(w) if isnum(v) and isnum(w) else w
            v = str(int({"<": a < b, "<=": a <= b, "=": a == b, "==": a == b, "!=": a != b, ">=": a >= b, ">": a > b}[op]))
        return v

    def andx() -> str:
        nonlocal pos
        v = cmp()
        while pos < len(toks) and toks[pos] == "&":
            pos += 1
            w = cmp()
            v = v if v not in ("", "0") and w not in ("", "0") else "0"
        return v

    def orx() -> str:
        nonlocal pos
        v = andx()
        while pos < len(toks) and toks[pos] == "|":
            pos += 1
            w = andx()
            v = v if v not in ("", "0") else w
        return v

    try:
        result = orx()
        if pos != len(toks):
            raise ValueError("syntax error")
    except ValueError as e:
        _err(proc, str(e))
        return 2
    proc.stdout.write(result + "\n")
    return 1 if result in ("", "0") else 0


# ------------------------------------------------------------------ shared with builtins


@applet("echo")
def echo(proc: Process) -> int:
    proc.stdout.write(echo_text(proc.argv[1:]))
    return 0


@applet("printf")
def printf(proc: Process) -> int:
    if len(proc.argv) < 2:
        proc.stderr.write("Usage: printf FORMAT [ARG]...\n")
        return 1
    text, status = printf_format(proc.argv[1], proc.argv[2:], lambda m: _err(proc, m))
    proc.stdout.write(text)
    return status


@applet("test", "[", "[[")
def test(proc: Process) -> int:
    args = proc.argv[1:]
    if _name(proc) == "[":
        if not args or args[-1] != "]":
            _err(proc, "missing ]")
            return 2
        args = args[:-1]
    return test_expr(args, proc.fs, lambda m: _err(proc, m))


@applet("true")
def true(proc: Process) -> int:
    return 0


@applet("false")
def false(proc: Process) -> int:
    return 1


@applet("pwd")
def pwd(proc: Process) -> int:
    proc.stdout.write(proc.cwd + "\n")
    return 0


@applet("kill")
def kill(proc: Process) -> int:
    return kill_command(proc, proc.argv[1:], lambda m: _err(proc, m), proc.stdout.write)


# ------------------------------------------------------------------ network


@applet("nslookup")
def nslookup(proc: Process) -> int:
    args = [a for a in proc.argv[1:] if not a.startswith("-")]
    if not args:
        proc.stderr.write("Usage: nslookup [-type=QUERY_TYPE] [-debug] HOST [DNS_SERVER]\n")
        return 1
    host = args[0]
    net = proc.net
    if net is None or not hasattr(net, "resolve"):
        proc.stdout.write(";; connection timed out; no servers could be reached\n\n")
        return 1
    server = getattr(net, "nameserver", "10.96.0.10")
    proc.stdout.write(f"Server:\t\t{server}\nAddress:\t{server}:53\n\n")
    addrs = list(net.resolve(host) or [])
    if not addrs:
        fqdn = getattr(net, "fqdn", lambda h: h)(host)
        proc.stdout.write(f"** server can't find {fqdn}: NXDOMAIN\n\n")
        return 1
    fqdn = getattr(net, "fqdn", lambda h: h)(host)
    for a in addrs:
        proc.stdout.write(f"Name:\t{fqdn}\nAddress: {a}\n\n")
    return 0


def _split_url(url: str) -> tuple[str, int, str]:
    m = re.match(r"(?:(https?)://)?([^/:]+)(?::(\d+))?(/.*)?$", url)
    if not m:
        raise ValueError(url)
    scheme, host, port, path = m.groups()
    return host, int(port) if port else (443 if scheme == "https" else 80), path or "/"


@applet("wget")
def wget(proc: Process) -> int:
    args = proc.argv[1:]
    quiet = spider = False
    out_file: str | None = None
    timeout = 900.0
    urls: list[str] = []
    i = 0
    while i < len(args):
        a = args[i]
        if a in ("-q", "--quiet"):
            quiet = True
        elif a == "--spider":
            spider = True
        elif a.startswith("-qO"):
            quiet, out_file = True, a[3:] or (args[i + 1] if i + 1 < len(args) else "-")
            if not a[3:]:
                i += 1
        elif a.startswith("-O"):
            out_file = a[2:] or (args[i + 1] if i + 1 < len(args) else "-")
            if not a[2:]:
                i += 1
        elif a.startswith("-T"):
            timeout = float(a[2:] or args[i + 1])
            if not a[2:]:
                i += 1
        elif a.startswith("-"):
            pass
        else:
            urls.append(a)
        i += 1
    if not urls:
        proc.stderr.write("Usage: wget [-q] [-O FILE] [-T SEC] [--spider] URL...\n")
        return 1
    try:
        host, port, path = _split_url(urls[0])
    except ValueError:
        _err(proc, f"bad address '{urls[0]}'")
        return 1
    net = proc.net
    addrs = list(net.resolve(host) or []) if net is not None and hasattr(net, "resolve") else []
    if not addrs:
        _err(proc, f"bad address '{host}'")
        return 1
    if not quiet:
        proc.stderr.write(f"Connecting to {host}{'' if port == 80 else f':{port}'} ({addrs[0]}:{port})\n")
    try:
        status, reason, body = net.http_get(host, port, path, timeout)
    except ConnectionRefusedError:
        _err(proc, f"can't connect to remote host ({addrs[0]}): Connection refused")
        return 1
    except TimeoutError:
        _err(proc, "download timed out")
        return 1
    if status >= 400:
        _err(proc, f"server returned error: HTTP/1.1 {status} {reason}")
        return 1
    if spider:
        if not quiet:
            proc.stderr.write("remote file exists\n")
        return 0
    text = body.decode(errors="replace") if isinstance(body, bytes) else str(body)
    target = out_file or (path.rsplit("/", 1)[-1] or "index.html")
    if target == "-":
        if not quiet:
            proc.stderr.write("writing to stdout\n")
        proc.stdout.write(text)
    else:
        if not quiet:
            proc.stderr.write(f"saving to '{target}'\n")
        try:
            proc.fs.write_text(target, text)
        except FSError as e:
            _err(proc, f"can't open '{target}': {e}")
            return 1
        if not quiet:
            proc.stderr.write(f"'{target}' saved\n")
    return 0


@applet("nc")
def nc(proc: Process) -> int:
    args = [a for a in proc.argv[1:] if not a.startswith("-")]
    flags = "".join(a[1:] for a in proc.argv[1:] if a.startswith("-"))
    if len(args) < 2:
        proc.stderr.write("Usage: nc [-z] [-w SEC] HOST PORT\n")
        return 1
    host, port = args[0], args[1]
    net = proc.net
    addrs = list(net.resolve(host) or []) if net is not None and hasattr(net, "resolve") else []
    if not addrs:
        _err(proc, f"bad address '{host}'")
        return 1
    ok = bool(net.connect(host, int(port), 1.0)) if hasattr(net, "connect") else False
    if not ok:
        _err(proc, f"can't connect to remote host ({addrs[0]}): Connection refused")
        return 1
    if "z" not in flags:
        proc.stdin.read()
    return 0
