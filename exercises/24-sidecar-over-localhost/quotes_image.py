"""The sidecar's image (ours): one quote per connection, on 127.0.0.1:9000 only."""

from sandbox.images import image

QUOTE = "Simplicity is prerequisite for reliability."


@image("example.com/quote-server:1.0")
def quote_server(c):
    """Listen on localhost:9000; answer each connection with the quote and close it."""
    server = c.net.listen(9000, host="127.0.0.1")
    c.print("serving quotes on 127.0.0.1:9000")
    while not c.terminating:
        try:
            conn = server.accept(timeout=5)
        except TimeoutError:
            continue
        conn.sendall(QUOTE + "\n")
        conn.close()
    return 0
