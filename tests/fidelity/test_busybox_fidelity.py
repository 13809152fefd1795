"""busybox as it really answers: ``hostname -i`` (``networking/hostname.c``: the addresses the
hostname resolves to), ash's redirect errors (``openredirect``: ``errmsg(errno, "nonexistent
directory")``) and ``ls -L``."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from sandbox import Cluster

POD = """
apiVersion: v1
kind: Pod
metadata: {name: bb}
spec:
  hostname: box
  subdomain: team
  containers:
  - name: bb
    image: busybox:1.36
    command: [sleep, "3600"]
"""


@pytest.fixture(scope="module")
def cluster() -> Iterator[Cluster]:
    with Cluster(nodes=1, seed=0) as c:
        c.apply(POD)
        c.wait_for("pod/bb", "Ready", timeout=60)
        yield c


def _run(cluster: Cluster, *argv: str) -> tuple[int, str, str]:
    r = cluster.exec("bb", list(argv))
    return r.exit_code, r.stdout, r.stderr


def test_hostname_i_prints_the_pod_ip(cluster: Cluster) -> None:
    ip = cluster.get("pod", "bb").status.podIP
    assert _run(cluster, "hostname", "-i") == (0, f"{ip}\n", "")


@pytest.mark.parametrize(
    ("flag", "out"),
    [("", "box\n"), ("-s", "box\n"), ("-f", "box.team.default.svc.cluster.local\n"),
     ("-d", "team.default.svc.cluster.local\n")],
)
def test_hostname_names(cluster: Cluster, flag: str, out: str) -> None:
    argv = ["hostname", flag] if flag else ["hostname"]
    assert _run(cluster, *argv) == (0, out, "")


@pytest.mark.parametrize(
    ("script", "stderr"),
    [
        ("echo x > /nonexistent/f", "sh: can't create /nonexistent/f: nonexistent directory\n"),
        ("echo x >> /nonexistent/f", "sh: can't create /nonexistent/f: nonexistent directory\n"),
        ("echo x > /etc/hostname/f", "sh: can't create /etc/hostname/f: nonexistent directory\n"),  # ENOTDIR
        ("echo x > /etc", "sh: can't create /etc: Is a directory\n"),
        ("cat < /nonexistent", "sh: can't open /nonexistent: no such file\n"),
    ],
)
def test_redirect_errors_in_ash_words(cluster: Cluster, script: str, stderr: str) -> None:
    assert _run(cluster, "sh", "-c", script) == (1, "", stderr)


def test_ls_L_follows_symlinks(cluster: Cluster) -> None:
    code, out, err = _run(cluster, "sh", "-c", "echo hi > /tmp/t; ln -s /tmp/t /tmp/l; ls -l /tmp/l; ls -lL /tmp/l; ls -L /tmp")
    assert (code, err) == (0, "")
    lines = out.splitlines()
    assert lines[0].startswith("l") and lines[0].endswith("/tmp/l -> /tmp/t")
    assert lines[1].startswith("-rw-r--r--") and lines[1].endswith(" /tmp/l") and "->" not in lines[1]
    assert lines[2:] == ["l", "t"]
