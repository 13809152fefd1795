"""``podlab.kata``: the messages a learner reads when an exercise test fails."""

from __future__ import annotations

import pytest

from podlab import kata
from podlab.kata import (
    describe_pod,
    expect,
    expect_field,
    expect_pod,
    expect_selection,
    expect_status,
    field_value,
    load_learner_manifest,
    run_cluster,
)

POD = """\
apiVersion: v1
kind: Pod
metadata:
  name: hello
  labels: {app: hello}
spec:
  containers:
  - name: web
    image: nginx:1.27
    ports:
    - containerPort: 80
"""


@pytest.fixture
def exercise(tmp_path):
    """A scratch exercise folder named like a real one, as the exercises' conftest sets it up."""
    folder = tmp_path / "exercises" / "07-scratch"
    folder.mkdir(parents=True)
    kata.begin_test(folder / "test_scratch.py")
    yield folder
    kata.end_test()


def failure(fn, *args, **kwargs) -> str:
    with pytest.raises(pytest.fail.Exception) as err:
        fn(*args, **kwargs)
    assert err.value.pytrace is False  # the learner never sees pytest's traceback
    return str(err.value)


def test_expect_to_equal_says_expected_got_why_hint_and_rerun(exercise):
    msg = failure(expect(8080, "the port").to_equal, 80, because="nginx listens on 80")
    assert msg == (
        "Not as expected: the port.\n\n"
        "  expected: 80\n"
        "  got:      8080\n"
        "  why:      nginx listens on 80\n\n"
        "Stuck? `podlab hint 7` shows a hint.  Re-run: `podlab check 7`."
    )


def test_the_seed_is_named_once_a_cluster_ran(exercise):
    run_cluster(POD, nodes=0, seed=42)
    msg = failure(expect("a").to_equal, "b")
    assert msg.endswith("Re-run: `podlab check 7` (seed 42: the same run every time).")


@pytest.mark.parametrize(
    "value,expected,shown",
    [("nginx", "nginx:1.27", 'expected: "nginx:1.27"\n  got:      "nginx"'), (None, 1, "expected: 1\n  got:      (not set)"), (["a"], ["a", "b"], "expected: [a, b]\n  got:      [a]")],
)
def test_values_are_shown_as_in_yaml(exercise, value, expected, shown):
    assert shown in failure(expect(value).to_equal, expected)


def test_expect_field_names_the_object_and_path(exercise):
    pod = run_cluster(POD, nodes=0).get("pod", "hello")
    assert expect_field(pod, "spec.containers[0].ports[0].protocol").to_equal("TCP") == "TCP"
    msg = failure(expect_field(pod, "spec.containers[0].image").to_equal, "nginx:1.28")
    assert msg.startswith('Not as expected: pod "hello": spec.containers[0].image.\n')


@pytest.mark.parametrize(
    "path,value",
    [
        ("metadata.name", "hello"),
        ("metadata.labels", {"app": "hello"}),
        ("spec.containers[0].ports[0].containerPort", 80),
        ("spec.containers[1].image", None),
        ("spec.nothing.here", None),
        ("spec.restartPolicy", "Always"),
    ],
)
def test_field_value(exercise, path, value):
    pod = run_cluster(POD, nodes=0).get("pod", "hello")
    assert field_value(pod, path) == value


def test_labels(exercise):
    msg = failure(expect({"app": "web", "tier": "x"}, "the labels").to_include_labels, {"app": "hello"})
    assert "  expected: labels including app: hello\n  got:      app: web, tier: x" in msg


def test_missing_learner_file(exercise):
    assert failure(load_learner_manifest, "pod.yaml").startswith(
        "exercises/07-scratch/pod.yaml does not exist: create it (the README says what goes in it)."
    )


def test_yaml_mistake_shows_file_line_and_context(exercise):
    (exercise / "pod.yaml").write_text("apiVersion: v1\nkind: Pod\nmetadata:\n  name: x\n   labels: {}\nspec: {}\n")
    msg = failure(load_learner_manifest, "pod.yaml")
    assert msg.startswith(
        "exercises/07-scratch/pod.yaml, line 5: the YAML cannot be read: mapping values are not allowed in this context\n\n"
        "      3 | metadata:\n"
        "      4 |   name: x\n"
        "  >   5 |    labels: {}\n"
        "      6 | spec: {}\n"
    )
    assert "During handling" not in msg


