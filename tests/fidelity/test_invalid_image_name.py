"""An image reference that does not parse: ``InvalidImageName``, never pulled.

Kubernetes: ``pkg/kubelet/images/image_manager.go`` ``EnsureImageExists``: ``applyDefaultImageTag``
fails, the kubelet records ``InspectFailed`` (``Failed to apply default image tag "nginx:1,27":
couldn't parse image name "nginx:1,27": invalid reference format``) and returns
``ErrInvalidImageName``; ``startContainer`` records ``Failed`` (``Error: InvalidImageName``). The
sync failed, so the pod worker tries again after its back-off period (10 s).
"""

from __future__ import annotations

import pytest

from sandbox import Cluster


@pytest.mark.parametrize(("image", "error"), [
    ("nginx:1,27", "invalid reference format"),
    ("nginx:", "invalid reference format"),
    ("Nginx", "invalid reference format: repository name (library/Nginx) must be lowercase"),
])
def test_invalid_image_name(image: str, error: str) -> None:
    with Cluster(nodes=1, seed=0) as c:
        c.apply({"apiVersion": "v1", "kind": "Pod", "metadata": {"name": "p"},
                 "spec": {"containers": [{"name": "c", "image": image}]}})
        c.advance(35)
        msg = f'Failed to apply default image tag "{image}": couldn\'t parse image name "{image}": {error}'
        assert c.kubectl("get pod p").stdout == ("NAME   READY   STATUS             RESTARTS   AGE\n"
                                                  "p      0/1     InvalidImageName   0          35s\n")
        waiting = c.get("pod/p").status.containerStatuses[0].state.waiting
        assert (waiting.reason, waiting.message) == ("InvalidImageName", msg)
        evs = [e for e in c.events("pod", "p") if e.reason != "Scheduled"]
        assert [(e.type, e.reason, e.message, e.count) for e in evs] == [
            ("Warning", "InspectFailed", msg, 4),
            ("Warning", "Failed", "Error: InvalidImageName", 4),
        ]
        assert not any(e.reason in ("Pulling", "BackOff") for e in c.events("pod", "p"))
