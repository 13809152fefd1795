"""busybox's /etc/passwd and /etc/group are buildroot's skeleton files, as the official image ships
them: GID 65534 is ``nobody`` (Debian calls it ``nogroup``)."""

from __future__ import annotations

from sandbox.cluster import Cluster


def test_busybox_nobody_is_in_group_nobody() -> None:
    with Cluster(nodes=1, seed=0) as c:
        c.apply({"apiVersion": "v1", "kind": "Pod", "metadata": {"name": "bb"},
                 "spec": {"containers": [{"name": "bb", "image": "busybox:1.36", "command": ["sleep", "3600"]}]}})
        c.wait_for("pod/bb", "Ready", timeout=30)
        r = c.exec("bb", ["sh", "-c", "tail -n 2 /etc/group; grep ^nobody: /etc/passwd"])
        assert (r.exit_code, r.stdout) == (0, "users:x:100:\nnobody:x:65534:\nnobody:x:65534:65534:nobody:/home:/bin/false\n")
