"""Registrations: a whole-argument strategy, a random mark with an expectation."""

from __future__ import annotations

from hypothesis import strategies as st
from registry_samplers import (
    Coins,
    Ordered,
    Pairs,
)

from flake8_dplen.check import register
from flake8_dplen.check.report import finding
from flake8_dplen.check.search import CANNOT_BUILD, COUNTEREXAMPLE, OK, Options, check_class

OPTIONS = Options(budget=1.0, max_examples=40)


def test_a_strategy_of_keyword_dicts_replaces_generation():
    register(Pairs, strategy=st.fixed_dictionaries({"dataset": st.sampled_from([range(1), range(3)])}))
    result = check_class(Pairs, OPTIONS)
    # Every drawn set is odd, so every build fails: reported, with the last error.
    assert result.status == CANNOT_BUILD
    assert "Pairs(dataset=range(" in result.why and "ValueError: odd dataset" in result.why

    register(Pairs, strategy=st.fixed_dictionaries({"dataset": st.sampled_from([range(2), range(8)])}))
    result = check_class(Pairs, OPTIONS)
    assert (result.status, result.how) == (OK, "with a registered factory")


def test_random_mark_judges_len_against_the_given_expectation():
    result = check_class(Coins, OPTIONS)
    assert result.random and result.status == COUNTEREXAMPLE
    report = result.report
    assert report.epochs == 30 and report.expected == len(result.call.build().dataset) / 2
    assert abs(report.reported - report.expected) > 1
    assert f"expected {report.expected:.2f}" in finding(result)


def test_could_not_build_names_the_field_and_the_line_that_supplies_it():
    result = check_class(Ordered, OPTIONS)
    assert result.status == CANNOT_BUILD
    assert result.why.startswith("nothing to pass as `opts.order_key`")
    line = result.why.split("register it: `")[1].rstrip("`")
    assert line == "flake8_dplen.check.register('registry_samplers.Ordered', args={'opts.order_key': VALUE})"
    # The line, with a value in place of VALUE, builds it: the search then finds the tail.
    import flake8_dplen.check

    eval(line.replace("VALUE", "abs"), {"flake8_dplen": flake8_dplen})
    result = check_class(Ordered, OPTIONS)
    assert (result.status, result.how) == (COUNTEREXAMPLE, "with a registered factory")
    assert "opts=SimpleNamespace(batch_size=" in result.call.code and "order_key=<registered" in result.call.code
