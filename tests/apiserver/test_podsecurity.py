"""Pod Security admission: every check's words, enforce vs warn vs audit, workloads, namespaces.

The expected messages are Kubernetes 1.32's (``k8s.io/pod-security-admission``), as kubectl shows
them: ``Error from server (Forbidden): ... pods "x" is forbidden: violates PodSecurity ...`` and
``Warning: would violate PodSecurity ...``.
"""

from __future__ import annotations

import random
from typing import Any

import pytest

from sandbox.apiserver import APIServer
from sandbox.apiserver.podsecurity import (
    LevelVersion,
    Version,
    aggregate,
    evaluate_pod,
    install,
    policy_to_evaluate,
)
from sandbox.errors import Forbidden, Invalid
from tests.apiserver.conftest import FakeClock

PSA = "pod-security.kubernetes.io/"

#: A container that passes the restricted level.
GOOD_SC = {
    "allowPrivilegeEscalation": False,
    "capabilities": {"drop": ["ALL"]},
    "runAsNonRoot": True,
    "seccompProfile": {"type": "RuntimeDefault"},
}


@pytest.fixture
def api() -> APIServer:
    s = APIServer(FakeClock(), random.Random(7))
    install(s)
    return s


def namespace(api: APIServer, name: str, **labels: str) -> None:
    api.create(
        {
            "apiVersion": "v1",
            "kind": "Namespace",
            "metadata": {"name": name, "labels": {PSA + k.replace("_", "-"): v for k, v in labels.items()}},
        }
    )


def pod(name: str = "x", ns: str = "ns", containers: list[dict[str, Any]] | None = None,
        annotations: dict[str, str] | None = None, **spec: Any) -> dict[str, Any]:
    meta: dict[str, Any] = {"name": name, "namespace": ns}
    if annotations:
        meta["annotations"] = annotations
    return {
        "apiVersion": "v1",
        "kind": "Pod",
        "metadata": meta,
        "spec": {"containers": containers or [{"name": "c", "image": "busybox"}], **spec},
    }


def c(name: str = "c", **sc: Any) -> dict[str, Any]:
    """A container with securityContext ``sc`` (``None`` values dropped)."""
    out: dict[str, Any] = {"name": name, "image": "busybox"}
    sc = {k: v for k, v in sc.items() if v is not None}
    if sc:
        out["securityContext"] = sc
    return out


def detail(lv: str, p: dict[str, Any]) -> str:
    level, _, version = lv.partition(":")
    ver = Version(latest=True) if version in ("", "latest") else Version(int(version.split(".")[1]))
    r = aggregate(evaluate_pod(LevelVersion(level, ver), p["metadata"], p["spec"]))
    return r.forbidden_detail()


# ------------------------------------------------------------------------------------ the checks

