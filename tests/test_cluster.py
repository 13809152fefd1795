"""The public ``Cluster`` surface: apply/get/list/patch/delete, waiting, and determinism."""

from __future__ import annotations

import contextlib
import json
import random

import pytest

from sandbox import AlreadyExists, Cluster, Conflict, Invalid, NotFound, WaitTimeout
from sandbox.kubectl.apply import LAST_APPLIED

NGINX = """
apiVersion: v1
kind: Pod
metadata:
  name: nginx
  labels: {app: web}
spec:
  containers:
  - name: nginx
    image: nginx:1.14.2
    ports:
    - containerPort: 80
"""


@pytest.fixture
def cluster():
    """A cluster without nodes: the API server, the scheduler and the clock only."""
    with Cluster(nodes=0, seed=0) as c:
        yield c


def test_apply_creates_then_reports_unchanged_then_configured(cluster):
    assert [r.line for r in cluster.apply_results(NGINX)] == ["pod/nginx created"]
    assert [r.line for r in cluster.apply_results(NGINX)] == ["pod/nginx unchanged"]
    changed = NGINX.replace("nginx:1.14.2", "nginx:1.16.1")
    assert [r.line for r in cluster.apply_results(changed)] == ["pod/nginx configured"]
    pod = cluster.get("pod/nginx")
    assert pod.spec.containers[0].image == "nginx:1.16.1"
    last = json.loads(pod.metadata.annotations[LAST_APPLIED])
    assert last["spec"]["containers"][0]["image"] == "nginx:1.16.1"
    assert "status" not in last


def test_applied_pods_are_defaulted_as_the_api_server_does(cluster):
    pod = cluster.apply(NGINX)[0]
    assert pod.spec.restartPolicy == "Always"
    assert pod.spec.terminationGracePeriodSeconds == 30
    assert pod.spec.dnsPolicy == "ClusterFirst"
    assert pod.spec.containers[0].imagePullPolicy == "IfNotPresent"
    assert pod.spec.containers[0].ports[0].protocol == "TCP"
    assert pod.status.phase == "Pending"
    assert pod.status.qosClass == "BestEffort"
    assert {t.key for t in pod.spec.tolerations} == {"node.kubernetes.io/not-ready", "node.kubernetes.io/unreachable"}
    assert pod.metadata.creationTimestamp.isoformat() == "2025-01-01T00:00:00+00:00"


def test_applying_a_changed_port_is_refused_with_the_pod_update_rule(cluster):
    cluster.apply(NGINX)
    with pytest.raises(Invalid) as err:
        cluster.apply(NGINX.replace("containerPort: 80", "containerPort: 8080"))
    assert err.value.kubectl().startswith(
        'The Pod "nginx" is invalid: spec: Forbidden: pod updates may not change fields other than '
        "`spec.containers[*].image`,`spec.initContainers[*].image`,`spec.activeDeadlineSeconds`,"
    )
    assert cluster.get("pod/nginx").spec.containers[0].ports[0].containerPort == 80


def test_create_refuses_an_existing_name_and_get_a_missing_one(cluster):
    cluster.create(NGINX)
    with pytest.raises(AlreadyExists, match=r'^pods "nginx" already exists$'):
        cluster.create(NGINX)
    with pytest.raises(NotFound) as err:
        cluster.get("pod", "nope")
    assert err.value.kubectl() == 'Error from server (NotFound): pods "nope" not found'


def test_list_with_label_and_field_selectors(cluster):
    for name, app in [("a", "web"), ("b", "web"), ("c", "db")]:
        cluster.apply({"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": name, "labels": {"app": app}}})
    assert [c.metadata.name for c in cluster.list("cm", selector="app=web")] == ["a", "b"]
    assert [c.metadata.name for c in cluster.list("configmaps", selector={"app": "db"})] == ["c"]
    assert [c.metadata.name for c in cluster.list("cm", field_selector="metadata.name=b")] == ["b"]


