"""Node failure, static pods, and one bad pod never stopping the kubelet."""

from __future__ import annotations

from kubelet_harness import NODE, Harness

from sandbox.api.core import Pod

SLEEPER = """
apiVersion: v1
kind: Pod
metadata: {name: %s}
spec:
  containers: [{name: c, image: busybox:1.28, command: ['sleep', '3600']}]
"""


def test_stop_freezes_status_and_kills_containers(h: Harness) -> None:
    h.runtime.preload("busybox:1.28")
    h.apply(SLEEPER % "a")
    h.advance(2)
    rv = h.pod("a").metadata.resourceVersion
    cid = h.pod("a").status.containerStatuses[0].containerID
    h.kubelet.stop(kill_containers=True)
    h.advance(5)
    assert h.runtime.container_status(cid).state == "exited"
    assert h.pod("a").metadata.resourceVersion == rv  # no more status writes
    assert h.pod("a").status.phase == "Running"
    h.apply(SLEEPER % "b")
    h.advance(5)
    assert h.pod("b").status is None or h.pod("b").status.phase in (None, "Pending")


def test_a_bad_pod_does_not_stop_the_others(h: Harness) -> None:
    h.runtime.preload("busybox:1.28")
    calls = []

    def broken_config(*args: object, **kwargs: object) -> None:
        calls.append(1)
        raise RuntimeError("bug in a kubelet step")

    orig = h.kubelet.rt.container_config

    def maybe_broken(pod, spec, attempt, rec):  # noqa: ANN001, ANN202
        if pod.metadata.name == "bad":
            broken_config()
        return orig(pod, spec, attempt, rec)

    h.kubelet.rt.container_config = maybe_broken  # type: ignore[method-assign]
    h.apply(SLEEPER % "bad")
    h.apply(SLEEPER % "good")
    h.advance(30)
    assert h.phase("good") == "Running"
    assert calls and any("bug in a kubelet step" in w for w in h.kubelet.warnings)


def test_static_pod_runs_and_reports_to_its_mirror(h: Harness) -> None:
    h.runtime.preload("busybox:1.28")
    # the file source names a static pod <name>-<node> already; its mirror has the same name
    static = Pod.from_dict({
        "apiVersion": "v1", "kind": "Pod",
        "metadata": {"name": f"static-web-{NODE}", "namespace": "default", "uid": "0123"},
        "spec": {"containers": [{"name": "web", "image": "busybox:1.28", "command": ["sleep", "3600"],
                                 "imagePullPolicy": "IfNotPresent", "terminationMessagePolicy": "File"}]},
    })
    h.kubelet.sync_static_pods([static])
    h.advance(2)
    assert [p.metadata.name for p in h.kubelet.running_pods()] == [f"static-web-{NODE}"]
    mirror = static.to_dict()
    mirror["metadata"] = {"name": f"static-web-{NODE}", "namespace": "default",
                          "annotations": {"kubernetes.io/config.mirror": "hash", "kubernetes.io/config.source": "file"}}
    mirror["spec"]["nodeName"] = NODE
    h.api.create(mirror)
    h.advance(1)
    st = h.pod(f"static-web-{NODE}").status
    assert st.phase == "Running"
    assert st.containerStatuses[0].state.running is not None
    assert h.kubelet.logs("default", f"static-web-{NODE}") == ""
    h.kubelet.sync_static_pods([])
    h.advance(40)
    assert h.kubelet.running_pods() == []
