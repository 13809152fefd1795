"""The greeter app's image (ours): reads /etc/greeter/greeter.conf and greets."""

from sandbox.images import image

CONFIG = "/etc/greeter/greeter.conf"


@image("example.com/greeter:2.0")
def greeter(c):
    """Read ``greeting=...`` from the config file, greet, and keep running."""
    try:
        text = c.fs.read_text(CONFIG)
    except OSError as e:
        c.print(f"greeter: cannot read {CONFIG}: {e.strerror or e}", file=c.stderr)
        return 1
    settings = dict(line.split("=", 1) for line in text.splitlines() if "=" in line)
    if "greeting" not in settings:
        c.print(f"greeter: {CONFIG} has no line greeting=...", file=c.stderr)
        return 1
    c.print(f"{settings['greeting'].strip()}, world!")
    while not c.terminating:
        c.sleep(60)
    return 0
