"""``kubectl describe pod``: a port of ``describePod`` and its helpers in
``k8s.io/kubectl/pkg/describe/describe.go``, on the pod's JSON."""

from __future__ import annotations

from typing import Any

from sandbox.kubectl.describe.writer import (
    PrefixWriter,
    describe_events,
    print_annotations_multiline,
    print_labels_multiline,
    rfc1123z,
    sorted_resource_names,
    translate_since,
)

__all__ = ["describe_pod", "describe_probe", "describe_containers", "describe_volumes", "print_tolerations_multiline",
           "controlled_by", "pod_qos", "describe_pod_template_spec"]


def controlled_by(obj: dict[str, Any]) -> str:
    """``printController``: ``ReplicaSet/web-5d4f``."""
    for ref in (obj.get("metadata") or {}).get("ownerReferences") or []:
        if ref.get("controller"):
            return f"{ref.get('kind')}/{ref.get('name')}"
    return ""


def _url(scheme: str, host: str, port: str, path: str) -> str:
    from urllib.parse import quote

    netloc = host
    if port:
        netloc = f"[{host}]:{port}" if ":" in host else f"{host}:{port}"
    p = quote(path, safe="/:@!$&'()*+,;=-._~")
    if p and not p.startswith("/") and netloc:
        p = "/" + p
    out = f"{scheme}://{netloc}" if scheme or netloc else ""
    return out + p


def describe_probe(probe: dict[str, Any]) -> str:
    """``DescribeProbe``: ``exec [cat /tmp/healthy] delay=5s timeout=1s period=5s #success=1 #failure=3``."""
    attrs = (f"delay={probe.get('initialDelaySeconds') or 0}s timeout={probe.get('timeoutSeconds') or 0}s "
             f"period={probe.get('periodSeconds') or 0}s #success={probe.get('successThreshold') or 0} "
             f"#failure={probe.get('failureThreshold') or 0}")
    if probe.get("exec") is not None:
        return f"exec [{' '.join(probe['exec'].get('command') or [])}] {attrs}"
    if probe.get("httpGet") is not None:
        h = probe["httpGet"]
        port = h.get("port")
        return f"http-get {_url(str(h.get('scheme') or '').lower(), h.get('host') or '', '' if port is None else str(port), h.get('path') or '')} {attrs}"
    if probe.get("tcpSocket") is not None:
        t = probe["tcpSocket"]
        return f"tcp-socket {t.get('host') or ''}:{t.get('port')} {attrs}"
    if probe.get("grpc") is not None:
        g = probe["grpc"]
        return f"grpc <pod>:{g.get('port')} {g.get('service') or ''} {attrs}"
    return f"unknown {attrs}"


def _ports(ports: list[dict[str, Any]], key: str) -> str:
    return ", ".join(f"{p.get(key) or 0}/{p.get('protocol') or ''}" for p in ports)


def _describe_status(w: PrefixWriter, name: str, state: dict[str, Any] | None) -> None:
    state = state or {}
    if state.get("running") is not None:
        w.write(2, f"{name}:\tRunning\n")
        w.write(3, f"Started:\t{rfc1123z(state['running'].get('startedAt'))}\n")
    elif state.get("waiting") is not None:
        w.write(2, f"{name}:\tWaiting\n")
        if state["waiting"].get("reason"):
            w.write(3, f"Reason:\t{state['waiting']['reason']}\n")
    elif state.get("terminated") is not None:
        t = state["terminated"]
        w.write(2, f"{name}:\tTerminated\n")
        if t.get("reason"):
            w.write(3, f"Reason:\t{t['reason']}\n")
        if t.get("message"):
            w.write(3, f"Message:\t{t['message']}\n")
        w.write(3, f"Exit Code:\t{t.get('exitCode') or 0}\n")
        if (t.get("signal") or 0) > 0:
            w.write(3, f"Signal:\t{t['signal']}\n")
        w.write(3, f"Started:\t{rfc1123z(t.get('startedAt'))}\n")
        w.write(3, f"Finished:\t{rfc1123z(t.get('finishedAt'))}\n")
    else:
        w.write(2, f"{name}:\tWaiting\n")


