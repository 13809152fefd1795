"""Validation gives Kubernetes' own messages, field paths and order (validation.go, validation_test.go)."""

import copy

import pytest

from sandbox.api.defaults import apply_defaults
from sandbox.api.validation import validate_create, validate_update
from sandbox.errors import Invalid

SUBDOMAIN = (
    "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must "
    "start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is "
    "'[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')"
)
LABEL = (
    "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start "
    "and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is "
    "'[a-z0-9]([-a-z0-9]*[a-z0-9])?')"
)


def pod(name="web", **spec_changes):
    p = {
        "apiVersion": "v1",
        "kind": "Pod",
        "metadata": {"name": name, "namespace": "default"},
        "spec": {"containers": [{"name": "app", "image": "nginx:1.27"}]},
    }
    p["spec"].update(spec_changes)
    return p


def message(obj):
    apply_defaults(obj)
    name = obj["metadata"].get("name", "")
    return str(Invalid.for_kind(obj["kind"], name, validate_create(obj)))


def ctr(**kw):
    c = {"name": "app", "image": "nginx:1.27"}
    c.update(kw)
    return c


CASES = [
    ("valid pod", pod(), 'Pod "web" is invalid'),
    ("bad name", pod("Bad_Name"), f'Pod "Bad_Name" is invalid: metadata.name: Invalid value: "Bad_Name": {SUBDOMAIN}'),
    ("no containers", pod(containers=[]), 'Pod "web" is invalid: spec.containers: Required value'),
    ("no image", pod(containers=[{"name": "app"}]), 'Pod "web" is invalid: spec.containers[0].image: Required value'),
    ("no container name", pod(containers=[{"image": "nginx"}]), 'Pod "web" is invalid: spec.containers[0].name: Required value'),
    ("bad container name", pod(containers=[ctr(name="App")]), f'Pod "web" is invalid: spec.containers[0].name: Invalid value: "App": {LABEL}'),
    (
        "duplicate container names",
        pod(containers=[ctr(), ctr()]),
        'Pod "web" is invalid: spec.containers[1].name: Duplicate value: "app"',
    ),
    (
        "init container named like a container",
        pod(initContainers=[ctr(image="busybox")]),
        'Pod "web" is invalid: spec.initContainers[0].name: Duplicate value: "app"',
    ),
    (
        "port out of range",
        pod(containers=[ctr(ports=[{"containerPort": 70000}])]),
        'Pod "web" is invalid: spec.containers[0].ports[0].containerPort: Invalid value: 70000: must be between 1 and 65535, inclusive',
    ),
    (
        "duplicate hostPort",
        pod(containers=[ctr(ports=[{"containerPort": 80, "hostPort": 8080}]), ctr(name="b", ports=[{"containerPort": 81, "hostPort": 8080}])]),
        'Pod "web" is invalid: spec.containers[1].ports[0].hostPort: Duplicate value: "TCP//8080"',
    ),
    (
        "bad protocol",
        pod(containers=[ctr(ports=[{"containerPort": 80, "protocol": "HTTP"}])]),
        'Pod "web" is invalid: spec.containers[0].ports[0].protocol: Unsupported value: "HTTP": supported values: "SCTP", "TCP", "UDP"',
    ),
    (
        "unknown volume",
        pod(containers=[ctr(volumeMounts=[{"name": "x", "mountPath": "/data"}])]),
        'Pod "web" is invalid: spec.containers[0].volumeMounts[0].name: Not found: "x"',
    ),
    (
        "two probe handlers",
        pod(containers=[ctr(livenessProbe={"exec": {"command": ["true"]}, "httpGet": {"port": 80}})]),
        'Pod "web" is invalid: spec.containers[0].livenessProbe.httpGet: Forbidden: may not specify more than 1 handler type',
    ),
    (
        "probe without handler",
        pod(containers=[ctr(readinessProbe={"periodSeconds": 5})]),
        'Pod "web" is invalid: spec.containers[0].readinessProbe: Required value: must specify a handler type',
    ),
    (
        "liveness successThreshold",
        pod(containers=[ctr(livenessProbe={"exec": {"command": ["true"]}, "successThreshold": 2})]),
        'Pod "web" is invalid: spec.containers[0].livenessProbe.successThreshold: Invalid value: 2: must be 1',
    ),
    (
        "startup successThreshold",
        pod(containers=[ctr(startupProbe={"tcpSocket": {"port": 80}, "successThreshold": 3})]),
        'Pod "web" is invalid: spec.containers[0].startupProbe.successThreshold: Invalid value: 3: must be 1',
    ),
    (
        "restartPolicy",
        pod(restartPolicy="Sometimes"),
        'Pod "web" is invalid: spec.restartPolicy: Unsupported value: "Sometimes": supported values: "Always", "OnFailure", "Never"',
    ),
    (
        "container restartPolicy on a regular container",
        pod(containers=[ctr(restartPolicy="Always")]),
        'Pod "web" is invalid: spec.containers[0].restartPolicy: Forbidden: may not be set for non-init containers',
    ),
    (
        "init container restartPolicy Never",
        pod(initContainers=[ctr(name="init", restartPolicy="Never")]),
        'Pod "web" is invalid: spec.initContainers[0].restartPolicy: Unsupported value: "Never": supported values: "Always"',
    ),
    (
        "probe on a plain init container",
        pod(initContainers=[ctr(name="init", readinessProbe={"exec": {"command": ["true"]}})]),
        'Pod "web" is invalid: spec.initContainers[0].readinessProbe: Forbidden: may not be set for init containers without restartPolicy=Always',
    ),
    (
        "imagePullPolicy",
        pod(containers=[ctr(imagePullPolicy="Sometimes")]),
        'Pod "web" is invalid: spec.containers[0].imagePullPolicy: Unsupported value: "Sometimes": supported values: "Always", "IfNotPresent", "Never"',
    ),
    (
        "requests above limits",
        pod(containers=[ctr(resources={"limits": {"cpu": "500m"}, "requests": {"cpu": "1"}})]),
        'Pod "web" is invalid: spec.containers[0].resources.requests: Invalid value: "1": must be less than or equal to cpu limit of 500m',
    ),
    (
        "negative quantity",
        pod(containers=[ctr(resources={"requests": {"memory": "-1Gi"}})]),
        'Pod "web" is invalid: spec.containers[0].resources.requests[memory]: Invalid value: "-1Gi": must be greater than or equal to 0',
    ),
    (
        "unknown resource",
        pod(containers=[ctr(resources={"limits": {"gpu": "1"}})]),
        'Pod "web" is invalid: [spec.containers[0].resources.limits[gpu]: Invalid value: gpu: must be a standard resource type or fully qualified, '
        "spec.containers[0].resources.limits[gpu]: Invalid value: gpu: must be a standard resource for containers, "
        # defaulting copied the limit into requests first, so requests are refused too
        "spec.containers[0].resources.requests[gpu]: Invalid value: gpu: must be a standard resource type or fully qualified, "
        "spec.containers[0].resources.requests[gpu]: Invalid value: gpu: must be a standard resource for containers]",
    ),
    (
        "env var name",
        pod(containers=[ctr(env=[{"name": "A=B", "value": "x"}])]),
        'Pod "web" is invalid: spec.containers[0].env[0].name: Invalid value: "A=B": a valid environment variable name must consist only of printable ASCII characters other than \'=\'',
    ),
    (
        "dnsPolicy",
        pod(dnsPolicy="Google"),
        'Pod "web" is invalid: spec.dnsPolicy: Unsupported value: "Google": supported values: "ClusterFirstWithHostNet", "ClusterFirst", "Default", "None"',
    ),
    (
        "hostNetwork port mismatch",
        pod(hostNetwork=True, containers=[ctr(ports=[{"containerPort": 80, "hostPort": 81}])]),
        'Pod "web" is invalid: spec.containers[0].ports[0].hostPort: Invalid value: 81: must match `containerPort` when `hostNetwork` is true',
    ),
    (
        "runAsUser",
        pod(containers=[ctr(securityContext={"runAsUser": -1})]),
        'Pod "web" is invalid: spec.containers[0].securityContext.runAsUser: Invalid value: -1: must be between 0 and 4294967295, inclusive',
    ),
    (
        "toleration seconds without NoExecute",
        pod(tolerations=[{"key": "k", "operator": "Exists", "effect": "NoSchedule", "tolerationSeconds": 5}]),
        "Pod \"web\" is invalid: spec.tolerations[0].effect: Invalid value: \"NoSchedule\": effect must be 'NoExecute' when `tolerationSeconds` is set",
    ),
    (
        "toleration empty key",
        pod(tolerations=[{"operator": "Equal", "value": "x"}]),
        'Pod "web" is invalid: spec.tolerations[0].operator: Invalid value: "Equal": operator must be Exists when `key` is empty, which means "match all values and all keys"',
    ),
    (
        "node affinity without terms",
        pod(affinity={"nodeAffinity": {"requiredDuringSchedulingIgnoredDuringExecution": {"nodeSelectorTerms": []}}}),
        'Pod "web" is invalid: spec.affinity.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution.nodeSelectorTerms: Required value: must have at least one node selector term',
    ),
    (
        "topology spread",
        pod(topologySpreadConstraints=[{"maxSkew": 0, "topologyKey": "zone", "whenUnsatisfiable": "Maybe"}]),
        'Pod "web" is invalid: [spec.topologySpreadConstraints[0].maxSkew: Invalid value: 0: must be greater than zero, '
        'spec.topologySpreadConstraints[0].whenUnsatisfiable: Unsupported value: "Maybe": supported values: "DoNotSchedule", "ScheduleAnyway"]',
    ),
    (
        "activeDeadlineSeconds",
        pod(activeDeadlineSeconds=0),
        'Pod "web" is invalid: spec.activeDeadlineSeconds: Invalid value: 0: must be between 1 and 2147483647, inclusive',
    ),
    (
        "windows forbids runAsUser",
        pod(os={"name": "windows"}, securityContext={"runAsUser": 1000}),
        'Pod "web" is invalid: spec.securityContext.runAsUser: Forbidden: cannot be set for a windows pod',
    ),
    (
        "unsupported os",
        pod(os={"name": "plan9"}),
        'Pod "web" is invalid: spec.os: Unsupported value: "plan9": supported values: "linux", "windows"',
    ),
    (
        "ephemeral containers on create",
        pod(ephemeralContainers=[{"name": "debug", "image": "busybox"}]),
        'Pod "web" is invalid: spec.ephemeralContainers: Forbidden: cannot be set on create',
    ),
    (
        "bad label value",
        {**pod(), "metadata": {"name": "web", "namespace": "default", "labels": {"app": "-x"}}},
        "Pod \"web\" is invalid: metadata.labels: Invalid value: \"-x\": a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')",
    ),
    (
        "no name",
        {**pod(), "metadata": {"namespace": "default"}},
        'Pod "" is invalid: metadata.name: Required value: name or generateName is required',
    ),
    (
        "several errors at once, in Kubernetes' order",
        pod("Bad_Name", containers=[{"name": "App"}], restartPolicy="Sometimes"),
        f'Pod "Bad_Name" is invalid: [metadata.name: Invalid value: "Bad_Name": {SUBDOMAIN}, '
        f'spec.containers[0].name: Invalid value: "App": {LABEL}, '
        "spec.containers[0].image: Required value, "
        'spec.restartPolicy: Unsupported value: "Sometimes": supported values: "Always", "OnFailure", "Never"]',
    ),
]


