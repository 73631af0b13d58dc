"""The length sanitizer: report every epoch, in real use, whose number of items differs
from the ``len()`` its sampler reported when the epoch began.

``pytest --dplen-watch``, ``dplen watch COMMAND ...``, ``guard(loader)`` and, for
PyTorch Lightning, ``flake8_dplen.watch.lightning.WatchCallback``. Needs only torch."""

from .sanitizer import LengthMismatch, LengthWarning, Mismatch, finish, guard, install, report, uninstall

__all__ = ["LengthMismatch", "LengthWarning", "Mismatch", "finish", "guard", "install", "report", "uninstall"]
