"""ServiceAccounts as a learner meets them: ``serviceAccountName: default``, the
``kube-api-access-xxxxx`` volume the ServiceAccount admission plugin adds, its files inside a
container, the ``default`` account and ``kube-root-ca.crt`` in every namespace."""

from __future__ import annotations

import base64
import json
import re

import pytest

from sandbox.controllers.rootcacert import CA_CERT, DESCRIPTION
from sandbox.errors import Forbidden

MOUNT = "/var/run/secrets/kubernetes.io/serviceaccount"
VOLUME_NAME = re.compile(r"^kube-api-access-[bcdfghjklmnpqrstvwxz2456789]{5}$")

POD = """
apiVersion: v1
kind: Pod
metadata: {name: %(name)s}
spec:
  %(extra)s
  containers:
  - name: app
    image: busybox:1.36
    command: [sleep, "3600"]
"""


def pod(name: str = "app", extra: str = "") -> str:
    return POD % {"name": name, "extra": extra}


def token_volume(name: str) -> dict:
    """The volume exactly as a real API server returns it (``kubectl get pod -o yaml``)."""
    return {
        "name": name,
        "projected": {
            "defaultMode": 420,
            "sources": [
                {"serviceAccountToken": {"expirationSeconds": 3607, "path": "token"}},
                {"configMap": {"items": [{"key": "ca.crt", "path": "ca.crt"}], "name": "kube-root-ca.crt"}},
                {"downwardAPI": {"items": [{"fieldRef": {"apiVersion": "v1", "fieldPath": "metadata.namespace"},
                                            "path": "namespace"}]}},
            ],
        },
    }


def test_a_pod_runs_as_the_default_service_account_with_its_token_mounted(cluster):
    cluster.apply(pod())
    spec = cluster.get("pod", "app").to_dict()["spec"]
    assert spec["serviceAccountName"] == "default"
    assert spec["serviceAccount"] == "default"  # the deprecated field mirrors it, as v1 returns it
    [volume] = spec["volumes"]
    assert VOLUME_NAME.match(volume["name"])
    assert volume == token_volume(volume["name"])
    assert spec["containers"][0]["volumeMounts"] == [{"mountPath": MOUNT, "name": volume["name"], "readOnly": True}]


def test_same_seed_same_volume_name(cluster, make_cluster):
    cluster.apply(pod("a"))
    cluster.apply(pod("b"))
    names = [cluster.get("pod", n).spec.volumes[0].name for n in ("a", "b")]
    assert names[0] != names[1]
    with make_cluster(seed=0) as again:
        again.apply(pod("a"))
        again.apply(pod("b"))
        assert [again.get("pod", n).spec.volumes[0].name for n in ("a", "b")] == names


def test_init_containers_get_the_mount_ephemeral_containers_do_not(cluster):
    cluster.apply("""
apiVersion: v1
kind: Pod
metadata: {name: app}
spec:
  initContainers:
  - {name: init, image: busybox:1.36, command: ["true"]}
  containers:
  - {name: app, image: busybox:1.36, command: [sleep, "3600"]}
  - name: own
    image: busybox:1.36
    command: [sleep, "3600"]
    volumeMounts: [{name: mine, mountPath: /var/run/secrets/kubernetes.io/serviceaccount}]
  volumes: [{name: mine, emptyDir: {}}]
""")
    spec = cluster.get("pod", "app").to_dict()["spec"]
    name = spec["volumes"][1]["name"]
    assert [v["name"] for v in spec["volumes"]] == ["mine", name]
    assert spec["initContainers"][0]["volumeMounts"] == [{"mountPath": MOUNT, "name": name, "readOnly": True}]
    assert spec["containers"][0]["volumeMounts"] == [{"mountPath": MOUNT, "name": name, "readOnly": True}]
    # a container that mounts something at the path itself keeps its own mount only
    assert spec["containers"][1]["volumeMounts"] == [{"mountPath": MOUNT, "name": "mine"}]


