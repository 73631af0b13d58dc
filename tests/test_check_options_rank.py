"""A world size and a rank read from one options object are drawn as a constructor's
parameters are: the world first, the rank in range of it. On main (f4693ac) every rank
was drawn in a world of one (0), and OptionsStride, wrong only on a rank past n % world,
was "ok"."""

from __future__ import annotations

from options_rank_samplers import ExactOptionsStride, OptionsStride
from twins import built_and_clean, found_and_replayed


def test_a_wrong_stride_on_a_later_rank_is_found():
    found_and_replayed(OptionsStride)


def test_its_exact_twin_is_built_and_clean():
    built_and_clean(ExactOptionsStride)
