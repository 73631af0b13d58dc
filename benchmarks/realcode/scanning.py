"""One unpacked tree through the plugin's core, file by file as flake8 runs it, and
through the codemod's --check as a user would run it."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, List, Optional, Tuple

import libcst as cst
from environment import REPO

from flake8_dplen.core.analysis import module_name_for, sampler_contexts
from flake8_dplen.core.names import ImportTable
from flake8_dplen.core.samplers import find_samplers, module_classes
from flake8_dplen.engine import analyze_source

from .fetching import python_files, read_text
from .packages import bases_args, config_for

if TYPE_CHECKING:
    from .rewriting import RewriteResult


@dataclass
class Hit:
    package: str
    path: str  # relative to the package tree
    line: int
    column: int  # 1-based, as flake8 prints it
    code: str
    gating: bool
    message: str
    fixable: bool


@dataclass
class PackageResult:
    label: str
    wheel: str
    files: int = 0
    parsed: int = 0  # files that passed the prefilter and were parsed
    samplers: int = 0  # sampler classes (torch bases, directly or through the module)
    with_len: int = 0  # of those, the ones that define __len__ (what the rules analyse)
    sampler_names: List[str] = field(default_factory=list)
    hits: List[Hit] = field(default_factory=list)
    errors: List[str] = field(default_factory=list)
    seconds: float = 0.0
    codemod_hits: List[Tuple[str, int, int, str]] = field(default_factory=list)
    codemod_seconds: float = 0.0
    codemod_status: Optional[int] = None
    codemod_stderr: str = ""
    rewrite: Optional[RewriteResult] = None


def analyze_tree(label: str, tree: Path) -> PackageResult:
    config = config_for(label)
    wheel = (tree / ".wheel").read_text().strip() if (tree / ".wheel").is_file() else "?"
    result = PackageResult(label, wheel)
    start = time.perf_counter()
    for path in python_files(tree):
        result.files += 1
        rel = str(path.relative_to(tree))
        try:
            text = read_text(path)
            module, located = analyze_source(text, config, str(path))
        except cst.ParserSyntaxError as exc:
            result.errors.append(f"{rel}: cannot parse: {str(exc).splitlines()[0]}")
            continue
        except Exception as exc:  # a crash of the core is itself a finding of this run
            result.errors.append(f"{rel}: {type(exc).__name__}: {exc}")
            continue
        if module is None:
            continue
        result.parsed += 1
        module_name = module_name_for(str(path))
        classes = module_classes(module)
        all_samplers = find_samplers(classes, ImportTable(module, module_name), config.sampler_bases)
        result.samplers += len(all_samplers)
        for ctx in sampler_contexts(module, config, module_name):
            # Contexts also stand for classes that only override __iter__ (the shape
            # rules'): count the ones that define __len__.
            if ctx.defines("__len__"):
                result.with_len += 1
                result.sampler_names.append(f"{rel}::{ctx.cls.name.value}")
        for item in located:
            f = item.finding
            result.hits.append(
                Hit(label, rel, item.line, item.column + 1, f.code, f.gating, f.message, f.fix is not None)
            )
    result.seconds = time.perf_counter() - start
    return result


_ROW = re.compile(r"^(?P<path>.+?):(?P<line>\d+):(?P<col>\d+): (?P<code>DPL\d+) ")


def codemod_check(result: PackageResult, tree: Path, jobs: int) -> None:
    """`python -m codemods.fix_len --check` over the tree, as a user would run it."""
    start = time.perf_counter()
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "codemods.fix_len",
            "--check",
            "-j",
            str(jobs),
            *bases_args(result.label),
            str(tree),
        ],
        capture_output=True,
        text=True,
        cwd=REPO,
    )
    result.codemod_seconds = time.perf_counter() - start
    result.codemod_status = done.returncode
    result.codemod_stderr = done.stderr.strip()
    for line in done.stdout.splitlines():
        match = _ROW.match(line)
        if match:
            rel = os.path.relpath(match["path"], tree)
            result.codemod_hits.append((rel, int(match["line"]), int(match["col"]), match["code"]))


def codemod_agrees(result: PackageResult) -> List[str]:
    """The codemod must report exactly the plugin's DPL1 findings: one core, two faces."""
    plugin = Counter((h.path, h.line, h.column, h.code) for h in result.hits if h.gating)
    codemod = Counter(result.codemod_hits)
    problems = []
    for key in sorted(plugin - codemod):
        problems.append(f"plugin only: {key}")
    for key in sorted(codemod - plugin):
        problems.append(f"codemod only: {key}")
    return problems
