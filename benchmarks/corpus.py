"""flake8-dplen over real code: the wheels of packages whose data pipelines define samplers.

Each package's wheel is fetched with ``pip download --no-deps --only-binary=:all:`` (no
sdist is ever built), unpacked into a cache folder, and every ``.py`` file in it goes
through the same core flake8 calls (``analyze_source``) and through
``python -m codemods.fix_len --check``. Then the codemod is run for real on a copy of each
tree, and every file it changes is checked: it compiles, only the flagged expressions
changed (plus an ``import math`` and/or the appended ``_dplen_expected_pieces``), and a
second run changes nothing.

    .venv/bin/python benchmarks/corpus.py                      # fetch (or reuse) and report
    .venv/bin/python benchmarks/corpus.py --offline            # reuse the cache, no pip
    .venv/bin/python benchmarks/corpus.py --packages opacus-1.4.1,speechbrain
    .venv/bin/python benchmarks/corpus.py --findings           # list every finding too
    .venv/bin/python benchmarks/corpus.py --runtime            # also len() vs batches, for real

``--runtime`` constructs every sampler class of the corpus that a recipe below knows how
to build, from the unpacked wheel (its module run statement by statement, see
``TreeLoader``: most packages' dependencies are not installed), iterates it over small
configurations and compares ``len()`` with the batches yielded. Each mismatch is matched
against the findings in that class, so misses (false negatives) are listed; a class with a
finding is run again from the codemod's output, to show whether the fix makes it agree.

Exit status: 0 when the codemod checks all pass and the codemod agrees with the plugin;
1 otherwise; 2 when a package could not be fetched or unpacked.
"""

from __future__ import annotations

import argparse
import ast
import difflib
import io
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
import tokenize
import zipfile
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Dict, List, Optional, Sequence, Tuple

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))
sys.path.insert(0, str(REPO))

import libcst as cst  # noqa: E402
from libcst.metadata import MetadataWrapper, PositionProvider  # noqa: E402

from flake8_dplen.core.analysis import (  # noqa: E402
    analyze_source,
    module_name_for,
    sampler_contexts,
)
from flake8_dplen.core.names import ImportTable  # noqa: E402
from flake8_dplen.core.samplers import find_samplers, module_classes  # noqa: E402

# (label, pip requirement). Versions are pinned so that the triage in corpus_findings.md
# stays about the same code; torch must stay 2.13.0, the CPU wheel on local disk (any
# other spec resolves to gigabytes of CUDA wheels).
PACKAGES: List[Tuple[str, str]] = [
    ("torch", "torch==2.13.0"),
    ("opacus-1.4.1", "opacus==1.4.1"),
    ("opacus-1.6.0", "opacus==1.6.0"),
    ("pytorch-lightning", "pytorch-lightning==2.6.6"),
    ("transformers", "transformers==5.24.0"),
    ("accelerate", "accelerate==1.15.0"),
    ("torch-geometric", "torch-geometric==2.8.1"),
    ("speechbrain", "speechbrain==1.1.2"),
    ("mmengine", "mmengine==0.10.7"),
    ("allennlp", "allennlp==2.10.1"),
    ("catalyst", "catalyst==22.4"),
    ("pytorch-metric-learning", "pytorch-metric-learning==2.9.0"),
    ("espnet", "espnet==202511"),
    ("avalanche-lib", "avalanche-lib==0.6.0"),
    ("torchvision", "torchvision==0.29.1"),
    ("sentence-transformers", "sentence-transformers==6.2.0"),
    ("trl", "trl==1.16.0"),
    ("mmdet", "mmdet==3.3.0"),
    ("ultralytics", "ultralytics==8.4.190"),
    ("monai", "monai==1.6.1"),
    ("chemprop", "chemprop==2.3.1"),
    ("flair", "flair==0.15.1"),
    ("pytorch-forecasting", "pytorch-forecasting==1.8.0"),
    ("pytorch-ignite", "pytorch-ignite==0.5.5"),
    ("torchgeo", "torchgeo==0.8.1"),
]

# Base classes from another module of the same package, named as a user would in
# `dplen-sampler-bases`: without them subclasses of espnet's AbsSampler are not samplers
# to the analysis (it resolves bases within a module only).
SAMPLER_BASES: Dict[str, Tuple[str, ...]] = {
    "espnet": ("espnet2.samplers.abs_sampler.AbsSampler",),
}

CODES = ("DPL101", "DPL102", "DPL103", "DPL104", "DPL105", "DPL201", "DPL000")


# ----------------------------------------------------------------------------- fetching


class FetchError(Exception):
    pass


def fetch(label: str, requirement: str, cache: Path, offline: bool) -> Path:
    """The unpacked tree of `requirement`'s wheel, downloading it unless it is cached."""
    tree = cache / "src" / label
    marker = tree / ".unpacked"
    if marker.is_file():
        return tree
    wheels = cache / "wheels" / label
    found = sorted(wheels.glob("*.whl")) if wheels.is_dir() else []
    if not found:
        if offline:
            raise FetchError(f"{label}: not in the cache {cache} and --offline was given")
        wheels.mkdir(parents=True, exist_ok=True)
        # A separate folder per label: pip prints nothing reliable about which file it
        # kept when the wheel was already there, and two opacus versions share a name.
        command = [
            sys.executable,
            "-m",
            "pip",
            "download",
            "--no-deps",
            "--no-build-isolation",
            "--only-binary=:all:",
            "--quiet",
            "-d",
            str(wheels),
            requirement,
        ]
        if requirement.startswith("torch=="):
            command[4:4] = ["-c", str(REPO / "constraints.txt")]
        done = subprocess.run(command, capture_output=True, text=True)
        found = sorted(wheels.glob("*.whl"))
        if done.returncode != 0 or len(found) != 1:
            raise FetchError(f"{label}: pip download failed: {done.stderr.strip()[-500:]}")
    if tree.exists():
        shutil.rmtree(tree)
    tree.mkdir(parents=True)
    with zipfile.ZipFile(found[0]) as wheel:
        for name in wheel.namelist():
            # Only Python sources matter here; torch's wheel is mostly shared objects.
            if name.endswith(".py") and ".dist-info/" not in name and not name.startswith("/"):
                if ".." in Path(name).parts:
                    continue
                wheel.extract(name, tree)
    (tree / ".wheel").write_text(found[0].name + "\n")
    marker.write_text("")
    return tree


# ----------------------------------------------------------------------------- analysis


def config_for(label: str):
    from flake8_dplen.config import Config

    return Config(sampler_bases=SAMPLER_BASES.get(label, ()))


@dataclass
class Hit:
    package: str
    path: str  # relative to the package tree
    line: int
    column: int  # 1-based, as flake8 prints it
    code: str
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
    rewrite: Optional["RewriteResult"] = None


def read_text(path: Path) -> str:
    data = path.read_bytes()
    encoding, _ = tokenize.detect_encoding(io.BytesIO(data).readline)
    return data.decode(encoding)


