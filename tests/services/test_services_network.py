"""Services on the network: the official init-containers example, ``wget`` through a ClusterIP,
headless DNS, endpoints that follow readiness, and the kubelet's service variables."""

from __future__ import annotations

from sandbox.network.services import service_env

INIT_EXAMPLE = """
apiVersion: v1
kind: Pod
metadata:
  name: myapp-pod
  labels:
    app.kubernetes.io/name: MyApp
spec:
  containers:
  - name: myapp-container
    image: busybox:1.28
    command: ['sh', '-c', 'echo The app is running! && sleep 3600']
  initContainers:
  - name: init-myservice
    image: busybox:1.28
    command: ['sh', '-c', "until nslookup myservice.$(cat /var/run/secrets/kubernetes.io/serviceaccount/namespace).svc.cluster.local; do echo waiting for myservice; sleep 2; done"]
  - name: init-mydb
    image: busybox:1.28
    command: ['sh', '-c', "until nslookup mydb.$(cat /var/run/secrets/kubernetes.io/serviceaccount/namespace).svc.cluster.local; do echo waiting for mydb; sleep 2; done"]
"""

SERVICES = """
---
apiVersion: v1
kind: Service
metadata:
  name: myservice
spec:
  ports:
  - protocol: TCP
    port: 80
    targetPort: 9376
---
apiVersion: v1
kind: Service
metadata:
  name: mydb
spec:
  ports:
  - protocol: TCP
    port: 80
    targetPort: 9377
"""

NGINX = """
apiVersion: apps/v1
kind: Deployment
metadata: {name: nginx}
spec:
  replicas: 2
  selector: {matchLabels: {app: nginx}}
  template:
    metadata: {labels: {app: nginx}}
    spec:
      containers:
      - name: nginx
        image: nginx:1.14.2
        ports: [{containerPort: 80, name: http}]
---
apiVersion: v1
kind: Service
metadata: {name: nginx}
spec:
  selector: {app: nginx}
  ports: [{port: 8080, targetPort: http}]
"""

CLIENT = """
apiVersion: v1
kind: Pod
metadata: {name: client}
spec:
  containers: [{name: client, image: busybox:1.36, command: [sleep, "3600"]}]
"""


def vt(cluster, when) -> float:
    """A timestamp as virtual seconds since the cluster started."""
    return when.timestamp() - (cluster.now().timestamp() - cluster.elapsed)


def status(cluster, name: str) -> str:
    return cluster.kubectl(f"get pod {name} --no-headers").stdout.split()[2]


def test_the_init_containers_example_waits_for_both_services(cluster):
    cluster.apply(INIT_EXAMPLE)
    cluster.advance(30)
    assert status(cluster, "myapp-pod") == "Init:0/2"
    logs = cluster.logs("myapp-pod", "init-myservice")
    assert logs.count("waiting for myservice\n") >= 10
    assert "** server can't find myservice.default.svc.cluster.local: NXDOMAIN" in logs
    cluster.apply(SERVICES.split("---")[1])  # myservice only
    cluster.advance(10)
    assert status(cluster, "myapp-pod") == "Init:1/2"
    assert "waiting for mydb\n" in cluster.logs("myapp-pod", "init-mydb")
    created = cluster.elapsed
    cluster.apply(SERVICES.split("---")[2])
    pod = cluster.wait_for("pod/myapp-pod", "Ready", timeout=10)
    # found on the next 2 s round of the loop, then the app container starts
    assert 0 < cluster.elapsed - created <= 3
    assert status(cluster, "myapp-pod") == "Running"
    ip = cluster.get("svc", "mydb").spec.clusterIP
    assert cluster.logs("myapp-pod", "init-mydb").endswith(
        f"Name:\tmydb.default.svc.cluster.local\nAddress: {ip}\n\n")
    assert cluster.logs("myapp-pod", "myapp-container") == "The app is running!\n"
    init = {c.name: c.state.terminated for c in pod.status.initContainerStatuses}
    assert init["init-myservice"].reason == "Completed" and init["init-mydb"].reason == "Completed"


def test_the_init_containers_example_virtual_times(cluster):
    cluster.apply(INIT_EXAMPLE)
    cluster.advance(20)
    cluster.apply(SERVICES)
    at = cluster.elapsed
    pod = cluster.wait_for("pod/myapp-pod", "Ready", timeout=10)
    myservice, mydb = (c.state.terminated for c in pod.status.initContainerStatuses)
    # the nslookup loop sleeps 2 s: myservice is seen within 2 s, mydb right after
    assert at <= vt(cluster, myservice.finishedAt) <= at + 2 + 1
    assert mydb.finishedAt >= myservice.finishedAt
    ready = next(c for c in pod.status.conditions if c.type == "Ready")
    assert vt(cluster, ready.lastTransitionTime) <= at + 4


