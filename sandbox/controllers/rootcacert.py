"""The root CA certificate publisher (``pkg/controller/certificates/rootcacertpublisher``).

Every active namespace has a ConfigMap ``kube-root-ca.crt`` whose ``ca.crt`` is the cluster's
CA certificate (what the ``kube-api-access-*`` volume projects into each pod). It is recreated
when deleted and put back when someone changes it.

The certificate is a real, well-formed self-signed X.509 CA certificate for ``CN=kubernetes``
(``openssl x509 -text`` reads it); its private key was thrown away, and nothing in the sandbox
verifies anything with it.
"""

from __future__ import annotations

from typing import Any

from sandbox.controllers.base import Controller
from sandbox.errors import AlreadyExists, Conflict, Forbidden, NotFound

__all__ = ["RootCACertPublisher", "ROOT_CA_CONFIGMAP", "DESCRIPTION", "CA_CERT"]

ROOT_CA_CONFIGMAP = "kube-root-ca.crt"
DESCRIPTION_ANNOTATION = "kubernetes.io/description"
DESCRIPTION = (
    "Contains a CA bundle that can be used to verify the kube-apiserver when using internal endpoints "
    "such as the internal service IP or kubernetes.default.svc. No other usage is guaranteed across "
    "distributions of Kubernetes clusters."
)

CA_CERT = """-----BEGIN CERTIFICATE-----
MIIDGjCCAgKgAwIBAgITGKeNlaVgbZ+XjMHhV3MIuSGo9TANBgkqhkiG9w0BAQsF
ADAVMRMwEQYDVQQDDAprdWJlcm5ldGVzMB4XDTI2MTEyNDIyMjQyOFoXDTM2MTEy
MTIyMjQyOFowFTETMBEGA1UEAwwKa3ViZXJuZXRlczCCASIwDQYJKoZIhvcNAQEB
BQADggEPADCCAQoCggEBAKfywMWFNbyYhlO5BdVjjCIziJB4SCDqYA/Ut/bZGmsv
kk1QcvwkEg/Xz6OvBoFe64d/VmW3oUPJALRPiNgUQ2JAYIdb0LL6D8921V1oGaHe
CHG1CGrFlPR7lsNttIEaPCLahM+FNNFZV3+dE2O2ICBig6Lz/6eGgyOd3jECowjA
Ly2tF4xnhWRJfwN+fAKPo+/8Wghp/ivR0sHWSvkcL3qLHHBCOrDD2E366l73YaO8
wMaL3CO89g8zxWQ/3GOahwZ8mIVOLvgPe3rKAeE8wBSNPkFqFQXtBMozbqBQctUb
DhbfH43uJHiF8WDEkworApU7Yqy3DemvPaUQ1sRVpO0CAwEAAaNjMGEwHQYDVR0O
BBYEFHLBf+E9nrfc6v+Ns07isAIUrqebMB8GA1UdIwQYMBaAFHLBf+E9nrfc6v+N
s07isAIUrqebMA8GA1UdEwEB/wQFMAMBAf8wDgYDVR0PAQH/BAQDAgKkMA0GCSqG
SIb3DQEBCwUAA4IBAQBDqZg+G3JBJ2yDUegYUYTzXWVpcwRPCCyQWE7TNpntWv11
JuRGDlQqPVS7ZZkrdRpzBt64rfE8sYRqLAkgINNNNG2Nx+HNGQgg94EjKm/EA17g
8fpB2D9JDiwGsP/Sr5vFvwgYb3/A8Dj90vmxdfnecmBeei0Qu9g0CnlB50JK6bt6
H1W0urNRAG/HBdM9CkUSGetOVbKURRP7G0xRgruJeXwwTGaIqv1izEix+0m3IUel
XwNpJ5QNSPlix7HylGch2ptnLaS0VSOyU04grr9BvgS5Fo7HT0WqsGlw6Uz79KmD
jDajRZ09I3sV0bESOQPumYwq37M2IrvgI6WJnLpi
-----END CERTIFICATE-----
"""


class RootCACertPublisher(Controller):
    """Keeps ``kube-root-ca.crt`` in every active namespace (see the module docstring)."""

    name = "root-ca-cert-publisher"

    def __init__(self, api: Any, clock: Any, informers: Any = None, ca_cert: str = CA_CERT) -> None:
        self.ca_cert = ca_cert
        super().__init__(api, clock, informers)

    def setup(self) -> None:
        self.ns_informer = self.informers.get("namespaces")
        self.cm_informer = self.informers.get("configmaps")
        self.ns_informer.add_handlers(on_add=self._ns, on_update=lambda old, new: self._ns(new))
        self.cm_informer.add_handlers(on_update=lambda old, new: self._cm(new), on_delete=self._cm)

    def _ns(self, ns: dict[str, Any]) -> None:
        self.queue.add(ns["metadata"]["name"])

    def _cm(self, cm: dict[str, Any]) -> None:
        meta = cm["metadata"]
        if meta.get("name") == ROOT_CA_CONFIGMAP:
            self.queue.add(meta.get("namespace") or "")

    def _wanted(self) -> tuple[dict[str, str], dict[str, str]]:
        return {"ca.crt": self.ca_cert}, {DESCRIPTION_ANNOTATION: DESCRIPTION}

    def sync(self, key: str) -> None:
        """``syncNamespace``: create the ConfigMap, or put its data and annotation back."""
        ns = self.ns_informer.get(key)
        if ns is None or (ns.get("status") or {}).get("phase") != "Active" or ns["metadata"].get("deletionTimestamp"):
            return
        data, annotations = self._wanted()
        cm = self.cm_informer.get(f"{key}/{ROOT_CA_CONFIGMAP}")
        try:
            if cm is None:
                self.api.create({"apiVersion": "v1", "kind": "ConfigMap",
                                 "metadata": {"name": ROOT_CA_CONFIGMAP, "namespace": key, "annotations": annotations},
                                 "data": data})
                return
            have = (cm["metadata"].get("annotations") or {})
            if cm.get("data") == data and all(have.get(k) == v for k, v in annotations.items()) and not cm.get("binaryData"):
                return
            new = {k: v for k, v in cm.items() if k != "binaryData"}
            new["metadata"] = dict(cm["metadata"])
            new["metadata"]["annotations"] = {**have, **annotations}
            new["data"] = data
            self.api.update(new)
        except (AlreadyExists, NotFound, Forbidden):
            pass
        except Conflict:
            self.queue.add_rate_limited(key)
