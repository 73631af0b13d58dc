"""Each class searched in a child process of its own, under a wall-clock limit kept by
the parent: the user's sampler may exit, hang, fork, print, leave threads or take over
SIGALRM, and the report of every other class is still complete.

The child is a fork: it already has the user's modules, the registered factories and
the class itself (even one defined inside a test function), so it pays for no imports.
It runs in a process group of its own, so that the parent's kill reaches whatever it
forked, and its stdout and stderr go to an unlinked temporary file, so that nothing it
prints reaches the report; the tail of that file explains a crash. Its result comes back
as one length-prefixed JSON message on a pipe: a grandchild that keeps the pipe open
cannot make the parent wait for an end of file.
"""

from __future__ import annotations

import gc
import json
import os
import select
import signal
import struct
import sys
import tempfile
import time
import traceback
from dataclasses import dataclass, field
from typing import Any, Callable, Dict, Iterator, Optional, Sequence

from ..cli.workers import die_with_parent

# Statuses of a class whose child did not report (besides search.py's).
CRASHED, TIMED_OUT, INTERNAL = "crashed", "timed out", "internal error"
_HEADER = struct.Struct("!Q")
# Of a crashed child's output, the last lines shown.
_TAIL_LINES = 3


def cache_dir() -> str:
    """Where hypothesis may keep its files: the user's cache directory, never the
    working folder (hypothesis' default is `./.hypothesis`)."""
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return os.path.join(base, "flake8-dplen", "hypothesis")


@dataclass
class _Child:
    key: Any
    pid: int
    fd: int  # read end of the result pipe
    output: Any  # the unlinked file the child's stdout and stderr go to
    deadline: float
    data: bytearray = field(default_factory=bytearray)

    def message(self) -> Optional[dict]:
        if len(self.data) < _HEADER.size:
            return None
        (size,) = _HEADER.unpack_from(self.data)
        if len(self.data) < _HEADER.size + size:
            return None
        return json.loads(bytes(self.data[_HEADER.size : _HEADER.size + size]).decode())

    def tail(self) -> str:
        self.output.seek(0, os.SEEK_END)
        self.output.seek(max(0, self.output.tell() - 4096))
        lines = self.output.read().decode(errors="replace").strip().splitlines()
        return " | ".join(line.strip() for line in lines[-_TAIL_LINES:])


def _run_child(work: Callable[[], dict], write_fd: int, output_fd: int, parent: int) -> None:
    """In the child: never returns."""
    status = 0
    # Everything inherited from the parent (torch, the user's modules) is left out of the
    # child's garbage collections: a full one walked it all, 0.2 s a class (hypothesis
    # collects once when it registers a generator), and touched every page it shares.
    gc.freeze()
    try:
        os.setpgid(0, 0)
        # In a process group of its own, the child no longer gets the signals sent to the
        # parent's: it must still end when the parent does, however the parent ends.
        die_with_parent(parent)
        # Ctrl-C reaches the whole foreground group; the parent decides for the children.
        signal.signal(signal.SIGINT, signal.SIG_IGN)
        signal.signal(signal.SIGTERM, signal.SIG_DFL)
        os.dup2(output_fd, 1)
        os.dup2(output_fd, 2)
        devnull = os.open(os.devnull, os.O_RDONLY)
        os.dup2(devnull, 0)
        try:
            payload = work()
        except SystemExit as exc:
            payload = {"status": CRASHED, "why": f"the sampler's code called sys.exit({exc.code!r})"}
        except KeyboardInterrupt:
            payload = {"status": CRASHED, "why": "the sampler's code raised KeyboardInterrupt"}
        except BaseException as exc:  # our own code failed: an internal error, not the user's
            lines = traceback.format_exception(type(exc), exc, exc.__traceback__)
            payload = {"status": INTERNAL, "why": "".join(lines).strip()}
        data = json.dumps(payload).encode()
        data = _HEADER.pack(len(data)) + data
        while data:
            data = data[os.write(write_fd, data) :]
    except BaseException:
        status = 70
    finally:
        # os._exit: no atexit handler, no join of threads the sampler left, no flush of
        # buffers inherited from the parent.
        os._exit(status)


