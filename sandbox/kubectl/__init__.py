"""kubectl, as the sandbox offers it: the same command lines and the same printed output."""
