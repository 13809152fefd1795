"""kubectl commands against a running sandbox cluster: the lines kubectl 1.32 prints, its errors,
exit codes, and the effect on the cluster (on virtual time)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from sandbox.cluster import Cluster
from sandbox.kubectl import KubectlResult, run

POD = """\
apiVersion: v1
kind: Pod
metadata: {name: nginx, labels: {app: web}}
spec:
  containers: [{name: nginx, image: nginx:1.25}]
"""
BAD = """\
apiVersion: v1
kind: Pod
metadata: {name: bad}
spec:
  containers: [{name: Bad_Name, image: nginx}]
"""
DEPLOY = """\
apiVersion: apps/v1
kind: Deployment
metadata: {name: web}
spec:
  replicas: 2
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec:
      containers: [{name: nginx, image: nginx:1.25}]
"""
WORKLOADS = Path(__file__).parent / "manifests" / "golden.yaml"


@pytest.fixture
def files(tmp_path: Path) -> Path:
    (tmp_path / "pod.yaml").write_text(POD)
    (tmp_path / "bad.yaml").write_text(BAD)
    (tmp_path / "deploy.yaml").write_text(DEPLOY)
    return tmp_path


@pytest.fixture
def cluster() -> Iterator[Cluster]:
    with Cluster(nodes=1, seed=1) as c:
        yield c


@pytest.fixture(scope="module")
def busy() -> Iterator[Cluster]:
    """Every kind of pod state, two minutes in (read-only tests)."""
    with Cluster(nodes=2, seed=1) as c:
        c.apply(str(WORKLOADS))
        c.advance(130)
        yield c


def k(c: Cluster, cmd: str | list[str]) -> KubectlResult:
    return run(c, cmd)


# ----------------------------------------------------------------------------- get


def test_empty_namespace_says_so_on_stderr(cluster: Cluster) -> None:
    r = k(cluster, "kubectl get pods")
    assert (r.stdout, r.stderr, r.exit_code) == ("", "No resources found in default namespace.\n", 0)
    assert k(cluster, "get pods -A").stderr == "No resources found\n"
    assert k(cluster, "get pods -n kube-system").stderr == "No resources found in kube-system namespace.\n"
    assert k(cluster, "get pods -o name").output == ""


def test_get_after_apply_and_time(cluster: Cluster, files: Path) -> None:
    assert k(cluster, f"apply -f {files}/pod.yaml").stdout == "pod/nginx created\n"
    assert k(cluster, "get pods").stdout == "NAME    READY   STATUS    RESTARTS   AGE\nnginx   0/1     Pending   0          0s\n"
    cluster.advance(30)
    assert k(cluster, "get po nginx").stdout == (
        "NAME    READY   STATUS    RESTARTS   AGE\nnginx   1/1     Running   0          30s\n")
    wide = k(cluster, "get pods -o wide").stdout.splitlines()
    assert wide[0].split() == ["NAME", "READY", "STATUS", "RESTARTS", "AGE", "IP", "NODE", "NOMINATED", "NODE",
                               "READINESS", "GATES"]
    assert wide[1].split()[-3:] == ["node-1", "<none>", "<none>"]
    assert k(cluster, "get pods -L app --no-headers").stdout == "nginx   1/1   Running   0     30s   web\n"


def test_watch_prints_a_row_per_change_on_virtual_time(cluster: Cluster, files: Path) -> None:
    k(cluster, f"apply -f {files}/pod.yaml")
    r = k(cluster, "get pods -w --for=10s")
    lines = r.stdout.splitlines()
    assert lines[0] == "NAME    READY   STATUS    RESTARTS   AGE"
    assert lines[1] == "nginx   0/1     Pending   0          0s"
    assert "nginx   0/1     ContainerCreating   0          0s" in lines
    assert lines[-1] == "nginx   1/1     Running             0          2s"
    assert cluster.elapsed == pytest.approx(10)
    events = k(cluster, "get pods -w --output-watch-events --for=5s").stdout
    assert events == "EVENT   NAME    READY   STATUS    RESTARTS   AGE\nADDED   nginx   1/1     Running   0          10s\n"


def test_sort_by_and_selectors(busy: Cluster) -> None:
    names = k(busy, "get pods --sort-by=.metadata.name -o name").stdout.splitlines()
    assert names == sorted(names)
    assert k(busy, "get pods -l app=api -o name").stdout.count("pod/api-") == 2
    assert k(busy, "get pods --field-selector=status.phase=Succeeded -o name").stdout.splitlines()[0] == "pod/done"


def test_get_all_groups_kinds(busy: Cluster) -> None:
    out = k(busy, "get all").stdout
    blocks = out.split("\n\n")
    assert blocks[0].splitlines()[0].split() == ["NAME", "READY", "STATUS", "RESTARTS", "AGE"]
    assert blocks[0].splitlines()[1].startswith("pod/")
    heads = [b.splitlines()[1].split("/")[0] for b in blocks if b]
    if "service" in heads:  # service/kubernetes, when the cluster serves Services
        assert heads.index("service") == 1
        heads.remove("service")
    assert heads == ["pod", "daemonset.apps", "deployment.apps", "replicaset.apps", "statefulset.apps",
                     "cronjob.batch", "job.batch"]


def test_pod_states_in_the_status_column(busy: Cluster) -> None:
    rows = {line.split()[0]: line.split() for line in k(busy, "get pods").stdout.splitlines()[1:]}
    assert rows["crash"][2] == "CrashLoopBackOff"
    assert rows["crash"][3] == "4" and rows["crash"][4].startswith("(") and rows["crash"][5] == "ago)"
    assert rows["init-demo"][1:3] == ["0/1", "Init:0/2"]
    assert rows["sidecar"][1:3] == ["2/2", "Running"]
    assert rows["done"][1:3] == ["0/1", "Completed"]
    assert rows["badimage"][2] == "ImagePullBackOff"
    assert rows["unschedulable"][2] == "Pending"


# ----------------------------------------------------------------------------- apply / create / delete


def test_apply_create_and_errors(cluster: Cluster, files: Path) -> None:
    assert k(cluster, f"apply -f {files}/pod.yaml").stdout == "pod/nginx created\n"
    assert k(cluster, f"apply -f {files}/pod.yaml").stdout == "pod/nginx unchanged\n"
    r = k(cluster, f"create -f {files}/pod.yaml")
    assert r.stderr == (f'Error from server (AlreadyExists): error when creating "{files}/pod.yaml": '
                        'pods "nginx" already exists\n')
    assert r.exit_code == 1
    r = k(cluster, f"apply -f {files}/bad.yaml")
    assert r.stderr.startswith('The Pod "bad" is invalid: spec.containers[0].name: Invalid value: "Bad_Name": '
                               "a lowercase RFC 1123 label must consist of")
    assert r.exit_code == 1
    assert k(cluster, "apply").stderr == "error: must specify one of -f and -k\n"
    assert k(cluster, f"apply -f {files}/nope.yaml").stderr == f'error: the path "{files}/nope.yaml" does not exist\n'


def test_apply_a_folder(cluster: Cluster, files: Path) -> None:
    (files / "bad.yaml").unlink()
    assert k(cluster, f"apply -f {files}").stdout == "deployment.apps/web created\npod/nginx created\n"


def test_delete_waits_for_the_pod_to_go(cluster: Cluster, files: Path) -> None:
    k(cluster, f"apply -f {files}/pod.yaml")
    cluster.advance(10)
    r = k(cluster, "delete pod nginx")
    assert (r.stdout, r.stderr, r.exit_code) == ('pod "nginx" deleted\n', "", 0)
    assert k(cluster, "get pods").stderr == "No resources found in default namespace.\n"
    assert k(cluster, "delete pod nginx").stderr == 'Error from server (NotFound): pods "nginx" not found\n'


def test_delete_without_waiting_leaves_it_terminating(cluster: Cluster, files: Path) -> None:
    k(cluster, f"apply -f {files}/pod.yaml")
    cluster.advance(10)
    assert k(cluster, "delete pod/nginx --wait=false").stdout == 'pod "nginx" deleted\n'
    assert k(cluster, "get pods").stdout.splitlines()[1].split()[2] == "Terminating"
    r = k(cluster, "delete pod nginx --force --grace-period=0")
    assert r.stdout == 'pod "nginx" force deleted\n'
    assert r.stderr == ("Warning: Immediate deletion does not wait for confirmation that the running resource has "
                        "been terminated. The resource may continue to run on the cluster indefinitely.\n")


def test_delete_by_file_and_selector(cluster: Cluster, files: Path) -> None:
    k(cluster, f"apply -f {files}/deploy.yaml")
    assert k(cluster, f"delete -f {files}/deploy.yaml").stdout == 'deployment.apps "web" deleted\n'
    assert k(cluster, "delete pods -l app=nothing").stderr == "No resources found\n"
    assert k(cluster, "delete pods").stderr == "error: resource(s) were provided, but no name was specified\n"
    assert k(cluster, "delete").stderr.startswith("error: You must provide one or more resources by argument or filename.")


# ----------------------------------------------------------------------------- labels, patches, nodes


def test_label_annotate_patch(cluster: Cluster, files: Path) -> None:
    k(cluster, f"apply -f {files}/pod.yaml")
    assert k(cluster, "label pod nginx tier=front").stdout == "pod/nginx labeled\n"
    r = k(cluster, "label pod nginx app=x")
    assert (r.stderr, r.exit_code) == ("error: 'app' already has a value (web), and --overwrite is false\n", 1)
    assert k(cluster, "label pod nginx app=x --overwrite").stdout == "pod/nginx labeled\n"
    assert k(cluster, "label pod nginx tier-").stdout == "pod/nginx unlabeled\n"
    assert k(cluster, "annotate pod nginx note=hi").stdout == "pod/nginx annotated\n"
    assert cluster.get("pod", "nginx").metadata.labels == {"app": "x"}
    assert k(cluster, ["patch", "pod", "nginx", "-p", '{"metadata":{"labels":{"p":"1"}}}']).stdout == "pod/nginx patched\n"
    assert k(cluster, ["patch", "pod", "nginx", "-p", '{"metadata":{"labels":{"p":"1"}}}']).stdout == (
        "pod/nginx patched (no change)\n")
    assert k(cluster, "label pod nginx").stderr == "error: at least one label update is required\n"


def test_nodes_cordon_and_taint(cluster: Cluster) -> None:
    assert k(cluster, "cordon node-1").stdout == "node/node-1 cordoned\n"
    assert k(cluster, "cordon node-1").stdout == "node/node-1 already cordoned\n"
    assert k(cluster, "get nodes").stdout.splitlines()[1].split()[1] == "Ready,SchedulingDisabled"
    assert k(cluster, "uncordon node-1").stdout == "node/node-1 uncordoned\n"
    assert k(cluster, "taint nodes node-1 gpu=true:NoSchedule").stdout == "node/node-1 tainted\n"
    assert k(cluster, "get node node-1 -o jsonpath={.spec.taints}").stdout == (
        '[{"effect":"NoSchedule","key":"gpu","value":"true"}]')
    assert k(cluster, "taint nodes node-1 gpu:NoSchedule-").stdout == "node/node-1 untainted\n"


# ----------------------------------------------------------------------------- deployments


def test_scale_and_rollout(cluster: Cluster, files: Path) -> None:
    k(cluster, f"apply -f {files}/deploy.yaml")
    assert k(cluster, "rollout status deployment/web").stdout == (
        'Waiting for deployment "web" rollout to finish: 0 of 2 updated replicas are available...\n'
        'deployment "web" successfully rolled out\n')
    assert k(cluster, "scale deployment web --replicas=3").stdout == "deployment.apps/web scaled\n"
    k(cluster, "rollout status deploy/web")
    assert k(cluster, "get deploy web").stdout.splitlines()[1].split()[1] == "3/3"
    k(cluster, ["patch", "deploy", "web", "-p",
                '{"spec":{"template":{"spec":{"containers":[{"name":"nginx","image":"nginx:1.26"}]}}}}'])
    assert k(cluster, "rollout status deployment/web").stdout.endswith('deployment "web" successfully rolled out\n')
    assert k(cluster, "rollout history deployment/web").stdout == (
        "deployment.apps/web \nREVISION  CHANGE-CAUSE\n1         <none>\n2         <none>\n\n")
    rev1 = k(cluster, "rollout history deployment/web --revision=1").stdout
    assert rev1.startswith("deployment.apps/web with revision #1\nPod Template:\n  Labels:\tapp=web\n")
    assert "    Image:\tnginx:1.25\n" in rev1
    assert k(cluster, "rollout undo deployment/web").stdout == "deployment.apps/web rolled back\n"
    k(cluster, "rollout status deployment/web")
    assert cluster.get("deployment", "web").spec.template.spec.containers[0].image == "nginx:1.25"
    assert k(cluster, "rollout restart deployment/web").stdout == "deployment.apps/web restarted\n"
    assert k(cluster, "scale deploy web").stderr == 'error: required flag(s) "replicas" not set\n'


# ----------------------------------------------------------------------------- logs / exec / debug


def test_logs(busy: Cluster) -> None:
    assert k(busy, "logs crash").stdout == "boom\n"
    assert k(busy, "logs crash --previous").stdout == "boom\n"
    assert k(busy, "logs crash -p --tail=1 --timestamps").stdout.endswith("Z boom\n")
    assert k(busy, "logs done -c c").stdout == "ok\n"
    assert k(busy, "logs nothere").stderr == 'Error from server (NotFound): pods "nothere" not found\n'
    assert k(busy, "logs done -p").stderr == (
        'Error from server (BadRequest): previous terminated container "c" in pod "done" not found\n')
    assert k(busy, "logs badimage").stderr == ('Error from server (BadRequest): container "c" in pod "badimage" is '
                                               "waiting to start: trying and failing to pull image\n")
    assert k(busy, "logs init-demo").stderr == ('Error from server (BadRequest): container "app" in pod "init-demo" '
                                                "is waiting to start: PodInitializing\n")
    assert k(busy, "logs").stderr.startswith("error: expected 'logs [-f] [-p] (POD | TYPE/NAME) [-c CONTAINER]'.")


def test_logs_follow_on_virtual_time(cluster: Cluster, tmp_path: Path) -> None:
    (tmp_path / "count.yaml").write_text(
        "apiVersion: v1\nkind: Pod\nmetadata: {name: count}\nspec:\n  restartPolicy: Never\n"
        "  containers: [{name: c, image: busybox, command: [sh, -c, 'for i in 1 2 3; do echo $i; sleep 5; done']}]\n")
    k(cluster, f"apply -f {tmp_path}/count.yaml")
    cluster.advance(3)
    r = k(cluster, "logs -f count --for=60s")
    assert r.stdout == "1\n2\n3\n"


def test_exec(busy: Cluster) -> None:
    r = k(busy, ["exec", "sidecar", "--", "sh", "-c", "echo out; echo err >&2; exit 3"])
    assert (r.stdout, r.stderr, r.exit_code) == ("out\n", "err\ncommand terminated with exit code 3\n", 3)
    assert k(busy, "exec sidecar -c app -- cat /etc/hostname").stdout == "sidecar\n"
    assert k(busy, "exec done -- true").stderr == (
        "error: cannot exec into a container in a completed pod; current phase is Succeeded\n")
    assert k(busy, "exec sidecar").stderr == "error: you must specify at least one command for the container\n"
    assert k(busy, "exec").stderr == "error: pod, type/name or --filename must be specified\n"


def test_debug_runs_an_ephemeral_container(cluster: Cluster, files: Path) -> None:
    k(cluster, f"apply -f {files}/pod.yaml")
    cluster.advance(10)
    r = k(cluster, ["debug", "nginx", "-it", "--image=busybox", "--target=nginx", "-c", "dbg", "--",
                    "sh", "-c", "echo from debug; hostname"])
    assert r.stdout == ('Targeting container "nginx". If you don\'t see processes from this container it may be '
                        "because the container runtime doesn't support this feature.\n"
                        "from debug\nnginx\n")
    assert "Ephemeral Containers:\n  dbg:\n" in k(cluster, "describe pod nginx").stdout
    assert k(cluster, "debug nginx").stderr == "error: you must specify --image when not using --copy-to.\n"


# ----------------------------------------------------------------------------- wait, explain, misc


def test_wait(busy: Cluster) -> None:
    assert k(busy, "wait --for=condition=Ready pod/sidecar --timeout=5s").stdout == "pod/sidecar condition met\n"
    r = k(busy, "wait --for=condition=Ready pod/crash --timeout=5s")
    assert (r.stderr, r.exit_code) == ("error: timed out waiting for the condition on pods/crash\n", 1)
    assert k(busy, "wait --for=jsonpath={.status.phase}=Succeeded pod/done").stdout == "pod/done condition met\n"


def test_explain(cluster: Cluster) -> None:
    out = k(cluster, "explain pod.spec.containers.livenessProbe").stdout
    assert out.startswith(
        "KIND:       Pod\nVERSION:    v1\n\nFIELD: livenessProbe <Probe>\n\n\nDESCRIPTION:\n"
        "    Periodic probe of container liveness. Container will be restarted if the\n"
        "    probe fails. Cannot be updated. More info:\n"
        "    https://kubernetes.io/docs/concepts/workloads/pods/pod-lifecycle#container-probes\n"
        "    Probe describes a health check to be performed against a container to\n"
        "    determine whether it is alive or ready to receive traffic.\n    \nFIELDS:\n"
        "  exec\t<ExecAction>\n    Exec specifies a command to execute in the container.\n\n")
    containers = k(cluster, "explain pods.spec.containers").stdout
    assert "FIELD: containers <[]Container>\n" in containers
    assert "  name\t<string> -required-\n" in containers
    assert "  imagePullPolicy\t<string>\nenum: Always, IfNotPresent, Never\n" in containers or \
        "  imagePullPolicy\t<string>\n" in containers
    assert k(cluster, "explain deploy").stdout.startswith("GROUP:      apps\nKIND:       Deployment\nVERSION:    v1\n")
    assert k(cluster, "explain pod.spec.foo").stderr == 'error: field "foo" does not exist\n'
    assert k(cluster, "explain podz").stderr == 'error: the server doesn\'t have a resource type "podz"\n'


def test_api_resources_version_top(cluster: Cluster) -> None:
    lines = k(cluster, "api-resources").stdout.splitlines()
    assert lines[0].split() == ["NAME", "SHORTNAMES", "APIVERSION", "NAMESPACED", "KIND"]
    rows = {line.split()[0]: line.split() for line in lines[1:]}
    assert rows["pods"] == ["pods", "po", "v1", "true", "Pod"]
    assert rows["deployments"] == ["deployments", "deploy", "apps/v1", "true", "Deployment"]
    assert rows["nodes"] == ["nodes", "no", "v1", "false", "Node"]
    assert rows["secrets"] == ["secrets", "v1", "true", "Secret"]  # no short name: an empty cell
    assert k(cluster, "version").stdout == (
        "Client Version: v1.32.4\nKustomize Version: v5.5.0\nServer Version: v1.32.0\n")
    assert k(cluster, "top pods").stderr == "No resources found in default namespace.\n"  # see test_kubectl_top


@pytest.mark.parametrize(("cmd", "stderr"), [
    ("gett pods", 'Error: unknown command "gett" for "kubectl"\n\nDid you mean this?\n\tset\n\tget\n\n'),
    ("descrbe pod x", 'Error: unknown command "descrbe" for "kubectl"\n\nDid you mean this?\n\tdescribe\n\n'),
    ("xyzzy", 'Error: unknown command "xyzzy" for "kubectl"\n'),
    ("get pods --foo", "Error: unknown flag: --foo\nSee 'kubectl get --help' for usage.\n"),
    ("get pods -z", "Error: unknown shorthand flag: 'z' in -z\nSee 'kubectl get --help' for usage.\n"),
    ("get pods -n", "Error: flag needs an argument: 'n' in -n\nSee 'kubectl get --help' for usage.\n"),
    ("get podz", 'error: the server doesn\'t have a resource type "podz"\n'),
    ("get pod nothere", 'Error from server (NotFound): pods "nothere" not found\n'),
    ("get pods -o foo", 'error: unable to match a printer suitable for the output format "foo", allowed formats are: '
                        "custom-columns,custom-columns-file,go-template,go-template-file,json,jsonpath,"
                        "jsonpath-as-json,jsonpath-file,name,template,templatefile,wide,yaml\n"),
    ("get", 'You must specify the type of resource to get. Use "kubectl api-resources" for a complete list of '
            "supported resources.\n\nerror: Required resource not specified.\nUse \"kubectl explain <resource>\" for a "
            "detailed description of that resource (e.g. kubectl explain pods).\nSee 'kubectl get -h' for help and "
            "examples\n"),
    ("scale deploy x --replicas=x", 'Error: invalid argument "x" for "--replicas" flag: strconv.ParseInt: parsing '
                                    "\"x\": invalid syntax\nSee 'kubectl scale --help' for usage.\n"),
])
def test_errors_in_kubectls_words(cluster: Cluster, cmd: str, stderr: str) -> None:
    r = k(cluster, cmd)
    assert (r.stdout, r.stderr, r.exit_code) == ("", stderr, 1)


def test_logs_and_exec_on_a_failed_node(cluster: Cluster, files: Path) -> None:
    k(cluster, f"apply -f {files}/pod.yaml")
    cluster.advance(10)
    ip = cluster.get("node", "node-1", namespace=None).status.addresses[0].address
    cluster.node("node-1").fail()
    assert k(cluster, "logs nginx").stderr == (
        f'Error from server: Get "https://{ip}:10250/containerLogs/default/nginx/nginx": '
        f"dial tcp {ip}:10250: connect: no route to host\n")
    assert k(cluster, "exec nginx -- true").stderr == (
        f'error: Internal error occurred: error sending request: Post "https://{ip}:10250/exec/default/nginx/nginx": '
        f"dial tcp {ip}:10250: connect: no route to host\n")


def test_several_containers_default_to_the_first_with_a_notice(cluster: Cluster, tmp_path: Path) -> None:
    (tmp_path / "two.yaml").write_text(
        "apiVersion: v1\nkind: Pod\nmetadata: {name: two}\nspec:\n"
        "  initContainers: [{name: prep, image: busybox, command: ['true']}]\n"
        "  containers:\n  - {name: a, image: busybox, command: [sh, -c, 'echo from a; sleep 3600']}\n"
        "  - {name: b, image: busybox, command: [sh, -c, 'echo from b; sleep 3600']}\n")
    k(cluster, f"apply -f {tmp_path}/two.yaml")
    cluster.advance(10)
    r = k(cluster, "logs two")
    assert (r.stdout, r.stderr) == ("from a\n", 'Defaulted container "a" out of: a, b, prep (init)\n')
    assert k(cluster, "logs two -c b").output == "from b\n"
    r = k(cluster, "exec two -- hostname")
    assert (r.stdout, r.stderr) == ("two\n", 'Defaulted container "a" out of: a, b, prep (init)\n')
    assert k(cluster, "exec two -q -- hostname").stderr == ""


def test_run_and_create_deployment(cluster: Cluster) -> None:
    r = k(cluster, ["run", "once", "--image=busybox", "--restart=Never", "-i", "--rm", "--", "sh", "-c", "echo hi"])
    assert (r.stdout, r.stderr) == ('hi\npod "once" deleted\n', "")
    assert k(cluster, "get pods").stderr == "No resources found in default namespace.\n"
    assert k(cluster, "run web --image=nginx --labels=app=web").stdout == "pod/web created\n"
    assert cluster.get("pod", "web").metadata.labels == {"app": "web"}
    assert k(cluster, "create deployment api --image=nginx:1.25 --replicas=3").stdout == "deployment.apps/api created\n"
    assert k(cluster, "rollout status deploy/api").stdout.endswith('deployment "api" successfully rolled out\n')
    assert k(cluster, "get deploy api").stdout.splitlines()[1].split()[1] == "3/3"
    assert k(cluster, "run x").stderr == 'error: required flag(s) "image" not set\n'


def test_apply_refuses_generate_name_in_kubectls_words(tmp_path):
    from sandbox import Cluster

    manifest = tmp_path / "worker.yaml"
    manifest.write_text("apiVersion: v1\nkind: Pod\nmetadata: {generateName: worker-}\n"
                        "spec: {containers: [{name: c, image: busybox}]}\n")
    with Cluster(nodes=0) as cluster:
        out = cluster.kubectl(f"apply -f {manifest}")
    assert (out.stdout, out.stderr, out.exit_code) == ("", "error: from worker-: cannot use generate name with apply\n", 1)
