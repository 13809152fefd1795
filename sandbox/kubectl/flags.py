"""Command-line parsing the way kubectl's cobra/pflag does it.

``--flag=value``, ``--flag value``, ``-n value``, ``-nvalue``, ``-n=value``, combined boolean
shorthands (``-it``), flags anywhere among the arguments, ``--`` ending the flags (everything
after it is the command of ``exec``/``debug``), and pflag's messages for mistakes::

    Error: unknown flag: --foo
    Error: unknown shorthand flag: 'z' in -z
    Error: flag needs an argument: --namespace
    Error: invalid argument "x" for "--replicas" flag: strconv.ParseInt: parsing "x": invalid syntax
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sandbox.kubectl.errors import UsageError

__all__ = ["Flag", "Parsed", "parse_args", "GLOBAL_FLAGS"]


@dataclass(frozen=True)
class Flag:
    """One flag: long name, optional one-letter shorthand, kind (``bool``, ``str``, ``int``, ``list``)."""

    name: str
    short: str = ""
    kind: str = "bool"
    default: Any = None

    @property
    def key(self) -> str:
        return self.name.replace("-", "_")


#: Flags every kubectl command accepts (``kubectl options``); most are accepted and ignored here.
GLOBAL_FLAGS: tuple[Flag, ...] = (
    Flag("namespace", "n", "str"),
    Flag("kubeconfig", kind="str"),
    Flag("context", kind="str"),
    Flag("cluster", kind="str"),
    Flag("user", kind="str"),
    Flag("server", "s", "str"),
    Flag("request-timeout", kind="str", default="0"),
    Flag("v", "v", "str"),
    Flag("insecure-skip-tls-verify"),
    Flag("as", kind="str"),
    Flag("token", kind="str"),
    Flag("cache-dir", kind="str"),
    Flag("match-server-version"),
    Flag("warnings-as-errors"),
)


@dataclass
class Parsed:
    """Flags by key (``all_namespaces``), positional arguments, and the arguments after ``--``."""

    opts: dict[str, Any]
    args: list[str]
    dash_args: list[str] | None
    given: set[str]


def _convert(flag: Flag, raw: str, shown: str, command: str = "") -> Any:
    if flag.kind == "int":
        try:
            return int(raw)
        except ValueError:
            raise UsageError(
                f'invalid argument "{raw}" for "{shown}" flag: strconv.ParseInt: parsing "{raw}": invalid syntax',
                command,
            ) from None
    if flag.kind == "bool":
        low = raw.lower()
        if low in ("true", "t", "1"):
            return True
        if low in ("false", "f", "0"):
            return False
        raise UsageError(
            f'invalid argument "{raw}" for "{shown}" flag: strconv.ParseBool: parsing "{raw}": invalid syntax', command)
    return raw


def parse_args(argv: list[str], flags: list[Flag] | tuple[Flag, ...], command: str) -> Parsed:
    """Parse ``argv`` (without the command words) against ``flags`` plus :data:`GLOBAL_FLAGS`."""
    all_flags = list(flags) + [g for g in GLOBAL_FLAGS if g.name not in {f.name for f in flags}]
    by_long = {f.name: f for f in all_flags}
    by_short = {f.short: f for f in all_flags if f.short}
    opts: dict[str, Any] = {}
    for f in all_flags:
        opts[f.key] = list(f.default or []) if f.kind == "list" else f.default
        if f.kind == "bool" and f.default is None:
            opts[f.key] = False
    given: set[str] = set()
    args: list[str] = []
    dash: list[str] | None = None

    def store(flag: Flag, value: Any) -> None:
        given.add(flag.key)
        if flag.kind == "list":
            opts[flag.key].extend(str(value).split(","))
        else:
            opts[flag.key] = value

    i = 0
    while i < len(argv):
        a = argv[i]
        i += 1
        if a == "--":
            dash = argv[i:]
            break
        if a.startswith("--") and len(a) > 2:
            name, eq, val = a[2:].partition("=")
            flag = by_long.get(name)
            if flag is None:
                raise UsageError(f"unknown flag: --{name}", command)
            if flag.kind == "bool":
                store(flag, _convert(flag, val, f"--{name}", command) if eq else True)
            elif eq:
                store(flag, _convert(flag, val, f"--{name}", command))
            elif i < len(argv):
                store(flag, _convert(flag, argv[i], f"--{name}", command))
                i += 1
            else:
                raise UsageError(f"flag needs an argument: --{name}", command)
            continue
        if a.startswith("-") and len(a) > 1 and a != "-":
            shorts = a[1:]
            j = 0
            while j < len(shorts):
                c = shorts[j]
                flag = by_short.get(c)
                if flag is None:
                    raise UsageError(f"unknown shorthand flag: '{c}' in -{shorts}", command)
                rest = shorts[j + 1:]
                if flag.kind == "bool":
                    if rest.startswith("="):
                        store(flag, _convert(flag, rest[1:], f"-{c}", command))
                        break
                    store(flag, True)
                    j += 1
                    continue
                if rest:
                    store(flag, _convert(flag, rest[1:] if rest.startswith("=") else rest, f"-{c}", command))
                elif i < len(argv):
                    store(flag, _convert(flag, argv[i], f"-{c}", command))
                    i += 1
                else:
                    raise UsageError(f"flag needs an argument: '{c}' in -{shorts}", command)
                break
            continue
        args.append(a)
    return Parsed(opts, args, dash, given)
