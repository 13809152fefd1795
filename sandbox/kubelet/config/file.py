"""The static pod file source (``pkg/kubelet/config/file.go``, ``common.go``, ``config.go``).

:class:`StaticPodSource` reads the kubelet's ``staticPodPath`` (``/etc/kubernetes/manifests``)
in the node's host filesystem every ``fileCheckFrequency`` (20 s), and at once when told the
directory changed (:meth:`StaticPodSource.notify`: the sandbox's stand-in for inotify, since the
in-memory filesystem has no change notification). Each time the set of pods differs, it calls
``on_update(pods)`` with the **full** desired set (the kubelet's ``SET`` operation).

Each regular file whose name does not start with ``.`` is decoded (YAML or JSON, one Pod) and
defaulted as the kubelet does:

* the API defaults (``SetDefaults_Pod``: the decoder applies them);
* ``applyDefaults``: ``metadata.uid`` = a 128-bit FNV-1a hash of the defaulted pod, the node
  and the file path (32 hex digits); the name suffixed with ``-<nodeName>``; namespace
  ``default`` when empty; ``spec.nodeName``; the annotation ``kubernetes.io/config.hash`` (=
  the uid); a toleration ``{operator: Exists, effect: NoExecute}``; ``status.phase: Pending``;
* then ``kubernetes.io/config.source: file`` and ``kubernetes.io/config.seen`` (the time the
  kubelet first saw this version, RFC 3339 with nanoseconds) as the pod config adds them.

A file that cannot be used is skipped, as the kubelet skips it (it only logs), and the reason is
kept in :attr:`StaticPodSource.errors` (path -> message, the kubelet's log wording):
``invalid pod: name is needed for the pod``, ``invalid pod: [<field errors>]``,
``<path>: couldn't parse as pod(<err>), please check config file``. Two manifests with the same
pod name: the later one (by file name) is ignored with a ``FailedValidation`` warning event.

Limitation: the sandbox decodes strictly, so a manifest with an unknown field is refused
(``strict decoding error: unknown field ...``) where a real kubelet would drop the field.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import datetime, timezone
from typing import Any

from sandbox.errors import StatusError

__all__ = [
    "StaticPodSource",
    "CONFIG_HASH_ANNOTATION",
    "CONFIG_SOURCE_ANNOTATION",
    "CONFIG_SEEN_ANNOTATION",
    "CONFIG_MIRROR_ANNOTATION",
    "FILE_SOURCE",
    "config_hash",
    "decode_static_pod",
    "api_object_reference",
    "format_seen",
]

CONFIG_HASH_ANNOTATION = "kubernetes.io/config.hash"
CONFIG_SOURCE_ANNOTATION = "kubernetes.io/config.source"
CONFIG_SEEN_ANNOTATION = "kubernetes.io/config.seen"
CONFIG_MIRROR_ANNOTATION = "kubernetes.io/config.mirror"
#: ``kubetypes.FileSource``.
FILE_SOURCE = "file"
#: ``maxConfigLength``: a manifest bigger than 10 MiB is refused.
MAX_CONFIG_LENGTH = 10 * 1 << 20

_FNV128_OFFSET = 0x6C62272E07BB014262B821756295C58D
_FNV128_PRIME = 0x0000000001000000000000000000013B
_MASK128 = (1 << 128) - 1


def _fnv1a_128(data: bytes) -> int:
    h = _FNV128_OFFSET
    for b in data:
        h ^= b
        h = (h * _FNV128_PRIME) & _MASK128
    return h


def config_hash(pod: dict[str, Any], node_name: str, source: str) -> str:
    """The static pod's uid and ``kubernetes.io/config.hash``: 32 hex digits.

    Kubernetes hashes the Go object with ``fnv.New128a`` then ``host:<node>file:<path>``; we hash
    the pod's canonical JSON the same way (so equal manifests give equal hashes).
    """
    body = json.dumps(pod, sort_keys=True, separators=(",", ":")).encode()
    return f"{_fnv1a_128(body + f'host:{node_name}file:{source}'.encode()):032x}"


def format_seen(t: float) -> str:
    """Go's ``time.RFC3339Nano``: ``2025-01-01T00:00:00.5Z`` (trailing zeros dropped)."""
    whole = int(t)
    nanos = int(round((t - whole) * 1e9))
    if nanos >= 1_000_000_000:
        whole, nanos = whole + 1, nanos - 1_000_000_000
    base = datetime.fromtimestamp(whole, timezone.utc).strftime("%Y-%m-%dT%H:%M:%S")
    if nanos:
        base += "." + f"{nanos:09d}".rstrip("0")
    return base + "Z"