def test_wget_through_a_cluster_ip_reaches_each_nginx_in_turn(cluster2):
    cluster = cluster2
    cluster.apply(NGINX)
    cluster.apply(CLIENT)
    cluster.wait_for("pod/client", "Ready")
    cluster.wait_for("deployment/nginx", "Available")
    ep = cluster.get("endpoints", "nginx").to_dict()
    [subset] = ep["subsets"]
    assert subset["ports"] == [{"port": 80, "protocol": "TCP"}]
    ips = [a["ip"] for a in subset["addresses"]]
    assert len(ips) == 2
    assert cluster.kubectl("get endpoints nginx").stdout.splitlines()[1].split()[1] == f"{ips[0]}:80,{ips[1]}:80"
    svc_ip = cluster.get("svc", "nginx").spec.clusterIP
    r = cluster.exec("client", "wget -O - http://nginx:8080 2>&1 | head -8")
    assert r.stdout.startswith(f"Connecting to nginx:8080 ({svc_ip}:8080)\n")
    assert "<title>Welcome to nginx!</title>" in r.stdout
    r = cluster.exec("client", f"wget -qO- http://nginx.default.svc.cluster.local:8080 >/dev/null && wget -qO- http://{svc_ip}:8080 >/dev/null && echo ok")
    assert r.stdout == "ok\n"
    client_ip = cluster.get("pod", "client").status.podIP
    hits = {}
    for p in cluster.list("pods", selector="app=nginx"):
        hits[p.status.podIP] = cluster.logs(p.metadata.name).count(f"{client_ip} - - ")
    assert sorted(hits.values()) == [1, 2]  # three requests, round robin over two pods


def test_a_service_without_ready_endpoints_refuses_connections(cluster):
    cluster.apply(CLIENT)
    cluster.apply("""
apiVersion: v1
kind: Service
metadata: {name: nobody}
spec:
  selector: {app: nobody}
  ports: [{port: 80}]
""")
    cluster.wait_for("pod/client", "Ready")
    ip = cluster.get("svc", "nobody").spec.clusterIP
    r = cluster.exec("client", "wget -qO- http://nobody")
    assert (r.exit_code, r.stderr) == (1, f"wget: can't connect to remote host ({ip}): Connection refused\n")
    assert cluster.get("endpoints", "nobody").subsets is None
    assert cluster.kubectl("get endpoints nobody").stdout.splitlines()[1].split()[1] == "<none>"


def test_endpoints_follow_readiness(cluster):
    cluster.apply("""
apiVersion: v1
kind: Pod
metadata: {name: web, labels: {app: web}}
spec:
  containers:
  - name: web
    image: busybox:1.36
    command: [sleep, "3600"]
    ports: [{containerPort: 8080}]
    readinessProbe:
      exec: {command: [cat, /tmp/ready]}
      periodSeconds: 1
---
apiVersion: v1
kind: Service
metadata: {name: web}
spec:
  selector: {app: web}
  ports: [{port: 80, targetPort: 8080}]
""")
    cluster.wait_for("pod/web", "Running")
    cluster.advance(3)
    ip = cluster.get("pod", "web").status.podIP
    ep = cluster.get("endpoints", "web").to_dict()
    assert [a["ip"] for a in ep["subsets"][0]["notReadyAddresses"]] == [ip]
    assert "addresses" not in ep["subsets"][0]
    # kubectl's formatEndpoints lists ready addresses only: a subset of not-ready ones prints blank
    assert cluster.kubectl("get endpoints web").stdout.splitlines()[1].split()[:2] == ["web", "4s"]
    cluster.exec("web", "touch /tmp/ready")
    cluster.wait_for("pod/web", "Ready", timeout=5)
    cluster.advance(0.1)
    ep = cluster.get("endpoints", "web").to_dict()
    assert [a["ip"] for a in ep["subsets"][0]["addresses"]] == [ip]
    assert ep["subsets"][0]["ports"] == [{"port": 8080, "protocol": "TCP"}]
    ready_at = next(c for c in cluster.get("pod", "web").status.conditions if c.type == "Ready").lastTransitionTime
    assert ep["metadata"]["annotations"]["endpoints.kubernetes.io/last-change-trigger-time"] == ready_at.strftime("%Y-%m-%dT%H:%M:%SZ")
    assert cluster.kubectl("get endpoints web").stdout.splitlines()[1].split()[1] == f"{ip}:8080"
    cluster.exec("web", "rm /tmp/ready")
    cluster.wait_for("pod/web", "condition=Ready=False", timeout=5)
    cluster.advance(0.1)
    assert "addresses" not in cluster.get("endpoints", "web").to_dict()["subsets"][0]
    cluster.delete("pod", "web", grace_period=0)
    cluster.advance(1)
    assert cluster.get("endpoints", "web").subsets is None


