"""``K8sModel``: the pydantic base of every Kubernetes object, and its JSON (de)coding.

This mirrors apimachinery's JSON serializer as kube-apiserver runs it with strict field
validation (the default of ``kubectl apply`` since 1.27):

* attribute names *are* the JSON names (``pod.spec.restartPolicy``); only Python keywords get
  an alias (``continue_`` for ``continue``);
* ``None`` means absent (Go's ``omitempty``); ``to_dict()`` drops it, keeps explicit ``[]``/``{}``;
* :meth:`K8sModel.from_dict` raises :class:`sandbox.errors.BadRequest` with the words the API
  server uses, never pydantic's::

      Pod in version "v1" cannot be handled as a Pod: strict decoding error: unknown field "spec.x"
      Pod in version "v1" cannot be handled as a Pod: json: cannot unmarshal string into Go struct
      field ContainerPort.spec.containers.ports.containerPort of type int32

Small typed building blocks live here too: :data:`Int32`, :data:`Int64`, :data:`IntOrString`,
:data:`Time` and :data:`MicroTime`.
"""

from __future__ import annotations

import json
import re
import types
import typing
from datetime import datetime, timezone
from typing import Annotated, Any, ClassVar, TypeVar, Union

import pydantic
import yaml
from pydantic import ConfigDict, Field, PlainSerializer, PlainValidator
from pydantic_core import PydanticCustomError

from sandbox.errors import BadRequest

__all__ = [
    "K8sModel",
    "KubeObject",
    "Int32",
    "Int64",
    "IntOrString",
    "Time",
    "MicroTime",
    "GoType",
    "FieldsV1",
    "BytesMap",
    "decode_error",
    "format_time",
    "format_micro_time",
    "parse_time",
]

M = TypeVar("M", bound="K8sModel")

#: The error type our own plain validators raise; its message is shown to the user verbatim.
DECODE_ERROR = "k8s_decode"


def decode_error(message: str) -> PydanticCustomError:
    """An error whose ``message`` reaches the user as is (as Go's ``UnmarshalJSON`` errors do)."""
    return PydanticCustomError(DECODE_ERROR, "{message}", {"message": message})


class GoType:
    """Annotation metadata naming the Go type of a field (``int32``, ``resource.Quantity``...)."""

    __slots__ = ("name",)

    def __init__(self, name: str) -> None:
        self.name = name

    def __repr__(self) -> str:
        return f"GoType({self.name!r})"


Int32 = Annotated[int, Field(strict=True, ge=-(2**31), le=2**31 - 1), GoType("int32")]
"""A Go ``int32`` field."""
Int64 = Annotated[int, Field(strict=True, ge=-(2**63), le=2**63 - 1), GoType("int64")]
"""A Go ``int64`` field."""


# --------------------------------------------------------------------------------------------
# IntOrString
# --------------------------------------------------------------------------------------------


def _validate_int_or_string(v: Any) -> int | str:
    if isinstance(v, str):
        return v
    if isinstance(v, int) and not isinstance(v, bool):
        if -(2**31) <= v < 2**31:
            return v
        raise decode_error(f"json: cannot unmarshal number {v} into Go value of type int32")
    if isinstance(v, float) and v.is_integer():
        return int(v)
    raise decode_error(f"json: cannot unmarshal {_json_kind(v)} into Go value of type int32")


IntOrString = Annotated[
    Union[int, str], PlainValidator(_validate_int_or_string), GoType("intstr.IntOrString")
]
"""``intstr.IntOrString``: an int or a string, kept (and serialised) as given."""


# --------------------------------------------------------------------------------------------
# Time / MicroTime
# --------------------------------------------------------------------------------------------

_RFC3339 = "2006-01-02T15:04:05Z07:00"


def parse_time(v: Any, layout: str = _RFC3339) -> datetime:
    """Parse an RFC 3339 timestamp (or take a ``datetime``) into an aware UTC ``datetime``.

    ``metav1.Time`` has whole-second precision on the wire; sub-second parts are dropped so
    that a model always equals its JSON round trip.
    """
    return _parse_datetime(v, layout).replace(microsecond=0)