# ----------------------------------------------------------------------------------------------
# references to API objects (podutil.VisitPodSecretNames / VisitPodConfigmapNames)
# ----------------------------------------------------------------------------------------------


def _all_containers(spec: dict[str, Any]) -> list[dict[str, Any]]:
    return [
        *(spec.get("initContainers") or []),
        *(spec.get("containers") or []),
        *(spec.get("ephemeralContainers") or []),
    ]


def references_secrets(pod: dict[str, Any]) -> bool:
    """``VisitPodSecretNames``: imagePullSecrets, env/envFrom, secret-bearing volumes."""
    spec = pod.get("spec") or {}
    if any(s.get("name") for s in spec.get("imagePullSecrets") or []):
        return True
    for c in _all_containers(spec):
        for e in c.get("envFrom") or []:
            if (e.get("secretRef") or {}).get("name"):
                return True
        for e in c.get("env") or []:
            if ((e.get("valueFrom") or {}).get("secretKeyRef") or {}).get("name"):
                return True
    for v in spec.get("volumes") or []:
        if (v.get("secret") or {}).get("secretName"):
            return True
        for src in (v.get("projected") or {}).get("sources") or []:
            if (src.get("secret") or {}).get("name"):
                return True
        if (v.get("azureFile") or {}).get("secretName"):
            return True
        for kind in ("cephfs", "cinder", "flexVolume", "rbd", "scaleIO", "iscsi", "storageos"):
            if ((v.get(kind) or {}).get("secretRef") or {}).get("name"):
                return True
        if ((v.get("csi") or {}).get("nodePublishSecretRef") or {}).get("name"):
            return True
    return False


def references_configmaps(pod: dict[str, Any]) -> bool:
    """``VisitPodConfigmapNames``: env/envFrom and configMap (also projected) volumes."""
    spec = pod.get("spec") or {}
    for c in _all_containers(spec):
        for e in c.get("envFrom") or []:
            if (e.get("configMapRef") or {}).get("name"):
                return True
        for e in c.get("env") or []:
            if ((e.get("valueFrom") or {}).get("configMapKeyRef") or {}).get("name"):
                return True
    for v in spec.get("volumes") or []:
        if (v.get("configMap") or {}).get("name"):
            return True
        for src in (v.get("projected") or {}).get("sources") or []:
            if (src.get("configMap") or {}).get("name"):
                return True
    return False


def api_object_reference(pod: dict[str, Any]) -> str:
    """``podutil.HasAPIObjectReference``: the plural resource a pod refers to, or ``""``."""
    spec = pod.get("spec") or {}
    if spec.get("serviceAccountName"):
        return "serviceaccounts"
    if references_secrets(pod):
        return "secrets"
    if references_configmaps(pod):
        return "configmaps"
    if spec.get("resourceClaims"):
        return "resourceclaims"
    for v in spec.get("volumes") or []:
        if "configMap" in v:
            return "configmaps (via configmap volumes)"
        if "secret" in v:
            return "secrets (via secret volumes)"
        if "csi" in v:
            return "csidrivers (via CSI volumes)"
        if "glusterfs" in v:
            return "endpoints (via glusterFS volumes)"
        if "persistentVolumeClaim" in v:
            return "persistentvolumeclaims"
        if "ephemeral" in v:
            return "persistentvolumeclaims (via ephemeral volumes)"
        if "azureFile" in v:
            return "secrets (via azureFile volumes)"
        for src in (v.get("projected") or {}).get("sources") or []:
            if "configMap" in src:
                return "configmaps (via projected volumes)"
            if "secret" in src:
                return "secrets (via projected volumes)"
            if "serviceAccountToken" in src:
                return "serviceaccounts (via projected volumes)"
            if "clusterTrustBundle" in src:
                return "clustertrustbundles"
    return ""


# ----------------------------------------------------------------------------------------------
# decoding one manifest (tryDecodeSinglePod + applyDefaults)
# ----------------------------------------------------------------------------------------------


class _SkipError(Exception):
    """A manifest the kubelet cannot use; the message is what the kubelet logs."""


def decode_static_pod(
    text: str, node_name: str, path: str, *, prevent_api_references: bool = False
) -> dict[str, Any]:
    """Decode and default one manifest as the kubelet's file source does; returns the Pod dict.

    Raises ``ValueError`` with the kubelet's message when the file is not a usable pod.
    """
    try:
        return _decode(text, node_name, path, prevent_api_references)
    except _SkipError as e:
        raise ValueError(str(e)) from None


