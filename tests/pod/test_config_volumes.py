"""ConfigMap, Secret, downward API and projected volumes: layout, modes, updates, failures."""

from __future__ import annotations

import base64
import json
import re

from pod_helpers import events, out

CM = """
apiVersion: v1
kind: ConfigMap
metadata: {name: game}
data:
  game.properties: "lives=3\\n"
  ui.properties: "color=red\\n"
"""

POD = """
apiVersion: v1
kind: Pod
metadata: {name: p, labels: {app: web, tier: front}}
spec:
  securityContext: {fsGroup: 2000}
  volumes:
  - {name: cfg, configMap: {name: game}}
  - name: some
    configMap: {name: game, items: [{key: ui.properties, path: conf/ui, mode: 0400}]}
  - {name: sec, secret: {secretName: creds, defaultMode: 0400}}
  - name: info
    downwardAPI:
      items:
      - {path: labels, fieldRef: {fieldPath: metadata.labels}}
      - {path: name, fieldRef: {fieldPath: metadata.name}}
      - {path: mem, resourceFieldRef: {containerName: c, resource: limits.memory, divisor: 1Mi}}
  containers:
  - name: c
    image: busybox:1.36
    command: ["sleep", "3600"]
    resources: {limits: {memory: 64Mi}}
    volumeMounts:
    - {name: cfg, mountPath: /etc/config}
    - {name: cfg, mountPath: /etc/game.properties, subPath: game.properties}
    - {name: some, mountPath: /etc/some}
    - {name: sec, mountPath: /etc/creds}
    - {name: info, mountPath: /etc/podinfo}
"""

SECRET = {"apiVersion": "v1", "kind": "Secret", "metadata": {"name": "creds"},
          "data": {"password": base64.b64encode(b"s3cr3t").decode()}}


def _ls(cluster, path: str) -> list[str]:
    """``ls -la`` lines without the date columns: mode, owner, group, name (and link target)."""
    rows = []
    for line in out(cluster, "p", f"ls -la {path}").splitlines()[1:]:
        f = line.split()
        rows.append(" ".join([f[0], f[2], f[3], *f[8:]]))
    return rows


def test_missing_configmap_fails_the_mount_until_it_exists(cluster):
    cluster.apply(POD)
    cluster.advance(20)
    pod = cluster.get("pod/p")
    assert pod.status.phase == "Pending"
    assert pod.status.containerStatuses[0].state.waiting.reason == "ContainerCreating"
    msgs = events(cluster, "p", "FailedMount")
    assert 'MountVolume.SetUp failed for volume "cfg" : configmap "game" not found' in msgs
    assert 'MountVolume.SetUp failed for volume "sec" : secret "creds" not found' in msgs
    cluster.apply(CM)
    cluster.apply(SECRET)
    cluster.wait_for("pod/p", "Ready", timeout=130)


def _ready(cluster):
    cluster.apply(CM)
    cluster.apply(SECRET)
    cluster.apply(POD)
    cluster.wait_for("pod/p", "Ready")


def test_configmap_volume_layout_modes_and_fsgroup(cluster):
    _ready(cluster)
    rows = _ls(cluster, "/etc/config")
    stamp = re.fullmatch(r"drwxr-sr-x root 2000 (\.\.2025_01_01_00_00_\d\d\.\d+)", rows[2]).group(1)
    assert rows[:2] == ["drwxrwsrwx root 2000 .", "drwxr-xr-x root root .."]
    assert rows[3:] == [
        f"lrwxrwxrwx root root ..data -> {stamp}",
        "lrwxrwxrwx root 2000 game.properties -> ..data/game.properties",
        "lrwxrwxrwx root 2000 ui.properties -> ..data/ui.properties",
    ]
    assert out(cluster, "p", "cat /etc/config/game.properties /etc/some/conf/ui") == "lives=3\ncolor=red\n"
    # items with mode 0400 and the kubelet's fsGroup g+r on top
    assert out(cluster, "p", "ls -l /etc/some/conf/ui").split()[:4] == ["-r--r-----", "1", "root", "2000"]
    assert out(cluster, "p", "cat /etc/creds/password; ls -l /etc/creds/..data/password").startswith(
        "s3cr3t-r--r-----    1 root     2000 ")
    assert out(cluster, "p", "echo x > /etc/config/new") == "sh: can't create /etc/config/new: Read-only file system\n"


def test_configmap_update_reaches_files_at_the_next_resync_but_not_subpath(cluster):
    _ready(cluster)
    t0 = cluster.elapsed
    cluster.apply(CM.replace("lives=3", "lives=5"))
    seen = None
    while seen is None:
        cluster.advance(5)
        if out(cluster, "p", "cat /etc/config/game.properties") == "lives=5\n":
            seen = cluster.elapsed - t0
    assert 0 < seen <= 65  # the kubelet's 60 s sync period
    assert out(cluster, "p", "cat /etc/game.properties") == "lives=3\n"  # subPath: never updated


def test_downward_api_files_follow_label_changes(cluster):
    _ready(cluster)
    assert out(cluster, "p", "cat /etc/podinfo/labels") == 'app="web"\ntier="front"'
    assert out(cluster, "p", "cat /etc/podinfo/name /etc/podinfo/mem") == "p64"
    cluster.patch("pod", "p", {"metadata": {"labels": {"tier": "back"}}})
    cluster.advance(1)
    assert out(cluster, "p", "cat /etc/podinfo/labels") == 'app="web"\ntier="back"'


def test_projected_service_account_token_ca_and_namespace(cluster):
    cluster.apply({"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "kube-root-ca.crt"},
                   "data": {"ca.crt": "-----BEGIN CERTIFICATE-----\n"}})
    cluster.apply("""
apiVersion: v1
kind: Pod
metadata: {name: p}
spec:
  serviceAccountName: default  # no ServiceAccount admission in the sandbox: set it yourself
  volumes:
  - name: kube-api-access-abcde
    projected:
      sources:
      - serviceAccountToken: {expirationSeconds: 3607, path: token}
      - configMap: {name: kube-root-ca.crt, items: [{key: ca.crt, path: ca.crt}]}
      - downwardAPI: {items: [{path: namespace, fieldRef: {fieldPath: metadata.namespace}}]}
  containers:
  - name: c
    image: busybox:1.36
    command: ["sleep", "3600"]
    volumeMounts: [{name: kube-api-access-abcde, mountPath: /var/run/secrets/kubernetes.io/serviceaccount}]
""")
    cluster.wait_for("pod/p", "Ready")
    d = "/var/run/secrets/kubernetes.io/serviceaccount"
    assert out(cluster, "p", f"ls {d}") == "ca.crt\nnamespace\ntoken\n"
    assert out(cluster, "p", f"cat {d}/namespace") == "default"
    token = out(cluster, "p", f"cat {d}/token")
    header, claims, sig = token.split(".")
    pad = lambda s: s + "=" * (-len(s) % 4)  # noqa: E731
    assert json.loads(base64.urlsafe_b64decode(pad(header)))["alg"] == "RS256"
    c = json.loads(base64.urlsafe_b64decode(pad(claims)))
    assert c["sub"] == "system:serviceaccount:default:default"
    assert c["exp"] - c["iat"] == 3607
    assert c["kubernetes.io"]["pod"]["name"] == "p"
