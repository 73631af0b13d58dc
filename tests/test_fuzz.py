"""Fuzzing both faces of flake8-dplen.

1. Arbitrary valid Python (hypothesmith): the flake8 plugin never raises and never
   reports DPL000, and the codemod's core (analyze_source, rewrite.plan, rewrite.apply)
   never writes code that does not parse and never changes a module it found nothing in.
   Each generated module is also checked spliced into a sampler's methods, because on
   its own it almost never passes the plugin's cheap prefilter (`__len__` and `Sampler`).
2. Generated samplers built from the rule patterns and their correct forms: after the
   codemod every sampler either yields exactly len() batches for every configuration
   run, or the codemod said a finding needs a manual fix; and the codemod is idempotent.

Example counts are small and the search derandomized so that CI runs the same examples
in well under a minute; benchmarks/fuzz_large.py runs the same properties at scale.
"""

from __future__ import annotations

import textwrap
import warnings
from dataclasses import dataclass
from typing import Dict, List, Tuple

import libcst as cst
import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from flake8_dplen.engine import analyze_source
from flake8_dplen.fixes.rewrite import apply, plan
from flake8_dplen.plugin import DplenChecker

# ------------------------------------------------------------------ generated samplers

# How __len__ (or the value it returns) counts batches of N items by B.
FORMS = {
    "int": "int({N} / {B})",  # DPL101
    "floor": "math.floor({N} / {B})",  # DPL102
    "floordiv": "{N} // {B}",  # DPL103 when a tail is yielded
    "round": "round({N} / {B})",  # DPL104
    "ceil": "math.ceil({N} / {B})",
    "negfloor": "-(-{N} // {B})",
    "addsub": "({N} + {B} - 1) // {B}",
    "int_ceil": "int(math.ceil({N} / {B}))",
    # The floor corrected by the remainder, in the spellings real samplers use.
    "int_rem": "int({N} / {B}) + (1 if {N} % {B} else 0)",
    "int_bool": "int({N} / {B}) + bool({N} % {B})",
    "int_gt": "int({N} / {B}) + int({N} % {B} > 0)",
    "int_min": "int({N} / {B}) + min(1, {N} % {B})",
    "int_addsub": "int(({N} + {B} - 1) / {B})",
    "neg_int": "-int(-{N} / {B})",
    "round_half": "round({N} / {B} - 0.5)",  # a floor, spelled with round()
}
# Where that value is computed before __len__ returns it.
PLACES = ("return", "local", "init", "property", "helper")
# How drop_last reaches the count: not at all, or floor on the drop_last path.
LEN_GUARDS = ("none", "if", "if_not", "ifexp")
# How __iter__ batches.
ITERS = (
    "tail",  # full batches in a loop, then the leftover one
    "tail_guarded",  # ... the leftover one only when drop_last is false
    "step",  # range(0, N, B) slices: the last one may be short
    "step_guarded",  # ... stopping before the short one when drop_last is true
    "full",  # range(0, N - B + 1, B): full batches only
    "ceil_count",  # range(math.ceil(N / B)) batches
    "by_len",  # range(len(self)) batches: agrees with __len__ by construction
    "by_attr",  # range(self.num_batches): agrees by construction, where that attribute exists
)
SPELLINGS = ("attr", "len")  # N as self.n, or as len(self.data)

GRID_N = (0, 1, 5, 6, 7, 10, 12, 13)
GRID_B = (1, 3, 4, 5)


@dataclass(frozen=True)
class SamplerSpec:
    form: str
    place: str
    guard: str
    iterate: str
    spelling: str

    @property
    def uses_drop_last(self) -> bool:
        return self.guard != "none" or self.iterate.endswith("_guarded")

    def render(self) -> str:
        return render_sampler(self)


def _n(spelling: str, in_init: bool) -> str:
    if spelling == "len":
        return "len(self.data)"
    return "n" if in_init else "self.n"


def _value(spec: SamplerSpec, in_init: bool) -> str:
    n = _n(spec.spelling, in_init)
    b = "batch_size" if in_init else "self.batch_size"
    drop = "drop_last" if in_init else "self.drop_last"
    counted = FORMS[spec.form].format(N=n, B=b)
    if spec.guard == "ifexp":
        return f"{n} // {b} if {drop} else {counted}"
    return counted


