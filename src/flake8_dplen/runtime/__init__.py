"""The runtime judge: run a real sampler and compare `len()` with what it yields.

Imports nothing of the lint core, and no torch: it runs wherever the sampler runs."""

from . import length
from .distributed import as_rank, process_group
from .length import *  # noqa: F401,F403 (the names of length.__all__)
from .limits import TimedOut, time_limit

# length's own __all__, not a second list of its names to keep in step.
__all__ = ["as_rank", "process_group", *length.__all__, "time_limit", "TimedOut"]
