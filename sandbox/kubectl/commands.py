"""The kubectl commands other than ``get``, ``describe`` and ``explain``: each a function
``cmd_<name>(ctx, args, opts, dash_args)`` that writes kubectl's output into ``ctx``."""

from __future__ import annotations

import json
import pathlib
from datetime import datetime, timezone
from typing import Any

from sandbox.api import manifests
from sandbox.errors import NotFound, StatusError
from sandbox.kubectl.apply import apply_object
from sandbox.kubectl.context import Context
from sandbox.kubectl.errors import CommandError, KubectlError
from sandbox.kubectl.get import parse_duration
from sandbox.kubectl.printers.table import Table, render_table
from sandbox.kubectl.printers.tabwriter import TabWriter
from sandbox.kubectl.resources import kind_prefix, parse_resource_args, resolve

__all__ = [
    "CLIENT_VERSION",
    "SERVER_VERSION",
    "FORCE_DELETE_WARNING",
    "cmd_annotate",
    "cmd_api_resources",
    "cmd_apply",
    "cmd_cordon",
    "cmd_create",
    "cmd_debug",
    "cmd_delete",
    "cmd_events",
    "cmd_exec",
    "cmd_label",
    "cmd_logs",
    "cmd_patch",
    "cmd_replace",
    "cmd_rollout",
    "cmd_run",
    "cmd_scale",
    "cmd_taint",
    "cmd_top",
    "cmd_uncordon",
    "cmd_version",
    "cmd_wait",
    "create_deployment",
]

CLIENT_VERSION = "v1.32.4"
KUSTOMIZE_VERSION = "v5.5.0"
SERVER_VERSION = "v1.32.0"
FORCE_DELETE_WARNING = ("Warning: Immediate deletion does not wait for confirmation that the running resource has "
                        "been terminated. The resource may continue to run on the cluster indefinitely.")


# ----------------------------------------------------------------------------- helpers


def _load_sourced(filenames: list[str]) -> list[tuple[str, dict[str, Any]]]:
    """(file name, object) for every object in ``-f`` files and folders, kubectl's errors for bad ones."""
    docs: list[tuple[str, dict[str, Any]]] = []
    for f in filenames:
        if f == "-":
            raise CommandError("reading from standard input is not supported in the sandbox; use a file")
        try:
            for doc, where in manifests._iter_sources(pathlib.Path(f)):
                docs.extend((where or f, d) for d in manifests._flatten(doc, where))
        except manifests.ManifestError as e:
            raise CommandError(e.message) from None
        except StatusError as e:
            raise KubectlError(f"error: {e.message}") from None
    return docs


def _load(ctx: Context, filenames: list[str]) -> list[dict[str, Any]]:
    return [d for _, d in _load_sourced(filenames)]


def _info_for(ctx: Context, d: dict[str, Any]) -> Any:
    try:
        return ctx.api.registry.for_kind(d.get("apiVersion", ""), d.get("kind", ""))
    except LookupError as e:
        raise CommandError(f"resource mapping not found for name: \"{(d.get('metadata') or {}).get('name', '')}\" "
                           f"namespace: \"{(d.get('metadata') or {}).get('namespace', '')}\" from \"\": {e}\n"
                           "ensure CRDs are installed first") from None


def _ns_for(ctx: Context, info: Any, d: dict[str, Any] | None = None) -> str | None:
    if not info.namespaced:
        return None
    file_ns = ((d or {}).get("metadata") or {}).get("namespace")
    if file_ns and ctx.namespace_given and file_ns != ctx.namespace:
        raise CommandError(
            f"the namespace from the provided object \"{file_ns}\" does not match the namespace \"{ctx.namespace}\". "
            "You must pass '--namespace=" + file_ns + "' to perform this operation.")
    return file_ns or ctx.namespace


def _targets(ctx: Context, args: list[str], opts: dict[str, Any], command: str) -> list[tuple[Any, dict[str, Any]]]:
    """Objects named by ``-f``, ``TYPE NAME...``, ``TYPE/NAME`` or ``TYPE -l sel`` / ``--all``."""
    found: list[tuple[Any, dict[str, Any]]] = []
    if opts.get("filename"):
        for d in _load(ctx, opts["filename"]):
            info = _info_for(ctx, d)
            ns = _ns_for(ctx, info, d)
            name = (d.get("metadata") or {}).get("name", "")
            found.append((info, ctx.api.get_dict(info.qualified_resource, name, ns)))
        return found
    spec = parse_resource_args(ctx.api, args, command)
    for t in spec.targets:
        ns = ctx.namespace if t.info.namespaced else None
        if t.names:
            for n in t.names:
                found.append((t.info, ctx.api.get_dict(t.info.qualified_resource, n, ns)))
        else:
            if not (opts.get("selector") or opts.get("all") or opts.get("field_selector")):
                raise CommandError("resource(s) were provided, but no name was specified")
            if opts.get("all_namespaces"):
                ns = None
            lst = ctx.api.list(t.info.qualified_resource, ns, label_selector=opts.get("selector") or None,
                               field_selector=opts.get("field_selector") or None)
            found.extend((t.info, o.to_dict()) for o in lst)
    return found


def _ref(info: Any, obj: dict[str, Any]) -> str:
    return f"{kind_prefix(info)}/{obj['metadata']['name']}"


def _print_warnings(ctx: Context) -> None:
    for w in ctx.api.last_warnings:
        ctx.eprint(f"Warning: {w}")


# ----------------------------------------------------------------------------- apply / create / replace


def cmd_apply(ctx: Context, args: list[str], opts: dict[str, Any], dash: list[str] | None) -> None:
    """``kubectl apply -f FILE|DIR``."""
    if args and args[0] in ("view-last-applied", "set-last-applied", "edit-last-applied"):
        raise CommandError(f"kubectl apply {args[0]} is not available in the sandbox")
    if not opts.get("filename"):
        raise CommandError("must specify one of -f and -k")
    failed = False
    for source, d in _load_sourced(opts["filename"]):
        info = _info_for(ctx, d)
        ns = _ns_for(ctx, info, d)
        name = (d.get("metadata") or {}).get("name")
        exists = True
        try:
            if name:
                ctx.api.get_dict(info.qualified_resource, name, ns)
        except NotFound:
            exists = False
        try:
            result = apply_object(ctx.api, d, ns)
        except StatusError as e:
            failed = True
            ctx.eprint(_source_error(e, "patching" if exists else "creating", source))
            continue
        _print_warnings(ctx)
        if opts.get("output") == "name":
            ctx.print(_ref(info, result.object.to_dict()))
        else:
            ctx.print(result.line)
    if failed:
        ctx.exit_code = 1


def _source_error(e: StatusError, verb: str, source: str) -> str:
    """``cmdutil.AddSourceToErr``: ``error when creating "pod.yaml": ...``; Invalid errors keep
    kubectl's ``The Pod "x" is invalid: ...`` form."""
    if getattr(e, "reason", "") == "Invalid":
        return e.kubectl()
    return f'Error from server ({e.reason}): error when {verb} "{source}": {e.message}'