def _guarded_body(spec: SamplerSpec, in_init: bool, target: str) -> List[str]:
    """Statements that give `target` (`return` or an assignment) the count, with the
    drop_last guard as an `if` statement where the spec asks for one."""
    n = _n(spec.spelling, in_init)
    b = "batch_size" if in_init else "self.batch_size"
    drop = "drop_last" if in_init else "self.drop_last"
    value = _value(spec, in_init)
    emit = (lambda v: f"return {v}") if target == "return" else (lambda v: f"{target} = {v}")
    if spec.guard in ("if", "if_not"):
        floor = f"{n} // {b}"
        test, first, second = (drop, floor, value) if spec.guard == "if" else (f"not {drop}", value, floor)
        if target == "return":
            # An early return, so that what follows it is reached only on the other path.
            return [f"if {test}:", f"    {emit(first)}", emit(second)]
        return [f"if {test}:", f"    {emit(first)}", "else:", f"    {emit(second)}"]
    return [emit(value)]


def _iter_body(spec: SamplerSpec) -> List[str]:
    n = _n(spec.spelling, False)
    if spec.iterate in ("tail", "tail_guarded"):
        last = "if batch and not self.drop_last:" if spec.iterate == "tail_guarded" else "if batch:"
        return [
            "batch = []",
            f"for i in range({n}):",
            "    batch.append(i)",
            "    if len(batch) == self.batch_size:",
            "        yield batch",
            "        batch = []",
            last,
            "    yield batch",
        ]
    if spec.iterate in ("step", "step_guarded"):
        stop = n
        if spec.iterate == "step_guarded":
            stop = f"{n} - {n} % self.batch_size if self.drop_last else {n}"
        return [
            f"stop = {stop}",
            "for start in range(0, stop, self.batch_size):",
            f"    yield list(range(start, min(start + self.batch_size, {n})))",
        ]
    if spec.iterate == "full":
        return [
            f"for start in range(0, {n} - self.batch_size + 1, self.batch_size):",
            "    yield list(range(start, start + self.batch_size))",
        ]
    bound = {
        "ceil_count": f"math.ceil({n} / self.batch_size)",
        "by_len": "len(self)",
        "by_attr": "self.num_batches",
    }[spec.iterate]
    return [
        f"for i in range({bound}):",
        f"    yield list(range(i * self.batch_size, min((i + 1) * self.batch_size, {n})))",
    ]


def render_sampler(spec: SamplerSpec) -> str:
    def block(lines: List[str], depth: int) -> str:
        return "".join(" " * (4 * depth) + line + "\n" for line in lines)

    init = [
        "self.data = list(range(n))",
        "self.n = n",
        "self.batch_size = batch_size",
        "self.drop_last = drop_last",
    ]
    if spec.place == "init":
        init += _guarded_body(spec, True, "self.num_batches")
    parts = [
        "import math\n",
        "from torch.utils.data import Sampler\n\n\n",
        "class Generated(Sampler):\n",
        "    def __init__(self, n, batch_size, drop_last=False):\n",
        block(init, 2),
        "\n    def __iter__(self):\n",
        block(_iter_body(spec), 2),
    ]
    if spec.place == "property":
        parts += ["\n    @property\n    def num_batches(self):\n"]
        parts.append(block(_guarded_body(spec, False, "return"), 2))
    if spec.place == "helper":
        parts += ["\n    def _count(self):\n", block(_guarded_body(spec, False, "return"), 2)]
    parts.append("\n    def __len__(self):\n")
    if spec.place == "return":
        parts.append(block(_guarded_body(spec, False, "return"), 2))
    elif spec.place == "local":
        parts.append(block(_guarded_body(spec, False, "count") + ["return count"], 2))
    elif spec.place == "helper":
        parts.append(block(["return self._count()"], 2))
    else:
        parts.append(block(["return self.num_batches"], 2))
    return "".join(parts)


FLOORING = ("int", "floor", "floordiv", "round", "round_half")  # the rule patterns
CEILING = tuple(sorted(set(FORMS) - set(FLOORING)))  # their correct forms


def in_scope(spec: SamplerSpec) -> bool:
    """Samplers whose count can be wrong through rounding alone: the iteration and the
    drop_last handling agree in design, and only the rounding form may be off. (An
    __iter__ that ignores drop_last while __len__ honours it, or a ceiling over an
    __iter__ that drops the tail, is wrong in a way no DPL rule claims to see.)"""
    if spec.iterate == "by_attr" and spec.place not in ("init", "property"):
        return False
    if spec.iterate in ("by_len", "by_attr"):
        return True  # agree by construction whatever the form
    if spec.iterate in ("tail", "step", "ceil_count"):
        return spec.guard == "none"
    if spec.iterate in ("tail_guarded", "step_guarded"):
        return spec.guard != "none" or spec.form in FLOORING
    return spec.iterate == "full" and spec.guard == "none" and spec.form in FLOORING


