"""The app container's image: fetches a quote from its sidecar."""

from sandbox.images import image


@image("example.com/quote-app:1.0")
def app(c):
    """Read one quote from the sidecar on localhost:9000 (the Pod's shared network namespace),
    retrying while it is not listening yet, then stay up until SIGTERM."""
    while not c.terminating:
        try:
            conn = c.net.connect("localhost", 9000)
            break
        except ConnectionRefusedError:
            c.sleep(1)  # the sidecar may start a moment after us
    else:
        return 0
    line = conn.readline().decode().strip()
    conn.close()
    c.print(f"quote: {line}")
    while not c.terminating:
        c.sleep(60)
    return 0
