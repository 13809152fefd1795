"""Helpers the pod tests share: what a command prints in a container, a pod's events."""

from __future__ import annotations


def out(cluster, pod: str, cmd: str, container: str | None = None) -> str:
    """stdout+stderr of ``sh -c cmd`` in the pod's container."""
    r = cluster.exec(pod, cmd, container=container)
    return r.stdout + r.stderr


def events(cluster, name: str, reason: str) -> list[str]:
    return [e.message for e in cluster.events("pod", name) if e.reason == reason]
