"""The busybox-like shell: table-driven scripts with their exact stdout, stderr and status."""

from __future__ import annotations

import pytest

from sandbox.clock import Clock
from sandbox.images.busybox import busybox, image_root
from sandbox.runtime import MountNamespace, OutputBuffer, Process, ProcessTable

ENV = {"PATH": "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin", "HOME": "/root"}


class Run:
    def __init__(self, code: int, out: str, err: str, elapsed: float, ns: MountNamespace) -> None:
        self.code, self.out, self.err, self.elapsed, self.ns = code, out, err, elapsed, ns


def run(
    script: str | None,
    *,
    argv: list[str] | None = None,
    signals: tuple[tuple[float, int], ...] = (),
    pid1: bool = True,
    setup=None,  # noqa: ANN001 - a callable given the namespace
) -> Run:
    clock = Clock()
    ns = MountNamespace.for_container(image_root(clock.now))
    if setup is not None:
        setup(ns)
    table = ProcessTable(clock)
    if not pid1:
        Process(table, ["/pause"], fs=ns)  # a pod's pause process holds PID 1
    out, err = OutputBuffer(), OutputBuffer()
    proc = Process(
        table, argv or ["sh", "-c", script or ""], fs=ns, stdout=out, stderr=err, env=ENV, hostname="web-0"
    )
    for at, sig in signals:
        clock.call_at(clock.now() + at, table.kill, proc.pid, sig)
    try:
        code = proc.run(busybox)
        return Run(code, out.getvalue(), err.getvalue(), clock.elapsed(), ns)
    finally:
        clock.close()