BASELINE_CASES = [
    # (what, pod, expected forbidden detail at baseline:latest)
    ("default pod passes", pod(), ""),
    (
        "host namespaces, in upstream's order",
        pod(hostIPC=True, hostPID=True, hostNetwork=True),
        "host namespaces (hostNetwork=true, hostPID=true, hostIPC=true)",
    ),
    (
        "privileged containers",
        pod(containers=[c("a", privileged=True), c("b", privileged=False), c("d", privileged=True)]),
        'privileged (containers "a", "d" must not set securityContext.privileged=true)',
    ),
    (
        "privileged init container comes first",
        pod(containers=[c("main", privileged=True)], initContainers=[c("init", privileged=True)]),
        'privileged (containers "init", "main" must not set securityContext.privileged=true)',
    ),
    (
        "non-default capabilities, sorted",
        pod(containers=[c(capabilities={"add": ["SYS_ADMIN", "NET_RAW", "CHOWN"]})]),
        'non-default capabilities (container "c" must not include "NET_RAW", "SYS_ADMIN" in securityContext.capabilities.add)',
    ),
    ("default capabilities may be added", pod(containers=[c(capabilities={"add": ["NET_BIND_SERVICE", "KILL"]})]), ""),
    (
        "hostPath volumes",
        pod(volumes=[{"name": "h", "hostPath": {"path": "/etc"}}, {"name": "e", "emptyDir": {}}]),
        'hostPath volumes (volume "h")',
    ),
    (
        "two hostPath volumes",
        pod(volumes=[{"name": "b", "hostPath": {"path": "/b"}}, {"name": "a", "hostPath": {"path": "/a"}}]),
        'hostPath volumes (volumes "b", "a")',
    ),
    (
        "hostPort",
        pod(containers=[{"name": "web", "image": "nginx", "ports": [{"containerPort": 80, "hostPort": 80}]}]),
        'hostPort (container "web" uses hostPort 80)',
    ),
    (
        "hostPorts sort as strings",
        pod(
            containers=[
                {"name": "a", "image": "nginx", "ports": [{"containerPort": 8080, "hostPort": 8080}]},
                {"name": "b", "image": "nginx", "ports": [{"containerPort": 10000, "hostPort": 10000}]},
            ]
        ),
        'hostPort (containers "a", "b" use hostPorts 10000, 8080)',
    ),
    (
        "AppArmor Unconfined on the pod",
        pod(securityContext={"appArmorProfile": {"type": "Unconfined"}}),
        'forbidden AppArmor profile (pod must not set AppArmor profile type to "Unconfined")',
    ),
    (
        "AppArmor annotation",
        pod(annotations={"container.apparmor.security.beta.kubernetes.io/c": "unconfined"}),
        'forbidden AppArmor profile (annotation must not set AppArmor profile type to '
        '"container.apparmor.security.beta.kubernetes.io/c="unconfined"")',
    ),
    ("AppArmor localhost profile is fine", pod(containers=[c(appArmorProfile={"type": "Localhost", "localhostProfile": "p"})]), ""),
    (
        "SELinux type, user and role",
        pod(securityContext={"seLinuxOptions": {"type": "spc_t", "user": "u", "role": "r"}}),
        'seLinuxOptions (pod set forbidden securityContext.seLinuxOptions: type "spc_t"; user may not be set; role may not be set)',
    ),
    ("SELinux container_engine_t is allowed since 1.31", pod(containers=[c(seLinuxOptions={"type": "container_engine_t"})]), ""),
    (
        "procMount Unmasked",
        pod(containers=[c(procMount="Unmasked")]),
        'procMount (container "c" must not set securityContext.procMount to "Unmasked")',
    ),
    (
        "seccomp Unconfined",
        pod(securityContext={"seccompProfile": {"type": "Unconfined"}}, containers=[c(seccompProfile={"type": "Unconfined"})]),
        'seccompProfile (pod and container "c" must not set securityContext.seccompProfile.type to "Unconfined")',
    ),
    (
        "unsafe sysctls, in spec order",
        pod(securityContext={"sysctls": [{"name": "net.core.somaxconn", "value": "1"}, {"name": "kernel.msgmax", "value": "1"},
                                         {"name": "net.ipv4.tcp_rmem", "value": "4096 87380 6291456"}]}),
        "forbidden sysctls (net.core.somaxconn, kernel.msgmax)",
    ),
    (
        "hostProcess",
        pod(securityContext={"windowsOptions": {"hostProcess": True}}, containers=[c(windowsOptions={"hostProcess": True})]),
        'hostProcess (pod and container "c" must not set securityContext.windowsOptions.hostProcess=true)',
    ),
    (
        "several controls, sorted by check ID",
        pod(hostPID=True, securityContext={"sysctls": [{"name": "kernel.msgmax", "value": "1"}]},
            containers=[c(privileged=True, capabilities={"add": ["SYS_ADMIN"]})],
            volumes=[{"name": "h", "hostPath": {"path": "/"}}]),
        'non-default capabilities (container "c" must not include "SYS_ADMIN" in securityContext.capabilities.add), '
        "host namespaces (hostPID=true), "
        'hostPath volumes (volume "h"), '
        'privileged (container "c" must not set securityContext.privileged=true), '
        "forbidden sysctls (kernel.msgmax)",
    ),
]


@pytest.mark.parametrize(("what", "p", "expected"), BASELINE_CASES, ids=[x[0] for x in BASELINE_CASES])
def test_baseline_checks(what: str, p: dict[str, Any], expected: str) -> None:
    assert detail("baseline", p) == expected


RESTRICTED_POD_SC = {"runAsNonRoot": True, "seccompProfile": {"type": "RuntimeDefault"}}

