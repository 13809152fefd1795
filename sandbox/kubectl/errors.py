"""Errors the sandbox's kubectl reports in kubectl's own words.

kubectl prints client-side problems as ``error: ...`` and flag/command problems (cobra's) as
``Error: ...`` followed by ``See 'kubectl get --help' for usage.``; API errors come from the
server's Status as ``Error from server (NotFound): pods "x" not found``. Each ends the command
with exit code 1 unless it says otherwise.
"""

from __future__ import annotations

from sandbox.errors import SandboxError

__all__ = ["KubectlError", "UsageError", "CommandError"]


class KubectlError(SandboxError):
    """A failure that kubectl prints as is (``text`` already has its ``error:`` prefix)."""

    def __init__(self, text: str, exit_code: int = 1) -> None:
        super().__init__(text)
        self.text = text if text.endswith("\n") else text + "\n"
        self.exit_code = exit_code


class CommandError(KubectlError):
    """``error: <message>``: kubectl's ``cmdutil.CheckErr`` for client-side errors."""

    def __init__(self, message: str, exit_code: int = 1) -> None:
        super().__init__(f"error: {message}", exit_code)
        self.message = message


class UsageError(KubectlError):
    """cobra's flag and command errors: ``Error: unknown flag: --foo`` + ``See 'kubectl get --help' for usage.``"""

    def __init__(self, message: str, command: str = "") -> None:
        hint = f"See 'kubectl {command} --help' for usage." if command else "See 'kubectl --help' for usage."
        super().__init__(f"Error: {message}\n{hint}")
        self.message = message