CASES = [
    # (script, stdout, stderr, status)
    ("echo The app is running! && sleep 3600", "The app is running!\n", "", 0),
    ("echo 'single $HOME' \"double $HOME\" \\$HOME", "single $HOME double /root $HOME\n", "", 0),
    ('x="a  b"; echo $x; echo "$x"', "a b\na  b\n", "", 0),
    ("echo ${UNSET:-default} ${#HOME} ${HOME}x", "default 5 /rootx\n", "", 0),
    ("echo ${U:=set}; echo $U; echo ${HOME:+alt}", "set\nset\nalt\n", "", 0),
    ("f=archive.tar.gz; echo ${f%.gz} ${f%%.*} ${f#*.} ${f##*.}", "archive.tar archive tar.gz gz\n", "", 0),
    ("echo $((1+2*3)) $((10/3)) $((10%3)) $((2**10)) $(( (1+2)*3 ))", "7 3 1 1024 9\n", "", 0),
    ("i=5; i=$((i+1)); echo $i $((i>3 ? 1 : 0)) $((-7/2))", "6 1 -3\n", "", 0),
    ("echo $((1/0))", "", "sh: divide by zero\n", 2),
    ("echo $(echo inner) `echo back`", "inner back\n", "", 0),
    ('echo "$(printf "a\\nb\\n\\n")"', "a\nb\n", "", 0),
    ("set -- a 'b c' d; echo $#; for x in \"$@\"; do echo \"[$x]\"; done", "3\n[a]\n[b c]\n[d]\n", "", 0),
    ("set -- a b; echo \"$*\" $1 ${2} $0", "a b a b sh\n", "", 0),
    ("false; echo $?; true; echo $?", "1\n0\n", "", 0),
    ("true && echo yes || echo no; false && echo yes || echo no", "yes\nno\n", "", 0),
    ("if [ 1 -eq 2 ]; then echo a; elif [ a = a ]; then echo b; else echo c; fi", "b\n", "", 0),
    ("i=0; until [ $i -ge 3 ]; do echo $i; i=$((i+1)); done", "0\n1\n2\n", "", 0),
    ("for i in 1 2 3 4; do [ $i = 2 ] && continue; [ $i = 4 ] && break; echo $i; done", "1\n3\n", "", 0),
    ("case web-0 in db-*) echo db;; web-*|api-*) echo web;; *) echo other;; esac", "web\n", "", 0),
    ('case "a*" in "a*") echo literal;; a*) echo glob;; esac', "literal\n", "", 0),
    ("greet() { echo \"hi $1\"; return 3; }; greet you; echo $?", "hi you\n3\n", "", 0),
    ("{ echo a; echo b; } | wc -l", "2\n", "", 0),
    ("x=1; (x=2; echo $x); echo $x", "2\n1\n", "", 0),
    ("echo hello | tr a-z A-Z | sed 's/L/_/g'", "HE__O\n", "", 0),
    ("printf '%s-%d\\n' a 1 b 2", "a-1\nb-2\n", "", 0),
    ("echo -n no-newline; echo -e 'x\\ty'", "no-newlinex\ty\n", "", 0),
    ("seq 3 | while read n; do echo line $n; done", "line 1\nline 2\nline 3\n", "", 0),
    ("echo hi >/tmp/f; cat /tmp/f; echo more >>/tmp/f; wc -l </tmp/f", "hi\n2\n", "", 0),
    ("echo err >&2; echo out 2>&1", "out\n", "err\n", 0),
    ("ls /nope 2>/dev/null; echo $?", "1\n", "", 0),
    ("cat /nope 2>&1", "cat: can't open '/nope': No such file or directory\n", "", 1),
    ("foo", "", "sh: foo: not found\n", 127),
    ("/tmp", "", "sh: /tmp: Permission denied\n", 126),
    ("fi", "", 'sh: syntax error: unexpected "fi"\n', 2),
    ("if true; then echo x", "", 'sh: syntax error: unexpected end of file (expecting "fi")\n', 2),
    ("while true; do echo x", "", 'sh: syntax error: unexpected end of file (expecting "done")\n', 2),
    ("echo 'open", "", "sh: syntax error: unterminated quoted string\n", 2),
    ("echo a\nfi", "a\n", 'sh: syntax error: unexpected "fi"\n', 2),
    ("set -e; echo a; false; echo b", "a\n", "", 1),
    ("set -e; false || true; if false; then :; fi; echo survived", "survived\n", "", 0),
    ("set -u; echo $NOPE", "", "sh: NOPE: parameter not set\n", 2),
    ("echo ${NOPE?is required}", "", "sh: NOPE: is required\n", 2),
    ("set -x; echo hi", "hi\n", "+ echo hi\n", 0),
    ("exit 3", "", "", 3),
    ("exit abc", "", "sh: exit: Illegal number: abc\n", 2),
    ("trap 'echo bye' EXIT; echo hi; exit 4", "hi\nbye\n", "", 4),
    ("trap 'echo bye' EXIT; false", "bye\n", "", 1),
    ("touch /tmp/a /tmp/b; echo /tmp/*; echo /tmp/*.none", "/tmp/a /tmp/b\n/tmp/*.none\n", "", 0),
    ("cd /tmp && pwd && cd /nope", "/tmp\n", "sh: cd: can't cd to /nope: No such file or directory\n", 2),
    ("[ -d /tmp ] && [ ! -f /tmp ] && [ -z '' ] && [ -n x ] && echo ok", "ok\n", "", 0),
    ("[ 1 -lt", "", "sh: missing ]\n", 2),
    ("[ a -eq 1 ]", "", "sh: a: bad number\n", 2),
    ("kill -l 15; kill -l TERM; kill -l 137", "TERM\n15\nKILL\n", "", 0),
    ("kill 999", "", "sh: can't kill pid 999: No such process\n", 1),
    ("sleep abc", "", "sleep: invalid number 'abc'\n", 1),
    ("x=$(false); echo $?", "1\n", "", 0),
    ("cat <<EOF\nhello $HOME\nEOF\ncat <<'EOF'\n$HOME\nEOF", "hello /root\n$HOME\n", "", 0),
    ("echo hello > /usr/share/nginx/html/index.html", "",
     "sh: can't create /usr/share/nginx/html/index.html: nonexistent directory\n", 1),
    ("mkdir -p /usr/share/nginx/html && echo hello > /usr/share/nginx/html/index.html && cat /usr/share/nginx/html/index.html",
     "hello\n", "", 0),
    ("wget -qO- http://localhost:80", "", "wget: bad address 'localhost'\n", 1),
    ("hostname; whoami; id", "web-0\nroot\nuid=0(root) gid=0(root)\n", "", 0),
    ("echo a b c | cut -d' ' -f2; echo 'x:y' | cut -d: -f1", "b\nx\n", "", 0),
    ("printf 'b\\na\\nb\\n' | sort | uniq -c", "      1 a\n      2 b\n", "", 0),
    ("echo foo | grep -q o && echo found; echo foo | grep -c x; echo FOO | grep -i foo", "found\n0\nFOO\n", "", 0),
    ("basename /a/b/c.txt .txt; dirname /a/b/c.txt; expr 2 + 3", "c\n/a/b\n5\n", "", 0),
    ("date +%Y-%m-%dT%H:%M:%S; date", "2025-01-01T00:00:00\nWed Jan  1 00:00:00 UTC 2025\n", "", 0),
    ("sleep 1.5; sleep 1m; date +%s", "1735689661\n", "", 0),
    ("yes | head -n 2", "y\ny\n", "", 0),
    ("echo $(( $(echo 4) * 2 ))", "8\n", "", 0),
    ("v=val; eval 'echo $v'; eval \"w=\\$v\"; echo $w", "val\nval\n", "", 0),
    ("unset HOME; echo \"[${HOME}]\"; readonly R=1; R=2", "[]\n", "sh: R: is read only\n", 2),
]


