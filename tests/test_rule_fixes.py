"""Every INVALID example, rewritten by the fixes its rules propose: the output compiles,
the finding is gone (or was reported as needing a manual fix), and a second pass is a no-op."""

import pytest

from flake8_dplen.analysis import analyze_source
from flake8_dplen.rewrite import apply, plan
from flake8_dplen.rules import RULES


def _rewrite(source):
    module, located = analyze_source(source)
    planned = plan(source.splitlines(), located)
    edited, fixed = apply(module, planned)
    return edited.code, planned


CASES = [
    pytest.param(rule, source, id=f"{rule.code}-{i}")
    for rule in RULES
    if rule.code.startswith("DPL1")
    for i, source in enumerate(rule.INVALID)
]


@pytest.mark.parametrize("rule, source", CASES)
def test_fix_compiles_removes_the_finding_and_is_idempotent(rule, source):
    fixed_source, planned = _rewrite(source)
    compile(fixed_source, "fixed", "exec")
    manual = {(i.line, i.finding.code) for i in planned.manual}
    _, after = analyze_source(fixed_source)
    left = {(i.line, i.finding.code) for i in after if i.finding.code.startswith("DPL1")}
    if not manual:
        assert left == set(), fixed_source
    assert _rewrite(fixed_source)[0] == fixed_source


def test_every_rounding_rule_has_a_safe_fix_for_most_examples():
    # A rule whose fixes are mostly "manual" would leave users with work the tool promised.
    # DPL105 is the exception by nature: counting pieces batch by batch needs to know the
    # wrapped sampler (a torch BatchSampler, or Poisson sampling), which most code hides.
    for rule in RULES:
        if not rule.code.startswith("DPL1") or rule.code == "DPL105":
            continue
        planned = [_rewrite(s)[1] for s in rule.INVALID]
        fixable = sum(1 for p in planned if p.fixes and not p.manual)
        assert fixable * 2 >= len(planned), (rule.code, fixable, len(planned))


def test_dpl201_is_never_rewritten():
    (rule,) = [r for r in RULES if r.code == "DPL201"]
    for source in rule.INVALID:
        assert _rewrite(source)[0] == source