@pytest.mark.parametrize(("case", "obj", "expected"), CASES, ids=[c[0] for c in CASES])
def test_pod_create_messages(case, obj, expected):
    assert message(copy.deepcopy(obj)) == expected


OTHER = [
    (
        "namespace name is a label",
        {"kind": "Namespace", "metadata": {"name": "My.NS"}},
        f'Namespace "My.NS" is invalid: metadata.name: Invalid value: "My.NS": {LABEL}',
    ),
    (
        "configmap key",
        {"kind": "ConfigMap", "metadata": {"name": "cfg", "namespace": "default"}, "data": {"a b": "x"}},
        "ConfigMap \"cfg\" is invalid: data[a b]: Invalid value: \"a b\": a valid config key must consist of alphanumeric characters, '-', '_' or '.' (e.g. 'key.name',  or 'KEY_NAME',  or 'key-name', regex used for validation is '[-._a-zA-Z0-9]+')",
    ),
    (
        "secret too big",
        {"kind": "Secret", "metadata": {"name": "s", "namespace": "default"}, "data": {"k": "A" * (1024 * 1024 * 4 // 3 + 8)}},
        'Secret "s" is invalid: data: Too long: may not be more than 1048576 bytes',
    ),
    (
        "tls secret needs its keys",
        {"kind": "Secret", "type": "kubernetes.io/tls", "metadata": {"name": "s", "namespace": "default"}},
        'Secret "s" is invalid: [data[tls.crt]: Required value, data[tls.key]: Required value]',
    ),
    (
        "node taint effect",
        {"kind": "Node", "metadata": {"name": "n1"}, "spec": {"taints": [{"key": "k", "effect": "Never"}]}},
        'Node "n1" is invalid: metadata.taints[0].effect: Unsupported value: "Never": supported values: "NoSchedule", "PreferNoSchedule", "NoExecute"',
    ),
    (
        "deployment without selector",
        {"kind": "Deployment", "metadata": {"name": "d", "namespace": "default"}, "spec": {"template": {"metadata": {"labels": {"app": "x"}}, "spec": {"containers": [{"name": "c", "image": "nginx"}]}}}},
        'Deployment.apps "d" is invalid: [spec.selector: Required value, spec.template.metadata.labels: Invalid value: map[string]string{"app":"x"}: `selector` does not match template `labels`]',
    ),
    (
        "deployment negative replicas",
        {"kind": "Deployment", "metadata": {"name": "d", "namespace": "default"}, "spec": {"replicas": -1, "selector": {"matchLabels": {"app": "x"}}, "template": {"metadata": {"labels": {"app": "x"}}, "spec": {"containers": [{"name": "c", "image": "nginx"}]}}}},
        'Deployment.apps "d" is invalid: spec.replicas: Invalid value: -1: must be greater than or equal to 0',
    ),
    (
        "job restartPolicy",
        {"kind": "Job", "metadata": {"name": "j", "namespace": "default"}, "spec": {"selector": {"matchLabels": {"job": "j"}}, "template": {"metadata": {"labels": {"job": "j"}}, "spec": {"containers": [{"name": "c", "image": "busybox"}]}}}},
        'Job.batch "j" is invalid: spec.template.spec.restartPolicy: Unsupported value: "Always": supported values: "OnFailure", "Never"',
    ),
]


@pytest.mark.parametrize(("case", "obj", "expected"), OTHER, ids=[c[0] for c in OTHER])
def test_other_kinds(case, obj, expected):
    apply_defaults(obj)
    group = "apps" if obj["kind"] == "Deployment" else "batch" if obj["kind"] == "Job" else ""
    got = str(Invalid.for_kind(obj["kind"], obj["metadata"]["name"], validate_create(obj), group=group))
    assert got == expected


def _dep(selector):
    return {
        "kind": "Deployment",
        "metadata": {"name": "d", "namespace": "default", "resourceVersion": "1"},
        "spec": {"selector": {"matchLabels": selector}, "template": {"metadata": {"labels": {"app": "x", "v": "2"}}, "spec": {"containers": [{"name": "c", "image": "nginx"}]}}},
    }


def test_deployment_selector_is_immutable():
    old, new = _dep({"app": "x"}), _dep({"v": "2"})
    apply_defaults(old)
    apply_defaults(new)
    assert [str(e) for e in validate_update(new, old)] == [
        'spec.selector: Invalid value: v1.LabelSelector{MatchLabels:map[string]string{"v":"2"}, MatchExpressions:[]v1.LabelSelectorRequirement(nil)}: field is immutable'
    ]


def test_statefulset_forbidden_update():
    def sts(policy):
        return {
            "kind": "StatefulSet",
            "metadata": {"name": "s", "namespace": "default", "resourceVersion": "1"},
            "spec": {"serviceName": "s", "podManagementPolicy": policy, "selector": {"matchLabels": {"app": "s"}}, "template": {"metadata": {"labels": {"app": "s"}}, "spec": {"containers": [{"name": "c", "image": "nginx"}]}}},
        }

    old, new = apply_defaults(sts("OrderedReady")), apply_defaults(sts("Parallel"))
    assert [str(e) for e in validate_update(new, old)] == [
        "spec: Forbidden: updates to statefulset spec for fields other than 'replicas', 'ordinals', 'template', "
        "'updateStrategy', 'persistentVolumeClaimRetentionPolicy' and 'minReadySeconds' are forbidden"
    ]
