"""Every rule's VALID and INVALID examples, collected from the rule classes themselves."""

import ast
import re

import libcst as cst
import pytest

from flake8_dplen.analysis import analyze_source
from flake8_dplen.rules import RULES

_MARK = re.compile(r"#\s*<-\s*(DPL\d{3})")


def _cases(kind):
    for rule in RULES:
        for number, source in enumerate(getattr(rule, kind)):
            yield pytest.param(rule, source, id=f"{rule.code}-{kind.lower()}-{number}")


def _marked_lines(source, code):
    return {i for i, line in enumerate(source.splitlines(), 1) if (m := _MARK.search(line)) and m.group(1) == code}


@pytest.mark.parametrize("rule, source", list(_cases("INVALID")))
def test_invalid_example_is_reported_on_its_marked_line(rule, source):
    _, located = analyze_source(source)
    lines = {item.line for item in located if item.finding.code == rule.code}
    assert lines, f"{rule.code} not reported"
    assert lines == _marked_lines(source, rule.code)


@pytest.mark.parametrize("rule, source", list(_cases("VALID")))
def test_valid_example_is_not_reported(rule, source):
    _, located = analyze_source(source)
    assert [i.finding.message for i in located if i.finding.code == rule.code] == []


@pytest.mark.parametrize("rule", [r for r in RULES if r.code.startswith("DPL1")], ids=lambda r: r.code)
def test_gating_rules_carry_ten_examples_each_way(rule):
    assert len(rule.VALID) >= 10 and len(rule.INVALID) >= 10


@pytest.mark.parametrize("rule, source", list(_cases("INVALID")))
def test_examples_are_valid_python(rule, source):
    compile(source, rule.code, "exec")
    cst.parse_module(source)


@pytest.mark.parametrize("rule, source", list(_cases("INVALID")))
def test_the_cheap_tests_never_rule_out_an_invalid_example(rule, source):
    # The text and ast tests skip LibCST for most files; they must never skip a bug.
    from flake8_dplen.config import Config
    from flake8_dplen.prefilter import could_report, might_define_sampler

    assert might_define_sampler(source, Config())
    assert could_report(ast.parse(source), Config())