RESTRICTED_CASES = [
    ("compliant pod", pod(containers=[c(**GOOD_SC)]), ""),
    ("pod-level runAsNonRoot and seccomp cover containers",
     pod(securityContext=RESTRICTED_POD_SC, containers=[c(allowPrivilegeEscalation=False, capabilities={"drop": ["ALL"]})]), ""),
    (
        "the default pod",
        pod(),
        'allowPrivilegeEscalation != false (container "c" must set securityContext.allowPrivilegeEscalation=false), '
        'unrestricted capabilities (container "c" must set securityContext.capabilities.drop=["ALL"]), '
        'runAsNonRoot != true (pod or container "c" must set securityContext.runAsNonRoot=true), '
        'seccompProfile (pod or container "c" must set securityContext.seccompProfile.type to "RuntimeDefault" or "Localhost")',
    ),
    (
        "capabilities: no drop ALL and a forbidden add",
        pod(securityContext=RESTRICTED_POD_SC,
            containers=[c(allowPrivilegeEscalation=False, capabilities={"add": ["NET_ADMIN", "NET_BIND_SERVICE", "SYS_ADMIN"]})]),
        'unrestricted capabilities (container "c" must set securityContext.capabilities.drop=["ALL"]; '
        'container "c" must not include "NET_ADMIN", "SYS_ADMIN" in securityContext.capabilities.add)',
    ),
    (
        "NET_BIND_SERVICE may be added",
        pod(securityContext=RESTRICTED_POD_SC,
            containers=[c(allowPrivilegeEscalation=False, capabilities={"drop": ["ALL"], "add": ["NET_BIND_SERVICE"]})]),
        "",
    ),
    (
        "runAsNonRoot=false set explicitly",
        pod(securityContext={"runAsNonRoot": False, "seccompProfile": {"type": "RuntimeDefault"}},
            containers=[c(allowPrivilegeEscalation=False, capabilities={"drop": ["ALL"]}, runAsNonRoot=False)]),
        'runAsNonRoot != true (pod and container "c" must not set securityContext.runAsNonRoot=false)',
    ),
    (
        "runAsUser 0",
        pod(securityContext={**RESTRICTED_POD_SC, "runAsUser": 0},
            containers=[c(allowPrivilegeEscalation=False, capabilities={"drop": ["ALL"]}, runAsUser=0)]),
        'runAsUser=0 (pod and container "c" must not set runAsUser=0)',
    ),
    (
        "hostPath becomes a restricted volume type (not a hostPath volumes failure)",
        pod(securityContext=RESTRICTED_POD_SC, containers=[c(allowPrivilegeEscalation=False, capabilities={"drop": ["ALL"]})],
            volumes=[{"name": "host", "hostPath": {"path": "/"}}]),
        'restricted volume types (volume "host" uses restricted volume type "hostPath")',
    ),
    (
        "several restricted volume types",
        pod(securityContext=RESTRICTED_POD_SC, containers=[c(allowPrivilegeEscalation=False, capabilities={"drop": ["ALL"]})],
            volumes=[{"name": "n", "nfs": {"server": "s", "path": "/"}}, {"name": "ok", "configMap": {"name": "x"}},
                     {"name": "h", "hostPath": {"path": "/"}}]),
        'restricted volume types (volumes "n", "h" use restricted volume types "hostPath", "nfs")',
    ),
    (
        "a Windows pod skips the Linux-only restricted checks",
        pod(os={"name": "windows"}, securityContext={"runAsNonRoot": True}),
        "",
    ),
    (
        "baseline failures come first",
        pod(containers=[c(privileged=True, **GOOD_SC)]),
        'privileged (container "c" must not set securityContext.privileged=true)',
    ),
]


@pytest.mark.parametrize(("what", "p", "expected"), RESTRICTED_CASES, ids=[x[0] for x in RESTRICTED_CASES])
def test_restricted_checks(what: str, p: dict[str, Any], expected: str) -> None:
    assert detail("restricted", p) == expected


@pytest.mark.parametrize(
    ("lv", "p", "expected"),
    [
        # tcp_rmem became safe in 1.32
        ("baseline:v1.31", pod(securityContext={"sysctls": [{"name": "net.ipv4.tcp_rmem", "value": "1"}]}),
         "forbidden sysctls (net.ipv4.tcp_rmem)"),
        ("baseline:v1.32", pod(securityContext={"sysctls": [{"name": "net.ipv4.tcp_rmem", "value": "1"}]}), ""),
        # runAsUser=0 is checked from 1.23 on
        ("restricted:v1.22", pod(containers=[c(runAsUser=0, **GOOD_SC)]), ""),
        ("restricted:v1.23", pod(containers=[c(runAsUser=0, **GOOD_SC)]),
         'runAsUser=0 (container "c" must not set runAsUser=0)'),
        # before 1.22 restricted only had baseline's capability rule
        ("restricted:v1.21", pod(containers=[c(capabilities={"add": ["SYS_ADMIN"]}, **{k: v for k, v in GOOD_SC.items() if k != "capabilities"})]),
         'non-default capabilities (container "c" must not include "SYS_ADMIN" in securityContext.capabilities.add)'),
        # container_engine_t is allowed from 1.31
        ("baseline:v1.30", pod(containers=[c(seLinuxOptions={"type": "container_engine_t"})]),
         'seLinuxOptions (container "c" set forbidden securityContext.seLinuxOptions: type "container_engine_t")'),
        # a version newer than the cluster counts as latest
        ("baseline:v1.40", pod(securityContext={"sysctls": [{"name": "net.ipv4.tcp_wmem", "value": "1"}]}), ""),
    ],
)
def test_versions(lv: str, p: dict[str, Any], expected: str) -> None:
    assert detail(lv, p) == expected