@pytest.mark.parametrize(("script", "stdout", "stderr", "status"), CASES, ids=[c[0][:40] for c in CASES])
def test_script(script: str, stdout: str, stderr: str, status: int) -> None:
    r = run(script)
    assert (r.out, r.err, r.code) == (stdout, stderr, status)


def test_date_loop_advances_virtual_time() -> None:
    r = run('i=0; while [ $i -lt 3 ]; do echo "$(date) INFO $i"; i=$((i+1)); sleep 1; done')
    assert r.out == (
        "Wed Jan  1 00:00:00 UTC 2025 INFO 0\n"
        "Wed Jan  1 00:00:01 UTC 2025 INFO 1\n"
        "Wed Jan  1 00:00:02 UTC 2025 INFO 2\n"
    )
    assert r.elapsed == 3.0


def test_liveness_example_removes_file_after_30s() -> None:
    seen: list[tuple[float, bool]] = []
    clock = Clock()
    ns = MountNamespace.for_container(image_root(clock.now))
    table = ProcessTable(clock)
    proc = Process(table, ["sh", "-c", "touch /tmp/healthy; sleep 30; rm -f /tmp/healthy; sleep 600"], fs=ns)
    for t in (10, 29, 31):
        clock.call_at(clock.now() + t, lambda t=t: seen.append((t, ns.exists("/tmp/healthy"))))
    proc.start(busybox)
    clock.advance(100)
    assert seen == [(10, True), (29, True), (31, False)]
    assert proc.alive and proc.argv == ["sleep", "600"]  # the last command was exec'd
    clock.advance(600)
    assert proc.exit_code == 0
    clock.close()


def test_until_nslookup_loop_without_network_keeps_waiting() -> None:
    clock = Clock()
    ns = MountNamespace.for_container(image_root(clock.now))
    out = OutputBuffer()
    proc = Process(ProcessTable(clock), ["sh", "-c", "until nslookup myservice; do echo waiting; sleep 2; done"],
                   fs=ns, stdout=out)
    proc.start(busybox)
    clock.advance(5)
    assert out.getvalue().count("waiting\n") == 3
    assert proc.alive
    clock.close()


# ---------------------------------------------------------------- signals and traps


def test_pid1_shell_without_trap_ignores_sigterm() -> None:
    r = run("sleep 3600", signals=((5, 15),))
    assert (r.code, r.elapsed) == (0, 3600.0)


