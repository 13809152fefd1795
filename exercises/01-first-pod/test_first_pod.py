"""Checks for 01-first-pod: the learner's pod.yaml, applied to a fresh cluster."""

from podlab.kata import expect, expect_field, load_learner_manifest, run_cluster


def the_pod():
    """Apply pod.yaml to a fresh cluster; return the Pod named hello as the API server stored it."""
    docs = load_learner_manifest("pod.yaml")
    expect(len(docs), "the number of objects in pod.yaml").to_equal(1, because="this exercise is about one Pod")
    expect(docs[0].get("kind"), "the kind of the object in pod.yaml").to_equal("Pod", because="`kind: Pod` is what makes it a Pod")
    cluster = run_cluster(docs)
    pods = cluster.list("pods")
    expect([p.metadata.name for p in pods], "the pods in the cluster").to_equal(
        ["hello"], because="the Pod's name is `metadata.name`, and this one should be called hello"
    )
    return pods[0]


def test_the_api_server_accepts_a_pod_named_hello():
    """the API server accepts your Pod, named hello"""
    the_pod()


def test_the_pod_has_the_label_app_hello():
    """the Pod carries the label app: hello"""
    pod = the_pod()
    expect_field(pod, "metadata.labels").to_include_labels(
        {"app": "hello"}, because="labels are how Services and Deployments find their Pods"
    )


def test_one_container_runs_nginx_1_27():
    """one container, from the image nginx:1.27"""
    pod = the_pod()
    expect(len(pod.spec.containers), "the number of containers").to_equal(1)
    expect_field(pod, "spec.containers[0].image").to_equal(
        "nginx:1.27", because="pin a tag: `nginx` alone means `nginx:latest`, which changes under you"
    )


def test_the_container_declares_port_80():
    """the container declares containerPort 80, and the API server defaulted its protocol to TCP"""
    pod = the_pod()
    expect_field(pod, "spec.containers[0].ports[0].containerPort").to_equal(
        80, because="nginx listens on port 80; `ports` lists containerPort entries"
    )
    expect_field(pod, "spec.containers[0].ports[0].protocol").to_equal(
        "TCP", because="the API server fills in `protocol: TCP` when you leave it out (a default)"
    )
    expect_field(pod, "spec.containers[0].imagePullPolicy").to_equal(
        "IfNotPresent", because="with a pinned tag like 1.27 the default pull policy is IfNotPresent"
    )
