"""``kubectl explain``: field documentation from the sandbox's models, in kubectl's layout.

The layout is kubectl's OpenAPI v3 ``plaintext`` template (``pkg/explain/v2/templates``): the
``GROUP``/``KIND``/``VERSION`` header, ``FIELD: name <type>`` (followed by ``ENUM:`` values),
``DESCRIPTION`` (the field's text, then its type's), and ``FIELDS`` in alphabetical order with
``<type>``, ``-required-``, ``enum:`` and descriptions wrapped as go-wordwrap wraps them.

Everything shown comes from the models, which carry Kubernetes' OpenAPI text: a field's
``Field(description=...)``, its enum values (``json_schema_extra={"enum": [...]}``), the class's
``_required_fields`` and the type description (the class docstring up to its
````Kind`` (group)...`` trailer paragraph).
"""

from __future__ import annotations

import datetime
import typing
from typing import Any

from sandbox.api.base import GoType, K8sModel, _unwrap
from sandbox.api.quantity import Quantity
from sandbox.kubectl.context import Context
from sandbox.kubectl.errors import CommandError
from sandbox.kubectl.resources import resolve

__all__ = ["run_explain", "explain", "wrap_string", "type_description", "field_enum", "required_fields"]

# ----------------------------------------------------------------------------- text helpers


def wrap_string(s: str, lim: int) -> str:
    """``github.com/mitchellh/go-wordwrap.WrapString``."""
    buf: list[str] = []
    current = 0
    word: list[str] = []
    space: list[str] = []
    for ch in s:
        if ch == "\n":
            buf.extend(space)
            space = []
            buf.extend(word)
            word = []
            buf.append(ch)
            current = 0
        elif ch.isspace() and ch != "\u00a0":
            if not space or word:
                current += len(space) + len(word)
                buf.extend(space)
                space = []
                buf.extend(word)
                word = []
            space.append(ch)
        else:
            word.append(ch)
            if current + len(space) + len(word) > lim and len(word) < lim:
                buf.append("\n")
                current = 0
                space = []
    if not word:
        if current + len(space) <= lim:
            buf.extend(space)
    else:
        buf.extend(space)
        buf.extend(word)
    return "".join(buf)


def _indent(n: int, s: str) -> str:
    pad = " " * n
    return pad + s.replace("\n", "\n" + pad)


def type_description(cls: type[K8sModel]) -> str:
    """The OpenAPI description of a model's type: its docstring before the ````Kind`` (group)`` paragraph."""
    doc = cls.__doc__ or ""
    first, _, rest = doc.partition("\n")
    lines = rest.split("\n")
    margin = min((len(x) - len(x.lstrip(" ")) for x in lines if x.strip()), default=0)
    text = "\n".join([first] + [x[margin:] for x in lines])
    marker = f"``{cls.__name__}`` ("
    paragraphs = text.split("\n\n")
    for i, para in enumerate(paragraphs):
        if para.startswith(marker):
            return "\n\n".join(paragraphs[:i]).strip("\n")
    return "" if paragraphs[0].startswith("``") else paragraphs[0].strip()


def field_enum(field: Any) -> list[str]:
    """The enum values a model field declares (``json_schema_extra={"enum": [...]}``)."""
    extra = field.json_schema_extra
    return list(extra.get("enum", [])) if isinstance(extra, dict) else []


def required_fields(cls: type[K8sModel]) -> tuple[str, ...]:
    """The fields the OpenAPI schema of a model lists as required (``-required-``)."""
    return tuple(getattr(cls, "_required_fields", ()))


# ----------------------------------------------------------------------------- schema from models


