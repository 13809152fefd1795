"""Pod Security admission: the Pod Security Standards enforced per namespace.

``install(api)`` adds the :class:`PodSecurity` plugin to an API server's admission chain. A
namespace opts in with labels (``pod-security.kubernetes.io/enforce: restricted`` ...); see
:mod:`~sandbox.apiserver.podsecurity.api` for the labels, :mod:`~sandbox.apiserver.podsecurity.checks`
for the checks and :mod:`~sandbox.apiserver.podsecurity.admission` for what each mode does.
"""

from sandbox.apiserver.podsecurity.admission import AuditEvent, PodSecurity, install, pod_spec_of
from sandbox.apiserver.podsecurity.api import (
    BASELINE,
    LATEST,
    PRIVILEGED,
    RESTRICTED,
    LevelVersion,
    Policy,
    Version,
    policy_to_evaluate,
)
from sandbox.apiserver.podsecurity.checks import (
    CHECKS,
    AggregateResult,
    CheckResult,
    aggregate,
    evaluate_pod,
)

__all__ = [
    "install",
    "PodSecurity",
    "AuditEvent",
    "pod_spec_of",
    "PRIVILEGED",
    "BASELINE",
    "RESTRICTED",
    "LATEST",
    "Version",
    "LevelVersion",
    "Policy",
    "policy_to_evaluate",
    "CHECKS",
    "CheckResult",
    "AggregateResult",
    "aggregate",
    "evaluate_pod",
]
