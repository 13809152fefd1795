"""Replace a running Pod with a new version of it."""


def roll_out(cluster, manifest):
    """Make the Pod named in ``manifest`` (YAML text) run from ``manifest``.

    TODO: the API server refuses this in-place update (a Pod's env cannot change).
    Replace the Pod instead.
    """
    cluster.apply(manifest)
