"""A wall-clock limit for one sampler's iteration, so a `__iter__` that loops without
yielding cannot hang the run (the batch cap of check_length catches one that yields):
`dplen check` runs each sampler under it, and the test it prints for such a sampler too."""

from __future__ import annotations

import signal
import threading
from contextlib import contextmanager
from typing import Iterator, Optional


class TimedOut(BaseException):
    """Raised inside the iteration when the limit passes. A BaseException on purpose:
    hypothesis treats an Exception as a failure to shrink, and shrinking a hang would
    cost the limit once per attempt; this one stops the search at once."""

    def __init__(self, seconds: float) -> None:
        super().__init__(seconds)
        self.seconds = seconds
        # Batches the stopped epoch had yielded, when it was an epoch (runtime.length sets it).
        self.batches: Optional[int] = None

    def __str__(self) -> str:
        return f"still running after {self.seconds:g} s (the time limit): it never ends, or never yields"


@contextmanager
def time_limit(seconds: float) -> Iterator[None]:
    # SIGALRM only reaches the main thread; elsewhere only the batch cap applies.
    if seconds <= 0 or threading.current_thread() is not threading.main_thread():
        yield
        return

    def expire(signum, frame):
        raise TimedOut(seconds)

    previous = signal.signal(signal.SIGALRM, expire)
    # Again every half second after the limit: an exception raised where Python swallows
    # it (a gc callback, a __del__, a bare `except:` in the sampler) must not let the
    # loop run on for ever (ProteinGym's BatchSampler, growing a list of empty batches,
    # was stopped inside hypothesis' gc callback, which ignored it).
    signal.setitimer(signal.ITIMER_REAL, seconds, 0.5)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