def describe_resources(w: PrefixWriter, resources: dict[str, Any] | None, level: int) -> None:
    """``describeResources``: Limits then Requests, resource names sorted."""
    resources = resources or {}
    limits, requests = resources.get("limits") or {}, resources.get("requests") or {}
    if limits:
        w.write(level, "Limits:\n")
    for n in sorted_resource_names(limits):
        w.write(level + 1, f"{n}:\t{limits[n]}\n")
    if requests:
        w.write(level, "Requests:\n")
    for n in sorted_resource_names(requests):
        w.write(level + 1, f"{n}:\t{requests[n]}\n")


def _field_value(pod: dict[str, Any], path: str) -> str:
    """``fieldpath.ExtractFieldPathAsString``: only metadata fields resolve; anything else is ``""``."""
    meta = pod.get("metadata") or {}
    simple = {"metadata.name": meta.get("name"), "metadata.namespace": meta.get("namespace"),
              "metadata.uid": meta.get("uid")}
    if path in simple:
        return simple[path] or ""
    for prefix, field in (("metadata.labels", "labels"), ("metadata.annotations", "annotations")):
        if path.startswith(prefix + "['") and path.endswith("']"):
            return (meta.get(field) or {}).get(path[len(prefix) + 2:-2], "")
        if path == prefix:
            m = meta.get(field) or {}
            return "\n".join(f'{k}="{m[k]}"' for k in sorted(m))
    return ""


def _resource_value(container: dict[str, Any], ref: dict[str, Any]) -> str:
    """``resourcehelper.ExtractContainerResourceValue``: cpu in divisor units (rounded up), others likewise."""
    import math

    from sandbox.api.quantity import Quantity

    res = ref.get("resource", "")
    kind, _, name = res.partition(".")
    value = ((container.get("resources") or {}).get(kind) or {}).get(name)
    q = Quantity(str(value)) if value is not None else Quantity("0")
    d = Quantity(str(ref.get("divisor") or "1"))
    if name == "cpu":
        return str(math.ceil(q.milli_value() / max(d.milli_value(), 1)))
    return str(math.ceil(q.value() / max(d.value(), 1)))