def python_files(tree: Path) -> List[Path]:
    return sorted(p for p in tree.rglob("*.py") if p.is_file())


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
            result.with_len += 1
            result.sampler_names.append(f"{rel}::{ctx.cls.name.value}")
        for item in located:
            f = item.finding
            result.hits.append(
                Hit(label, rel, item.line, item.column + 1, f.code, f.message, f.fix is not None)
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
            *_bases_args(result.label),
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


def _bases_args(label: str) -> List[str]:
    bases = SAMPLER_BASES.get(label, ())
    return ["--sampler-bases", ",".join(bases)] if bases else []


def codemod_agrees(result: PackageResult) -> List[str]:
    """The codemod must report exactly the plugin's DPL1 findings: one core, two faces."""
    plugin = Counter((h.path, h.line, h.column, h.code) for h in result.hits if h.code.startswith("DPL1"))
    codemod = Counter(result.codemod_hits)
    problems = []
    for key in sorted(plugin - codemod):
        problems.append(f"plugin only: {key}")
    for key in sorted(codemod - plugin):
        problems.append(f"codemod only: {key}")
    return problems


# ----------------------------------------------------------------------------- rewriting


@dataclass
class RewriteResult:
    changed: List[str] = field(default_factory=list)
    problems: List[str] = field(default_factory=list)
    second_run_changed: List[str] = field(default_factory=list)


def fix_ranges(text: str, path: str, config) -> List[Tuple[Tuple[int, int], Tuple[int, int]]]:
    """((line, col), (line, col)) spans of the nodes the fixes replace, in the original."""
    module, located = analyze_source(text, config, path)
    if module is None:
        return []
    from flake8_dplen.fixes.rewrite import plan

    planned = plan(text, located)
    if not planned.fixes:
        return []
    positions = MetadataWrapper(module, unsafe_skip_copy=True).resolve(PositionProvider)
    spans = []
    for item in planned.fixes:
        where = positions[item.finding.fix.node]
        spans.append(((where.start.line, where.start.column), (where.end.line, where.end.column)))
    return spans


def _inside(node: ast.AST, spans, lines: Sequence[str]) -> bool:
    """`node` lies within one of the replaced spans (libcst spans may include the
    parentheses that ast leaves out, so containment is the test, not equality)."""
    if not isinstance(node, ast.expr):
        return False

    def char_col(line: int, byte_col: int) -> int:
        # ast columns count UTF-8 bytes, libcst's count characters.
        return len(lines[line - 1].encode("utf-8")[:byte_col].decode("utf-8", "replace"))

    start = (node.lineno, char_col(node.lineno, node.col_offset))
    end = (node.end_lineno, char_col(node.end_lineno, node.end_col_offset))
    return any(span[0] <= start and end <= span[1] for span in spans)


def _differences(old, new, parent) -> List[Any]:
    """The outermost nodes of `old` at which `new` differs (a node whose own fields or
    child counts differ is reported itself; otherwise the search goes down)."""
    if type(old) is not type(new):
        return [old if isinstance(old, ast.AST) else parent]
    if isinstance(old, ast.AST):
        found = []
        for name in old._fields:
            x, y = getattr(old, name, None), getattr(new, name, None)
            if isinstance(x, list):
                if not isinstance(y, list) or len(x) != len(y):
                    found.append(old)
                    continue
                for i, j in zip(x, y):
                    found += _differences(i, j, old)
            else:
                found += _differences(x, y, old)
        return found
    return [] if old == new else [parent]


def _is_added(stmt: ast.stmt) -> bool:
    if isinstance(stmt, ast.Import) and [(a.name, a.asname) for a in stmt.names] == [("math", None)]:
        return True
    return isinstance(stmt, ast.FunctionDef) and stmt.name == "_dplen_expected_pieces"


def ast_changes_allowed(old_text: str, new_text: str, spans, label: str) -> List[str]:
    """Every difference between the two syntax trees sits inside a replaced expression,
    apart from an added `import math` and the appended helper."""
    old, new = ast.parse(old_text), ast.parse(new_text)
    before = {ast.dump(s) for s in old.body if _is_added(s)}
    body = [s for s in new.body if not (_is_added(s) and ast.dump(s) not in before)]
    if len(body) != len(old.body):
        return [f"{label}: statements added or removed beyond `import math` / the helper"]
    lines = old_text.splitlines()
    problems = []
    for a, b in zip(old.body, body):
        for node in _differences(a, b, a):
            if not _inside(node, spans, lines):
                where = getattr(node, "lineno", "?")
                kind = type(node).__name__
                problems.append(f"{label}:{where}: {kind} changed outside the flagged expressions")
    return problems


def line_changes_allowed(old_text: str, new_text: str, spans, label: str) -> List[str]:
    """Text-level: no line outside a replaced span may change (comments, spacing...)."""
    old, new = old_text.splitlines(), new_text.splitlines()
    touched = set()
    for (l1, _), (l2, _) in spans:
        touched.update(range(l1, l2 + 1))
    problems = []
    matcher = difflib.SequenceMatcher(a=old, b=new, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            continue
        changed = set(range(i1 + 1, i2 + 1))
        if not changed <= touched:
            problems.append(f"{label}: lines {sorted(changed - touched)[:5]} changed outside a fix")
        if tag == "insert":
            added = "\n".join(new[j1:j2]).strip()
            helper = i1 == len(old) and "def _dplen_expected_pieces" in added
            beside_fix = i1 in touched or i1 + 1 in touched
            if not (added == "import math" or helper or beside_fix):
                problems.append(f"{label}: lines inserted before line {i1 + 1}: {added[:60]!r}")
    return problems


def snapshot(tree: Path) -> Dict[str, bytes]:
    return {str(p.relative_to(tree)): p.read_bytes() for p in python_files(tree)}


def rewrite_copy(result: PackageResult, tree: Path, jobs: int) -> RewriteResult:
    """Run the codemod for real on a copy, then judge every file it changed."""
    out = RewriteResult()
    if not any(h.code.startswith("DPL1") for h in result.hits):
        return out
    config = config_for(result.label)
    command = [sys.executable, "-m", "codemods.fix_len", "-q", "-j", str(jobs), *_bases_args(result.label)]
    with tempfile.TemporaryDirectory(prefix=f"dplen-{result.label}-") as tmp:
        copy = Path(tmp) / "tree"
        shutil.copytree(tree, copy)
        before = snapshot(copy)
        subprocess.run([*command, str(copy)], capture_output=True, text=True, cwd=REPO)
        after = snapshot(copy)
        for rel, data in sorted(after.items()):
            if before.get(rel) == data:
                continue
            out.changed.append(rel)
            old_text, new_text = before[rel].decode("utf-8"), data.decode("utf-8")
            try:
                compile(new_text, rel, "exec")
            except SyntaxError as exc:
                out.problems.append(f"{rel}: fixed file does not compile: {exc}")
                continue
            spans = fix_ranges(old_text, str(tree / rel), config)
            if not spans:
                out.problems.append(f"{rel}: changed although no fixable finding was planned")
                continue
            out.problems += ast_changes_allowed(old_text, new_text, spans, rel)
            out.problems += line_changes_allowed(old_text, new_text, spans, rel)
            _, left = analyze_source(new_text, config, str(copy / rel))
            for item in left:
                if item.finding.code.startswith("DPL1") and item.finding.fix is not None:
                    out.problems.append(f"{rel}:{item.line}: {item.finding.code} still fixable after the fix")
        flagged = {h.path for h in result.hits if h.code.startswith("DPL1") and h.fixable}
        for rel in sorted(flagged - set(out.changed)):
            out.problems.append(f"{rel}: has a fixable finding but the codemod left it unchanged")
        subprocess.run([*command, str(copy)], capture_output=True, text=True, cwd=REPO)
        again = snapshot(copy)
        out.second_run_changed = sorted(rel for rel in after if again.get(rel) != after[rel])
    return out


# ----------------------------------------------------------------------------- runtime
#
# The runtime half runs in one subprocess per package (`--runtime-worker LABEL`): two
# opacus releases cannot share an interpreter, and one package's half-loaded modules must
# not leak into the next package's run.

import __future__ as _future  # noqa: E402

import builtins  # noqa: E402
import types  # noqa: E402

_REAL_IMPORT = builtins.__import__


class _Missing:
    """Stands in for a name whose import failed where a definition needs it only as a
    decorator or an annotation (`@typechecked`, `@REGISTRY.register_module()`, `x: Data`):
    called on a function or class it gives that back, otherwise another stand-in."""

    def __call__(self, *args, **kwargs):
        if len(args) == 1 and not kwargs and callable(args[0]):
            return args[0]
        return _Missing()

    def __getattr__(self, name):
        if name.startswith("__"):
            raise AttributeError(name)
        return _Missing()

    def __getitem__(self, item):
        return _Missing()

    def __or__(self, other):
        return _Missing()

    __ror__ = __or__


def _soft_names(stmt: ast.stmt) -> set:
    """Names a class or function statement uses in decorators and annotations."""
    names = set()
    for node in ast.walk(stmt):
        parts = []
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            parts += node.decorator_list
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            parts.append(node.returns)
        if isinstance(node, ast.arg):
            parts.append(node.annotation)
        if isinstance(node, ast.AnnAssign):
            parts.append(node.annotation)
        for part in parts:
            if part is not None:
                names.update(n.id for n in ast.walk(part) if isinstance(n, ast.Name))
    return names


def dotted_name(rel: str) -> str:
    parts = Path(rel).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


class TreeLoader:
    """Runs modules of an unpacked wheel without importing its package.

    Importing a package runs its `__init__` and pulls every dependency, most of which are
    not installed here. Instead each module runs statement by statement in a fresh module
    object: imports of the package's own modules are served from the tree (only the module
    asked for runs, not its parents' `__init__`), other imports are real, and a statement
    that fails is skipped and recorded. A sampler class usually needs only torch, numpy
    and a helper or two, so it survives."""

    def __init__(self, tree: Path, own: Sequence[str], overrides: Optional[Dict[str, str]] = None) -> None:
        self.tree = tree
        self.own = set(own)
        self.overrides = overrides or {}  # dotted name -> source used instead of the file's
        self.modules: Dict[str, types.ModuleType] = {}
        self.executed: set = set()
        self.skipped: Dict[str, List[str]] = defaultdict(list)
        self.builtins = dict(builtins.__dict__)
        self.builtins["__import__"] = self._import

    def _file(self, dotted: str) -> Tuple[Optional[Path], bool]:
        base = self.tree.joinpath(*dotted.split("."))
        if (base / "__init__.py").is_file():
            return base / "__init__.py", True
        if base.with_suffix(".py").is_file():
            return base.with_suffix(".py"), False
        return None, base.is_dir()

    def module(self, dotted: str, execute: bool = True) -> types.ModuleType:
        mod = self.modules.get(dotted)
        if mod is None:
            path, is_package = self._file(dotted)
            if path is None and not is_package:
                raise ImportError(f"{dotted} is not in {self.tree}")
            mod = types.ModuleType(dotted)
            mod.__file__ = str(path) if path else None
            mod.__package__ = dotted if is_package else dotted.rpartition(".")[0]
            if is_package:
                mod.__path__ = [str(self.tree.joinpath(*dotted.split(".")))]
            mod.__builtins__ = self.builtins
            self.modules[dotted] = mod
            parent, _, leaf = dotted.rpartition(".")
            if parent:
                setattr(self.module(parent, execute=False), leaf, mod)
        if execute and dotted not in self.executed:
            # Marked before it runs: a circular import then sees the partial module, as in Python.
            self.executed.add(dotted)
            if mod.__file__:
                self._run(mod)
        return mod

    def load_file(self, rel: str) -> types.ModuleType:
        return self.module(dotted_name(rel))

    def _run(self, mod: types.ModuleType) -> None:
        source = self.overrides.get(mod.__name__)
        tree = ast.parse(source if source is not None else read_text(Path(mod.__file__)))
        flags = 0
        for stmt in tree.body:
            if isinstance(stmt, ast.ImportFrom) and stmt.module == "__future__":
                for alias in stmt.names:
                    feature = getattr(_future, alias.name, None)
                    flags |= getattr(feature, "compiler_flag", 0)
                continue
            code = compile(ast.Module([stmt], []), mod.__file__, "exec", flags=flags, dont_inherit=True)
            soft = _soft_names(stmt) if isinstance(stmt, (ast.ClassDef, ast.FunctionDef)) else set()
            for _ in range(8):
                try:
                    exec(code, mod.__dict__)
                except NameError as exc:
                    if exc.name in soft and exc.name not in mod.__dict__:
                        mod.__dict__[exc.name] = _Missing()
                        continue
                    self.skipped[mod.__name__].append(f"line {stmt.lineno}: NameError: {exc}")
                except (Exception, SystemExit) as exc:
                    first = str(exc).splitlines()[0][:120] if str(exc) else ""
                    self.skipped[mod.__name__].append(f"line {stmt.lineno}: {type(exc).__name__}: {first}")
                break

    def _import(self, name, globals=None, locals=None, fromlist=(), level=0):
        if level:
            package = (globals or {}).get("__package__") or ""
            bits = package.split(".")
            base = ".".join(bits[: len(bits) - (level - 1)]) if level > 1 else package
            absolute = f"{base}.{name}" if name else base
        else:
            absolute = name
        top = absolute.split(".")[0]
        if top not in self.own:
            if level:
                raise ImportError(f"relative import {absolute} outside the tree")
            return _REAL_IMPORT(name, globals, locals, fromlist, level)
        mod = self.module(absolute)
        if fromlist:
            for item in fromlist:
                if item != "*" and not hasattr(mod, item):
                    path, is_package = self._file(f"{absolute}.{item}")
                    if path is not None or is_package:
                        self.module(f"{absolute}.{item}")
            return mod
        return mod if level else self.modules[top]


@dataclass
class Case:
    config: str
    build: Callable[[], Any]
    epochs: int = 1
    expected: Optional[float] = None
    reseed: Optional[Callable[[int], Any]] = None
    # A piece of the source line that this case exercises, to tie a mismatch to the
    # finding on that line when a class has more than one.
    marker: Optional[str] = None
    repeat: int = 1  # consecutive epochs checked one by one (samplers with per-epoch state)


@dataclass
class Recipe:
    label: str
    rel: str
    cls: str
    cases: Optional[Callable[..., Any]] = None
    skip: Optional[str] = None  # why this sampler is not run


RECIPES: List[Recipe] = []


def recipe(label: str, rel: str, cls: str):
    def register(function):
        RECIPES.append(Recipe(label, rel, cls, function))
        return function

    return register


def not_run(label: str, rel: str, cls: str, why: str) -> None:
    RECIPES.append(Recipe(label, rel, cls, skip=why))


def _torch():
    import torch.utils.data as tud

    return tud


def _batches(n: int, b: int, drop_last: bool = False):
    tud = _torch()
    return tud.BatchSampler(tud.SequentialSampler(range(n)), b, drop_last)


def _no_optimizer():
    # BatchSplittingSampler only tells its optimizer where a logical batch ends.
    return types.SimpleNamespace(signal_skip_step=lambda do_skip=True: None)


def _gloo() -> None:
    """A one-process gloo group, for the opacus samplers that ask for world size and rank."""
    import torch.distributed as dist

    if not dist.is_initialized():
        store = Path(tempfile.mkdtemp(prefix="dplen-gloo-")) / "store"
        dist.init_process_group("gloo", init_method=f"file://{store}", rank=0, world_size=1)


def _labels(counts: Sequence[int]) -> List[int]:
    return [label for label, count in enumerate(counts) for _ in range(count)]


# --- torch -----------------------------------------------------------------------------

TORCH_N = (0, 1, 7, 10, 64)


@recipe("torch", "torch/utils/data/sampler.py", "SequentialSampler")
def _(m, loader):
    for n in TORCH_N:
        yield Case(f"n={n}", lambda n=n: m.SequentialSampler(range(n)))


@recipe("torch", "torch/utils/data/sampler.py", "RandomSampler")
def _(m, loader):
    for n, replacement, num in [(7, False, None), (7, True, 3), (7, False, 12), (1, True, 9)]:
        yield Case(
            f"n={n} replacement={replacement} num_samples={num}",
            lambda n=n, r=replacement, k=num: m.RandomSampler(range(n), replacement=r, num_samples=k),
        )


@recipe("torch", "torch/utils/data/sampler.py", "SubsetRandomSampler")
def _(m, loader):
    for indices in ([], [3], [1, 3, 5, 9]):
        yield Case(f"indices={indices}", lambda i=indices: m.SubsetRandomSampler(i))


@recipe("torch", "torch/utils/data/sampler.py", "WeightedRandomSampler")
def _(m, loader):
    for k, replacement in [(5, True), (2, False), (3, False)]:
        yield Case(
            f"num_samples={k} replacement={replacement}",
            lambda k=k, r=replacement: m.WeightedRandomSampler([0.1, 0.5, 0.4], k, replacement=r),
        )


@recipe("torch", "torch/utils/data/sampler.py", "BatchSampler")
def _(m, loader):
    for n in TORCH_N:
        for b in (1, 3, 4):
            for drop_last in (False, True):
                yield Case(
                    f"n={n} b={b} drop_last={drop_last}",
                    lambda n=n, b=b, d=drop_last: m.BatchSampler(m.SequentialSampler(range(n)), b, d),
                )


@recipe("torch", "torch/utils/data/distributed.py", "DistributedSampler")
def _(m, loader):
    for n in (1, 7, 10):
        for replicas in (1, 3, 4):
            for rank in range(replicas):
                for drop_last in (False, True):
                    yield Case(
                        f"n={n} replicas={replicas} rank={rank} drop_last={drop_last}",
                        lambda n=n, r=replicas, k=rank, d=drop_last: m.DistributedSampler(
                            range(n), num_replicas=r, rank=k, shuffle=True, drop_last=d
                        ),
                    )


@recipe(
    "torch",
    "torch/distributed/elastic/utils/data/elastic_distributed_sampler.py",
    "ElasticDistributedSampler",
)
def _(m, loader):
    for n, replicas, start in [(10, 3, 0), (10, 3, 4), (7, 2, 6), (64, 4, 13)]:
        for rank in range(replicas):
            yield Case(
                f"n={n} replicas={replicas} rank={rank} start={start}",
                lambda n=n, r=replicas, k=rank, s=start: m.ElasticDistributedSampler(
                    range(n), num_replicas=r, rank=k, start_index=s
                ),
            )


# --- opacus ----------------------------------------------------------------------------


def _opacus(label: str) -> None:
    @recipe(label, "opacus/utils/batch_memory_manager.py", "BatchSplittingSampler")
    def _(m, loader):
        import torch

        from flake8_dplen.runtime import expected_poisson_batches

        uniform = loader.module("opacus.utils.uniform_sampler")
        for n in (1, 5, 10, 37, 100, 370):
            for b in (3, 7, 58):
                for mb in (2, 3, 7):
                    for drop_last in (False, True):
                        yield Case(
                            f"BatchSampler n={n} b={b} max={mb} drop_last={drop_last}",
                            lambda n=n, b=b, mb=mb, d=drop_last: m.BatchSplittingSampler(
                                sampler=_batches(n, b, d), max_batch_size=mb, optimizer=_no_optimizer()
                            ),
                            marker="self.sampler.batch_size",
                        )
        for n, q, mb in [(100, 0.05, 4), (1000, 0.05, 16), (1000, 0.2, 64), (60, 0.1, 2)]:
            g = torch.Generator()
            steps = int(1 / q)
            yield Case(
                f"Poisson n={n} q={q} max={mb}",
                lambda n=n, q=q, mb=mb, g=g: m.BatchSplittingSampler(
                    sampler=uniform.UniformWithReplacementSampler(num_samples=n, sample_rate=q, generator=g),
                    max_batch_size=mb,
                    optimizer=_no_optimizer(),
                ),
                epochs=100,
                expected=expected_poisson_batches(n, q, mb, steps, empty_batch_counts=True),
                reseed=lambda epoch, g=g: g.manual_seed(epoch),
                marker="expected_batch_size",
            )

    @recipe(label, "opacus/utils/uniform_sampler.py", "UniformWithReplacementSampler")
    def _(m, loader):
        for n, q in [(10, 0.1), (100, 1 / 93), (50, 0.3), (7, 0.5)]:
            yield Case(
                f"n={n} q={q:.4g}",
                lambda n=n, q=q: m.UniformWithReplacementSampler(num_samples=n, sample_rate=q),
            )

    @recipe(label, "opacus/utils/uniform_sampler.py", "DistributedUniformWithReplacementSampler")
    def _(m, loader):
        import torch

        _gloo()
        for n, q in [(1000, 0.05), (10, 0.05), (3, 0.1)]:
            g = torch.Generator()
            steps = int(1 / q)
            yield Case(
                f"world=1 n={n} q={q}",
                lambda n=n, q=q, g=g: m.DistributedUniformWithReplacementSampler(
                    total_size=n, sample_rate=q, generator=g
                ),
                epochs=100,
                # Empty logical batches are skipped, so the mean count is below `steps`.
                expected=steps * (1 - (1 - q) ** n),
                reseed=lambda epoch, g=g: g.manual_seed(epoch),
            )


_opacus("opacus-1.4.1")
_opacus("opacus-1.6.0")


# --- pytorch-lightning -----------------------------------------------------------------


@recipe("pytorch-lightning", "pytorch_lightning/demos/lstm.py", "SequenceSampler")
def _(m, loader):
    for n in TORCH_N:
        for b in (1, 3, 4):
            yield Case(f"n={n} b={b}", lambda n=n, b=b: m.SequenceSampler(range(n), b))


@recipe("pytorch-lightning", "pytorch_lightning/overrides/distributed.py", "UnrepeatedDistributedSampler")
def _(m, loader):
    for n, replicas in [(7, 3), (10, 4), (3, 3)]:
        for rank in range(replicas):
            yield Case(
                f"n={n} replicas={replicas} rank={rank}",
                lambda n=n, r=replicas, k=rank: m.UnrepeatedDistributedSampler(
                    range(n), num_replicas=r, rank=k, shuffle=False
                ),
            )


@recipe("pytorch-lightning", "lightning_fabric/utilities/distributed.py", "DistributedSamplerWrapper")
def _(m, loader):
    for n, replicas in [(7, 3), (10, 4)]:
        for rank in range(replicas):
            yield Case(
                f"n={n} replicas={replicas} rank={rank}",
                lambda n=n, r=replicas, k=rank: m.DistributedSamplerWrapper(
                    _torch().SequentialSampler(range(n)), num_replicas=r, rank=k, shuffle=False
                ),
            )


# --- transformers ----------------------------------------------------------------------

LENGTHS = [5, 17, 3, 3, 40, 12, 8, 1, 22, 9, 9, 30, 2, 14, 6, 11, 19]


@recipe("transformers", "transformers/trainer_pt_utils.py", "LengthGroupedSampler")
def _(m, loader):
    for n in (1, 7, 17):
        for b in (1, 4):
            yield Case(f"n={n} b={b}", lambda n=n, b=b: m.LengthGroupedSampler(b, lengths=LENGTHS[:n]))


@recipe("transformers", "transformers/trainer_pt_utils.py", "ShardSampler")
def _(m, loader):
    for n in (1, 7, 10, 17):
        for b in (1, 3):
            for drop_last in (False, True):
                for procs in (1, 2, 3):
                    for index in range(procs):
                        yield Case(
                            f"n={n} b={b} drop_last={drop_last} procs={procs} index={index}",
                            lambda n=n, b=b, d=drop_last, p=procs, i=index: m.ShardSampler(
                                range(n), batch_size=b, drop_last=d, num_processes=p, process_index=i
                            ),
                        )


@recipe("transformers", "transformers/trainer_pt_utils.py", "BatchRebalanceSampler")
def _(m, loader):
    for n in (8, 17):
        for eff, dp, ga in [(4, 2, 2), (6, 1, 3), (8, 2, 1)]:
            for drop_last in (False, True):
                for rank in range(dp):
                    yield Case(
                        f"n={n} effective={eff} dp={dp} accum={ga} rank={rank} drop_last={drop_last}",
                        lambda n=n, e=eff, d=dp, a=ga, r=rank, dl=drop_last: m.BatchRebalanceSampler(
                            LENGTHS[:n], e, d, a, shuffle=False, rank=r, drop_last=dl
                        ),
                    )


@recipe("transformers", "transformers/trainer_pt_utils.py", "DistributedSamplerWithLoop")
def _(m, loader):
    for n, b, replicas in [(10, 4, 2), (7, 3, 3), (16, 4, 2), (5, 2, 1)]:
        for rank in range(replicas):
            yield Case(
                f"n={n} b={b} replicas={replicas} rank={rank}",
                lambda n=n, b=b, r=replicas, k=rank: m.DistributedSamplerWithLoop(
                    range(n), b, num_replicas=r, rank=k
                ),
            )


@recipe("transformers", "transformers/trainer_pt_utils.py", "DistributedLengthGroupedSampler")
def _(m, loader):
    for n, replicas in [(17, 2), (7, 3), (9, 4)]:
        for drop_last in (False, True):
            for rank in range(replicas):
                yield Case(
                    f"n={n} replicas={replicas} rank={rank} drop_last={drop_last}",
                    lambda n=n, r=replicas, k=rank, d=drop_last: m.DistributedLengthGroupedSampler(
                        2, lengths=LENGTHS[:n], num_replicas=r, rank=k, drop_last=d
                    ),
                )


# --- accelerate ------------------------------------------------------------------------


@recipe("accelerate", "accelerate/data_loader.py", "BatchSamplerShard")
def _(m, loader):
    for n in (1, 2, 5, 7, 8, 16, 23):
        for b in (2, 4):
            for procs in (1, 2, 3):
                for drop_last in (False, True):
                    for split in (False, True):
                        if split and b % procs:
                            continue
                        for even in (True, False):
                            for index in range(procs):
                                yield Case(
                                    f"n={n} b={b} procs={procs} index={index} drop_last={drop_last} "
                                    f"split={split} even={even}",
                                    lambda n=n, b=b, p=procs, i=index, d=drop_last, s=split, e=even: (
                                        m.BatchSamplerShard(
                                            _batches(n, b, d),
                                            num_processes=p,
                                            process_index=i,
                                            split_batches=s,
                                            even_batches=e,
                                        )
                                    ),
                                )


@recipe("accelerate", "accelerate/data_loader.py", "SkipBatchSampler")
def _(m, loader):
    for n, b, skip in [(10, 3, 0), (10, 3, 2), (10, 3, 4), (10, 3, 6)]:
        yield Case(
            f"n={n} b={b} skip={skip}",
            lambda n=n, b=b, s=skip: m.SkipBatchSampler(_batches(n, b), skip_batches=s),
        )


# --- torch-geometric -------------------------------------------------------------------


@recipe("torch-geometric", "torch_geometric/loader/dynamic_batch_sampler.py", "DynamicBatchSampler")
def _(m, loader):
    graphs = [types.SimpleNamespace(num_nodes=k, num_edges=2 * k) for k in (3, 5, 2, 7, 1, 4, 6, 2)]
    for max_num in (8, 12):
        for steps in (1, 2, 3, 10):
            yield Case(
                f"8 graphs max_num={max_num} num_steps={steps}",
                lambda x=max_num, s=steps: m.DynamicBatchSampler(graphs, x, mode="node", num_steps=s),
            )


@recipe("torch-geometric", "torch_geometric/loader/ibmb_loader.py", "IBMBOrderedSampler")
def _(m, loader):
    for order in ([], [2, 0, 1], list(range(9))):
        yield Case(f"order={order}", lambda o=order: m.IBMBOrderedSampler(o))


@recipe("torch-geometric", "torch_geometric/loader/ibmb_loader.py", "IBMBWeightedSampler")
def _(m, loader):
    import numpy as np

    for k in (2, 3, 6):
        kl = np.random.default_rng(k).random((k, k)) + 0.1
        np.fill_diagonal(kl, 0.0)
        yield Case(f"{k} batches", lambda kl=kl: m.IBMBWeightedSampler(kl))


# --- speechbrain -----------------------------------------------------------------------


@recipe("speechbrain", "speechbrain/dataio/sampler.py", "ConcatDatasetBatchSampler")
def _(m, loader):
    tud = _torch()
    for sizes, bss in [((10, 20), (2, 4)), ((7, 3), (2, 2)), ((5, 9, 4), (1, 2, 3))]:
        yield Case(
            f"sizes={sizes} batch_sizes={bss}",
            lambda s=sizes, b=bss: m.ConcatDatasetBatchSampler(
                [tud.SequentialSampler(range(k)) for k in s], list(b)
            ),
        )


@recipe("speechbrain", "speechbrain/dataio/sampler.py", "DynamicBatchSampler")
def _(m, loader):
    for drop_last in (False, True):
        for buckets in (1, 3):
            for shuffle in (False, True):
                yield Case(
                    f"17 items buckets={buckets} drop_last={drop_last} shuffle={shuffle}",
                    lambda d=drop_last, k=buckets, s=shuffle: m.DynamicBatchSampler(
                        list(range(len(LENGTHS))),
                        40,
                        num_buckets=k,
                        lengths_list=LENGTHS,
                        shuffle=s,
                        batch_ordering="random" if s else "ascending",
                        drop_last=d,
                    ),
                    repeat=3,
                )


@recipe("speechbrain", "speechbrain/dataio/sampler.py", "ReproducibleRandomSampler")
def _(m, loader):
    for n in (1, 7):
        yield Case(f"n={n}", lambda n=n: m.ReproducibleRandomSampler(list(range(n))))


@recipe("speechbrain", "speechbrain/dataio/sampler.py", "DistributedSamplerWrapper")
def _(m, loader):
    tud = _torch()
    for n, b, replicas in [(10, 1, 2), (10, 3, 2), (4, 2, 2), (7, 3, 3)]:
        for rank in range(replicas):
            yield Case(
                f"BatchSampler n={n} b={b} replicas={replicas} rank={rank}",
                lambda n=n, b=b, r=replicas, k=rank: m.DistributedSamplerWrapper(
                    _batches(n, b), num_replicas=r, rank=k, shuffle=False
                ),
            )
    for n in (5, 2):
        yield Case(
            f"SequentialSampler n={n} replicas=2 rank=0",
            lambda n=n: m.DistributedSamplerWrapper(
                tud.SequentialSampler(range(n)), num_replicas=2, rank=0, shuffle=False
            ),
        )


# --- mmengine --------------------------------------------------------------------------


@recipe("mmengine", "mmengine/dataset/sampler.py", "DefaultSampler")
def _(m, loader):
    def build(n, world, rank, round_up):
        m.get_dist_info = lambda: (rank, world)  # the module global __init__ asks
        return m.DefaultSampler(range(n), shuffle=True, seed=0, round_up=round_up)

    for n in (1, 7, 10):
        for world in (1, 3, 4):
            for rank in range(world):
                for round_up in (True, False):
                    yield Case(
                        f"n={n} world={world} rank={rank} round_up={round_up}",
                        lambda n=n, w=world, r=rank, u=round_up: build(n, w, r, u),
                    )


not_run(
    "mmengine",
    "mmengine/dataset/sampler.py",
    "InfiniteSampler",
    "iterates forever by design (iteration-based training); len() is the dataset size",
)


# --- catalyst --------------------------------------------------------------------------

CLASS_COUNTS = (5, 3, 8, 2, 4)


@recipe("catalyst", "catalyst/data/sampler.py", "BalanceClassSampler")
def _(m, loader):
    for mode in ("downsampling", "upsampling", 6):
        yield Case(f"mode={mode}", lambda mode=mode: m.BalanceClassSampler(_labels(CLASS_COUNTS), mode=mode))


@recipe("catalyst", "catalyst/data/sampler.py", "BatchBalanceClassSampler")
def _(m, loader):
    for classes, samples, batches in [(2, 2, None), (3, 2, None), (2, 3, 4)]:
        yield Case(
            f"num_classes={classes} num_samples={samples} num_batches={batches}",
            lambda c=classes, s=samples, b=batches: m.BatchBalanceClassSampler(
                _labels(CLASS_COUNTS), c, s, b
            ),
        )


def _dynamic_balance(m, loader):
    for exp_lambda in (0.5, 0.9):
        yield Case(
            f"exp_lambda={exp_lambda}, 4 epochs",
            lambda e=exp_lambda: m.DynamicBalanceClassSampler(
                _labels(CLASS_COUNTS), exp_lambda=e, ignore_warning=True
            ),
            repeat=4,
        )


recipe("catalyst", "catalyst/data/sampler.py", "DynamicBalanceClassSampler")(_dynamic_balance)
recipe("catalyst", "catalyst/contrib/data/sampler.py", "DynamicBalanceClassSampler")(_dynamic_balance)


@recipe("catalyst", "catalyst/data/sampler.py", "MiniEpochSampler")
def _(m, loader):
    for data_len, mini in [(10, 4), (12, 4), (3, 4), (10, 3)]:
        for drop_last in (False, True):
            yield Case(
                f"data_len={data_len} mini_epoch_len={mini} drop_last={drop_last}, 4 mini-epochs",
                lambda n=data_len, k=mini, d=drop_last: m.MiniEpochSampler(n, k, drop_last=d),
                repeat=4,
            )


@recipe("catalyst", "catalyst/contrib/data/sampler.py", "BalanceBatchSampler")
def _(m, loader):
    for p, k in [(2, 2), (3, 2), (2, 4)]:
        yield Case(f"p={p} k={k}", lambda p=p, k=k: m.BalanceBatchSampler(_labels(CLASS_COUNTS), p, k))


# --- pytorch-metric-learning -----------------------------------------------------------


@recipe(
    "pytorch-metric-learning",
    "pytorch_metric_learning/samplers/fixed_set_of_triplets.py",
    "FixedSetOfTriplets",
)
def _(m, loader):
    for k in (1, 5):
        yield Case(f"num_triplets={k}", lambda k=k: m.FixedSetOfTriplets(_labels(CLASS_COUNTS), k))


@recipe(
    "pytorch-metric-learning", "pytorch_metric_learning/samplers/m_per_class_sampler.py", "MPerClassSampler"
)
def _(m, loader):
    for mpc, b, length in [(2, None, 100), (2, 4, 30), (1, 5, 17), (2, None, 7)]:
        yield Case(
            f"m={mpc} batch_size={b} length_before_new_iter={length}",
            lambda mpc=mpc, b=b, n=length: m.MPerClassSampler(_labels(CLASS_COUNTS), mpc, b, n),
        )


@recipe(
    "pytorch-metric-learning",
    "pytorch_metric_learning/samplers/hierarchical_sampler.py",
    "HierarchicalSampler",
)
def _(m, loader):
    import numpy as np

    labels = np.array([[i % 6, (i % 6) // 2] for i in range(36)])
    for b, per_class, tuples in [(4, 2, 1), (8, 2, 3), (4, 1, 2)]:
        yield Case(
            f"batch_size={b} samples_per_class={per_class} batches_per_super_tuple={tuples}",
            lambda b=b, s=per_class, t=tuples: m.HierarchicalSampler(labels, b, s, t, 2),
            repeat=2,
        )


not_run(
    "pytorch-metric-learning",
    "pytorch_metric_learning/samplers/tuples_to_weights_sampler.py",
    "TuplesToWeightsSampler",
    "needs a trained model, a miner and a tester to iterate (not cheap)",
)


# --- espnet ----------------------------------------------------------------------------


def _espnet_files() -> Dict[str, str]:
    folder = Path(tempfile.mkdtemp(prefix="dplen-espnet-"))
    lengths = {f"utt{i:02d}": length for i, length in enumerate(LENGTHS)}
    shape = folder / "shape"
    shape.write_text("".join(f"{k} {v},80\n" for k, v in lengths.items()))
    keys = folder / "keys"
    keys.write_text("".join(f"{k} x\n" for k in lengths))
    categories = folder / "category2utt"
    names = sorted(lengths)
    categories.write_text(f"a {' '.join(names[:9])}\nb {' '.join(names[9:])}\n")
    return {"shape": str(shape), "keys": str(keys), "category2utt": str(categories)}


@recipe("espnet", "espnet2/samplers/sorted_batch_sampler.py", "SortedBatchSampler")
def _(m, loader):
    files = _espnet_files()
    for b in (1, 4, 5, 20):
        for drop_last in (False, True):
            yield Case(
                f"17 utts b={b} drop_last={drop_last}",
                lambda b=b, d=drop_last: m.SortedBatchSampler(b, files["shape"], drop_last=d),
            )


@recipe("espnet", "espnet2/samplers/unsorted_batch_sampler.py", "UnsortedBatchSampler")
def _(m, loader):
    files = _espnet_files()
    for b in (1, 4, 5):
        for drop_last in (False, True):
            yield Case(
                f"17 utts b={b} drop_last={drop_last}",
                lambda b=b, d=drop_last: m.UnsortedBatchSampler(b, files["keys"], drop_last=d),
            )


@recipe("espnet", "espnet2/samplers/length_batch_sampler.py", "LengthBatchSampler")
def _(m, loader):
    files = _espnet_files()
    for bins in (1000, 4000):
        for drop_last in (False, True):
            yield Case(
                f"17 utts batch_bins={bins} drop_last={drop_last}",
                lambda k=bins, d=drop_last: m.LengthBatchSampler(k, [files["shape"]], drop_last=d),
            )


@recipe("espnet", "espnet2/samplers/num_elements_batch_sampler.py", "NumElementsBatchSampler")
def _(m, loader):
    files = _espnet_files()
    for bins in (1000, 4000):
        for drop_last in (False, True):
            yield Case(
                f"17 utts batch_bins={bins} drop_last={drop_last}",
                lambda k=bins, d=drop_last: m.NumElementsBatchSampler(k, [files["shape"]], drop_last=d),
            )


@recipe("espnet", "espnet2/samplers/folded_batch_sampler.py", "FoldedBatchSampler")
def _(m, loader):
    files = _espnet_files()
    for b in (2, 5):
        for drop_last in (False, True):
            yield Case(
                f"17 utts b={b} fold_lengths=[10] drop_last={drop_last}",
                lambda b=b, d=drop_last: m.FoldedBatchSampler(b, [files["shape"]], [10], drop_last=d),
            )


@recipe("espnet", "espnet2/samplers/category_balanced_sampler.py", "CategoryBalancedSampler")
def _(m, loader):
    files = _espnet_files()
    for b in (2, 3):
        yield Case(
            f"2 categories b={b}",
            lambda b=b: m.CategoryBalancedSampler(b, category2utt_file=files["category2utt"]),
        )


def _espnet_power_files() -> Dict[str, str]:
    files = _espnet_files()
    folder = Path(files["shape"]).parent
    names = sorted(f"utt{i:02d}" for i in range(len(LENGTHS)))
    shape = folder / "shape_text"
    shape.write_text("".join(f"{k} {v}\n" for k, v in zip(names, LENGTHS)))
    datasets = folder / "dataset2utt"
    datasets.write_text(f"d1 {' '.join(names[::2])}\nd2 {' '.join(names[1::2])}\n")
    utt2dataset = folder / "utt2dataset"
    utt2dataset.write_text("".join(f"{k} {'d1' if i % 2 == 0 else 'd2'}\n" for i, k in enumerate(names)))
    return {**files, "shape_text": str(shape), "dataset2utt": str(datasets), "utt2dataset": str(utt2dataset)}


@recipe("espnet", "espnet2/samplers/category_power_sampler.py", "CategoryPowerSampler")
def _(m, loader):
    files = _espnet_power_files()
    for bins in (30, 80):
        for drop_last in (False, True):
            yield Case(
                f"17 utts batch_bins={bins} drop_last={drop_last}",
                lambda k=bins, d=drop_last: m.CategoryPowerSampler(
                    k, [files["shape_text"]], drop_last=d, category2utt_file=files["category2utt"]
                ),
            )


@recipe("espnet", "espnet2/samplers/category_power_sampler.py", "CategoryDatasetPowerSampler")
def _(m, loader):
    files = _espnet_power_files()
    for bins in (30, 80):
        for drop_last in (False, True):
            yield Case(
                f"17 utts batch_bins={bins} drop_last={drop_last}",
                lambda k=bins, d=drop_last: m.CategoryDatasetPowerSampler(
                    k,
                    [files["shape_text"]],
                    drop_last=d,
                    category2utt_file=files["category2utt"],
                    dataset2utt_file=files["dataset2utt"],
                    utt2dataset_file=files["utt2dataset"],
                ),
            )


@recipe("espnet", "espnet2/iterators/category_iter_factory.py", "RawSampler")
def _(m, loader):
    yield Case("3 batches", lambda: m.RawSampler([[0, 1], [2], [3, 4]]))


not_run("espnet", "espnet2/samplers/abs_sampler.py", "AbsSampler", "abstract (its subclasses are run)")
not_run(
    "sentence-transformers",
    "sentence_transformers/base/sampler.py",
    "MultiDatasetDefaultBatchSampler",
    "abstract (RoundRobinBatchSampler and ProportionalBatchSampler are run)",
)
not_run(
    "flair",
    "flair/samplers.py",
    "FlairSampler",
    "base class without __iter__ (its __len__ is run through ChunkSampler and ExpandingChunkSampler)",
)


@recipe("espnet", "espnet2/iterators/sequence_iter_factory.py", "RawSampler")
def _(m, loader):
    yield Case("3 batches", lambda: m.RawSampler([[0, 1], [2], [3, 4]]))


# --- avalanche -------------------------------------------------------------------------

not_run(
    "avalanche-lib",
    "avalanche/benchmarks/scenarios/online.py",
    "CyclicSampler",
    "iterates forever by design (`while True`); len() is the number of samples per cycle",
)


@recipe("avalanche-lib", "avalanche/benchmarks/utils/data_loader.py", "MultiDatasetSampler")
def _(m, loader):
    for sizes, b, term, oversample in [
        ((10, 4), 3, 0, False),
        ((10, 4), 3, 1, False),
        ((10, 4), 3, 0, True),
        ((5, 9), 2, 0, True),
    ]:
        for drop_last in (False, True):
            yield Case(
                f"sizes={sizes} b={b} termination={term} oversample={oversample} drop_last={drop_last}",
                lambda s=sizes, b=b, t=term, o=oversample, d=drop_last: m.MultiDatasetSampler(
                    [range(k) for k in s],
                    [_batches(k, b, d) for k in s],
                    termination_dataset_idx=t,
                    oversample_small_datasets=o,
                ),
            )


@recipe("avalanche-lib", "avalanche/benchmarks/utils/ffcv_support/ffcv_components.py", "_MappedBatchsampler")
def _(m, loader):
    for n, b in [(10, 3), (4, 4)]:
        yield Case(f"n={n} b={b}", lambda n=n, b=b: m._MappedBatchsampler(_batches(n, b), list(range(n))))


@recipe("avalanche-lib", "avalanche/benchmarks/utils/ffcv_support/ffcv_loader.py", "_TraversalOrderAsSampler")
def _(m, loader):
    order = types.SimpleNamespace(indices=[4, 2, 7], sample_order=lambda epoch: [4, 2, 7])
    yield Case("3 indices", lambda: m._TraversalOrderAsSampler(order))


@recipe("avalanche-lib", "examples/tvdetection/group_by_aspect_ratio.py", "GroupedBatchSampler")
def _(m, loader):
    tud = _torch()
    for groups, b in [([0, 1] * 5, 3), ([0, 0, 0, 1, 1, 2, 2, 2, 2, 2, 1], 2), ([0] * 7, 3)]:
        yield Case(
            f"groups={groups} b={b}",
            lambda g=groups, b=b: m.GroupedBatchSampler(tud.SequentialSampler(range(len(g))), g, b),
        )


# --- torchvision -----------------------------------------------------------------------


@recipe("torchvision", "torchvision/datasets/samplers/clip_sampler.py", "DistributedSampler")
def _(m, loader):
    for n, replicas, group in [(12, 3, 2), (10, 4, 1), (9, 2, 3), (4, 3, 2)]:
        for rank in range(replicas):
            yield Case(
                f"n={n} replicas={replicas} rank={rank} group_size={group}",
                lambda n=n, r=replicas, k=rank, g=group: m.DistributedSampler(
                    range(n), num_replicas=r, rank=k, group_size=g
                ),
            )


class _FakeVideoClips:
    """What the clip samplers read of torchvision's VideoClips: the clips of each video."""

    def __init__(self, clips_per_video: Sequence[int]) -> None:
        self.clips = [list(range(k)) for k in clips_per_video]


def _clip_sampler(m, name: str):
    # The samplers check isinstance(video_clips, VideoClips) against their module's name.
    m.VideoClips = _FakeVideoClips
    for clips in ([3, 0, 5], [1, 1], [7]):
        for k in (1, 2, 4):
            yield Case(
                f"clips per video={clips} k={k}", lambda c=clips, k=k: getattr(m, name)(_FakeVideoClips(c), k)
            )


recipe("torchvision", "torchvision/datasets/samplers/clip_sampler.py", "UniformClipSampler")(
    lambda m, loader: _clip_sampler(m, "UniformClipSampler")
)
recipe("torchvision", "torchvision/datasets/samplers/clip_sampler.py", "RandomClipSampler")(
    lambda m, loader: _clip_sampler(m, "RandomClipSampler")
)


# --- sentence-transformers -------------------------------------------------------------


class _LabelledDataset:
    """The slice of a `datasets.Dataset` the batch samplers read: its length, its column
    names, and a column by name."""

    def __init__(self, counts: Sequence[int]) -> None:
        self.labels = _labels(counts)
        self.column_names = ["text", "label"]

    def __len__(self) -> int:
        return len(self.labels)

    def __getitem__(self, key):
        return self.labels if key == "label" else [f"t{i}" for i in range(len(self.labels))]


@recipe("sentence-transformers", "sentence_transformers/base/sampler.py", "GroupByLabelBatchSampler")
def _(m, loader):
    import torch

    for counts in ((5, 3, 8, 2), (2, 2), (9, 4, 4), (6, 6, 6, 7), (11, 3)):
        for b in (4, 6, 8):
            for drop_last in (False, True):
                yield Case(
                    f"label counts={counts} b={b} drop_last={drop_last}",
                    lambda c=counts, b=b, d=drop_last: m.GroupByLabelBatchSampler(
                        _LabelledDataset(c),
                        b,
                        d,
                        valid_label_columns=["label"],
                        generator=torch.Generator(),
                        seed=0,
                    ),
                )


def _multi_dataset(m, name: str):
    tud = _torch()
    for sizes, b in [((10, 4), 3), ((7, 7), 2), ((5, 12, 3), 4)]:
        for drop_last in (False, True):
            yield Case(
                f"sizes={sizes} b={b} drop_last={drop_last}",
                lambda s=sizes, b=b, d=drop_last: getattr(m, name)(
                    tud.ConcatDataset([range(k) for k in s]), [_batches(k, b, d) for k in s]
                ),
            )


recipe("sentence-transformers", "sentence_transformers/base/sampler.py", "RoundRobinBatchSampler")(
    lambda m, loader: _multi_dataset(m, "RoundRobinBatchSampler")
)
recipe("sentence-transformers", "sentence_transformers/base/sampler.py", "ProportionalBatchSampler")(
    lambda m, loader: _multi_dataset(m, "ProportionalBatchSampler")
)
not_run(
    "sentence-transformers",
    "sentence_transformers/base/sampler.py",
    "NoDuplicatesBatchSampler",
    "needs a `datasets.Dataset` (rows hashed column by column); its __len__ is the exact ceiling idiom",
)


# --- trl -------------------------------------------------------------------------------


@recipe("trl", "trl/trainer/utils.py", "RepeatSampler")
def _(m, loader):
    for n, b in [(7, 3), (6, 3), (2, 3), (10, 1)]:
        for mini, repeat in [(1, 1), (2, 3)]:
            yield Case(
                f"n={n} batch_size={b} mini_repeat={mini} repeat={repeat}",
                lambda n=n, b=b, mi=mini, r=repeat: m.RepeatSampler(
                    range(n), mi, batch_size=b, repeat_count=r, seed=0
                ),
            )


# --- mmdet -----------------------------------------------------------------------------


class _Images:
    """The slice of an mmdet dataset the aspect-ratio samplers read."""

    def __init__(self, shapes: Sequence[Tuple[int, int]], sources: Optional[Sequence[int]] = None) -> None:
        self.shapes = list(shapes)
        self.sources = list(sources) if sources is not None else [0] * len(shapes)

    def __len__(self) -> int:
        return len(self.shapes)

    def get_data_info(self, idx: int) -> Dict[str, int]:
        width, height = self.shapes[idx]
        return {"width": width, "height": height}

    def get_dataset_source(self, idx: int) -> int:
        return self.sources[idx]


def _image_sampler(images: _Images):
    sampler = _torch().SequentialSampler(images)
    sampler.dataset = images  # mmengine's samplers keep the dataset; the batch samplers read it
    return sampler


SHAPES = [(4, 3), (3, 4), (5, 2), (2, 5), (3, 3), (1, 6), (6, 1), (4, 4), (2, 3), (3, 2), (7, 5)]


@recipe("mmdet", "mmdet/datasets/samplers/batch_sampler.py", "AspectRatioBatchSampler")
def _(m, loader):
    for n in (1, 4, 7, 11):
        for b in (2, 3, 4):
            for drop_last in (False, True):
                yield Case(
                    f"{n} images b={b} drop_last={drop_last}",
                    lambda n=n, b=b, d=drop_last: m.AspectRatioBatchSampler(
                        _image_sampler(_Images(SHAPES[:n])), b, d
                    ),
                )


@recipe("mmdet", "mmdet/datasets/samplers/batch_sampler.py", "MultiDataAspectRatioBatchSampler")
def _(m, loader):
    sources = [0, 1, 1, 0, 1, 0, 0, 1, 1, 1, 0]
    for n in (4, 7, 11):
        for bs in ((2, 3), (3, 2), (4, 4)):
            for drop_last in (False, True):
                yield Case(
                    f"{n} images from 2 sources b={bs} drop_last={drop_last}",
                    lambda n=n, bs=bs, d=drop_last: m.MultiDataAspectRatioBatchSampler(
                        _image_sampler(_Images(SHAPES[:n], sources[:n])), list(bs), 2, d
                    ),
                )


not_run(
    "mmdet",
    "mmdet/datasets/samplers/multi_source_sampler.py",
    "MultiSourceSampler",
    "iterates forever by design (`while True`); len() is the dataset size",
)
for _cls, _rel in [
    ("ClassAwareSampler", "class_aware_sampler.py"),
    ("CustomSampleSizeSampler", "custom_sample_size_sampler.py"),
    ("MultiDataSampler", "multi_data_sampler.py"),
    ("TrackImgSampler", "track_img_sampler.py"),
]:
    not_run(
        "mmdet",
        f"mmdet/datasets/samplers/{_rel}",
        _cls,
        "needs a real mmdet dataset (category ids, metainfo or video infos); __len__ returns "
        "the num_samples __init__ computed with math.ceil",
    )


# --- ultralytics, monai, chemprop, flair, pytorch-forecasting, ignite ------------------


@recipe("ultralytics", "ultralytics/data/build.py", "ContiguousDistributedSampler")
def _(m, loader):
    for n, b, replicas in [(10, 3, 2), (7, 2, 3), (5, 8, 2), (16, 4, 3)]:
        for rank in range(replicas):
            yield Case(
                f"n={n} b={b} replicas={replicas} rank={rank}",
                lambda n=n, b=b, r=replicas, k=rank: m.ContiguousDistributedSampler(
                    range(n), num_replicas=r, batch_size=b, rank=k
                ),
            )


@recipe("monai", "monai/data/samplers.py", "DistributedWeightedRandomSampler")
def _(m, loader):
    for n, replicas, per_rank, even in [(10, 3, None, True), (10, 3, None, False), (7, 2, 5, True)]:
        for rank in range(replicas):
            yield Case(
                f"n={n} replicas={replicas} rank={rank} num_samples_per_rank={per_rank} even={even}",
                lambda n=n, r=replicas, k=rank, p=per_rank, e=even: m.DistributedWeightedRandomSampler(
                    range(n),
                    [1.0 + i for i in range(n)],
                    num_samples_per_rank=p,
                    even_divisible=e,
                    num_replicas=r,
                    rank=k,
                ),
            )


@recipe("monai", "monai/data/samplers.py", "DistributedSampler")
def _(m, loader):
    for n, replicas, even in [(10, 3, True), (10, 3, False), (7, 4, False)]:
        for rank in range(replicas):
            yield Case(
                f"n={n} replicas={replicas} rank={rank} even_divisible={even}",
                lambda n=n, r=replicas, k=rank, e=even: m.DistributedSampler(
                    range(n), even_divisible=e, num_replicas=r, rank=k
                ),
            )


@recipe("chemprop", "chemprop/data/samplers.py", "SeededSampler")
def _(m, loader):
    for n in (0, 1, 9):
        yield Case(f"N={n}", lambda n=n: m.SeededSampler(n, 0))


@recipe("chemprop", "chemprop/data/samplers.py", "ClassBalanceSampler")
def _(m, loader):
    import numpy as np

    for positives, total in [(3, 10), (5, 5), (0, 4), (6, 8)]:
        y = np.zeros((total, 2), dtype=bool)
        y[:positives, 0] = True
        yield Case(
            f"{positives} actives of {total}", lambda y=y: m.ClassBalanceSampler(y, seed=0, shuffle=True)
        )


def _flair(m, name: str, *args):
    def build(n):
        sampler = getattr(m, name)(*args)
        sampler.set_dataset(list(range(n)))
        return sampler

    for n in (0, 1, 7, 23):
        yield Case(f"n={n}", lambda n=n: build(n), repeat=2)


recipe("flair", "flair/samplers.py", "ChunkSampler")(lambda m, loader: _flair(m, "ChunkSampler", 5, 5))
recipe("flair", "flair/samplers.py", "ExpandingChunkSampler")(
    lambda m, loader: _flair(m, "ExpandingChunkSampler", 1)
)


@recipe("pytorch-forecasting", "pytorch_forecasting/data/samplers.py", "GroupedSampler")
def _(m, loader):
    import numpy as np

    class Grouped(m.GroupedSampler):
        # The base class is abstract in how it groups; everything else is the real code.
        def get_groups(self, sampler):
            return {"t0": np.arange(0, 5), "t1": np.arange(5, 7), "t2": np.arange(7, 16)}

    for b in (1, 2, 4, 10):
        for drop_last in (False, True):
            for shuffle in (False, True):
                yield Case(
                    f"groups of 5, 2, 9 b={b} drop_last={drop_last} shuffle={shuffle}",
                    lambda b=b, d=drop_last, s=shuffle: Grouped(range(16), b, s, d),
                )


@recipe("pytorch-ignite", "ignite/engine/deterministic.py", "ReproducibleBatchSampler")
def _(m, loader):
    for n, b, start in [(10, 3, None), (10, 3, 0), (10, 3, 2), (8, 4, 1)]:
        yield Case(
            f"n={n} b={b} start_iteration={start}, 2 epochs",
            lambda n=n, b=b, s=start: m.ReproducibleBatchSampler(_batches(n, b), start_iteration=s),
            repeat=2,
        )


# --- torchgeo --------------------------------------------------------------------------

not_run(
    "torchgeo",
    "torchgeo/samplers/single.py",
    "GridGeoSampler",
    "needs a torchgeo GeoDataset (an R-tree index of georeferenced rasters)",
)
not_run(
    "torchgeo",
    "torchgeo/samplers/single.py",
    "RandomGeoSampler",
    "needs a torchgeo GeoDataset (an R-tree index of georeferenced rasters)",
)
not_run(
    "torchgeo",
    "torchgeo/samplers/single.py",
    "PreChippedGeoSampler",
    "needs a torchgeo GeoDataset (an R-tree index of georeferenced rasters)",
)
not_run(
    "torchgeo",
    "torchgeo/samplers/batch.py",
    "RandomBatchGeoSampler",
    "needs a torchgeo GeoDataset (an R-tree index of georeferenced rasters)",
)


# --- the worker and its report ----------------------------------------------------------

# Top-level names each tree provides; imports of these are served from the tree. torch is
# left to the real import: its tree has no compiled extensions, and it is the installed
# 2.13.0 (checked below).
OWN = {
    "torch": (),
    "opacus-1.4.1": ("opacus",),
    "opacus-1.6.0": ("opacus",),
    "pytorch-lightning": ("pytorch_lightning", "lightning_fabric"),
    "transformers": ("transformers",),
    "accelerate": ("accelerate",),
    "torch-geometric": ("torch_geometric",),
    "speechbrain": ("speechbrain",),
    "mmengine": ("mmengine",),
    "allennlp": ("allennlp",),
    "catalyst": ("catalyst",),
    "pytorch-metric-learning": ("pytorch_metric_learning",),
    "espnet": ("espnet2", "espnet"),
    "avalanche-lib": ("avalanche", "examples"),
    "torchvision": ("torchvision",),
    "sentence-transformers": ("sentence_transformers",),
    "trl": ("trl",),
    "mmdet": ("mmdet",),
    "ultralytics": ("ultralytics",),
    "monai": ("monai",),
    "chemprop": ("chemprop",),
    "flair": ("flair",),
    "pytorch-forecasting": ("pytorch_forecasting",),
    "pytorch-ignite": ("ignite",),
    "torchgeo": ("torchgeo",),
}


def _class_findings(tree: Path, rel: str, cls: str, config) -> Tuple[List[Tuple[int, str, str]], bool]:
    """DPL1 findings (line, code, source line) inside class `cls` of `rel`, and whether
    the analysis treats that class as a sampler with __len__ at all."""
    path = tree / rel
    text = read_text(path)
    module, located = analyze_source(text, config, str(path))
    bounds = None
    for node in ast.parse(text).body:
        if isinstance(node, ast.ClassDef) and node.name == cls:
            bounds = (node.lineno, node.end_lineno)
    analysed = False
    if module is not None:
        contexts = sampler_contexts(module, config, module_name_for(str(path)))
        analysed = any(ctx.cls.name.value == cls for ctx in contexts)
    lines = text.splitlines()
    found = []
    for item in located:
        if item.finding.code.startswith("DPL1") and bounds and bounds[0] <= item.line <= bounds[1]:
            context = " ".join(lines[item.line - 1 : item.line + 2])
            found.append((item.line, item.finding.code, context))
    return found, analysed


def _run_case(case: Case) -> List[Tuple[bool, str]]:
    from flake8_dplen.runtime import check_length

    sampler = case.build()
    outcomes = []
    for epoch in range(case.repeat):
        report = check_length(sampler, epochs=case.epochs, expected=case.expected, reseed=case.reseed)
        prefix = f"epoch {epoch}: " if case.repeat > 1 else ""
        outcomes.append((report.ok, prefix + report.message))
    return outcomes


def _fixed_source(tree: Path, rel: str, config) -> Optional[str]:
    """The codemod's output for `rel`, or None when it would not change the file."""
    from flake8_dplen.fixes.rewrite import apply, plan

    text = read_text(tree / rel)
    module, located = analyze_source(text, config, str(tree / rel))
    if module is None:
        return None
    edited, fixed = apply(module, plan(text, located))
    return edited.code if fixed else None


def _run_cases(loader: TreeLoader, rec: Recipe, findings) -> Dict[str, Any]:
    """Every case of a recipe against one loaded version of its module."""
    import torch

    torch.manual_seed(0)
    result: Dict[str, Any] = {
        "runs": 0,
        "mismatches": 0,
        "errors": 0,
        "notes": [],
        "confirmed": set(),
        "unexplained": 0,
    }
    module = loader.load_file(rec.rel)
    if not hasattr(module, rec.cls):
        reasons = "; ".join(loader.skipped[module.__name__][:3])
        raise RuntimeError(f"class not defined after loading ({reasons})")
    for case in rec.cases(module, loader):
        try:
            outcomes = _run_case(case)
        except Exception as exc:
            result["errors"] += 1
            if len(result["notes"]) < 4:
                result["notes"].append(f"[{case.config}] raised {type(exc).__name__}: {str(exc)[:120]}")
            continue
        result["runs"] += 1
        bad = [message for ok, message in outcomes if not ok]
        if not bad:
            continue
        result["mismatches"] += 1
        covered = [f for f in findings if case.marker is None or case.marker in f[2]]
        result["confirmed"].update((line, code) for line, code, _ in covered)
        if not covered:
            result["unexplained"] += 1
        if len(result["notes"]) < 4:
            result["notes"].append(f"[{case.config}] {bad[0]}")
    return result


# Packages whose samplers call `super().__init__(data_source)`: torch 2.13's Sampler no
# longer defines __init__, so they raise TypeError before anything can be checked. Their
# worker gives Sampler back the `__init__(self, data_source=None)` that ignored its
# argument in the torch they were written for; nothing else changes.
LEGACY_SAMPLER_INIT = {"catalyst", "torch-geometric", "flair"}


def runtime_worker(label: str, tree: Path) -> int:
    import torch
    import torch.utils.data

    if label == "torch" and not torch.__version__.startswith("2.13.0"):
        print(f"  torch: installed torch is {torch.__version__}, not the 2.13.0 of the corpus")
        return 2
    # Ultralytics writes a settings file into the user's config folder when imported.
    os.environ.setdefault("YOLO_CONFIG_DIR", tempfile.mkdtemp(prefix="dplen-yolo-"))
    if label in LEGACY_SAMPLER_INIT:
        torch.utils.data.Sampler.__init__ = lambda self, data_source=None: None
    loader = TreeLoader(tree, OWN.get(label, ()))
    config = config_for(label)
    for rec in [r for r in RECIPES if r.label == label]:
        name = f"{rec.rel}::{rec.cls}"
        findings, analysed = _class_findings(tree, rec.rel, rec.cls, config)
        codes = ",".join(f"{code}@{line}" for line, code, _ in findings) or "-"
        head = f"RESULT\t{label}\t{name}"
        if rec.skip:
            print(f"{head}\t0\t0\t0\t{codes}\t{int(analysed)}\tnot run: {rec.skip}")
            continue
        try:
            got = _run_cases(loader, rec, findings)
        except Exception as exc:
            print(
                f"{head}\t0\t0\t1\t{codes}\t{int(analysed)}\tcould not load: "
                f"{type(exc).__name__}: {str(exc)[:200]}"
            )
            continue
        verdict = _verdict(findings, got)
        notes = list(got["notes"])
        after = None
        if findings:
            # The same cases against the codemod's output for this file: the fix must make
            # len() agree wherever it rewrote something.
            fixed = _fixed_source(tree, rec.rel, config)
            if fixed is None:
                notes.append("after the codemod: file unchanged (manual fixes only)")
            else:
                after = _run_cases(
                    TreeLoader(tree, OWN.get(label, ()), {dotted_name(rec.rel): fixed}), rec, findings
                )
                notes.append(
                    f"after the codemod: {after['runs']} configs run, "
                    f"{after['mismatches']} mismatched, "
                    f"{after['errors']} raised"
                )
                notes += [f"after the codemod: {note}" for note in after["notes"]]
                if after["mismatches"] and not got["mismatches"]:
                    verdict = (
                        f"BROKEN BY THE CODEMOD (no mismatch before; "
                        f"{after['mismatches']} configurations "
                        f"mismatch after the rewrite): {verdict}"
                    )
        print(
            f"{head}\t{got['runs']}\t{got['mismatches']}\t{got['errors']}\t{codes}\t{int(analysed)}"
            f"\t{verdict}" + ("\t" + " | ".join(notes) if notes else "")
        )
    return 0


def _verdict(findings, got: Dict[str, Any]) -> str:
    if not got["runs"]:
        return "not checked (every configuration raised)"
    verdict = _verdict_of_runs(findings, got)
    if got["errors"]:
        verdict += f"; {got['errors']} configuration(s) raised instead"
    return verdict


def _verdict_of_runs(findings, got: Dict[str, Any]) -> str:
    unconfirmed = [f"{code}@{line}" for line, code, _ in findings if (line, code) not in got["confirmed"]]
    if got["mismatches"] and not findings:
        return "MISSED (runtime mismatch, no DPL1 finding)"
    if got["unexplained"]:
        return "PARTLY MISSED (a mismatch on a path without a finding)"
    if unconfirmed:
        return f"UNCONFIRMED finding {', '.join(unconfirmed)} (no mismatch on its path)"
    if findings:
        return "confirmed (every DPL1 finding has a mismatching configuration)"
    return "agrees (no mismatch, no finding)"


def runtime_report(labels: Sequence[str], cache: Path) -> int:
    """One worker per package; a summary of the verdicts across the corpus."""
    print("\nruntime check: len() against the batches yielded, per sampler class")
    rows = []
    failures = 0
    for label in labels:
        done = subprocess.run(
            [sys.executable, str(Path(__file__).resolve()), "--runtime-worker", label, "--cache", str(cache)],
            capture_output=True,
            text=True,
            cwd=REPO,
            timeout=1800,
        )
        for line in done.stdout.splitlines():
            if line.startswith("RESULT\t"):
                rows.append(line.split("\t")[1:])
        if done.returncode != 0:
            failures += 1
            print(f"  {label}: worker exited {done.returncode}: {done.stderr.strip()[-1500:]}")
    for row in rows:
        label, name, runs, mismatches, errors, codes, analysed, verdict = row[:8]
        print(f"  {label}: {name}")
        print(
            f"      {runs} configs run, {mismatches} mismatched, {errors} raised; "
            f"analysed as a sampler with __len__: {'yes' if analysed == '1' else 'no'}; "
            f"DPL1: {codes}; {verdict}"
        )
        for note in row[8:]:
            for part in note.split(" | "):
                print(f"        {part}")
    tally = Counter(re.split(r" \(|:", row[7])[0] for row in rows)
    print("\n  verdicts: " + ", ".join(f"{k}: {v}" for k, v in sorted(tally.items())))
    return failures


# ----------------------------------------------------------------------------- report


def print_table(results: List[PackageResult]) -> None:
    shown = [c for c in CODES if any(h.code == c for r in results for h in r.hits)] or ["DPL101"]
    head = f"{'package':<26}{'files':>7}{'parsed':>8}{'samplers':>9}{'w/len':>7}"
    head += "".join(f"{c:>8}" for c in shown) + f"{'errors':>8}{'core s':>8}{'fix_len s':>10}"
    print(head)
    print("-" * len(head))
    totals = Counter()
    for r in results:
        counts = Counter(h.code for h in r.hits)
        row = f"{r.label:<26}{r.files:>7}{r.parsed:>8}{r.samplers:>9}{r.with_len:>7}"
        row += "".join(f"{counts[c]:>8}" for c in shown)
        row += f"{len(r.errors):>8}{r.seconds:>8.1f}{r.codemod_seconds:>10.1f}"
        print(row)
        totals.update(
            files=r.files,
            parsed=r.parsed,
            samplers=r.samplers,
            with_len=r.with_len,
            errors=len(r.errors),
            **counts,
        )
        totals["seconds"] += r.seconds
        totals["codemod"] += r.codemod_seconds
    print("-" * len(head))
    row = f"{'total':<26}{totals['files']:>7}{totals['parsed']:>8}"
    row += f"{totals['samplers']:>9}{totals['with_len']:>7}"
    row += "".join(f"{totals[c]:>8}" for c in shown)
    row += f"{totals['errors']:>8}{totals['seconds']:>8.1f}{totals['codemod']:>10.1f}"
    print(row)


def main(argv: Optional[Sequence[str]] = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    labels = ", ".join(label for label, _ in PACKAGES)
    parser.add_argument("--packages", default="", help=f"comma-separated labels (default: all): {labels}")
    parser.add_argument("--cache", default=str(REPO / ".cache" / "corpus"), help="download/unpack folder")
    parser.add_argument("--offline", action="store_true", help="never call pip; use the cache only")
    parser.add_argument("--findings", action="store_true", help="print every finding")
    parser.add_argument("--samplers", action="store_true", help="print every sampler class with __len__")
    parser.add_argument("--no-rewrite", action="store_true", help="skip the codemod-on-a-copy checks")
    parser.add_argument("--runtime", action="store_true", help="also run the runtime len() check")
    parser.add_argument("-j", "--jobs", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--runtime-worker", metavar="LABEL", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.runtime_worker:
        return runtime_worker(args.runtime_worker, Path(args.cache).resolve() / "src" / args.runtime_worker)

    wanted = [p.strip() for p in args.packages.split(",") if p.strip()]
    known = dict(PACKAGES)
    unknown = [p for p in wanted if p not in known]
    if unknown:
        parser.error(f"unknown package label(s): {', '.join(unknown)}")
    selected = [(label, req) for label, req in PACKAGES if not wanted or label in wanted]
    cache = Path(args.cache).resolve()

    status = 0
    results: List[PackageResult] = []
    for label, requirement in selected:
        try:
            tree = fetch(label, requirement, cache, args.offline)
        except FetchError as exc:
            print(f"skipped {exc}", file=sys.stderr)
            status = 2
            continue
        result = analyze_tree(label, tree)
        codemod_check(result, tree, args.jobs)
        if not args.no_rewrite:
            result.rewrite = rewrite_copy(result, tree, args.jobs)
        results.append(result)
        print(
            f"[{label}] {result.wheel}: {result.files} files, {len(result.hits)} findings "
            f"({result.seconds:.1f} s)",
            file=sys.stderr,
        )

    print()
    print_table(results)

    if args.samplers:
        print("\nsampler classes with __len__")
        for r in results:
            for name in r.sampler_names:
                print(f"  {r.label}: {name}")

    dpl1 = [h for r in results for h in r.hits if h.code.startswith("DPL1")]
    if args.findings or dpl1:
        print("\nfindings" if args.findings else "\nDPL1 findings")
        for r in results:
            for h in r.hits:
                if args.findings or h.code.startswith("DPL1"):
                    fix = "fix" if h.fixable else "manual"
                    print(f"  {r.label}: {h.path}:{h.line}:{h.column}: {h.code} [{fix}] {h.message}")

    print("\ncore errors (files the core could not analyse)")
    any_error = False
    for r in results:
        for error in r.errors:
            any_error = True
            print(f"  {r.label}: {error}")
    if not any_error:
        print("  none")

    print("\ncodemod --check against the plugin")
    for r in results:
        problems = codemod_agrees(r)
        summary = r.codemod_stderr.splitlines()[-1] if r.codemod_stderr else ""
        verdict = "agrees" if not problems else f"DISAGREES ({len(problems)})"
        print(f"  {r.label:<26} exit {r.codemod_status}  {verdict}  [{summary}]")
        for problem in problems:
            print(f"      {problem}")
        if problems:
            status = max(status, 1)

    if not args.no_rewrite:
        print("\ncodemod on a copy (compiles, touches only the flagged expressions, idempotent)")
        for r in results:
            rw = r.rewrite
            if rw is None or not (rw.changed or rw.problems):
                continue
            ok = not rw.problems and not rw.second_run_changed
            print(
                f"  {r.label:<26} {len(rw.changed)} files changed, {'all checks pass' if ok else 'PROBLEMS'}"
            )
            for rel in rw.changed:
                print(f"      changed: {rel}")
            for problem in rw.problems:
                print(f"      {problem}")
            for rel in rw.second_run_changed:
                print(f"      second run changed {rel} again")
            if not ok:
                status = max(status, 1)
        if not any(r.rewrite and r.rewrite.changed for r in results):
            print("  no file needed a change")

    if args.runtime:
        if runtime_report([r.label for r in results], cache):
            status = max(status, 1)
    return status


if __name__ == "__main__":
    sys.exit(main())
