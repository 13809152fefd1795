"""Services through the API: defaults, ClusterIP allocation, the ``kubernetes`` Service,
immutability and validation messages, and what ``kubectl get svc`` shows."""

from __future__ import annotations

import ipaddress

import pytest

from sandbox.errors import Invalid

SVC = """
apiVersion: v1
kind: Service
metadata: {name: web}
spec:
  selector: {app: web}
  ports: [{port: 80}]
"""


def test_service_defaults_and_a_cluster_ip_from_the_dynamic_band(cluster):
    cluster.apply(SVC)
    svc = cluster.get("svc", "web").to_dict()
    ip = svc["spec"]["clusterIP"]
    assert svc["spec"] == {
        "clusterIP": ip,
        "clusterIPs": [ip],
        "internalTrafficPolicy": "Cluster",
        "ipFamilies": ["IPv4"],
        "ipFamilyPolicy": "SingleStack",
        "ports": [{"port": 80, "protocol": "TCP", "targetPort": 80}],
        "selector": {"app": "web"},
        "sessionAffinity": "None",
        "type": "ClusterIP",
    }
    assert svc["status"] == {"loadBalancer": {}}
    addr = ipaddress.ip_address(ip)
    assert addr in ipaddress.ip_network("10.96.0.0/12")
    assert addr >= ipaddress.ip_address("10.96.1.1")  # the first 256 addresses are the static band


def test_the_kubernetes_service_is_10_96_0_1(cluster):
    svc = cluster.get("svc", "kubernetes").to_dict()
    assert svc["metadata"]["labels"] == {"component": "apiserver", "provider": "kubernetes"}
    assert svc["spec"] == {
        "clusterIP": "10.96.0.1", "clusterIPs": ["10.96.0.1"], "internalTrafficPolicy": "Cluster",
        "ipFamilies": ["IPv4"], "ipFamilyPolicy": "SingleStack",
        "ports": [{"name": "https", "port": 443, "protocol": "TCP", "targetPort": 6443}],
        "sessionAffinity": "None", "type": "ClusterIP",
    }
    assert cluster.kubectl("get svc").stdout.splitlines()[1].split()[:5] == ["kubernetes", "ClusterIP", "10.96.0.1", "<none>", "443/TCP"]


def test_same_seed_same_cluster_ips(cluster, make_cluster):
    cluster.apply(SVC)
    first = cluster.get("svc", "web").spec.clusterIP
    with make_cluster(seed=0) as again:
        again.apply(SVC)
        assert again.get("svc", "web").spec.clusterIP == first


@pytest.mark.parametrize(
    ("cluster_ip", "message"),
    [
        ("10.96.0.1", 'Service "web" is invalid: spec.clusterIPs: Invalid value: []string{"10.96.0.1"}: '
                      "failed to allocate IP 10.96.0.1: provided IP is already allocated"),
        ("192.168.1.1", 'Service "web" is invalid: spec.clusterIPs: Invalid value: []string{"192.168.1.1"}: '
                        "failed to allocate IP 192.168.1.1: the provided IP (192.168.1.1) is not in the valid range. "
                        "The range of valid IPs is 10.96.0.0/12"),
        ("10.96.300.1", 'Service "web" is invalid: spec.clusterIPs[0]: Invalid value: "10.96.300.1": '
                        "must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)"),
    ],
)
def test_a_chosen_cluster_ip_must_be_free_and_in_range(cluster, cluster_ip, message):
    with pytest.raises(Invalid) as err:
        cluster.apply(SVC.replace("spec:", f"spec:\n  clusterIP: {cluster_ip}"))
    assert str(err.value) == message


def test_a_chosen_cluster_ip_in_the_static_band(cluster):
    cluster.apply(SVC.replace("spec:", "spec:\n  clusterIP: 10.96.0.20"))
    assert cluster.get("svc", "web").spec.clusterIPs == ["10.96.0.20"]


def test_the_cluster_ip_may_not_change(cluster):
    cluster.apply(SVC)
    svc = cluster.get("svc", "web")
    svc.spec.clusterIP = "10.96.0.50"
    with pytest.raises(Invalid) as err:
        cluster.update(svc)
    assert str(err.value) == ('Service "web" is invalid: spec.clusterIPs[0]: Invalid value: []string{"10.96.0.50"}: '
                              "may not change once set")
    with pytest.raises(Invalid) as err:
        cluster.apply(SVC.replace("spec:", "spec:\n  clusterIP: None"))
    assert str(err.value) == ('Service "web" is invalid: spec.clusterIPs[0]: Invalid value: []string{"None"}: '
                              "may not change once set")


