"""kubectl, as the sandbox offers it: the same command lines and the same printed output.

``run(cluster, "get pods -o wide")`` returns a :class:`KubectlResult` (``stdout``, ``stderr``,
``exit_code``) with exactly what kubectl 1.32 prints for the same cluster state; ``Shell`` is an
interactive session for workshops (``kubectl get pods``, ``advance 30s``, ``exit``).
"""

from sandbox.kubectl.cli import KubectlResult, run

__all__ = ["KubectlResult", "run", "Shell"]


def __getattr__(name: str):  # lazy: the shell pulls in more than a plain run needs
    if name == "Shell":
        from sandbox.kubectl.shell import Shell

        return Shell
    raise AttributeError(name)
