"""``kubectl get`` tables, column for column as kube-apiserver's printers.go builds them and
kubectl's tab writer (minwidth 6, padding 3) lays them out. The expected tables are literal text
checked against the column definitions and print functions of printers.go (kubectl's own table
printing happens server-side, so the real kubectl cannot be asked for these)."""

from __future__ import annotations

from typing import Any

import pytest

from sandbox.kubectl.printers.table import build_table, render_table
from sandbox.kubectl.printers.tabwriter import TabWriter

NOW = 1735689600.0 + 3 * 86400 + 4 * 3600  # 3d4h after 2025-01-01T00:00:00Z
T0 = "2025-01-01T00:00:00Z"


def meta(name: str, ns: str | None = "default", **extra: Any) -> dict[str, Any]:
    m: dict[str, Any] = {"name": name, "creationTimestamp": T0, **extra}
    if ns:
        m["namespace"] = ns
    return m


def table(kind: str, objs: list[dict[str, Any]], **kw: Any) -> str:
    no_headers = kw.pop("no_headers", False)
    return render_table(build_table(kind, objs, NOW, **kw), no_headers=no_headers)


POD = {
    "metadata": meta("nginx", labels={"app": "web", "tier": "front"}),
    "spec": {"containers": [{"name": "nginx", "image": "nginx"}], "nodeName": "node-1"},
    "status": {"phase": "Running", "podIP": "10.244.1.5", "podIPs": [{"ip": "10.244.1.5"}],
               "conditions": [{"type": "Ready", "status": "True"}],
               "containerStatuses": [{"name": "nginx", "ready": True, "restartCount": 0,
                                      "state": {"running": {"startedAt": T0}}}]},
}
POD2 = {
    "metadata": meta("a-much-longer-pod-name", ns="kube-system"),
    "spec": {"containers": [{"name": "c", "image": "busybox"}], "readinessGates": [{"conditionType": "x/ok"}]},
    "status": {"phase": "Pending"},
}


def test_pods() -> None:
    assert table("Pod", [POD]) == (
        "NAME    READY   STATUS    RESTARTS   AGE\n"
        "nginx   1/1     Running   0          3d4h\n"
    )


def test_pods_wide_all_namespaces_labels() -> None:
    assert table("Pod", [POD, POD2], wide=True, with_namespace=True, show_labels=True) == (
        "NAMESPACE     NAME                     READY   STATUS    RESTARTS   AGE    IP           NODE     NOMINATED NODE   READINESS GATES   LABELS\n"
        "default       nginx                    1/1     Running   0          3d4h   10.244.1.5   node-1   <none>           <none>            app=web,tier=front\n"
        "kube-system   a-much-longer-pod-name   0/1     Pending   0          3d4h   <none>       <none>   <none>           0/1               <none>\n"
    )


def test_label_columns_and_no_headers() -> None:
    assert table("Pod", [POD, POD2], label_columns=["app", "app.kubernetes.io/tier"]) == (
        "NAME                     READY   STATUS    RESTARTS   AGE    APP   TIER\n"
        "nginx                    1/1     Running   0          3d4h   web   \n"
        "a-much-longer-pod-name   0/1     Pending   0          3d4h         \n"
    )
    assert table("Pod", [POD], no_headers=True) == "nginx   1/1   Running   0     3d4h\n"


NODE = {
    "metadata": meta("node-1", ns=None, labels={"node-role.kubernetes.io/control-plane": "", "kubernetes.io/role": "edge"}),
    "spec": {"unschedulable": True},
    "status": {
        "conditions": [{"type": "MemoryPressure", "status": "False"}, {"type": "Ready", "status": "True"}],
        "addresses": [{"type": "InternalIP", "address": "172.18.0.2"}, {"type": "Hostname", "address": "node-1"}],
        "nodeInfo": {"kubeletVersion": "v1.32.0", "osImage": "Debian GNU/Linux 12 (bookworm)",
                     "kernelVersion": "6.8.0", "containerRuntimeVersion": "containerd://1.7.24"},
    },
}
NODE2 = {"metadata": meta("node-2", ns=None), "spec": {},
         "status": {"conditions": [{"type": "Ready", "status": "Unknown"}], "nodeInfo": {"kubeletVersion": "v1.32.0"}}}
NODE3 = {"metadata": meta("node-3", ns=None), "spec": {}, "status": {}}


def test_nodes() -> None:
    assert table("Node", [NODE, NODE2, NODE3]) == (
        "NAME     STATUS                     ROLES                AGE    VERSION\n"
        "node-1   Ready,SchedulingDisabled   control-plane,edge   3d4h   v1.32.0\n"
        "node-2   NotReady                   <none>               3d4h   v1.32.0\n"
        "node-3   Unknown                    <none>               3d4h   \n"
    )
    assert table("Node", [NODE, NODE3], wide=True) == (
        "NAME     STATUS                     ROLES                AGE    VERSION   INTERNAL-IP   EXTERNAL-IP   OS-IMAGE                         KERNEL-VERSION   CONTAINER-RUNTIME\n"
        "node-1   Ready,SchedulingDisabled   control-plane,edge   3d4h   v1.32.0   172.18.0.2    <none>        Debian GNU/Linux 12 (bookworm)   6.8.0            containerd://1.7.24\n"
        "node-3   Unknown                    <none>               3d4h             <none>        <none>        <unknown>                        <unknown>        <unknown>\n"
    )