# ------------------------------------------------------------------------------------ the modes


def test_enforce_refuses_with_kubernetes_message(api: APIServer) -> None:
    namespace(api, "ns", enforce="restricted")
    with pytest.raises(Forbidden) as e:
        api.create(pod())
    assert str(e.value) == (
        'pods "x" is forbidden: violates PodSecurity "restricted:latest": '
        'allowPrivilegeEscalation != false (container "c" must set securityContext.allowPrivilegeEscalation=false), '
        'unrestricted capabilities (container "c" must set securityContext.capabilities.drop=["ALL"]), '
        'runAsNonRoot != true (pod or container "c" must set securityContext.runAsNonRoot=true), '
        'seccompProfile (pod or container "c" must set securityContext.seccompProfile.type to "RuntimeDefault" or "Localhost")'
    )
    assert e.value.code == 403
    assert api.list("pods", namespace="ns").items == []


def test_enforce_names_a_generated_pod(api: APIServer) -> None:
    namespace(api, "ns", enforce="baseline")
    p = pod(containers=[c(privileged=True)])
    del p["metadata"]["name"]
    p["metadata"]["generateName"] = "web-"
    with pytest.raises(Forbidden) as e:
        api.create(p)
    msg = str(e.value)
    assert msg.startswith('pods "web-') and msg.endswith(
        '" is forbidden: violates PodSecurity "baseline:latest": '
        'privileged (container "c" must not set securityContext.privileged=true)'
    )


def test_enforce_version_label_shows_in_message(api: APIServer) -> None:
    namespace(api, "ns", enforce="baseline", enforce_version="v1.25")
    with pytest.raises(Forbidden, match=r'violates PodSecurity "baseline:v1.25": host namespaces \(hostIPC=true\)$'):
        api.create(pod(hostIPC=True))


def test_compliant_pod_is_admitted_without_warnings(api: APIServer) -> None:
    namespace(api, "ns", enforce="restricted", warn="restricted", audit="restricted")
    warnings: list[str] = []
    created = api.create(pod(containers=[c(**GOOD_SC)]), warnings=warnings)
    assert created.metadata.name == "x"
    assert warnings == []


def test_warn_only_admits_and_warns(api: APIServer) -> None:
    namespace(api, "ns", warn="baseline")
    warnings: list[str] = []
    api.create(pod(hostNetwork=True, containers=[c(privileged=True)]), warnings=warnings)
    assert warnings == [
        'would violate PodSecurity "baseline:latest": host namespaces (hostNetwork=true), '
        'privileged (container "c" must not set securityContext.privileged=true)'
    ]
    assert api.last_warnings == warnings


def test_refused_pod_gets_no_warning_but_is_audited(api: APIServer) -> None:
    namespace(api, "ns", enforce="baseline", warn="restricted", audit="restricted")
    plugin = api.admission.get("PodSecurity")
    warnings: list[str] = []
    with pytest.raises(Forbidden):
        api.create(pod(hostPID=True), warnings=warnings)
    assert warnings == []
    ev = plugin.audit_events[-1]
    assert (ev.operation, ev.resource, ev.namespace, ev.name) == ("CREATE", "pods", "ns", "x")
    assert ev.annotations[PSA + "enforce-policy"] == "baseline:latest"
    assert ev.annotations[PSA + "audit-violations"].startswith(
        'would violate PodSecurity "restricted:latest": host namespaces (hostPID=true), allowPrivilegeEscalation != false'
    )


