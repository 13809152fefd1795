"""Checks for 09-fix-the-pod-names: every Pod is accepted; names and hostnames are as asked."""

import re

from podlab.kata import expect, expect_pod, fail, load_learner_manifest, run_cluster
from sandbox.errors import StatusError


def created():
    """`kubectl create -f pods.yaml` on a fresh cluster: every refusal is printed, as kubectl does."""
    docs = load_learner_manifest("pods.yaml")
    expect(len(docs), "the number of Pods in pods.yaml").to_equal(3, because="keep the three Pods; only fix their names")
    cluster = run_cluster(nodes=1)
    refused = []
    for doc in docs:
        try:
            cluster.create(doc)
        except StatusError as e:
            refused.append(e.kubectl())
    if refused:
        printed = "\n".join(f"  {r}" for r in refused)
        fail(
            f"The API server refused {len(refused)} of the Pods. `kubectl create -f pods.yaml` prints:\n\n{printed}\n\n"
            "Each message names the field (metadata.name), the value you sent, and the rule it breaks."
        )
    return cluster


def test_the_api_server_accepts_all_three():
    """the API server accepts the three Pods"""
    created()


def test_report_builder_and_cache_hostnames():
    """report-builder and cache-01 run, and their hostnames are their names"""
    cluster = created()
    for name in ["report-builder", "cache-01"]:
        expect_pod(cluster, name).to_be("Running", within=60)
        expect(cluster.exec(name, "hostname").stdout.strip(), f"the hostname inside pod {name}").to_equal(
            name, because="a Pod's hostname is its name"
        )


def test_the_worker_gets_a_generated_name():
    """the worker's name is generated from the prefix worker-"""
    cluster = created()
    workers = [p for p in cluster.list("pods") if p.spec.containers[0].name == "worker"]
    expect(len(workers), "the number of worker Pods").to_equal(1)
    worker = workers[0]
    if worker.metadata.generateName != "worker-":
        fail(
            "Not as expected: how the worker Pod is named.\n\n"
            "  expected: metadata.generateName: worker- (the API server adds 5 random characters)\n"
            f"  got:      metadata.name: {worker.metadata.name} (a fixed name: a second `kubectl create` would fail with AlreadyExists)"
        )
    expect(bool(re.fullmatch(r"worker-[a-z0-9]{5}", worker.metadata.name)), f"the worker's name {worker.metadata.name!r} is worker- plus 5 characters").to_equal(True)
