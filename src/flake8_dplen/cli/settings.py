"""One configuration for both faces: the codemod reads the flake8 config file that flake8
itself would use (setup.cfg, tox.ini or .flake8, found the way flake8 finds it), so the
extra sampler bases and the excluded paths are written once."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import List, Optional, Tuple


@dataclass(frozen=True)
class Settings:
    sampler_bases: Tuple[str, ...] = ()
    exclude: Tuple[str, ...] = field(default=())


def _option(cfg, name: str) -> List[str]:
    from flake8.utils import parse_comma_separated_list

    for key in (name, name.replace("-", "_")):
        if cfg.has_option("flake8", key):
            return parse_comma_separated_list(cfg.get("flake8", key))
    return []


def load(config: Optional[str] = None, isolated: bool = False) -> Settings:
    """Settings from `config`, or from the file flake8 would find from the current folder."""
    from flake8.options.config import load_config
    from flake8.utils import normalize_paths

    cfg, cfg_dir = load_config(config, [], isolated=isolated)
    if not cfg.has_section("flake8"):
        return Settings()
    # flake8 resolves exclude patterns that look like paths against the config's folder.
    exclude = normalize_paths(_option(cfg, "exclude") + _option(cfg, "extend-exclude"), cfg_dir)
    return Settings(tuple(_option(cfg, "dplen-sampler-bases")), tuple(exclude))
