"""Defaults as pkg/apis/core/v1/defaults.go and the apps/batch defaulters set them."""

import pytest

from sandbox.api.defaults import (
    apply_defaults,
    compute_qos_class,
    default_toleration_seconds,
    image_pull_policy_for,
)


def _pod(**spec):
    s = {"containers": [{"name": "app", "image": "nginx"}]}
    s.update(spec)
    return apply_defaults({"kind": "Pod", "metadata": {"name": "p", "namespace": "default"}, "spec": s})


def test_pod_spec_defaults():
    spec = _pod()["spec"]
    assert {k: spec[k] for k in ("restartPolicy", "terminationGracePeriodSeconds", "dnsPolicy", "schedulerName", "securityContext", "enableServiceLinks", "priority")} == {
        "restartPolicy": "Always", "terminationGracePeriodSeconds": 30, "dnsPolicy": "ClusterFirst",
        "schedulerName": "default-scheduler", "securityContext": {}, "enableServiceLinks": True, "priority": 0,
    }
    c = spec["containers"][0]
    assert (c["imagePullPolicy"], c["terminationMessagePath"], c["terminationMessagePolicy"], c["resources"]) == ("Always", "/dev/termination-log", "File", {})


@pytest.mark.parametrize(
    ("image", "policy"),
    [("nginx", "Always"), ("nginx:latest", "Always"), ("nginx:1.27", "IfNotPresent"), ("registry:5000/nginx", "Always"),
     ("registry:5000/nginx:1.0", "IfNotPresent"), ("nginx@sha256:" + "a" * 64, "IfNotPresent")],
)
def test_image_pull_policy(image, policy):
    assert image_pull_policy_for(image) == policy


def test_probe_port_env_volume_defaults():
    spec = _pod(
        containers=[{"name": "app", "image": "nginx:1", "ports": [{"containerPort": 80}],
                     "env": [{"name": "N", "valueFrom": {"fieldRef": {"fieldPath": "metadata.name"}}}],
                     "livenessProbe": {"httpGet": {"port": 80}}, "readinessProbe": {"grpc": {"port": 9}}}],
        volumes=[{"name": "a"}, {"name": "b", "configMap": {"name": "cm"}}, {"name": "c", "secret": {"secretName": "s"}}, {"name": "d", "hostPath": {"path": "/x"}}],
    )["spec"]
    c = spec["containers"][0]
    assert c["livenessProbe"] == {"httpGet": {"port": 80, "path": "/", "scheme": "HTTP"}, "timeoutSeconds": 1, "periodSeconds": 10, "successThreshold": 1, "failureThreshold": 3}
    assert c["readinessProbe"]["grpc"] == {"port": 9, "service": ""}
    assert c["ports"] == [{"containerPort": 80, "protocol": "TCP"}]
    assert c["env"][0]["valueFrom"]["fieldRef"] == {"fieldPath": "metadata.name", "apiVersion": "v1"}
    assert spec["volumes"] == [
        {"name": "a", "emptyDir": {}},
        {"name": "b", "configMap": {"name": "cm", "defaultMode": 420}},
        {"name": "c", "secret": {"secretName": "s", "defaultMode": 420}},
        {"name": "d", "hostPath": {"path": "/x", "type": ""}},
    ]


def test_limits_copied_to_requests_and_host_network_ports():
    spec = _pod(hostNetwork=True, containers=[{"name": "app", "image": "nginx", "ports": [{"containerPort": 8080}], "resources": {"limits": {"cpu": "1"}, "requests": {"memory": "1Gi"}}}])["spec"]
    c = spec["containers"][0]
    assert c["resources"]["requests"] == {"memory": "1Gi", "cpu": "1"}
    assert c["ports"][0]["hostPort"] == 8080


@pytest.mark.parametrize(
    ("resources", "qos"),
    [({}, "BestEffort"), ({"requests": {"cpu": "100m"}}, "Burstable"),
     ({"limits": {"cpu": "1", "memory": "1Gi"}}, "Guaranteed"),
     ({"limits": {"cpu": "1", "memory": "1Gi"}, "requests": {"cpu": "500m"}}, "Burstable")],
)
def test_qos_class(resources, qos):
    assert compute_qos_class(_pod(containers=[{"name": "a", "image": "x", "resources": resources}])) == qos


def test_default_toleration_seconds():
    p = default_toleration_seconds(_pod())
    assert p["spec"]["tolerations"] == [
        {"key": "node.kubernetes.io/not-ready", "operator": "Exists", "effect": "NoExecute", "tolerationSeconds": 300},
        {"key": "node.kubernetes.io/unreachable", "operator": "Exists", "effect": "NoExecute", "tolerationSeconds": 300},
    ]


def test_workload_and_other_defaults():
    tmpl = {"metadata": {"labels": {"a": "b"}}, "spec": {"containers": [{"name": "c", "image": "x"}]}}
    d = apply_defaults({"kind": "Deployment", "metadata": {"name": "d"}, "spec": {"template": tmpl}})["spec"]
    assert (d["replicas"], d["strategy"], d["revisionHistoryLimit"], d["progressDeadlineSeconds"]) == (1, {"type": "RollingUpdate", "rollingUpdate": {"maxUnavailable": "25%", "maxSurge": "25%"}}, 10, 600)
    assert d["template"]["spec"]["restartPolicy"] == "Always"
    j = apply_defaults({"kind": "Job", "metadata": {"name": "j"}, "spec": {"template": tmpl}})["spec"]
    assert {k: j[k] for k in ("completions", "parallelism", "backoffLimit", "completionMode", "suspend", "podReplacementPolicy", "manualSelector")} == {
        "completions": 1, "parallelism": 1, "backoffLimit": 6, "completionMode": "NonIndexed", "suspend": False, "podReplacementPolicy": "TerminatingOrFailed", "manualSelector": False}
    s = apply_defaults({"kind": "StatefulSet", "metadata": {"name": "s"}, "spec": {"template": tmpl}})["spec"]
    assert (s["podManagementPolicy"], s["updateStrategy"], s["persistentVolumeClaimRetentionPolicy"]) == ("OrderedReady", {"type": "RollingUpdate", "rollingUpdate": {"partition": 0}}, {"whenDeleted": "Retain", "whenScaled": "Retain"})
    ds = apply_defaults({"kind": "DaemonSet", "metadata": {"name": "ds"}, "spec": {"template": tmpl}})["spec"]
    assert ds["updateStrategy"] == {"type": "RollingUpdate", "rollingUpdate": {"maxUnavailable": 1, "maxSurge": 0}}
    assert apply_defaults({"kind": "Secret", "metadata": {"name": "s"}})["type"] == "Opaque"
    ns = apply_defaults({"kind": "Namespace", "metadata": {"name": "dev"}})
    assert (ns["metadata"]["labels"], ns["status"]["phase"]) == ({"kubernetes.io/metadata.name": "dev"}, "Active")
