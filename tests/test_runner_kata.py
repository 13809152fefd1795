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


def test_a_pod_in_another_namespace_is_described_there(exercise):
    cluster = run_cluster({"apiVersion": "v1", "kind": "Namespace", "metadata": {"name": "payments"}}, nodes=1)
    cluster.apply(POD.replace("name: hello", "name: ledger"), namespace="payments")
    msg = failure(expect_pod(cluster, "ledger", namespace="payments").to_be, "Succeeded", within=10)
    assert "There is no pod named" not in msg
    assert "$ kubectl describe pod ledger -n payments\n  Name:             ledger\n  Namespace:        payments\n" in msg
    msg = failure(expect_pod(cluster, "ledger", namespace="payments").field("spec.containers[0].image").to_equal, "nginx:1.28")
    assert "$ kubectl describe pod ledger -n payments\n" in msg
    msg = failure(expect_status, cluster, "ledger", namespace="payments", phase="Failed")
    assert "  Namespace:        payments\n" in msg
    msg = failure(expect_pod(cluster, "ledger").to_exist)
    assert msg.startswith('There is no pod named "ledger".\n\n  expected: a pod named "ledger"\n  got:      no pods at all\n')
    msg = failure(expect_pod(cluster, "web", namespace="payments").to_exist)
    assert msg.startswith('There is no pod named "web" in namespace payments.\n\n  expected: a pod named "web" in namespace payments\n  got:      "ledger"\n')


def test_a_pending_pod_says_why_node_by_node(exercise):
    big = POD.replace("    ports:", "    resources:\n      requests: {memory: 64Gi}\n    ports:")
    cluster = run_cluster(big, nodes=2)
    msg = failure(expect_pod(cluster, "hello").to_be, "Running", within=30)
    assert "0/2 nodes are available: 2 Insufficient memory." in msg  # the FailedScheduling event
    assert (
        "Why is it Pending? The scheduler's filters, node by node (sandbox.scheduler.why_pending):\n"
        "  Pod default/hello is Pending: none of the 2 node(s) can take it.\n"
        "    node-1: Insufficient memory [NodeResourcesFit]"
    ) in msg
    running = run_cluster(POD, nodes=1)
    expect_pod(running, "hello").to_be("Running", within=30)
    assert "Why is it Pending?" not in describe_pod(running, "hello")


SHAPE = {"on-failure.restartCount": int, "on-failure.phase": ("Running", "Failed"), "done": bool,
         "seconds": float, "reasons": kata.list_of("Scheduled", "Pulled"), "word": str}
GOOD_PREDICTION = """\
on-failure:
  restartCount: 2
  phase: Running
done: true
seconds: 90
reasons: [Scheduled, Pulled]
word: Completed
"""


@pytest.mark.parametrize(
    "text,message",
    [
        (GOOD_PREDICTION.replace("restartCount: 2", 'restartCount: "?"'),
         "prediction.yaml: `on-failure.restartCount` is still `?`: write your prediction."),
        (GOOD_PREDICTION.replace("restartCount: 2", "restartCount: ?"),
         "prediction.yaml, line 2: the YAML cannot be read: mapping keys are not allowed here\n\n"
         "      1 | on-failure:\n  >   2 |   restartCount: ?\n      3 |   phase: Running\n\n"
         'A bare ? means something else in YAML: keep the placeholder quoted ("?") until you replace it with your answer.'),
        (GOOD_PREDICTION.replace("restartCount: 2", "restartCount: two"),
         'prediction.yaml: `on-failure.restartCount` should be a whole number, not "two".'),
        (GOOD_PREDICTION.replace("restartCount: 2", "restartCount: true"),
         "prediction.yaml: `on-failure.restartCount` should be a whole number, not True."),
        (GOOD_PREDICTION.replace("phase: Running", "phase: CrashLoopBackOff"),
         'prediction.yaml: `on-failure.phase` should be one of Running, Failed, not "CrashLoopBackOff".'),
        (GOOD_PREDICTION.replace("done: true", "done: 1"), "prediction.yaml: `done` should be true or false, not 1."),
        (GOOD_PREDICTION.replace("seconds: 90", "seconds: soon"), 'prediction.yaml: `seconds` should be a number, not "soon".'),
        (GOOD_PREDICTION.replace("[Scheduled, Pulled]", "[Scheduled, pulled]"),
         "prediction.yaml: `reasons` lists pulled, which is not one of Scheduled, Pulled (spelling and case count), not [Scheduled, pulled]."),
        (GOOD_PREDICTION.replace("word: Completed\n", ""), "prediction.yaml: `word` has no answer: write your prediction."),
        (GOOD_PREDICTION.replace("on-failure:\n  restartCount: 2\n  phase: Running\n", "on-failure: 2\n"),
         "prediction.yaml: the section `on-failure:` is missing or is not a mapping of answers."),
        ("- a list\n", "prediction.yaml should be a mapping with your answers for: on-failure.restartCount, "),
    ],
)
def test_load_prediction_says_what_is_wrong(exercise, text, message):
    (exercise / "prediction.yaml").write_text(text)
    msg = failure(kata.load_prediction, SHAPE)
    assert msg.startswith(message), msg