def cmd_create(ctx: Context, args: list[str], opts: dict[str, Any], dash: list[str] | None) -> None:
    """``kubectl create -f FILE`` (and ``create namespace NAME`` / ``create configmap``)."""
    if args and args[0] in ("namespace", "ns") and len(args) != 2:
        raise KubectlError(f"error: exactly one NAME is required, got {len(args) - 1}\n"
                           "See 'kubectl create namespace -h' for help and examples")
    if args and args[0] in ("namespace", "ns") and len(args) == 2:
        obj = ctx.api.create({"apiVersion": "v1", "kind": "Namespace", "metadata": {"name": args[1]}})
        ctx.print(f"namespace/{obj.metadata.name} created")
        return
    if args and args[0] in ("deployment", "deploy"):
        create_deployment(ctx, args, {**opts, "_dash": dash})
        return
    if args and args[0] in ("configmap", "cm", "secret") and len(args) >= 2:
        _create_configmap_or_secret(ctx, args, opts)
        return
    if not opts.get("filename"):
        raise CommandError("must specify one of -f and -k")
    failed = False
    for source, d in _load_sourced(opts["filename"]):
        info = _info_for(ctx, d)
        ns = _ns_for(ctx, info, d)
        try:
            obj = ctx.api.create(d, namespace=ns)
        except StatusError as e:
            failed = True
            ctx.eprint(_source_error(e, "creating", source))
            continue
        _print_warnings(ctx)
        ctx.print(f"{_ref(info, obj.to_dict())} created")
    if failed:
        ctx.exit_code = 1


def _create_configmap_or_secret(ctx: Context, args: list[str], opts: dict[str, Any]) -> None:
    kind = "Secret" if args[0] == "secret" else "ConfigMap"
    if kind == "Secret":
        if len(args) < 3 or args[1] != "generic":
            raise CommandError("only 'kubectl create secret generic NAME --from-literal=k=v' is available in the sandbox")
        name = args[2]
    else:
        name = args[1]
    data: dict[str, str] = {}
    for lit in opts.get("from_literal") or []:
        k, sep, v = lit.partition("=")
        if not sep:
            raise CommandError(f"invalid literal source {lit}, expected key=value")
        data[k] = v
    body: dict[str, Any] = {"apiVersion": "v1", "kind": kind, "metadata": {"name": name, "namespace": ctx.namespace}}
    if kind == "Secret":
        import base64

        body["type"] = "Opaque"
        body["data"] = {k: base64.b64encode(v.encode()).decode() for k, v in data.items()}
    else:
        body["data"] = data
    obj = ctx.api.create(body)
    ctx.print(f"{kind.lower()}/{obj.metadata.name} created")


def cmd_replace(ctx: Context, args: list[str], opts: dict[str, Any], dash: list[str] | None) -> None:
    """``kubectl replace -f FILE`` (``--force``: delete and re-create)."""
    if not opts.get("filename"):
        raise CommandError("must specify --filename to replace")
    for d in _load(ctx, opts["filename"]):
        info = _info_for(ctx, d)
        ns = _ns_for(ctx, info, d)
        name = (d.get("metadata") or {}).get("name", "")
        d = dict(d)
        d.setdefault("metadata", {})
        if ns:
            d["metadata"] = {**d["metadata"], "namespace": ns}
        if opts.get("force"):
            try:
                ctx.api.delete(info.qualified_resource, name, ns, grace_period_seconds=0)
                ctx.print(f'{info.singular} "{name}" deleted')
            except NotFound:
                pass
            obj = ctx.api.create(d, namespace=ns)
            ctx.print(f"{_ref(info, obj.to_dict())} replaced")
            continue
        obj = ctx.api.update(d, namespace=ns)
        _print_warnings(ctx)
        ctx.print(f"{_ref(info, obj.to_dict())} replaced")


# ----------------------------------------------------------------------------- delete


def cmd_delete(ctx: Context, args: list[str], opts: dict[str, Any], dash: list[str] | None) -> None:
    """``kubectl delete TYPE NAME | TYPE/NAME | -f FILE | TYPE -l SEL | TYPE --all``."""
    if not args and not opts.get("filename"):
        raise CommandError(
            "You must provide one or more resources by argument or filename.\n"
            "Example resource specifications include:\n   '-f rsrc.yaml'\n   '--filename=rsrc.json'\n"
            "   '<resource> <name>'\n   '<resource>'")
    grace = opts.get("grace_period")
    force = bool(opts.get("force")) or opts.get("now")
    if opts.get("now"):
        grace = 1
    if force and not opts.get("now") and (grace is None or grace < 0):
        grace = 0
    if grace is not None and grace < 0:
        grace = None
    if force and grace == 0:
        ctx.eprint(FORCE_DELETE_WARNING)
    elif grace == 0 and not force:
        raise CommandError("--grace-period=0 must have --force specified")
    policy = {"background": "Background", "foreground": "Foreground", "orphan": "Orphan"}.get(
        opts.get("cascade") or "background")
    if policy is None:
        raise CommandError(f'invalid cascade value ({opts.get("cascade")}). Must be "background", "foreground", or "orphan".')
    items: list[tuple[Any, str, str | None]] = []
    errors: list[str] = []
    if opts.get("filename"):
        for d in _load(ctx, opts["filename"]):
            info = _info_for(ctx, d)
            items.append((info, (d.get("metadata") or {}).get("name", ""), _ns_for(ctx, info, d)))
    else:
        spec = parse_resource_args(ctx.api, args, "delete")
        for t in spec.targets:
            ns = ctx.namespace if t.info.namespaced else None
            if t.names:
                items.extend((t.info, n, ns) for n in t.names)
                continue
            if not (opts.get("selector") or opts.get("all") or opts.get("field_selector")):
                raise CommandError("resource(s) were provided, but no name was specified")
            lst_ns = None if opts.get("all_namespaces") else ns
            for o in ctx.api.list(t.info.qualified_resource, lst_ns, label_selector=opts.get("selector") or None,
                                  field_selector=opts.get("field_selector") or None):
                items.append((t.info, o.metadata.name, o.metadata.namespace if t.info.namespaced else None))
        if not items:
            ctx.eprint("No resources found")
            return
    deleted: list[tuple[Any, str, str | None, str | None]] = []
    for info, name, ns in items:
        try:
            before = ctx.api.get_dict(info.qualified_resource, name, ns)
            ctx.api.delete(info.qualified_resource, name, ns, grace_period_seconds=grace, propagation_policy=policy)
        except StatusError as e:
            if getattr(e, "reason", "") == "NotFound" and opts.get("ignore_not_found"):
                continue
            errors.append(e.kubectl())
            continue
        _print_warnings(ctx)
        word = "force deleted" if force and grace == 0 else "deleted"
        if opts.get("output") == "name":
            ctx.print(f"{kind_prefix(info)}/{name}")
        else:
            ctx.print(f'{kind_prefix(info)} "{name}" {word}')
        deleted.append((info, name, ns, (before.get("metadata") or {}).get("uid")))
    if opts.get("wait", True) and deleted:
        timeout = parse_duration(opts["timeout"]) if opts.get("timeout") not in (None, "", "0s", "0") else None
        for info, name, ns, uid in deleted:
            _wait_gone(ctx, info, name, ns, uid, timeout)
    for e in errors:
        ctx.eprint(e)
    if errors:
        ctx.exit_code = 1


