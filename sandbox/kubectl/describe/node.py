"""``kubectl describe node``: placeholder replaced below."""
