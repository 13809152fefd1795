"""The pod network, simulated in process: IPAM, namespaces, sockets, HTTP and DNS.

No real socket is ever opened. See :mod:`sandbox.network.fabric` for the cluster network,
:mod:`sandbox.network.namespace` for a pod's namespace, :mod:`sandbox.network.socket` for the
socket API, :mod:`sandbox.network.http` for HTTP and ``wget``, :mod:`sandbox.network.dns` for names.
"""

from sandbox.network.dns import Resolver, etc_hosts, nslookup, resolve, resolve_all
from sandbox.network.errors import os_error, strerror
from sandbox.network.fabric import TCP_SYN_TIMEOUT, ConnectHandle, Network, name_error
from sandbox.network.ipam import IPAM, IPAMError, NodeAllocation
from sandbox.network.namespace import NetworkNamespace
from sandbox.network.socket import Connection, DatagramSocket, ListeningSocket, Poller

__all__ = [
    "IPAM",
    "IPAMError",
    "NodeAllocation",
    "Network",
    "ConnectHandle",
    "NetworkNamespace",
    "Connection",
    "ListeningSocket",
    "DatagramSocket",
    "Poller",
    "Resolver",
    "resolve",
    "resolve_all",
    "etc_hosts",
    "nslookup",
    "name_error",
    "os_error",
    "strerror",
    "TCP_SYN_TIMEOUT",
]
