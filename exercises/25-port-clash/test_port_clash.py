"""Checks for 25-port-clash: nginx on :80 and the status sidecar on :8080, in one Pod."""

from podlab.kata import expect, expect_pod, load_learner_manifest, run_cluster

CLIENT = """
apiVersion: v1
kind: Pod
metadata:
  name: client
spec:
  containers:
  - name: shell
    image: busybox:1.36
    command: ["sleep", "3600"]
"""


def web_cluster():
    cluster = run_cluster(load_learner_manifest("pod.yaml"))
    cluster.apply(CLIENT)
    expect_pod(cluster, "web").to_exist()
    return cluster


def fetch(cluster, url):
    r = cluster.exec("client", f"wget -T 5 -qO- {url}")
    return r.stdout if r.exit_code == 0 else f"(failed) {r.stderr.strip()}"


def test_both_containers_are_ready_and_stay_up():
    """web is Ready within 60 seconds, with 2 containers, and nothing restarts in 2 minutes"""
    cluster = web_cluster()
    expect_pod(cluster, "web").to_be("Ready", within=60)
    pod = cluster.get("pod", "web")
    expect(sorted(c.name for c in pod.spec.containers), "the containers of pod web").to_equal(
        ["nginx", "status"], because="keep both: the site and its status sidecar"
    )
    cluster.advance(120)
    restarts = {cs.name: cs.restartCount for cs in cluster.get("pod", "web").status.containerStatuses}
    expect(restarts, "restarts per container").to_equal({"nginx": 0, "status": 0})


def test_the_site_answers_on_port_80():
    """from another Pod, http://<web's IP>:80/ is nginx's welcome page"""
    cluster = web_cluster()
    expect_pod(cluster, "web").to_be("Ready", within=60)
    ip = cluster.get("pod", "web").status.podIP
    expect(fetch(cluster, f"http://{ip}:80/"), f"what http://{ip}:80/ returns").to_contain("Welcome to nginx!")


def test_the_status_sidecar_answers_on_port_8080():
    """from another Pod, http://<web's IP>:8080/hostname returns web"""
    cluster = web_cluster()
    expect_pod(cluster, "web").to_be("Ready", within=60)
    ip = cluster.get("pod", "web").status.podIP
    expect(fetch(cluster, f"http://{ip}:8080/hostname"), f"what http://{ip}:8080/hostname returns").to_equal(
        "web", because="netexec answers /hostname with the Pod's hostname, on the port its --http-port says"
    )
