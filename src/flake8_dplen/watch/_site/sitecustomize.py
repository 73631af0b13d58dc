"""Imported by Python at startup (`site`) because `dplen watch` put this folder on
PYTHONPATH: starts the sanitizer when DPLEN_WATCH_DIR says where to report, then runs
the sitecustomize this one shadows, if there is one."""

import os
import sys


def _start() -> None:
    directory = os.environ.get("DPLEN_WATCH_DIR")
    if not directory:
        return
    try:
        from flake8_dplen.watch.child import start
    except ImportError as exc:
        sys.stderr.write(f"dplen watch: {sys.executable} cannot import flake8_dplen ({exc}): not watched\n")
        return
    start(directory)


def _chain() -> None:
    here = os.path.dirname(os.path.abspath(__file__))
    saved = sys.path[:]
    sys.path[:] = [p for p in sys.path if os.path.abspath(p or os.curdir) != here]
    this = sys.modules.pop("sitecustomize")
    try:
        import sitecustomize  # noqa: F401  (the next one on the path, or none)
    except ImportError:
        pass
    finally:
        sys.path[:] = saved
        # The import system takes this module back out of sys.modules when it has run.
        sys.modules["sitecustomize"] = this


_start()
_chain()
