"""One container: its root filesystem, its PID 1 process (a managed thread), its exit.

The life of a :class:`Container`, as containerd and runc run one:

1. **create**: the root filesystem is a fresh copy of the image's tree (writes outside volumes
   are lost when the container is replaced); volumes and the pod's ``/etc/hosts``,
   ``/etc/hostname``, ``/etc/resolv.conf`` and the termination-message file are mounted; the argv
   is the merge of the pod's ``command``/``args`` with the image's ENTRYPOINT/CMD
   (:func:`merge_argv`); the environment is the image's, then ``HOSTNAME``, then the pod's.
2. **start**: ``argv[0]`` is looked up on the container's ``PATH`` inside its own filesystem. A
   missing executable fails the start (exit code 128, reason ``StartError``) with runc's words.
   Otherwise PID 1 runs as a managed thread on the clock; its stdout and stderr become log lines.
3. **stop**: the image's stop signal (``SIGTERM`` unless its STOPSIGNAL says otherwise) goes to
   PID 1; when the grace period ends, ``SIGKILL`` to every process. A shell as PID 1 without a
   ``trap`` ignores SIGTERM (Linux's rule for PID 1), so it dies at the end of the grace period
   with 137.
4. **exit**: exit code (``128 + signal`` when a signal ended it), reason ``Completed`` (0),
   ``Error`` (non-zero) or ``OOMKilled`` (over its memory limit), and the termination message
   read from ``terminationMessagePath`` (at most 4096 bytes).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from sandbox.runtime.cri import (
    ContainerConfig,
    ContainerState,
    ContainerStatus,
    CreateContainerError,
    ExecResult,
    StartContainerError,
)
from sandbox.runtime.filesystem import (
    DEFAULT_CAPABILITIES,
    Credentials,
    FileSystem,
    FSError,
    MountNamespace,
)
from sandbox.runtime.logs import ContainerLog, LogStream
from sandbox.runtime.process import (
    InputText,
    OutputBuffer,
    Process,
    ProcessTable,
    Signal,
    parse_signal,
)
from sandbox.runtime.sandbox import ProcessNet
from sandbox.runtime.world import (
    ContainerContext,
    ExecError,
    MemoryCgroup,
    find_executable,
    register_context,
)

if TYPE_CHECKING:
    from sandbox.clock import Clock, Timer
    from sandbox.images.image import Image
    from sandbox.runtime.sandbox import PodSandbox

__all__ = [
    "Container",
    "RuntimeExecResult",
    "merge_argv",
    "START_ERROR_PREFIX",
    "MAX_TERMINATION_MESSAGE",
]

#: What containerd 1.7/2.x and runc 1.1+ put before runc's own words when a start fails.
START_ERROR_PREFIX = (
    "failed to create containerd task: failed to create shim task: OCI runtime create failed: "
    "runc create failed: unable to start container process: error during container init: "
)
EXEC_ERROR_PREFIX = "OCI runtime exec failed: exec failed: unable to start container process: "
#: The kubelet reads at most this many bytes of a termination message file.
MAX_TERMINATION_MESSAGE = 4096

ALL_CAPABILITIES = frozenset(
    DEFAULT_CAPABILITIES
    | {
        "SYS_ADMIN", "NET_ADMIN", "SYS_PTRACE", "SYS_TIME", "SYS_MODULE", "SYS_RAWIO", "SYS_BOOT",
        "SYS_NICE", "SYS_RESOURCE", "SYS_TTY_CONFIG", "IPC_LOCK", "IPC_OWNER", "LEASE", "LINUX_IMMUTABLE",
        "MAC_ADMIN", "MAC_OVERRIDE", "NET_BROADCAST", "SYSLOG", "WAKE_ALARM", "BLOCK_SUSPEND",
        "AUDIT_CONTROL", "AUDIT_READ", "DAC_READ_SEARCH", "PERFMON", "BPF", "CHECKPOINT_RESTORE", "SYS_PACCT",
    }
)  # fmt: skip


def merge_argv(
    entrypoint: list[str], cmd: list[str], command: list[str] | None, args: list[str] | None
) -> list[str]:
    """The container's argv, as Kubernetes documents it (``command`` is ENTRYPOINT, ``args`` CMD):

    ========== ======= ==================================
    command     args    argv
    ========== ======= ==================================
    unset       unset   image ENTRYPOINT + image CMD
    set         unset   command (the image's CMD is ignored)
    unset       set     image ENTRYPOINT + args
    set         set     command + args
    ========== ======= ==================================

    An empty list counts as unset, as in the kubelet.
    """
    if command:
        return list(command) + list(args or [])
    return list(entrypoint) + (list(args) if args else list(cmd))


class RuntimeExecResult(ExecResult):
    """An :class:`ExecResult` that may carry the runtime's error (the command could not start)."""

    def __init__(
        self, exit_code: int, stdout: str, stderr: str, timed_out: bool = False, error: str | None = None
    ) -> None:
        super().__init__(exit_code, stdout, stderr, timed_out)
        self.error = error

    def __repr__(self) -> str:
        return (
            f"RuntimeExecResult(exit_code={self.exit_code!r}, stdout={self.stdout!r}, stderr={self.stderr!r}, "
            f"timed_out={self.timed_out!r}, error={self.error!r})"
        )


def _passwd_entry(fs: MountNamespace, uid: int) -> list[str] | None:
    try:
        text = fs.read_text("/etc/passwd")
    except OSError:
        return None
    for line in text.splitlines():
        f = line.split(":")
        if len(f) >= 6 and f[2] == str(uid):
            return f
    return None


class Container:
    """A container of a pod sandbox (made by :class:`sandbox.runtime.runtime.ThreadRuntime`)."""

    def __init__(
        self,
        *,
        clock: Clock,
        hex_id: str,
        sandbox: PodSandbox,
        config: ContainerConfig,
        image: Image,
        node_pid_table: ProcessTable | None = None,
        on_exit: Callable[[Container], Any] | None = None,
    ) -> None:
        self.clock = clock
        self.hex_id = hex_id
        self.id = "containerd://" + hex_id
        self.sandbox = sandbox
        self.config = config
        self.image = image
        self.name = config.name
        self.attempt = config.attempt
        self.created_at = clock.now()
        self.started_at: float | None = None
        self.finished_at: float | None = None
        self.state = ContainerState.CREATED
        self.exit_code: int | None = None
        self.signal: int | None = None
        self.reason = ""
        self.message = ""
        self.log = ContainerLog(clock.now)
        self.pid1: Process | None = None
        self.execs: list[Process] = []
        self._on_exit = on_exit
        self._stop_callbacks: list[Callable[[str], Any]] = []
        self._grace_timer: Timer | None = None
        self._kill_deadline: float | None = None
        self.stopping = False
        self.killed = False

        # argv and environment
        self.argv = merge_argv(image.entrypoint, image.cmd, config.command, config.args)
        if not self.argv:
            raise CreateContainerError(
                f'failed to generate container "{hex_id}" spec: failed to generate spec: no command specified'
            )
        env: dict[str, str] = dict(image.env)
        env["HOSTNAME"] = sandbox.hostname
        for k, v in config.env:
            env[k] = v
        self.working_dir = config.working_dir or image.working_dir or "/"

        # the root filesystem and mounts
        self.root: FileSystem = image.rootfs().clone(clock.now)
        self.memory = MemoryCgroup(config.memory_limit, on_oom=self._oom)
        creds = config.credentials
        root_ns = MountNamespace(self.root, read_only=creds.read_only_root_filesystem)
        for m in config.mounts:
            try:
                root_ns.mount(m.container_path, m.source, sub_path=m.sub_path, read_only=m.read_only)
            except FSError as e:
                raise CreateContainerError(
                    f'failed to create containerd container: mount "{m.container_path}": {e}'
                ) from None
        mounted = {m.container_path for m in config.mounts}
        for name in ("hosts", "hostname", "resolv.conf"):
            if f"/etc/{name}" not in mounted:
                root_ns.mount(f"/etc/{name}", sandbox.etc, sub_path=name, read_only=False)
        self.termination_fs = FileSystem(clock.now, name="termination-log")
        self.termination_fs.add_file("/termination-log", b"", 0o666)
        if config.termination_message_path:
            root_ns.mount(config.termination_message_path, self.termination_fs, sub_path="termination-log")

        # who the process runs as
        img_uid, img_gid = image.resolve_user()
        uid = creds.uid if creds.uid is not None else img_uid
        if creds.gid is not None:
            gid = creds.gid
        elif creds.uid is None:
            gid = img_gid
        else:
            entry = _passwd_entry(root_ns, uid)
            gid = int(entry[3]) if entry else 0
        # containerd's additional gids: the primary group, the user's groups in the image's
        # /etc/group, supplementalGroups and fsGroup
        entry = _passwd_entry(root_ns, uid)
        groups_set = {gid, *creds.supplemental_groups}
        if creds.fs_group is not None:
            groups_set.add(creds.fs_group)
        if entry is not None:
            try:
                group_text = root_ns.read_text("/etc/group")
            except OSError:
                group_text = ""
            for line in group_text.splitlines():
                f = line.split(":")
                if len(f) >= 4 and entry[0] in f[3].split(","):
                    groups_set.add(int(f[2]))
        groups = sorted(groups_set)
        caps: frozenset[str] | None = None
        if uid == 0:
            if creds.privileged:
                caps = ALL_CAPABILITIES
            else:
                drop = {c.upper().removeprefix("CAP_") for c in creds.capabilities_drop}
                add = {c.upper().removeprefix("CAP_") for c in creds.capabilities_add}
                base = set() if "ALL" in drop else set(DEFAULT_CAPABILITIES) - drop
                caps = frozenset(base | (set(ALL_CAPABILITIES) if "ALL" in add else add))
        self.creds = Credentials(uid=uid, gid=gid, groups=tuple(groups), capabilities=caps)
        self.ns = root_ns.with_creds(self.creds, "/")
        if "HOME" not in env:
            entry = _passwd_entry(root_ns, uid)
            env["HOME"] = entry[5] if entry else "/"
        self.env = env

        self.process_net = ProcessNet(sandbox.network) if sandbox.network is not None else None

        # the PID namespace
        self.pid_table = sandbox.pid_table or node_pid_table or ProcessTable(clock)
        self.context = ContainerContext(
            container_id=self.id,
            name=config.name,
            pod_name=sandbox.config.name,
            namespace=sandbox.config.namespace,
            hostname=sandbox.hostname,
            pod_ips=list(sandbox.ips),
            network=sandbox.network,
            ipc=sandbox.ipc,
            memory=self.memory,
            image=image,
        )
        register_context(self.root, self.context)

    # ------------------------------------------------------------------ helpers

    @property
    def stop_signal(self) -> int:
        return parse_signal(self.image.stop_signal)

    @property
    def running(self) -> bool:
        return self.state == ContainerState.RUNNING

    def processes(self) -> list[Process]:
        """The live processes of this container (its PID 1, their children, execs)."""
        return [p for p in self.pid_table.list() if p.fs.root is self.root]

    def status(self) -> ContainerStatus:
        return ContainerStatus(
            id=self.id,
            name=self.name,
            attempt=self.attempt,
            state=self.state,
            image=self.image.ref,
            image_ref=self.image.image_ref,
            created_at=self.created_at,
            started_at=self.started_at,
            finished_at=self.finished_at,
            exit_code=self.exit_code,
            reason=self.reason,
            message=self.message,
            signal=self.signal,
            labels=dict(self.config.labels),
            annotations=dict(self.config.annotations),
        )

    # ------------------------------------------------------------------ start

    def start(self) -> None:
        """Find ``argv[0]`` and start PID 1 on a managed thread (:class:`StartContainerError`)."""
        if self.state != ContainerState.CREATED:
            raise StartContainerError(f"container {self.hex_id} is not in created state: {self.state}")
        try:
            if not self.ns.is_dir(self.working_dir):
                self.ns.with_creds(Credentials()).mkdir(self.working_dir, parents=True)
            path, program, prefix = find_executable(
                self.ns.with_creds(self.creds, self.working_dir), self.argv[0], self.env.get("PATH")
            )
        except (ExecError, FSError) as e:
            words = str(e) if isinstance(e, ExecError) else f'chdir to cwd ("{self.working_dir}") set in config.json failed: {e}'
            message = START_ERROR_PREFIX + words
            self.state = ContainerState.EXITED
            self.exit_code = 128
            self.reason = "StartError"
            self.message = message
            self.finished_at = self.clock.now()
            raise StartContainerError(message + ": unknown") from None
        argv = [*prefix, path, *self.argv[1:]] if prefix else list(self.argv)
        proc = Process(
            self.pid_table,
            argv,
            fs=self.ns,
            env=self.env,
            cwd=self.working_dir,
            stdin=InputText(""),
            stdout=LogStream(self.log, "stdout"),
            stderr=LogStream(self.log, "stderr"),
            creds=self.creds,
            hostname=self.sandbox.hostname,
            net=self.process_net,
        )
        self.pid1 = proc
        self.state = ContainerState.RUNNING
        self.started_at = self.clock.now()
        proc.start(program, name=f"{self.sandbox.config.namespace}/{self.sandbox.config.name}/{self.name}")
        task = proc.task
        if task is not None:
            task.add_done_callback(lambda _t: self._exited())
        else:  # a spawner that gives no task: poll the process
            self.clock.call_soon(self._exited)

    # ------------------------------------------------------------------ stop and kill

    def stop(self, grace_seconds: float, on_stopped: Callable[[str], Any] | None = None) -> None:
        """Send the stop signal to PID 1; SIGKILL everything when ``grace_seconds`` have passed."""
        if self.state != ContainerState.RUNNING:
            if on_stopped is not None:
                self.clock.call_soon(on_stopped, self.id)
            return
        if on_stopped is not None:
            self._stop_callbacks.append(on_stopped)
        deadline = self.clock.now() + max(0.0, grace_seconds)
        if not self.stopping:
            self.stopping = True
            if self.pid1 is not None:
                self.pid1.deliver(self.stop_signal)
        if self._kill_deadline is None or deadline < self._kill_deadline:
            if self._grace_timer is not None:
                self._grace_timer.cancel()
            self._kill_deadline = deadline
            if grace_seconds <= 0:
                self.kill()
            else:
                self._grace_timer = self.clock.call_at(deadline, self.kill)

    def kill(self, sig: int = Signal.SIGKILL) -> None:
        """Send ``sig`` to every process of the container (SIGKILL also unwinds their threads)."""
        if self.state != ContainerState.RUNNING:
            return
        if sig == Signal.SIGKILL:
            self.killed = True
        procs = self.processes()
        if self.pid1 is not None and self.pid1 not in procs and self.pid1.alive:
            procs.insert(0, self.pid1)
        for p in procs:
            p.deliver(sig)
        if sig == Signal.SIGKILL:
            for p in procs:
                task = getattr(p, "task", None)
                if task is not None and not task.done:
                    task.kill("SIGKILL")
            if self.pid1 is not None and self.pid1.task is not None and not self.pid1.task.done:
                self.pid1.task.kill("SIGKILL")

    def _oom(self) -> None:
        """The cgroup went over ``memory.max``: the OOM killer ends every process."""
        self.clock.call_soon(self.kill)
        for p in self.processes():
            if p.alive:
                p.deliver(Signal.SIGKILL)

    # ------------------------------------------------------------------ exit

    def _exited(self) -> None:
        if self.state != ContainerState.RUNNING:
            return
        proc = self.pid1
        assert proc is not None
        if proc.alive:  # the thread ended without the process finishing (should not happen)
            proc._finish(137, Signal.SIGKILL)
        self.log.flush()
        code = proc.exit_code if proc.exit_code is not None else 137
        self.signal = proc.term_signal
        # the rest of the container's processes die with it
        for p in self.processes():
            p.deliver(Signal.SIGKILL)
            task = getattr(p, "task", None)
            if task is not None and not task.done:
                task.kill("container exited")
        if self.memory.oom_killed:
            code, self.reason, self.signal = 137, "OOMKilled", Signal.SIGKILL
        elif code == 0:
            self.reason = "Completed"
        else:
            self.reason = "Error"
        self.exit_code = code
        self.finished_at = self.clock.now()
        self.state = ContainerState.EXITED
        self.message = self._termination_message()
        if self._grace_timer is not None:
            self._grace_timer.cancel()
            self._grace_timer = None
        callbacks, self._stop_callbacks = self._stop_callbacks, []
        for cb in callbacks:
            self.clock.call_soon(cb, self.id)
        if self._on_exit is not None:
            self._on_exit(self)

    def _termination_message(self) -> str:
        path = self.config.termination_message_path
        if not path:
            return ""
        try:
            data = self.termination_fs.view().read_bytes("/termination-log")
        except OSError:
            return ""
        return data[:MAX_TERMINATION_MESSAGE].decode(errors="replace")

    # ------------------------------------------------------------------ exec

    def exec(
        self,
        argv: list[str],
        on_done: Callable[[ExecResult], Any],
        timeout: float | None = None,
        stdin: str | None = None,
    ) -> Process | None:
        """Run ``argv`` in the container's namespaces on a new managed thread."""
        clock = self.clock
        if self.state != ContainerState.RUNNING:
            state = {"created": "CONTAINER_CREATED", "exited": "CONTAINER_EXITED"}.get(self.state, "CONTAINER_UNKNOWN")
            msg = f"failed to exec in container: container is in {state} state"
            clock.call_soon(on_done, RuntimeExecResult(126, "", msg + "\n", error=msg))
            return None
        ns = self.ns.with_creds(self.creds, self.working_dir)
        try:
            path, program, prefix = find_executable(ns, argv[0] if argv else "", self.env.get("PATH"))
        except ExecError as e:
            msg = EXEC_ERROR_PREFIX + str(e) + ": unknown"
            clock.call_soon(on_done, RuntimeExecResult(126, "", msg + "\n", error=msg))
            return None
        out, err = OutputBuffer(), OutputBuffer()
        proc = Process(
            self.pid_table,
            [*prefix, path, *argv[1:]] if prefix else list(argv),
            fs=ns,
            env=self.env,
            cwd=self.working_dir,
            stdin=InputText(stdin or ""),
            stdout=out,
            stderr=err,
            creds=self.creds,
            hostname=self.sandbox.hostname,
            net=self.process_net,
        )
        self.execs.append(proc)
        state = {"timed_out": False, "reported": False}
        timer: Timer | None = None

        def report() -> None:
            if state["reported"]:
                return
            state["reported"] = True
            if timer is not None:
                timer.cancel()
            if proc in self.execs:
                self.execs.remove(proc)
            code = proc.exit_code if proc.exit_code is not None else 137
            on_done(RuntimeExecResult(code, out.getvalue(), err.getvalue(), state["timed_out"]))

        def expire() -> None:
            if proc.alive:
                state["timed_out"] = True
                proc.deliver(Signal.SIGKILL)
                if proc.task is not None and not proc.task.done:
                    proc.task.kill("exec timed out")

        if timeout is not None:
            timer = clock.call_later(timeout, expire)
        proc.start(program, name=f"exec {self.sandbox.config.name}/{self.name}: {' '.join(argv)[:40]}")
        if proc.task is not None:
            proc.task.add_done_callback(lambda _t: report())
        return proc