def test_an_update_that_leaves_out_the_cluster_ip_keeps_it(cluster):
    cluster.apply(SVC)
    ip = cluster.get("svc", "web").spec.clusterIP
    d = cluster.get("svc", "web").to_dict()
    for k in ("clusterIP", "clusterIPs", "ipFamilies", "ipFamilyPolicy"):
        del d["spec"][k]
    d["spec"]["ports"][0]["port"] = 8080
    d["spec"]["ports"][0]["targetPort"] = 8080
    cluster.update(d)
    svc = cluster.get("svc", "web")
    assert (svc.spec.clusterIP, svc.spec.clusterIPs, svc.spec.ports[0].port) == (ip, [ip], 8080)


def test_a_deleted_services_ip_is_free_again(cluster):
    cluster.apply(SVC.replace("spec:", "spec:\n  clusterIP: 10.96.0.20"))
    cluster.delete("svc", "web")
    cluster.apply(SVC.replace("spec:", "spec:\n  clusterIP: 10.96.0.20"))
    assert cluster.get("svc", "web").spec.clusterIP == "10.96.0.20"


def test_headless_service(cluster):
    cluster.apply(SVC.replace("spec:", "spec:\n  clusterIP: None"))
    spec = cluster.get("svc", "web").to_dict()["spec"]
    assert (spec["clusterIP"], spec["clusterIPs"], spec["ipFamilyPolicy"], spec["ipFamilies"]) == (
        "None", ["None"], "SingleStack", ["IPv4"])
    row = cluster.kubectl("get svc web").stdout.splitlines()[1].split()
    assert row[:5] == ["web", "ClusterIP", "None", "<none>", "80/TCP"]


def test_node_port_service(cluster):
    cluster.apply(SVC.replace("spec:", "spec:\n  type: NodePort"))
    spec = cluster.get("svc", "web").to_dict()["spec"]
    np = spec["ports"][0]["nodePort"]
    assert 30086 <= np <= 32767
    assert spec["externalTrafficPolicy"] == "Cluster"
    row = cluster.kubectl("get svc web").stdout.splitlines()[1].split()
    assert row[:5] == ["web", "NodePort", spec["clusterIP"], "<none>", f"80:{np}/TCP"]
    with pytest.raises(Invalid) as err:
        cluster.apply(SVC.replace("name: web", "name: other").replace("spec:", "spec:\n  type: NodePort").replace(
            "{port: 80}", f"{{port: 80, nodePort: {np}}}"))
    assert str(err.value) == f'Service "other" is invalid: spec.ports[0].nodePort: Invalid value: {np}: provided port is already allocated'


@pytest.mark.parametrize(
    ("manifest", "message"),
    [
        ("apiVersion: v1\nkind: Service\nmetadata: {name: web}\nspec:\n  selector: {app: web}\n",
         'Service "web" is invalid: spec.ports: Required value'),
        ("apiVersion: v1\nkind: Service\nmetadata: {name: 1web}\nspec:\n  ports: [{port: 80}]\n",
         'Service "1web" is invalid: metadata.name: Invalid value: "1web": a DNS-1035 label must consist of lower '
         "case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric "
         "character (e.g. 'my-name',  or 'abc-123', regex used for validation is '[a-z]([-a-z0-9]*[a-z0-9])?')"),
        ("apiVersion: v1\nkind: Service\nmetadata: {name: web}\nspec:\n  ports: [{port: 80}, {port: 81}]\n",
         'Service "web" is invalid: [spec.ports[0].name: Required value, spec.ports[1].name: Required value]'),
        ("apiVersion: v1\nkind: Service\nmetadata: {name: web}\nspec:\n  ports: [{port: 70000}]\n",
         'Service "web" is invalid: [spec.ports[0].port: Invalid value: 70000: must be between 1 and 65535, inclusive, '
         "spec.ports[0].targetPort: Invalid value: 70000: must be between 1 and 65535, inclusive]"),
        ("apiVersion: v1\nkind: Service\nmetadata: {name: web}\nspec:\n  type: Cluster\n  ports: [{port: 80}]\n",
         'Service "web" is invalid: spec.type: Unsupported value: "Cluster": supported values: "ClusterIP", '
         '"ExternalName", "LoadBalancer", "NodePort"'),
        ("apiVersion: v1\nkind: Service\nmetadata: {name: web}\nspec:\n  ports: [{port: 80, nodePort: 30001}]\n",
         "Service \"web\" is invalid: spec.ports[0].nodePort: Forbidden: may not be used when `type` is 'ClusterIP'"),
    ],
)
def test_validation_messages(cluster, manifest, message):
    with pytest.raises(Invalid) as err:
        cluster.apply(manifest)
    assert str(err.value) == message