def _wait_gone(ctx: Context, info: Any, name: str, ns: str | None, uid: str | None, timeout: float | None) -> None:
    def gone() -> bool:
        try:
            cur = ctx.api.get_dict(info.qualified_resource, name, ns)
        except NotFound:
            return True
        return (cur.get("metadata") or {}).get("uid") != uid

    limit = timeout if timeout is not None else 7 * 24 * 3600.0
    if not ctx.clock.run_until(gone, limit):
        raise CommandError(f"timed out waiting for the condition on {info.plural}/{name}")


# ----------------------------------------------------------------------------- patch / label / annotate


def cmd_patch(ctx: Context, args: list[str], opts: dict[str, Any], dash: list[str] | None) -> None:
    """``kubectl patch TYPE NAME -p '{...}' [--type strategic|merge|json]``."""
    if not opts.get("patch") and not opts.get("patch_file"):
        raise CommandError("must specify --patch or --patch-file containing the contents of the patch")
    raw = opts.get("patch")
    if opts.get("patch_file"):
        with open(opts["patch_file"]) as fh:
            raw = fh.read()
    try:
        import yaml

        patch = yaml.safe_load(raw)
    except Exception:
        raise CommandError(f"unable to parse \"{raw}\": yaml: did not find expected node content") from None
    ptype = opts.get("type") or "strategic"
    if ptype not in ("json", "merge", "strategic"):
        raise CommandError(f"--type must be one of [json merge strategic], not \"{ptype}\"")
    for info, obj in _targets(ctx, args, opts, "patch"):
        ns = obj["metadata"].get("namespace")
        rv = obj["metadata"].get("resourceVersion")
        try:
            new = ctx.api.patch(info.qualified_resource, obj["metadata"]["name"], patch, patch_type=ptype,
                                namespace=ns, subresource=opts.get("subresource") or None)
        except StatusError as e:
            raise KubectlError(e.kubectl()) from None
        _print_warnings(ctx)
        suffix = " (no change)" if new.metadata.resourceVersion == rv else ""
        ctx.print(f"{_ref(info, obj)} patched{suffix}")


def _parse_kv_updates(items: list[str], what: str) -> tuple[dict[str, str], list[str]]:
    adds: dict[str, str] = {}
    removes: list[str] = []
    for it in items:
        if it.endswith("-") and "=" not in it:
            removes.append(it[:-1])
        elif "=" in it:
            k, _, v = it.partition("=")
            adds[k] = v
        else:
            raise CommandError(f"invalid {what} spec: {it}")
    return adds, removes


def _split_kv_args(ctx: Context, args: list[str]) -> tuple[list[str], list[str]]:
    res: list[str] = []
    kv: list[str] = []
    for a in args:
        if "=" in a or (a.endswith("-") and res):
            kv.append(a)
        else:
            res.append(a)
    return res, kv


def _meta_update(ctx: Context, args: list[str], opts: dict[str, Any], field: str, command: str) -> None:
    res_args, kv = _split_kv_args(ctx, args)
    what = "label" if field == "labels" else "annotation"
    if not kv and not opts.get("list"):
        raise CommandError(f"at least one {what} update is required")
    adds, removes = _parse_kv_updates(kv, what)
    if opts.get("all") and not opts.get("selector"):
        opts = {**opts, "selector": ""}
    for info, obj in _targets(ctx, res_args, {**opts, "all": opts.get("all")}, command):
        current = dict((obj.get("metadata") or {}).get(field) or {})
        if not opts.get("overwrite"):
            for k, v in adds.items():
                if k in current and current[k] != v:
                    raise CommandError(f"'{k}' already has a value ({current[k]}), and --overwrite is false")
        new = dict(current)
        new.update(adds)
        for k in removes:
            new.pop(k, None)
        patch_val: dict[str, Any] = {k: v for k, v in adds.items()}
        for k in removes:
            if k in current:
                patch_val[k] = None
        ns = obj["metadata"].get("namespace")
        if patch_val:
            ctx.api.patch(info.qualified_resource, obj["metadata"]["name"], {"metadata": {field: patch_val}},
                          patch_type="merge", namespace=ns)
        if field == "labels":
            msg = "not labeled"
            if new != current:
                msg = "labeled"
                if not opts.get("overwrite") and len(new) < len(current):
                    msg = "unlabeled"
        else:
            msg = "annotated"
        ctx.print(f"{_ref(info, obj)} {msg}")


def cmd_label(ctx: Context, args: list[str], opts: dict[str, Any], dash: list[str] | None) -> None:
    """``kubectl label TYPE NAME k=v k2-``."""
    _meta_update(ctx, args, opts, "labels", "label")


def cmd_annotate(ctx: Context, args: list[str], opts: dict[str, Any], dash: list[str] | None) -> None:
    """``kubectl annotate TYPE NAME k=v k2-``."""
    _meta_update(ctx, args, opts, "annotations", "annotate")


# ----------------------------------------------------------------------------- nodes


def _parse_taint(spec: str) -> tuple[dict[str, str], bool]:
    remove = spec.endswith("-")
    body = spec[:-1] if remove else spec
    key_value, _, effect = body.partition(":")
    key, _, value = key_value.partition("=")
    if not remove and effect not in ("NoSchedule", "PreferNoSchedule", "NoExecute"):
        if not effect:
            raise CommandError(f"invalid taint spec: {spec}, unknown taint spec: {spec}" if False else
                               f"unknown taint spec: {spec}")
        raise CommandError(f"invalid taint effect: {effect}, unsupported taint effect")
    t = {"key": key, "effect": effect}
    if value:
        t["value"] = value
    return t, remove


def cmd_taint(ctx: Context, args: list[str], opts: dict[str, Any], dash: list[str] | None) -> None:
    """``kubectl taint nodes NAME key=value:Effect`` (``key:Effect-`` removes)."""
    res_args = [a for a in args if ":" not in a and not a.endswith("-")]
    specs = [a for a in args if a not in res_args]
    if not res_args:
        raise CommandError("one or more resources must be specified as <resource> <name>")
    if not specs:
        raise CommandError("at least one taint update is required")
    for info, obj in _targets(ctx, res_args, opts, "taint"):
        if info.kind != "Node":
            raise CommandError(f"invalid resource type {info.plural}, only node types are supported")
        taints = list((obj.get("spec") or {}).get("taints") or [])
        removed_any = added_any = False
        for spec in specs:
            t, remove = _parse_taint(spec)
            if remove:
                before = len(taints)
                taints = [x for x in taints if not (x.get("key") == t["key"] and (not t["effect"] or x.get("effect") == t["effect"]))]
                if len(taints) == before:
                    raise CommandError(f"taint \"{spec[:-1]}\" not found")
                removed_any = True
            else:
                same = [x for x in taints if x.get("key") == t["key"] and x.get("effect") == t["effect"]]
                if same and not opts.get("overwrite"):
                    raise CommandError(f"node {obj['metadata']['name']} already has {t['key']} taint(s) with same "
                                       "effect(s) and --overwrite is false")
                taints = [x for x in taints if x not in same] + [t]
                added_any = True
        ctx.api.patch("nodes", obj["metadata"]["name"], {"spec": {"taints": taints or None}}, patch_type="merge",
                      namespace=None)
        verb = "tainted" if added_any or not removed_any else "untainted"
        if removed_any and not added_any:
            verb = "untainted"
        ctx.print(f"node/{obj['metadata']['name']} {verb}")


