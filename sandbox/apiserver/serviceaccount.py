"""The ``ServiceAccount`` admission plugin (``plugin/pkg/admission/serviceaccount/admission.go``).

On every Pod create (mirror pods excepted):

* ``spec.serviceAccountName`` defaults to ``default`` (and the deprecated ``spec.serviceAccount``
  mirrors it, as the v1 conversion does);
* the ServiceAccount must exist, or the pod is refused::

      pods "x" is forbidden: error looking up service account default/foo: serviceaccount "foo" not found

* unless ``automountServiceAccountToken: false`` on the pod (which wins) or on the
  ServiceAccount, a projected volume ``kube-api-access-<5 random characters>`` (a bound token
  with ``expirationSeconds: 3607``, ``ca.crt`` from the ``kube-root-ca.crt`` ConfigMap and the
  ``namespace`` from the downward API, ``defaultMode: 420``) is added, and every init container
  and container (not ephemeral ones) that has nothing mounted at
  ``/var/run/secrets/kubernetes.io/serviceaccount`` gets a read-only mount of it there;
* ``spec.imagePullSecrets`` is copied from the ServiceAccount when the pod has none.

Mirror pods may not reference a service account, secrets or service account token projections.

The real plugin retries a missing ``default`` ServiceAccount for about a second, waiting for the
ServiceAccount controller to create it in a new namespace. The sandbox's API server cannot wait
inside a request, so the plugin creates ``default`` itself in that case (what the controller
would have done a moment later).
"""

from __future__ import annotations

import random
from typing import Any

from sandbox.apiserver.admission import CREATE, AdmissionRequest
from sandbox.errors import Forbidden, NotFound

__all__ = [
    "ServiceAccountAdmission",
    "install",
    "token_volume_source",
    "DEFAULT_SERVICE_ACCOUNT",
    "API_TOKEN_MOUNT_PATH",
    "VOLUME_PREFIX",
    "ROOT_CA_CONFIGMAP",
    "TOKEN_EXPIRATION_SECONDS",
]

DEFAULT_SERVICE_ACCOUNT = "default"
#: ``DefaultAPITokenMountPath``.
API_TOKEN_MOUNT_PATH = "/var/run/secrets/kubernetes.io/serviceaccount"
#: ``ServiceAccountVolumeName`` + ``-``.
VOLUME_PREFIX = "kube-api-access-"
#: The ConfigMap the root CA publisher writes in every namespace.
ROOT_CA_CONFIGMAP = "kube-root-ca.crt"
#: ``serviceaccount.WarnOnlyBoundTokenExpirationSeconds`` (1 h 7 s).
TOKEN_EXPIRATION_SECONDS = 3607
MIRROR_ANNOTATION = "kubernetes.io/config.mirror"
ENFORCE_MOUNTABLE_SECRETS = "kubernetes.io/enforce-mountable-secrets"
_ALPHABET = "bcdfghjklmnpqrstvwxz2456789"


def token_volume_source() -> dict[str, Any]:
    """``TokenVolumeSource()``: the projected volume source, as the API server returns it."""
    return {
        "defaultMode": 420,
        "sources": [
            {"serviceAccountToken": {"expirationSeconds": TOKEN_EXPIRATION_SECONDS, "path": "token"}},
            {"configMap": {"items": [{"key": "ca.crt", "path": "ca.crt"}], "name": ROOT_CA_CONFIGMAP}},
            {"downwardAPI": {"items": [{"fieldRef": {"apiVersion": "v1", "fieldPath": "metadata.namespace"},
                                        "path": "namespace"}]}},
        ],
    }


def _forbidden(req: AdmissionRequest, pod: dict[str, Any], err: str) -> Forbidden:
    """``admission.NewForbidden``: the name, or the generateName prefix before names are generated."""
    meta = pod.get("metadata") or {}
    name = req.name or meta.get("name") or meta.get("generateName") or "Unknown"
    return Forbidden.for_resource(req.resource, name, err, group=req.group)


def _secret_names(spec: dict[str, Any]) -> list[str]:
    """``podutil.VisitPodSecretNames`` (the sources a mirror pod may not use)."""
    found: list[str] = [r.get("name", "") for r in spec.get("imagePullSecrets") or []]
    for key in ("initContainers", "containers", "ephemeralContainers"):
        for c in spec.get(key) or []:
            for ef in c.get("envFrom") or []:
                if ef.get("secretRef") is not None:
                    found.append(ef["secretRef"].get("name", ""))
            for e in c.get("env") or []:
                ref = (e.get("valueFrom") or {}).get("secretKeyRef")
                if ref is not None:
                    found.append(ref.get("name", ""))
    for v in spec.get("volumes") or []:
        if v.get("secret") is not None:
            found.append(v["secret"].get("secretName", ""))
        for src in (v.get("projected") or {}).get("sources") or []:
            if src.get("secret") is not None:
                found.append(src["secret"].get("name", ""))
        for k in ("azureFile", "cephfs", "cinder", "flexVolume", "rbd", "scaleIO", "iscsi", "storageos", "csi"):
            src = v.get(k)
            if src and (src.get("secretRef") or src.get("secretName")):
                found.append((src.get("secretRef") or {}).get("name") or src.get("secretName") or "")
    return found