_RFC3339_RE = re.compile(
    r"^(\d{4}-\d{2}-\d{2})[Tt](\d{2}:\d{2}:\d{2})(?:\.(\d+))?([Zz]|[+-]\d{2}:\d{2})$"
)


def _parse_datetime(v: Any, layout: str) -> datetime:
    if isinstance(v, datetime):
        return v.replace(tzinfo=timezone.utc) if v.tzinfo is None else v.astimezone(timezone.utc)
    if isinstance(v, (int, float)) and not isinstance(v, bool):
        raise decode_error("json: cannot unmarshal number into Go value of type string")
    if not isinstance(v, str):
        raise decode_error(f"json: cannot unmarshal {_json_kind(v)} into Go value of type string")
    m = _RFC3339_RE.match(v)
    try:
        if m is None:
            raise ValueError(v)
        date, clock, frac, zone = m.groups()
        micro = (frac or "")[:6].ljust(6, "0")
        zone = "+00:00" if zone in ("Z", "z") else zone
        d = datetime.fromisoformat(f"{date}T{clock}.{micro}{zone}")
    except ValueError:
        raise decode_error(
            f'parsing time "{v}" as "{layout}": cannot parse "{v}" as "2006"'
        ) from None
    return d.astimezone(timezone.utc)


def format_time(d: datetime) -> str:
    """``metav1.Time`` JSON form: RFC 3339 in UTC, whole seconds (``2024-01-01T00:00:00Z``)."""
    if d.tzinfo is not None:
        d = d.astimezone(timezone.utc)
    return d.strftime("%Y-%m-%dT%H:%M:%SZ")


def format_micro_time(d: datetime) -> str:
    """``metav1.MicroTime`` JSON form: ``2024-01-01T00:00:00.000000Z``."""
    if d.tzinfo is not None:
        d = d.astimezone(timezone.utc)
    return d.strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def _parse_micro_time(v: Any) -> datetime:
    return _parse_datetime(v, "2006-01-02T15:04:05.000000Z07:00")


Time = Annotated[
    datetime,
    PlainValidator(parse_time),
    PlainSerializer(format_time, return_type=str),
    GoType("v1.Time"),
]
"""``metav1.Time``: an aware UTC ``datetime`` serialised as ``2024-01-01T00:00:00Z``."""

MicroTime = Annotated[
    datetime,
    PlainValidator(_parse_micro_time),
    PlainSerializer(format_micro_time, return_type=str),
    GoType("v1.MicroTime"),
]
"""``metav1.MicroTime``: serialised as ``2024-01-01T00:00:00.000000Z``."""


# --------------------------------------------------------------------------------------------
# FieldsV1, []byte maps
# --------------------------------------------------------------------------------------------

FieldsV1 = Annotated[dict[str, Any], GoType("v1.FieldsV1")]
"""``metav1.FieldsV1``: raw JSON (server-side apply's field set), kept as a dict."""

_B64 = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/")


def _validate_base64(v: Any) -> str:
    """Go decodes ``[]byte`` JSON strings as standard base64; refuse what Go refuses."""
    if not isinstance(v, str):
        raise decode_error(f"json: cannot unmarshal {_json_kind(v)} into Go value of type []uint8")
    s = v.replace("\r", "").replace("\n", "")
    body = s.rstrip("=")
    for i, ch in enumerate(body):
        if ch not in _B64:
            raise decode_error(f"illegal base64 data at input byte {i}")
    pad = len(s) - len(body)
    if pad > 2 or (len(s) % 4 and pad) or len(body) % 4 == 1:
        raise decode_error(f"illegal base64 data at input byte {len(body)}")
    return v


BytesMap = Annotated[
    dict[str, Annotated[str, PlainValidator(_validate_base64)]], GoType("map[string][]uint8")
]
"""``map[string][]byte``: values are base64 text (``Secret.data``, ``ConfigMap.binaryData``)."""


