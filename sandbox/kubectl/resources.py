"""kubectl's resource builder: turn ``pods``, ``pod nginx``, ``pod/nginx``, ``pods,deploy``,
``all`` and ``-f FILE`` into the objects a command acts on, with kubectl's complaints."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from sandbox.api.registry import KindInfo, UnknownResourceError
from sandbox.kubectl.errors import CommandError

__all__ = ["Target", "parse_resource_args", "resolve", "kind_prefix", "ResourceSpec"]


@dataclass
class Target:
    """A kind and (optionally) names within it."""

    info: KindInfo
    names: list[str] = field(default_factory=list)


@dataclass
class ResourceSpec:
    """What the arguments asked for: kinds with names, or kinds to list."""

    targets: list[Target]
    named: bool
    single: bool


def resolve(api: Any, name: str) -> KindInfo:
    """A kind by any name kubectl accepts; ``the server doesn't have a resource type "x"`` otherwise."""
    try:
        return api.registry.resolve(name)
    except UnknownResourceError:
        raise CommandError(f'the server doesn\'t have a resource type "{name}"') from None


def kind_prefix(info: KindInfo) -> str:
    """``pod``, ``deployment.apps``, ``lease.coordination.k8s.io``: how ``-o name`` names a kind."""
    return info.singular + (f".{info.group}" if info.group else "")


def _expand(api: Any, word: str) -> list[KindInfo]:
    if word.lower() == "all":
        order = {"": 0, "apps": 1, "batch": 3}
        kinds = [i for i in api.registry.in_category("all")]
        kinds.sort(key=lambda i: (order.get(i.group, 2), i.plural))
        return kinds
    return [resolve(api, word)]


def parse_resource_args(api: Any, args: list[str], command: str) -> ResourceSpec:
    """Interpret positional arguments as kubectl's builder does."""
    if not args:
        return ResourceSpec([], False, False)
    slashes = sum(1 for a in args if "/" in a)
    if slashes:
        if slashes != len(args):
            # kubectl's hasCombinedTypeArgs says "get" whatever the command
            raise CommandError(
                "there is no need to specify a resource type as a separate argument when passing arguments in "
                "resource/name form (e.g. 'kubectl get resource/<resource_name>' instead of "
                "'kubectl get resource resource/<resource_name>'"
            )
        targets: list[Target] = []
        for a in args:
            if "/" not in a:
                raise CommandError("arguments in resource/name form must have a single resource and name")
            kind, _, name = a.partition("/")
            if not name:
                raise CommandError("arguments in resource/name form must have a single resource and name")
            info = resolve(api, kind)
            if targets and targets[-1].info == info:
                targets[-1].names.append(name)
            else:
                targets.append(Target(info, [name]))
        return ResourceSpec(targets, True, len(args) == 1)
    kinds: list[KindInfo] = []
    for word in args[0].split(","):
        if word:
            kinds.extend(_expand(api, word))
    names = args[1:]
    return ResourceSpec([Target(k, list(names)) for k in kinds], bool(names), len(names) == 1 and len(kinds) == 1)
