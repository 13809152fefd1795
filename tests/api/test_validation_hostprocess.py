"""Windows HostProcess pods (``validateWindowsHostProcessPod``): hostNetwork, all-or-none, and
pod and container values that agree."""

import pytest

from sandbox.api.defaults import apply_defaults
from sandbox.api.validation import validate_create
from sandbox.errors import Invalid

HP = {"windowsOptions": {"hostProcess": True}}
NOT_HP = {"windowsOptions": {"hostProcess": False}}


def pod(containers, init=None, **spec):
    p = {
        "apiVersion": "v1",
        "kind": "Pod",
        "metadata": {"name": "agent", "namespace": "default"},
        "spec": {"os": {"name": "windows"}, "containers": containers, **spec},
    }
    if init is not None:
        p["spec"]["initContainers"] = init
    return p


def ctr(name, sc=None):
    c = {"name": name, "image": "mcr.microsoft.com/windows/nanoserver:ltsc2022"}
    if sc is not None:
        c["securityContext"] = sc
    return c


def message(obj):
    apply_defaults(obj)
    errs = validate_create(obj)
    return str(Invalid.for_kind("Pod", "agent", errs)) if errs else ""


@pytest.mark.parametrize(
    ("manifest", "expected"),
    [
        (
            pod([ctr("a")], securityContext=HP),
            'Pod "agent" is invalid: spec.hostNetwork: Invalid value: false: '
            "hostNetwork must be true if pod contains any hostProcess containers",
        ),
        (
            pod([ctr("a", HP)]),
            'Pod "agent" is invalid: spec.hostNetwork: Invalid value: false: '
            "hostNetwork must be true if pod contains any hostProcess containers",
        ),
        (pod([ctr("a")], securityContext=HP, hostNetwork=True), ""),
        (pod([ctr("a", HP), ctr("b", HP)], init=[ctr("setup", HP)], hostNetwork=True), ""),
        (pod([ctr("a", NOT_HP)], securityContext=NOT_HP), ""),
        (
            pod([ctr("a", HP), ctr("b")], hostNetwork=True),
            'Pod "agent" is invalid: spec: Invalid value: "": '
            "If pod contains any hostProcess containers then all containers must be HostProcess containers",
        ),
        (
            pod([ctr("a")], init=[ctr("setup", HP)], hostNetwork=True),
            'Pod "agent" is invalid: spec: Invalid value: "": '
            "If pod contains any hostProcess containers then all containers must be HostProcess containers",
        ),
        (
            pod([ctr("a", NOT_HP), ctr("b")], securityContext=HP, hostNetwork=True),
            'Pod "agent" is invalid: [spec.containers[0].securityContext.windowsOptions.hostProcess: '
            "Invalid value: false: pod hostProcess value must be identical if both are specified, was true, "
            'spec: Invalid value: "": If pod contains any hostProcess containers then all containers must be '
            "HostProcess containers]",
        ),
        (
            pod([ctr("a", HP)], securityContext=NOT_HP),
            'Pod "agent" is invalid: [spec.containers[0].securityContext.windowsOptions.hostProcess: '
            "Invalid value: true: pod hostProcess value must be identical if both are specified, was false, "
            "spec.hostNetwork: Invalid value: false: hostNetwork must be true if pod contains any hostProcess containers]",
        ),
    ],
    ids=["pod-level-no-hostnetwork", "container-level-no-hostnetwork", "pod-level-ok", "all-ok", "false-ok",
         "mixed", "init-only", "pod-true-container-false", "pod-false-container-true"],
)
def test_host_process_rules(manifest, expected):
    assert message(manifest) == expected
