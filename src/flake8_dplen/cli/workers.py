"""Running the per-file work in parallel without outliving the run: workers die with the
codemod, however it ends (Ctrl-C, SIGTERM, SIGKILL)."""

from __future__ import annotations

import multiprocessing
import os
import signal
import sys
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import Callable, List, Sequence, TypeVar

T = TypeVar("T")
_PR_SET_PDEATHSIG = 1  # from <linux/prctl.h>


class WorkerDied(Exception):
    """A worker ended without a word (killed from outside: the OOM killer, `kill -9`);
    `results` are those of the files whose chunk finished."""

    def __init__(self, cause: str, results: list) -> None:
        super().__init__(cause)
        self.cause = cause
        self.results = results


def usable_cpus() -> int:
    """The CPUs this process may run on (a container or `taskset` may allow fewer than the
    machine has): more workers than that only compete with each other."""
    if hasattr(os, "sched_getaffinity"):
        return max(1, len(os.sched_getaffinity(0)))
    return os.cpu_count() or 1


def exit_on_sigterm(signum, _frame) -> None:
    # An exception, not a sudden death: an atomic write in progress removes its temporary file.
    raise SystemExit(128 + signum)


def die_with_parent(parent: int) -> None:
    if sys.platform.startswith("linux"):
        import ctypes

        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(_PR_SET_PDEATHSIG, signal.SIGTERM, 0, 0, 0)
    # The parent may have died before the request above, which then never fires.
    if os.getppid() != parent:
        os._exit(128 + signal.SIGTERM)


# True while this worker runs a chunk's files, where a write may be in progress.
_in_chunk = False


def _worker_sigterm(signum, frame) -> None:
    if _in_chunk:
        exit_on_sigterm(signum, frame)  # the atomic write in progress removes its temporary file
    # Outside a chunk the exception would reach the pool's own code, which catches it and
    # sends it back on the result pipe that a stopping pool no longer reads: a worker
    # stopped while it sent a large result (78 KB) blocked there for good, and the pool,
    # waiting for it to end, hung `dplen fix` (seen with a worker killed beside it).
    os._exit(128 + signum)


def _start_worker(parent: int) -> None:
    # Ctrl-C reaches the whole process group; the parent alone decides, and stops us.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, _worker_sigterm)
    die_with_parent(parent)


def _call_each(function: Callable[..., T], argument_lists: Sequence[tuple]) -> List[T]:
    global _in_chunk
    _in_chunk = True
    try:
        results = [function(*args) for args in argument_lists]
        _in_chunk = False  # inside the try: a SIGTERM just before it still ends below
        return results
    except SystemExit as stop:
        # The pool would report it and hand this worker more files; it must end now.
        os._exit(stop.code if isinstance(stop.code, int) else 1)
    except BaseException:
        _in_chunk = False
        raise


def _stop_workers(grace: float = 10.0) -> None:
    """SIGTERM to every worker (one inside a chunk removes the temporary file of a write in
    progress), then SIGKILL to any still there after `grace` seconds."""
    children = multiprocessing.active_children()
    for child in children:
        child.terminate()
    for child in children:
        child.join(grace)
        if child.is_alive():
            child.kill()
            child.join()


def parallel_map(
    function: Callable[..., T], argument_lists: Sequence[tuple], jobs: int, done: Callable[[], None]
) -> List[T]:
    """`function(*args)` for each of `argument_lists` in `jobs` processes, in order;
    `done()` after each."""
    size = max(1, min(32, len(argument_lists) // (jobs * 4)))
    pool = ProcessPoolExecutor(max_workers=jobs, initializer=_start_worker, initargs=(os.getpid(),))
    chunks = [
        pool.submit(_call_each, function, argument_lists[start : start + size])
        for start in range(0, len(argument_lists), size)
    ]
    results: List[T] = []
    try:
        for chunk in chunks:
            for result in chunk.result():
                results.append(result)
                done()
    except BrokenProcessPool:
        # The pool's own thread stops the other workers and waits for them; one blocked
        # on a pipe or lock the killed worker held keeps it waiting for good (seen: dplen
        # fix hung after a worker was killed beside it). Stopped here, with a bound.
        _stop_workers()
        pool.shutdown()
        # Chunks after the failed one may have finished: what they did is known too.
        finished = [r for c in chunks if c.done() and c.exception() is None for r in c.result()]
        raise WorkerDied("killed from outside, e.g. by the out-of-memory killer", finished) from None
    except BaseException:
        # Interrupted or terminated: stop the workers now rather than after their files.
        # The pool then finds them dead and fails the chunks left. Not cancelled first (as
        # Executor.map does), and waited for here rather than at exit: either races with
        # the pool's own thread, and Python 3.11 prints its traceback.
        _stop_workers()
        pool.shutdown()
        raise
    pool.shutdown()
    return results