def describe_containers(w: PrefixWriter, label: str, containers: list[dict[str, Any]], statuses: list[dict[str, Any]] | None,
                        pod: dict[str, Any] | None, space: str = "") -> None:
    """``describeContainers``."""
    by_name = {s.get("name"): s for s in statuses or []}
    w.write(0, f"{space}{label}:{'' if containers else ' <none>'}\n")
    for c in containers:
        st = by_name.get(c.get("name"))
        w.write(1, f"{' ' if space else ''}{c.get('name')}:\n")
        if st is not None:
            w.write(2, f"Container ID:\t{st.get('containerID') or ''}\n")
        w.write(2, f"Image:\t{c.get('image') or ''}\n")
        if st is not None:
            w.write(2, f"Image ID:\t{st.get('imageID') or ''}\n")
        ports = c.get("ports") or []
        ps = _ports(ports, "containerPort")
        w.write(2, f"Ports:\t{ps}\n" if "," in ps else f"Port:\t{ps or '<none>'}\n")
        hps = _ports(ports, "hostPort")
        w.write(2, f"Host Ports:\t{hps}\n" if "," in hps else f"Host Port:\t{hps or '<none>'}\n")
        sc = c.get("securityContext") or {}
        if sc.get("seccompProfile"):
            w.write(2, f"SeccompProfile:\t{sc['seccompProfile'].get('type')}\n")
            if sc["seccompProfile"].get("type") == "Localhost":
                w.write(3, f"LocalhostProfile:\t{sc['seccompProfile'].get('localhostProfile')}\n")
        if c.get("command"):
            w.write(2, "Command:\n")
            for cmd in c["command"]:
                for s in cmd.split("\n"):
                    w.write(3, f"{s}\n")
        if c.get("args"):
            w.write(2, "Args:\n")
            for a in c["args"]:
                for s in a.split("\n"):
                    w.write(3, f"{s}\n")
        if st is not None:
            _describe_status(w, "State", st.get("state"))
            last = st.get("lastState") or {}
            if last.get("terminated") is not None:
                _describe_status(w, "Last State", last)
            w.write(2, f"Ready:\t{'True' if st.get('ready') else 'False'}\n")
            w.write(2, f"Restart Count:\t{st.get('restartCount') or 0}\n")
        describe_resources(w, c.get("resources"), 2)
        for title, key in (("Liveness", "livenessProbe"), ("Readiness", "readinessProbe"), ("Startup", "startupProbe")):
            if c.get(key) is not None:
                w.write(2, f"{title}:\t{describe_probe(c[key])}\n")
        if c.get("envFrom"):
            w.write(2, "Environment Variables from:\n")
            for e in c["envFrom"]:
                if e.get("configMapRef") is not None:
                    src, ref = "ConfigMap", e["configMapRef"]
                elif e.get("secretRef") is not None:
                    src, ref = "Secret", e["secretRef"]
                else:
                    src, ref = "", {}
                opt = "true" if ref.get("optional") else "false"
                if e.get("prefix"):
                    w.write(3, f"{ref.get('name', '')}\t{src} with prefix '{e['prefix']}'\tOptional: {opt}\n")
                else:
                    w.write(3, f"{ref.get('name', '')}\t{src}\tOptional: {opt}\n")
        env = c.get("env") or []
        w.write(2, "Environment:" + ("" if env else "\t<none>") + "\n")
        for e in env:
            vf = e.get("valueFrom")
            if vf is None:
                for i, s in enumerate((e.get("value") or "").split("\n")):
                    w.write(3, f"{e.get('name')}:\t{s}\n" if i == 0 else f"\t{s}\n")
                continue
            if vf.get("fieldRef") is not None:
                fr = vf["fieldRef"]
                val = _field_value(pod or {}, fr.get("fieldPath", ""))
                w.write(3, f"{e.get('name')}:\t{val} ({fr.get('apiVersion', '')}:{fr.get('fieldPath', '')})\n")
            elif vf.get("resourceFieldRef") is not None:
                rf = vf["resourceFieldRef"]
                val = _resource_value(c, rf)
                if val == "0" and rf.get("resource") in ("limits.cpu", "limits.memory"):
                    val = "node allocatable"
                w.write(3, f"{e.get('name')}:\t{val} ({rf.get('resource')})\n")
            elif vf.get("secretKeyRef") is not None:
                r = vf["secretKeyRef"]
                w.write(3, f"{e.get('name')}:\t<set to the key '{r.get('key')}' in secret '{r.get('name')}'>\t"
                           f"Optional: {'true' if r.get('optional') else 'false'}\n")
            elif vf.get("configMapKeyRef") is not None:
                r = vf["configMapKeyRef"]
                w.write(3, f"{e.get('name')}:\t<set to the key '{r.get('key')}' of config map '{r.get('name')}'>\t"
                           f"Optional: {'true' if r.get('optional') else 'false'}\n")
        mounts = sorted(c.get("volumeMounts") or [], key=lambda m: m.get("mountPath", ""))
        w.write(2, "Mounts:" + ("" if mounts else "\t<none>") + "\n")
        for m in mounts:
            flags = ["ro" if m.get("readOnly") else "rw"]
            if m.get("subPath"):
                flags.append(f'path="{m["subPath"]}"')
            w.write(3, f"{m.get('mountPath')} from {m.get('name')} ({','.join(flags)})\n")
        if c.get("volumeDevices"):
            w.write(2, "Devices:\n")
            for d in c["volumeDevices"]:
                w.write(3, f"{d.get('devicePath')} from {d.get('name')}\n")