@st.composite
def sampler_specs(draw) -> SamplerSpec:
    iterate = draw(st.sampled_from(ITERS))
    place = draw(st.sampled_from(("init", "property") if iterate == "by_attr" else PLACES))
    if iterate in ("tail", "step", "ceil_count", "full"):
        guard = "none"
    elif iterate in ("by_len", "by_attr"):
        guard = draw(st.sampled_from(LEN_GUARDS))
    else:
        guard = draw(st.sampled_from(LEN_GUARDS))
    floor_only = iterate == "full" or (iterate.endswith("_guarded") and guard == "none")
    forms = FLOORING if floor_only else sorted(FORMS)
    spec = SamplerSpec(
        form=draw(st.sampled_from(forms)),
        place=place,
        guard=guard,
        iterate=iterate,
        spelling=draw(st.sampled_from(SPELLINGS)),
    )
    assert in_scope(spec)
    return spec


def rewrite(source: str):
    """The codemod's core path: (new source, plan)."""
    module, located = analyze_source(source)
    if module is None:
        return source, None
    planned = plan(source, located)
    edited = apply(module, planned)
    return edited.code, planned


def default_pairs() -> List[Tuple[int, int]]:
    return [(n, b) for n in GRID_N for b in GRID_B]


def run_grid(source: str, drop_lasts=(False, True), pairs=None) -> List[Tuple[int, int, bool, int, int]]:
    """(n, batch_size, drop_last, len, yielded) for every configuration where they differ."""
    namespace: Dict[str, object] = {}
    exec(compile(source, "<generated>", "exec"), namespace)
    cls = namespace["Generated"]
    wrong = []
    for n, b in pairs or default_pairs():
        for drop_last in drop_lasts:
            sampler = cls(n, b, drop_last)
            reported, yielded = len(sampler), sum(1 for _ in sampler)
            if reported != yielded:
                wrong.append((n, b, drop_last, reported, yielded))
    return wrong


@dataclass
class SamplerOutcome:
    source: str
    fixed: str
    planned: object
    before: List[tuple]  # mismatches of the original
    after: List[tuple]  # mismatches after the codemod

    @property
    def manual(self) -> bool:
        return bool(self.planned is not None and self.planned.manual)

    @property
    def fixes(self) -> int:
        return len(self.planned.fixes) if self.planned is not None else 0


def check_sampler(spec: SamplerSpec, pairs=None, rewrite=rewrite) -> SamplerOutcome:
    """Every assertion of property 2 for one generated sampler; `pairs` are the
    (n, batch_size) configurations run (default: a small grid with every remainder)."""
    source = spec.render()
    drop_lasts = (False, True) if spec.uses_drop_last else (False,)
    before = run_grid(source, drop_lasts, pairs)
    fixed, planned = rewrite(source)
    compile(fixed, "<fixed>", "exec")
    again, _ = rewrite(fixed)
    assert again == fixed, (
        f"the codemod is not idempotent on:\n{source}\nfirst pass:\n{fixed}\nsecond:\n{again}"
    )
    if planned is None or not planned.fixes:
        assert fixed == source, f"changed without a fixable finding:\n{source}"
    after = run_grid(fixed, drop_lasts, pairs)
    outcome = SamplerOutcome(source, fixed, planned, before, after)
    assert not after or outcome.manual, (
        f"len() still disagrees after the codemod and no manual fix was reported\n"
        f"(n, batch_size, drop_last, len, yielded): {after[:4]}\n"
        f"--- generated ---\n{source}--- after the codemod ---\n{fixed}"
    )
    return outcome


SAMPLER_SETTINGS = settings(
    max_examples=200,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=[HealthCheck.too_slow],
)


# Minimal failing cases Hypothesis found, kept until the rules are fixed (see
# benchmarks/corpus_findings.md, "Bugs found by fuzzing"):
# - A stepped range that stops before the tail, `range(0, n - b + 1, b)`, is read as
#   "__iter__ yields a partial batch": a correct `int(n / b)` (likewise floor, round and
#   `n // b`) of a sampler that only yields full batches is reported and rewritten to a
#   ceiling, which then overcounts whenever b does not divide n.
FULL_BATCHES_ONLY = SamplerSpec(form="int", place="return", guard="none", iterate="full", spelling="attr")
# - drop_last folded into the range bound, `stop = n - n % b if self.drop_last else n`, is
#   not seen as a drop_last guard: `n // b` gets the unconditional fix `-(-n // b)`, right
#   for drop_last=False and now wrong for drop_last=True, instead of the split
#   `(n // b if self.drop_last else -(-n // b))` or a manual finding.
DROP_LAST_IN_RANGE_BOUND = SamplerSpec(
    form="floordiv", place="return", guard="none", iterate="step_guarded", spelling="attr"
)


