"""The same fixes as a LibCST codemod command, for `python -m libcst.tool codemod`:

    python -m libcst.tool codemod command.FixLenCommand PATH

(with `codemods` listed under `modules` in .libcst.codemod.yaml). It rewrites what
`python -m codemods.fix_len` rewrites, from the same findings.
"""

from __future__ import annotations

import argparse

import libcst as cst
from libcst.codemod import CodemodCommand
from libcst.codemod.visitors import AddImportsVisitor

from flake8_dplen.analysis import analyze_module, locate
from flake8_dplen.config import Config
from flake8_dplen.rewrite import add_helpers, plan, replace_nodes, source_lines


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
        located = locate(tree, analyze_module(tree, self.config, self.context.full_module_name))
        planned = plan(source_lines(tree.code), located)
        if not planned.fixes:
            return tree
        for module in sorted(planned.imports):
            AddImportsVisitor.add_needed_import(self.context, module)
        return add_helpers(replace_nodes(tree, planned.fixes), planned.helpers)
