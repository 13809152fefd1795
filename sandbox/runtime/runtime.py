"""The sandbox's container runtime: containerd's part, with threads on the virtual clock.

:class:`ThreadRuntime` implements :class:`sandbox.runtime.cri.ContainerRuntime` for one node::

    clock = Clock()
    rt = ThreadRuntime(clock, network, random.Random(0), "node-1")
    rt.pull_image("busybox:1.36", on_done)              # later: on_done(image_ref, None, 1.04, 2_155_000)
    sb = rt.run_pod_sandbox(PodSandboxConfig(name="p", namespace="default", uid="u", hostname="p"))
    cid = rt.create_container(sb, ContainerConfig(name="c", image="busybox:1.36",
                                                  command=["sh", "-c", "echo hi; sleep 5; exit 3"]))
    rt.start_container(cid)
    clock.advance(10)
    rt.container_status(cid).exit_code                  # 3, reason "Error"
    rt.close()                                          # every container thread ends

Every call returns at once; results that take virtual time come back through callbacks run by the
clock (never re-entrantly). Pulls take ``1 s + size / 50 MB/s`` of virtual time.
"""

from __future__ import annotations

import contextlib
import random
from collections.abc import Callable
from typing import Any

from sandbox.clock import Clock, ClockError, Task
from sandbox.images.image import Image, InvalidReference, parse_reference
from sandbox.images.registry import PULL_BASE_SECONDS, REGISTRY, Registry, pull_seconds
from sandbox.ipc import IPCRegistry
from sandbox.runtime.container import Container, RuntimeExecResult, merge_argv
from sandbox.runtime.cri import (
    ContainerConfig,
    ContainerRuntime,
    ContainerState,
    ContainerStatus,
    CreateContainerError,
    ExecResult,
    ImagePullError,
    LogLine,
    PodSandboxConfig,
    RuntimeError_,
)
from sandbox.runtime.filesystem import FileSystem
from sandbox.runtime.logs import ContainerLog
from sandbox.runtime.process import Process, ProcessTable
from sandbox.runtime.sandbox import (
    CLUSTER_DNS,
    CLUSTER_DOMAIN,
    SANDBOX_NOTREADY,
    PodSandbox,
    hosts_file,
    node_hosts_file,
    resolv_conf,
)

__all__ = [
    "ThreadRuntime",
    "CreateContainerConfigError",
    "ContainerNotFound",
    "verify_run_as_non_root",
    "merge_argv",
    "RuntimeExecResult",
]


class CreateContainerConfigError(CreateContainerError):
    """The kubelet refuses the container's config (waiting reason ``CreateContainerConfigError``),
    e.g. ``container has runAsNonRoot and image will run as root (pod: "p_default(uid)", container: c)``."""


class ContainerNotFound(RuntimeError_):
    """No container with that id: ``an error occurred when try to find container "ID": not found``."""


def verify_run_as_non_root(image: Image, config: ContainerConfig, pod: str) -> str | None:
    """The kubelet's ``verifyRunAsNonRoot``: the refusal message, or ``None`` if allowed.

    ``pod`` is the kubelet's ``format.Pod``: ``name_namespace(uid)``.
    """
    creds = config.credentials
    if not creds.run_as_non_root:
        return None
    if creds.uid is not None:
        if creds.uid == 0:
            return f'container\'s runAsUser breaks non-root policy (pod: "{pod}", container: {config.name})'
        return None
    uid, _gid, username = image.user_ids()
    if uid is None and username:
        return (
            f"container has runAsNonRoot and image has non-numeric user ({username}), cannot verify user is "
            f'non-root (pod: "{pod}", container: {config.name})'
        )
    if uid == 0:
        return f'container has runAsNonRoot and image will run as root (pod: "{pod}", container: {config.name})'
    return None