def test_headless_service_dns_answers_the_ready_pods(cluster):
    cluster.apply("""
apiVersion: apps/v1
kind: StatefulSet
metadata: {name: web}
spec:
  serviceName: nginx
  replicas: 2
  selector: {matchLabels: {app: nginx}}
  template:
    metadata: {labels: {app: nginx}}
    spec:
      containers: [{name: nginx, image: nginx:1.14.2, ports: [{containerPort: 80, name: web}]}]
---
apiVersion: v1
kind: Service
metadata: {name: nginx}
spec:
  clusterIP: None
  selector: {app: nginx}
  ports: [{port: 80, name: web}]
""")
    cluster.apply(CLIENT)
    cluster.wait_for("pod/web-1", "Ready", timeout=120)
    cluster.wait_for("pod/client", "Ready")
    cluster.advance(0.1)
    ips = {p.metadata.name: p.status.podIP for p in cluster.list("pods", selector="app=nginx")}
    ep = cluster.get("endpoints", "nginx").to_dict()
    assert ep["metadata"]["labels"] == {"service.kubernetes.io/headless": ""}
    assert {a["hostname"]: a["ip"] for a in ep["subsets"][0]["addresses"]} == {"web-0": ips["web-0"], "web-1": ips["web-1"]}
    r = cluster.exec("client", "nslookup nginx")
    assert r.exit_code == 0
    for n in ips:
        assert f"Name:\tnginx.default.svc.cluster.local\nAddress: {ips[n]}\n" in r.stdout
    r = cluster.exec("client", "nslookup web-0.nginx")
    assert r.exit_code == 0 and f"Address: {ips['web-0']}\n" in r.stdout
    r = cluster.exec("client", "wget -qO- http://web-1.nginx | head -4")
    assert "<title>Welcome to nginx!</title>" in r.stdout


def test_a_deleted_service_goes_from_dns_and_its_endpoints_go(cluster):
    cluster.apply(CLIENT)
    cluster.apply(SERVICES)
    cluster.wait_for("pod/client", "Ready")
    assert cluster.exec("client", "nslookup mydb").exit_code == 0
    cluster.apply("""
apiVersion: v1
kind: Service
metadata: {name: sel}
spec:
  selector: {app: x}
  ports: [{port: 80}]
""")
    cluster.advance(1)
    assert cluster.get("endpoints", "sel").metadata.name == "sel"
    cluster.delete("svc", "mydb")
    cluster.delete("svc", "sel")
    cluster.advance(1)
    r = cluster.exec("client", "nslookup mydb")
    assert r.exit_code == 1 and "** server can't find mydb: NXDOMAIN" in r.stdout
    assert [e.metadata.name for e in cluster.list("endpoints")] == ["kubernetes"]


def test_service_environment_variables(cluster):
    cluster.apply(NGINX.split("---")[1])
    ip = cluster.get("svc", "nginx").spec.clusterIP
    env = service_env(cluster.api, "default")
    assert {k: v for k, v in env.items() if k.startswith("NGINX_")} == {
        "NGINX_SERVICE_HOST": ip,
        "NGINX_SERVICE_PORT": "8080",
        "NGINX_PORT": f"tcp://{ip}:8080",
        "NGINX_PORT_8080_TCP": f"tcp://{ip}:8080",
        "NGINX_PORT_8080_TCP_PROTO": "tcp",
        "NGINX_PORT_8080_TCP_PORT": "8080",
        "NGINX_PORT_8080_TCP_ADDR": ip,
    }
    assert env["KUBERNETES_SERVICE_HOST"] == "10.96.0.1"
    assert env["KUBERNETES_SERVICE_PORT_HTTPS"] == "443"
    other = service_env(cluster.api, "team-a", enable_service_links=False)
    assert sorted(other) == sorted(k for k in env if k.startswith("KUBERNETES_"))
