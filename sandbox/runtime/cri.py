"""The Container Runtime Interface between the kubelet and the sandbox's container runtime.

Kubernetes' kubelet never starts processes itself: it asks a container runtime (containerd,
CRI-O) through the CRI to pull images, run a *pod sandbox* (the namespaces a pod's containers share)
and create, start, stop and inspect containers. The sandbox keeps that cut: ``sandbox.kubelet``
talks only to a :class:`ContainerRuntime`, and ``sandbox.runtime`` implements it with threads.

Every method is non-blocking, because the kubelet runs as callbacks on the virtual clock: work that
takes (virtual) time reports back through a callback, invoked later as a clock callback.
"""

from __future__ import annotations

import abc
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from sandbox.errors import SandboxError

__all__ = [
    "RuntimeError_",
    "ImagePullError",
    "CreateContainerError",
    "StartContainerError",
    "Mount",
    "Credentials",
    "PodSandboxConfig",
    "ContainerConfig",
    "ContainerState",
    "ContainerStatus",
    "LogLine",
    "ExecResult",
    "ContainerRuntime",
]


class RuntimeError_(SandboxError):
    """A runtime call failed; ``str(err)`` is what the kubelet puts in its event and status."""


class ImagePullError(RuntimeError_):
    """``failed to pull and unpack image ...``: the kubelet reports ``ErrImagePull``."""


class CreateContainerError(RuntimeError_):
    """The runtime could not create the container (``CreateContainerError``)."""


class StartContainerError(RuntimeError_):
    """The container was created but its process could not start (``StartError``, exit 128),
    e.g. ``exec: "foo": executable file not found in $PATH``."""


@dataclass
class Mount:
    """A volume mounted into a container (the kubelet's volume manager prepared ``source``)."""

    container_path: str
    source: Any  # a filesystem tree from sandbox.runtime.filesystem
    read_only: bool = False
    sub_path: str = ""
    name: str = ""


@dataclass
class Credentials:
    """Who the container's process runs as, after the pod and container security contexts merged."""

    uid: int | None = None  # None: the image's user
    gid: int | None = None
    supplemental_groups: list[int] = field(default_factory=list)
    fs_group: int | None = None
    capabilities_add: list[str] = field(default_factory=list)
    capabilities_drop: list[str] = field(default_factory=list)
    privileged: bool = False
    read_only_root_filesystem: bool = False
    allow_privilege_escalation: bool | None = None
    run_as_non_root: bool | None = None


@dataclass
class PodSandboxConfig:
    """What the kubelet asks for in ``RunPodSandbox``."""

    name: str
    namespace: str
    uid: str
    hostname: str
    subdomain: str = ""
    host_network: bool = False
    host_ipc: bool = False
    host_pid: bool = False
    share_process_namespace: bool = False
    set_hostname_as_fqdn: bool = False  # podlab-pod: the UTS hostname is the FQDN (with a subdomain)
    host_aliases: list[tuple[str, list[str]]] = field(default_factory=list)
    dns_search: list[str] = field(default_factory=list)
    labels: dict[str, str] = field(default_factory=dict)
    annotations: dict[str, str] = field(default_factory=dict)


@dataclass
class ContainerConfig:
    """What the kubelet asks for in ``CreateContainer``.

    ``command``/``args`` are the pod spec's (``None`` when unset); the runtime merges them with the
    image's ENTRYPOINT and CMD exactly as Kubernetes documents, after the kubelet expanded
    ``$(VAR)`` references.
    """

    name: str
    image: str
    command: list[str] | None = None
    args: list[str] | None = None
    env: list[tuple[str, str]] = field(default_factory=list)
    working_dir: str | None = None
    mounts: list[Mount] = field(default_factory=list)
    credentials: Credentials = field(default_factory=Credentials)
    memory_limit: int | None = None  # bytes
    cpu_limit_millis: int | None = None
    termination_message_path: str = "/dev/termination-log"
    stdin: bool = False
    tty: bool = False
    attempt: int = 0  # the restart count this container is created for
    labels: dict[str, str] = field(default_factory=dict)
    #: ``NamespaceOption`` with ``pid: TARGET``: the id of the container whose PID namespace this
    #: one joins (an ephemeral container's ``targetContainerName``)
    target_id: str | None = None
    #: the kubelet's bookkeeping (``io.kubernetes.container.hash``, ...), read back in the status
    annotations: dict[str, str] = field(default_factory=dict)


