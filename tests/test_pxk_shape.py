"""A yield after an inner loop, inside an outer one, is the outer loop's batch, not a
tail: a P x K sampler (only full batches of P identities) is right with `//`, and the
codemod must leave it alone. Its example is DPL103's; here it is also run."""

import random

from rule_cases import case

from flake8_dplen.engine import analyze_source
from flake8_dplen.fixes.rewrite import apply, plan

SOURCE = case("DPL103", "valid_p_x_k_each_batch").source


def _pk_class():
    namespace = {}
    exec(compile(SOURCE, "pk_example", "exec"), namespace)
    return namespace["PKSampler"]


def test_the_p_x_k_sampler_agrees_with_its_floor_on_uneven_identities():
    cls = _pk_class()
    rng = random.Random(0)
    for ids in (1, 2, 3, 7, 10):
        labels = [i for i in range(ids) for _ in range(rng.randint(1, 5))]
        for p in (1, 2, 3, 4):
            sampler = cls(labels, p, 2)
            assert len(sampler) == sum(1 for _ in sampler), (ids, p)


def test_the_codemod_leaves_the_p_x_k_sampler_unchanged():
    module, located = analyze_source(SOURCE)
    assert [item.finding.code for item in located if item.finding.gating] == []
    assert apply(module, plan(SOURCE, located)).code == SOURCE
