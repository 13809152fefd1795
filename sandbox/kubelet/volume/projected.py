"""``projected`` volumes (``pkg/volume/projected``): several sources in one directory:
``configMap``, ``secret``, ``downwardAPI`` and ``serviceAccountToken`` (``clusterTrustBundle`` is
not supported).

What the ServiceAccount admission plugin injects as ``kube-api-access-xxxxx`` is such a volume:
a ``token`` (``serviceAccountToken``, ``expirationSeconds: 3607``), ``ca.crt`` from the
``kube-root-ca.crt`` ConfigMap and ``namespace`` from the downward API. The token here is a
well-formed but fake JWT (``header.claims.signature``, base64url, no padding) with the claims the
API server's TokenRequest puts in (``aud``, ``exp``, ``iat``, ``iss``, ``kubernetes.io``, ``nbf``,
``sub``); nothing verifies its signature.
"""

from __future__ import annotations

import base64
import hashlib
import json
from typing import Any

from sandbox.kubelet.volume import configmap, downwardapi, secret
from sandbox.kubelet.volume.atomic_writer import FileProjection
from sandbox.kubelet.volume.common import MountError, VolumeContext

__all__ = ["payload", "service_account_token", "ISSUER"]

#: kubeadm's default ``--service-account-issuer``.
ISSUER = "https://kubernetes.default.svc.cluster.local"


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def service_account_token(ctx: VolumeContext, audience: str | None, expiration: int) -> str:
    """A fake, well-formed service account JWT for the pod (``RS256`` header, TokenRequest's claims)."""
    pod = ctx.pod
    ns = ctx.namespace
    sa = pod.spec.serviceAccountName or "default"
    now = int(ctx.clock.now())
    seed = f"{ns}/{sa}/{pod.metadata.uid}/{now}".encode()
    header = {"alg": "RS256", "kid": _b64(hashlib.sha256(b"podlab-sa-key").digest())[:43]}
    claims = {
        "aud": [audience] if audience else [ISSUER],
        "exp": now + expiration,
        "iat": now,
        "iss": ISSUER,
        "jti": str(_uuid(seed)),
        "kubernetes.io": {
            "namespace": ns,
            "node": {"name": pod.spec.nodeName or ctx.node_name, "uid": str(_uuid(b"node/" + (pod.spec.nodeName or "").encode()))},
            "pod": {"name": pod.metadata.name, "uid": pod.metadata.uid},
            "serviceaccount": {"name": sa, "uid": str(_uuid(f"sa/{ns}/{sa}".encode()))},
            "warnafter": now + 3600 if expiration > 3600 else now + expiration,
        },
        "nbf": now,
        "sub": f"system:serviceaccount:{ns}:{sa}",
    }
    signing_input = _b64(json.dumps(header, separators=(",", ":")).encode()) + "." + _b64(
        json.dumps(claims, separators=(",", ":")).encode()
    )
    sig = hashlib.sha512(signing_input.encode()).digest() * 4  # 256 bytes, as an RSA-2048 signature
    return signing_input + "." + _b64(sig)


def _uuid(seed: bytes) -> str:
    h = hashlib.sha1(seed).hexdigest()
    return f"{h[:8]}-{h[8:12]}-5{h[13:16]}-a{h[17:20]}-{h[20:32]}"


def payload(ctx: VolumeContext, src: Any) -> dict[str, FileProjection]:
    """The files of every source, in order; errors of all sources are joined as Kubernetes'
    aggregate error does (``[a, b]``)."""
    mode = src.defaultMode if src.defaultMode is not None else 0o644
    out: dict[str, FileProjection] = {}
    errors: list[str] = []
    for s in src.sources or []:
        try:
            if s.configMap is not None:
                optional = bool(s.configMap.optional)
                data = configmap.fetch(ctx, s.configMap.name or "", optional)
                if data is not None:
                    out.update(configmap.make_payload(data, s.configMap.items, mode, optional,
                                                      "configmap references non-existent config key"))
            elif s.secret is not None:
                optional = bool(s.secret.optional)
                data = secret.fetch(ctx, s.secret.name or "", optional)
                if data is not None:
                    out.update(configmap.make_payload(data, s.secret.items, mode, optional,
                                                      "references non-existent secret key"))
            elif s.downwardAPI is not None:
                out.update(downwardapi.items_payload(ctx, s.downwardAPI.items, mode))
            elif s.serviceAccountToken is not None:
                t = s.serviceAccountToken
                exp = int(t.expirationSeconds) if t.expirationSeconds is not None else 3600
                token = service_account_token(ctx, t.audience, exp)
                out[(t.path or "token").strip("/")] = FileProjection(token.encode(), mode)
        except MountError as e:
            errors.append(str(e))
    if len(errors) == 1:
        raise MountError(errors[0])
    if errors:
        raise MountError("[" + ", ".join(errors) + "]")
    return out
