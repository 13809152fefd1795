"""Levels, versions and namespace labels (``k8s.io/pod-security-admission/api``).

A namespace chooses its policy with labels::

    pod-security.kubernetes.io/enforce: restricted        # refuse violating pods
    pod-security.kubernetes.io/enforce-version: v1.32     # optional, "latest" by default
    pod-security.kubernetes.io/warn: baseline             # kubectl prints "Warning: ..."
    pod-security.kubernetes.io/audit: restricted          # the audit log records it

A missing label means the cluster default, ``privileged:latest``. A label with a bad value makes
:func:`policy_to_evaluate` return errors (the namespace write is refused) and, for a namespace
that already carries it, the enforce level falls back to ``restricted`` (fail closed) while warn
and audit fall back to ``privileged`` (fail open), as Kubernetes does.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import total_ordering

__all__ = [
    "PRIVILEGED",
    "BASELINE",
    "RESTRICTED",
    "LEVELS",
    "ENFORCE_LEVEL_LABEL",
    "ENFORCE_VERSION_LABEL",
    "AUDIT_LEVEL_LABEL",
    "AUDIT_VERSION_LABEL",
    "WARN_LEVEL_LABEL",
    "WARN_VERSION_LABEL",
    "Version",
    "LATEST",
    "LevelVersion",
    "Policy",
    "DEFAULT_POLICY",
    "parse_level",
    "parse_version",
    "compare_levels",
    "policy_to_evaluate",
]

PRIVILEGED = "privileged"
BASELINE = "baseline"
RESTRICTED = "restricted"
#: In order of strictness.
LEVELS = (PRIVILEGED, BASELINE, RESTRICTED)

_PREFIX = "pod-security.kubernetes.io/"
ENFORCE_LEVEL_LABEL = _PREFIX + "enforce"
ENFORCE_VERSION_LABEL = _PREFIX + "enforce-version"
AUDIT_LEVEL_LABEL = _PREFIX + "audit"
AUDIT_VERSION_LABEL = _PREFIX + "audit-version"
WARN_LEVEL_LABEL = _PREFIX + "warn"
WARN_VERSION_LABEL = _PREFIX + "warn-version"

_VERSION_RE = re.compile(r"^v1\.([0-9]|[1-9][0-9]*)$")


@total_ordering
@dataclass(frozen=True)
class Version:
    """A policy version: ``v1.N`` or ``latest`` (newer than every numbered version)."""

    minor: int = 0
    latest: bool = False

    def __str__(self) -> str:
        return "latest" if self.latest else f"v1.{self.minor}"

    def __lt__(self, other: object) -> bool:
        if not isinstance(other, Version):
            return NotImplemented
        if self.latest:
            return False
        if other.latest:
            return True
        return self.minor < other.minor


LATEST = Version(latest=True)


@dataclass(frozen=True)
class LevelVersion:
    """A level at a version; prints as Kubernetes does: ``restricted:latest``, ``baseline:v1.25``."""

    level: str
    version: Version = LATEST

    def __str__(self) -> str:
        return f"{self.level}:{self.version}"


@dataclass(frozen=True)
class Policy:
    """The three modes of a namespace."""

    enforce: LevelVersion
    audit: LevelVersion
    warn: LevelVersion


#: The cluster default (``PodSecurityConfiguration.defaults``): everything privileged, latest.
DEFAULT_POLICY = Policy(LevelVersion(PRIVILEGED), LevelVersion(PRIVILEGED), LevelVersion(PRIVILEGED))


def parse_level(value: str) -> tuple[str, str | None]:
    """``(level, error)``: an unknown level gives ``restricted`` and Kubernetes' message."""
    if value in LEVELS:
        return value, None
    return RESTRICTED, "must be one of privileged, baseline, restricted"


def parse_version(value: str) -> tuple[Version, str | None]:
    """``(version, error)``: ``latest`` or ``v1.N``; anything else gives ``latest`` and an error."""
    if value == "latest":
        return LATEST, None
    m = _VERSION_RE.match(value)
    if not m:
        return LATEST, 'must be "latest" or "v1.x"'
    return Version(int(m.group(1))), None


def compare_levels(a: str, b: str) -> int:
    """-1, 0 or 1: how strict ``a`` is compared with ``b``."""
    if a == b:
        return 0
    return -1 if LEVELS.index(a) < LEVELS.index(b) else 1


def policy_to_evaluate(
    labels: dict[str, str] | None, defaults: Policy = DEFAULT_POLICY
) -> tuple[Policy, list[tuple[str, str, str]]]:
    """The namespace's policy and the label errors as ``(label, value, message)`` tuples.

    A valid policy is always returned (``PolicyToEvaluate`` in ``api/helpers.go``).
    """
    errs: list[tuple[str, str, str]] = []
    enforce, audit, warn = defaults.enforce, defaults.audit, defaults.warn
    labels = labels or {}

    def level(label: str, current: LevelVersion, fail_open: bool) -> LevelVersion:
        if label not in labels:
            return current
        lvl, err = parse_level(labels[label])
        if err:
            errs.append((label, labels[label], err))
            if fail_open:
                lvl = PRIVILEGED
        return LevelVersion(lvl, current.version)

    def version(label: str, current: LevelVersion) -> LevelVersion:
        if label not in labels:
            return current
        ver, err = parse_version(labels[label])
        if err:
            errs.append((label, labels[label], err))
        return LevelVersion(current.level, ver)

    enforce = version(ENFORCE_VERSION_LABEL, level(ENFORCE_LEVEL_LABEL, enforce, False))
    audit = version(AUDIT_VERSION_LABEL, level(AUDIT_LEVEL_LABEL, audit, True))
    warn = version(WARN_VERSION_LABEL, level(WARN_LEVEL_LABEL, warn, True))
    return Policy(enforce, audit, warn), errs