def _decode(text: str, node_name: str, path: str, prevent: bool) -> dict[str, Any]:
    import yaml

    from sandbox.api.core import Pod
    from sandbox.api.defaults import default_dict
    from sandbox.api.validation import validate_create

    def not_a_pod(err: str) -> _SkipError:
        return _SkipError(f"{path}: couldn't parse as pod({err}), please check config file")

    if len(text.encode()) > MAX_CONFIG_LENGTH:
        raise not_a_pod("config file exceeds the maximum size")
    try:
        doc = yaml.safe_load(text)
    except yaml.YAMLError as e:
        raise not_a_pod(f"error converting YAML to JSON: {e}") from None
    if not isinstance(doc, dict):
        raise not_a_pod("Object 'Kind' is missing in '" + json.dumps(doc) + "'")
    if not doc.get("kind"):
        raise not_a_pod("Object 'Kind' is missing in '" + json.dumps(doc, separators=(",", ":")) + "'")
    if doc.get("kind") != "Pod" or doc.get("apiVersion") != "v1":
        raise not_a_pod(f"invalid pod: {doc.get('apiVersion', '')}, Kind={doc.get('kind')}")
    try:
        model = Pod.from_dict(doc)
    except StatusError as e:
        raise not_a_pod(str(e)) from None
    pod = default_dict(model.to_dict())
    meta = pod.setdefault("metadata", {})
    if not meta.get("name"):
        raise _SkipError("invalid pod: name is needed for the pod")
    # applyDefaults
    if not meta.get("uid"):
        meta["uid"] = config_hash(pod, node_name, path)
    meta["name"] = f"{meta['name']}-{node_name.lower()}"
    if not meta.get("namespace"):
        meta["namespace"] = "default"
    spec = pod.setdefault("spec", {})
    spec["nodeName"] = node_name
    annotations = meta.setdefault("annotations", {})
    annotations[CONFIG_HASH_ANNOTATION] = meta["uid"]
    tol = {"operator": "Exists", "effect": "NoExecute"}
    tolerations = spec.setdefault("tolerations", [])
    if tol not in tolerations:
        tolerations.append(tol)
    pod["status"] = {"phase": "Pending"}
    model = Pod.from_dict(pod)
    errs = list(validate_create(model))
    if errs:
        # fmt's %v of a field.ErrorList: always bracketed, space-separated
        raise _SkipError(f"invalid pod: [{' '.join(str(e) for e in errs)}]")
    if prevent:
        resource = api_object_reference(pod)
        if resource:
            raise _SkipError(f"static pods may not reference {resource}")
    return pod


# ----------------------------------------------------------------------------------------------
# the source
# ----------------------------------------------------------------------------------------------


