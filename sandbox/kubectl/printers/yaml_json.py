"""``-o yaml`` and ``-o json`` exactly as kubectl writes them.

JSON: Go's ``json.MarshalIndent(obj, "", "    ")`` of an unstructured object: keys in byte
order, four-space indent, ``<``, ``>``, ``&``, U+2028 and U+2029 escaped as ``\\u003c``...

YAML: ``sigs.k8s.io/yaml`` (go-yaml v2): keys in go-yaml's "natural" order (non-letters before
letters, digit runs compared as numbers), strings that would read back as another type
(``"123"``, ``"true"``, ``"y"``, timestamps, ``""``) in double quotes, strings with newlines as
literal blocks (``|``, ``|-``), other strings plain or single-quoted as the emitter allows, lines
folded at 80 columns, sequences not indented under their key.
"""

from __future__ import annotations

import functools
import json
import re
from typing import Any

import yaml

__all__ = ["to_json", "to_yaml", "go_yaml_key_less"]


def to_json(obj: Any, sort_keys: bool = True) -> str:
    """kubectl's ``-o json`` text (ends with a newline); ``sort_keys=False`` keeps the dict's order,
    as encoding/json does for a typed Go object."""
    text = json.dumps(obj, indent=4, sort_keys=sort_keys, ensure_ascii=False, separators=(",", ": "))
    text = (text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
            .replace("\u2028", "\\u2028").replace("\u2029", "\\u2029"))
    return text + "\n"


def _key_cmp(a: str, b: str) -> int:
    """go-yaml v2's ``keyList.Less`` as a comparison function."""
    if go_yaml_key_less(a, b):
        return -1
    if go_yaml_key_less(b, a):
        return 1
    return 0


def go_yaml_key_less(a: str, b: str) -> bool:
    """True when go-yaml v2 orders map key ``a`` before ``b``."""
    ar, br = a, b
    for i in range(min(len(ar), len(br))):
        if ar[i] == br[i]:
            continue
        al, bl = ar[i].isalpha(), br[i].isalpha()
        if al and bl:
            return ar[i] < br[i]
        if al or bl:
            return bl
        an = bn = 0
        if ar[i] == "0" or br[i] == "0":
            j = i - 1
            while j >= 0 and ar[j].isdigit():
                if ar[j] != "0":
                    an = bn = 1
                    break
                j -= 1
        ai = i
        while ai < len(ar) and ar[ai].isdigit():
            an = an * 10 + int(ar[ai])
            ai += 1
        bi = i
        while bi < len(br) and br[bi].isdigit():
            bn = bn * 10 + int(br[bi])
            bi += 1
        if an != bn:
            return an < bn
        if ai != bi:
            return ai < bi
        return ar[i] < br[i]
    return len(ar) < len(br)


_INT = re.compile(r"^[-+]?(0b[01_]+|0[0-7_]+|(0|[1-9][0-9_]*)|0x[0-9a-fA-F_]+|[1-9][0-9_]*(:[0-5]?[0-9])+)$")
_FLOAT = re.compile(r"^[-+]?(\.[0-9]+|[0-9][0-9_]*(\.[0-9_]*)?)([eE][-+]?[0-9]+)?$")
_FLOAT_SPECIAL = {".inf", ".Inf", ".INF", "+.inf", "+.Inf", "+.INF", "-.inf", "-.Inf", "-.INF", ".nan", ".NaN", ".NAN"}
_BOOL_NULL = {
    "y", "Y", "yes", "Yes", "YES", "n", "N", "no", "No", "NO", "true", "True", "TRUE", "false", "False", "FALSE",
    "on", "On", "ON", "off", "Off", "OFF", "", "~", "null", "Null", "NULL", "<<",
}
_TIMESTAMP = re.compile(
    r"^\d{4}-\d{1,2}-\d{1,2}([Tt ]\d{1,2}:\d{1,2}:\d{1,2}(\.\d+)?(Z|[-+]\d{1,2}(:\d{2})?)?)?$"
)


def _resolves_to_non_string(s: str) -> bool:
    """go-yaml v2's ``resolve``: would this plain scalar read back as a bool, number, null or timestamp?"""
    if s in _BOOL_NULL or s in _FLOAT_SPECIAL:
        return True
    if s and (s[0].isdigit() or s[0] in "+-."):
        if _INT.match(s) or (_FLOAT.match(s) and any(ch.isdigit() for ch in s)):
            return True
        if _TIMESTAMP.match(s):
            return True
    return False


class _Dumper(yaml.SafeDumper):
    pass


def _str_representer(dumper: yaml.SafeDumper, value: str) -> yaml.ScalarNode:
    if "\n" in value:
        return dumper.represent_scalar("tag:yaml.org,2002:str", value, style="|")
    if _resolves_to_non_string(value):
        return dumper.represent_scalar("tag:yaml.org,2002:str", value, style='"')
    return dumper.represent_scalar("tag:yaml.org,2002:str", value)


def _dict_representer(dumper: yaml.SafeDumper, value: dict[str, Any]) -> yaml.MappingNode:
    keys = sorted(value, key=functools.cmp_to_key(_key_cmp))
    return dumper.represent_mapping("tag:yaml.org,2002:map", [(k, value[k]) for k in keys])


_Dumper.add_representer(str, _str_representer)
_Dumper.add_representer(dict, _dict_representer)


def to_yaml(obj: Any) -> str:
    """kubectl's ``-o yaml`` text."""
    return yaml.dump(obj, Dumper=_Dumper, default_flow_style=False, allow_unicode=True, sort_keys=False, width=80)
