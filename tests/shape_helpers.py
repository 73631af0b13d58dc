"""A helper in another module of the package, to which a sampler of
test_check_data_shape.py hands its data: data_shape reads it under its own parameter name."""

from collections import defaultdict


def index_by_identity(samples):
    index = defaultdict(list)
    for i, (_, identity, _) in enumerate(samples):
        index[identity].append(i)
    return index
