import yaml


def roll_out(cluster, manifest):
    name = yaml.safe_load(manifest)["metadata"]["name"]
    cluster.delete(f"pod/{name}")
    cluster.create(manifest)