# --------------------------------------------------------------------------------------------
# The base model
# --------------------------------------------------------------------------------------------


class K8sModel(pydantic.BaseModel):
    """Base of every Kubernetes model: JSON names as attributes, ``None`` = absent, strict decoding."""

    model_config = ConfigDict(
        extra="forbid",
        populate_by_name=True,
        strict=True,
        protected_namespaces=(),
        ser_json_inf_nan="constants",
    )

    #: The Go package qualifier used in ``of type v1.PodSpec`` messages.
    _go_package: ClassVar[str] = "v1"

    def __init__(self, /, **data: Any) -> None:
        """Build from keyword arguments (nested values may be models or dicts).

        Bad input raises :class:`sandbox.errors.BadRequest` in the API server's words, as
        :meth:`from_dict` does.
        """
        try:
            super().__init__(**data)
        except pydantic.ValidationError as exc:
            raise BadRequest(_decode_message(type(self), data, exc)) from None

    # Tell pydantic this is still its own ``__init__``: validation of nested dicts must not call
    # it (that would be slower and would lose the full field path in error messages).
    __init__.__pydantic_base_init__ = True  # type: ignore[attr-defined]

    def to_dict(self) -> dict[str, Any]:
        """The Kubernetes JSON of this object: camelCase, no ``null``s, explicit empties kept."""
        return self.model_dump(mode="json", by_alias=True, exclude_none=True)

    @classmethod
    def from_dict(cls: type[M], data: Any, *, path_prefix: str = "") -> M:
        """Decode Kubernetes JSON (a dict) as kube-apiserver does, strictly.

        ``path_prefix`` is prepended to field paths in error messages (for example
        ``spec.template.`` when decoding a pod template embedded in a larger object).
        Raises :class:`sandbox.errors.BadRequest` with the API server's wording.
        """
        try:
            return cls.model_validate(data)
        except pydantic.ValidationError as exc:
            fixed = _fix_integral_floats(data, exc)
            if fixed is not None:
                try:
                    return cls.model_validate(fixed)
                except pydantic.ValidationError as exc2:
                    exc = exc2
            raise BadRequest(_decode_message(cls, data, exc, path_prefix)) from None

    def to_yaml(self) -> str:
        """The object as YAML, keys in Kubernetes' (field) order, as ``kubectl get -o yaml``."""
        return yaml.safe_dump(self.to_dict(), sort_keys=False, default_flow_style=False)

    def to_json(self, indent: int | None = 4) -> str:
        """The object as JSON text (``kubectl get -o json`` uses an indent of 4)."""
        return json.dumps(self.to_dict(), indent=indent)

    def copy_deep(self: M) -> M:
        """A deep copy: changing it never changes this object.

        Rebuilt from a dump rather than ``copy.deepcopy`` (2-3x faster on a pod); quantities are
        immutable and shared, everything else is new.
        """
        return type(self).model_validate(self.model_dump(by_alias=True, exclude_none=True))

    def _repr_html_(self) -> str:
        """In a notebook, an object shows as its YAML (as ``kubectl get -o yaml``)."""
        from sandbox.timeline.display import model_html

        return model_html(self)

    # pydantic's repr of a large pod is unreadable; show only what is set.
    def __repr_args__(self) -> Any:
        for k, v in super().__repr_args__():
            if v is not None:
                yield k, v


class KubeObject(K8sModel):
    """A top-level kind: ``apiVersion``, ``kind`` and ``metadata`` (subclasses declare them).

    Subclasses set the class variables ``API_VERSION`` and ``KIND`` and declare
    ``apiVersion``/``kind`` fields defaulting to them.
    """

    API_VERSION: ClassVar[str] = "v1"
    KIND: ClassVar[str] = ""

    @classmethod
    def from_dict(cls: type[M], data: Any, *, path_prefix: str = "") -> M:
        """Decode like :meth:`K8sModel.from_dict`; errors say ``Pod in version "v1" ...``."""
        return super().from_dict(data, path_prefix=path_prefix)  # type: ignore[misc]


