"""An epoch compared by its remainder with a class constant (`epoch % self.PERIOD == 0`)
is judged at that constant (epochs.later_epochs). On main (f4693ac) only epochs 0 and 1
ran, and PeriodicExtras, wrong in every fourth epoch, was "ok"."""

from __future__ import annotations

from periodic_epoch_samplers import ExactPeriodicExtras, PeriodicExtras
from twins import built_and_clean, found_and_replayed

from flake8_dplen.check.epochs import later_epochs


def test_the_period_is_a_later_epoch():
    assert 4 in later_epochs(PeriodicExtras)


def test_a_class_wrong_every_period_is_found():
    found_and_replayed(PeriodicExtras)


def test_its_exact_twin_is_built_and_clean():
    built_and_clean(ExactPeriodicExtras)
