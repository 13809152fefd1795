"""Byte-for-byte comparisons with the real kubectl (v1.32) for everything kubectl computes on
the client: ``describe``, ``-o yaml|json|name|jsonpath|jsonpath-as-json|custom-columns``, and
client-side errors.

The real kubectl reads the same sandbox objects through a tiny HTTP front
(``fake_apiserver.FakeAPIServer``). Ages depend on the wall clock, so our side is given the wall
clock too: objects were created at the sandbox's start (2025-01-01), so ages are hundreds of days
and both sides print the same ``692d``. Skipped when kubectl is not installed.
"""

from __future__ import annotations

import os
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fake_apiserver import KUBECTL, FakeAPIServer

from sandbox.cluster import Cluster
from sandbox.kubectl import run

pytestmark = pytest.mark.skipif(KUBECTL is None, reason="the real kubectl is not installed")

MANIFESTS = Path(__file__).parent / "manifests" / "golden.yaml"


class _WallClock:
    def now(self) -> float:
        return time.time()


class _Wall:
    """The cluster's API server seen at wall-clock time, as the real kubectl sees it."""

    def __init__(self, cluster: Cluster) -> None:
        self.api = cluster.api
        self.clock = _WallClock()
        self.kubelet_for = cluster.kubelet_for


@pytest.fixture(scope="module")
def env() -> Iterator[tuple[Any, FakeAPIServer]]:
    old_tz = os.environ.get("TZ")
    os.environ["TZ"] = "UTC"  # kubectl prints times in local time; ours are UTC
    with Cluster(nodes=1, seed=7) as cluster:
        cluster.apply(str(MANIFESTS))
        cluster.advance(120)
        cluster.delete("pod", "slowstop")  # its shell ignores SIGTERM: Terminating for 600s
        run(cluster, ["debug", "sidecar", "--image=busybox", "-c", "dbg", "--", "echo", "hi"])
        cluster.advance(10)
        with FakeAPIServer(cluster.api) as srv:
            yield _Wall(cluster), srv
    if old_tz is None:
        os.environ.pop("TZ", None)
    else:
        os.environ["TZ"] = old_tz