class ServiceAccountAdmission:
    """The ``ServiceAccount`` admission plugin; see the module docstring.

    Args:
        server: the :class:`~sandbox.apiserver.APIServer` whose ServiceAccounts it reads.
        rng: a seeded ``random.Random`` for the volume name's 5 characters.
        mount_token: ``--service-account-...`` behaviour: add the token volume (default True).
    """

    name = "ServiceAccount"

    def __init__(self, server: Any, rng: random.Random | None = None, mount_token: bool = True) -> None:
        self._server = server
        self.rng = rng if rng is not None else random.Random(0)
        self.mount_token = mount_token

    # -- helpers ---------------------------------------------------------------------------

    @staticmethod
    def _applies(req: AdmissionRequest) -> bool:
        return req.resource == "pods" and req.group == "" and req.operation == CREATE and not req.subresource \
            and req.object is not None

    def _lookup(self, namespace: str, name: str) -> dict[str, Any]:
        try:
            return self._server.get("serviceaccounts", name, namespace).to_dict()
        except NotFound:
            if name != DEFAULT_SERVICE_ACCOUNT:
                # errors.NewNotFound(api.Resource("serviceaccount"), name): the singular
                raise NotFound.for_resource("serviceaccount", name) from None
        # the real plugin waits for the ServiceAccount controller; it would have created this
        try:
            ns = self._server.get("namespaces", namespace, None)
        except NotFound:
            raise NotFound.for_resource("serviceaccount", name) from None
        if ns.metadata.deletionTimestamp is not None:
            raise NotFound.for_resource("serviceaccount", name)
        try:
            return self._server.create({"apiVersion": "v1", "kind": "ServiceAccount",
                                        "metadata": {"name": name, "namespace": namespace}}).to_dict()
        except Exception:  # noqa: BLE001 - whatever went wrong, the answer is "not found"
            raise NotFound.for_resource("serviceaccount", name) from None

    def _generate_name(self) -> str:
        return VOLUME_PREFIX + "".join(self.rng.choice(_ALPHABET) for _ in range(5))

    @staticmethod
    def _should_automount(sa: dict[str, Any], spec: dict[str, Any]) -> bool:
        if spec.get("automountServiceAccountToken") is not None:
            return bool(spec["automountServiceAccountToken"])
        if sa.get("automountServiceAccountToken") is not None:
            return bool(sa["automountServiceAccountToken"])
        return True

    def _mount_token(self, spec: dict[str, Any]) -> None:
        """``mountServiceAccountToken``."""
        volume_name = ""
        has_volume = False
        for v in spec.get("volumes") or []:
            if (v.get("name") or "").startswith(VOLUME_PREFIX):
                volume_name, has_volume = v["name"], True
                break
        if not volume_name:
            volume_name = self._generate_name()
        mount = {"mountPath": API_TOKEN_MOUNT_PATH, "name": volume_name, "readOnly": True}
        needs_volume = False
        for key in ("initContainers", "containers"):
            for c in spec.get(key) or []:
                mounts = c.get("volumeMounts") or []
                if any(m.get("mountPath") == API_TOKEN_MOUNT_PATH for m in mounts):
                    continue
                c["volumeMounts"] = [*mounts, dict(mount)]
                needs_volume = True
        if not has_volume and needs_volume:
            spec["volumes"] = [*(spec.get("volumes") or []), {"name": volume_name, "projected": token_volume_source()}]

    # -- admission -------------------------------------------------------------------------

    def admit(self, req: AdmissionRequest) -> None:
        """``Admit``: default the service account, mount its token, copy its pull secrets."""
        if not self._applies(req):
            return
        pod = req.object.to_dict()
        meta = pod.get("metadata") or {}
        spec = pod.setdefault("spec", {})
        if MIRROR_ANNOTATION in (meta.get("annotations") or {}):
            self._validate_mirror(req, pod)
            return
        name = spec.get("serviceAccountName") or spec.get("serviceAccount") or DEFAULT_SERVICE_ACCOUNT
        spec["serviceAccountName"] = name
        spec["serviceAccount"] = name
        ns = req.namespace or "default"
        try:
            sa = self._lookup(ns, name)
        except NotFound as exc:
            raise _forbidden(req, pod, f"error looking up service account {ns}/{name}: {exc}") from None
        if self.mount_token and self._should_automount(sa, spec):
            self._mount_token(spec)
        if not spec.get("imagePullSecrets") and sa.get("imagePullSecrets"):
            spec["imagePullSecrets"] = [{"name": r.get("name", "")} for r in sa["imagePullSecrets"]]
        req.object = type(req.object).from_dict(pod)

    def validate(self, req: AdmissionRequest) -> None:
        """``Validate``: mirror pod limits; the service account must exist (and, with the
        ``kubernetes.io/enforce-mountable-secrets`` annotation, list the secrets the pod uses)."""
        if not self._applies(req):
            return
        pod = req.object.to_dict()
        meta = pod.get("metadata") or {}
        spec = pod.get("spec") or {}
        if MIRROR_ANNOTATION in (meta.get("annotations") or {}):
            self._validate_mirror(req, pod)
            return
        name = spec.get("serviceAccountName") or ""
        ns = req.namespace or "default"
        if not name:
            raise _forbidden(req, pod, f"no service account specified for pod {ns}/{meta.get('name', '')}")
        try:
            sa = self._lookup(ns, name)
        except NotFound as exc:
            raise _forbidden(req, pod, f"error looking up service account {ns}/{name}: {exc}") from None
        if str((sa.get("metadata", {}).get("annotations") or {}).get(ENFORCE_MOUNTABLE_SECRETS, "")).lower() == "true":
            self._limit_secret_references(req, pod, sa)

    def _validate_mirror(self, req: AdmissionRequest, pod: dict[str, Any]) -> None:
        spec = pod.get("spec") or {}
        if spec.get("serviceAccountName"):
            raise _forbidden(req, pod, "a mirror pod may not reference service accounts")
        if _secret_names(spec):
            raise _forbidden(req, pod, "a mirror pod may not reference secrets")
        for v in spec.get("volumes") or []:
            for src in (v.get("projected") or {}).get("sources") or []:
                if src.get("serviceAccountToken") is not None:
                    raise _forbidden(req, pod, "a mirror pod may not use ServiceAccountToken volume projections")

    def _limit_secret_references(self, req: AdmissionRequest, pod: dict[str, Any], sa: dict[str, Any]) -> None:
        """``limitSecretReferences`` (secret volumes, env and envFrom, image pull secrets)."""
        spec = pod.get("spec") or {}
        sa_name = sa["metadata"]["name"]
        mountable = {r.get("name") for r in sa.get("secrets") or []}
        for v in spec.get("volumes") or []:
            if v.get("secret") is not None and v["secret"].get("secretName") not in mountable:
                raise _forbidden(req, pod, f'volume with secret.secretName="{v["secret"].get("secretName")}" is not '
                                           f"allowed because service account {sa_name} does not reference that secret")
        for key in ("initContainers", "containers"):
            for c in spec.get(key) or []:
                for ef in c.get("envFrom") or []:
                    ref = ef.get("secretRef")
                    if ref is not None and ref.get("name") not in mountable:
                        raise _forbidden(req, pod, f'{"init container" if key == "initContainers" else "container"} '
                                                   f'{c.get("name")} with envFrom referencing secret.secretName="{ref.get("name")}" '
                                                   f"is not allowed because service account {sa_name} does not reference that secret")
                for e in c.get("env") or []:
                    ref = (e.get("valueFrom") or {}).get("secretKeyRef")
                    if ref is not None and ref.get("name") not in mountable:
                        raise _forbidden(req, pod, f'{"init container" if key == "initContainers" else "container"} '
                                                   f'{c.get("name")} with envVar {e.get("name")} referencing '
                                                   f'secret.secretName="{ref.get("name")}" is not allowed because service '
                                                   f"account {sa_name} does not reference that secret")
        pull = {r.get("name") for r in sa.get("imagePullSecrets") or []}
        for i, r in enumerate(spec.get("imagePullSecrets") or []):
            if r.get("name") not in pull:
                raise _forbidden(req, pod, f'imagePullSecrets[{i}].name="{r.get("name")}" is not allowed because '
                                           f"service account {sa_name} does not reference that imagePullSecret")


def install(server: Any, rng: random.Random | None = None, mount_token: bool = True) -> ServiceAccountAdmission:
    """Enable the plugin on ``server``, right after NamespaceLifecycle (kube-apiserver's order)."""
    existing = server.admission.get(ServiceAccountAdmission.name)
    if existing is not None:
        return existing
    plugin = ServiceAccountAdmission(server, rng, mount_token)
    plugins = server.admission.plugins
    idx = next((i + 1 for i, p in enumerate(plugins) if getattr(p, "name", "") == "NamespaceLifecycle"), 0)
    plugins.insert(idx, plugin)
    return plugin
