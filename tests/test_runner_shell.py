"""`podlab shell`: a workshop terminal on a sandbox cluster."""

from __future__ import annotations

import io
import sys

from podlab.cli import main


def test_shell_applies_manifests_runs_kubectl_and_moves_time(tmp_path, monkeypatch):
    (tmp_path / "pod.yaml").write_text(
        "apiVersion: v1\nkind: Pod\nmetadata: {name: web}\n"
        "spec: {containers: [{name: web, image: nginx:1.27}]}\n"
    )
    monkeypatch.setattr(sys, "stdin", io.StringIO("get pods\nadvance 30s\nkubectl get pods\nexit\n"))
    out = io.StringIO()
    assert main(["shell", "--nodes", "1", "-f", str(tmp_path / "pod.yaml")], out=out) == 0
    text = out.getvalue()
    assert "pod/web created" in text
    before, after = text.split("advance 30s")[0], text.split("$ ")[-2]
    assert "ContainerCreating" in before or "Pending" in before
    assert "web    1/1     Running   0          30s" in after
