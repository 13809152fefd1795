"""Checks for 03-labels-and-selectors: three selectors, each listing exactly the right pods."""

from podlab.kata import expect, expect_selection, load_learner_manifest, run_cluster


def shop():
    """Apply pods.yaml to a fresh cluster; check the three pods are there, unchanged but for labels."""
    cluster = run_cluster(load_learner_manifest("pods.yaml"))
    pods = cluster.list("pods")
    expect(sorted(p.metadata.name for p in pods), "the pods in the cluster").to_equal(
        ["shop-web-1", "shop-web-2", "shop-worker"], because="pods.yaml should still hold the same three pods"
    )
    images = {p.metadata.name: [c.image for c in p.spec.containers] for p in pods}
    expect(images, "the pods' images").to_equal(
        {"shop-web-1": ["nginx:1.27"], "shop-web-2": ["nginx:1.27"], "shop-worker": ["busybox:1.36"]},
        because="only the labels change in this exercise",
    )
    return cluster


def test_app_shop_lists_all_three():
    """`kubectl get pods -l app=shop` lists all three pods"""
    expect_selection(shop(), "app=shop").to_be(
        ["shop-web-1", "shop-web-2", "shop-worker"], because="all three pods belong to the shop"
    )


def test_the_frontend_selector_lists_the_web_pods():
    """`kubectl get pods -l app=shop,tier=frontend` lists the two web pods"""
    expect_selection(shop(), "app=shop,tier=frontend").to_be(
        ["shop-web-1", "shop-web-2"], because="a selector with two labels matches pods that have both"
    )


def test_the_backend_selector_lists_the_worker():
    """`kubectl get pods -l tier=backend` lists only the worker"""
    expect_selection(shop(), "tier=backend").to_be(["shop-worker"])
