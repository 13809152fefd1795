"""Checks for 34-ship-logs-with-a-sidecar: a restartable init container tails the app's log file."""

from podlab.kata import expect, expect_pod, fail, load_learner_manifest, run_cluster

NAME = "orders"
LOG = "/var/log/orders/app.log"


def orders_cluster():
    cluster = run_cluster(load_learner_manifest("pod.yaml"))
    expect_pod(cluster, NAME).to_exist()
    return cluster


def test_the_shipper_is_a_sidecar():
    """shipper is a sidecar: an init container with restartPolicy: Always"""
    pod = orders_cluster().get("pod", NAME)
    inits = {c.name: c for c in pod.spec.initContainers or []}
    mains = [c.name for c in pod.spec.containers]
    if "shipper" not in inits:
        where = "in spec.containers" if "shipper" in mains else "nowhere in the Pod"
        fail(
            "Not as expected: where the container `shipper` is declared.\n\n"
            "  expected: in spec.initContainers, with restartPolicy: Always\n"
            f"  got:      {where}\n"
            "  why:      a sidecar is an init container that keeps running: it starts before the app (so it "
            "misses nothing), runs beside it, and is stopped after it"
        )
    expect(inits["shipper"].restartPolicy, "spec.initContainers[shipper].restartPolicy").to_equal(
        "Always",
        because="without it, shipper is an ordinary init container: the app waits for it to exit, and tail -F never exits",
    )


def test_kubectl_logs_shipper_shows_the_app_log():
    """within 30 seconds the Pod is Ready; at 60 s `kubectl logs orders -c shipper` has every line of the app's log"""
    cluster = orders_cluster()
    expect_pod(cluster, NAME).to_be("Ready", within=30)
    cluster.advance(max(0.0, 60 - cluster.elapsed))
    written = cluster.exec(NAME, f"cat {LOG}", container="app")
    lines = [ln for ln in written.stdout.splitlines() if ln.strip()]
    if written.exit_code != 0 or not lines:
        fail(f"The app wrote nothing to {LOG} ({written.stderr.strip() or 'empty file'}): keep the app container as shipped.",
             pod=(cluster, NAME))
    out = cluster.kubectl(f"logs {NAME} -c shipper")
    shipped = out.stdout
    missing = [ln for ln in lines if ln not in shipped.splitlines()]
    if missing:
        tail = (shipped or out.stderr).rstrip().splitlines()[-3:] or ["(nothing)"]
        fail(
            f"Not as expected: `kubectl logs {NAME} -c shipper` at t=60s.\n\n"
            f"  expected: every line of {LOG}: {len(lines)} lines, from \"{lines[0]}\" to \"{lines[-1]}\"\n"
            f"  got:      {len(missing)} of them missing (\"{missing[0]}\" first); its last lines: "
            + " | ".join(tail)
            + "\n  why:      the sidecar must mount the same volume as the app, and follow the file by name "
            "(tail -F) for as long as the Pod runs",
            pod=(cluster, NAME),
        )


def test_both_keep_running():
    """two minutes later app and shipper still run, never restarted, and the Pod shows READY 2/2"""
    cluster = orders_cluster()
    expect_pod(cluster, NAME).to_be("Ready", within=30)
    cluster.advance(120)
    pod = cluster.get("pod", NAME)
    statuses = list(pod.status.initContainerStatuses or []) + list(pod.status.containerStatuses or [])
    for cs in statuses:
        expect(cs.restartCount, f"the restartCount of container {cs.name}", pod=(cluster, NAME)).to_equal(
            0, because="tail -F keeps running as long as the Pod does; a command that exits is restarted again and again"
        )
    row = cluster.kubectl("get pods").stdout.splitlines()[1].split()
    expect(row[1], "the READY column of `kubectl get pods`", pod=(cluster, NAME)).to_equal(
        "2/2", because="a sidecar counts in READY, next to the app"
    )