def test_pid1_sigkill_always_kills() -> None:
    r = run("sleep 3600", signals=((5, 15), (35, 9)))
    assert (r.code, r.elapsed) == (137, 35.0)


def test_non_pid1_shell_dies_on_sigterm() -> None:
    r = run("echo start; sleep 3600; echo never", signals=((5, 15),), pid1=False)
    assert (r.code, r.out, r.elapsed) == (143, "start\n", 5.0)


def test_trap_with_background_sleep_and_wait_exits_at_once() -> None:
    r = run("trap 'echo got TERM; exit 0' TERM; sleep 3600 & wait", signals=((5, 15),))
    assert (r.code, r.out, r.elapsed) == (0, "got TERM\n", 5.0)


def test_trap_waits_for_foreground_command() -> None:
    r = run("trap 'echo got TERM; exit 7' TERM; sleep 20; echo after", signals=((5, 15),))
    assert (r.code, r.out, r.elapsed) == (7, "got TERM\n", 20.0)


def test_trap_that_does_not_exit_lets_the_script_continue() -> None:
    r = run("trap 'echo caught' TERM INT; sleep 3600 & wait; echo status=$?", signals=((1, 2),))
    assert (r.code, r.out, r.elapsed) == (0, "caught\nstatus=130\n", 1.0)


def test_trap_ignore_and_reset() -> None:
    r = run("trap '' TERM; sleep 10; trap - TERM; sleep 10; echo never", signals=((5, 15), (15, 15)), pid1=False)
    assert (r.code, r.elapsed) == (143, 15.0)


def test_trap_lists_traps() -> None:
    assert run("trap 'exit 0' TERM; trap 'echo x' EXIT; trap").out == (
        "trap -- 'echo x' EXIT\ntrap -- 'exit 0' TERM\nx\n"
    )


def test_background_job_pid_and_wait_status() -> None:
    r = run("(sleep 2; exit 3) & p=$!; echo bg; wait $p; echo status=$?")
    assert (r.out, r.elapsed) == ("bg\nstatus=3\n", 2.0)


def test_kill_background_job() -> None:
    r = run("sleep 100 & kill -9 $!; wait $!; echo $?")
    assert (r.out, r.elapsed) == ("137\n", 0.0)


def test_ps_lists_the_namespace_processes() -> None:
    r = run("sleep 50 & sleep 1; ps")
    assert r.out == (
        "PID   USER     TIME  COMMAND\n"
        "    1 root      0:00 sh -c sleep 50 & sleep 1; ps\n"
        "    2 root      0:00 sleep 50\n"
        "    4 root      0:00 ps\n"
    )


def test_script_file_errors_name_file_and_line() -> None:
    def setup(ns: MountNamespace) -> None:
        ns.write_text("/run.sh", "echo one\nnosuch\n")

    r = run(None, argv=["sh", "/run.sh"], setup=setup)
    assert (r.out, r.err, r.code) == ("one\n", "/run.sh: line 2: nosuch: not found\n", 127)


def test_executable_script_with_shebang() -> None:
    def setup(ns: MountNamespace) -> None:
        ns.write_text("/usr/local/bin/hello", "#!/bin/sh\necho hello $1\n")
        ns.chmod("/usr/local/bin/hello", 0o755)
        ns.write_text("/usr/local/bin/noexec", "echo x\n")

    r = run("hello world; noexec", setup=setup)
    assert (r.out, r.err, r.code) == ("hello world\n", "sh: noexec: Permission denied\n", 126)


def test_write_to_pid1_stdout_reaches_the_log() -> None:
    r = run("(echo from-child > /proc/1/fd/1) ; echo done")
    assert r.out == "from-child\ndone\n"


def test_ten_thousand_iterations_take_ten_thousand_virtual_seconds() -> None:
    # wall-clock speed is measured by benchmarks/run.py, never asserted here
    r = run("i=0; while true; do echo $i; i=$((i+1)); [ $i -ge 10000 ] && break; sleep 1; done")
    assert r.out.splitlines()[-1] == "9999"
    assert r.elapsed == 9999.0
