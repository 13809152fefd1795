"""Replace a running Pod with a new version of it."""

import yaml


def roll_out(cluster, manifest):
    """Make the Pod named in ``manifest`` (YAML text) run from ``manifest``.

    A Pod's env cannot change in place, so the Pod is replaced: delete it, wait until it is
    really gone (its containers may take the whole grace period to stop, and until then the
    name is taken), then create it from the new manifest.
    """
    name = yaml.safe_load(manifest)["metadata"]["name"]
    cluster.delete(f"pod/{name}", wait=True)
    cluster.create(manifest)
