"""Static pods: the manifest directory, the kubelet hook, mirror pods and their restrictions."""

from __future__ import annotations

import random

import pytest

import sandbox.api  # noqa: F401
from sandbox.apiserver import APIServer
from sandbox.clock import Clock
from sandbox.errors import Invalid
from sandbox.kubelet.config import StaticPods
from sandbox.kubelet.node_info import NodeConfig
from sandbox.kubelet.nodestatus import NodeStatusManager
from sandbox.runtime.filesystem import FileSystem

MANIFESTS = "/etc/kubernetes/manifests"

WEB = """\
apiVersion: v1
kind: Pod
metadata:
  name: static-web
  labels:
    role: myrole
spec:
  containers:
  - name: web
    image: nginx:1.27
    ports:
    - name: web
      containerPort: 80
      protocol: TCP
"""


class FakeKubelet:
    """Records what the source hands to ``sync_static_pods``."""

    def __init__(self) -> None:
        self.calls: list[list[str]] = []

    def sync_static_pods(self, pods):
        self.calls.append([p.metadata.name for p in pods])


@pytest.fixture
def env():
    clock = Clock()
    api = APIServer(clock, random.Random(1))
    NodeStatusManager("node-1", api, clock, NodeConfig(), rng=random.Random(7)).start()
    fs = FileSystem(clock.now)
    kubelet = FakeKubelet()
    static = StaticPods("node-1", api, clock, fs, kubelet)
    static.start()
    clock.advance(0)
    yield clock, api, fs, kubelet, static
    clock.close()


def write(static, fs, name, text):
    fs.add_file(f"{MANIFESTS}/{name}", text)
    static.notify()


def test_manifest_becomes_mirror_pod(env):
    clock, api, fs, kubelet, static = env
    write(static, fs, "static-web.yaml", WEB)
    clock.advance(0)
    assert kubelet.calls == [[], ["static-web-node-1"]]
    pod = api.get("pods", "static-web-node-1").to_dict()
    ann = pod["metadata"]["annotations"]
    h = ann["kubernetes.io/config.hash"]
    assert len(h) == 32
    assert ann == {
        "kubernetes.io/config.hash": h,
        "kubernetes.io/config.mirror": h,
        "kubernetes.io/config.seen": "2025-01-01T00:00:00Z",
        "kubernetes.io/config.source": "file",
    }
    node_uid = api.get("nodes", "node-1", None).metadata.uid
    assert pod["metadata"]["ownerReferences"] == [
        {"apiVersion": "v1", "controller": True, "kind": "Node", "name": "node-1", "uid": node_uid}]
    assert pod["metadata"]["labels"] == {"role": "myrole"}
    assert pod["spec"]["nodeName"] == "node-1"
    assert {"operator": "Exists", "effect": "NoExecute"} in pod["spec"]["tolerations"]
    assert static.pods[0].metadata.uid == h  # the kubelet's pod uid is the hash


def test_periodic_check_without_notify(env):
    clock, api, fs, kubelet, static = env
    fs.add_file(f"{MANIFESTS}/static-web.yaml", WEB)
    clock.advance(19)
    assert kubelet.calls == [[]]
    clock.advance(1)  # fileCheckFrequency: 20 s
    assert kubelet.calls == [[], ["static-web-node-1"]]
    assert api.get("pods", "static-web-node-1").metadata.name == "static-web-node-1"


def test_deleting_the_mirror_recreates_it(env):
    clock, api, fs, kubelet, static = env
    write(static, fs, "static-web.yaml", WEB)
    clock.advance(0)
    old_uid = api.get("pods", "static-web-node-1").metadata.uid
    api.delete("pods", "static-web-node-1")
    clock.advance(0)
    pod = api.get("pods", "static-web-node-1")
    assert pod.metadata.uid != old_uid
    assert pod.metadata.deletionTimestamp is None
    assert kubelet.calls == [[], ["static-web-node-1"]]  # the static pod kept running


def test_changing_the_manifest_replaces_the_mirror(env):
    clock, api, fs, kubelet, static = env
    write(static, fs, "static-web.yaml", WEB)
    clock.advance(5)
    before = api.get("pods", "static-web-node-1")
    write(static, fs, "static-web.yaml", WEB.replace("nginx:1.27", "nginx:1.28"))
    clock.advance(0)
    after = api.get("pods", "static-web-node-1")
    assert after.metadata.uid != before.metadata.uid
    assert after.spec.containers[0].image == "nginx:1.28"
    ann = after.metadata.annotations
    assert ann["kubernetes.io/config.mirror"] == ann["kubernetes.io/config.hash"] != before.metadata.annotations["kubernetes.io/config.hash"]
    assert ann["kubernetes.io/config.seen"] == "2025-01-01T00:00:05Z"
    assert len(kubelet.calls) == 3


