"""The catalog image: serves the product catalog on port 8080. After it starts it needs about
20 seconds to warm its product cache."""

from sandbox.images import image
from sandbox.network.http import HTTPResponse, HTTPServer

WARM_UP = 20  # seconds after the start until the cache is warm


@image("example.com/catalog:1.0")
def catalog(c):
    started = c.now()
    c.print("catalog listening on :8080, warming the product cache...")

    def handle(request):
        warm = c.now() - started >= WARM_UP
        # TODO: answer GET /ready with status 503 while the cache is warming up (the first
        # WARM_UP seconds), then with 200. Leave the other paths as they are.
        if request.path == "/":
            return HTTPResponse(200, body=f"catalog: {1200 if warm else 0} products\n")
        return HTTPResponse(404, body="not found\n")

    HTTPServer(c.net, 8080, handle).serve_forever()
    return 0
