"""``sandbox.controllers``: kube-controller-manager's controllers, on the virtual clock.

Each controller mirrors its namesake in ``pkg/controller``: it lists and watches through shared
informers, queues keys, and reconciles one object per ``sync(key)``, talking to the API server
only. :class:`ControllerManager` runs them all::

    manager = ControllerManager(api, clock, rng)
    manager.start()
"""

from sandbox.controllers.manager import ControllerManager

__all__ = ["ControllerManager"]