def test_stale_update_is_a_conflict(cluster):
    cluster.apply({"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "cfg"}, "data": {"a": "1"}})
    first = cluster.get("cm/cfg")
    second = cluster.get("cm/cfg")
    first.data["a"] = "2"
    cluster.update(first)
    second.data["a"] = "3"
    with pytest.raises(Conflict) as err:
        cluster.update(second)
    assert str(err.value) == (
        'Operation cannot be fulfilled on configmaps "cfg": the object has been modified; '
        "please apply your changes to the latest version and try again"
    )
    assert cluster.get("cm/cfg").data == {"a": "2"}


def test_an_unbound_pod_is_deleted_at_once(cluster):
    cluster.apply(NGINX)
    cluster.delete("pod/nginx", wait=True)
    assert cluster.list("pods") == []


def test_wait_for_times_out_in_virtual_time_with_a_readable_message(cluster):
    cluster.apply(NGINX)
    with pytest.raises(WaitTimeout) as err:
        cluster.wait_for("pod/nginx", "Ready", timeout=30)
    assert cluster.elapsed == 30
    text = str(err.value)
    assert text.startswith("timed out after 30s of virtual time waiting for pod/nginx to be Ready")
    assert "phase: Pending" in text
    assert "FailedScheduling" in text and "no nodes available to schedule pods" in text


def test_wait_for_a_phase_a_jsonpath_and_a_function(cluster):
    cluster.apply({"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "cfg"}, "data": {"a": "1"}})
    cluster.clock.call_later(7, lambda: cluster.patch("cm", "cfg", {"data": {"a": "2"}}))
    cm = cluster.wait_for("cm/cfg", "jsonpath={.data.a}=2")
    assert cm.data["a"] == "2"
    assert cluster.elapsed == 7
    assert cluster.wait_for("cm/cfg", lambda o: o.data["a"] == "2") is not None


def test_watch_yields_events_over_virtual_time(cluster):
    cluster.clock.call_later(5, lambda: cluster.apply({"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "late"}}))
    seen = [(ev.type, ev.object.metadata.name, cluster.elapsed) for ev in cluster.watch("configmaps", timeout=10)]
    assert ("ADDED", "late", 5.0) in seen
    assert cluster.elapsed == 10


def _scenario(seed: int) -> bytes:
    """Five writers race on shared ConfigMaps; return every API event, in order, as bytes."""
    with Cluster(nodes=0, seed=seed) as cluster:
        watch = cluster.api.watch("configmaps", namespace=None)
        clock = cluster.clock

        def writer(n: int) -> None:
            rng = random.Random(seed * 100 + n)
            for step in range(20):
                clock.sleep(rng.choice([0.5, 1, 1.5, 2]))
                name = f"shared-{rng.randrange(3)}"
                try:
                    cm = cluster.get("cm", name)
                    clock.sleep(rng.choice([0, 0.5]))  # read-modify-write with a window for conflicts
                    cm.data = {**(cm.data or {}), f"w{n}": str(step)}
                    cluster.update(cm)
                except NotFound:
                    cluster.api.create({"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"generateName": f"{name}-", "name": name}})
                except (Conflict, AlreadyExists):
                    pass
                if step % 7 == 6:
                    with contextlib.suppress(NotFound):
                        cluster.delete("cm", name)

        tasks = [clock.spawn(writer, n, name=f"writer-{n}") for n in range(5)]
        for t in tasks:
            assert t.join(timeout=1000)
            assert t.exception is None
        events = [json.dumps({"type": ev.type, "object": ev.raw()}, sort_keys=True) for ev in watch.drain()]
    return "\n".join(events).encode()


def test_same_seed_same_run_byte_for_byte():
    first = _scenario(seed=7)
    assert first.count(b'"type": "MODIFIED"') > 10
    assert first.count(b'"type": "DELETED"') > 3
    assert _scenario(seed=7) == first
    assert _scenario(seed=8) != first


def test_a_pod_runs_on_a_node_and_serves_its_page():
    with Cluster(nodes=2, seed=0) as cluster:
        cluster.apply(NGINX)
        pod = cluster.wait_for("pod/nginx", "Ready", timeout=120)
        assert pod.status.phase == "Running"
        assert pod.spec.nodeName in ("node-1", "node-2")
        assert pod.status.podIP.startswith("10.244.")
        reasons = [e.reason for e in cluster.events("pod/nginx")]
        assert reasons == ["Scheduled", "Pulling", "Pulled", "Created", "Started"]
        # nginx:1.14.2 is Debian without a web client, as the real image
        assert cluster.exec("nginx", "wget -qO- http://localhost:80").exit_code == 127
        cluster.apply({"apiVersion": "v1", "kind": "Pod", "metadata": {"name": "client"},
                       "spec": {"containers": [{"name": "c", "image": "busybox:1.36", "command": ["sleep", "3600"]}]}})
        cluster.wait_for("pod/client", "Ready", timeout=60)
        page = cluster.exec("client", f"wget -qO- http://{pod.status.podIP}:80")
        assert page.exit_code == 0 and "Welcome to nginx!" in page.stdout
        assert '"GET / HTTP/1.1" 200' in cluster.logs("nginx")


def test_newer_nginx_images_have_curl_as_the_official_image_does():
    with Cluster(nodes=1, seed=0) as cluster:
        cluster.apply(NGINX.replace("nginx:1.14.2", "nginx:1.27"))
        cluster.wait_for("pod/nginx", "Ready", timeout=120)
        page = cluster.exec("nginx", "curl -s http://localhost")
        assert page.exit_code == 0 and "<title>Welcome to nginx!</title>" in page.stdout
        refused = cluster.exec("nginx", "curl -s http://localhost:81")
        assert refused.exit_code == 7
        assert cluster.exec("nginx", "curl -sS http://localhost:81").stderr.startswith(
            "curl: (7) Failed to connect to localhost port 81 after ")


def test_nodes_register_ready_and_can_fail_and_recover():
    with Cluster(nodes=2, seed=0) as cluster:
        ready = {n.metadata.name: [c.status for c in n.status.conditions if c.type == "Ready"] for n in cluster.list("nodes", None)}
        assert ready == {"node-1": ["True"], "node-2": ["True"]}
        cluster.node("node-2").taint("gpu=true:NoSchedule")
        assert cluster.node("node-2").node().spec.taints[0].key == "gpu"
        node = cluster.node("node-1")
        lease_before = cluster.api.get("leases", "node-1", "kube-node-lease").spec.renewTime
        node.fail()
        cluster.advance(30)
        assert cluster.api.get("leases", "node-1", "kube-node-lease").spec.renewTime == lease_before
        node.recover()
        cluster.advance(10)
        assert cluster.api.get("leases", "node-1", "kube-node-lease").spec.renewTime > lease_before


def test_apply_refuses_generate_name_as_kubectl_does(cluster):
    from sandbox.kubectl.apply import ApplyError

    with pytest.raises(ApplyError) as err:
        cluster.apply({"apiVersion": "v1", "kind": "Pod", "metadata": {"generateName": "worker-"},
                       "spec": {"containers": [{"name": "c", "image": "busybox"}]}})
    assert err.value.kubectl() == "error: from worker-: cannot use generate name with apply"
    assert cluster.list("pods") == []
