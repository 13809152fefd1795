"""A busybox-like image: one multi-call binary (``/bin/busybox``) whose applets are hard links.

As in the real image, ``/bin/sh``, ``/bin/ls``, ``/bin/sleep``... are the same binary, and the
program picks the applet from ``argv[0]`` (or ``busybox APPLET ARGS``). :func:`image_root` builds
the image's filesystem tree; a container's root is a copy of it.
"""

from __future__ import annotations

from collections.abc import Callable

from sandbox.images.busybox.applets import APPLETS
from sandbox.images.busybox.interpreter import Shell, ShellError, sh
from sandbox.images.busybox.lexer import ShellSyntaxError
from sandbox.images.busybox.parser import parse
from sandbox.runtime.filesystem import FileSystem, FSError
from sandbox.runtime.process import Process, binary, register_program

__all__ = ["busybox", "image_root", "run_applet", "Shell", "ShellError", "ShellSyntaxError", "parse", "sh", "APPLETS"]

VERSION = "1.36.1"

PASSWD = """root:x:0:0:root:/root:/bin/sh
daemon:x:1:1:daemon:/usr/sbin:/bin/false
bin:x:2:2:bin:/bin:/bin/false
sys:x:3:3:sys:/dev:/bin/false
sync:x:4:100:sync:/bin:/bin/sync
mail:x:8:8:mail:/var/spool/mail:/bin/false
www-data:x:33:33:www-data:/var/www:/bin/false
operator:x:37:37:Operator:/var:/bin/false
nobody:x:65534:65534:nobody:/home:/bin/false
"""

#: buildroot's ``system/skeleton/etc/group``, which the official busybox images ship (GID 65534 is
#: ``nobody`` there, ``nogroup`` on Debian).
GROUP = """root:x:0:
daemon:x:1:
bin:x:2:
sys:x:3:
adm:x:4:
tty:x:5:
disk:x:6:
lp:x:7:
mail:x:8:
kmem:x:9:
wheel:x:10:root
cdrom:x:11:
dialout:x:18:
floppy:x:19:
video:x:28:
audio:x:29:
tape:x:32:
www-data:x:33:
operator:x:37:
utmp:x:43:
plugdev:x:46:
staff:x:50:
lock:x:54:
netdev:x:82:
users:x:100:
nobody:x:65534:
"""


def run_applet(proc: Process, name: str) -> int:
    """Run applet ``name`` (``sh`` included) in ``proc``; ``127`` if there is none."""
    if name in ("sh", "ash"):
        return sh(proc)
    fn: Callable[[Process], int | None] | None = APPLETS.get(name)
    if fn is None:
        proc.stderr.write(f"{name}: applet not found\n")
        return 127
    try:
        result = fn(proc)
    except FSError as e:  # podlab-pod: a failed write (ENOSPC, EROFS) ends the applet as busybox's xwrite does
        proc.stderr.write(f"{name}: write error: {e}\n")
        return 1
    return 0 if result is None else result


def busybox(proc: Process) -> int:
    """The multi-call binary: the applet is ``basename(argv[0])``, or ``argv[1]`` for ``busybox``."""
    name = proc.argv[0].rsplit("/", 1)[-1] if proc.argv else "busybox"
    if name == "busybox":
        if len(proc.argv) < 2:
            proc.stdout.write(f"BusyBox v{VERSION} multi-call binary.\n")
            return 0
        proc.argv = proc.argv[1:]
        name = proc.argv[0].rsplit("/", 1)[-1]
    return run_applet(proc, name)


register_program("busybox", busybox)


def image_root(clock: Callable[[], float] | None = None) -> FileSystem:
    """The image's filesystem: ``/bin`` with every applet, ``/etc/passwd``, ``/tmp``, ..."""
    fs = FileSystem(clock, name="busybox")
    exe = binary("busybox")
    fs.add_file("/bin/busybox", exe, 0o755)
    for name in sorted(set(APPLETS) | {"sh", "ash"}):
        if name not in ("[[",):
            fs.add_file(f"/bin/{name}", exe, 0o755)
    # podlab-pod: busybox's ipcs/ipcrm applets are sandbox.ipc's programs
    from sandbox.ipc import applets as ipc_applets

    for name in ("ipcs", "ipcrm"):
        fs.add_file(f"/bin/{name}", binary(name), 0o755)
    ipc_applets.register()
    fs.add_file("/etc/passwd", PASSWD)
    fs.add_file("/etc/group", GROUP)
    fs.add_file("/etc/shadow", "root:*:19000:0:99999:7:::\n", 0o600)
    fs.add_file("/etc/hostname", "localhost\n")
    fs.add_file("/etc/hosts", "127.0.0.1\tlocalhost\n")
    fs.add_file("/etc/resolv.conf", "")
    for d, mode in (("/root", 0o700), ("/tmp", 0o1777), ("/home", 0o755), ("/var/www", 0o755),
                    ("/var/spool/mail", 0o755), ("/usr/sbin", 0o755), ("/usr/bin", 0o755), ("/usr/local/bin", 0o755),
                    ("/proc", 0o555), ("/sys", 0o555), ("/dev", 0o755)):  # fmt: skip
        fs.add_dir(d, mode)
    return fs