# --------------------------------------------------------------------------------------------
# pydantic.ValidationError -> Kubernetes' words
# --------------------------------------------------------------------------------------------

_INT_TYPES = {"int_type", "int_from_float", "int_parsing"}
_RANGE_TYPES = {"greater_than_equal", "less_than_equal", "greater_than", "less_than"}


def _json_kind(v: Any) -> str:
    if isinstance(v, bool):
        return "bool"
    if isinstance(v, str):
        return "string"
    if isinstance(v, (int, float)):
        return "number"
    if isinstance(v, (list, tuple)):
        return "array"
    if isinstance(v, dict):
        return "object"
    return "object"


def _json_number(v: Any) -> str:
    if isinstance(v, float):
        return repr(v) if not v.is_integer() else str(int(v))
    return str(v)


def _fix_integral_floats(data: Any, exc: pydantic.ValidationError) -> Any:
    """YAML ``1.0`` becomes JSON ``1`` on its way to the API server; accept integral floats."""
    paths = [
        e["loc"]
        for e in exc.errors()
        if e["type"] in _INT_TYPES and isinstance(e.get("input"), float) and e["input"].is_integer()
    ]
    if not paths:
        return None
    import copy

    fixed = copy.deepcopy(data)
    for loc in paths:
        node = fixed
        try:
            for part in loc[:-1]:
                node = node[part]
            node[loc[-1]] = int(node[loc[-1]])
        except (KeyError, IndexError, TypeError):
            return None
    return fixed


def _unwrap(ann: Any) -> tuple[Any, list[Any]]:
    """Strip ``Optional``/``Annotated`` from an annotation; return (type, metadata)."""
    meta: list[Any] = []
    while True:
        origin = typing.get_origin(ann)
        if origin is Annotated:
            args = typing.get_args(ann)
            meta.extend(args[1:])
            ann = args[0]
            continue
        if origin is Union or (isinstance(origin, type) and origin is types.UnionType):
            args = [a for a in typing.get_args(ann) if a is not type(None)]
            if len(args) == 1:
                ann = args[0]
                continue
        return ann, meta


def _go_type(ann: Any) -> str:
    """The Go spelling of a field's type, as ``encoding/json`` prints it."""
    ann, meta = _unwrap(ann)
    for m in reversed(meta):
        if isinstance(m, GoType):
            return m.name
    go = getattr(ann, "__go_type__", None)
    if go:
        return go
    origin = typing.get_origin(ann)
    if origin in (list, tuple):
        (arg,) = typing.get_args(ann)[:1]
        return "[]" + _go_type(arg)
    if origin is dict:
        k, v = typing.get_args(ann)
        return f"map[{_go_type(k)}]{_go_type(v)}"
    if isinstance(ann, type) and issubclass(ann, K8sModel):
        return f"{ann._go_package}.{ann.__name__}"
    if ann is str:
        return "string"
    if ann is bool:
        return "bool"
    if ann is int:
        return "int"
    if ann is float:
        return "float64"
    if ann is Any:
        return "interface {}"
    return getattr(ann, "__name__", str(ann))


