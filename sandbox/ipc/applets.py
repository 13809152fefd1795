"""``ipcs`` and ``ipcrm`` as busybox 1.36 has them, for containers' shells.

They are programs ``program(proc) -> int`` (see :mod:`sandbox.runtime.process`) and read the
process's IPC namespace from ``proc.ipc`` (set by the runtime; a child without it looks at its
parent's). Owner names come from the container's ``/etc/passwd``.
"""

from __future__ import annotations

import errno
from typing import Any

from sandbox.ipc.namespace import IPC_RMID, IPCError, IPCNamespace
from sandbox.runtime.process import register_program

__all__ = ["ipcs", "ipcrm", "ipc_namespace_of", "register"]


def ipc_namespace_of(proc: Any) -> IPCNamespace | None:
    """``proc.ipc``, or the nearest ancestor's in its PID namespace."""
    seen = 0
    while proc is not None and seen < 64:
        ns = getattr(proc, "ipc", None)
        if ns is not None:
            return ns  # type: ignore[no-any-return]
        table = getattr(proc, "table", None)
        proc = table.get(proc.ppid) if table is not None and getattr(proc, "ppid", 0) else None
        seen += 1
    return None


def _users(proc: Any) -> dict[int, str]:
    users: dict[int, str] = {}
    try:
        text = proc.fs.read_text("/etc/passwd")
    except OSError:
        return {0: "root"}
    for line in text.splitlines():
        parts = line.split(":")
        if len(parts) >= 3 and parts[2].isdigit():
            users.setdefault(int(parts[2]), parts[0])
    return users


def ipcs(proc: Any) -> int:
    """``ipcs [-a] [-q] [-m] [-s]``: list the namespace's IPC objects."""
    ns = ipc_namespace_of(proc)
    flags = set()
    for arg in proc.argv[1:]:
        if not arg.startswith("-") or arg == "-":
            break
        for ch in arg[1:]:
            if ch not in "aqsm":
                proc.stderr.write(f"ipcs: invalid option -- '{ch}'\n")
                proc.stderr.write(
                    "BusyBox v1.36.1 multi-call binary.\n\nUsage: ipcs [[-smq] -i SHMID] | [[-asmq] [-tcplu]]\n"
                )
                return 1
            flags.add(ch)
    if "a" in flags or not flags & {"q", "s", "m"}:
        flags |= {"q", "s", "m"}
    if ns is None:
        proc.stdout.write("\n")
        for what, sect in (("message queues", "q"), ("shared memory", "m"), ("semaphores", "s")):
            if sect in flags:
                proc.stdout.write(f"kernel not configured for {what}\n\n")
        return 0
    proc.stdout.write(ns.ipcs(msg="q" in flags, shm="m" in flags, sem="s" in flags, users=_users(proc)))
    return 0


def ipcrm(proc: Any) -> int:
    """``ipcrm [-MQS key] [-mqs id]``: remove IPC objects; busybox's messages on failure."""
    ns = ipc_namespace_of(proc)
    args = proc.argv[1:]
    errors = 0
    i = 0
    if not args:
        proc.stderr.write("BusyBox v1.36.1 multi-call binary.\n\nUsage: ipcrm [-MQS key] [-mqs id]\n")
        return 1
    while i < len(args):
        opt = args[i]
        if len(opt) == 2 and opt[0] == "-" and opt[1] in "mqsMQS":
            if i + 1 >= len(args):
                proc.stderr.write(f"ipcrm: option requires an argument -- '{opt[1]}'\n")
                return 1
            value = args[i + 1]
            i += 2
        else:
            proc.stderr.write(f"ipcrm: invalid option -- '{opt.lstrip('-')[:1]}'\n")
            return 1
        kind = opt[1].lower()
        by_key = opt[1].isupper()
        what = "key" if by_key else "id"
        try:
            number = int(value, 0)
        except ValueError:
            proc.stderr.write(f"ipcrm: invalid number '{value}'\n")
            return 1
        if by_key and number == 0:
            proc.stderr.write(f"ipcrm: illegal key ({value})\n")
            errors += 1
            continue
        try:
            if ns is None:
                raise IPCError(errno.EINVAL)
            if kind == "q":
                raise IPCError(errno.EINVAL)  # System V message queues: none exist here
            if by_key:
                objs = ns.shm_segments() if kind == "m" else ns.sem_sets()
                match = next((o for o in objs if o.key == number), None)
                if match is None:
                    raise IPCError(errno.EINVAL)
                number = match.id
            if kind == "m":
                ns.shmctl(number, IPC_RMID, creds=proc.creds)
            else:
                ns.semctl(number, 0, IPC_RMID, creds=proc.creds)
        except IPCError as e:
            if e.errno in (errno.EPERM, errno.EACCES):
                msg = "permission denied for"
            elif e.errno == errno.EIDRM:
                msg = "already removed"
            else:
                msg = "invalid"
            proc.stderr.write(f"ipcrm: {msg} {what} ({value})\n")
            errors += 1
    return 1 if errors else 0


def register() -> None:
    """Make ``binary("ipcs")`` and ``binary("ipcrm")`` files run these programs."""
    register_program("ipcs", ipcs)
    register_program("ipcrm", ipcrm)


register()
