"""Socket errors as Linux reports them: errno numbers, ``strerror`` texts, Python's exception classes.

Numbers are Linux's (not the host's: this is a simulated Linux). The exception's ``strerror`` is
glibc's wording, which a Python image (Debian-based) and nginx's official image print:
``bind() to 0.0.0.0:80 failed (98: Address already in use)``. musl-based images (alpine, busybox
``:musl``) word some of them differently (``Address in use``); :func:`strerror` gives either.
"""

from __future__ import annotations

__all__ = [
    "EPIPE",
    "EBADF",
    "EAGAIN",
    "EINVAL",
    "ENOTCONN",
    "EADDRINUSE",
    "EADDRNOTAVAIL",
    "ECONNABORTED",
    "ECONNRESET",
    "ETIMEDOUT",
    "ECONNREFUSED",
    "EHOSTUNREACH",
    "strerror",
    "os_error",
]

EBADF = 9
EAGAIN = 11
EINVAL = 22
EPIPE = 32
EADDRINUSE = 98
EADDRNOTAVAIL = 99
ECONNABORTED = 103
ECONNRESET = 104
ENOTCONN = 107
ETIMEDOUT = 110
ECONNREFUSED = 111
EHOSTUNREACH = 113

_GLIBC = {
    EBADF: "Bad file descriptor",
    EAGAIN: "Resource temporarily unavailable",
    EINVAL: "Invalid argument",
    EPIPE: "Broken pipe",
    EADDRINUSE: "Address already in use",
    EADDRNOTAVAIL: "Cannot assign requested address",
    ECONNABORTED: "Software caused connection abort",
    ECONNRESET: "Connection reset by peer",
    ENOTCONN: "Transport endpoint is not connected",
    ETIMEDOUT: "Connection timed out",
    ECONNREFUSED: "Connection refused",
    EHOSTUNREACH: "No route to host",
}

_MUSL = {
    **_GLIBC,
    EAGAIN: "Resource temporarily unavailable",
    EADDRINUSE: "Address in use",
    EADDRNOTAVAIL: "Address not available",
    ECONNABORTED: "Connection aborted",
    ENOTCONN: "Socket not connected",
    ETIMEDOUT: "Operation timed out",
    EHOSTUNREACH: "Host is unreachable",
}

_CLASSES: dict[int, type[OSError]] = {
    EAGAIN: BlockingIOError,
    EPIPE: BrokenPipeError,
    ECONNABORTED: ConnectionAbortedError,
    ECONNRESET: ConnectionResetError,
    ETIMEDOUT: TimeoutError,
    ECONNREFUSED: ConnectionRefusedError,
}


def strerror(code: int, libc: str = "glibc") -> str:
    """The text ``strerror(code)`` returns in ``libc`` (``"glibc"`` or ``"musl"``)."""
    table = _MUSL if libc == "musl" else _GLIBC
    return table.get(code, f"Unknown error {code}")


def os_error(code: int, **context: object) -> OSError:
    """``OSError`` (or its Python subclass for ``code``) with Linux's errno and glibc's text.

    ``context`` is stored on the exception as attributes (``op``, ``local``, ``remote``), which the
    Go-style error texts in :mod:`sandbox.network.http` use.
    """
    exc = _CLASSES.get(code, OSError)(code, strerror(code))
    for k, v in context.items():
        setattr(exc, k, v)
    return exc
