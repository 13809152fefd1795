"""The worker image: processes one item per second until SIGTERM, then saves and exits 0."""

from sandbox.images import image


@image("example.com/worker:1.0")
def worker(c):
    done = 0
    c.print("worker started")
    while not c.terminating:
        done += 1
        c.sleep(1)
    c.print(f"saving progress after {done} items")
    c.sleep(2)
    return 1
