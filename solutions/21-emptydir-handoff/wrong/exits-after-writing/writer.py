from sandbox.images import image


@image("example.com/writer:1.0")
def writer(c):
    c.fs.write_text("/shared/message.txt", "hello from the writer\n")
    return 0
