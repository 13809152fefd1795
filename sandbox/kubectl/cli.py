"""The kubectl command line: commands, their flags, and cobra's messages.

:func:`run` takes a command line (a string, or a list of words, with or without the leading
``kubectl``) and returns a :class:`KubectlResult` with what kubectl would print on stdout and
stderr and its exit code.
"""

from __future__ import annotations

import shlex
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from sandbox.api.registry import NoKindMatchError, UnknownResourceError
from sandbox.errors import SandboxError, StatusError
from sandbox.kubectl import commands as c
from sandbox.kubectl.context import Context, kubelet_lookup
from sandbox.kubectl.errors import CommandError, KubectlError
from sandbox.kubectl.flags import Flag, parse_args
from sandbox.kubectl.get import GET_FLAGS, run_get

__all__ = ["KubectlResult", "run", "COMMANDS", "suggestions"]


@dataclass(frozen=True)
class KubectlResult:
    """What one kubectl command printed and how it exited."""

    stdout: str
    stderr: str
    exit_code: int

    @property
    def output(self) -> str:
        """stdout followed by stderr (as a terminal shows them when only one writes)."""
        return self.stdout + self.stderr

    def __str__(self) -> str:
        return self.output


Handler = Callable[[Context, list[str], dict[str, Any], "list[str] | None"], None]


def _cmd_get(ctx: Context, args: list[str], opts: dict[str, Any], dash: list[str] | None) -> None:
    run_get(ctx, args, opts)


def _cmd_describe(ctx: Context, args: list[str], opts: dict[str, Any], dash: list[str] | None) -> None:
    from sandbox.kubectl.describe import run_describe

    run_describe(ctx, args, opts)


def _cmd_explain(ctx: Context, args: list[str], opts: dict[str, Any], dash: list[str] | None) -> None:
    from sandbox.kubectl.explain import run_explain

    run_explain(ctx, args, opts)


_FILE = Flag("filename", "f", "list")
_SEL = Flag("selector", "l", "str")
_ALL_NS = Flag("all-namespaces", "A")
_OUT = Flag("output", "o", "str")

