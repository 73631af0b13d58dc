"""One child process run to its end or its time limit, with everything it forked: user code
that forks or hangs must not outlive a measurement nor stall it."""

from __future__ import annotations

import os
import signal
import subprocess
from typing import Dict, Optional, Sequence, Tuple


def run_alone(
    command: Sequence[str], cwd: str, env: Dict[str, str], seconds: float, stdout=subprocess.PIPE
) -> Tuple[Optional[int], bytes, bytes]:
    """(exit status, stdout, stderr) of `command` in a session of its own; the status is
    None when it ran past `seconds`. The session is killed either way."""
    proc = subprocess.Popen(
        command, cwd=cwd, env=env, stdout=stdout, stderr=subprocess.PIPE, start_new_session=True
    )
    try:
        out, err = proc.communicate(timeout=seconds)
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)
        proc.communicate()
        return None, b"", b""
    finally:
        try:
            os.killpg(proc.pid, signal.SIGKILL)  # whatever it forked
        except ProcessLookupError:
            pass
    return proc.returncode, out or b"", err