def test_enforce_baseline_warn_restricted_admits_baseline_pod_with_warning(api: APIServer) -> None:
    namespace(api, "ns", enforce="baseline", warn="restricted")
    warnings: list[str] = []
    api.create(pod(), warnings=warnings)
    assert len(warnings) == 1 and warnings[0].startswith('would violate PodSecurity "restricted:latest": allowPrivilegeEscalation != false')


def test_audit_only_records_without_warning(api: APIServer) -> None:
    namespace(api, "ns", audit="baseline")
    plugin = api.admission.get("PodSecurity")
    warnings: list[str] = []
    api.create(pod(containers=[c(privileged=True)]), warnings=warnings)
    assert warnings == []
    assert plugin.audit_events[-1].annotations == {
        PSA + "enforce-policy": "privileged:latest",
        PSA + "audit-violations": 'would violate PodSecurity "baseline:latest": '
        'privileged (container "c" must not set securityContext.privileged=true)',
    }


def test_unlabelled_namespace_is_privileged(api: APIServer) -> None:
    namespace(api, "ns")
    warnings: list[str] = []
    api.create(pod(hostPID=True, containers=[c(privileged=True)]), warnings=warnings)
    assert warnings == []
    assert api.admission.get("PodSecurity").audit_events == []


def test_pod_update_only_checked_when_an_image_changes(api: APIServer) -> None:
    namespace(api, "ns", warn="restricted")
    api.create(pod())
    warnings: list[str] = []
    api.patch("pods", "x", {"metadata": {"labels": {"a": "b"}}}, namespace="ns", warnings=warnings)
    assert warnings == []
    api.patch("pods", "x", {"spec": {"containers": [{"name": "c", "image": "busybox:1.36"}]}}, namespace="ns",
              warnings=warnings)
    assert len(warnings) == 1 and warnings[0].startswith('would violate PodSecurity "restricted:latest"')


def test_status_updates_are_not_checked(api: APIServer) -> None:
    namespace(api, "ns", enforce="privileged", warn="baseline")
    api.create(pod(hostIPC=True))
    warnings: list[str] = []
    api.patch("pods", "x", {"status": {"phase": "Running"}}, namespace="ns", subresource="status", warnings=warnings)
    assert warnings == []


# ------------------------------------------------------------------------------------ workloads


def deployment(name: str = "web", ns: str = "ns") -> dict[str, Any]:
    return {
        "apiVersion": "apps/v1",
        "kind": "Deployment",
        "metadata": {"name": name, "namespace": ns},
        "spec": {
            "selector": {"matchLabels": {"app": name}},
            "template": {"metadata": {"labels": {"app": name}}, "spec": {"containers": [c(privileged=True)]}},
        },
    }


WORKLOADS = {
    "Deployment": deployment(),
    "ReplicaSet": {**deployment(), "apiVersion": "apps/v1", "kind": "ReplicaSet"},
    "StatefulSet": {**deployment(), "kind": "StatefulSet", "spec": {**deployment()["spec"], "serviceName": "web"}},
    "DaemonSet": {**deployment(), "kind": "DaemonSet"},
    "Job": {
        "apiVersion": "batch/v1",
        "kind": "Job",
        "metadata": {"name": "web", "namespace": "ns"},
        "spec": {"template": {"spec": {"restartPolicy": "Never", "containers": [c(privileged=True)]}}},
    },
    "CronJob": {
        "apiVersion": "batch/v1",
        "kind": "CronJob",
        "metadata": {"name": "web", "namespace": "ns"},
        "spec": {
            "schedule": "* * * * *",
            "jobTemplate": {"spec": {"template": {"spec": {"restartPolicy": "Never", "containers": [c(privileged=True)]}}}},
        },
    },
}


@pytest.mark.parametrize("kind", list(WORKLOADS))
def test_workload_templates_warn_but_are_never_enforced(api: APIServer, kind: str) -> None:
    namespace(api, "ns", enforce="baseline", warn="baseline", audit="baseline")
    warnings: list[str] = []
    api.create(WORKLOADS[kind], warnings=warnings)  # admitted despite enforce=baseline
    assert warnings == [
        'would violate PodSecurity "baseline:latest": privileged (container "c" must not set securityContext.privileged=true)'
    ]
    ev = api.admission.get("PodSecurity").audit_events[-1]
    assert ev.name == "web" and PSA + "enforce-policy" not in ev.annotations
    assert ev.annotations[PSA + "audit-violations"].startswith('would violate PodSecurity "baseline:latest": privileged')


