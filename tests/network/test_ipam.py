"""IPAM as in a kind cluster: node CIDRs, node addresses, pod IPs in order, release without reuse."""

from __future__ import annotations

import pytest

from sandbox.network import IPAM, IPAMError


def test_nodes_get_consecutive_24s_and_kind_node_addresses():
    ipam = IPAM()
    got = [(a.name, a.pod_cidr, a.node_ips) for a in (ipam.add_node(f"node-{i}") for i in (1, 2, 3))]
    assert got == [
        ("node-1", "10.244.1.0/24", ["172.18.0.2"]),
        ("node-2", "10.244.2.0/24", ["172.18.0.3"]),
        ("node-3", "10.244.3.0/24", ["172.18.0.4"]),
    ]


def test_first_node_index_zero_gives_the_control_plane_block():
    assert IPAM(first_node_index=0).add_node("kind-control-plane").pod_cidr == "10.244.0.0/24"


def test_pod_ips_skip_network_and_gateway_and_are_not_reused_at_once():
    ipam = IPAM()
    ipam.add_node("node-1")
    a = ipam.allocate("node-1", "default/a")
    b = ipam.allocate("node-1", "default/b")
    assert (a, b) == (["10.244.1.2"], ["10.244.1.3"])
    assert ipam.release("node-1", "default/a") == ["10.244.1.2"]
    assert ipam.allocate("node-1", "default/c") == ["10.244.1.4"]
    assert ipam.in_use("node-1") == {"10.244.1.3": "default/b", "10.244.1.4": "default/c"}


def test_allocation_wraps_around_and_reports_exhaustion_as_host_local_does():
    ipam = IPAM(node_mask=29)  # .0 network, .1 gateway, .2-.6 usable, .7 broadcast
    ipam.add_node("node-1")
    ips = [ipam.allocate("node-1", f"p{i}")[0] for i in range(5)]
    assert ips == ["10.244.0.10", "10.244.0.11", "10.244.0.12", "10.244.0.13", "10.244.0.14"]
    with pytest.raises(IPAMError) as err:
        ipam.allocate("node-1", "p5")
    assert str(err.value) == (
        "failed to allocate for range 0: no IP addresses available in range set: 10.244.0.9-10.244.0.14"
    )
    ipam.release("node-1", "p1")
    assert ipam.allocate("node-1", "p6") == ["10.244.0.11"]


def test_node_cidrs_run_out_with_the_range_allocators_message():
    ipam = IPAM(cluster_cidr="10.244.0.0/23", node_mask=24)
    ipam.add_node("node-1")
    with pytest.raises(IPAMError, match="^CIDR allocation failed; there are no remaining CIDRs"):
        ipam.add_node("node-2")
    ipam.remove_node("node-1")
    assert ipam.add_node("node-2").pod_cidr == "10.244.1.0/24"


def test_dual_stack_allocates_ipv4_then_ipv6():
    ipam = IPAM(dual_stack=True)
    node = ipam.add_node("node-1")
    assert node.pod_cidrs == ["10.244.1.0/24", "fd00:10:244:1::/64"]
    assert node.node_ips == ["172.18.0.2", "fc00:f853:ccd:e793::2"]
    assert ipam.allocate("node-1", "default/a") == ["10.244.1.2", "fd00:10:244:1::2"]
