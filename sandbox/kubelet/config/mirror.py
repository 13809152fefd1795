"""Mirror pods (``pkg/kubelet/pod/mirror_client.go``, ``Kubelet.tryReconcileMirrorPods``) and the
admission rules the API server applies to them.

A static pod is run by the kubelet from a file; so that ``kubectl get pods`` shows it, the kubelet
creates a **mirror pod** in the API server: the static pod with the annotation
``kubernetes.io/config.mirror: <hash>`` and one ownerReference to the Node (``controller:
true``). :class:`MirrorPodManager` keeps the mirrors true to the static pods:

* a missing mirror is created (unless the Node is gone or being deleted);
* a mirror that is being deleted (a user ran ``kubectl delete``) or whose hash differs (the
  manifest changed) is deleted at once (grace period 0, uid precondition) and created again: a
  mirror pod cannot be used to control the static pod;
* a mirror whose static pod is gone (the file was removed) is deleted.

:class:`MirrorPodAdmission` is the API server side: the ``ServiceAccount`` plugin's rules for
mirror pods (any user) and ``NodeRestriction``'s (requests made by a node, i.e. by this
manager). The plugin runs in the API server's chain; the manager adds it if it is not there.
The first refusal wins, in the real plugin order (ServiceAccount before NodeRestriction):

* ``pods "x-node-1" is forbidden: a mirror pod may not reference service accounts``
* ``pods "x-node-1" is forbidden: a mirror pod may not reference secrets``
* ``pods "x-node-1" is forbidden: a mirror pod may not use ServiceAccountToken volume projections``
* ``pods "x-node-1" is forbidden: node "node-1" can not create pods that reference configmaps``
  (also ``clustertrustbundles``, ``persistentvolumeclaims``)
* ``The Pod "x-node-1" is invalid: []: Forbidden: static pods do not support ephemeral containers``
  for an ``ephemeralcontainers`` update of a mirror pod.
"""

from __future__ import annotations

from typing import Any

from sandbox.errors import AlreadyExists, Forbidden, Invalid, NotFound, StatusError
from sandbox.kubelet.config.file import (
    CONFIG_HASH_ANNOTATION,
    CONFIG_MIRROR_ANNOTATION,
    references_configmaps,
    references_secrets,
)

__all__ = [
    "MirrorPodManager",
    "MirrorPodAdmission",
    "install_mirror_pod_admission",
    "is_mirror_pod",
    "is_static_pod",
    "pod_full_name",
    "mirror_pod_of",
    "RESYNC_PERIOD",
]

#: How often mirrors are checked even without a change (the kubelet's ``syncFrequency``).
RESYNC_PERIOD = 60.0


def _meta(pod: Any) -> dict[str, Any]:
    d = pod if isinstance(pod, dict) else pod.to_dict()
    return d.get("metadata") or {}


def is_mirror_pod(pod: Any) -> bool:
    """``kubetypes.IsMirrorPod``: has ``kubernetes.io/config.mirror``."""
    return CONFIG_MIRROR_ANNOTATION in (_meta(pod).get("annotations") or {})


def is_static_pod(pod: Any) -> bool:
    """``kubetypes.IsStaticPod``: its ``kubernetes.io/config.source`` is not ``api``."""
    source = (_meta(pod).get("annotations") or {}).get("kubernetes.io/config.source")
    return source is not None and source != "api"


def pod_full_name(pod: Any) -> str:
    """``kubecontainer.GetPodFullName``: ``<name>_<namespace>``."""
    m = _meta(pod)
    return f"{m.get('name', '')}_{m.get('namespace', '')}"


def _hash_of(pod: Any) -> str:
    ann = _meta(pod).get("annotations") or {}
    return ann.get(CONFIG_HASH_ANNOTATION) or _meta(pod).get("uid") or ""


def mirror_pod_of(mirror: Any, static: Any) -> bool:
    """``IsMirrorPodOf``: same full name and the mirror's hash is the static pod's."""
    ann = _meta(mirror).get("annotations") or {}
    return pod_full_name(mirror) == pod_full_name(static) and ann.get(CONFIG_MIRROR_ANNOTATION) == _hash_of(static)


# ----------------------------------------------------------------------------------------------
# admission
# ----------------------------------------------------------------------------------------------