class ThreadRuntime(ContainerRuntime):
    """containerd for one node: images, pod sandboxes and containers as managed threads.

    Args:
        clock: the cluster's clock.
        network: the cluster's :class:`sandbox.network.Network` (pod IPs, sockets); ``None`` gives
            pods IPs from a private allocator and no sockets.
        rng: where container and sandbox ids come from (seeded: ids are deterministic).
        node_name: the node this runtime serves.
        registry: where images are pulled from (:data:`sandbox.images.registry.REGISTRY`).
    """

    def __init__(
        self,
        clock: Clock,
        network: Any = None,
        rng: random.Random | None = None,
        node_name: str = "node-1",
        *,
        registry: Registry | None = None,
    ) -> None:
        self.clock = clock
        self.network = network
        self.rng = rng if rng is not None else random.Random(0)
        self.node_name = node_name
        self.registry = registry if registry is not None else REGISTRY
        self._images: dict[str, Image] = {}
        self._sandboxes: dict[str, PodSandbox] = {}
        self._containers: dict[str, Container] = {}
        self._exit_callbacks: list[Callable[[str], Any]] = []
        self._tasks: list[Task] = []
        self._closed = False
        self._ipam: Any = None
        # podlab-pod: IPC namespaces from sandbox.ipc: one per pod sandbox, the node's for hostIPC
        self.ipc = IPCRegistry(clock, node_name)
        self.node_ipc = self.ipc.host
        self.node_pid_table = ProcessTable(clock, spawner=self._spawn)

    # ------------------------------------------------------------------ helpers

    def _spawn(self, fn: Callable[[], Any], name: str) -> Task:
        task = self.clock.spawn(fn, name=name)
        self._tasks = [t for t in self._tasks if not t.done]
        self._tasks.append(task)
        return task

    def _hex(self) -> str:
        return f"{self.rng.getrandbits(256):064x}"

    def _container(self, container_id: str) -> Container:
        key = container_id.removeprefix("containerd://")
        c = self._containers.get(key)
        if c is None:
            raise ContainerNotFound(f'an error occurred when try to find container "{key}": not found')
        return c

    def container(self, container_id: str) -> Container:
        """The :class:`Container` behind an id (``containerd://...`` or the bare hex)."""
        return self._container(container_id)

    def containers(self, sandbox: PodSandbox | None = None) -> list[Container]:
        """Every container (of ``sandbox``), in creation order."""
        return [c for c in self._containers.values() if sandbox is None or c.sandbox is sandbox]

    # ------------------------------------------------------------------ images

    def image_present(self, image: str) -> bool:
        try:
            return str(parse_reference(image)) in self._images
        except InvalidReference:
            return False

    def image_status(self, image: str) -> Image | None:
        """The pulled image ``image`` names (its user, size, digest), or ``None``."""
        try:
            return self._images.get(str(parse_reference(image)))
        except InvalidReference:
            return None

    def list_images(self) -> list[Image]:
        """The images on this node (``crictl images``)."""
        # podlab-pod: Image is an unhashable dataclass; dedupe by identity
        return list({id(img): img for img in self._images.values()}.values())

    def preload(self, *images: str) -> None:
        """Put images on the node at once, without pulling (as a node's preloaded images)."""
        for ref in images:
            img = self.registry.resolve(ref)
            if img is None:
                raise self.registry.pull_error(ref)
            self._images[str(parse_reference(ref))] = img

    def pull_image(
        self, image: str, on_done: Callable[[str | None, ImagePullError | None, float, int], Any]
    ) -> None:
        try:
            img = self.registry.resolve(image)
        except InvalidReference:
            img = None
        if img is None:
            err = self.registry.pull_error(image)
            self.clock.call_later(PULL_BASE_SECONDS, on_done, None, err, PULL_BASE_SECONDS, 0)
            return
        seconds = PULL_BASE_SECONDS if self.image_present(image) else pull_seconds(img)
        key = str(parse_reference(image))

        def done() -> None:
            self._images[key] = img
            on_done(img.image_ref, None, seconds, img.size)

        self.clock.call_later(seconds, done)

    # ------------------------------------------------------------------ sandboxes

    def run_pod_sandbox(self, config: PodSandboxConfig) -> PodSandbox:
        sid = self._hex()
        key = f"{config.namespace}/{config.name}/{sid[:12]}"
        network = None
        if self.network is not None:
            try:
                network = self.network.create_pod_namespace(
                    key,
                    self.node_name,
                    hostname=config.hostname,
                    subdomain=config.subdomain or None,
                    k8s_namespace=config.namespace,
                    host_network=config.host_network,
                )
            except Exception as e:  # noqa: BLE001 - IPAM exhaustion and the like
                raise RuntimeError_(
                    f'failed to setup network for sandbox "{sid}": plugin type="ptp" failed (add): {e}'
                ) from None
            ips = list(network.ips)
            node_ips = list(self.network.node(self.node_name).ips)
        else:
            ips, node_ips = self._private_ips(key, config.host_network)
        hostname = self.node_name if config.host_network else config.hostname
        if config.host_network:
            hosts = node_hosts_file(node_ips, self.node_name, config.host_aliases)
            resolv = resolv_conf([], ["172.18.0.1"], [])
        else:
            hosts = hosts_file(
                ips, hostname, subdomain=config.subdomain, namespace=config.namespace, host_aliases=config.host_aliases
            )
            searches = config.dns_search or [
                f"{config.namespace}.svc.{CLUSTER_DOMAIN}",
                f"svc.{CLUSTER_DOMAIN}",
                CLUSTER_DOMAIN,
            ]
            resolv = resolv_conf(searches, [CLUSTER_DNS], ["ndots:5"])
        etc = FileSystem(self.clock.now, name=f"etc:{key}")
        etc.add_file("/hosts", hosts, 0o644)
        if config.set_hostname_as_fqdn and config.subdomain and not config.host_network:
            # podlab-pod: GetNodenameForKernel: the kernel hostname is the FQDN; /etc/hosts keeps both
            hostname = f"{hostname}.{config.subdomain}.{config.namespace}.svc.{CLUSTER_DOMAIN}"
        etc.add_file("/hostname", hostname + "\n", 0o644)
        etc.add_file("/resolv.conf", resolv, 0o644)
        if config.host_pid:
            table: ProcessTable | None = self.node_pid_table
        elif config.share_process_namespace:
            table = ProcessTable(self.clock, spawner=self._spawn)
        else:
            table = None
        if config.host_network or hostname != config.hostname:
            hostname_cfg = PodSandboxConfig(**{**config.__dict__, "hostname": hostname})
        else:
            hostname_cfg = config
        sb = PodSandbox(
            sid,
            hostname_cfg,
            ips=ips,
            network=network,
            ipc=self.ipc.for_pod(sid, host_ipc=config.host_ipc, name=f"{config.namespace}/{config.name}"),
            pid_table=table,
            etc=etc,
            created_at=self.clock.now(),
            network_key=key,
            node_name=self.node_name,
        )
        if table is not None and not config.host_pid:
            pause = self.registry.resolve("registry.k8s.io/pause:3.10")
            assert pause is not None
            sb.pause = Process(table, ["/pause"], fs=pause.rootfs().clone().view(), hostname=hostname)
        self._sandboxes[sid] = sb
        return sb

    def _private_ips(self, key: str, host_network: bool) -> tuple[list[str], list[str]]:
        from sandbox.network.ipam import IPAM

        if self._ipam is None:
            self._ipam = IPAM()
        alloc = self._ipam.add_node(self.node_name)
        if host_network:
            return list(alloc.node_ips), list(alloc.node_ips)
        return self._ipam.allocate(self.node_name, key), list(alloc.node_ips)

    def stop_pod_sandbox(self, sandbox: Any) -> None:
        sb: PodSandbox = sandbox
        for c in self.containers(sb):
            c.kill()
        if sb.pause is not None and sb.pause.alive:
            sb.pause.deliver(9)
        if sb.state != SANDBOX_NOTREADY:
            sb.state = SANDBOX_NOTREADY
            if self.network is not None:
                self.network.teardown(sb.network_key)
            elif self._ipam is not None and not sb.config.host_network:
                self._ipam.release(self.node_name, sb.network_key)
            self.ipc.release(sb.id)  # podlab-pod: the host's namespace is never released

    def remove_pod_sandbox(self, sandbox: Any) -> None:
        """Stop the sandbox if needed and forget it and its containers."""
        sb: PodSandbox = sandbox
        self.stop_pod_sandbox(sb)
        for c in self.containers(sb):
            self._containers.pop(c.hex_id, None)
        self._sandboxes.pop(sb.id, None)

    def sandboxes(self) -> list[PodSandbox]:
        return list(self._sandboxes.values())

    # ------------------------------------------------------------------ containers

    def create_container(self, sandbox: Any, config: ContainerConfig) -> str:
        sb: PodSandbox = sandbox
        if not sb.ready:
            raise CreateContainerError(f'failed to create containerd container: sandbox "{sb.id}" is not ready')
        img = self.image_status(config.image)
        if img is None:
            try:
                ref = str(parse_reference(config.image))
            except InvalidReference as e:
                raise CreateContainerError(str(e)) from None
            raise CreateContainerError(f'failed to get image "{ref}": image "{ref}": not found')
        pod = f"{sb.config.name}_{sb.config.namespace}({sb.config.uid})"
        refusal = verify_run_as_non_root(img, config, pod)
        if refusal is not None:
            raise CreateContainerConfigError(refusal)
        # NamespaceMode TARGET (containerd's WithPodNamespaces): join the target container's
        # PID namespace; in a pod that already shares one (or the node's) there is nothing to join
        target_table = None
        if config.target_id and sb.pid_table is None:
            try:
                target_table = self._container(config.target_id).pid_table
            except RuntimeError_:
                raise CreateContainerError(
                    f"failed to create containerd container: container {config.target_id} not found") from None
        hex_id = self._hex()
        c = Container(
            clock=self.clock,
            hex_id=hex_id,
            sandbox=sb,
            config=config,
            image=img,
            node_pid_table=target_table,
            on_exit=self._container_exited,
        )
        if sb.pid_table is None and target_table is None:
            c.pid_table.spawner = self._spawn
        # podlab-pod: every container's /dev/shm is the pod's IPC namespace's tmpfs
        if "/dev/shm" not in {m.container_path for m in config.mounts}:
            c.ns.mount("/dev/shm", sb.ipc.dev_shm_tree())
        self._containers[hex_id] = c
        sb.containers.append(c.id)
        return c.id

    def start_container(self, container_id: str) -> None:
        self._container(container_id).start()

    def stop_container(
        self, container_id: str, grace_seconds: float, on_stopped: Callable[[str], Any] | None = None
    ) -> None:
        self._container(container_id).stop(grace_seconds, on_stopped)

    def kill_container(self, container_id: str, signal: int = 9) -> None:
        """Send ``signal`` to every process of the container now (no grace period)."""
        self._container(container_id).kill(signal)

    def remove_container(self, container_id: str) -> None:
        c = self._container(container_id)
        if c.running:
            c.kill()
        self._containers.pop(c.hex_id, None)
        if c.id in c.sandbox.containers:
            c.sandbox.containers.remove(c.id)

    def container_status(self, container_id: str) -> ContainerStatus:
        return self._container(container_id).status()

    def on_container_exit(self, callback: Callable[[str], Any]) -> None:
        self._exit_callbacks.append(callback)

    def _container_exited(self, c: Container) -> None:
        for cb in list(self._exit_callbacks):
            self.clock.call_soon(cb, c.id)

    def logs(self, container_id: str) -> list[LogLine]:
        return self._container(container_id).log.lines()

    def container_log(self, container_id: str) -> ContainerLog:
        """The container's :class:`ContainerLog` (``text()``, ``text(timestamps=True)``, ``cri()``)."""
        return self._container(container_id).log

    def exec(
        self,
        container_id: str,
        argv: list[str],
        on_done: Callable[[ExecResult], Any],
        timeout: float | None = None,
        stdin: str | None = None,
    ) -> None:
        self._container(container_id).exec(argv, on_done, timeout, stdin)

    def exec_sync(self, container_id: str, argv: list[str], timeout: float | None = None, stdin: str | None = None) -> ExecResult:
        """Run ``argv`` and drive the clock until it ends (for tests and notebooks, not callbacks)."""
        box: list[ExecResult] = []
        self.exec(container_id, argv, box.append, timeout, stdin)
        self.clock.run_until(lambda: bool(box))
        return box[0]

    # ------------------------------------------------------------------ shutdown

    def close(self) -> None:
        """Kill every container and exec, and wait until none of their threads is left."""
        if self._closed:
            return
        self._closed = True
        for c in self._containers.values():
            if c.state == ContainerState.RUNNING:
                c.kill()
            for p in list(c.execs):
                p.deliver(9)
                if p.task is not None and not p.task.done:
                    p.task.kill("runtime closed")
        for t in self._tasks:
            if not t.done:
                t.kill("runtime closed")
        if self.clock.mode == "virtual" and not self.clock.closed:
            with contextlib.suppress(ClockError):
                self.clock.run_all()
        for t in self._tasks:
            t.thread.join(2.0)
        self._tasks = [t for t in self._tasks if t.thread.is_alive()]

    def __enter__(self) -> ThreadRuntime:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
