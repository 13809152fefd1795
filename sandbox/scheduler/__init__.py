"""``sandbox.scheduler``: kube-scheduler (``pkg/scheduler``) with the default profile.

:class:`Scheduler` runs as callbacks on the clock and talks to the API server only through
list/watch, binding and status updates. :func:`why_pending` explains, node by node, why a pod is
still Pending.
"""

from sandbox.scheduler.explain import why_pending
from sandbox.scheduler.framework import Code, FitError, Status
from sandbox.scheduler.scheduler import DEFAULT_SCHEDULER_NAME, Scheduler

__all__ = ["Scheduler", "DEFAULT_SCHEDULER_NAME", "why_pending", "FitError", "Status", "Code"]