class MirrorPodAdmission:
    """Admission rules for mirror pods (``ServiceAccount`` + ``NodeRestriction``).

    ``acting_node`` is the node name while a kubelet's request is being admitted (the sandbox's
    stand-in for the ``system:node:<name>`` user); ``None`` for any other caller.
    """

    name = "MirrorPodRestriction"

    def __init__(self) -> None:
        self.acting_node: str | None = None

    def admit(self, request: Any) -> None:
        if request.kind != "Pod":
            return
        if request.operation == "CREATE" and not request.subresource:
            pod = request.object.to_dict()
            if is_mirror_pod(pod):
                self._service_account_rules(request.name, pod)
                if self.acting_node is not None:
                    self._node_rules(request.name, pod, self.acting_node)

    def validate(self, request: Any) -> None:
        if request.kind != "Pod" or request.operation != "UPDATE":
            return
        if (
            request.subresource == "ephemeralcontainers"
            and request.old_object is not None
            and is_mirror_pod(request.old_object)
        ):
            from sandbox.api.field import forbidden

            raise Invalid.for_kind(
                "Pod", request.name, [forbidden("[]", "static pods do not support ephemeral containers")]
            )

    @staticmethod
    def _service_account_rules(name: str, pod: dict[str, Any]) -> None:
        spec = pod.get("spec") or {}
        if spec.get("serviceAccountName"):
            raise Forbidden.for_resource("pods", name, "a mirror pod may not reference service accounts")
        if references_secrets(pod):
            raise Forbidden.for_resource("pods", name, "a mirror pod may not reference secrets")
        for v in spec.get("volumes") or []:
            for src in (v.get("projected") or {}).get("sources") or []:
                if src.get("serviceAccountToken") is not None:
                    raise Forbidden.for_resource(
                        "pods", name, "a mirror pod may not use ServiceAccountToken volume projections"
                    )

    @staticmethod
    def _node_rules(name: str, pod: dict[str, Any], node: str) -> None:
        spec = pod.get("spec") or {}
        if spec.get("nodeName") != node:
            raise Forbidden.for_resource("pods", name, f'node "{node}" can only create pods with spec.nodeName set to itself')
        owners = (pod.get("metadata") or {}).get("ownerReferences") or []
        if len(owners) > 1:
            raise Forbidden.for_resource("pods", name, f'node "{node}" can only create pods with a single owner reference set to itself')
        if not owners:
            raise Forbidden.for_resource("pods", name, f'node "{node}" can only create pods with an owner reference set to itself')
        owner = owners[0]
        if owner.get("apiVersion") != "v1" or owner.get("kind") != "Node" or owner.get("name") != node:
            raise Forbidden.for_resource("pods", name, f'node "{node}" can only create pods with an owner reference set to itself')
        if not owner.get("controller"):
            raise Forbidden.for_resource("pods", name, f'node "{node}" can only create pods with a controller owner reference set to itself')
        if owner.get("blockOwnerDeletion"):
            raise Forbidden.for_resource("pods", name, f'node "{node}" must not set blockOwnerDeletion on an owner reference')
        if spec.get("serviceAccountName"):
            raise Forbidden.for_resource("pods", name, f'node "{node}" can not create pods that reference a service account')
        if references_secrets(pod):
            raise Forbidden.for_resource("pods", name, f'node "{node}" can not create pods that reference secrets')
        if references_configmaps(pod):
            raise Forbidden.for_resource("pods", name, f'node "{node}" can not create pods that reference configmaps')
        for v in spec.get("volumes") or []:
            for src in (v.get("projected") or {}).get("sources") or []:
                if src.get("clusterTrustBundle") is not None:
                    raise Forbidden.for_resource("pods", name, f'node "{node}" can not create pods that reference clustertrustbundles')
        for v in spec.get("volumes") or []:
            if v.get("persistentVolumeClaim") is not None:
                raise Forbidden.for_resource("pods", name, f'node "{node}" can not create pods that reference persistentvolumeclaims')


def install_mirror_pod_admission(api: Any) -> MirrorPodAdmission:
    """The API server's :class:`MirrorPodAdmission` (added to its chain if missing)."""
    plugin = api.admission.get(MirrorPodAdmission.name)
    if plugin is None:
        plugin = MirrorPodAdmission()
        api.admission.add(plugin)
    return plugin


# ----------------------------------------------------------------------------------------------
# the manager
# ----------------------------------------------------------------------------------------------


