"""The kubelet: runs the pods bound to a node (pod workers, runtime manager, status manager,
events, logs, exec). See :class:`sandbox.kubelet.kubelet.Kubelet`."""

from sandbox.kubelet.kubelet import Kubelet, KubeletConfig, KubeletError

__all__ = ["Kubelet", "KubeletConfig", "KubeletError"]