def test_refusals_use_kubectls_words(exercise):
    (exercise / "pod.yaml").write_text(POD.replace("name: hello", "name: Hello"))
    msg = failure(run_cluster, load_learner_manifest("pod.yaml"))
    assert msg.startswith(
        "The API server refused pod.yaml. `kubectl apply -f pod.yaml` would print:\n\n"
        '  The Pod "Hello" is invalid: metadata.name: Invalid value: "Hello": a lowercase RFC 1123 subdomain'
    )
    (exercise / "pod.yaml").write_text(POD.replace("image:", "imagee:"))
    msg = failure(run_cluster, load_learner_manifest("pod.yaml"))
    assert (
        '  Error from server (BadRequest): error when creating "pod.yaml": Pod in version "v1" cannot be '
        'handled as a Pod: strict decoding error: unknown field "spec.containers[0].imagee"\n'
    ) in msg


def test_several_problems_are_pointed_out(exercise):
    bad = POD.replace("name: hello", "name: Hello").replace("    image: nginx:1.27\n", "")
    msg = failure(run_cluster, bad)
    assert 'The Pod "Hello" is invalid: [metadata.name: Invalid value: "Hello"' in msg
    assert "There are several problems here: they are listed in [brackets], separated by commas." in msg


def test_a_missing_pod_lists_the_pods_there_are(exercise):
    cluster = run_cluster(POD, nodes=0)
    msg = failure(expect_pod(cluster, "web").to_exist)
    assert msg.startswith('There is no pod named "web".\n\n  expected: a pod named "web"\n  got:      "hello"\n')


def test_a_timeout_says_so_and_shows_describe_events_logs_and_timeline(exercise):
    crash = POD.replace("image: nginx:1.27", 'image: busybox:1.36\n    command: ["sh", "-c", "echo starting; exitt 0"]')
    cluster = run_cluster(crash, nodes=1)
    msg = failure(expect_pod(cluster, "hello").to_be, "Ready", within=60)
    assert msg.startswith('Timed out: pod "hello" was not Ready after 60 seconds (virtual time).\n\n  expected: Ready\n  got:      phase Running, container web waiting: CrashLoopBackOff')
    assert "$ kubectl describe pod hello\n  Name:             hello\n" in msg
    assert "Back-off restarting failed container web in pod hello_default(" in msg
    assert "$ kubectl logs hello -c web --previous --tail=10\n  starting\n  sh: exitt: not found\n" in msg
    assert "The life of pod hello on virtual time:" in msg


def test_the_same_seed_gives_the_same_message(exercise):
    crash = POD.replace("image: nginx:1.27", 'image: busybox:1.36\n    command: ["false"]')
    messages = []
    for _ in range(2):
        messages.append(failure(expect_pod(run_cluster(crash, nodes=1, seed=3), "hello").to_be, "Ready", within=45))
        kata.end_test()
    assert messages[0] == messages[1]


def test_to_be_accepts_phase_condition_and_reason(exercise):
    cluster = run_cluster(POD, nodes=1)
    assert expect_pod(cluster, "hello").to_be("Running", within=60).status.phase == "Running"
    assert expect_pod(cluster, "hello").to_be("Ready", within=0).metadata.name == "hello"
    pull = run_cluster(POD.replace("nginx:1.27", "nginx:v1.27"), nodes=1)
    assert expect_pod(pull, "hello").to_be("ImagePullBackOff", within=60)


def test_expect_status(exercise):
    cluster = run_cluster(POD, nodes=1)
    assert expect_status(cluster, "hello", phase="Running", within=30).status.phase == "Running"
    msg = failure(expect_status, cluster, "hello", phase="Succeeded", within=10)
    assert msg.startswith(
        'Pod "hello" does not have the expected status after 10 seconds (virtual time): this is a timeout.\n\n'
        '  expected: status.phase = "Succeeded"\n  got:      status.phase = "Running"\n'
    )


def test_describe_without_sandbox_kubectl(exercise, monkeypatch):
    monkeypatch.setattr(kata, "_kubectl_run", None)
    cluster = run_cluster(POD, nodes=0)
    text = describe_pod(cluster, "hello")
    assert text.startswith("$ kubectl describe pod hello\n  Name:             hello\n  Namespace:        default\n")
    assert "      Image:          nginx:1.27\n      Port:           80/TCP\n" in text
    assert "Events:  <none>" in text


def test_selection(exercise):
    cluster = run_cluster(POD, nodes=0)
    assert [p.metadata.name for p in expect_selection(cluster, "app=hello").to_be(["hello"])] == ["hello"]
    msg = failure(expect_selection(cluster, "app=web").to_be, ["hello"])
    assert msg.startswith(
        "`kubectl get pods -l app=web` does not list the right pods.\n\n"
        "  expected: hello\n  got:      no pods\n\n"
        "$ kubectl get pods --show-labels\n  NAME    LABELS\n  hello   app=hello\n"
    )


def test_clusters_are_closed_after_each_test(exercise):
    cluster = run_cluster(POD, nodes=0)
    kata.end_test()
    assert cluster._closed
