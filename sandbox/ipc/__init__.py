"""IPC namespaces: System V and POSIX shared memory and semaphores, scoped to a pod.

See :mod:`sandbox.ipc.namespace` (the namespace), :mod:`sandbox.ipc.registry` (which pod gets which
namespace, ``hostIPC``) and :mod:`sandbox.ipc.applets` (``ipcs``, ``ipcrm``).
"""

from sandbox.ipc.namespace import (
    GETALL,
    GETNCNT,
    GETPID,
    GETVAL,
    GETZCNT,
    IPC_CREAT,
    IPC_EXCL,
    IPC_NOWAIT,
    IPC_PRIVATE,
    IPC_RMID,
    IPC_SET,
    IPC_STAT,
    SEM_UNDO,
    SETALL,
    SETVAL,
    SHM_RDONLY,
    IPCError,
    IPCNamespace,
    Mapping,
    NamedSemaphore,
    SemaphoreSet,
    ShmObject,
    ShmSegment,
)
from sandbox.ipc.registry import IPCRegistry

__all__ = [
    "IPCNamespace",
    "IPCRegistry",
    "IPCError",
    "ShmSegment",
    "SemaphoreSet",
    "ShmObject",
    "Mapping",
    "NamedSemaphore",
    "IPC_PRIVATE",
    "IPC_CREAT",
    "IPC_EXCL",
    "IPC_NOWAIT",
    "IPC_RMID",
    "IPC_SET",
    "IPC_STAT",
    "SHM_RDONLY",
    "GETPID",
    "GETVAL",
    "GETALL",
    "GETNCNT",
    "GETZCNT",
    "SETVAL",
    "SETALL",
    "SEM_UNDO",
]
