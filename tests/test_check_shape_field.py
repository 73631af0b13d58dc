"""An image's shape (`img_shape`, `image_shapes`, `resolution`, `hw`) is drawn as pairs of
item sizes, read by position or unpacked. On main (63c89c8) `img_shape` was a file name
(its `img`): every set failed, and WideAndTall was "ok" on the fallback records, whose
shapes never split the images. `image_shapes` were group keys, and PortraitsOnly was found
only by a later round's Table of unpacked items; it now is drawn as pairs in the first."""

from __future__ import annotations

import pytest
from shape_field_samplers import ExactPortraitsOnly, ExactWideAndTall, PortraitsOnly, WideAndTall
from twins import built_and_clean, found_and_replayed


@pytest.mark.parametrize("cls", [WideAndTall, PortraitsOnly])
def test_a_wrong_class_that_reads_shapes_is_found(cls):
    found_and_replayed(cls)


@pytest.mark.parametrize("cls", [ExactWideAndTall, ExactPortraitsOnly])
def test_its_exact_twin_is_built_and_clean(cls):
    built_and_clean(cls)
