"""The endpoints controller (``pkg/controller/endpoint/endpoints_controller.go``).

For every Service with a selector it keeps an ``Endpoints`` object of the same name: the IPs of
the pods the selector matches, ready ones under ``addresses`` and the others under
``notReadyAddresses`` (all under ``addresses`` with ``publishNotReadyAddresses``), with the port
each pod serves each Service port on (a named ``targetPort`` is looked up among the pod's
container ports; a pod without it is left out of that port). Pods without an IP, terminal pods
and (unless ``publishNotReadyAddresses``) terminating pods are left out. Addresses serving the
same ports share one subset, sorted by IP. ``kubectl get endpoints`` shows the ready ones::

    NAME    ENDPOINTS                       AGE
    nginx   10.244.1.2:80,10.244.1.3:80     1m

The object carries the Service's labels (plus ``service.kubernetes.io/headless`` for headless
Services) and the ``endpoints.kubernetes.io/last-change-trigger-time`` annotation (the earliest
pod readiness change or Service creation that this write reflects, as the trigger-time tracker
computes it). Services without a selector are left alone (their Endpoints are someone else's);
deleting a Service deletes its Endpoints.

Simplified: several ports of one subset are sorted by name and number (the real controller
orders them by a hash of the port), and there is no 1000-address capacity cut.
"""

from __future__ import annotations

import contextlib
import ipaddress
from typing import Any

from sandbox.controllers.base import Controller, is_pod_ready, selector_matches, split_key
from sandbox.errors import AlreadyExists, Conflict, NotFound

__all__ = ["EndpointsController", "TRIGGER_TIME_ANNOTATION", "HEADLESS_LABEL", "find_port"]

TRIGGER_TIME_ANNOTATION = "endpoints.kubernetes.io/last-change-trigger-time"
HEADLESS_LABEL = "service.kubernetes.io/headless"


def find_port(pod: dict[str, Any], service_port: dict[str, Any]) -> int | None:
    """``podutil.FindPort``: the container port a Service port's ``targetPort`` names, or its number."""
    tp = service_port.get("targetPort")
    if tp is None or tp == "":
        tp = service_port.get("port")
    if isinstance(tp, int):
        return tp
    proto = service_port.get("protocol") or "TCP"
    for c in (pod.get("spec") or {}).get("containers") or []:
        for p in c.get("ports") or []:
            if p.get("name") == tp and (p.get("protocol") or "TCP") == proto:
                return int(p.get("containerPort") or 0)
    return None


def _pod_trigger_time(pod: dict[str, Any]) -> str | None:
    for c in (pod.get("status") or {}).get("conditions") or []:
        if c.get("type") == "Ready":
            return c.get("lastTransitionTime")
    return None


def _ip_key(ip: str) -> tuple[int, int]:
    try:
        a = ipaddress.ip_address(ip)
        return (a.version, int(a))
    except ValueError:
        return (9, 0)