COMMANDS = [
    # describe: every pod state and every kind
    ["describe", "pod", "web"],
    ["describe", "pod", "crash"],
    ["describe", "pod", "init-demo"],
    ["describe", "pod", "sidecar"],
    ["describe", "pod", "done"],
    ["describe", "pod", "badimage"],
    ["describe", "pod", "unschedulable"],
    ["describe", "pods", "-l", "app=api"],
    ["describe", "pod", "slowstop"],
    ["describe", "pod", "init-fail"],
    ["describe", "job", "fails"],
    ["describe", "node", "node-1"],
    ["describe", "deployment", "api"],
    ["describe", "replicasets"],
    ["describe", "statefulset", "db"],
    ["describe", "daemonset", "agent"],
    ["describe", "job", "pi"],
    ["describe", "cronjob", "tick"],
    ["describe", "namespace", "default"],
    ["describe", "configmap", "flags"],
    ["describe", "secret", "creds"],
    ["describe", "lease", "node-1", "-n", "kube-node-lease"],
    ["describe", "pod", "cra"],  # name prefix
    ["describe", "pod", "nothere"],
    # structured output
    ["get", "pod", "web", "-o", "yaml"],
    ["get", "configmap", "tricky", "-o", "yaml"],
    ["get", "configmap", "tricky", "-o", "json"],
    ["get", "configmap", "tricky", "-o", "jsonpath={.data}"],
    ["get", "configmap", "tricky", "-o", "custom-columns=DATA:.data,LABELS:.metadata.labels"],
    ["get", "pods", "-o", "json"],
    ["get", "all", "-o", "yaml"],
    ["get", "nodes", "-o", "yaml"],
    ["get", "pods", "-A", "-o", "name"],
    ["get", "all", "-o", "name"],
    ["get", "cm,secrets", "-o", "name"],
    ["get", "pod", "web", "-o", "jsonpath={.spec.containers[*].name}"],
    ["get", "pods", "-o", "jsonpath={range .items[*]}{.metadata.name}{\"\\t\"}{.status.phase}{\"\\n\"}{end}"],
    ["get", "pods", "-o", "jsonpath={.items[?(@.status.phase==\"Running\")].metadata.name}"],
    ["get", "pod", "crash", "-o", "jsonpath={.status.containerStatuses[0].lastState}"],
    ["get", "pod", "web", "-o", "jsonpath={.metadata.labels}"],
    ["get", "pods", "-o", "jsonpath-as-json={.items[*].spec.nodeName}"],
    ["get", "pods", "-o", "custom-columns=NAME:.metadata.name,NODE:.spec.nodeName,IMAGES:.spec.containers[*].image"],
    ["get", "pods", "-o", "custom-columns=NAME:metadata.name,LABELS:.metadata.labels", "--no-headers"],
    ["get", "pods", "--sort-by=.metadata.name", "-o", "name"],
    ["get", "pods", "--sort-by={.status.podIP}", "-o", "custom-columns=IP:.status.podIP"],
    # ties come out in the order of Go's (unstable) sort.Sort
    ["get", "pods", "-l", "app", "--sort-by=.metadata.creationTimestamp", "-o", "name"],
    ["get", "pods", "--sort-by=.metadata.creationTimestamp", "-o", "name"],
    ["get", "events", "--sort-by=.lastTimestamp", "-o", "custom-columns=R:.reason,O:.involvedObject.name"],
    ["get", "pods", "-l", "app in (web,api)", "-o", "name"],
    ["get", "pods", "--field-selector", "status.phase=Running", "-o", "name"],
    # generators (client-side dry runs)
    ["run", "nginx", "--image=nginx", "--dry-run=client", "-o", "yaml"],
    ["run", "bb", "--image=busybox", "--restart=Never", "--labels=a=b,c=d", "--env=X=1", "--env=Y=two",
     "--port=8080", "--dry-run=client", "-o", "yaml", "--", "sleep", "3600"],
    ["run", "bb", "--image=busybox", "--command", "--dry-run=client", "-o", "json", "--", "sh", "-c", "echo hi"],
    ["run", "x", "--image=nginx", "--dry-run=client"],
    ["run", "x", "--image=nginx", "--dry-run=client", "-o", "name"],
    ["create", "deployment", "web", "--image=nginx", "--replicas=2", "--port=80", "--dry-run=client", "-o", "yaml"],
    ["create", "deployment", "two", "--image=nginx:1.25", "--image=registry.k8s.io/pause:3.9", "--dry-run=client",
     "-o", "json"],
    ["create", "deployment", "web", "--image=nginx", "--dry-run=client"],
    # discovery
    ["api-resources"],
    ["api-resources", "--namespaced=false"],
    ["api-resources", "-o", "name"],
    ["api-resources", "-o", "wide"],
    ["api-resources", "--api-group=apps", "--no-headers"],
    # kubectl events is client-side too
    ["events"],
    ["events", "--for", "pod/crash"],
    ["events", "-A", "--types=Warning"],
    ["events", "--for=pod/nothere"],
    # errors
    ["get", "pod", "nothere"],
    ["get", "podz"],
    ["get", "pods", "-o", "foo"],
    ["get", "pods", "-o", "custom-columns=NAME"],
    ["get", "pod/web", "crash"],
    ["get", "pods", "--foo"],
    ["get", "pods", "-z"],
    ["get"],
    ["gett", "pods"],
    ["describe"],
    ["delete"],
    ["apply"],
    ["logs"],
    ["label", "pod", "web"],
    ["exec", "web"],
]


@pytest.mark.parametrize("argv", COMMANDS, ids=[" ".join(c) for c in COMMANDS])
def test_same_as_real_kubectl(env: tuple[Any, FakeAPIServer], argv: list[str]) -> None:
    cluster, srv = env
    real = srv.kubectl(*argv)
    ours = run(cluster, argv)
    assert ours.stdout == real.stdout
    assert ours.stderr == real.stderr
    assert ours.exit_code == real.returncode