def _describe_loc(root: type[K8sModel], loc: tuple[Any, ...]) -> tuple[str, str, str, str]:
    """Walk ``loc`` through the model classes.

    Returns (strict path ``spec.containers[0].x``, Go struct name, Go field path
    ``spec.containers.x``, Go type of the value at ``loc``).
    """
    strict_parts: list[str] = []
    go_fields: list[str] = []
    struct = root.__name__
    model: Any = root
    ann: Any = root
    for part in loc:
        if isinstance(part, int):
            strict_parts.append(f"[{part}]")
            inner, meta = _unwrap(ann)
            args = typing.get_args(inner)
            ann = args[0] if args else Any
            go = next((m.name for m in reversed(meta) if isinstance(m, GoType)), None)
            if go and go.startswith("[]"):
                ann = Annotated.__class_getitem__((ann, GoType(go[2:])))  # type: ignore[attr-defined]
            base, _ = _unwrap(ann)
            model = base if isinstance(base, type) and issubclass(base, K8sModel) else None
            continue
        name = str(part)
        if model is not None and isinstance(model, type) and issubclass(model, K8sModel):
            fields = model.model_fields
            key = name
            if key not in fields:
                key = next((k for k, f in fields.items() if f.alias == name), name)
            info = fields.get(key)
            struct = model.__name__
            json_name = info.alias if info is not None and info.alias else name
            strict_parts.append(("." if strict_parts else "") + json_name)
            go_fields.append(json_name)
            ann = info.annotation if info is not None else Any
            if info is not None:
                if info.metadata:
                    ann = Annotated.__class_getitem__((ann, *info.metadata))  # type: ignore[attr-defined]
                override = getattr(model, "_go_field_types", {}).get(json_name)
                if override:
                    ann = Annotated.__class_getitem__((ann, GoType(override)))  # type: ignore[attr-defined]
            base, _ = _unwrap(ann)
            model = base if isinstance(base, type) and issubclass(base, K8sModel) else None
        else:
            # a map key
            strict_parts.append(f"[{name}]")
            inner, _ = _unwrap(ann)
            args = typing.get_args(inner)
            ann = args[1] if len(args) == 2 else Any
            base, _ = _unwrap(ann)
            model = base if isinstance(base, type) and issubclass(base, K8sModel) else None
    return "".join(strict_parts), struct, ".".join(go_fields), _go_type(ann)


def _doc_order(data: Any, loc: tuple[Any, ...]) -> tuple[int, ...]:
    """Position of ``loc`` in the input document, so errors come in document order as Go's do."""
    key: list[int] = []
    node = data
    for part in loc:
        if isinstance(node, dict):
            try:
                key.append(list(node).index(part))
            except ValueError:
                key.append(10**9)
                break
            node = node[part]
        elif isinstance(node, list) and isinstance(part, int) and part < len(node):
            key.append(part)
            node = node[part]
        else:
            break
    return tuple(key)


def _decode_message(
    cls: type[K8sModel], data: Any, exc: pydantic.ValidationError, path_prefix: str = ""
) -> str:
    kind = getattr(cls, "KIND", "")
    version = str(getattr(cls, "API_VERSION", "v1")).rpartition("/")[2]
    # Only a top-level kind is "handled"; a part (PodSpec, Container) reports the decoding error alone.
    head = f'{kind} in version "{version}" cannot be handled as a {kind}: ' if kind else ""
    errors = sorted(exc.errors(), key=lambda e: _doc_order(data, tuple(e["loc"])))
    if not isinstance(data, dict):
        return head + f"json: cannot unmarshal {_json_kind(data)} into Go value of type {_go_type(cls)}"

    unknown: list[str] = []
    first_type_error: str | None = None
    for e in errors:
        loc = tuple(e["loc"])
        strict_path, struct, go_path, go_type = _describe_loc(cls, loc)
        if path_prefix:
            strict_path = path_prefix + strict_path
            go_path = re.sub(r"\[[^\]]*\]", "", path_prefix) + go_path
        etype = e["type"]
        if etype == "extra_forbidden":
            unknown.append(f'unknown field "{strict_path}"')
            continue
        if first_type_error is not None:
            continue
        value = e.get("input")
        if etype == DECODE_ERROR:
            first_type_error = str(e.get("ctx", {}).get("message", e["msg"]))
            continue
        if etype in _RANGE_TYPES or (
            etype in _INT_TYPES and isinstance(value, float) and not isinstance(value, bool)
        ):
            what = f"number {_json_number(value)}"
        else:
            what = _json_kind(value)
        where = f"Go struct field {struct}.{go_path}" if go_path else "Go value"
        first_type_error = f"json: cannot unmarshal {what} into {where} of type {go_type}"
    if first_type_error is not None:
        return head + first_type_error
    return head + "strict decoding error: " + ", ".join(unknown)


def model_field_names(model: type[K8sModel]) -> list[str]:
    """The JSON names of a model's fields, in declaration order."""
    return [f.alias or name for name, f in model.model_fields.items()]