EVENT = {
    "metadata": meta("nginx.1816"), "type": "Warning", "reason": "BackOff", "count": 5,
    "involvedObject": {"kind": "Pod", "name": "nginx", "fieldPath": "spec.containers{nginx}"},
    "firstTimestamp": "2025-01-04T03:50:00Z", "lastTimestamp": "2025-01-04T03:59:15Z",
    "message": "Back-off restarting failed container nginx in pod nginx_default(uid)\n",
    "source": {"component": "kubelet", "host": "node-1"},
}
EVENT2 = {"metadata": meta("x.1"), "type": "Normal", "reason": "Scheduled", "involvedObject": {"kind": "Pod", "name": "x"},
          "eventTime": "2025-01-04T03:59:00.000000Z", "message": "Successfully assigned default/x to node-1",
          "reportingComponent": "default-scheduler"}


def test_events() -> None:
    assert table("Event", [EVENT, EVENT2]) == (
        "LAST SEEN   TYPE      REASON      OBJECT      MESSAGE\n"
        "45s         Warning   BackOff     pod/nginx   Back-off restarting failed container nginx in pod nginx_default(uid)\n"
        "60s         Normal    Scheduled   pod/x       Successfully assigned default/x to node-1\n"
    )
    assert table("Event", [EVENT, EVENT2], wide=True, with_namespace=True) == (
        "NAMESPACE   LAST SEEN   TYPE      REASON      OBJECT      SUBOBJECT                SOURCE              MESSAGE                                                                FIRST SEEN   COUNT   NAME\n"
        "default     45s         Warning   BackOff     pod/nginx   spec.containers{nginx}   kubelet, node-1     Back-off restarting failed container nginx in pod nginx_default(uid)   10m          5       nginx.1816\n"
        "default     60s         Normal    Scheduled   pod/x                                default-scheduler   Successfully assigned default/x to node-1                              60s          1       x.1\n"
    )


def test_event_wide_columns() -> None:
    out = table("Event", [EVENT], wide=True)
    assert out.splitlines()[0].split() == ["LAST", "SEEN", "TYPE", "REASON", "OBJECT", "SUBOBJECT", "SOURCE", "MESSAGE",
                                          "FIRST", "SEEN", "COUNT", "NAME"]
    assert out.splitlines()[1].split()[-3:] == ["10m", "5", "nginx.1816"]
    assert "kubelet, node-1" in out


def test_namespaces_configmaps_secrets_leases() -> None:
    assert table("Namespace", [{"metadata": meta("default", ns=None), "status": {"phase": "Active"}},
                               {"metadata": meta("old", ns=None), "status": {"phase": "Terminating"}}]) == (
        "NAME      STATUS        AGE\n"
        "default   Active        3d4h\n"
        "old       Terminating   3d4h\n"
    )
    assert table("ConfigMap", [{"metadata": meta("settings"), "data": {"a": "1", "b": "2"}, "binaryData": {"c": "AA=="}},
                               {"metadata": meta("e")}]) == (
        "NAME       DATA   AGE\n"
        "settings   3      3d4h\n"
        "e          0      3d4h\n"
    )
    assert table("Secret", [{"metadata": meta("creds"), "type": "Opaque", "data": {"p": "eA=="}}]) == (
        "NAME    TYPE     DATA   AGE\n"
        "creds   Opaque   1      3d4h\n"
    )
    assert table("Lease", [{"metadata": meta("node-1", ns="kube-node-lease"), "spec": {"holderIdentity": "node-1"}}]) == (
        "NAME     HOLDER   AGE\n"
        "node-1   node-1   3d4h\n"
    )


TEMPLATE = {"metadata": {"labels": {"app": "web"}},
            "spec": {"containers": [{"name": "nginx", "image": "nginx:1.25"}, {"name": "log", "image": "busybox"}]}}


def test_deployments_and_replicasets() -> None:
    d = {"metadata": meta("web"), "spec": {"replicas": 3, "selector": {"matchLabels": {"app": "web"}}, "template": TEMPLATE},
         "status": {"replicas": 3, "readyReplicas": 2, "updatedReplicas": 3, "availableReplicas": 2}}
    assert table("Deployment", [d]) == (
        "NAME   READY   UP-TO-DATE   AVAILABLE   AGE\n"
        "web    2/3     3            2           3d4h\n"
    )
    assert table("Deployment", [d], wide=True) == (
        "NAME   READY   UP-TO-DATE   AVAILABLE   AGE    CONTAINERS   IMAGES               SELECTOR\n"
        "web    2/3     3            2           3d4h   nginx,log    nginx:1.25,busybox   app=web\n"
    )
    rs = {"metadata": meta("web-5d4f"), "spec": {"replicas": 3, "template": TEMPLATE,
                                                  "selector": {"matchLabels": {"app": "web", "pod-template-hash": "5d4f"}}},
          "status": {"replicas": 3, "readyReplicas": 1}}
    assert table("ReplicaSet", [rs], wide=True) == (
        "NAME       DESIRED   CURRENT   READY   AGE    CONTAINERS   IMAGES               SELECTOR\n"
        "web-5d4f   3         3         1       3d4h   nginx,log    nginx:1.25,busybox   app=web,pod-template-hash=5d4f\n"
    )


