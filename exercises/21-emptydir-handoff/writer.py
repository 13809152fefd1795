"""The writer container's image: hands a message to the reader through the shared volume."""

from sandbox.images import image


@image("example.com/writer:1.0")
def writer(c):
    """TODO: write "hello from the writer" to message.txt in the shared volume (mounted at
    /shared), then keep running until SIGTERM. As written, the file lands in the container's
    own /tmp, where the reader cannot see it, and the program ends at once."""
    c.fs.write_text("/tmp/message.txt", "hello from the writer\n")
    c.print("message written")
    return 0