@SAMPLER_SETTINGS
@given(spec=sampler_specs())
@example(spec=FULL_BATCHES_ONLY)
@example(spec=DROP_LAST_IN_RANGE_BOUND)
def test_generated_samplers_agree_after_the_codemod(spec):
    check_sampler(spec)


# ------------------------------------------------------------------ arbitrary Python

PRELUDE = (
    "import math\n"
    "from torch.utils.data import Sampler\n\n\n"
    "class _Fuzz(Sampler):\n"
    "    def __init__(self, n, batch_size):\n"
    "        self.n = n\n"
    "        self.batch_size = batch_size\n"
    "{init}\n"
    "    def __iter__(self):\n"
    "{iter}"
    "        for start in range(0, self.n, self.batch_size):\n"
    "            yield list(range(start, min(start + self.batch_size, self.n)))\n\n"
    "    def __len__(self):\n"
    "{len}"
    "        return int(self.n / self.batch_size)\n"
)


def variants(source: str) -> Dict[str, str]:
    """The generated module as it is, after a sampler, and spliced into a sampler's
    __init__, __iter__ and __len__ (where its names, returns and loops feed the analysis)."""
    body = textwrap.indent(source, " " * 8, lambda line: True)
    if not body.endswith("\n"):
        body += "\n"
    sampler = PRELUDE.format(init="", iter="", len="")
    return {
        "module": source,
        "after_sampler": sampler + "\n\n" + source,
        "spliced": PRELUDE.format(init=body, iter=body, len=body),
    }


def _compiles(source: str) -> bool:
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            compile(source, "<fuzz>", "exec")
        return True
    except (SyntaxError, ValueError):
        return False


def check_arbitrary(source: str) -> Dict[str, int]:
    """Every assertion of property 1 for one generated module; counts what was seen."""
    seen = {"variants": 0, "unparsable": 0, "findings": 0, "changed": 0}
    for name, text in variants(source).items():
        seen["variants"] += 1
        checker = DplenChecker(None, text.splitlines(keepends=True), f"fuzz_{name}.py")
        reports = [row[2] for row in checker.run()]
        assert not [r for r in reports if r.startswith("DPL000")], (name, reports, text)
        try:
            module, located = analyze_source(text)
        except cst.ParserSyntaxError:
            seen["unparsable"] += 1  # the plugin stays silent and the codemod reports the file
            continue
        if module is None:
            continue
        planned = plan(text, located)
        out = apply(module, planned).code
        seen["findings"] += len(located)
        cst.parse_module(out)
        if not planned.fixes:
            assert out == text, (name, text)
        else:
            seen["changed"] += 1
            assert out != text
        if _compiles(text):
            assert _compiles(out), (name, text, out)
    return seen


def _hypothesmith():
    return pytest.importorskip(
        "hypothesmith", reason="pip install hypothesmith (it pulls only hypothesis, lark and libcst)"
    )


ARBITRARY_SETTINGS = dict(
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=list(HealthCheck),
)


# Generated code such as `"a"()` compiles with a SyntaxWarning; it is valid all the same.
@pytest.mark.filterwarnings("ignore::SyntaxWarning")
def test_arbitrary_python_from_grammar():
    hypothesmith = _hypothesmith()

    @settings(max_examples=60, **ARBITRARY_SETTINGS)
    @given(source=hypothesmith.from_grammar())
    @example(source="x = 1\n")
    @example(source="if x:\n\tpass\n")
    def check(source):
        check_arbitrary(source)

    check()


@pytest.mark.filterwarnings("ignore::SyntaxWarning")
def test_arbitrary_python_from_node():
    hypothesmith = _hypothesmith()

    @settings(max_examples=6, **ARBITRARY_SETTINGS)
    @given(source=hypothesmith.from_node())
    def check(source):
        check_arbitrary(source)

    check()


def test_generated_sampler_sources_are_what_they_claim():
    # The generator itself: a correct form over a tail-yielding __iter__ agrees before any
    # fix, and a flooring one does not; otherwise the property above proves nothing.
    good = SamplerSpec("negfloor", "return", "none", "tail", "attr")
    bad = SamplerSpec("int", "return", "none", "tail", "attr")
    assert run_grid(good.render()) == []
    assert run_grid(bad.render()) != []
    assert check_sampler(bad).fixes == 1


def all_specs() -> List[SamplerSpec]:
    """The whole (finite) space the strategy draws from, for exhaustive runs."""
    specs = [
        SamplerSpec(form, place, guard, iterate, spelling)
        for form in sorted(FORMS)
        for place in PLACES
        for guard in LEN_GUARDS
        for iterate in ITERS
        for spelling in SPELLINGS
    ]
    return [spec for spec in specs if in_scope(spec)]