def _cordon(ctx: Context, args: list[str], opts: dict[str, Any], value: bool, verb: str) -> None:
    if not args and not opts.get("selector"):
        raise CommandError(f"USAGE: {verb} NODE [flags]\nSee 'kubectl {verb} -h' for help and examples")
    names = args
    if opts.get("selector"):
        names = [n.metadata.name for n in ctx.api.list("nodes", None, label_selector=opts["selector"])]
    for name in names:
        node = ctx.api.get_dict("nodes", name, None)
        current = bool((node.get("spec") or {}).get("unschedulable"))
        done = "cordoned" if value else "uncordoned"
        if current == value:
            ctx.print(f"node/{name} already {done}")
            continue
        ctx.api.patch("nodes", name, {"spec": {"unschedulable": True if value else None}}, patch_type="merge",
                      namespace=None)
        ctx.print(f"node/{name} {done}")


def cmd_cordon(ctx: Context, args: list[str], opts: dict[str, Any], dash: list[str] | None) -> None:
    """``kubectl cordon NODE``."""
    _cordon(ctx, args, opts, True, "cordon")


def cmd_uncordon(ctx: Context, args: list[str], opts: dict[str, Any], dash: list[str] | None) -> None:
    """``kubectl uncordon NODE``."""
    _cordon(ctx, args, opts, False, "uncordon")


# ----------------------------------------------------------------------------- scale / rollout

REVISION = "deployment.kubernetes.io/revision"
CHANGE_CAUSE = "kubernetes.io/change-cause"


def cmd_scale(ctx: Context, args: list[str], opts: dict[str, Any], dash: list[str] | None) -> None:
    """``kubectl scale deployment/web --replicas=3``."""
    if opts.get("replicas") is None:
        raise KubectlError('error: required flag(s) "replicas" not set')
    if opts["replicas"] < 0:
        raise CommandError("The --replicas=COUNT flag is required, and COUNT must be greater than or equal to 0")
    for info, obj in _targets(ctx, args, opts, "scale"):
        if info.kind not in ("Deployment", "ReplicaSet", "StatefulSet"):
            raise KubectlError('Error from server (NotFound): the server could not find the requested resource')
        cur = (obj.get("spec") or {}).get("replicas")
        if opts.get("current_replicas") not in (None, -1) and cur != opts["current_replicas"]:
            raise CommandError(f"Expected replicas to be {opts['current_replicas']}, was {cur}")
        ctx.api.patch(info.qualified_resource, obj["metadata"]["name"], {"spec": {"replicas": opts["replicas"]}},
                      patch_type="merge", namespace=obj["metadata"].get("namespace"))
        ctx.print(f"{_ref(info, obj)} scaled")


def _owned_replicasets(ctx: Context, d: dict[str, Any]) -> list[dict[str, Any]]:
    uid = d["metadata"].get("uid")
    out = []
    for rs in ctx.api.list("replicasets.apps", d["metadata"].get("namespace")):
        r = rs.to_dict()
        if any(o.get("uid") == uid for o in r["metadata"].get("ownerReferences") or []):
            out.append(r)
    return out


def _rollout_status_text(d: dict[str, Any]) -> tuple[str, bool]:
    name = d["metadata"]["name"]
    spec, st = d.get("spec") or {}, d.get("status") or {}
    if (d["metadata"].get("generation") or 0) > (st.get("observedGeneration") or 0):
        return "Waiting for deployment spec update to be observed...", False
    for c in st.get("conditions") or []:
        if c.get("type") == "Progressing" and c.get("reason") == "ProgressDeadlineExceeded":
            raise CommandError(f'deployment "{name}" exceeded its progress deadline')
    replicas = spec.get("replicas") if spec.get("replicas") is not None else 1
    updated = st.get("updatedReplicas") or 0
    total = st.get("replicas") or 0
    available = st.get("availableReplicas") or 0
    if updated < replicas:
        return (f'Waiting for deployment "{name}" rollout to finish: {updated} out of {replicas} new replicas '
                "have been updated..."), False
    if total > updated:
        return (f'Waiting for deployment "{name}" rollout to finish: {total - updated} old replicas are pending '
                "termination..."), False
    if available < updated:
        return (f'Waiting for deployment "{name}" rollout to finish: {available} of {updated} updated replicas '
                "are available..."), False
    return f'deployment "{name}" successfully rolled out', True


def cmd_rollout(ctx: Context, args: list[str], opts: dict[str, Any], dash: list[str] | None) -> None:
    """``kubectl rollout status|history|undo|restart deployment/NAME``."""
    if not args:
        raise CommandError("Manage the rollout of one or many resources: use status, history, undo, restart, "
                           "pause or resume")
    sub, rest = args[0], args[1:]
    if sub not in ("status", "history", "undo", "restart", "pause", "resume"):
        raise KubectlError(f'error: unknown command "{sub}"\nSee \'kubectl rollout -h\' for help and examples')
    if not rest and not opts.get("filename"):
        raise CommandError("required resource not specified")
    targets = _targets(ctx, rest, opts, f"rollout {sub}")
    for info, d in targets:
        if info.kind != "Deployment":
            raise CommandError(f"rollout {sub} is available in the sandbox for deployments only, not {info.plural}")
        _ROLLOUT[sub](ctx, info, d, opts)