@pytest.mark.parametrize(
    ("pod_setting", "sa_setting", "mounted"),
    [
        (None, None, True),
        (False, None, False),
        (None, False, False),
        (True, False, True),  # the pod's preference wins
        (False, True, False),
    ],
)
def test_automount_service_account_token(cluster, pod_setting, sa_setting, mounted):
    sa = {"apiVersion": "v1", "kind": "ServiceAccount", "metadata": {"name": "robot"}}
    if sa_setting is not None:
        sa["automountServiceAccountToken"] = sa_setting
    cluster.apply(sa)
    extra = "serviceAccountName: robot"
    if pod_setting is not None:
        extra += f"\n  automountServiceAccountToken: {str(pod_setting).lower()}"
    cluster.apply(pod(extra=extra))
    spec = cluster.get("pod", "app").to_dict()["spec"]
    assert spec["serviceAccountName"] == "robot"
    assert ("volumes" in spec) is mounted
    assert ("volumeMounts" in spec["containers"][0]) is mounted
    cluster.wait_for("pod/app", "Ready")
    r = cluster.exec("app", f"cat {MOUNT}/namespace")
    assert (r.exit_code, r.stdout) == ((0, "default") if mounted else (1, ""))
    if not mounted:
        assert r.stderr == f"cat: can't open '{MOUNT}/namespace': No such file or directory\n"


def test_a_missing_service_account_is_refused(cluster):
    with pytest.raises(Forbidden) as err:
        cluster.apply(pod(extra="serviceAccountName: foo"))
    assert str(err.value) == 'pods "app" is forbidden: error looking up service account default/foo: serviceaccount "foo" not found'
    with pytest.raises(Forbidden) as err:
        cluster.create({"apiVersion": "v1", "kind": "Pod", "metadata": {"generateName": "web-", "namespace": "default"},
                        "spec": {"serviceAccountName": "foo", "containers": [{"name": "c", "image": "busybox:1.36"}]}})
    assert str(err.value).startswith('pods "web-" is forbidden: error looking up service account default/foo')
    assert cluster.list("pods") == []


def test_a_deployment_with_a_missing_service_account_reports_failed_create(cluster):
    cluster.apply("""
apiVersion: apps/v1
kind: Deployment
metadata: {name: web}
spec:
  replicas: 1
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec:
      serviceAccountName: robot
      containers: [{name: web, image: nginx:1.14.2}]
""")
    cluster.advance(5)
    [rs] = cluster.list("replicasets")
    msgs = {e.message for e in cluster.events("replicaset", rs.metadata.name) if e.reason == "FailedCreate"}
    assert msgs == {f'Error creating: pods "{rs.metadata.name}-" is forbidden: error looking up service account '
                    'default/robot: serviceaccount "robot" not found'}
    cluster.apply({"apiVersion": "v1", "kind": "ServiceAccount", "metadata": {"name": "robot"}})
    cluster.advance(60)  # the ReplicaSet controller retries with its backoff
    [p] = cluster.list("pods")
    assert p.spec.serviceAccountName == "robot"


def test_the_files_inside_a_container(cluster):
    cluster.apply(pod())
    cluster.wait_for("pod/app", "Ready")
    r = cluster.exec("app", f"cat {MOUNT}/namespace")
    assert (r.exit_code, r.stdout) == (0, "default")
    assert cluster.exec("app", f"cat {MOUNT}/ca.crt").stdout == CA_CERT
    assert cluster.exec("app", f"ls {MOUNT}").stdout.split() == ["ca.crt", "namespace", "token"]
    token = cluster.exec("app", f"cat {MOUNT}/token").stdout
    header, claims, sig = token.split(".")
    decoded = json.loads(base64.urlsafe_b64decode(claims + "=" * (-len(claims) % 4)))
    assert decoded["sub"] == "system:serviceaccount:default:default"
    assert decoded["exp"] - decoded["iat"] == 3607
    assert decoded["kubernetes.io"]["pod"]["name"] == "app"
    r = cluster.exec("app", f"echo x > {MOUNT}/namespace")
    assert r.exit_code != 0 and "Read-only file system" in r.stderr


