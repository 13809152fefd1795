"""Errors that carry a Kubernetes ``Status``, as ``k8s.io/apimachinery/pkg/api/errors`` builds them.

Every refusal from the sandbox's API server is a :class:`StatusError` (or a subclass named after its
``reason``), so a learner sees the same words kube-apiserver would send::

    >>> from sandbox.errors import NotFound
    >>> str(NotFound.for_resource("pods", "x"))
    'pods "x" not found'

``err.kubectl()`` gives the line kubectl prints: ``Error from server (NotFound): pods "x" not found``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # sandbox.api imports this module: import it lazily to avoid a cycle
    from sandbox.api.field import FieldError

__all__ = [
    "SandboxError",
    "StatusError",
    "BadRequest",
    "Unauthorized",
    "Forbidden",
    "NotFound",
    "MethodNotAllowed",
    "AlreadyExists",
    "Conflict",
    "Gone",
    "Invalid",
    "TooManyRequests",
    "InternalError",
    "Timeout",
    "qualified_resource",
    "qualified_kind",
]


class SandboxError(Exception):
    """Base class of every error the sandbox raises on purpose."""


def qualified_resource(resource: str, group: str = "") -> str:
    """``pods`` or ``deployments.apps``: how Kubernetes names a resource in messages."""
    return f"{resource}.{group}" if group else resource


def qualified_kind(kind: str, group: str = "") -> str:
    """``Pod`` or ``Deployment.apps``: how Kubernetes names a kind in ``is invalid`` messages."""
    return f"{kind}.{group}" if group else kind


class StatusError(SandboxError):
    """An API error: HTTP ``code``, machine-readable ``reason``, human ``message`` and ``details``."""

    code: int = 500
    reason: str = "InternalError"

    def __init__(
        self,
        message: str,
        *,
        code: int | None = None,
        reason: str | None = None,
        details: dict[str, Any] | None = None,
    ) -> None:
        super().__init__(message)
        self.message = message
        if code is not None:
            self.code = code
        if reason is not None:
            self.reason = reason
        self.details: dict[str, Any] = details or {}

    def __str__(self) -> str:
        return self.message

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self.message!r})"

    @property
    def status(self) -> dict[str, Any]:
        """The ``metav1.Status`` object as the API server would send it (JSON form)."""
        st: dict[str, Any] = {
            "kind": "Status",
            "apiVersion": "v1",
            "metadata": {},
            "status": "Failure",
            "message": self.message,
            "reason": self.reason,
            "code": self.code,
        }
        if self.details:
            st["details"] = self.details
        if not self.reason:
            del st["reason"]
        return st

    @property
    def causes(self) -> list[dict[str, str]]:
        return list(self.details.get("causes", []))

    def kubectl(self) -> str:
        """The line kubectl prints for this error: ``Error from server (Reason): message``
        (``Error from server: message`` when the Status carries no reason)."""
        if not self.reason:
            return f"Error from server: {self.message}"
        return f"Error from server ({self.reason}): {self.message}"


class BadRequest(StatusError):
    code = 400
    reason = "BadRequest"


class Unauthorized(StatusError):
    code = 401
    reason = "Unauthorized"


class Forbidden(StatusError):
    code = 403
    reason = "Forbidden"

    @classmethod
    def for_resource(cls, resource: str, name: str, err: str, group: str = "", kind: str = "") -> Forbidden:
        qr = qualified_resource(resource, group)
        msg = f'{qr} "{name}" is forbidden: {err}' if name else f"{qr} is forbidden: {err}"
        return cls(msg, details={"name": name, "group": group, "kind": resource})


class NotFound(StatusError):
    code = 404
    reason = "NotFound"

    @classmethod
    def for_resource(cls, resource: str, name: str, group: str = "") -> NotFound:
        return cls(
            f'{qualified_resource(resource, group)} "{name}" not found',
            details={"name": name, "group": group, "kind": resource},
        )


class MethodNotAllowed(StatusError):
    code = 405
    reason = "MethodNotAllowed"


class AlreadyExists(StatusError):
    code = 409
    reason = "AlreadyExists"

    @classmethod
    def for_resource(cls, resource: str, name: str, group: str = "") -> AlreadyExists:
        return cls(
            f'{qualified_resource(resource, group)} "{name}" already exists',
            details={"name": name, "group": group, "kind": resource},
        )


class Conflict(StatusError):
    code = 409
    reason = "Conflict"

    #: The message kube-apiserver gives for a stale ``resourceVersion``.
    OPTIMISTIC_LOCK = "the object has been modified; please apply your changes to the latest version and try again"

    @classmethod
    def for_resource(cls, resource: str, name: str, err: str = OPTIMISTIC_LOCK, group: str = "") -> Conflict:
        return cls(
            f'Operation cannot be fulfilled on {qualified_resource(resource, group)} "{name}": {err}',
            details={"name": name, "group": group, "kind": resource},
        )


class Gone(StatusError):
    """A watch asked to resume from a resourceVersion that is no longer kept."""

    code = 410
    reason = "Expired"


class Invalid(StatusError):
    code = 422
    reason = "Invalid"

    @classmethod
    def for_kind(cls, kind: str, name: str, errors: list[FieldError], group: str = "") -> Invalid:
        from sandbox.api.field import aggregate

        qk = qualified_kind(kind, group)
        msg = f'{qk} "{name}" is invalid'
        if errors:
            msg += ": " + aggregate(errors)
        return cls(
            msg,
            details={"name": name, "group": group, "kind": kind, "causes": [e.cause() for e in errors]},
        )

    def kubectl(self) -> str:
        """kubectl's wording: ``The Pod "x" is invalid: spec.containers[0].name: Required value``."""
        from sandbox.api.field import aggregate_messages

        kind = self.details.get("kind", "")
        name = self.details.get("name", "")
        s = f'The {kind} "{name}" is invalid' if kind or name else "The request is invalid"
        causes = self.causes
        if causes:
            s += ": " + aggregate_messages([f"{c['field']}: {c['message']}" if c.get("field") else c["message"] for c in causes])
        return s

    @property
    def field_errors(self) -> list[str]:
        """``field: message`` for each cause, handy in tests."""
        return [f"{c['field']}: {c['message']}" for c in self.causes]


class TooManyRequests(StatusError):
    code = 429
    reason = "TooManyRequests"


class InternalError(StatusError):
    code = 500
    reason = "InternalError"


class Timeout(StatusError):
    code = 504
    reason = "Timeout"