def _start(key: Any, work: Callable[[], dict], limit: float) -> _Child:
    sys.stdout.flush()
    sys.stderr.flush()
    output = tempfile.TemporaryFile()  # unlinked at once: nothing is left in the temp folder
    read_fd, write_fd = os.pipe()
    parent = os.getpid()
    pid = os.fork()
    if pid == 0:
        os.close(read_fd)
        _run_child(work, write_fd, output.fileno(), parent)
    os.close(write_fd)
    try:
        os.setpgid(pid, pid)  # as the child does: whichever runs first, the group exists
    except OSError:  # the child got there first, or has already exited
        pass
    return _Child(key, pid, read_fd, output, time.monotonic() + limit)


def _finish(child: _Child, limit: float, timed_out: bool) -> dict:
    try:
        os.killpg(child.pid, signal.SIGKILL)  # and whatever it forked
    except OSError:
        pass
    _, status = os.waitpid(child.pid, 0)
    os.close(child.fd)
    message = child.message()
    if message is None:
        tail = child.tail()
        said = f"; its last output: {tail}" if tail else ""
        if timed_out:
            message = {
                "status": TIMED_OUT,
                "why": f"still running after {limit:g} s (the limit, --class-timeout); stopped",
            }
        elif os.WIFSIGNALED(status):
            name = signal.Signals(os.WTERMSIG(status)).name
            message = {"status": CRASHED, "why": f"the process was killed by {name}{said}"}
        else:
            code = os.WEXITSTATUS(status)
            message = {
                "status": CRASHED,
                "why": f"the process exited with status {code} before reporting{said}",
            }
    child.output.close()
    return message


def run_all(jobs: Sequence[Any], work: Callable[[Any], dict], workers: int, limit: float) -> Iterator[tuple]:
    """Yields ``(job, message)`` in the order of ``jobs``, running up to ``workers``
    children at once; ``work(job)`` runs in the child and returns a JSON-able dict."""
    pending = list(enumerate(jobs))
    running: Dict[int, _Child] = {}
    done: Dict[int, dict] = {}
    following = 0
    try:
        while following < len(jobs):
            while pending and len(running) < max(1, workers):
                index, job = pending.pop(0)
                child = _start(index, lambda job=job: work(job), limit)
                running[child.fd] = child
            now = time.monotonic()
            wait = max(0.0, min(c.deadline for c in running.values()) - now) if running else 0.0
            ready, _, _ = select.select(list(running), [], [], min(wait, 0.5))
            for fd in ready:
                chunk = os.read(fd, 65536)
                running[fd].data.extend(chunk)
            now = time.monotonic()
            for fd, child in list(running.items()):
                complete = child.message() is not None
                exited = not complete and _exited(child.pid)
                late = now >= child.deadline
                if complete or exited or late:
                    if exited:
                        _drain(child)
                    del running[fd]
                    done[child.key] = _finish(child, limit, late and child.message() is None)
            while following in done:
                yield jobs[following], done.pop(following)
                following += 1
    finally:
        for child in running.values():  # interrupted: no child outlives the run
            _finish(child, limit, True)


def _exited(pid: int) -> bool:
    """Whether the child has exited, without reaping it (_finish reaps)."""
    try:
        info = os.waitid(os.P_PID, pid, os.WEXITED | os.WNOHANG | os.WNOWAIT)
    except ChildProcessError:
        return True
    return info is not None


def _drain(child: _Child) -> None:
    """What the child wrote before it exited and the parent has not read yet."""
    while True:
        ready, _, _ = select.select([child.fd], [], [], 0)
        if not ready:
            return
        chunk = os.read(child.fd, 65536)
        if not chunk:
            return
        child.data.extend(chunk)


def _search_in_child(cls: type, options: Any) -> dict:
    from hypothesis.configuration import set_hypothesis_home_dir

    from . import report
    from .search import check_class

    set_hypothesis_home_dir(cache_dir())
    return report.message(check_class(cls, options))


def check_classes(classes: Sequence[type], options: Any, workers: int, limit: float) -> Iterator[tuple]:
    """``(cls, entry)`` for each class in order, each searched in a child of its own;
    ``entry`` is :func:`report.message`'s dict, or the status and cause of a child that
    crashed, timed out or failed inside the check."""
    from . import report

    for cls, entry in run_all(classes, lambda cls: _search_in_child(cls, options), workers, limit):
        entry.setdefault("class", report.name(cls))
        yield cls, entry