def test_describe_shows_the_service_account_mount_and_volume(cluster):
    cluster.apply(pod())
    cluster.wait_for("pod/app", "Ready")
    name = cluster.get("pod", "app").spec.volumes[0].name
    text = str(cluster.kubectl("describe pod app"))
    assert "Service Account:  default\n" in text
    assert f"      {MOUNT} from {name} (ro)\n" in text
    assert (
        "Volumes:\n"
        f"  {name}:\n"
        "    Type:                    Projected (a volume that contains injected data from multiple sources)\n"
        "    TokenExpirationSeconds:  3607\n"
        "    ConfigMapName:           kube-root-ca.crt\n"
        "    ConfigMapOptional:       <nil>\n"
        "    DownwardAPI:             true\n"
    ) in text


def test_every_namespace_has_a_default_service_account_and_the_root_ca(cluster):
    assert [(s.metadata.namespace, s.metadata.name) for s in cluster.list("serviceaccounts", None)] == [
        ("default", "default"), ("kube-node-lease", "default"), ("kube-public", "default"), ("kube-system", "default")]
    cluster.apply({"apiVersion": "v1", "kind": "Namespace", "metadata": {"name": "team-a"}})
    cluster.advance(1)
    sa = cluster.get("serviceaccount", "default", namespace="team-a").to_dict()
    assert set(sa["metadata"]) == {"name", "namespace", "uid", "resourceVersion", "creationTimestamp"}
    assert set(sa) == {"apiVersion", "kind", "metadata"}
    cm = cluster.get("configmap", "kube-root-ca.crt", namespace="team-a").to_dict()
    assert cm["data"] == {"ca.crt": CA_CERT}
    assert cm["metadata"]["annotations"] == {"kubernetes.io/description": DESCRIPTION}
    assert CA_CERT.startswith("-----BEGIN CERTIFICATE-----\n") and CA_CERT.endswith("-----END CERTIFICATE-----\n")


def test_a_deleted_default_service_account_and_root_ca_come_back(cluster):
    old = cluster.get("serviceaccount", "default").metadata.uid
    cluster.delete("serviceaccount", "default")
    cluster.delete("configmap", "kube-root-ca.crt")
    cluster.advance(1)
    assert cluster.get("serviceaccount", "default").metadata.uid != old
    assert cluster.get("configmap", "kube-root-ca.crt").data == {"ca.crt": CA_CERT}
    cluster.patch("configmap", "kube-root-ca.crt", {"data": {"ca.crt": "tampered"}}, patch_type="merge")
    cluster.advance(1)
    assert cluster.get("configmap", "kube-root-ca.crt").data == {"ca.crt": CA_CERT}


def test_a_pod_in_a_namespace_created_in_the_same_apply(cluster):
    cluster.apply("""
apiVersion: v1
kind: Namespace
metadata: {name: shop}
---
apiVersion: v1
kind: Pod
metadata: {name: app, namespace: shop}
spec:
  containers: [{name: app, image: busybox:1.36, command: [sleep, "3600"]}]
""")
    cluster.wait_for("pod/app", "Ready", namespace="shop")
    assert cluster.exec("app", f"cat {MOUNT}/namespace", namespace="shop").stdout == "shop"
    assert [e.reason for e in cluster.events("pod", "app", namespace="shop") if e.type == "Warning"] == []


def test_static_pods_mirror_pods_are_left_alone(cluster):
    cluster.node("node-1").add_static_pod("""
apiVersion: v1
kind: Pod
metadata: {name: web}
spec:
  containers: [{name: web, image: nginx:1.14.2}]
""")
    cluster.wait_for("pod/web-node-1", lambda p: True)
    spec = cluster.get("pod", "web-node-1").to_dict()["spec"]
    assert "serviceAccountName" not in spec and "volumes" not in spec
