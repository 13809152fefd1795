"""The workshop shell: kubectl lines with or without the prefix, virtual time, help, exit."""

from __future__ import annotations

import io
from pathlib import Path

from sandbox.cluster import Cluster
from sandbox.kubectl.shell import HELP, Shell

POD = "apiVersion: v1\nkind: Pod\nmetadata: {name: nginx}\nspec:\n  containers: [{name: nginx, image: nginx:1.25}]\n"


def test_a_session(tmp_path: Path) -> None:
    (tmp_path / "pod.yaml").write_text(POD)
    with Cluster(nodes=1, seed=3) as cluster:
        shell = Shell(cluster, apply=[str(tmp_path)])
        out = io.StringIO()
        shell.run(["get pods", "advance 30s", "kubectl get pods", "k get pod nginx -o name", "# a comment", "",
                   "sleep 30", "time", "gett pods", "ls", "help", "exit", "get pods"], out=out)
        assert out.getvalue() == (
            "pod/nginx created\n"
            "$ get pods\n"
            "NAME    READY   STATUS    RESTARTS   AGE\n"
            "nginx   0/1     Pending   0          0s\n"
            "$ advance 30s\n"
            "$ kubectl get pods\n"
            "NAME    READY   STATUS    RESTARTS   AGE\n"
            "nginx   1/1     Running   0          30s\n"
            "$ k get pod nginx -o name\n"
            "pod/nginx\n"
            "$ # a comment\n"
            "$ \n"
            "$ sleep 30\n"
            "$ time\n"
            "Wed Jan 01 00:01:00 UTC 2025\n"
            "$ gett pods\n"
            "gett: command not found (type help)\n"
            "$ ls\n"
            "ls: command not found (type help)\n"
            "$ help\n" + HELP +
            "$ exit\n"
        )
        assert shell.done
        assert cluster.elapsed == 60


def test_execute_returns_kubectl_errors_and_bad_durations() -> None:
    with Cluster(seed=3) as cluster:
        shell = Shell(cluster)
        assert shell.execute("kubectl gett pods").startswith('Error: unknown command "gett" for "kubectl"')
        assert shell.execute("advance soon") == 'error: time: invalid duration "soon"\n'
        assert shell.execute("advance") == "usage: advance DURATION (e.g. advance 30s)\n"
        assert shell.execute("get pods -o 'unterminated") == "error: No closing quotation\n"