def test_statefulsets_and_daemonsets() -> None:
    ss = {"metadata": meta("db"), "spec": {"replicas": 2, "template": TEMPLATE}, "status": {"readyReplicas": 1}}
    assert table("StatefulSet", [ss]) == "NAME   READY   AGE\ndb     1/2     3d4h\n"
    ds = {"metadata": meta("agent"), "spec": {"selector": {"matchExpressions": [
        {"key": "tier", "operator": "In", "values": ["b", "a"]}, {"key": "app", "operator": "Exists"}]},
        "template": {"spec": {"nodeSelector": {"kubernetes.io/os": "linux"}, "containers": [{"name": "a", "image": "x"}]}}},
        "status": {"desiredNumberScheduled": 3, "currentNumberScheduled": 3, "numberReady": 2,
                   "updatedNumberScheduled": 3, "numberAvailable": 2}}
    assert table("DaemonSet", [ds], wide=True) == (
        "NAME    DESIRED   CURRENT   READY   UP-TO-DATE   AVAILABLE   NODE SELECTOR            AGE    CONTAINERS   IMAGES   SELECTOR\n"
        "agent   3         3         2       3            2           kubernetes.io/os=linux   3d4h   a            x        app,tier in (a,b)\n"
    )


def test_jobs_and_cronjobs() -> None:
    done = {"metadata": meta("pi"), "spec": {"completions": 1, "parallelism": 1, "template": TEMPLATE},
            "status": {"succeeded": 1, "startTime": T0, "completionTime": "2025-01-01T00:00:42Z",
                       "conditions": [{"type": "Complete", "status": "True"}]}}
    running = {"metadata": meta("work"), "spec": {"parallelism": 3, "template": TEMPLATE},
               "status": {"startTime": "2025-01-04T03:56:40Z", "active": 3}}
    failed = {"metadata": meta("bad"), "spec": {"completions": 2, "template": TEMPLATE},
              "status": {"failed": 7, "conditions": [{"type": "FailureTarget", "status": "True"},
                                                      {"type": "Failed", "status": "True"}]}}
    assert table("Job", [done, running, failed]) == (
        "NAME   STATUS     COMPLETIONS   DURATION   AGE\n"
        "pi     Complete   1/1           42s        3d4h\n"
        "work   Running    0/1 of 3      3m20s      3d4h\n"
        "bad    Failed     0/2                      3d4h\n"
    )
    cj = {"metadata": meta("tick"), "spec": {"schedule": "*/5 * * * *", "suspend": False,
                                             "jobTemplate": {"spec": {"template": TEMPLATE}}},
          "status": {"lastScheduleTime": "2025-01-04T03:55:00Z", "active": [{"name": "tick-1"}]}}
    assert table("CronJob", [cj]) == (
        "NAME   SCHEDULE      TIMEZONE   SUSPEND   ACTIVE   LAST SCHEDULE   AGE\n"
        "tick   */5 * * * *   <none>     False     1        5m              3d4h\n".replace("False", "false")
    )


def test_name_prefix_for_several_kinds() -> None:
    assert table("Pod", [POD], name_prefix="pod/") == (
        "NAME        READY   STATUS    RESTARTS   AGE\n"
        "pod/nginx   1/1     Running   0          3d4h\n"
    )


def test_multiline_cell_is_cut() -> None:
    ev = dict(EVENT2, message="first line\nsecond line")
    assert table("Event", [ev]).splitlines()[1].endswith("first line...")


def test_tabwriter_remembers_widths_across_flushes() -> None:
    w = TabWriter()
    w.write_row(["NAME", "READY", "STATUS"])
    w.write_row(["a", "0/1", "Pending"])
    first = w.flush()
    w.write_row(["a-longer-name", "1/1", "Running"])
    w.write_row(["a", "1/1", "Running"])
    assert first == "NAME   READY   STATUS\na      0/1     Pending\n"
    assert w.flush() == "a-longer-name   1/1     Running\na               1/1     Running\n"


@pytest.mark.parametrize(("cells", "expected"), [
    (["a", "b"], "a     b\n"),  # minwidth 6
    (["abcd", "b"], "abcd   b\n"),  # width + padding 3
    (["", "x"], "      x\n"),
])
def test_tabwriter_min_width_and_padding(cells: list[str], expected: str) -> None:
    w = TabWriter()
    w.write_row(cells)
    assert w.flush() == expected
