"""One node's machine: its network namespace, host filesystem, container runtime and kubelet.

A Kubernetes Node object is only the API's record of a machine. The machine itself runs a kubelet
(which runs pods through a container runtime), posts the Node's status and renews its Lease, and
reads static pod manifests from its own disk. :class:`Machine` is that machine in the sandbox;
``cluster.node("node-2")`` returns one, so that a lesson can label it, taint it, cordon it, or pull
its plug::

    with Cluster(nodes=3) as cluster:
        node = cluster.node("node-2")
        node.taint("gpu=true:NoSchedule")
        node.fail()          # heartbeats stop, its containers die, it drops off the network
        cluster.advance(400) # the node lifecycle controller notices and evicts its pods
        node.recover()       # a reboot: a fresh kubelet, the same disk and images
"""

from __future__ import annotations

import random
from typing import TYPE_CHECKING, Any

from sandbox.api import manifests
from sandbox.kubelet import Kubelet, KubeletConfig
from sandbox.kubelet.config import StaticPods
from sandbox.kubelet.node_info import NodeConfig
from sandbox.kubelet.nodestatus import (
    NodeChange,
    NodeStatusManager,
    cordon_node,
    label_node,
    taint_node,
    uncordon_node,
)
from sandbox.runtime.filesystem import FileSystem
from sandbox.runtime.runtime import ThreadRuntime

if TYPE_CHECKING:
    from sandbox.cluster import Cluster

__all__ = ["Machine"]


class Machine:
    """A node of the cluster, as hardware: see the module docstring."""

    def __init__(self, cluster: Cluster, name: str, config: NodeConfig) -> None:
        self.cluster = cluster
        self.name = name
        self.config = config
        self.netns = cluster.network.add_node(name)
        config.internal_ip = self.netns.ips[0]
        config.pod_cidrs = cluster.network.pod_cidrs(name)
        #: The node's own disk: static pod manifests, ``hostPath`` volumes.
        self.fs = FileSystem(cluster.clock.now, name=f"{name}:/")
        self.fs.add_dir(config.static_pod_path)
        self._rng = random.Random(cluster.rng.getrandbits(64))
        self.failed = False
        self.status = NodeStatusManager(name, cluster.api, cluster.clock, config, rng=random.Random(self._rng.getrandbits(64)),
                                        images=self._images)
        self.runtime: ThreadRuntime = self._new_runtime()
        # The first kubelet behaves as one that has been up for a while: its probe workers do not
        # delay their first probe by a random part of the period (worker.go does that only within
        # one period of a kubelet start). A kubelet restarted by recover() does, as a real one.
        self.kubelet: Kubelet = self._new_kubelet(prober_start=cluster.clock.now() - 3600)
        self.static_pods = StaticPods(name, cluster.api, cluster.clock, self.fs, kubelet=self.kubelet,
                                      path=config.static_pod_path, period=config.file_check_frequency,
                                      prevent_api_references=config.prevent_static_pod_api_references)

    def _new_runtime(self) -> ThreadRuntime:
        return ThreadRuntime(self.cluster.clock, self.cluster.network, random.Random(self._rng.getrandbits(64)), self.name)

    def _new_kubelet(self, prober_start: float | None = None) -> Kubelet:
        extra: dict[str, Any] = {
            "host_fs": self.fs,  # hostPath volumes reach the node's own disk
            "probe_recorder": self.cluster.recorder.note,  # probe results on the pod's timeline
            # the eviction manager: capacity and evictionHard; MemoryPressure and node events
            "node_config": self.config,
            "node_status": self.status,
        }
        if prober_start is not None:
            extra["prober_start"] = prober_start
        return Kubelet(self.name, self.cluster.api, self.cluster.clock, self.runtime,
                       random.Random(self._rng.getrandbits(64)),
                       KubeletConfig(node_ips=list(self.netns.ips), extra=extra))

    def _images(self) -> list[Any]:
        return [([img.image_ref, img.ref], img.size) for img in self.runtime.list_images()]

    # ------------------------------------------------------------------ lifecycle

    def start(self) -> None:
        """Boot: post the Node, start the kubelet and the static pod source."""
        self.status.start()
        self.kubelet.start()
        self.static_pods.start()

    def fail(self) -> None:
        """Pull the plug: no more heartbeats or status, every container dies, the node is unreachable."""
        if self.failed:
            return
        self.failed = True
        self.static_pods.stop()
        self.status.stop()
        self.kubelet.stop(kill_containers=True)
        self.cluster.network.set_node_reachable(self.name, False)

    def recover(self) -> None:
        """Power back on: a fresh kubelet and runtime (containers are gone; pulled images stay)."""
        if not self.failed:
            return
        self.failed = False
        images = [img.ref for img in self.runtime.list_images()]
        self.kubelet.close()
        self.runtime.close()
        self.runtime = self._new_runtime()
        if images:
            self.runtime.preload(*images)
        self.kubelet = self._new_kubelet()
        self.static_pods.kubelet = self.kubelet
        self.cluster.network.set_node_reachable(self.name, True)
        self.start()

    def close(self) -> None:
        self.static_pods.stop()
        self.status.stop()
        self.kubelet.close()
        self.runtime.close()

    # ------------------------------------------------------------------ what kubectl does to nodes

    def node(self) -> Any:
        """The Node object as the API server has it."""
        return self.cluster.api.get("nodes", self.name, None)

    def label(self, *specs: str, overwrite: bool = False) -> NodeChange:
        """``kubectl label node NAME key=value ...`` (``key-`` removes a label)."""
        return label_node(self.cluster.api, self.name, *specs, overwrite=overwrite)

    def taint(self, *specs: str, overwrite: bool = False) -> NodeChange:
        """``kubectl taint node NAME key=value:NoSchedule ...`` (``key:NoSchedule-`` removes one)."""
        return taint_node(self.cluster.api, self.name, *specs, overwrite=overwrite)

    def cordon(self) -> NodeChange:
        """``kubectl cordon``: no new pods are scheduled here."""
        return cordon_node(self.cluster.api, self.cluster.clock, self.name)

    def uncordon(self) -> NodeChange:
        """``kubectl uncordon``."""
        return uncordon_node(self.cluster.api, self.cluster.clock, self.name)

    def pods(self) -> list[Any]:
        """The pods bound to this node, in every namespace."""
        return list(self.cluster.api.list("pods", None, field_selector=f"spec.nodeName={self.name}"))

    # ------------------------------------------------------------------ static pods

    def add_static_pod(self, manifest: Any, filename: str | None = None) -> str:
        """Write a static pod manifest into the kubelet's ``staticPodPath``; returns its path."""
        docs = manifests.load_dicts(manifest)
        if len(docs) != 1:
            raise ValueError("a static pod manifest holds exactly one Pod")
        import yaml

        name = filename or f"{docs[0].get('metadata', {}).get('name', 'pod')}.yaml"
        path = f"{self.config.static_pod_path}/{name}"
        self.fs.add_file(path, yaml.safe_dump(docs[0], sort_keys=False).encode())
        self.static_pods.notify()
        return path

    def remove_static_pod(self, filename: str) -> None:
        """Delete a manifest from ``staticPodPath``: the kubelet stops that pod."""
        self.fs.view().remove(f"{self.config.static_pod_path}/{filename}")
        self.static_pods.notify()

    def __repr__(self) -> str:
        return f"<Machine {self.name}{' (failed)' if self.failed else ''}>"
