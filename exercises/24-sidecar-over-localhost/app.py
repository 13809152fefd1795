"""The app container's image: fetches a quote from its sidecar."""

from sandbox.images import image


@image("example.com/quote-app:1.0")
def app(c):
    """TODO: connect to the quotes sidecar (it listens on port 9000, inside this Pod), read one
    line, print "quote: <line>", then keep running until SIGTERM. As written, it looks for a
    host called "quotes", which does not exist, and crashes."""
    conn = c.net.connect("quotes", 9000)
    line = conn.readline().decode().strip()
    c.print(f"quote: {line}")
    return 0
