"""One configuration for both faces: the codemod has flake8 itself read the config file
it would use (setup.cfg, tox.ini or .flake8, found the way flake8 finds it), so the extra
sampler bases, the excluded paths and which codes are reported in which file are written
once and mean the same to both."""

from __future__ import annotations

import argparse
from dataclasses import dataclass
from typing import Optional, Sequence, Tuple


@dataclass(frozen=True)
class Selection:
    """flake8's select, ignore, extend-select, extend-ignore and per-file-ignores, as
    flake8 parsed them; decided by flake8's own style guides. Picklable, for the workers."""

    options: argparse.Namespace

    def reports(self, path: str, code: str) -> bool:
        from flake8.style_guide import Decision, StyleGuideManager

        # Built per call: it is asked only about files that have findings.
        guide = StyleGuideManager(self.options, formatter=None).style_guide_for(path)
        return guide.should_report_error(code) is Decision.Selected


@dataclass(frozen=True)
class Settings:
    sampler_bases: Tuple[str, ...]
    exclude: Tuple[str, ...]
    selection: Selection


def load(config: Optional[str] = None, isolated: bool = False, switches: Sequence[str] = ()) -> Settings:
    """Settings from `config`, or from the file flake8 would find from the current folder;
    `switches` are flake8 command-line options (`--select=DPL101`), which override it."""
    from flake8.options.parse_args import parse_args

    _plugins, options = parse_args(
        [*(["--config", config] if config else []), *(["--isolated"] if isolated else []), *switches]
    )
    return Settings(
        tuple(b for b in options.dplen_sampler_bases if b),
        # flake8 has resolved the patterns that look like paths against the config's folder.
        (*options.exclude, *options.extend_exclude),
        Selection(options),
    )
