"""Name resolution from inside pods: /etc/hosts, cluster DNS with the search path, pod A records."""

from __future__ import annotations

import pytest

from sandbox.network import etc_hosts, nslookup, resolve


@pytest.fixture
def names(net, pod):
    net.resolver.register("nginx.default.svc.cluster.local", "10.96.12.34")
    net.resolver.register("db.other.svc.cluster.local", "10.96.0.50")
    return pod("web-0", subdomain="nginx")


@pytest.mark.parametrize(
    ("name", "ip"),
    [
        ("localhost", "127.0.0.1"),
        ("web-0", "10.244.1.2"),
        ("web-0.nginx.default.svc.cluster.local", "10.244.1.2"),
        ("10.244.2.9", "10.244.2.9"),
        ("nginx", "10.96.12.34"),
        ("nginx.default", "10.96.12.34"),
        ("nginx.default.svc", "10.96.12.34"),
        ("nginx.default.svc.cluster.local.", "10.96.12.34"),
        ("db.other", "10.96.0.50"),
        ("db", None),
        ("10-244-2-5.default.pod.cluster.local", "10.244.2.5"),
        ("10-244-2-5.default.pod", "10.244.2.5"),
        ("nosuchhost", None),
    ],
)
def test_resolve_from_a_pod(names, name, ip):
    assert resolve(names, name) == ip


def test_nodes_do_not_see_cluster_names(net, names):
    node = net.node("node-1")
    assert resolve(node, "nginx.default.svc.cluster.local") is None
    assert resolve(node, "node-1") == "172.18.0.2"


def test_unregistered_names_disappear(net, names):
    net.resolver.unregister("nginx.default.svc.cluster.local")
    assert resolve(names, "nginx") is None


def test_nslookup_output(names):
    assert nslookup(names, "nginx") == (
        0,
        "Server:\t\t10.96.0.10\nAddress:\t10.96.0.10:53\n\n"
        "Name:\tnginx.default.svc.cluster.local\nAddress: 10.96.12.34\n\n",
    )
    assert nslookup(names, "x") == (
        1,
        "Server:\t\t10.96.0.10\nAddress:\t10.96.0.10:53\n\n** server can't find x: NXDOMAIN\n\n",
    )


def test_kubelet_managed_etc_hosts(names, pod):
    assert etc_hosts(names) == (
        "# Kubernetes-managed hosts file.\n"
        "127.0.0.1\tlocalhost\n"
        "::1\tlocalhost ip6-localhost ip6-loopback\n"
        "fe00::0\tip6-localnet\n"
        "fe00::0\tip6-mcastprefix\n"
        "fe00::1\tip6-allnodes\n"
        "fe00::2\tip6-allrouters\n"
        "10.244.1.2\tweb-0.nginx.default.svc.cluster.local\tweb-0\n"
    )
    assert etc_hosts(pod("plain")).endswith("fe00::2\tip6-allrouters\n10.244.1.3\tplain\n")