class _Schema:
    """What the template needs of one field's schema."""

    def __init__(self, ann: Any, go: str = "", enum: list[str] | None = None) -> None:
        self.ann, self.meta = _unwrap(ann)
        self.go = go
        self.enum = enum or []
        for m in self.meta:
            if isinstance(m, GoType):
                self.go = self.go or m.name

    @property
    def model(self) -> type[K8sModel] | None:
        ann = self.ann
        if isinstance(ann, type) and issubclass(ann, K8sModel):
            return ann
        return None

    def element(self) -> _Schema | None:
        origin = typing.get_origin(self.ann)
        if origin in (list, tuple):
            return _Schema(typing.get_args(self.ann)[0])
        if origin is dict:
            return _Schema(typing.get_args(self.ann)[1])
        return None

    def type_guess(self) -> str:
        origin = typing.get_origin(self.ann)
        if origin in (list, tuple):
            return "[]" + _Schema(typing.get_args(self.ann)[0]).type_guess()
        if origin is dict:
            return "map[string]" + _Schema(typing.get_args(self.ann)[1]).type_guess()
        if self.model is not None:
            return self.model.__name__
        if self.go == "intstr.IntOrString":
            return "IntOrString"
        if self.ann is Quantity:
            return "Quantity"
        if self.ann is datetime.datetime or self.ann is str:
            return "string"
        if self.ann is bool:
            return "boolean"
        if self.ann is int:
            return "integer"
        if self.ann is float:
            return "number"
        return "Object"


def _fields(cls: type[K8sModel]) -> dict[str, tuple[_Schema, str]]:
    out: dict[str, tuple[_Schema, str]] = {}
    gotypes = getattr(cls, "_go_field_types", {}) or {}
    gotypes = gotypes.default if hasattr(gotypes, "default") else gotypes
    for name, f in cls.model_fields.items():
        json_name = f.alias or name
        go = (gotypes or {}).get(json_name, "") if isinstance(gotypes, dict) else ""
        schema = _Schema(f.annotation, go, field_enum(f))
        out[json_name] = (schema, f.description or "")
    return out


_EMPTY = '""'


def _enum(schema: _Schema) -> list[str]:
    return schema.enum


def _field_list(cls: type[K8sModel]) -> str:
    parts: list[str] = []
    required = required_fields(cls)
    for name, (schema, desc) in sorted(_fields(cls).items()):
        line = f"  {name}\t<{schema.type_guess()}>"
        if name in required:
            line += " -required-"
        values = _enum(schema)
        if values:
            shown = ", ".join('""' if v == "" else v for v in values[:4])
            line += "\n  enum: " + shown + (", ...." if len(values) > 4 else "")
        parts.append(line + "\n")
        parts.append(_indent(4, wrap_string(desc or "<no description>", 76)) + "\n")
        parts.append("\n")
    return "".join(parts)


def explain(kind_info: Any, path: list[str]) -> str:
    """The text of ``kubectl explain <resource>[.field...]``."""
    cls: type[K8sModel] = kind_info.model
    out = []
    if kind_info.group:
        out.append(f"GROUP:      {kind_info.group}\n")
    out.append(f"KIND:       {kind_info.kind}\n")
    out.append(f"VERSION:    {kind_info.version}\n\n")
    descriptions: list[str] = [type_description(cls)]
    current: type[K8sModel] | None = cls
    for i, name in enumerate(path):
        fields = _fields(current) if current is not None else {}
        if name not in fields:
            raise CommandError(f'field "{name}" does not exist')
        schema, desc = fields[name]
        if i == len(path) - 1:
            out.append(f"FIELD: {name} <{schema.type_guess()}>\n")
            values = _enum(schema)
            if values:
                out.append("ENUM:" + "".join("\n    " + (_EMPTY if v == "" else v) for v in values))
            out.append("\n\n")
        elem = schema
        while elem.element() is not None:
            elem = elem.element()  # type: ignore[assignment]
        current = elem.model
        descriptions = [desc] + ([type_description(current)] if current is not None else [])
    text = "".join(d + "\n" for d in descriptions if d) or "<empty>"
    out.append("DESCRIPTION:\n")
    out.append(_indent(4, wrap_string(text, 76)) + "\n")
    if current is not None:
        fl = _field_list(current)
        if fl:
            out.append("FIELDS:\n" + fl)
    out.append("\n")
    return "".join(out)


def run_explain(ctx: Context, args: list[str], opts: dict[str, Any]) -> None:
    """``kubectl explain pod.spec.containers.livenessProbe``."""
    if not args:
        raise CommandError('You must specify the type of resource to explain. Use "kubectl api-resources" for a '
                           "complete list of supported resources.")
    if len(args) > 1:
        raise CommandError("We accept only this format: explain RESOURCE")
    parts = args[0].split(".")
    info = resolve(ctx.api, parts[0])
    ctx.out.append(explain(info, [p for p in parts[1:] if p]))