def describe_volumes(w: PrefixWriter, volumes: list[dict[str, Any]] | None, space: str = "") -> None:
    """``describeVolumes``."""
    if not volumes:
        w.write(0, f"{space}Volumes:\t<none>\n")
        return
    w.write(0, f"{space}Volumes:\n")
    for v in volumes:
        w.write(1, f"{' ' if space else ''}{v.get('name')}:\n")
        if v.get("hostPath") is not None:
            hp = v["hostPath"]
            w.write(2, f"Type:\tHostPath (bare host directory volume)\n    Path:\t{hp.get('path')}\n"
                       f"    HostPathType:\t{hp.get('type') if hp.get('type') is not None else '<none>'}\n")
        elif v.get("emptyDir") is not None:
            ed = v["emptyDir"]
            size = ed.get("sizeLimit")
            size_s = str(size) if size and str(size) not in ("0",) else "<unset>"
            w.write(2, f"Type:\tEmptyDir (a temporary directory that shares a pod's lifetime)\n"
                       f"    Medium:\t{ed.get('medium') or ''}\n    SizeLimit:\t{size_s}\n")
        elif v.get("secret") is not None:
            s = v["secret"]
            w.write(2, f"Type:\tSecret (a volume populated by a Secret)\n    SecretName:\t{s.get('secretName') or ''}\n"
                       f"    Optional:\t{'true' if s.get('optional') else 'false'}\n")
        elif v.get("configMap") is not None:
            cm = v["configMap"]
            w.write(2, f"Type:\tConfigMap (a volume populated by a ConfigMap)\n    Name:\t{cm.get('name') or ''}\n"
                       f"    Optional:\t{'true' if cm.get('optional') else 'false'}\n")
        elif v.get("projected") is not None:
            w.write(2, "Type:\tProjected (a volume that contains injected data from multiple sources)\n")
            for src in v["projected"].get("sources") or []:
                if src.get("secret") is not None:
                    w.write(2, f"SecretName:\t{src['secret'].get('name', '')}\n    SecretOptionalName:\t"
                               f"{_go_bool_ptr(src['secret'].get('optional'))}\n")
                elif src.get("downwardAPI") is not None:
                    w.write(2, "DownwardAPI:\ttrue\n")
                elif src.get("configMap") is not None:
                    w.write(2, f"ConfigMapName:\t{src['configMap'].get('name', '')}\n    ConfigMapOptional:\t"
                               f"{_go_bool_ptr(src['configMap'].get('optional'))}\n")
                elif src.get("serviceAccountToken") is not None:
                    w.write(2, f"TokenExpirationSeconds:\t{src['serviceAccountToken'].get('expirationSeconds') or 0}\n")
        elif v.get("downwardAPI") is not None:
            w.write(2, "Type:\tDownwardAPI (a volume populated by information about the pod)\n    Items:\n")
            for item in v["downwardAPI"].get("items") or []:
                if item.get("fieldRef") is not None:
                    w.write(3, f"{item['fieldRef'].get('fieldPath')} -> {item.get('path')}\n")
                if item.get("resourceFieldRef") is not None:
                    w.write(3, f"{item['resourceFieldRef'].get('resource')} -> {item.get('path')}\n")
        elif v.get("persistentVolumeClaim") is not None:
            pvc = v["persistentVolumeClaim"]
            w.write(2, "Type:\tPersistentVolumeClaim (a reference to a PersistentVolumeClaim in the same namespace)\n"
                       f"    ClaimName:\t{pvc.get('claimName')}\n    ReadOnly:\t{'true' if pvc.get('readOnly') else 'false'}\n")
        else:
            w.write(1, "<unknown>\n")


def _go_bool_ptr(v: Any) -> str:
    if v is None:
        return "<nil>"
    return "true" if v else "false"


def print_tolerations_multiline(w: PrefixWriter, title: str, tolerations: list[dict[str, Any]] | None, indent: str = "") -> None:
    """``printPodTolerationsMultiline``: ``node.kubernetes.io/not-ready:NoExecute op=Exists for 300s``."""
    w.write(0, f"{indent}{title}:\t")
    if not tolerations:
        w.line("<none>")
        return
    for i, t in enumerate(sorted(tolerations, key=lambda t: t.get("key") or "")):
        if i:
            w.write(0, f"{indent}\t")
        text = t.get("key") or ""
        if t.get("value"):
            text += f"={t['value']}"
        if t.get("effect"):
            text += f":{t['effect']}"
        if t.get("operator") == "Exists" and not t.get("value"):
            text += " op=Exists" if (t.get("key") or t.get("effect")) else "op=Exists"
        if t.get("tolerationSeconds") is not None:
            text += f" for {t['tolerationSeconds']}s"
        w.write(0, text + "\n")


