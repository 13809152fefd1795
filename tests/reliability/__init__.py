"""The reliability suite: bad input, real threads, learner faults, determinism."""
