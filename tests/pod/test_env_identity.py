"""Environment variables from every source, hostname and /etc/hosts, security contexts, processes."""

from __future__ import annotations

import pytest
from pod_helpers import events, out

ENV_POD = """
apiVersion: v1
kind: Pod
metadata: {name: e, labels: {app: web}, annotations: {team: blue}}
spec:
  containers:
  - name: c
    image: busybox:1.36
    command: ["sleep", "3600"]
    resources: {requests: {cpu: 250m, memory: 32Mi}, limits: {memory: 64Mi}}
    envFrom:
    - {configMapRef: {name: settings}, prefix: CFG_}
    - configMapRef: {name: odd}
    env:
    - {name: GREETING, value: "hello $(CFG_MODE)"}
    - name: MODE
      valueFrom: {configMapKeyRef: {name: settings, key: MODE}}
    - name: POD_NAME
      valueFrom: {fieldRef: {fieldPath: metadata.name}}
    - name: APP
      valueFrom: {fieldRef: {fieldPath: "metadata.labels['app']"}}
    - name: TEAM
      valueFrom: {fieldRef: {fieldPath: "metadata.annotations['team']"}}
    - name: NODE
      valueFrom: {fieldRef: {fieldPath: spec.nodeName}}
    - name: HOST_IPS
      valueFrom: {fieldRef: {fieldPath: status.hostIPs}}
    - name: POD_IP
      valueFrom: {fieldRef: {fieldPath: status.podIP}}
    - name: MEM_MI
      valueFrom: {resourceFieldRef: {resource: limits.memory, divisor: 1Mi}}
    - name: CPU_REQ_M
      valueFrom: {resourceFieldRef: {resource: requests.cpu, divisor: 1m}}
    - name: OPT
      valueFrom: {configMapKeyRef: {name: nope, key: x, optional: true}}
"""


