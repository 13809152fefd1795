"""The cache's image (ours): loads 3 GiB of hot keys into memory, then serves until SIGTERM."""

from sandbox.images import image

GIB = 1024**3


@image("example.com/cache:3.2")
def cache(c):
    """Allocate 3 GiB (past the container's memory limit the kernel OOM-kills it), then wait."""
    c.print("loading 3Gi of hot keys...")
    c.allocate(3 * GIB)
    c.print("cache warm: 3Gi in memory, serving")
    while not c.terminating:
        c.sleep(60)
    return 0
