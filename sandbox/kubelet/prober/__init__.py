"""The kubelet's prober (``pkg/kubelet/prober``): liveness, readiness and startup probes.

* :mod:`~sandbox.kubelet.prober.prober_manager`: :class:`ProberManager`, one per kubelet;
* :mod:`~sandbox.kubelet.prober.worker`: one :class:`Worker` per probe per container;
* :mod:`~sandbox.kubelet.prober.prober`: running one exec/httpGet/tcpSocket/grpc probe;
* :mod:`~sandbox.kubelet.prober.results`: the results cache;
* :mod:`~sandbox.kubelet.prober.grpc`: the gRPC health protocol over the sandbox's sockets.

Everything is clock callbacks: no thread, nothing blocks.
"""

from sandbox.kubelet.prober.prober import LIVENESS, READINESS, STARTUP, ProbeOutcome, Prober
from sandbox.kubelet.prober.prober_manager import ProberManager
from sandbox.kubelet.prober.results import FAILURE, SUCCESS, UNKNOWN, ResultsManager, Update
from sandbox.kubelet.prober.worker import Worker

__all__ = [
    "ProberManager",
    "Worker",
    "Prober",
    "ProbeOutcome",
    "ResultsManager",
    "Update",
    "LIVENESS",
    "READINESS",
    "STARTUP",
    "SUCCESS",
    "FAILURE",
    "UNKNOWN",
]