class EndpointsController(Controller):
    """Keeps each selector Service's Endpoints in step with its pods (see the module docstring)."""

    name = "endpoint-controller"

    def setup(self) -> None:
        self.svc_informer = self.informers.get("services")
        self.pod_informer = self.informers.get("pods")
        self.ep_informer = self.informers.get("endpoints")
        self.svc_informer.add_handlers(on_add=self.enqueue, on_update=lambda old, new: self.enqueue(new),
                                       on_delete=self.enqueue)
        self.pod_informer.add_handlers(on_add=self._pod_changed, on_update=self._pod_updated, on_delete=self._pod_changed)
        self.ep_informer.add_handlers(on_delete=self._ep_deleted)
        #: the trigger-time tracker's state: service key -> (service trigger, {pod name: trigger})
        self._seen: dict[str, tuple[str | None, dict[str, str | None]]] = {}

    # -- event handlers -------------------------------------------------------------------

    def _services_for(self, pod: dict[str, Any]) -> list[str]:
        ns = pod["metadata"].get("namespace") or ""
        labels = pod["metadata"].get("labels") or {}
        keys = []
        for svc in self.svc_informer.list(ns):
            sel = (svc.get("spec") or {}).get("selector")
            if sel and selector_matches({"matchLabels": sel}, labels):
                keys.append(f"{ns}/{svc['metadata']['name']}")
        return keys

    def _pod_changed(self, pod: dict[str, Any]) -> None:
        for key in self._services_for(pod):
            self.queue.add(key)

    def _pod_updated(self, old: dict[str, Any], new: dict[str, Any]) -> None:
        for key in sorted(set(self._services_for(old)) | set(self._services_for(new))):
            self.queue.add(key)

    def _ep_deleted(self, ep: dict[str, Any]) -> None:
        meta = ep["metadata"]
        key = f"{meta.get('namespace')}/{meta.get('name')}"
        if self.svc_informer.get(key) is not None:
            self.queue.add(key)

    # -- sync -----------------------------------------------------------------------------

    def _trigger_time(self, key: str, svc: dict[str, Any], pods: list[dict[str, Any]]) -> str | None:
        """``TriggerTimeTracker.ComputeEndpointLastChangeTriggerTime``."""
        svc_time = svc["metadata"].get("creationTimestamp")
        prev = self._seen.get(key)
        times: list[str] = []
        if (prev is None or prev[0] != svc_time) and svc_time:
            times.append(svc_time)
        pod_times = {}
        for p in pods:
            t = _pod_trigger_time(p)
            pod_times[p["metadata"]["name"]] = t
            if t and (prev is None or prev[1].get(p["metadata"]["name"]) != t):
                times.append(t)
        self._seen[key] = (svc_time, pod_times)
        return min(times) if times else None

    def desired_subsets(self, svc: dict[str, Any], pods: list[dict[str, Any]]) -> list[dict[str, Any]]:
        """The ``subsets`` for ``svc`` given the pods its selector matches."""
        spec = svc.get("spec") or {}
        publish = bool(spec.get("publishNotReadyAddresses"))
        svc_name = svc["metadata"]["name"]
        headless = spec.get("clusterIP") == "None"
        groups: dict[tuple[Any, ...], dict[str, Any]] = {}
        for pod in pods:
            meta, pspec, st = pod["metadata"], pod.get("spec") or {}, pod.get("status") or {}
            if st.get("phase") in ("Succeeded", "Failed"):
                continue
            ip = st.get("podIP") or ((st.get("podIPs") or [{}])[0].get("ip"))
            if not ip:
                continue
            if meta.get("deletionTimestamp") and not publish:
                continue
            addr: dict[str, Any] = {"ip": ip}
            if pspec.get("hostname") and pspec.get("subdomain") == svc_name:
                addr["hostname"] = pspec["hostname"]
            if pspec.get("nodeName"):
                addr["nodeName"] = pspec["nodeName"]
            addr["targetRef"] = {"kind": "Pod", "name": meta["name"], "namespace": meta.get("namespace"),
                                 "uid": meta.get("uid")}
            ports: list[dict[str, Any]] = []
            for sp in spec.get("ports") or []:
                num = find_port(pod, sp)
                if num is None:
                    continue
                ep: dict[str, Any] = {"port": num, "protocol": sp.get("protocol") or "TCP"}
                if sp.get("name"):
                    ep["name"] = sp["name"]
                if sp.get("appProtocol"):
                    ep["appProtocol"] = sp["appProtocol"]
                ports.append(ep)
            if not ports and not (headless and not spec.get("ports")):
                continue
            ports.sort(key=lambda p: (p.get("name") or "", p["port"], p["protocol"]))
            gkey = tuple((p.get("name") or "", p["port"], p["protocol"]) for p in ports)
            group = groups.setdefault(gkey, {"addresses": [], "notReadyAddresses": [], "ports": ports})
            ready = publish or is_pod_ready(pod)
            group["addresses" if ready else "notReadyAddresses"].append(addr)
        subsets = []
        for gkey in sorted(groups):
            g = groups[gkey]
            ss: dict[str, Any] = {}
            for k in ("addresses", "notReadyAddresses"):
                if g[k]:
                    ss[k] = sorted(g[k], key=lambda a: (_ip_key(a["ip"]), a["targetRef"].get("uid") or ""))
            if g["ports"]:
                ss["ports"] = g["ports"]
            subsets.append(ss)
        return subsets

    def sync(self, key: str) -> None:
        """``syncService``."""
        ns, name = split_key(key)
        svc = self.svc_informer.get(key)
        if svc is None:
            self._seen.pop(key, None)
            with contextlib.suppress(NotFound):
                self.api.delete("endpoints", name, ns)
            return
        spec = svc.get("spec") or {}
        selector = spec.get("selector")
        if not selector:
            return
        pods = [p for p in self.pod_informer.list(ns) if selector_matches({"matchLabels": selector}, p["metadata"].get("labels"))]
        subsets = self.desired_subsets(svc, pods)
        trigger = self._trigger_time(key, svc, pods)
        labels = dict(svc["metadata"].get("labels") or {})
        if spec.get("clusterIP") == "None":
            labels[HEADLESS_LABEL] = ""
        current = self.ep_informer.get(key)
        if current is not None and (current.get("subsets") or []) == subsets and \
                (current["metadata"].get("labels") or {}) == labels:
            return
        annotations = dict((current or {}).get("metadata", {}).get("annotations") or {})
        if trigger:
            annotations[TRIGGER_TIME_ANNOTATION] = trigger
        else:
            annotations.pop(TRIGGER_TIME_ANNOTATION, None)
        meta: dict[str, Any] = {"name": name, "namespace": ns}
        if labels:
            meta["labels"] = labels
        if annotations:
            meta["annotations"] = annotations
        obj: dict[str, Any] = {"apiVersion": "v1", "kind": "Endpoints", "metadata": meta}
        if subsets:
            obj["subsets"] = subsets
        try:
            if current is None:
                self.api.create(obj)
            else:
                meta["resourceVersion"] = current["metadata"].get("resourceVersion")
                meta["uid"] = current["metadata"].get("uid")
                self.api.update(obj)
        except (AlreadyExists, Conflict):
            self.queue.add_rate_limited(key)
        except NotFound:
            pass