def test_workload_in_enforce_only_namespace_is_silent(api: APIServer) -> None:
    namespace(api, "ns", enforce="restricted")
    warnings: list[str] = []
    api.create(deployment(), warnings=warnings)
    assert warnings == []


# ------------------------------------------------------------------------------------ namespaces


def test_invalid_labels_are_refused_on_create(api: APIServer) -> None:
    with pytest.raises(Invalid) as e:
        namespace(api, "bad", enforce="strict", warn_version="1.25")
    assert str(e.value) == (
        'Namespace "bad" is invalid: ['
        'metadata.labels[pod-security.kubernetes.io/enforce]: Invalid value: "strict": must be one of privileged, baseline, restricted, '
        'metadata.labels[pod-security.kubernetes.io/warn-version]: Invalid value: "1.25": must be "latest" or "v1.x"]'
    )


def test_relabel_warns_about_existing_pods(api: APIServer) -> None:
    namespace(api, "ns")
    api.create(pod("b", hostNetwork=True))
    api.create(pod("a", hostNetwork=True))
    api.create(pod("c", hostNetwork=True))
    api.create(pod("z", containers=[c(privileged=True)]))
    api.create(pod("ok", containers=[c(**GOOD_SC)]))
    warnings: list[str] = []
    api.patch("namespaces", "ns", {"metadata": {"labels": {PSA + "enforce": "baseline"}}}, namespace=None,
              warnings=warnings)
    assert warnings == [
        'existing pods in namespace "ns" violate the new PodSecurity enforce level "baseline:latest"',
        "a (and 2 other pods): host namespaces",
        "z: privileged",
    ]
    # the pods stay; only new ones are refused
    assert len(api.list("pods", namespace="ns").items) == 5


def test_relabel_to_restricted_lists_reasons_per_pod(api: APIServer) -> None:
    namespace(api, "ns", enforce="baseline")
    api.create(pod("one"))
    api.create(pod("two"))
    warnings: list[str] = []
    api.patch("namespaces", "ns", {"metadata": {"labels": {PSA + "enforce": "restricted"}}}, namespace=None,
              warnings=warnings)
    assert warnings == [
        'existing pods in namespace "ns" violate the new PodSecurity enforce level "restricted:latest"',
        "one (and 1 other pod): allowPrivilegeEscalation != false, unrestricted capabilities, runAsNonRoot != true, seccompProfile",
    ]


def test_relaxing_enforce_does_not_check_pods(api: APIServer) -> None:
    namespace(api, "ns", enforce="restricted", enforce_version="v1.30")
    warnings: list[str] = []
    api.patch("namespaces", "ns", {"metadata": {"labels": {PSA + "enforce": "baseline"}}}, namespace=None,
              warnings=warnings)
    assert warnings == []


def test_existing_bad_label_may_stay_but_not_change(api: APIServer) -> None:
    # a label that was bad before (here: set around the plugin) may stay while other labels change
    api.create({"apiVersion": "v1", "kind": "Namespace", "metadata": {"name": "old", "labels": {}}})
    plugin = api.admission.get("PodSecurity")
    api.admission.remove("PodSecurity")
    api.patch("namespaces", "old", {"metadata": {"labels": {PSA + "enforce": "nope"}}}, namespace=None)
    api.admission.add(plugin)
    api.patch("namespaces", "old", {"metadata": {"labels": {"team": "a"}}}, namespace=None)
    with pytest.raises(Invalid, match=r'Invalid value: "nope2": must be one of privileged, baseline, restricted'):
        api.patch("namespaces", "old", {"metadata": {"labels": {PSA + "enforce": "nope2"}}}, namespace=None)
    # a bad enforce label fails closed: restricted
    with pytest.raises(Forbidden, match='violates PodSecurity "restricted:latest"'):
        api.create(pod(ns="old"))


def test_policy_parsing_fails_open_for_warn_and_audit() -> None:
    policy, errs = policy_to_evaluate({PSA + "warn": "loud", PSA + "audit": "x", PSA + "enforce-version": "latest"})
    assert str(policy.warn) == "privileged:latest"
    assert str(policy.audit) == "privileged:latest"
    assert str(policy.enforce) == "privileged:latest"
    assert [e[0] for e in errs] == [PSA + "audit", PSA + "warn"]


def test_install_is_idempotent(api: APIServer) -> None:
    first = api.admission.get("PodSecurity")
    assert install(api) is first
    assert [p for p in api.admission.plugins if getattr(p, "name", "") == "PodSecurity"] == [first]
