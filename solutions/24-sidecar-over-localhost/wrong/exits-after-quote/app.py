from sandbox.images import image


@image("example.com/quote-app:1.0")
def app(c):
    conn = c.net.connect("localhost", 9000)
    c.print(f"quote: {conn.readline().decode().strip()}")
    return 0
