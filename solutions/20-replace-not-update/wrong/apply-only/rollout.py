def roll_out(cluster, manifest):
    cluster.apply(manifest)
