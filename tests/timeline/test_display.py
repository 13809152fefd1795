"""Notebook displays: a cluster, an object and a list as HTML, with kubectl's tables."""

from __future__ import annotations

import xml.etree.ElementTree as ET

from sandbox import Cluster
from sandbox.timeline import TimelineRecorder
from sandbox.timeline.display import cluster_html, list_html, model_html

POD = {"apiVersion": "v1", "kind": "Pod", "metadata": {"name": "nginx"},
       "spec": {"containers": [{"name": "nginx", "image": "nginx:1.27"}]}}


def cells(html: str) -> list[list[str]]:
    root = ET.fromstring(html)
    return [[c.text or "" for c in tr] for tr in root.iter("tr")]


def test_cluster_html_shows_nodes_and_pods_like_kubectl_get() -> None:
    with Cluster(nodes=1, seed=0) as c:
        c.apply(POD)
        c.advance(20)
        html = cluster_html(c)
        assert html.startswith('<div class="podlab-cluster"><p><b>Cluster</b> seed=0, virtual time 20s, 1 node, 1 pod</p>')
        assert cells(html) == [
            ["NAME", "STATUS", "ROLES", "AGE", "VERSION"],
            ["node-1", "Ready", "<none>", "20s", "v1.32.0"],
            ["NAMESPACE", "NAME", "READY", "STATUS", "RESTARTS", "AGE"],
            ["default", "nginx", "1/1", "Running", "0", "20s"],
        ]


def test_model_html_is_the_yaml_with_kind_and_name() -> None:
    with Cluster(nodes=0, seed=0) as c:
        c.apply(POD)
        html = model_html(c.get("pod", "nginx"))
        assert html.startswith('<div class="podlab-object"><div><b>Pod default/nginx</b></div><pre>apiVersion: v1\nkind: Pod\n')
        assert "  - image: nginx:1.27\n    imagePullPolicy: IfNotPresent\n    name: nginx\n" in html


def test_list_html_is_a_table_for_one_kind_and_yaml_otherwise() -> None:
    with Cluster(nodes=0, seed=0) as c:
        c.apply(POD)
        c.advance(5)
        pods = c.list("pods")
        assert cells(list_html(pods, now=c.clock.now())) == [
            ["NAME", "READY", "STATUS", "RESTARTS", "AGE"], ["nginx", "0/1", "Pending", "0", "5s"]]
        mixed = list_html([pods[0], c.get("namespace", "default")])
        assert mixed.count('<div class="podlab-object">') == 2
        assert list_html([]) == "<p>No resources found.</p>"


def test_recorder_follows_the_real_kubelet_through_crash_loop_back_off() -> None:
    with Cluster(nodes=1, seed=0) as c:
        rec = TimelineRecorder(c.api, c.clock)
        c.apply({"apiVersion": "v1", "kind": "Pod", "metadata": {"name": "crash"}, "spec": {
            "containers": [{"name": "app", "image": "busybox:1.36", "command": ["sh", "-c", "sleep 5; exit 1"]}]}})
        c.advance(60)
        tl = rec.timeline("default", "crash")
        assert tl.first(reason="CrashLoopBackOff", lane="app") is not None
        assert tl.state_at(tl.first(reason="CrashLoopBackOff")).get("app").reason == "CrashLoopBackOff"
        restarts = [m for m in tl.lane("main:app").marks if m.kind == "restart"]
        assert len(restarts) >= 2
        assert tl.first_event("Scheduled") == 0.0
        assert any(e.reason == "BackOff" and e.lane == "main:app" for e in tl.events)
