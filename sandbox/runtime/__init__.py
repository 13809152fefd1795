"""The container runtime: in-memory filesystems with mounts, processes, signals and pipes."""

from sandbox.runtime.filesystem import (
    DEFAULT_CAPABILITIES,
    ROOT,
    Credentials,
    FileSystem,
    FSError,
    Mount,
    MountNamespace,
    StatResult,
)
from sandbox.runtime.process import (
    InputText,
    NullStream,
    OutputBuffer,
    Pipe,
    Process,
    ProcessExit,
    ProcessKilled,
    ProcessLike,
    ProcessTable,
    Program,
    Signal,
    binary,
    current_process,
    parse_signal,
    program_for,
    register_program,
    signal_name,
)

__all__ = [
    "DEFAULT_CAPABILITIES", "ROOT", "Credentials", "FileSystem", "FSError", "Mount",
    "MountNamespace", "StatResult", "InputText", "NullStream", "OutputBuffer", "Pipe", "Process",
    "ProcessExit", "ProcessKilled", "ProcessLike", "ProcessTable", "Program", "Signal", "binary",
    "current_process", "parse_signal", "program_for", "register_program", "signal_name",
]  # fmt: skip
