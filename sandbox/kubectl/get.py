"""``kubectl get``: tables, ``-o wide|yaml|json|name|jsonpath|jsonpath-as-json|custom-columns``,
selectors, ``-A``, ``--sort-by``, ``--no-headers``, ``-L``, ``--show-labels`` and ``-w`` on
virtual time."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from sandbox.errors import StatusError
from sandbox.kubectl.context import Context
from sandbox.kubectl.errors import CommandError, KubectlError
from sandbox.kubectl.flags import Flag
from sandbox.kubectl.printers.custom_columns import CustomColumns, parse_custom_columns
from sandbox.kubectl.printers.jsonpath import JSONPath, JSONPathError, relaxed
from sandbox.kubectl.printers.name import name_line
from sandbox.kubectl.printers.table import build_table, render_table
from sandbox.kubectl.printers.tabwriter import TabWriter
from sandbox.kubectl.printers.yaml_json import to_json, to_yaml
from sandbox.kubectl.resources import ResourceSpec, kind_prefix, parse_resource_args

__all__ = ["GET_FLAGS", "OutputFormat", "parse_output", "run_get", "print_objects", "no_resources_message"]

GET_FLAGS = [
    Flag("output", "o", "str", ""),
    Flag("all-namespaces", "A"),
    Flag("selector", "l", "str"),
    Flag("field-selector", kind="str"),
    Flag("show-labels"),
    Flag("label-columns", "L", "list"),
    Flag("no-headers"),
    Flag("sort-by", kind="str"),
    Flag("watch", "w"),
    Flag("watch-only"),
    Flag("output-watch-events"),
    Flag("for", kind="str"),
    Flag("show-kind"),
    Flag("filename", "f", "list"),
    Flag("recursive", "R"),
    Flag("ignore-not-found"),
    Flag("chunk-size", kind="int", default=500),
    Flag("allow-missing-template-keys", kind="bool", default=True),
    Flag("show-managed-fields"),
    Flag("subresource", kind="str"),
    Flag("raw", kind="str"),
    Flag("template", kind="str"),
]

ALLOWED_FORMATS = ("custom-columns,custom-columns-file,go-template,go-template-file,json,jsonpath,"
                   "jsonpath-as-json,jsonpath-file,name,template,templatefile,wide,yaml")


@dataclass
class OutputFormat:
    """A parsed ``-o`` value."""

    kind: str  # table, wide, yaml, json, name, jsonpath, jsonpath-as-json, custom-columns
    arg: str = ""

    @property
    def human(self) -> bool:
        return self.kind in ("table", "wide")


def parse_output(value: str | None) -> OutputFormat:
    """``-o`` as kubectl's print flags accept it."""
    if not value:
        return OutputFormat("table")
    name, eq, arg = value.partition("=")
    if name in ("wide", "yaml", "json", "name"):
        if eq:
            raise CommandError(
                f'unable to match a printer suitable for the output format "{value}", allowed formats are: {ALLOWED_FORMATS}')
        return OutputFormat(name)
    if name in ("jsonpath", "jsonpath-as-json"):
        if not arg:
            raise CommandError("template format specified but no template given")
        try:
            JSONPath(arg)
        except JSONPathError as e:
            raise CommandError(f"error parsing jsonpath {arg}, {e}") from None
        return OutputFormat(name, arg)
    if name == "custom-columns":
        parse_custom_columns(arg)
        return OutputFormat(name, arg)
    raise CommandError(
        f'unable to match a printer suitable for the output format "{value}", allowed formats are: {ALLOWED_FORMATS}')


def no_resources_message(ctx: Context, all_namespaces: bool, namespaced: bool = True) -> str:
    """``No resources found in default namespace.`` (``No resources found`` across namespaces)."""
    if all_namespaces or not namespaced:
        return "No resources found"
    return f"No resources found in {ctx.namespace} namespace."


