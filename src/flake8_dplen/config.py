"""Settings shared by both faces. Kept free of LibCST so the flake8 plugin loads fast."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Tuple


@dataclass(frozen=True)
class Config:
    sampler_bases: Tuple[str, ...] = ()
