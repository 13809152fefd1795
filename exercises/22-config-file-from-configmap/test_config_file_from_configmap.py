"""Checks for 22-config-file-from-configmap: a ConfigMap mounted as the greeter's config file."""

import importlib.util

from podlab.kata import exercise_dir, expect, expect_pod, load_learner_manifest, run_cluster


def greeter_cluster():
    """The greeter image registered, and app.yaml applied."""
    spec = importlib.util.spec_from_file_location("greeter_image", exercise_dir() / "greeter_image.py")
    spec.loader.exec_module(importlib.util.module_from_spec(spec))
    cluster = run_cluster(load_learner_manifest("app.yaml"))
    expect_pod(cluster, "greeter").to_exist()
    return cluster


def test_the_configmap_exists():
    """a ConfigMap greeter-config with the key greeter.conf"""
    cluster = greeter_cluster()
    names = [cm.metadata.name for cm in cluster.list("configmaps")]
    expect(names, "the ConfigMaps in the cluster").to_contain(
        "greeter-config", because="app.yaml should create it, above the Pod, separated by ---"
    )
    data = cluster.get("configmap", "greeter-config").data or {}
    expect(sorted(data), 'the keys of ConfigMap "greeter-config"').to_contain(
        "greeter.conf", because="each key of a configMap volume becomes a file of that name"
    )


def test_the_greeter_greets_in_french():
    """within 60 seconds the Pod is Ready and its log says: Bonjour, world!"""
    cluster = greeter_cluster()
    expect_pod(cluster, "greeter").to_be("Ready", within=60)
    expect(cluster.logs("greeter"), "the log of container greeter").to_contain("Bonjour, world!")