def _is_less(a: Any, b: Any) -> bool:
    """``isLess`` of kubectl's sorter.go for decoded JSON values."""
    from sandbox.api.quantity import Quantity, QuantityError

    if a is None and b is None:
        return False
    if a is None:
        return True
    if b is None:
        return False
    if isinstance(a, bool) or isinstance(b, bool) or isinstance(a, (dict, list)):
        raise CommandError(f"Field is an unsortable type: {type(a).__name__}")
    if isinstance(a, (int, float)) and isinstance(b, (int, float)):
        return a < b
    if isinstance(a, str) and isinstance(b, str):
        try:
            return Quantity(a) < Quantity(b)
        except (QuantityError, ValueError):
            # kubectl 1.32 compares plain strings byte by byte ("10.244.1.10" < "10.244.1.9");
            # later versions switched to a natural order
            return a < b
    return str(a) < str(b)


def sort_objects(objects: list[dict[str, Any]], sort_by: str) -> list[dict[str, Any]]:
    """``--sort-by``: ``SortObjects`` (a JSONPath field, kubectl's ``isLess``, Go's unstable ``sort.Sort``)."""
    from sandbox.kubectl.gosort import go_sort

    try:
        field = relaxed(sort_by)
        parser = JSONPath(field, allow_missing_keys=True)
    except JSONPathError as e:
        raise CommandError(str(e)) from None
    keyed = []
    for o in objects:
        res = parser.find_results(o)
        keyed.append((res[0] if res and res[0] else None, o))
    if objects and all(v is None for v, _ in keyed):
        raise CommandError(f'couldn\'t find any field with path "{field}" in the list of objects')

    def less(x: tuple[Any, Any], y: tuple[Any, Any]) -> bool:
        if x[0] is None:
            return True  # kubectl: an object without the field is "less", even than another without it
        if y[0] is None:
            return False
        return _is_less(x[0][0], y[0][0])

    go_sort(keyed, less)
    return [o for _, o in keyed]


def _as_list(items: list[dict[str, Any]]) -> dict[str, Any]:
    return {"apiVersion": "v1", "items": items, "kind": "List", "metadata": {"resourceVersion": ""}}


def _strip_managed(obj: dict[str, Any], show_managed: bool) -> dict[str, Any]:
    if not show_managed:
        obj.get("metadata", {}).pop("managedFields", None)
    return obj


def print_objects(
    ctx: Context,
    groups: list[tuple[Any, list[dict[str, Any]]]],
    fmt: OutputFormat,
    opts: dict[str, Any],
    *,
    single: bool,
) -> None:
    """Print objects grouped by kind in the requested format."""
    all_items = [o for _, objs in groups for o in objs]
    if fmt.kind in ("yaml", "json", "jsonpath", "jsonpath-as-json"):
        doc = all_items[0] if single and len(all_items) == 1 else _as_list(all_items)
        if fmt.kind == "yaml":
            ctx.out.append(to_yaml(doc))
        elif fmt.kind == "json":
            ctx.out.append(to_json(doc))
        else:
            jp = JSONPath(fmt.arg, allow_missing_keys=opts.get("allow_missing_template_keys", True),
                          output_json=fmt.kind == "jsonpath-as-json")
            try:
                ctx.out.append(jp.execute(doc))
            except JSONPathError as e:
                raise CommandError(f'error executing jsonpath "{fmt.arg}": Error executing template: {e}. '
                                   "Printing more information for debugging the template:\n"
                                   f"\ttemplate was:\n\t\t{fmt.arg}\n"
                                   f"\tobject given to jsonpath engine was:\n\t\t{_compact(doc)}\n\n") from None
        return
    if fmt.kind == "name":
        for info, objs in groups:
            for o in objs:
                ctx.print(name_line(kind_prefix(info), o))
        return
    if fmt.kind == "custom-columns":
        printer = CustomColumns(parse_custom_columns(fmt.arg), no_headers=opts.get("no_headers", False))
        ctx.out.append(printer.render(all_items))
        return
    with_kind = len({info.kind for info, objs in groups if objs}) > 1 or opts.get("show_kind", False)
    first = True
    for info, objs in groups:
        if not objs:
            continue
        if not first and not opts.get("no_headers"):
            ctx.print()
        first = False
        table = build_table(
            info.kind, objs, ctx.now(),
            wide=fmt.kind == "wide",
            with_namespace=bool(opts.get("all_namespaces")) and info.namespaced,
            show_labels=bool(opts.get("show_labels")),
            label_columns=[c for c in opts.get("label_columns") or [] if c],
            name_prefix=kind_prefix(info) + "/" if with_kind else "",
        )
        ctx.out.append(render_table(table, no_headers=bool(opts.get("no_headers"))))


