"""The same fixes as a LibCST codemod command, for `python -m libcst.tool codemod`:

    python -m libcst.tool codemod --no-format command.FixLenCommand PATH

(with `codemods` listed under `modules` in .libcst.codemod.yaml). It applies what
`dplen-fix` applies, through the same `plan` and `apply`.
"""

from __future__ import annotations

import argparse

import libcst as cst
from libcst.codemod import CodemodCommand

from flake8_dplen.config import Config
from flake8_dplen.core import syntax
from flake8_dplen.core.analysis import locate
from flake8_dplen.engine import analyze_module
from flake8_dplen.fixes.linelength import line_length_for
from flake8_dplen.fixes.rewrite import apply, plan


class FixLenCommand(CodemodCommand):
    DESCRIPTION = (
        "Rewrite Sampler.__len__ values that disagree with the batches __iter__ yields (flake8-dplen DPL1)."
    )

    def __init__(self, context, sampler_bases: str = "") -> None:
        super().__init__(context)
        self.config = Config(sampler_bases=tuple(b for b in sampler_bases.split(",") if b))

    @staticmethod
    def add_args(arg_parser: argparse.ArgumentParser) -> None:
        arg_parser.add_argument(
            "--sampler-bases",
            dest="sampler_bases",
            default="",
            help="more sampler base classes, comma separated",
        )

    def transform_module_impl(self, tree: cst.Module) -> cst.Module:
        # The model reads its own tree of the text; the fixes are written into LibCST's.
        model = syntax.parse_module(tree.code)
        located = locate(analyze_module(model, self.config, self.context.full_module_name))
        return apply(tree, plan(tree.code, located), line_length_for(self.context.filename))
