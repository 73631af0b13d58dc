"""The engine: source text and the rules to judge it by in, findings with positions out.

It imports no rule: flake8_dplen/engine.py hands it every rule for the faces (plugin,
codemod, docs, tests), so a rule is judged by one engine and the engine knows no rule."""

from __future__ import annotations

import ast
import dataclasses
import os
import sys
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Callable, Iterable, List, Optional, Sequence, Tuple, Union

from ..config import Config
from . import syntax as cst
from .classindex import ClassIndex
from .context import Finding, SamplerContext
from .flow import Flow
from .iterfacts import iter_facts
from .names import ImportTable
from .prefilter import could_report, might_define_sampler
from .project import foreign_bases, module_bindings, project_root
from .rounding import rounding_kind
from .samplers import class_lineage, find_samplers, module_classes

DEFAULT_CONFIG = Config()


def module_name_for(path: Optional[str]) -> Optional[str]:
    """Dotted module name from the package folders above `path`, for relative imports."""
    if not path or not path.endswith(".py"):
        return None
    folder, filename = os.path.split(os.path.abspath(path))
    parts = [] if filename == "__init__.py" else [filename[:-3]]
    while os.path.isfile(os.path.join(folder, "__init__.py")):
        folder, package = os.path.split(folder)
        parts.insert(0, package)
    return ".".join(parts) or None


def sampler_contexts(
    module: cst.Module, config: Config, module_name: Optional[str] = None, path: Optional[str] = None
) -> Iterable[SamplerContext]:
    """Each sampler class of `module`; `path`, the file's, lets the model read the bases
    its classes import from other modules of the project (core/project.py)."""
    imports = ImportTable(module, module_name)
    classes = module_classes(module)
    root = project_root(path, module_name)
    samplers = find_samplers(classes, imports, config.sampler_bases, root)
    if not samplers:
        return
    constants = module_bindings(module)
    for cls in samplers:
        lineage = class_lineage(cls, classes)
        index = ClassIndex.build(lineage)
        context = SamplerContext(
            module,
            imports,
            cls,
            index,
            Flow(index, imports, constants),
            iter_facts(index, imports),
            tuple(lineage),
            tuple(foreign_bases(lineage, imports, root)),
            root,
        )
        # A class that defines neither is judged where they are defined.
        if context.defines("__len__") or context.defines("__iter__"):
            yield context


def analyze_module(
    module: cst.Module,
    config: Config = DEFAULT_CONFIG,
    module_name: Optional[str] = None,
    *,
    rules: Sequence,
    path: Optional[str] = None,
) -> List[Finding]:
    """What `rules` (rules/base.py's Rule objects) find in every sampler of `module`, the
    file at `path` (when given, bases in other modules of its project are read)."""
    findings: List[Finding] = []
    seen = set()
    for ctx in sampler_contexts(module, config, module_name, path):
        first = len(findings)  # this class's findings start here (fallback rules look)
        # Rounding is judged only where __len__ is defined: a subclass that inherits it
        # would repeat its base's findings at the same place.
        sites = ctx.flow.reach(ctx.len_roots()) if ctx.defines("__len__") else ()
        for site in sites:
            scope = (site.fn.locals.keys() | site.fn.params.keys()) if site.fn is not None else ()
            kind = rounding_kind(site.node, ctx.imports, scope)
            if kind is None:
                continue
            for rule in rules:
                if kind in rule.kinds:
                    _keep(findings, seen, ctx, rule.check(ctx, site, kind))
        for rule in rules:
            if rule.fallback and any(f.gating for f in findings[first:]):
                continue
            if not rule.kinds:
                for finding in rule.check_class(ctx):
                    _keep(findings, seen, ctx, finding)
    return findings


def _keep(findings: List[Finding], seen: set, ctx: SamplerContext, finding: Optional[Finding]) -> None:
    # A rounding in __init__ reached from two samplers is one bug, reported once.
    if finding is not None and (finding.code, id(finding.node)) not in seen:
        seen.add((finding.code, id(finding.node)))
        findings.append(dataclasses.replace(finding, cls=ctx.cls))


@dataclass(frozen=True)
class Located:
    """A finding at the line and column flake8 reports."""

    line: int
    column: int  # 0-based, as flake8 expects from a plugin
    finding: Finding


def locate(findings: List[Finding]) -> List[Located]:
    """(line, column) of each finding, where LibCST's PositionProvider would place its node
    (core/syntax.py keeps each node's span)."""
    located = [Located(*cst.position(f.node), f) for f in findings]
    return sorted(located, key=lambda item: (item.line, item.column, item.finding.code))


@contextmanager
def deep_recursion(limit: int = 20000):
    """For building the model's tree and walking it: they recurse a few frames per level
    of nesting, so a 150-deep literal that Python itself accepts, anywhere in the file,
    would otherwise exhaust the default limit of 1000."""
    before = sys.getrecursionlimit()
    sys.setrecursionlimit(max(before, limit))
    try:
        yield
    finally:
        sys.setrecursionlimit(before)


def analyze_text(
    source: str,
    config: Config = DEFAULT_CONFIG,
    path: Optional[str] = None,
    tree: Optional[ast.Module] = None,
    *,
    rules: Sequence,
):
    """Build the model's tree (once) and analyse, with no cheap test first; `tree` is the
    file's `ast` when the caller has parsed it already."""
    with deep_recursion():
        module = cst.parse_module(source, tree)
    findings = analyze_module(module, config, module_name_for(path), rules=rules, path=path)
    return module, locate(findings)


def analyze_source(
    source: str,
    config: Config = DEFAULT_CONFIG,
    path: Optional[str] = None,
    tree: Union[ast.Module, Callable[[str], ast.Module], None] = None,
    *,
    rules: Sequence,
) -> Tuple[Optional[cst.Module], List[Located]]:
    """The cheap tests, then `analyze_text`; (None, []) when a test rules the file out.
    `tree` is the file's `ast`, or a function that makes it: the codemod passes
    `ast.parse`, which also rejects nesting that would crash LibCST's native parser."""
    if not might_define_sampler(source, config):
        return None, []
    if tree is not None:
        if callable(tree):
            tree = tree(source)
        if not could_report(tree, config):
            return None, []
    return analyze_text(source, config, path, tree, rules=rules)