def _compact(doc: Any) -> str:
    import json

    return json.dumps(doc, separators=(",", ":"), sort_keys=True)


def _load_file_targets(ctx: Context, filenames: list[str]) -> ResourceSpec:
    from sandbox.api import manifests
    from sandbox.kubectl.resources import Target

    targets = []
    for path in filenames:
        for d in manifests.load_dicts(path):
            info = ctx.api.registry.for_kind(d.get("apiVersion", ""), d.get("kind", ""))
            targets.append(Target(info, [(d.get("metadata") or {}).get("name", "")]))
    return ResourceSpec(targets, True, len(targets) == 1)


def run_get(ctx: Context, args: list[str], opts: dict[str, Any]) -> None:
    """``kubectl get ...``."""
    fmt = parse_output(opts.get("output"))
    if opts.get("filename"):
        spec = _load_file_targets(ctx, opts["filename"])
    else:
        if not args:
            raise KubectlError(
                'You must specify the type of resource to get. Use "kubectl api-resources" for a complete list of '
                "supported resources.\n\nerror: Required resource not specified.\n"
                'Use "kubectl explain <resource>" for a detailed description of that resource (e.g. kubectl explain pods).\n'
                "See 'kubectl get -h' for help and examples")
        spec = parse_resource_args(ctx.api, args, "get")
    all_ns = bool(opts.get("all_namespaces"))
    if spec.named and all_ns:
        pass
    if opts.get("watch") or opts.get("watch_only"):
        _watch(ctx, spec, fmt, opts)
        return
    groups: list[tuple[Any, list[dict[str, Any]]]] = []
    errors: list[str] = []
    for target in spec.targets:
        info = target.info
        ns = None if (all_ns and not target.names) else ctx.namespace
        if target.names:
            objs = []
            for name in target.names:
                try:
                    objs.append(ctx.api.get_dict(info.qualified_resource, name, ns if info.namespaced else None))
                except StatusError as e:
                    if getattr(e, "reason", "") == "NotFound" and opts.get("ignore_not_found"):
                        continue
                    errors.append(e.kubectl())
        else:
            try:
                lst = ctx.api.list(info.qualified_resource, ns if info.namespaced else None,
                                   label_selector=opts.get("selector") or None,
                                   field_selector=opts.get("field_selector") or None)
            except StatusError as e:
                raise KubectlError(e.kubectl()) from None
            objs = [o.to_dict() for o in lst]
        objs = [_strip_managed(o, bool(opts.get("show_managed_fields"))) for o in objs]
        if opts.get("sort_by"):
            objs = sort_objects(objs, opts["sort_by"])
        groups.append((info, objs))
    total = sum(len(objs) for _, objs in groups)
    if total == 0 and not spec.named:
        if fmt.kind in ("yaml", "json", "jsonpath", "jsonpath-as-json", "custom-columns"):
            print_objects(ctx, groups, fmt, opts, single=False)
        if fmt.human:
            namespaced = any(t.info.namespaced for t in spec.targets)
            ctx.eprint(no_resources_message(ctx, all_ns, namespaced))
    elif total:
        print_objects(ctx, groups, fmt, opts, single=spec.single)
    for e in errors:
        ctx.eprint(e)
    if errors:
        ctx.exit_code = 1


