"""Checks for 40-debug-with-an-ephemeral-container: a kubectl debug command reads localhost:9000."""

import shlex

from podlab.kata import exercise_dir, expect, expect_pod, fail, run_cluster
from sandbox.images import image
from sandbox.kubectl import run as kubectl
from sandbox.network.http import HTTPResponse, HTTPServer

BUILD = "billing 3.1.4 build 7f3a9c2"


@image("example.com/billing:3.1", shell=False, user="65532")
def billing(c):
    """No shell, no tools: HTTP on 127.0.0.1:9000 only."""
    c.print("billing listening on 127.0.0.1:9000")
    HTTPServer(c.net, 9000, lambda r: HTTPResponse(200, body=BUILD + "\n") if r.path == "/version"
               else HTTPResponse(404, body="not found\n"), host="127.0.0.1").serve_forever()
    return 0


POD = {
    "apiVersion": "v1", "kind": "Pod", "metadata": {"name": "billing"},
    "spec": {"containers": [{"name": "billing", "image": "example.com/billing:3.1"}]},
}


def learner_command() -> str:
    lines = [ln.strip() for ln in (exercise_dir() / "command.txt").read_text(encoding="utf-8").splitlines()]
    lines = [ln for ln in lines if ln and not ln.startswith("#")]
    if not lines:
        fail("command.txt holds no command yet: replace the TODO with one kubectl command (see README.md).")
    if len(lines) > 1:
        fail("command.txt should hold one command, on one line; it has:\n" + "\n".join("  " + ln for ln in lines))
    words = shlex.split(lines[0])
    if words and words[0] == "kubectl":
        words = words[1:]
    return shlex.join(words)


def ran():
    command = learner_command()
    cluster = run_cluster(POD)
    cluster.wait_for("pod/billing", "Ready", timeout=60)
    out = kubectl(cluster, command)
    return cluster, command, out


def test_the_command_prints_the_build():
    """the command's output contains the build id served at localhost:9000/version"""
    cluster, command, out = ran()
    printed = (out.stdout or "") + (out.stderr or "")
    if BUILD not in printed:
        fail(
            "Not as expected: what your command printed.\n\n"
            f"  expected: something containing \"{BUILD}\"\n\n"
            f"$ kubectl {command}\n" + "\n".join("  " + ln for ln in (printed.rstrip() or "(nothing)").splitlines())
        )


def test_an_ephemeral_container_did_it():
    """the Pod gained an ephemeral container and the app was not restarted"""
    cluster, command, _out = ran()
    pod = cluster.get("pod/billing")
    expect(len(pod.spec.ephemeralContainers or []) >= 1, "an ephemeral container in pod billing").to_equal(
        True, because="the app's image has no tools: bring them in with `kubectl debug`"
    )
    expect_pod(cluster, "billing").field("status.containerStatuses[0].restartCount").to_equal(0)
