"""The writer container's image: hands a message to the reader through the shared volume."""

from sandbox.images import image


@image("example.com/writer:1.0")
def writer(c):
    """Write the message into the emptyDir (mounted here at /shared), then stay up until SIGTERM."""
    c.fs.write_text("/shared/message.txt", "hello from the writer\n")
    c.print("message written to /shared/message.txt")
    while not c.terminating:
        c.sleep(60)
    return 0
