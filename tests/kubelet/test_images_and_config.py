"""Image pull policy, ErrImagePull/ImagePullBackOff, CreateContainerConfigError, env expansion."""

from __future__ import annotations

import pytest
from kubelet_harness import Harness

from sandbox.kubelet.envvars import expand
from sandbox.kubelet.images import should_pull_image


def pod(image: str, policy: str | None = None, name: str = "p") -> str:
    pol = f"\n    imagePullPolicy: {policy}" if policy else ""
    return f"""
apiVersion: v1
kind: Pod
metadata: {{name: {name}}}
spec:
  containers:
  - name: c
    image: {image}{pol}
    command: ['sh', '-c', 'sleep 3600']
"""


@pytest.mark.parametrize(
    ("policy", "present", "pull"),
    [("Always", True, True), ("Always", False, True), ("IfNotPresent", True, False),
     ("IfNotPresent", False, True), ("Never", True, False), ("Never", False, False)],
)
def test_should_pull_image(policy: str, present: bool, pull: bool) -> None:
    assert should_pull_image(policy, present) is pull


def test_if_not_present_uses_the_image_on_the_node(h: Harness) -> None:
    h.runtime.preload("busybox:1.28")
    h.apply(pod("busybox:1.28", "IfNotPresent"))
    h.advance(2)
    assert ("Normal", "Pulled", 'Container image "busybox:1.28" already present on machine') in h.events("p")
    assert not any(r == "Pulling" for _, r, _ in h.events("p"))


def test_always_pulls_even_when_present(h: Harness) -> None:
    h.runtime.preload("busybox:1.28")
    h.apply(pod("busybox:1.28", "Always"))
    h.advance(3)
    reasons = [r for _, r, _ in h.events("p")]
    assert reasons[:2] == ["Pulling", "Pulled"]
    assert h.phase("p") == "Running"


def test_never_pull_fails_with_err_image_never_pull(h: Harness) -> None:
    h.apply(pod("busybox:1.28", "Never"))
    h.advance(2)
    cs = h.pod("p").status.containerStatuses[0]
    msg = 'Container image "busybox:1.28" is not present with pull policy of Never'
    assert (cs.state.waiting.reason, cs.state.waiting.message) == ("ErrImageNeverPull", msg)
    evs = h.events("p")
    assert ("Warning", "ErrImageNeverPull", msg) in evs
    assert ("Warning", "Failed", "Error: ErrImageNeverPull") in evs


def test_image_pull_backoff_timeline(h: Harness) -> None:
    h.apply(pod("nginx:nosuchtag"))
    h.advance(1.5)
    cs = h.pod("p").status.containerStatuses[0]
    assert cs.state.waiting.reason == "ErrImagePull"
    err = cs.state.waiting.message
    assert "nginx:nosuchtag" in err and "not found" in err
    evs = h.events("p")
    assert ("Normal", "Pulling", 'Pulling image "nginx:nosuchtag"') in evs
    assert ("Warning", "Failed", f'Failed to pull image "nginx:nosuchtag": {err}') in evs
    assert ("Warning", "Failed", "Error: ErrImagePull") in evs
    h.advance(1)
    cs = h.pod("p").status.containerStatuses[0]
    assert cs.state.waiting.reason == "ImagePullBackOff"
    assert cs.state.waiting.message == f'Back-off pulling image "nginx:nosuchtag": ErrImagePull: {err}'
    evs = h.events("p")
    assert ("Normal", "BackOff", 'Back-off pulling image "nginx:nosuchtag"') in evs
    assert ("Warning", "Failed", "Error: ImagePullBackOff") in evs
    pulls = []
    last = [0]

    def count() -> bool:
        n = h.event_counts("p").get(("Pulling", 'Pulling image "nginx:nosuchtag"'), 0)
        if n != last[0]:
            last[0] = n
            pulls.append(round(h.elapsed(), 3))
        return n >= 5

    h.until(count, 400)
    # each pull takes 1 s and fails; the next one waits 10, 20, 40, 80 s after the failure
    assert pulls[1:] == [11.0, 32.0, 73.0, 154.0]
    assert h.phase("p") == "Pending"


def test_run_as_non_root_with_root_image(h: Harness) -> None:
    h.runtime.preload("busybox:1.28")
    h.apply("""
apiVersion: v1
kind: Pod
metadata: {name: p}
spec:
  securityContext: {runAsNonRoot: true}
  containers:
  - name: c
    image: busybox:1.28
    command: ['sleep', '3600']
""")
    h.advance(25)
    uid = h.pod("p").metadata.uid
    cs = h.pod("p").status.containerStatuses[0]
    msg = f'container has runAsNonRoot and image will run as root (pod: "p_default({uid})", container: c)'
    assert (cs.state.waiting.reason, cs.state.waiting.message) == ("CreateContainerConfigError", msg)
    counts = h.event_counts("p")
    assert counts[("Failed", f"Error: {msg}")] >= 3  # retried on each sync
    assert h.phase("p") == "Pending"


def test_missing_configmap_then_created(h: Harness) -> None:
    h.runtime.preload("busybox:1.28")
    h.apply("""
apiVersion: v1
kind: Pod
metadata: {name: p}
spec:
  containers:
  - name: c
    image: busybox:1.28
    command: ['sh', '-c', 'echo $(GREETING) $NAME; sleep 3600']
    env:
    - name: NAME
      valueFrom: {configMapKeyRef: {name: cfg, key: name}}
    - name: GREETING
      value: hello
""")
    h.advance(2)
    cs = h.pod("p").status.containerStatuses[0]
    assert (cs.state.waiting.reason, cs.state.waiting.message) == ("CreateContainerConfigError", 'configmap "cfg" not found')
    assert ("Warning", "Failed", 'Error: configmap "cfg" not found') in h.events("p")
    h.api.create({"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "cfg", "namespace": "default"},
                  "data": {"name": "world"}})
    h.advance(15)
    assert h.phase("p") == "Running"
    assert h.kubelet.logs("default", "p") == "hello world\n"


@pytest.mark.parametrize(
    ("text", "out"),
    [("$(A)", "1"), ("$$(A)", "$(A)"), ("x$(MISSING)y", "x$(MISSING)y"), ("$(A)-$(B)", "1-two"), ("$", "$"),
     ("$(A", "$(A"), ("$$", "$")],
)
def test_dollar_expansion(text: str, out: str) -> None:
    env = {"A": "1", "B": "two"}
    assert expand(text, env.get) == out
