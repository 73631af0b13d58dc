"""Every rule's valid and invalid cases (tests/fixtures/rules/<CODE>/, read by rule_cases):
each invalid one is reported on its marked line and the codemod does exactly what the
example says (its diff, its manual-fix reasons); each valid one is not reported."""

import ast
import difflib
import re

import libcst as cst
import pytest
from rule_cases import FIXTURES, cases, codes

from flake8_dplen.config import Config
from flake8_dplen.core.prefilter import could_report, might_define_sampler
from flake8_dplen.engine import analyze_source
from flake8_dplen.fixes.rewrite import apply, plan, source_lines
from flake8_dplen.rules import RULES

_MARK = re.compile(r"#\s*<-\s*(DPL\d{3})")


def _cases(kind):
    for rule in RULES:
        for example in cases(rule.code, kind):
            yield pytest.param(rule, example, id=f"{rule.code}-{example.name}")


INVALID = list(_cases("invalid"))


def _marked_lines(source, code):
    return {
        i for i, line in enumerate(source.splitlines(), 1) if (m := _MARK.search(line)) and m.group(1) == code
    }


def _rewrite(source):
    module, located = analyze_source(source)
    edited = apply(module, plan(source, located))
    return edited.code, located


def _diff(before, after):
    lines = difflib.unified_diff(source_lines(before), source_lines(after), n=0)
    return "".join(line if line.endswith("\n") else line + "\n" for line in list(lines)[2:])


@pytest.mark.parametrize("rule, example", INVALID)
def test_invalid_example_is_reported_on_its_marked_line(rule, example):
    _, located = analyze_source(example.source)
    lines = {item.line for item in located if item.finding.code == rule.code}
    assert lines, f"{rule.code} not reported"
    assert lines == _marked_lines(example.source, rule.code)


@pytest.mark.parametrize("rule, example", INVALID)
def test_invalid_example_is_fixed_exactly_as_it_says(rule, example):
    fixed, located = _rewrite(example.source)
    assert _diff(example.source, fixed) == example.fix.lstrip("\n")
    manual = tuple(i.finding.manual for i in located if i.finding.code == rule.code and i.finding.fix is None)
    assert manual == example.manual


@pytest.mark.parametrize("rule, example", INVALID)
def test_fix_compiles_clears_the_gating_findings_and_is_idempotent(rule, example):
    fixed, located = _rewrite(example.source)
    compile(fixed, "fixed", "exec")
    again, after = _rewrite(fixed)
    assert again == fixed
    if not any(i.finding.gating and i.finding.fix is None for i in located):
        assert [i.finding.code for i in after if i.finding.gating] == []


@pytest.mark.parametrize("rule, example", list(_cases("valid")))
def test_valid_example_is_not_reported(rule, example):
    _, located = analyze_source(example.source)
    assert [i.finding.message for i in located if i.finding.code == rule.code] == []


@pytest.mark.parametrize("rule", [r for r in RULES if r.gating], ids=lambda r: r.code)
def test_gating_rules_carry_ten_examples_each_way(rule):
    assert len(cases(rule.code, "valid")) >= 10 and len(cases(rule.code, "invalid")) >= 10


def test_every_fixture_file_belongs_to_a_rule_and_a_case():
    # A folder, .diff or .manual whose name matches no rule or case would be silently unread.
    assert codes() == sorted(rule.code for rule in RULES)
    for rule in RULES:
        valid, invalid = ({e.name for e in cases(rule.code, kind)} for kind in ("valid", "invalid"))
        allowed = {f"{n}.py" for n in valid | invalid} | {f"{n}.diff" for n in invalid}
        allowed |= {f"{n}.manual" for n in invalid}
        assert {p.name for p in (FIXTURES / rule.code).iterdir()} <= allowed, rule.code


def test_gating_is_the_code_family():
    # DPL1xx gate and DPL2xx warn: the README, the docs and `--select=DPL1` rely on it.
    assert all(rule.gating == rule.code.startswith("DPL1") for rule in RULES)


def test_non_gating_findings_are_never_rewritten():
    for rule in RULES:
        if not rule.gating:
            for example in cases(rule.code, "invalid"):
                assert example.fix == "" and _rewrite(example.source)[0] == example.source


def test_every_rounding_rule_has_a_safe_fix_for_most_examples():
    # A rule whose fixes are mostly "manual" would leave users with work the tool promised.
    # DPL105 is the exception by nature: counting pieces batch by batch needs to know the
    # wrapped sampler (a torch BatchSampler, or Poisson sampling), which most code hides.
    # The rules on the shape of __iter__ (no rounding kinds) are manual by nature: how an
    # epoch should end is the author's decision.
    for rule in RULES:
        if rule.gating and rule.kinds and rule.code != "DPL105":
            invalid = cases(rule.code, "invalid")
            fixable = sum(1 for e in invalid if e.fix and not e.manual)
            assert fixable * 2 >= len(invalid), (rule.code, fixable, len(invalid))


@pytest.mark.parametrize("rule, example", INVALID)
def test_examples_are_valid_python(rule, example):
    compile(example.source, rule.code, "exec")
    cst.parse_module(example.source)


@pytest.mark.parametrize("rule, example", INVALID)
def test_the_cheap_tests_never_rule_out_an_invalid_example(rule, example):
    # The text and ast tests skip LibCST for most files; they must never skip a bug.
    assert might_define_sampler(example.source, Config())
    assert could_report(ast.parse(example.source), Config())