class StaticPodSource:
    """Watches a directory of pod manifests in a node's host filesystem.

    Args:
        node_name: the node (static pods are named ``<name>-<node>``).
        fs: the node's host filesystem: a :class:`~sandbox.runtime.filesystem.FileSystem` or a
            ``MountNamespace``-like view (``exists``, ``is_dir``, ``is_file``, ``listdir``,
            ``read_text``).
        clock: the cluster's clock (``now``, ``call_later``, ``call_soon``).
        on_update: called with the full list of static Pods whenever it changes (typically
            ``kubelet.sync_static_pods``).
        path: ``staticPodPath``.
        period: ``fileCheckFrequency`` in seconds.
        api: optional API server, for the ``FailedValidation`` event of duplicate pod names.
        prevent_api_references: the ``PreventStaticPodAPIReferences`` gate (see ``NodeConfig``).
    """

    def __init__(
        self,
        node_name: str,
        fs: Any,
        clock: Any,
        on_update: Callable[[list[Any]], Any],
        path: str = "/etc/kubernetes/manifests",
        period: float = 20.0,
        *,
        api: Any = None,
        prevent_api_references: bool = False,
    ) -> None:
        self.node_name = node_name
        self.fs = fs.view() if hasattr(fs, "view") and not hasattr(fs, "listdir") else fs
        self.clock = clock
        self.on_update = on_update
        self.path = path.rstrip("/") or "/"
        self.period = period
        self.api = api
        self.prevent_api_references = prevent_api_references
        #: Files skipped at the last check: path -> why (the kubelet's log message).
        self.errors: dict[str, str] = {}
        self._known: dict[str, dict[str, Any]] = {}  # uid -> pod dict (with config.seen)
        self._last_uids: list[str] | None = None
        self._timer: Any = None
        self._pending: Any = None
        self._running = False
        self._warned_duplicates: set[tuple[str, str]] = set()

    # ------------------------------------------------------------------ lifecycle

    def start(self) -> None:
        """Read the directory now, then every :attr:`period` seconds."""
        if self._running:
            return
        self._running = True
        self._tick()

    def stop(self) -> None:
        """Stop watching (the kubelet stopped). The last set stays with the kubelet."""
        self._running = False
        for t in (self._timer, self._pending):
            if t is not None:
                t.cancel()
        self._timer = self._pending = None

    def notify(self) -> None:
        """The directory changed (inotify's ``IN_CREATE``/``IN_MODIFY``...): re-read it soon."""
        if self._running and self._pending is None:
            self._pending = self.clock.call_soon(self._notified)

    def _notified(self) -> None:
        self._pending = None
        if self._running:
            self.check()

    def _tick(self) -> None:
        if not self._running:
            return
        self.check()
        self._timer = self.clock.call_later(self.period, self._tick)

    # ------------------------------------------------------------------ reading

    @property
    def pods(self) -> list[Any]:
        """The static pods of the last check, as Pod models."""
        from sandbox.api.core import Pod

        return [Pod.from_dict(self._known[u]) for u in self._last_uids or []]

    def check(self) -> list[Any]:
        """Read the directory now; call ``on_update`` if the set changed. Returns the pods."""
        from sandbox.api.core import Pod

        errors: dict[str, str] = {}
        found: list[dict[str, Any]] = []
        fs = self.fs
        if fs.exists(self.path) and fs.is_dir(self.path):
            for name in sorted(fs.listdir(self.path)):
                if name.startswith("."):
                    continue
                full = f"{self.path}/{name}" if self.path != "/" else f"/{name}"
                try:
                    if fs.is_dir(full):
                        continue  # "Not recursing into manifest path"
                    if not fs.is_file(full):
                        errors[full] = f"Manifest path {full!r} is not a directory or file"
                        continue
                    text = fs.read_text(full)
                except OSError as e:
                    errors[full] = f"Can't get metadata for {full!r}: {e}"
                    continue
                try:
                    pod = decode_static_pod(
                        text, self.node_name, full, prevent_api_references=self.prevent_api_references
                    )
                except ValueError as e:
                    errors[full] = str(e)
                    continue
                found.append(pod)
        elif fs.exists(self.path) and fs.is_file(self.path):
            try:
                found.append(decode_static_pod(fs.read_text(self.path), self.node_name, self.path,
                                               prevent_api_references=self.prevent_api_references))
            except ValueError as e:
                errors[self.path] = str(e)
        # filterInvalidPods: duplicate full names
        names: set[tuple[str, str]] = set()
        accepted: list[dict[str, Any]] = []
        for pod in found:
            meta = pod["metadata"]
            key = (meta["name"], meta["namespace"])
            if key in names:
                self._duplicate(pod)
                continue
            names.add(key)
            accepted.append(pod)
        uids = []
        known: dict[str, dict[str, Any]] = {}
        now = self.clock.now()
        for pod in accepted:
            uid = pod["metadata"]["uid"]
            old = self._known.get(uid)
            if old is None:
                ann = pod["metadata"]["annotations"]
                ann[CONFIG_SOURCE_ANNOTATION] = FILE_SOURCE
                ann[CONFIG_SEEN_ANNOTATION] = format_seen(now)
                old = pod
            known[uid] = old
            uids.append(uid)
        self.errors = errors
        self._known = known
        changed = uids != self._last_uids
        self._last_uids = uids
        pods = [Pod.from_dict(known[u]) for u in uids]
        if changed:
            self.on_update(pods)
        return pods

    def _duplicate(self, pod: dict[str, Any]) -> None:
        meta = pod["metadata"]
        name = meta["name"]
        msg = (
            f"Error validating pod {name}_{meta['namespace']}({meta['uid']}) from {FILE_SOURCE} "
            f'due to duplicate pod name "{name}", ignoring'
        )
        key = (meta["uid"], name)
        if self.api is not None and key not in self._warned_duplicates:
            self._warned_duplicates.add(key)
            ref = {"kind": "Pod", "namespace": meta["namespace"], "name": name, "uid": meta["uid"], "apiVersion": "v1"}
            self.api.record_event(ref, "Warning", "FailedValidation", msg, "kubelet", self.node_name)
