"""The worker image: processes one item per second, for ever."""

from sandbox.images import image


@image("example.com/worker:1.0")
def worker(c):
    done = 0
    c.print("worker started")
    # TODO: this loop never looks at SIGTERM, so the kubelet has to kill the worker (exit 137)
    # when the grace period ends. Stop on SIGTERM instead: leave the loop, print
    # "saving progress after N items", take 2 seconds to save (c.sleep(2)), and return 0.
    while True:
        done += 1
        c.sleep(1)