#: Every command: (handler, flags). Registration order is kubectl's (cobra suggests in this order).
COMMANDS: dict[str, tuple[Handler | None, list[Flag]]] = {
    "create": (c.cmd_create, [_FILE, _OUT, Flag("from-literal", kind="list"), Flag("dry-run", kind="str"),
                              Flag("save-config"), Flag("validate", kind="str"), Flag("recursive", "R"),
                              Flag("image", kind="list"), Flag("replicas", "r", "int"), Flag("port", kind="int", default=-1)]),
    "expose": (None, []),
    "run": (c.cmd_run, [_OUT, Flag("image", kind="str"), Flag("restart", kind="str"), Flag("labels", "l", "str"),
                        Flag("env", kind="list"), Flag("port", kind="str"), Flag("command"), Flag("dry-run", kind="str"),
                        Flag("stdin", "i"), Flag("tty", "t"), Flag("attach"), Flag("rm"), Flag("for", kind="str"),
                        Flag("image-pull-policy", kind="str"), Flag("quiet", "q")]),
    "set": (None, []),
    "explain": (_cmd_explain, [Flag("recursive"), Flag("api-version", kind="str"), Flag("output", "o", "str")]),
    "get": (_cmd_get, GET_FLAGS),
    "edit": (None, []),
    "delete": (c.cmd_delete, [_FILE, _SEL, _ALL_NS, _OUT, Flag("all"), Flag("force"), Flag("now"),
                              Flag("grace-period", kind="int", default=-1), Flag("wait", kind="bool", default=True),
                              Flag("timeout", kind="str"), Flag("cascade", kind="str", default="background"),
                              Flag("ignore-not-found"), Flag("field-selector", kind="str"), Flag("recursive", "R"),
                              Flag("dry-run", kind="str")]),
    "rollout": (c.cmd_rollout, [_FILE, _SEL, Flag("watch", "w", "bool", True), Flag("timeout", kind="str"),
                                Flag("revision", kind="int", default=0), Flag("to-revision", kind="int", default=0)]),
    "scale": (c.cmd_scale, [_FILE, _SEL, Flag("replicas", kind="int"), Flag("current-replicas", kind="int", default=-1),
                            Flag("all"), Flag("timeout", kind="str")]),
    "autoscale": (None, []),
    "certificate": (None, []),
    "cluster-info": (None, []),
    "top": (c.cmd_top, [_SEL, _ALL_NS, Flag("containers"), Flag("no-headers"), Flag("sort-by", kind="str"),
                        Flag("sum"), Flag("field-selector", kind="str"), Flag("show-capacity"),
                        Flag("use-protocol-buffers", kind="bool", default=True)]),
    "cordon": (c.cmd_cordon, [_SEL, Flag("dry-run", kind="str")]),
    "uncordon": (c.cmd_uncordon, [_SEL, Flag("dry-run", kind="str")]),
    "drain": (None, []),
    "taint": (c.cmd_taint, [_SEL, Flag("overwrite"), Flag("all")]),
    "describe": (_cmd_describe, [_FILE, _SEL, _ALL_NS, Flag("show-events", kind="bool", default=True),
                                 Flag("chunk-size", kind="int", default=500), Flag("recursive", "R")]),
    "logs": (c.cmd_logs, [Flag("container", "c", "str"), Flag("previous", "p"), Flag("timestamps"),
                          Flag("tail", kind="int", default=-1), Flag("follow", "f"), Flag("for", kind="str"),
                          Flag("all-containers"), Flag("prefix"), Flag("since", kind="str"), _SEL]),
    "attach": (None, []),
    "exec": (c.cmd_exec, [Flag("container", "c", "str"), Flag("stdin", "i"), Flag("tty", "t"), Flag("quiet", "q"),
                          Flag("for", kind="str"), Flag("stdin-text", kind="str")]),
    "port-forward": (None, []),
    "proxy": (None, []),
    "cp": (None, []),
    "auth": (None, []),
    "debug": (c.cmd_debug, [Flag("image", kind="str"), Flag("target", kind="str"), Flag("container", "c", "str"),
                            Flag("stdin", "i"), Flag("tty", "t"), Flag("attach"), Flag("quiet", "q"),
                            Flag("profile", kind="str"), Flag("for", kind="str")]),
    "events": (c.cmd_events, [_ALL_NS, Flag("for", kind="str"), Flag("types", kind="list"), Flag("no-headers"),
                              Flag("watch", "w"), _OUT]),
    "diff": (None, []),
    "apply": (c.cmd_apply, [_FILE, _OUT, Flag("recursive", "R"), Flag("server-side"), Flag("force"),
                            Flag("prune"), Flag("dry-run", kind="str"), Flag("validate", kind="str")]),
    "patch": (c.cmd_patch, [_FILE, Flag("patch", "p", "str"), Flag("patch-file", kind="str"),
                            Flag("type", kind="str", default="strategic"), Flag("subresource", kind="str"),
                            Flag("dry-run", kind="str")]),
    "replace": (c.cmd_replace, [_FILE, Flag("force"), Flag("grace-period", kind="int", default=-1),
                                Flag("dry-run", kind="str")]),
    "wait": (c.cmd_wait, [_SEL, _ALL_NS, _FILE, Flag("for", kind="str"), Flag("timeout", kind="str", default="30s"),
                          Flag("all")]),
    "kustomize": (None, []),
    "label": (c.cmd_label, [_SEL, _FILE, _ALL_NS, Flag("overwrite"), Flag("all"), Flag("list"),
                            Flag("dry-run", kind="str")]),
    "annotate": (c.cmd_annotate, [_SEL, _FILE, _ALL_NS, Flag("overwrite"), Flag("all"), Flag("list"),
                                  Flag("dry-run", kind="str")]),
    "completion": (None, []),
    "alpha": (None, []),
    "api-resources": (c.cmd_api_resources, [_OUT, Flag("namespaced", kind="bool", default=True),
                                            Flag("api-group", kind="str"), Flag("no-headers"),
                                            Flag("sort-by", kind="str"), Flag("verbs", kind="list"),
                                            Flag("cached")]),
    "api-versions": (None, []),
    "config": (None, []),
    "plugin": (None, []),
    "version": (c.cmd_version, [Flag("client"), _OUT]),
    "options": (None, []),
}


