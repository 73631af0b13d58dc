"""A PyTorch Lightning callback: the sanitizer while the trainer runs.

From ``setup`` to ``teardown`` every sampler that is not torch's own is watched (the
trainer creates its first epoch's iterators before any epoch hook, so watching from an
epoch hook would miss the first epoch). Lightning ends an epoch after ``len()`` batches,
so a sampler with more to give is never exhausted: at the end of each training and
validation epoch the callback finishes the epochs left (counting what the samplers
still had, without loading data) and raises :class:`LengthMismatch` or warns."""

from __future__ import annotations

import warnings
from typing import List, Optional

import pytorch_lightning as pl

from .sanitizer import LengthMismatch, LengthWarning, Mismatch, finish, scope

__all__ = ["WatchCallback"]


class WatchCallback(pl.Callback):
    """``Trainer(callbacks=[WatchCallback()])``; ``on_mismatch="warn"`` only warns."""

    def __init__(self, on_mismatch: str = "raise") -> None:
        if on_mismatch not in ("warn", "raise"):
            raise ValueError(f"on_mismatch must be 'warn' or 'raise', got {on_mismatch!r}")
        self.on_mismatch = on_mismatch
        self.seen: List[Mismatch] = []

    def setup(
        self, trainer: "pl.Trainer", pl_module: "pl.LightningModule", stage: Optional[str] = None
    ) -> None:
        scope(self.seen.append)

    def teardown(
        self, trainer: "pl.Trainer", pl_module: "pl.LightningModule", stage: Optional[str] = None
    ) -> None:
        scope(None)

    def _judge(self) -> None:
        finish()
        seen, self.seen = self.seen, []
        if not seen:
            return
        text = "\n".join(m.message for m in seen)
        if self.on_mismatch == "raise":
            scope(None)  # the fit ends here, and Lightning may not call teardown
            raise LengthMismatch(text)
        warnings.warn(LengthWarning(text), stacklevel=2)

    def on_train_epoch_end(self, trainer: "pl.Trainer", pl_module: "pl.LightningModule") -> None:
        self._judge()

    def on_validation_epoch_end(self, trainer: "pl.Trainer", pl_module: "pl.LightningModule") -> None:
        self._judge()