def _watch_seconds(opts: dict[str, Any]) -> float:
    for key in ("for", "request_timeout"):
        raw = opts.get(key)
        if raw and raw != "0":
            return parse_duration(raw)
    return 60.0


def parse_duration(raw: str) -> float:
    """A Go duration (``30s``, ``1m30s``, ``2h``) or a bare number of seconds."""
    text = raw.strip()
    try:
        return float(text)
    except ValueError:
        pass
    total = 0.0
    units = {"h": 3600, "m": 60, "s": 1, "ms": 0.001}
    pos = 0
    for m in re.finditer(r"(\d+(?:\.\d+)?)(ms|h|m|s)", text):
        if m.start() != pos:
            break
        total += float(m.group(1)) * units[m.group(2)]
        pos = m.end()
    if pos != len(text) or not text:
        raise CommandError(f'time: invalid duration "{raw}"')
    return total


def _watch(ctx: Context, spec: ResourceSpec, fmt: OutputFormat, opts: dict[str, Any]) -> None:
    if len(spec.targets) != 1:
        raise CommandError("you may only specify a single resource type")
    target = spec.targets[0]
    info = target.info
    all_ns = bool(opts.get("all_namespaces"))
    ns = None if all_ns or not info.namespaced else ctx.namespace
    seconds = _watch_seconds(opts)
    field_selector = opts.get("field_selector") or None
    if target.names:
        if len(target.names) > 1:
            raise CommandError("watch is only supported on individual resources and resource collections, but 2 resources were found.")
        fs = f"metadata.name={target.names[0]}"
        field_selector = f"{field_selector},{fs}" if field_selector else fs
    writer = TabWriter()
    columns = None
    if fmt.kind == "custom-columns":
        columns = CustomColumns(parse_custom_columns(fmt.arg), no_headers=bool(opts.get("no_headers")))
    watch_events = bool(opts.get("output_watch_events"))

    def emit(objs: list[dict[str, Any]], headers: bool, event: str = "") -> None:
        if not objs:
            return
        if fmt.human:
            table = build_table(info.kind, objs, ctx.now(), wide=fmt.kind == "wide",
                                with_namespace=all_ns and info.namespaced,
                                show_labels=bool(opts.get("show_labels")),
                                label_columns=[c for c in opts.get("label_columns") or [] if c])
            if watch_events:
                table.headers.insert(0, "EVENT")
                for row in table.rows:
                    row.insert(0, event)
            ctx.out.append(render_table(table, no_headers=not headers or bool(opts.get("no_headers")), writer=writer))
        elif columns is not None:
            ctx.out.append(columns.render(objs))
        else:
            for o in objs:
                print_objects(ctx, [(info, [o])], fmt, opts, single=True)

    lst = ctx.api.list(info.qualified_resource, ns, label_selector=opts.get("selector") or None,
                       field_selector=field_selector)
    objs = [o.to_dict() for o in lst]
    if not opts.get("watch_only"):
        if objs:
            emit(objs, headers=True, event="ADDED")
        elif fmt.human:
            ctx.eprint(no_resources_message(ctx, all_ns, info.namespaced))
    printed_header = bool(objs) and not opts.get("watch_only")
    w = ctx.api.watch(info.qualified_resource, ns, label_selector=opts.get("selector") or None,
                      field_selector=field_selector, resource_version=lst.resourceVersion)
    deadline = ctx.now() + seconds
    try:
        while True:
            for ev in w.drain():
                emit([ev.raw()], headers=not printed_header, event=ev.type)
                printed_header = True
            remaining = deadline - ctx.now()
            if remaining <= 0:
                break
            ctx.clock.run_until(lambda: w.pending() > 0, remaining)
    finally:
        w.stop()