class MirrorPodManager:
    """Creates, recreates and deletes one node's mirror pods to match its static pods.

    Args:
        node_name: the node.
        api: the :class:`~sandbox.apiserver.APIServer`.
        clock: the cluster's clock.
        resync_period: seconds between checks without a trigger (failed creations are retried).

    Call :meth:`start` to watch the API server's pods on this node, and
    :meth:`set_static_pods` with the full set of static pods whenever it changes.
    """

    def __init__(self, node_name: str, api: Any, clock: Any, resync_period: float = RESYNC_PERIOD) -> None:
        self.node_name = node_name
        self.api = api
        self.clock = clock
        self.resync_period = resync_period
        self.admission = install_mirror_pod_admission(api)
        self._static: dict[str, dict[str, Any]] = {}  # full name -> static pod dict
        self._watch: Any = None
        self._timer: Any = None
        self._pending: Any = None
        self._running = False
        #: Why a mirror pod could not be created: pod full name -> the API server's message.
        self.errors: dict[str, str] = {}

    # ------------------------------------------------------------------ lifecycle

    def start(self) -> None:
        """Watch this node's pods and reconcile on every change, and every resync period."""
        if self._running:
            return
        self._running = True
        self._watch = self.api.watch("pods", field_selector=f"spec.nodeName={self.node_name}", handler=self._on_event)
        self._schedule_resync()
        self.reconcile()

    def stop(self) -> None:
        """Stop (the kubelet is down): mirrors stay as they are, as on a real failed node."""
        self._running = False
        if self._watch is not None:
            self._watch.stop()
            self._watch = None
        for t in (self._timer, self._pending):
            if t is not None:
                t.cancel()
        self._timer = self._pending = None

    def _schedule_resync(self) -> None:
        self._timer = self.clock.call_later(self.resync_period, self._resync)

    def _resync(self) -> None:
        if not self._running:
            return
        self.reconcile()
        self._schedule_resync()

    def _on_event(self, event: Any) -> None:
        obj = getattr(event, "object", None)
        if obj is not None and not is_mirror_pod(obj):
            return
        if self._running and self._pending is None:
            self._pending = self.clock.call_soon(self._triggered)

    def _triggered(self) -> None:
        self._pending = None
        if self._running:
            self.reconcile()

    # ------------------------------------------------------------------ desired state

    def set_static_pods(self, pods: list[Any]) -> None:
        """The full set of static pods the kubelet runs now; mirrors follow at once."""
        self._static = {}
        for p in pods:
            d = p if isinstance(p, dict) else p.to_dict()
            self._static[pod_full_name(d)] = d
        if self._running:
            self.reconcile()

    def mirror_pod_for(self, static_pod: Any) -> Any | None:
        """The mirror pod of a static pod (a Pod model), or ``None``."""
        m = _meta(static_pod)
        try:
            pod = self.api.get("pods", m.get("name", ""), m.get("namespace") or "default")
        except NotFound:
            return None
        return pod if mirror_pod_of(pod, static_pod) else None

    # ------------------------------------------------------------------ reconcile

    def reconcile(self) -> None:
        """``tryReconcileMirrorPods`` for every static pod, then ``deleteOrphanedMirrorPods``."""
        mirrors = {
            pod_full_name(p): p.to_dict()
            for p in self.api.list("pods", field_selector=f"spec.nodeName={self.node_name}")
            if is_mirror_pod(p)
        }
        for full, static in self._static.items():
            mirror = mirrors.pop(full, None)
            deleted = False
            if mirror is not None and (
                mirror["metadata"].get("deletionTimestamp") or not mirror_pod_of(mirror, static)
            ):
                deleted = self._delete(mirror)
            if mirror is None or deleted:
                self._create(static)
            else:
                self.errors.pop(full, None)
        for mirror in mirrors.values():  # orphans: the static pod is gone
            self._delete(mirror)
        for full in list(self.errors):
            if full not in self._static:
                del self.errors[full]

    def _delete(self, mirror: dict[str, Any]) -> bool:
        meta = mirror["metadata"]
        try:
            self.api.delete(
                "pods", meta["name"], meta.get("namespace"), grace_period_seconds=0,
                preconditions={"uid": meta.get("uid")},
            )
        except NotFound:
            return True
        except StatusError:
            return False
        return True

    def _create(self, static: dict[str, Any]) -> None:
        full = pod_full_name(static)
        try:
            node = self.api.get("nodes", self.node_name, None)
        except StatusError:
            return  # "No need to create a mirror pod, since failed to get node info"
        if node.metadata.deletionTimestamp is not None:
            return
        pod = _copy(static)
        meta = pod["metadata"]
        ann = dict(meta.get("annotations") or {})
        ann[CONFIG_MIRROR_ANNOTATION] = _hash_of(static)
        meta["annotations"] = ann
        meta.pop("uid", None)
        meta.pop("resourceVersion", None)
        meta.pop("creationTimestamp", None)
        meta["ownerReferences"] = [
            {"apiVersion": "v1", "kind": "Node", "name": self.node_name, "uid": node.metadata.uid, "controller": True}
        ]
        pod.pop("status", None)
        self.admission.acting_node = self.node_name
        try:
            self.api.create(pod)
            self.errors.pop(full, None)
        except AlreadyExists:
            existing = self.mirror_pod_for(static)
            if existing is None:
                self.errors[full] = f'pods "{meta["name"]}" already exists'
        except StatusError as e:
            self.errors[full] = str(e)
        finally:
            self.admission.acting_node = None


def _copy(d: Any) -> Any:
    if isinstance(d, dict):
        return {k: _copy(v) for k, v in d.items()}
    if isinstance(d, list):
        return [_copy(v) for v in d]
    return d