def test_load_prediction_returns_the_answers(exercise):
    (exercise / "prediction.yaml").write_text(GOOD_PREDICTION)
    data = kata.load_prediction(SHAPE)
    assert data["on-failure"] == {"restartCount": 2, "phase": "Running"} and data["seconds"] == 90
    assert failure(kata.load_prediction, SHAPE, "other.yaml").startswith("other.yaml does not exist")


CONTAINER_CRASH = """\
Not as expected: the last line of container app's log.

$ kubectl describe pod quote
  Name:  quote

$ kubectl logs quote -c app --previous --tail=10
  Traceback (most recent call last):
    File "/app/app.py", line 11, in app
      conn = c.net.connect("quotes", 9000)
    File "/venv/lib/python3.12/site-packages/sandbox/network/fabric.py", line 250, in _resolve

  socket.gaierror: [Errno -2] Name or service not known

Stuck? `podlab hint 7` shows a hint."""


@pytest.mark.parametrize(
    "message,internals",
    [
        ("Not as expected: the port.\n\n  expected: 80\n  got:      8080", None),
        (CONTAINER_CRASH, None),
        ("t=22s $ kubectl logs web-node-1\n  Traceback (most recent call last):\n  ValueError: x", None),
        ("exercises/07-x/test_x.py:12: in test_a\n    data['x']\nE   KeyError: 'x'", "exercises/07-x/test_x.py:12: in test_a"),
        ("Traceback (most recent call last):\n  File \"/repo/podlab/kata.py\", line 3, in fail", "Traceback (most recent call last):"),
        (CONTAINER_CRASH.replace("Stuck?", "Traceback (most recent call last):\nStuck?"), "Traceback (most recent call last):"),
        ("got: /venv/lib/python3.12/site-packages/sandbox/x.py", "got: /venv/lib/python3.12/site-packages/sandbox/x.py"),
    ],
)
def test_python_internals_but_not_a_containers_own_log(message, internals):
    from podlab.proofs import python_internals

    assert python_internals(message) == internals


def test_expect_with_a_pod_shows_its_describe(exercise):
    cluster = run_cluster(POD, nodes=1)
    expect_pod(cluster, "hello").to_be("Running", within=30)
    msg = failure(expect("x", "the last log line", pod=(cluster, "hello")).to_equal, "y")
    assert msg.startswith('Not as expected: the last log line.\n\n  expected: "y"\n  got:      "x"\n\n$ kubectl describe pod hello\n')


def test_to_be_scheduled(exercise):
    cluster = run_cluster(POD, nodes=1)
    assert expect_pod(cluster, "hello").to_be_scheduled(within=5).spec.nodeName == "node-1"
    big = POD.replace("name: hello", "name: big").replace("    ports:", "    resources:\n      requests: {memory: 64Gi}\n    ports:")
    cluster.apply(big)
    msg = failure(expect_pod(cluster, "big").to_be_scheduled, within=30)
    assert msg.startswith(
        'Timed out: no node took pod "big" within 30 seconds (virtual time): it is still Pending.\n\n'
        "  expected: a node (spec.nodeName set by the scheduler)\n"
        "  got:      PodScheduled False, reason Unschedulable: 0/1 nodes are available: 1 Insufficient memory. "
        "preemption: 0/1 nodes are available: 1 Preemption is not helpful for scheduling.\n"
    )
    assert "node-1: Insufficient memory [NodeResourcesFit]" in msg


def test_to_be_at_once_is_not_a_timeout(exercise):
    cluster = run_cluster(POD, nodes=1)
    msg = failure(expect_pod(cluster, "hello").to_be, "Ready", within=0)
    assert msg.startswith('Not as expected: pod "hello" is not Ready.\n\n  expected: Ready\n  got:      phase Pending')