def test_environment_from_every_source(cluster):
    cluster.apply({"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "settings"}, "data": {"MODE": "fast"}})
    cluster.apply({"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "odd"},
                   "data": {"1bad": "x", "GOOD": "y"}})
    cluster.apply(ENV_POD)
    cluster.wait_for("pod/e", "Ready")
    env = dict(line.split("=", 1) for line in out(cluster, "e", "env").splitlines() if "=" in line)
    pod = cluster.get("pod/e")
    assert {k: env.get(k) for k in ("CFG_MODE", "GOOD", "GREETING", "MODE", "POD_NAME", "APP", "TEAM", "NODE",
                                    "HOST_IPS", "POD_IP", "MEM_MI", "CPU_REQ_M", "OPT", "1bad")} == {
        "CFG_MODE": "fast", "GOOD": "y", "GREETING": "hello fast", "MODE": "fast", "POD_NAME": "e",
        "APP": "web", "TEAM": "blue", "NODE": "node-1", "HOST_IPS": pod.status.hostIP,
        "POD_IP": pod.status.podIP, "MEM_MI": "64", "CPU_REQ_M": "250", "OPT": None, "1bad": None,
    }
    assert events(cluster, "e", "InvalidEnvironmentVariableNames") == [
        "Keys [1bad] from the EnvFrom configMap default/odd were skipped since they are considered invalid "
        "environment variable names."]


@pytest.mark.parametrize(("env", "message"), [
    ({"name": "X", "valueFrom": {"configMapKeyRef": {"name": "y", "key": "x"}}}, 'configmap "y" not found'),
    ({"name": "X", "valueFrom": {"configMapKeyRef": {"name": "settings", "key": "x"}}},
     "couldn't find key x in ConfigMap default/settings"),
    ({"name": "X", "valueFrom": {"secretKeyRef": {"name": "s", "key": "x"}}}, 'secret "s" not found'),
])
def test_missing_env_sources_are_create_container_config_errors(cluster, env, message):
    cluster.apply({"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "settings"}, "data": {"MODE": "fast"}})
    cluster.apply({"apiVersion": "v1", "kind": "Pod", "metadata": {"name": "bad"}, "spec": {"containers": [
        {"name": "c", "image": "busybox:1.36", "command": ["sleep", "3600"], "env": [env]}]}})
    cluster.advance(10)
    w = cluster.get("pod/bad").status.containerStatuses[0].state.waiting
    assert (w.reason, w.message) == ("CreateContainerConfigError", message)
    assert f"Error: {message}" in events(cluster, "bad", "Failed")


def test_hostname_subdomain_and_hosts_file(cluster):
    cluster.apply("""
apiVersion: v1
kind: Pod
metadata: {name: web-0}
spec:
  hostname: web
  subdomain: svc1
  hostAliases: [{ip: 10.1.2.3, hostnames: [foo.local, bar.local]}]
  containers: [{name: c, image: busybox:1.36, command: [sleep, "3600"]}]
""")
    cluster.wait_for("pod/web-0", "Ready")
    ip = cluster.get("pod/web-0").status.podIP
    assert out(cluster, "web-0", "hostname") == "web\n"
    assert out(cluster, "web-0", "cat /etc/hosts") == (
        "# Kubernetes-managed hosts file.\n"
        "127.0.0.1\tlocalhost\n"
        "::1\tlocalhost ip6-localhost ip6-loopback\n"
        "fe00::0\tip6-localnet\n"
        "fe00::0\tip6-mcastprefix\n"
        "fe00::1\tip6-allnodes\n"
        "fe00::2\tip6-allrouters\n"
        f"{ip}\tweb.svc1.default.svc.cluster.local\tweb\n"
        "\n# Entries added by HostAliases.\n"
        "10.1.2.3\tfoo.local\tbar.local\n"
    )


def test_host_network_pods_collide_on_a_port(cluster):
    for name in ("n1", "n2"):
        cluster.apply({"apiVersion": "v1", "kind": "Pod", "metadata": {"name": name},
                       "spec": {"hostNetwork": True, "containers": [{"name": "nginx", "image": "nginx:1.27"}]}})
    cluster.wait_for("pod/n1", "Ready")
    cluster.advance(20)
    assert out(cluster, "n1", "hostname") == "node-1\n"
    assert "bind() to 0.0.0.0:80 failed (98: Address already in use)" in cluster.logs("n2", previous=True) + cluster.logs("n2")


def test_security_context_id_output(cluster):
    cluster.apply("""
apiVersion: v1
kind: Pod
metadata: {name: s}
spec:
  securityContext: {runAsUser: 1000, runAsGroup: 3000, fsGroup: 2000, supplementalGroups: [4000]}
  volumes: [{name: data, emptyDir: {}}]
  containers:
  - name: c
    image: busybox:1.36
    command: ["sleep", "3600"]
    volumeMounts: [{name: data, mountPath: /data/demo}]
  - name: override
    image: busybox:1.36
    command: ["sleep", "3600"]
    securityContext: {runAsUser: 2000, readOnlyRootFilesystem: true}
""")
    cluster.wait_for("pod/s", "Ready")
    assert out(cluster, "s", "id", "c") == "uid=1000 gid=3000 groups=2000,3000,4000\n"
    assert out(cluster, "s", "id", "override") == "uid=2000 gid=3000 groups=2000,3000,4000\n"
    assert out(cluster, "s", "echo hi > /data/demo/f; ls -l /data/demo/f; ls -ld /data/demo", "c").split("\n")[0].split()[:4] == [
        "-rw-r--r--", "1", "1000", "2000"]
    assert out(cluster, "s", "touch /x", "override") == "touch: /x: Read-only file system\n"


def test_capabilities_have_visible_effects(cluster):
    cluster.apply("""
apiVersion: v1
kind: Pod
metadata: {name: caps}
spec:
  shareProcessNamespace: true
  containers:
  - name: nochown
    image: busybox:1.36
    command: ["sleep", "3600"]
    securityContext: {capabilities: {drop: [CHOWN]}}
  - name: user
    image: busybox:1.36
    command: ["sleep", "3600"]
    securityContext: {runAsUser: 1000}
""")
    cluster.wait_for("pod/caps", "Ready")
    assert out(cluster, "caps", "touch /tmp/x; chown 5 /tmp/x", "nochown") == "chown: /tmp/x: Operation not permitted\n"
    ps = out(cluster, "caps", "ps", "user")
    assert ps.splitlines()[:4] == [
        "PID   USER     TIME  COMMAND", "    1 root      0:00 /pause", "    2 root      0:00 sleep 3600",
        "    3 1000      0:00 sleep 3600"]
    assert out(cluster, "caps", "kill 2", "user") == "sh: can't kill pid 2: Operation not permitted\n"
    assert out(cluster, "caps", "kill -9 3", "nochown") == ""  # root keeps CAP_KILL


def test_without_shared_process_namespace_each_container_sees_only_itself(cluster):
    cluster.apply("""
apiVersion: v1
kind: Pod
metadata: {name: solo}
spec:
  containers:
  - {name: a, image: busybox:1.36, command: ["sleep", "3600"]}
  - {name: b, image: busybox:1.36, command: ["sleep", "3601"]}
""")
    cluster.wait_for("pod/solo", "Ready")
    assert out(cluster, "solo", "ps", "b").splitlines()[:2] == ["PID   USER     TIME  COMMAND",
                                                                "    1 root      0:00 sleep 3601"]


def test_set_hostname_as_fqdn_changes_the_kernel_hostname_only(cluster):
    cluster.apply("""
apiVersion: v1
kind: Pod
metadata: {name: fq}
spec:
  hostname: web
  subdomain: svc1
  setHostnameAsFQDN: true
  containers: [{name: c, image: busybox:1.36, command: [sleep, "3600"]}]
""")
    cluster.wait_for("pod/fq", "Ready")
    ip = cluster.get("pod/fq").status.podIP
    assert out(cluster, "fq", "hostname; echo $HOSTNAME") == "web.svc1.default.svc.cluster.local\n" * 2
    assert out(cluster, "fq", "tail -n 1 /etc/hosts") == f"{ip}\tweb.svc1.default.svc.cluster.local\tweb\n"


def test_long_pod_names_are_cut_to_63_characters_for_the_hostname(cluster):
    name = "a" * 62 + "-b"
    cluster.apply({"apiVersion": "v1", "kind": "Pod", "metadata": {"name": name},
                   "spec": {"containers": [{"name": "c", "image": "busybox:1.36", "command": ["sleep", "3600"]}]}})
    cluster.wait_for(f"pod/{name}", "Ready")
    assert out(cluster, name, "hostname") == "a" * 62 + "\n"  # cut to 63, then the trailing '-' trimmed


def test_sub_path_expr_uses_the_container_environment(cluster):
    cluster.apply("""
apiVersion: v1
kind: Pod
metadata: {name: spe}
spec:
  volumes: [{name: logs, emptyDir: {}}]
  containers:
  - name: c
    image: busybox:1.36
    command: ["sh", "-c", "echo mine > /logs/out; sleep 3600"]
    env: [{name: POD_NAME, valueFrom: {fieldRef: {fieldPath: metadata.name}}}]
    volumeMounts: [{name: logs, mountPath: /logs, subPathExpr: "$(POD_NAME)"}]
  - name: all
    image: busybox:1.36
    command: ["sleep", "3600"]
    volumeMounts: [{name: logs, mountPath: /all}]
""")
    cluster.wait_for("pod/spe", "Ready")
    assert out(cluster, "spe", "cat /all/spe/out", "all") == "mine\n"


def test_run_as_non_root_refuses_an_image_that_runs_as_root(cluster):
    cluster.apply("""
apiVersion: v1
kind: Pod
metadata: {name: nr}
spec:
  securityContext: {runAsNonRoot: true}
  containers: [{name: c, image: busybox:1.36, command: [sleep, "3600"]}]
""")
    cluster.advance(5)
    pod = cluster.get("pod/nr")
    w = pod.status.containerStatuses[0].state.waiting
    msg = f'container has runAsNonRoot and image will run as root (pod: "nr_default({pod.metadata.uid})", container: c)'
    assert (w.reason, w.message) == ("CreateContainerConfigError", msg)
    assert f"Error: {msg}" in events(cluster, "nr", "Failed")