def _levenshtein(a: str, b: str) -> int:
    a, b = a.lower(), b.lower()
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i]
        for j, cb in enumerate(b, 1):
            cur.append(min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb)))
        prev = cur
    return prev[-1]


def suggestions(typed: str) -> list[str]:
    """cobra's ``SuggestionsFor``: commands within Levenshtein distance 2 or starting with ``typed``."""
    return [name for name in COMMANDS
            if _levenshtein(typed, name) <= 2 or name.lower().startswith(typed.lower())]


def _unknown_command(word: str) -> KubectlError:
    sugg = suggestions(word)
    text = f'Error: unknown command "{word}" for "kubectl"'
    if sugg:
        text += "\n\nDid you mean this?\n" + "".join(f"\t{s}\n" for s in sugg) + "\n"
    return KubectlError(text)


def _split(cmdline: str | list[str]) -> list[str]:
    words = shlex.split(cmdline) if isinstance(cmdline, str) else list(cmdline)
    if words and words[0] == "kubectl":
        words = words[1:]
    return words


def run(cluster: Any, cmdline: str | list[str], kubelet_for: Callable[[str], Any] | None = None) -> KubectlResult:
    """Run one kubectl command against ``cluster`` (anything with ``api`` and ``clock``).

    ``kubelet_for(node_name)`` reaches a node's kubelet for ``logs``/``exec``/``debug``; by
    default ``cluster.kubelet_for``.
    """
    if kubelet_for is None:
        kubelet_for = kubelet_lookup(cluster)
    ctx = Context(api=cluster.api, clock=cluster.clock, kubelet_for=kubelet_for)
    try:
        words = _split(cmdline)
    except ValueError as e:
        return KubectlResult("", f"error: {e}\n", 1)
    try:
        _dispatch(ctx, words)
    except KubectlError as e:
        ctx.err.append(e.text)
        ctx.exit_code = e.exit_code
    except (UnknownResourceError, NoKindMatchError) as e:  # kubectl's own mapping errors
        ctx.err.append(f"error: {e}\n")
        ctx.exit_code = 1
    except StatusError as e:
        ctx.err.append(e.kubectl() + "\n")
        ctx.exit_code = 1
    except SandboxError as e:  # e.g. apply's own refusals; never a traceback for a command line
        text = e.kubectl() if hasattr(e, "kubectl") else f"error: {e}"
        ctx.err.append(text.rstrip("\n") + "\n")
        ctx.exit_code = 1
    return KubectlResult("".join(ctx.out), "".join(ctx.err), ctx.exit_code)


_HELP = """kubectl controls the Kubernetes cluster manager (the podlab sandbox's own kubectl).

Commands in the sandbox:
  get, describe, explain, events, logs, exec, debug, run, apply, create, replace, delete, patch,
  label, annotate, taint, cordon, uncordon, scale, rollout, wait, top, api-resources, version

Usage:
  kubectl [flags] [options]
"""


def _dispatch(ctx: Context, words: list[str]) -> None:
    if not words or words[0] in ("-h", "--help", "help"):
        ctx.out.append(_HELP)
        return
    # global flags may come before the command
    lead: list[str] = []
    while words and words[0].startswith("-"):
        lead.append(words.pop(0))
        if lead[-1] in ("-n", "--namespace", "--context", "--kubeconfig") and words:
            lead.append(words.pop(0))
    if not words:
        ctx.out.append(_HELP)
        return
    name = words[0]
    if name not in COMMANDS:
        raise _unknown_command(name)
    handler, flags = COMMANDS[name]
    if handler is None:
        raise CommandError(f'"kubectl {name}" is not available in the podlab sandbox')
    parsed = parse_args(lead + words[1:], flags, name)
    opts = parsed.opts
    opts["_given"] = parsed.given
    if opts.get("namespace"):
        ctx.namespace = opts["namespace"]
        ctx.namespace_given = True
    handler(ctx, parsed.args, opts, parsed.dash_args)
