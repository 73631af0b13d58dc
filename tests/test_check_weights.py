"""Values drawn as the weights their code draws by (reads.Use.weights, `torch.multinomial(w,
k)`, `p=` of numpy's choice) or as probabilities their name says (`label_probs`): floats
summing to 1, one per item; items a class uses as arrays (`members[k].tolist()`) are arrays,
not samplers. Each wrong class is found, its exact twin built and clean."""

from __future__ import annotations

import pytest
from printed import fails_alone
from weights_samplers import ByLabelOdds, ExactByLabelOdds, ExactReweighted, Reweighted

from flake8_dplen.check.reads import use_of
from flake8_dplen.check.search import COUNTEREXAMPLE, OK, Options, check_class

OPTIONS = Options(budget=3.0, seed=0)


def test_a_value_handed_to_multinomial_is_read_as_weights():
    assert use_of(Reweighted, "item_scores").weights
    assert not use_of(Reweighted, "num_draws").weights


@pytest.mark.parametrize("wrong", [Reweighted, ByLabelOdds])
def test_the_wrong_class_is_found(wrong):
    result = check_class(wrong, OPTIONS)
    assert result.status == COUNTEREXAMPLE, result
    fails_alone(result)


@pytest.mark.parametrize("exact", [ExactReweighted, ExactByLabelOdds])
def test_its_exact_twin_is_built_and_clean(exact):
    result = check_class(exact, OPTIONS)
    assert result.status == OK, result
    assert result.examples > 0
