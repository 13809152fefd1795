"""Checks for 07-pod-with-a-named-port: the api Pod's labels, named port, and a server that listens there."""

from podlab.kata import expect, expect_field, expect_pod, fail, load_learner_manifest, run_cluster


def api_cluster():
    """A one-node cluster with pod.yaml applied; it must hold exactly the Pod api."""
    docs = load_learner_manifest("pod.yaml")
    expect(len(docs), "the number of objects in pod.yaml").to_equal(1, because="this exercise is about one Pod")
    expect(docs[0].get("kind"), "the kind of the object in pod.yaml").to_equal("Pod")
    cluster = run_cluster(docs, nodes=1)
    expect([p.metadata.name for p in cluster.list("pods")], "the pods in the cluster").to_equal(["api"])
    return cluster


def test_the_pod_has_both_labels():
    """the Pod api carries the labels app: api and tier: backend"""
    pod = api_cluster().get("pod", "api")
    expect_field(pod, "metadata.labels").to_include_labels(
        {"app": "api", "tier": "backend"}, because="a selector like `app=api,tier=backend` must find this Pod"
    )


def test_the_container_runs_agnhost_netexec():
    """one container api, image agnhost:2.40, arguments netexec --http-port=9090"""
    pod = api_cluster().get("pod", "api")
    expect(len(pod.spec.containers), "the number of containers").to_equal(1)
    expect_field(pod, "spec.containers[0].name").to_equal("api")
    expect_field(pod, "spec.containers[0].image").to_equal("registry.k8s.io/e2e-test-images/agnhost:2.40")
    expect_field(pod, "spec.containers[0].args").to_equal(
        ["netexec", "--http-port=9090"], because="`args` is a list: one item per argument"
    )


def test_the_port_is_named_http():
    """the container declares containerPort 9090 named http (protocol TCP by default)"""
    pod = api_cluster().get("pod", "api")
    expect_field(pod, "spec.containers[0].ports[0].containerPort").to_equal(9090)
    expect_field(pod, "spec.containers[0].ports[0].name").to_equal(
        "http", because="a Service can then refer to the port by name (targetPort: http)"
    )
    expect_field(pod, "spec.containers[0].ports[0].protocol").to_equal(
        "TCP", because="the API server fills in protocol: TCP when you leave it out"
    )


def test_the_server_answers_on_port_9090():
    """the Pod becomes Ready and answers http://localhost:9090/hostname with its name"""
    cluster = api_cluster()
    expect_pod(cluster, "api").to_be("Ready", within=60)
    result = cluster.exec("api", "wget -qO- -T 2 localhost:9090/hostname")
    if result.exit_code != 0:
        fail(
            "Nothing answers on port 9090 inside the Pod.\n\n"
            f"  $ kubectl exec api -- wget -qO- -T 2 localhost:9090/hostname\n  {(result.stderr or result.stdout).strip()}"
            f"\n  (exit code {result.exit_code})\n\n"
            "  why: containerPort only documents a port; the program listens where its own arguments say.",
            pod=(cluster, "api"),
        )
    expect(result.stdout.strip(), "what http://localhost:9090/hostname answered").to_equal(
        "api", because="agnhost netexec answers /hostname with the Pod's hostname, which is its name"
    )