def test_removing_the_file_removes_the_pod(env):
    clock, api, fs, kubelet, static = env
    write(static, fs, "static-web.yaml", WEB)
    clock.advance(0)
    fs.view().remove(f"{MANIFESTS}/static-web.yaml")
    static.notify()
    clock.advance(0)
    assert kubelet.calls[-1] == []
    assert [p.metadata.name for p in api.list("pods")] == []


SECRET_ENV = """\
apiVersion: v1
kind: Pod
metadata:
  name: uses-secret
spec:
  containers:
  - name: app
    image: busybox
    env:
    - name: PASSWORD
      valueFrom:
        secretKeyRef: {name: db, key: password}
"""


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        (SECRET_ENV, 'pods "uses-secret-node-1" is forbidden: a mirror pod may not reference secrets'),
        (SECRET_ENV.replace("secretKeyRef", "configMapKeyRef"),
         'pods "uses-secret-node-1" is forbidden: node "node-1" can not create pods that reference configmaps'),
        (SECRET_ENV.replace("  containers:", "  serviceAccountName: robot\n  containers:"),
         'pods "uses-secret-node-1" is forbidden: a mirror pod may not reference service accounts'),
    ],
)
def test_api_references_refused(env, extra, message):
    clock, api, fs, kubelet, static = env
    write(static, fs, "x.yaml", extra)
    clock.advance(0)
    assert static.errors == {"uses-secret-node-1_default": message}
    assert [p.metadata.name for p in api.list("pods")] == []


def test_invalid_manifests_are_skipped_with_a_reason(env):
    clock, api, fs, kubelet, static = env
    write(static, fs, "a-empty.yaml", "apiVersion: v1\nkind: Pod\nmetadata:\n  name: a\nspec:\n  containers: []\n")
    write(static, fs, "b-noname.yaml", "apiVersion: v1\nkind: Pod\nspec:\n  containers: [{name: c, image: busybox}]\n")
    write(static, fs, "c-svc.yaml", "apiVersion: v1\nkind: Service\nmetadata:\n  name: s\n")
    write(static, fs, ".hidden.yaml", "not: [valid")
    write(static, fs, "static-web.yaml", WEB)
    clock.advance(0)
    assert static.errors == {
        f"{MANIFESTS}/a-empty.yaml": "invalid pod: [spec.containers: Required value]",
        f"{MANIFESTS}/b-noname.yaml": "invalid pod: name is needed for the pod",
        f"{MANIFESTS}/c-svc.yaml": f"{MANIFESTS}/c-svc.yaml: couldn't parse as pod(invalid pod: v1, Kind=Service), please check config file",
    }
    assert kubelet.calls[-1] == ["static-web-node-1"]


def test_prevent_api_references_gate_refuses_in_the_kubelet():
    clock = Clock()
    api = APIServer(clock, random.Random(1))
    fs = FileSystem(clock.now)
    kubelet = FakeKubelet()
    static = StaticPods("node-1", api, clock, fs, kubelet, prevent_api_references=True)
    static.start()
    fs.add_file(f"{MANIFESTS}/x.yaml", SECRET_ENV)
    static.notify()
    clock.advance(0)
    assert static.errors == {f"{MANIFESTS}/x.yaml": "static pods may not reference secrets"}
    assert kubelet.calls == [[]]
    clock.close()


def test_no_ephemeral_containers_on_mirror_pods(env):
    clock, api, fs, kubelet, static = env
    write(static, fs, "static-web.yaml", WEB)
    clock.advance(0)
    pod = api.get("pods", "static-web-node-1").to_dict()
    pod["spec"]["ephemeralContainers"] = [{"name": "debug", "image": "busybox"}]
    with pytest.raises(Invalid) as e:
        api.update(pod, subresource="ephemeralcontainers")
    # Kubernetes prints the empty field path as "[]": ``...is invalid: []: Forbidden: static pods
    # do not support ephemeral containers``; the validation package prints it without "[]: ".
    assert e.value.kubectl().startswith('The Pod "static-web-node-1" is invalid: ')
    assert e.value.kubectl().endswith("Forbidden: static pods do not support ephemeral containers")