def pod_qos(pod: dict[str, Any]) -> str:
    """``qos.GetPodQOS``: the status' class, else computed from requests and limits."""
    q = (pod.get("status") or {}).get("qosClass")
    if q:
        return q
    from sandbox.api.quantity import Quantity

    spec = pod.get("spec") or {}
    containers = list(spec.get("containers") or []) + list(spec.get("initContainers") or [])
    requests: dict[str, Any] = {}
    limits: dict[str, Any] = {}
    zero = True
    complete = True
    for c in containers:
        r = (c.get("resources") or {})
        for name, v in (r.get("requests") or {}).items():
            if name in ("cpu", "memory") and Quantity(str(v)) > Quantity("0"):
                zero = False
                requests[name] = requests.get(name, Quantity("0")) + Quantity(str(v)) if name in requests else Quantity(str(v))
        lim_names = set()
        for name, v in (r.get("limits") or {}).items():
            if name in ("cpu", "memory") and Quantity(str(v)) > Quantity("0"):
                zero = False
                lim_names.add(name)
                limits[name] = limits[name] + Quantity(str(v)) if name in limits else Quantity(str(v))
        if lim_names != {"cpu", "memory"}:
            complete = False
    if zero:
        return "BestEffort"
    if complete and set(requests) == set(limits) and all(requests[k] == limits[k] for k in requests):
        return "Guaranteed"
    return "Burstable"


