"""ValidatePodUpdate, ValidateObjectMetaUpdate, status and ephemeral-container updates."""

import copy

from sandbox.api.defaults import apply_defaults
from sandbox.api.validation import (
    validate_ephemeral_containers_update,
    validate_status_update,
    validate_update,
)
from sandbox.errors import Invalid

ALLOWED = (
    "`spec.containers[*].image`,`spec.initContainers[*].image`,`spec.activeDeadlineSeconds`,"
    "`spec.tolerations` (only additions to existing tolerations),"
    "`spec.terminationGracePeriodSeconds` (allow it to be set to 1 if it was previously negative)"
)


def base():
    p = {"kind": "Pod", "metadata": {"name": "web", "namespace": "default", "uid": "u1", "resourceVersion": "5"},
         "spec": {"containers": [{"name": "app", "image": "nginx:1.27"}]}}
    return apply_defaults(p)


def msgs(new, old):
    return [str(e) for e in validate_update(new, old)]


def test_allowed_changes():
    old = base()
    new = copy.deepcopy(old)
    new["spec"]["containers"][0]["image"] = "nginx:1.28"
    new["spec"]["activeDeadlineSeconds"] = 60
    new["spec"]["tolerations"] = [{"key": "k", "operator": "Exists"}]
    new["metadata"]["labels"] = {"tier": "web"}
    assert msgs(new, old) == []


def test_active_deadline_rules():
    old = base()
    old["spec"]["activeDeadlineSeconds"] = 30
    raised = copy.deepcopy(old)
    raised["spec"]["activeDeadlineSeconds"] = 60
    assert msgs(raised, old) == ["spec.activeDeadlineSeconds: Invalid value: 60: must be less than or equal to previous value"]
    removed = copy.deepcopy(old)
    del removed["spec"]["activeDeadlineSeconds"]
    assert msgs(removed, old) == ["spec.activeDeadlineSeconds: Invalid value: null: must not update from a positive integer to nil value"]


def test_forbidden_spec_change_message_with_diff():
    old = base()
    new = copy.deepcopy(old)
    new["spec"]["restartPolicy"] = "Never"
    got = str(Invalid.for_kind("Pod", "web", validate_update(new, old)))
    assert got == (
        'Pod "web" is invalid: spec: Forbidden: pod updates may not change fields other than ' + ALLOWED + "\n"
        "  core.PodSpec{\n"
        "  \t... // 2 identical fields\n"
        "  \tContainers: {{Name: \"app\", Image: \"nginx:1.27\", TerminationMessagePath: \"/dev/termination-log\", TerminationMessagePolicy: \"File\", ImagePullPolicy: \"IfNotPresent\"}},\n"
        "  \tEphemeralContainers: nil,\n"
        "- \tRestartPolicy: \"Always\",\n"
        "+ \tRestartPolicy: \"Never\",\n"
        "  \tTerminationGracePeriodSeconds: &30,\n"
        "  \tActiveDeadlineSeconds: nil,\n"
        "  \t... // 27 identical fields\n"
        "  }\n"
    )


def test_adding_containers_is_forbidden():
    old = base()
    new = copy.deepcopy(old)
    new["spec"]["containers"].append({"name": "b", "image": "busybox", "imagePullPolicy": "Always", "terminationMessagePolicy": "File"})
    assert msgs(new, old) == ["spec.containers: Forbidden: pod updates may not add or remove containers"]


def test_metadata_immutable_and_finalizers():
    old = base()
    old["metadata"]["deletionTimestamp"] = "2024-01-01T00:00:00Z"
    new = copy.deepcopy(old)
    new["metadata"]["uid"] = "u2"
    new["metadata"]["finalizers"] = ["example.com/x"]
    assert msgs(new, old) == [
        'metadata.finalizers: Forbidden: no new finalizers can be added if the object is being deleted, found new finalizers []string{"example.com/x"}',
        'metadata.uid: Invalid value: "u2": field is immutable',
    ]


def test_tolerations_only_added_and_gates_only_removed():
    old = base()
    old["spec"]["tolerations"] = [{"key": "a", "operator": "Exists"}]
    old["spec"]["schedulingGates"] = [{"name": "g1"}]
    new = copy.deepcopy(old)
    new["spec"]["tolerations"] = [{"key": "b", "operator": "Exists"}]
    new["spec"]["schedulingGates"] = [{"name": "g2"}]
    assert msgs(new, old) == [
        "spec.tolerations: Forbidden: existing toleration can not be modified except its tolerationSeconds",
        "spec.schedulingGates[0].name: Forbidden: only deletion is allowed, but found new scheduling gate 'g2'",
    ]


def test_status_update_rules():
    old = base()
    old["spec"]["restartPolicy"] = "Never"
    old["status"] = {"qosClass": "BestEffort", "containerStatuses": [{"name": "app", "state": {"terminated": {"exitCode": 0}}}]}
    new = copy.deepcopy(old)
    new["status"]["qosClass"] = "Burstable"
    new["status"]["containerStatuses"][0]["state"] = {"running": {}}
    assert [str(e) for e in validate_status_update(new, old)] == [
        'status.qosClass: Invalid value: "Burstable": field is immutable',
        "status.containerStatuses[0].state: Forbidden: may not be transitioned to non-terminated state",
    ]


def test_ephemeral_containers_may_not_be_removed():
    old = base()
    old["spec"]["ephemeralContainers"] = [{"name": "debug", "image": "busybox", "imagePullPolicy": "Always", "terminationMessagePolicy": "File"}]
    new = copy.deepcopy(old)
    new["spec"]["ephemeralContainers"] = []
    assert [str(e) for e in validate_ephemeral_containers_update(new, old)] == [
        'spec.ephemeralContainers: Forbidden: existing ephemeral containers "debug" may not be removed\n'
    ]