class ContainerState:
    CREATED = "created"
    RUNNING = "running"
    EXITED = "exited"
    UNKNOWN = "unknown"


@dataclass
class ContainerStatus:
    """The runtime's view of one container (``ContainerStatus`` in the CRI)."""

    id: str  # "containerd://<64 hex>"
    name: str
    attempt: int
    state: str
    image: str  # the image reference as given
    image_ref: str  # "docker.io/library/nginx@sha256:..."
    created_at: float
    started_at: float | None = None
    finished_at: float | None = None
    exit_code: int | None = None
    reason: str = ""  # "Completed", "Error", "OOMKilled", "StartError", "ContainerCannotRun"
    message: str = ""  # the termination message, when there is one
    signal: int | None = None  # the signal that ended it, if any
    labels: dict[str, str] = field(default_factory=dict)
    annotations: dict[str, str] = field(default_factory=dict)


@dataclass
class LogLine:
    """One line a container wrote, with the time it wrote it (for ``--timestamps``)."""

    time: float
    stream: str  # "stdout" | "stderr"
    text: str  # without the trailing newline


@dataclass
class ExecResult:
    exit_code: int
    stdout: str
    stderr: str
    timed_out: bool = False


class ContainerRuntime(abc.ABC):
    """The calls the kubelet makes (a subset of CRI's RuntimeService and ImageService)."""

    # -- images
    @abc.abstractmethod
    def image_present(self, image: str) -> bool:
        """Whether the image is already on the node (for ``IfNotPresent``)."""

    @abc.abstractmethod
    def pull_image(self, image: str, on_done: Callable[[str | None, ImagePullError | None, float, int], Any]) -> None:
        """Pull ``image``; later call ``on_done(image_ref, error, seconds_taken, size_bytes)``."""

    # -- pod sandboxes
    @abc.abstractmethod
    def run_pod_sandbox(self, config: PodSandboxConfig) -> Any:
        """Create the pod's shared namespaces (network with its IP, IPC, PID, UTS); returns a handle
        with at least ``.id``, ``.ips`` (list of str) and ``.network`` (the network namespace)."""

    @abc.abstractmethod
    def stop_pod_sandbox(self, sandbox: Any) -> None:
        """Tear the sandbox down: release its IP, close its sockets, drop its IPC objects."""

    # -- containers
    @abc.abstractmethod
    def create_container(self, sandbox: Any, config: ContainerConfig) -> str:
        """Create a container in ``sandbox``; returns its id. Raises :class:`CreateContainerError`."""

    @abc.abstractmethod
    def start_container(self, container_id: str) -> None:
        """Start the container's process (a managed thread). Raises :class:`StartContainerError`."""

    @abc.abstractmethod
    def stop_container(self, container_id: str, grace_seconds: float, on_stopped: Callable[[str], Any] | None = None) -> None:
        """SIGTERM, then SIGKILL after ``grace_seconds`` if still running; ``on_stopped(id)`` once ended."""

    @abc.abstractmethod
    def remove_container(self, container_id: str) -> None:
        """Forget a container (its logs go with it)."""

    @abc.abstractmethod
    def container_status(self, container_id: str) -> ContainerStatus:
        """The container's current status."""

    @abc.abstractmethod
    def on_container_exit(self, callback: Callable[[str], Any]) -> None:
        """Register ``callback(container_id)``, called (as a clock callback) whenever a container
        ends: the sandbox's equivalent of the kubelet's PLEG events."""

    @abc.abstractmethod
    def logs(self, container_id: str) -> list[LogLine]:
        """Everything the container wrote to stdout and stderr, in order."""

    @abc.abstractmethod
    def exec(
        self,
        container_id: str,
        argv: list[str],
        on_done: Callable[[ExecResult], Any],
        timeout: float | None = None,
        stdin: str | None = None,
    ) -> None:
        """Run ``argv`` inside the running container; ``on_done(result)`` when it ends or times out
        (a timed-out exec is killed and reports ``timed_out=True``)."""
