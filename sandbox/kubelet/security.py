"""Pod and container security contexts merged into what the runtime needs
(``pkg/kubelet/kuberuntime/security_context.go`` and ``pkg/securitycontext/util.go``).

The container's ``securityContext`` wins field by field over the pod's for the fields both have
(``runAsUser``, ``runAsGroup``, ``runAsNonRoot``, ``seLinuxOptions``, ``seccompProfile``,
``appArmorProfile``, ``windowsOptions``); ``supplementalGroups``, ``fsGroup`` and
``supplementalGroupsPolicy`` exist only on the pod; ``capabilities``, ``privileged``,
``readOnlyRootFilesystem``, ``allowPrivilegeEscalation`` and ``procMount`` only on the container.

What the sandbox enforces and what it only accepts:

========================== ===================================================================
field                       effect in the sandbox
========================== ===================================================================
runAsUser / runAsGroup      the process's uid/gid (``id``, file ownership, permission checks)
supplementalGroups          extra gids (``id`` shows them), merged with the image's /etc/group
                            memberships (``supplementalGroupsPolicy: Merge``, the default);
                            ``Strict`` is accepted but merges too (not modelled)
fsGroup                     an extra gid; volumes that support ownership management are
                            group-owned by it, directories setgid (``SetVolumeOwnership``)
fsGroupChangePolicy         accepted; volumes are always fresh here, so ``OnRootMismatch`` and
                            ``Always`` give the same result
runAsNonRoot                enforced by the runtime's ``verifyRunAsNonRoot``
readOnlyRootFilesystem      writes outside volumes fail ``Read-only file system``
capabilities / privileged   root's effective capabilities (``CHOWN``, ``KILL``, ...); a non-root
                            process has none (as on Linux without ambient capabilities)
allowPrivilegeEscalation    accepted, no visible effect (``no_new_privs`` matters only for
                            setuid binaries, which the sandbox's images do not have)
seccompProfile, appArmor,   accepted and validated by the API server; not enforced
seLinuxOptions, procMount,
sysctls
========================== ===================================================================
"""

from __future__ import annotations

from typing import Any

from sandbox.runtime import cri

__all__ = ["effective_value", "determine_credentials"]

#: Fields a container's securityContext may set that also exist on the pod's.
SHARED_FIELDS = (
    "runAsUser", "runAsGroup", "runAsNonRoot", "seLinuxOptions", "seccompProfile", "appArmorProfile",
    "windowsOptions",
)  # fmt: skip


def effective_value(pod: Any, container: Any, field: str) -> Any:
    """``securitycontext.DetermineEffectiveSecurityContext`` for one field: the container's value
    if set, else the pod's (for :data:`SHARED_FIELDS`), else ``None``."""
    csc = getattr(container, "securityContext", None)
    v = getattr(csc, field, None) if csc is not None else None
    if v is None and field in SHARED_FIELDS:
        psc = pod.spec.securityContext
        v = getattr(psc, field, None) if psc is not None else None
    return v


def determine_credentials(pod: Any, container: Any) -> cri.Credentials:
    """The merged security context as CRI :class:`~sandbox.runtime.cri.Credentials`
    (``determineEffectiveSecurityContext`` + ``convertToRuntimeSecurityContext``)."""
    psc = pod.spec.securityContext
    csc = getattr(container, "securityContext", None)
    caps = csc.capabilities if csc is not None else None
    groups: list[int] = []
    if psc is not None:
        for g in psc.supplementalGroups or []:
            if g not in groups:
                groups.append(int(g))
    return cri.Credentials(
        uid=effective_value(pod, container, "runAsUser"),
        gid=effective_value(pod, container, "runAsGroup"),
        supplemental_groups=groups,
        fs_group=psc.fsGroup if psc is not None else None,
        capabilities_add=list(caps.add or []) if caps is not None else [],
        capabilities_drop=list(caps.drop or []) if caps is not None else [],
        privileged=bool(csc.privileged) if csc is not None else False,
        read_only_root_filesystem=bool(csc.readOnlyRootFilesystem) if csc is not None else False,
        allow_privilege_escalation=csc.allowPrivilegeEscalation if csc is not None else None,
        run_as_non_root=effective_value(pod, container, "runAsNonRoot"),
    )
