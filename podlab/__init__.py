"""podlab: learn Kubernetes Pods by making failing tests pass.

This package is the learner's side of the project:

- ``podlab.cli``: the ``podlab`` command (``list``, ``check``, ``hint``, ``watch``, ``reset``,
  ``solution``, ``verify``, ``catch-up``, ``start``, ``where``).
- ``podlab.exercises``: the ordered exercise metadata (``exercises/exercises.yaml``), validated on load.
- ``podlab.state``: the learner's progress (``.podlab-progress.json`` at the repository root).
- ``podlab.pristine``: the packaged pristine copy of ``exercises/`` that ``reset`` restores from.
- ``podlab.runner``: runs one exercise's tests with pytest in a subprocess and reads the results.
- ``podlab.kata``: what exercise tests import (``load_learner_manifest``, ``run_cluster``,
  ``expect``, ``expect_pod``, ...), failing with messages written for a learner.
"""

from __future__ import annotations

__version__ = "0.1.0"