def describe_pod(pod: dict[str, Any], events: list[dict[str, Any]] | None, now: float) -> str:
    """The text of ``kubectl describe pod``."""
    w = PrefixWriter()
    meta, spec, status = pod.get("metadata") or {}, pod.get("spec") or {}, pod.get("status") or {}
    w.write(0, f"Name:\t{meta.get('name', '')}\n")
    w.write(0, f"Namespace:\t{meta.get('namespace', '')}\n")
    if spec.get("priority") is not None:
        w.write(0, f"Priority:\t{spec['priority']}\n")
    if spec.get("priorityClassName"):
        w.write(0, f"Priority Class Name:\t{spec['priorityClassName']}\n")
    if spec.get("runtimeClassName"):
        w.write(0, f"Runtime Class Name:\t{spec['runtimeClassName']}\n")
    if spec.get("serviceAccountName"):
        w.write(0, f"Service Account:\t{spec['serviceAccountName']}\n")
    if not spec.get("nodeName"):
        w.write(0, "Node:\t<none>\n")
    else:
        w.write(0, f"Node:\t{spec['nodeName']}/{status.get('hostIP') or ''}\n")
    if status.get("startTime"):
        w.write(0, f"Start Time:\t{rfc1123z(status['startTime'])}\n")
    print_labels_multiline(w, "Labels", meta.get("labels"))
    print_annotations_multiline(w, "Annotations", meta.get("annotations"))
    phase = status.get("phase") or ""
    if meta.get("deletionTimestamp") and phase not in ("Failed", "Succeeded"):
        w.write(0, f"Status:\tTerminating (lasts {translate_since(meta['deletionTimestamp'], now)})\n")
        w.write(0, f"Termination Grace Period:\t{meta.get('deletionGracePeriodSeconds') or 0}s\n")
    else:
        w.write(0, f"Status:\t{phase}\n")
    if status.get("reason"):
        w.write(0, f"Reason:\t{status['reason']}\n")
    if status.get("message"):
        w.write(0, f"Message:\t{status['message']}\n")
    psc = spec.get("securityContext") or {}
    if psc.get("seccompProfile"):
        w.write(0, f"SeccompProfile:\t{psc['seccompProfile'].get('type')}\n")
        if psc["seccompProfile"].get("type") == "Localhost":
            w.write(0, f"LocalhostProfile:\t{psc['seccompProfile'].get('localhostProfile')}\n")
    w.write(0, f"IP:\t{status.get('podIP') or ''}\n")
    ips = status.get("podIPs") or []
    if not ips:
        w.write(0, "IPs:\t<none>\n")
    else:
        w.write(0, "IPs:\n")
        for ip in ips:
            w.write(0, f"  IP:\t{ip.get('ip', '')}\n")
    ctl = controlled_by(pod)
    if ctl:
        w.write(0, f"Controlled By:\t{ctl}\n")
    if status.get("nominatedNodeName"):
        w.write(0, f"NominatedNodeName:\t{status['nominatedNodeName']}\n")
    if spec.get("initContainers"):
        describe_containers(w, "Init Containers", spec["initContainers"], status.get("initContainerStatuses"), pod)
    describe_containers(w, "Containers", spec.get("containers") or [], status.get("containerStatuses"), pod)
    if spec.get("ephemeralContainers"):
        describe_containers(w, "Ephemeral Containers", spec["ephemeralContainers"],
                            status.get("ephemeralContainerStatuses"), pod)
    if spec.get("readinessGates"):
        w.write(0, "Readiness Gates:\n  Type\tStatus\n")
        for g in spec["readinessGates"]:
            st = "<none>"
            for cnd in status.get("conditions") or []:
                if cnd.get("type") == g.get("conditionType"):
                    st = cnd.get("status", "")
                    break
            w.write(1, f"{g.get('conditionType')} \t{st} \n")
    if status.get("conditions"):
        w.write(0, "Conditions:\n  Type\tStatus\n")
        for cnd in status["conditions"]:
            w.write(1, f"{cnd.get('type')} \t{cnd.get('status')} \n")
    describe_volumes(w, spec.get("volumes"))
    w.write(0, f"QoS Class:\t{pod_qos(pod)}\n")
    print_labels_multiline(w, "Node-Selectors", spec.get("nodeSelector"))
    print_tolerations_multiline(w, "Tolerations", spec.get("tolerations"))
    tscs = spec.get("topologySpreadConstraints") or []
    if tscs:
        w.write(0, "Topology Spread Constraints:\t")
        for i, t in enumerate(tscs):
            if i:
                w.write(0, "\t")
            w.write(0, f"{t.get('topologyKey')}:{t.get('whenUnsatisfiable')} when max skew {t.get('maxSkew')} is exceeded")
            from sandbox.kubectl.printers.table import label_selector_string

            sel = label_selector_string(t.get("labelSelector"))
            if sel:
                w.write(0, f" for selector {sel}")
            w.write(0, "\n")
    if events is not None:
        describe_events(w, events, now)
    return w.text()


def describe_pod_template_spec(w: PrefixWriter, template: dict[str, Any] | None) -> None:
    """``DescribePodTemplate``: the ``Pod Template:`` section of workload describers."""
    w.write(0, "Pod Template:\n")
    if template is None:
        w.write(1, "<unset>")
        return
    meta, spec = template.get("metadata") or {}, template.get("spec") or {}
    print_labels_multiline(w, "  Labels", meta.get("labels"))
    if meta.get("annotations"):
        print_annotations_multiline(w, "  Annotations", meta.get("annotations"))
    if spec.get("serviceAccountName"):
        w.write(1, f"Service Account:\t{spec['serviceAccountName']}\n")
    if spec.get("initContainers"):
        describe_containers(w, "Init Containers", spec["initContainers"], None, None, "  ")
    describe_containers(w, "Containers", spec.get("containers") or [], None, None, "  ")
    describe_volumes(w, spec.get("volumes"), "  ")
    if spec.get("priorityClassName"):
        w.write(1, f"Priority Class Name:\t{spec['priorityClassName']}\n")
    print_labels_multiline(w, "  Node-Selectors", spec.get("nodeSelector"))
    print_tolerations_multiline(w, "  Tolerations", spec.get("tolerations"))
