"""The runtime judge: run a real sampler and compare `len()` with what it yields.

Imports nothing of the lint core, and no torch: it runs wherever the sampler runs."""

from .distributed import as_rank, process_group
from .length import (
    LengthReport,
    assert_length,
    assert_resumed,
    check_length,
    check_resumed,
    expected_poisson_batches,
    judge_counts,
)
from .limits import TimedOut, time_limit

__all__ = [
    "as_rank",
    "process_group",
    "LengthReport",
    "check_length",
    "assert_length",
    "check_resumed",
    "assert_resumed",
    "expected_poisson_batches",
    "judge_counts",
    "time_limit",
    "TimedOut",
]
