"""The engine (core/analysis.py) with every rule (rules/): what the faces, the docs and
the tests call. The engine takes the rules it judges by; this module hands it them all."""

from __future__ import annotations

import ast
from typing import Callable, List, Optional, Tuple, Union

from .config import Config
from .core import analysis
from .core import syntax as cst
from .core.analysis import DEFAULT_CONFIG, Located
from .rules import RULES


def analyze_text(
    source: str,
    config: Config = DEFAULT_CONFIG,
    path: Optional[str] = None,
    tree: Optional[ast.Module] = None,
):
    """core.analysis.analyze_text by every rule."""
    return analysis.analyze_text(source, config, path, tree, rules=RULES)


def analyze_source(
    source: str,
    config: Config = DEFAULT_CONFIG,
    path: Optional[str] = None,
    tree: Union[ast.Module, Callable[[str], ast.Module], None] = None,
) -> Tuple[Optional[cst.Module], List[Located]]:
    """core.analysis.analyze_source by every rule."""
    return analysis.analyze_source(source, config, path, tree, rules=RULES)


def analyze_module(module: cst.Module, config: Config = DEFAULT_CONFIG, module_name: Optional[str] = None):
    """core.analysis.analyze_module by every rule."""
    return analysis.analyze_module(module, config, module_name, rules=RULES)