def _rollout_restart(ctx: Context, info: Any, d: dict[str, Any], opts: dict[str, Any]) -> None:
    now = datetime.fromtimestamp(ctx.now(), timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
    ctx.api.patch(info.qualified_resource, d["metadata"]["name"], {"spec": {"template": {"metadata": {"annotations": {
        "kubectl.kubernetes.io/restartedAt": now}}}}}, patch_type="strategic", namespace=d["metadata"].get("namespace"))
    ctx.print(f"{_ref(info, d)} restarted")


def _rollout_pause(ctx: Context, info: Any, d: dict[str, Any], opts: dict[str, Any], paused: bool = True) -> None:
    word = "paused" if paused else "resumed"
    if bool((d.get("spec") or {}).get("paused")) == paused:
        ctx.print(f"{_ref(info, d)} already {word}")
        return
    ctx.api.patch(info.qualified_resource, d["metadata"]["name"], {"spec": {"paused": True if paused else None}},
                  patch_type="merge", namespace=d["metadata"].get("namespace"))
    ctx.print(f"{_ref(info, d)} {word}")


def _rollout_resume(ctx: Context, info: Any, d: dict[str, Any], opts: dict[str, Any]) -> None:
    _rollout_pause(ctx, info, d, opts, paused=False)


def _rollout_status(ctx: Context, info: Any, d: dict[str, Any], opts: dict[str, Any]) -> None:
    name, ns = d["metadata"]["name"], d["metadata"].get("namespace")
    timeout = parse_duration(opts["timeout"]) if opts.get("timeout") not in (None, "", "0s", "0") else 600.0
    last = [""]

    def done() -> bool:
        text, ok = _rollout_status_text(ctx.api.get_dict(info.qualified_resource, name, ns))
        if text != last[0]:
            ctx.print(text)
            last[0] = text
        return ok

    run_all = getattr(ctx.clock, "run_all", None)
    if run_all is not None:
        run_all()  # what the controllers do at once, they have done by the time kubectl asks
    if not done() and opts.get("watch", True) and not ctx.clock.run_until(done, timeout):
        raise CommandError("timed out waiting for the condition")


def _revision_of(rs: dict[str, Any]) -> int:
    return int((rs["metadata"].get("annotations") or {}).get(REVISION, "0"))


def _rollout_history(ctx: Context, info: Any, d: dict[str, Any], opts: dict[str, Any]) -> None:
    rss = sorted(_owned_replicasets(ctx, d), key=_revision_of)
    if opts.get("revision"):
        want = opts["revision"]
        match = [r for r in rss if _revision_of(r) == want]
        if not match:
            raise CommandError("unable to find the specified revision")
        from sandbox.kubectl.describe import describe_pod_template

        # printTemplate writes through a bare PrefixWriter: the tabs stay tabs
        ctx.print(f"{_ref(info, d)} with revision #{want}")
        ctx.print(describe_pod_template(match[0]["spec"]["template"], raw=True))
        return
    w = TabWriter(min_width=0, padding=2, remember_widths=False)
    w.write("REVISION\tCHANGE-CAUSE\n")
    for r in rss:
        ann = r["metadata"].get("annotations") or {}
        w.write(f"{_revision_of(r)}\t{ann.get(CHANGE_CAUSE) or '<none>'}\n")
    ctx.print(f"{_ref(info, d)} \n{w.flush()}")


def _rollout_undo(ctx: Context, info: Any, d: dict[str, Any], opts: dict[str, Any]) -> None:
    name, ns = d["metadata"]["name"], d["metadata"].get("namespace")
    by_rev = {_revision_of(r): r for r in _owned_replicasets(ctx, d)}
    current = int((d["metadata"].get("annotations") or {}).get(REVISION, "0"))
    want = opts.get("to_revision") or 0
    if want:
        target = by_rev.get(want)
        if target is None:
            raise CommandError(f"unable to find specified revision {want} in history")
    else:
        older = [rev for rev in by_rev if rev < current]
        if not older:
            raise CommandError(f'no rollout history found for deployment "{name}"')
        want = max(older)
        target = by_rev[want]
    tmpl = json.loads(json.dumps(target["spec"]["template"]))
    (tmpl.get("metadata") or {}).get("labels", {}).pop("pod-template-hash", None)
    if tmpl == (d.get("spec") or {}).get("template"):
        ctx.print(f"{_ref(info, d)} skipped rollback (current template already matches revision {want})")
        return
    ctx.api.patch(info.qualified_resource, name, [{"op": "replace", "path": "/spec/template", "value": tmpl}],
                  patch_type="json", namespace=ns)
    ctx.print(f"{_ref(info, d)} rolled back")


_ROLLOUT = {
    "status": _rollout_status,
    "history": _rollout_history,
    "undo": _rollout_undo,
    "restart": _rollout_restart,
    "pause": _rollout_pause,
    "resume": _rollout_resume,
}


# ----------------------------------------------------------------------------- logs / exec / debug


def _pod_for(ctx: Context, ref: str) -> Any:
    if "/" in ref:
        kind, _, name = ref.partition("/")
        info = resolve(ctx.api, kind)
        if info.kind != "Pod":
            obj = ctx.api.get(info.qualified_resource, name, ctx.namespace)
            return _first_pod_of(ctx, info, obj)
        ref = name
    return ctx.api.get("pods", ref, ctx.namespace)


def _first_pod_of(ctx: Context, info: Any, obj: Any) -> Any:
    from sandbox.kubectl.printers.table import label_selector_string

    d = obj.to_dict()
    sel = label_selector_string((d.get("spec") or {}).get("selector"))
    pods = sorted(ctx.api.list("pods", ctx.namespace, label_selector=sel or None),
                  key=lambda p: (p.metadata.creationTimestamp, p.metadata.name))
    if not pods:
        raise CommandError("timed out waiting for the condition")
    return pods[0]


def _default_container(ctx: Context, pod: Any, quiet: bool = False) -> str | None:
    """``podcmd.FindOrDefaultContainerByName``: the annotated default, else the first container
    (saying so on stderr when there are several)."""
    containers = pod.spec.containers or []
    ann = (pod.metadata.annotations or {}).get("kubectl.kubernetes.io/default-container")
    if ann:
        return ann
    if not containers:
        return None
    if len(containers) > 1 and not quiet:
        names = ([c.name for c in containers] + [f"{c.name} (ephem)" for c in pod.spec.ephemeralContainers or []]
                 + [f"{c.name} (init)" for c in pod.spec.initContainers or []])
        ctx.eprint(f'Defaulted container "{containers[0].name}" out of: {", ".join(names)}')
    return containers[0].name


def cmd_logs(ctx: Context, args: list[str], opts: dict[str, Any], dash: list[str] | None) -> None:
    """``kubectl logs POD [-c C] [-p] [--timestamps] [--tail N] [-f]``."""
    if not args or len(args) > 2:
        raise KubectlError("error: expected 'logs [-f] [-p] (POD | TYPE/NAME) [-c CONTAINER]'.\n"
                           "POD or TYPE/NAME is a required argument for the logs command\n"
                           "See 'kubectl logs -h' for help and examples")
    container = opts.get("container") or (args[1] if len(args) == 2 else None)
    pod = _pod_for(ctx, args[0])
    kubelet = ctx.kubelet_of_pod(pod, "logs", container or (pod.spec.containers[0].name if pod.spec.containers else ""))
    tail = opts.get("tail")
    tail = None if tail is None or tail < 0 else tail
    if opts.get("all_containers"):
        names = [c.name for c in (pod.spec.initContainers or [])] + [c.name for c in pod.spec.containers or []]
    else:
        names = [container or _default_container(ctx, pod)]
    for cname in names:
        text = kubelet.logs(pod.metadata.namespace, pod.metadata.name, cname, previous=bool(opts.get("previous")),
                            timestamps=bool(opts.get("timestamps")), tail=tail)
        if opts.get("prefix"):
            cn = cname or pod.spec.containers[0].name
            text = "".join(f"[pod/{pod.metadata.name}/{cn}] {line}\n" for line in text.splitlines())
        ctx.out.append(text)
    if opts.get("follow"):
        _follow(ctx, kubelet, pod, names[-1], opts)


def _follow(ctx: Context, kubelet: Any, pod: Any, container: str | None, opts: dict[str, Any]) -> None:
    seconds = 60.0
    for key in ("for", "request_timeout"):
        if opts.get(key) and opts[key] != "0":
            seconds = parse_duration(opts[key])
            break
    seen = "".join(ctx.out)
    printed = len(kubelet.logs(pod.metadata.namespace, pod.metadata.name, container,
                               timestamps=bool(opts.get("timestamps"))))
    del seen
    deadline = ctx.now() + seconds
    step = 1.0
    while ctx.now() < deadline:
        ctx.clock.advance(min(step, deadline - ctx.now()))
        try:
            text = kubelet.logs(pod.metadata.namespace, pod.metadata.name, container,
                                timestamps=bool(opts.get("timestamps")))
        except StatusError:
            break
        if len(text) > printed:
            ctx.out.append(text[printed:])
            printed = len(text)
        cur = ctx.api.get("pods", pod.metadata.name, pod.metadata.namespace)
        if cur.status is not None and cur.status.phase in ("Succeeded", "Failed"):
            break


def cmd_exec(ctx: Context, args: list[str], opts: dict[str, Any], dash: list[str] | None) -> None:
    """``kubectl exec POD [-c C] -- cmd args``."""
    if not args:
        raise CommandError("pod, type/name or --filename must be specified")
    command = list(dash or []) or args[1:]
    if dash is None and len(args) > 1:
        raise CommandError("exec [POD] [COMMAND] is not supported anymore. Use exec [POD] -- [COMMAND] instead\n"
                           "See 'kubectl exec -h' for help and examples")
    if not command:
        raise CommandError("you must specify at least one command for the container")
    pod = _pod_for(ctx, args[0])
    container = opts.get("container") or _default_container(ctx, pod, bool(opts.get("quiet")))
    kubelet = ctx.kubelet_of_pod(pod, "exec", container or "")
    box: list[Any] = []
    stdin = opts.get("stdin_text")
    try:
        kubelet.exec(pod.metadata.namespace, pod.metadata.name, container, command, box.append, timeout=None,
                     stdin=stdin)
    except StatusError as e:
        raise KubectlError(e.kubectl()) from None
    except Exception as e:  # the kubelet's own refusals (container not found...)
        raise KubectlError(f"error: {e}") from None
    limit = parse_duration(opts["for"]) if opts.get("for") else 3600.0
    if not ctx.clock.run_until(lambda: bool(box), limit):
        raise CommandError(f"exec did not finish within {limit:g}s of virtual time")
    result = box[0]
    ctx.out.append(result.stdout)
    if result.stderr:
        ctx.err.append(result.stderr)
    if result.exit_code != 0:
        ctx.eprint(f"command terminated with exit code {result.exit_code}")
        ctx.exit_code = result.exit_code


def cmd_debug(ctx: Context, args: list[str], opts: dict[str, Any], dash: list[str] | None) -> None:
    """``kubectl debug POD --image=busybox [--target=C] [-c NAME] -- cmd``: an ephemeral container."""
    if not opts.get("image"):
        raise CommandError("you must specify --image when not using --copy-to.")
    if not args:
        raise CommandError("you must specify an existing pod to debug")
    pod = _pod_for(ctx, args[0])
    existing = {c.name for c in pod.spec.ephemeralContainers or []}
    name = opts.get("container")
    if not name:
        n = 0
        import random

        rng = random.Random(f"{pod.metadata.uid}-{len(existing)}")
        alphabet = "bcdfghjklmnpqrstvwxz2456789"
        name = "debugger-" + "".join(rng.choice(alphabet) for _ in range(5))
        while name in existing and n < 10:
            name = "debugger-" + "".join(rng.choice(alphabet) for _ in range(5))
            n += 1
    command = list(dash or [])
    ec: dict[str, Any] = {"name": name, "image": opts["image"], "imagePullPolicy": "IfNotPresent",
                          "terminationMessagePolicy": "File", "resources": {}}
    if command:
        ec["command"] = command
    if opts.get("target"):
        ec["targetContainerName"] = opts["target"]
        if not opts.get("quiet"):
            ctx.print(f'Targeting container "{opts["target"]}". If you don\'t see processes from this container '
                      "it may be because the container runtime doesn't support this feature.")
    if opts.get("stdin") or opts.get("interactive"):
        ec["stdin"] = True
    if opts.get("tty"):
        ec["tty"] = True
    d = pod.to_dict()
    d["spec"].setdefault("ephemeralContainers", []).append(ec)
    try:
        ctx.api.update(d, subresource="ephemeralcontainers", namespace=pod.metadata.namespace)
    except StatusError as e:
        raise KubectlError(e.kubectl()) from None
    if opts.get("target") is None:
        pass
    if not (opts.get("stdin") or opts.get("interactive") or opts.get("attach")):
        ctx.eprint(f"Defaulting debug container name to {name}." if not opts.get("container") else "")
        if not opts.get("container"):
            pass
        return
    if not opts.get("container"):
        ctx.eprint(f"Defaulting debug container name to {name}.")
    limit = parse_duration(opts["for"]) if opts.get("for") else 300.0

    def finished() -> bool:
        cur = ctx.api.get("pods", pod.metadata.name, pod.metadata.namespace)
        for s in (cur.status.ephemeralContainerStatuses or []) if cur.status else []:
            if s.name == name and s.state is not None and s.state.terminated is not None:
                return True
        return False

    ctx.clock.run_until(finished, limit)
    kubelet = ctx.kubelet_of_pod(pod)
    try:
        ctx.out.append(kubelet.logs(pod.metadata.namespace, pod.metadata.name, name))
    except StatusError as e:
        ctx.eprint(e.kubectl())


# ----------------------------------------------------------------------------- wait / top / version / api-resources


def cmd_wait(ctx: Context, args: list[str], opts: dict[str, Any], dash: list[str] | None) -> None:
    """``kubectl wait --for=condition=Ready pod/x --timeout=60s`` (virtual seconds)."""
    cond = opts.get("for") or ""
    if not cond:
        raise CommandError('unrecognized condition: ""')
    timeout = parse_duration(opts.get("timeout") or "30s")
    if cond == "delete":
        check = ("delete", None, None)
    elif cond.startswith("condition="):
        ctype, _, want = cond[len("condition="):].partition("=")
        check = ("condition", ctype, want or "True")
    elif cond.startswith("jsonpath="):
        expr, _, want = cond[len("jsonpath="):].partition("=")
        from sandbox.kubectl.printers.jsonpath import JSONPath, relaxed

        check = ("jsonpath", JSONPath(relaxed(expr.strip("'\""))), want)
    elif cond == "create":
        check = ("create", None, None)
    else:
        raise CommandError(f'unrecognized condition: "{cond}"')
    if not args and not opts.get("filename"):
        raise CommandError(
            "You must provide one or more resources by argument or filename.\n"
            "Example resource specifications include:\n   '-f rsrc.yaml'\n   '--filename=rsrc.json'\n"
            "   '<resource> <name>'\n   '<resource>'")
    spec = parse_resource_args(ctx.api, args, "wait")
    items: list[tuple[Any, str]] = []
    for t in spec.targets:
        if t.names:
            items.extend((t.info, n) for n in t.names)
        else:
            ns = None if opts.get("all_namespaces") else (ctx.namespace if t.info.namespaced else None)
            lst = ctx.api.list(t.info.qualified_resource, ns, label_selector=opts.get("selector") or None)
            items.extend((t.info, o.metadata.name) for o in lst)
            if not items and not opts.get("all"):
                raise CommandError("no matching resources found")
    if not items:
        raise CommandError("no matching resources found")
    for info, name in items:
        ns = ctx.namespace if info.namespaced else None
        if check[0] != "create":
            try:
                ctx.api.get_dict(info.qualified_resource, name, ns)
            except NotFound as e:
                if check[0] == "delete":
                    continue
                raise KubectlError(e.kubectl()) from None

        def met(info: Any = info, name: str = name, ns: str | None = ns) -> bool:
            try:
                obj = ctx.api.get_dict(info.qualified_resource, name, ns)
            except NotFound:
                return check[0] == "delete"
            kind, a, b = check
            if kind == "create":
                return True
            if kind == "condition":
                for c in (obj.get("status") or {}).get("conditions") or []:
                    if str(c.get("type", "")).lower() == a.lower():
                        return str(c.get("status", "")).lower() == b.lower()
                return False
            if kind == "jsonpath":
                res = a.find_results(obj)
                vals = [v for g in res for v in g]
                if not b:
                    return bool(vals)
                from sandbox.kubectl.printers.jsonpath import text_of

                return bool(vals) and text_of(vals[0]) == b
            return False

        if not ctx.clock.run_until(met, timeout):
            raise CommandError(f"timed out waiting for the condition on {info.plural}/{name}")
        word = "deleted" if check[0] == "delete" else "condition met"
        ctx.print(f"{kind_prefix(info)}/{name} {word}")


def cmd_top(ctx: Context, args: list[str], opts: dict[str, Any], dash: list[str] | None) -> None:
    """``kubectl top pod|node``: usage from the sandbox's metrics server (see :mod:`sandbox.kubectl.top`)."""
    from sandbox.kubectl.top import run_top

    run_top(ctx, args, opts)


def cmd_version(ctx: Context, args: list[str], opts: dict[str, Any], dash: list[str] | None) -> None:
    """``kubectl version``."""
    if opts.get("client"):
        ctx.print(f"Client Version: {CLIENT_VERSION}\nKustomize Version: {KUSTOMIZE_VERSION}")
        return
    if opts.get("output") in ("json", "yaml"):
        doc = {"clientVersion": _version_info(CLIENT_VERSION), "kustomizeVersion": KUSTOMIZE_VERSION,
               "serverVersion": _version_info(SERVER_VERSION)}
        from sandbox.kubectl.printers.yaml_json import to_json, to_yaml

        ctx.out.append(to_json(doc) if opts["output"] == "json" else to_yaml(doc))
        return
    ctx.print(f"Client Version: {CLIENT_VERSION}\nKustomize Version: {KUSTOMIZE_VERSION}\nServer Version: {SERVER_VERSION}")


def _version_info(v: str) -> dict[str, str]:
    major, minor, _ = v.lstrip("v").split(".")
    return {"major": major, "minor": minor, "gitVersion": v, "goVersion": "go1.23.4", "compiler": "gc",
            "platform": "linux/amd64", "gitCommit": "", "gitTreeState": "clean", "buildDate": ""}


def cmd_api_resources(ctx: Context, args: list[str], opts: dict[str, Any], dash: list[str] | None) -> None:
    """``kubectl api-resources``: ``NAME SHORTNAMES APIVERSION NAMESPACED KIND``."""
    infos = [i for i in ctx.api.registry.kinds()]
    if opts.get("namespaced") is not None and "namespaced" in opts.get("_given", set()):
        infos = [i for i in infos if i.namespaced == opts["namespaced"]]
    if opts.get("api_group") is not None:
        infos = [i for i in infos if i.group == opts["api_group"]]
    infos.sort(key=lambda i: (i.group, i.plural))
    if opts.get("output") == "name":
        for i in infos:
            ctx.print(i.plural + (f".{i.group}" if i.group else ""))
        return
    wide = opts.get("output") == "wide"
    headers = ["NAME", "SHORTNAMES", "APIVERSION", "NAMESPACED", "KIND"] + (["VERBS", "CATEGORIES"] if wide else [])
    table = Table(headers)
    for i in infos:
        row = [i.plural, ",".join(i.short_names), i.api_version, "true" if i.namespaced else "false", i.kind]
        if wide:
            row += [",".join(i.verbs), ",".join(i.categories)]
        table.rows.append(row)
    ctx.out.append(render_table(table, no_headers=bool(opts.get("no_headers"))))




# ----------------------------------------------------------------------------- events


def _event_time(e: dict[str, Any]) -> float:
    from sandbox.kubectl.age import parse_ts

    series = e.get("series") or {}
    for value in (series.get("lastObservedTime"), e.get("lastTimestamp"), e.get("eventTime")):
        t = parse_ts(value)
        if t is not None:
            return t.timestamp()
    return float("-inf")


def _event_interval(e: dict[str, Any], now: float) -> str:
    from sandbox.kubectl.age import translate_timestamp_since as since

    first = since(e.get("eventTime"), now) if e.get("eventTime") else since(e.get("firstTimestamp"), now)
    series = e.get("series")
    count = e.get("count") or 0
    if series is not None:
        return f"{since(series.get('lastObservedTime'), now)} (x{series.get('count') or 0} over {first})"
    if count > 1:
        return f"{since(e.get('lastTimestamp'), now)} (x{count} over {first})"
    return first


def cmd_events(ctx: Context, args: list[str], opts: dict[str, Any], dash: list[str] | None) -> None:
    """``kubectl events [--for KIND/NAME] [--types Warning] [-A]``, oldest first."""
    if args:
        raise CommandError("unexpected arguments, use --for to filter events of one object")
    all_ns = bool(opts.get("all_namespaces"))
    selector = None
    if opts.get("for"):
        kind, _, name = opts["for"].partition("/")
        if not name:
            raise CommandError("--for must be in resource/name form")
        info = resolve(ctx.api, kind)
        selector = f"involvedObject.kind={info.kind},involvedObject.name={name}"
    events = [e.to_dict() for e in ctx.api.list("events", None if all_ns else ctx.namespace, field_selector=selector)]
    types = [t for t in opts.get("types") or [] if t]
    for t in types:
        if t not in ("Normal", "Warning"):
            raise CommandError("valid --types are Normal or Warning")
    if types:
        events = [e for e in events if e.get("type") in types]
    if not events:
        if all_ns:
            ctx.eprint("No events found.")
        else:
            ctx.eprint(f"No events found in {ctx.namespace} namespace.")
        return
    from sandbox.kubectl.gosort import go_sort

    go_sort(events, lambda x, y: _event_time(x) < _event_time(y))
    w = TabWriter()
    if not opts.get("no_headers"):
        w.write_row((["NAMESPACE"] if all_ns else []) + ["LAST SEEN", "TYPE", "REASON", "OBJECT", "MESSAGE"])
    now = ctx.now()
    for e in events:
        inv = e.get("involvedObject") or {}
        row = [_event_interval(e, now), e.get("type") or "", e.get("reason") or "",
               f"{inv.get('kind', '')}/{inv.get('name', '')}", (e.get("message") or "").strip()]
        w.write_row(([e["metadata"].get("namespace", "")] if all_ns else []) + row)
    ctx.out.append(w.flush())


# ----------------------------------------------------------------------------- run / create deployment


def _dry_run_mode(opts: dict[str, Any]) -> str:
    mode = opts.get("dry_run") or "none"
    if mode in ("", "unchanged"):
        mode = "client"
    if mode not in ("none", "client", "server"):
        raise CommandError(f'Invalid dry-run value ({mode}). Must be "none", "server", or "client".')
    return mode


def _emit_created(ctx: Context, info_prefix: str, obj: dict[str, Any], opts: dict[str, Any], mode: str) -> None:
    from sandbox.kubectl.printers.yaml_json import to_json, to_yaml

    out = opts.get("output") or ""
    if out == "yaml":
        ctx.out.append(to_yaml(obj))
    elif out == "json":
        # a typed object: encoding/json writes the Go struct's field order, not sorted keys
        ctx.out.append(to_json(obj, sort_keys=False))
    elif out == "name":
        ctx.print(f"{info_prefix}/{obj['metadata']['name']}")
    elif out:
        raise CommandError(f'unable to match a printer suitable for the output format "{out}", allowed formats are: '
                           "go-template,go-template-file,json,jsonpath,jsonpath-as-json,jsonpath-file,name,template,"
                           "templatefile,yaml")
    else:
        suffix = {"client": " (dry run)", "server": " (server dry run)"}.get(mode, "")
        ctx.print(f"{info_prefix}/{obj['metadata']['name']} created{suffix}")


def _parse_env(items: list[str]) -> list[dict[str, str]]:
    env = []
    for item in items:
        if not item:
            continue
        k, sep, v = item.partition("=")
        if not sep:
            raise CommandError(f'invalid env: {item}')
        env.append({"name": k, "value": v})
    return env


def cmd_run(ctx: Context, args: list[str], opts: dict[str, Any], dash: list[str] | None) -> None:
    """``kubectl run NAME --image=IMAGE [--restart] [--labels] [--env] [--port] [--command] -- ARGS``."""
    if not args:
        raise KubectlError("error: NAME is required for run\nSee 'kubectl run -h' for help and examples")
    name = args[0]
    image = opts.get("image")
    if not image:
        raise KubectlError('error: required flag(s) "image" not set')
    restart = opts.get("restart") or "Always"
    if restart not in ("Always", "OnFailure", "Never"):
        raise CommandError(f"invalid restart policy: {restart}")
    mode = _dry_run_mode(opts)
    labels: dict[str, str] = {"run": name}
    if opts.get("labels"):
        labels = {}
        for pair in opts["labels"].split(","):
            k, sep, v = pair.partition("=")
            if not sep:
                raise CommandError(f"invalid label spec: {pair}")
            labels[k] = v
    # keys in the Go structs' field order (what -o json of a typed object shows)
    container: dict[str, Any] = {"name": name, "image": image}
    extra = list(dash or []) + args[1:]
    if extra:
        container["command" if opts.get("command") else "args"] = extra
    if opts.get("port"):
        container["ports"] = [{"containerPort": int(opts["port"])}]
    env = _parse_env(opts.get("env") or [])
    if env:
        container["env"] = env
    container["resources"] = {}
    if opts.get("image_pull_policy"):
        container["imagePullPolicy"] = opts["image_pull_policy"]
    if opts.get("stdin") or opts.get("tty"):
        container["stdin"] = True
        if opts.get("stdin"):
            container["stdinOnce"] = True
        if opts.get("tty"):
            container["tty"] = True
    meta: dict[str, Any] = {"name": name}
    if ctx.namespace_given:
        meta["namespace"] = ctx.namespace
    meta["creationTimestamp"] = None
    meta["labels"] = labels
    pod = {"kind": "Pod", "apiVersion": "v1", "metadata": meta,
           "spec": {"containers": [container], "restartPolicy": restart, "dnsPolicy": "ClusterFirst"},
           "status": {}}
    if mode == "client":
        _emit_created(ctx, "pod", pod, opts, mode)
        return
    body = json.loads(json.dumps(pod))
    body["metadata"].pop("creationTimestamp")
    body.pop("status")
    created = ctx.api.create(body, namespace=ctx.namespace, dry_run=mode == "server")
    _print_warnings(ctx)
    if not (opts.get("stdin") or opts.get("attach")):
        _emit_created(ctx, "pod", created.to_dict(), opts, mode)
        return
    # -i/--attach: there is no terminal in the sandbox; run to completion and show the output
    def finished() -> bool:
        cur = ctx.api.get("pods", name, ctx.namespace)
        return cur.status is not None and cur.status.phase in ("Succeeded", "Failed")

    limit = parse_duration(opts["for"]) if opts.get("for") else 300.0
    ctx.clock.run_until(finished, limit)
    cur = ctx.api.get("pods", name, ctx.namespace)
    ctx.out.append(ctx.kubelet_of_pod(cur, "logs", name).logs(ctx.namespace, name, name))
    if opts.get("rm"):
        ctx.api.delete("pods", name, ctx.namespace)
        ctx.print(f'pod "{name}" deleted')


def _container_name_from_image(image: str) -> str:
    """kubectl create deployment's container name: the image's last path part without tag or digest."""
    base = image.split("@", 1)[0]
    last = base.rsplit("/", 1)[-1]
    last = last.split(":", 1)[0]
    return "".join(ch if ch.isalnum() or ch == "-" else "-" for ch in last.lower()).strip("-")


def create_deployment(ctx: Context, args: list[str], opts: dict[str, Any]) -> None:
    """``kubectl create deployment NAME --image=IMAGE [--replicas=N] [--port=P]``."""
    if len(args) != 2:
        raise KubectlError(f"error: exactly one NAME is required, got {len(args) - 1}\n"
                           "See 'kubectl create deployment -h' for help and examples")
    name = args[1]
    images = [i for i in opts.get("image") or [] if i]
    if not images:
        raise KubectlError('error: required flag(s) "image" not set')
    mode = _dry_run_mode(opts)
    containers = []
    seen: dict[str, int] = {}
    for image in images:
        cname = _container_name_from_image(image)
        if cname in seen:
            seen[cname] += 1
            cname = f"{cname}-{seen[cname]}"
        else:
            seen[cname] = 0
        c: dict[str, Any] = {"name": cname, "image": image}
        if not containers and opts.get("_dash"):
            c["command"] = list(opts["_dash"])
        if opts.get("port") not in (None, -1):
            c["ports"] = [{"containerPort": opts["port"]}]
        c["resources"] = {}
        containers.append(c)
    labels = {"app": name}
    meta: dict[str, Any] = {"name": name}
    if ctx.namespace_given:
        meta["namespace"] = ctx.namespace
    meta["creationTimestamp"] = None
    meta["labels"] = labels
    d: dict[str, Any] = {
        "kind": "Deployment", "apiVersion": "apps/v1", "metadata": meta,
        "spec": {"replicas": opts.get("replicas") if opts.get("replicas") is not None else 1,
                 "selector": {"matchLabels": dict(labels)},
                 "template": {"metadata": {"creationTimestamp": None, "labels": dict(labels)},
                              "spec": {"containers": containers}},
                 "strategy": {}},
        "status": {}}
    if mode == "client":
        _emit_created(ctx, "deployment.apps", d, opts, mode)
        return
    body = json.loads(json.dumps(d))
    body["metadata"].pop("creationTimestamp")
    body["spec"]["template"]["metadata"].pop("creationTimestamp")
    body.pop("status")
    created = ctx.api.create(body, namespace=ctx.namespace, dry_run=mode == "server")
    _emit_created(ctx, "deployment.apps", created.to_dict(), opts, mode)
