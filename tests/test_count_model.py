"""DPL115's findings are runs, not resemblances: the input each message names, given to
the real class, shows exactly the len() and the count the message states; and every
correct fixture agrees with itself on every input the model tries."""

from __future__ import annotations

import inspect
import re
import runpy
from pathlib import Path

import libcst as cst
import pytest

from flake8_dplen.core.analysis import DEFAULT_CONFIG, sampler_contexts
from flake8_dplen.engine import analyze_source
from flake8_dplen.core.yieldcount import INT, SEQ, Unknown, domain, runs

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "rules" / "DPL115"
_MESSAGE = re.compile(r"\((?P<args>[^()]*(?:\([^()]*\)[^()]*)*): len (?P<len>-?\d+), (?P<count>\d+) \w+\)$")


def _build(cls, arguments):
    """The class built with these arguments: `len(x)=k` is a list of k elements."""
    kwargs = {}
    for part in arguments.split(", "):
        if part == "each random draw at its lowest":
            continue  # the fixtures draw only where the value drawn changes no count
        name, value = part.split("=")
        if name.startswith("len("):
            kwargs[name[4:-1]] = list(range(int(value)))
        else:
            kwargs[name] = value == "True" if value in {"True", "False"} else int(value)
    return cls(**kwargs)


def _sampler_class(namespace, ctx):
    return namespace[ctx.cls.name.value]


@pytest.mark.parametrize("path", sorted(FIXTURES.glob("invalid_*.py")), ids=lambda p: p.stem)
def test_the_named_input_reproduces_the_mismatch(path):
    source = path.read_text()
    _, located = analyze_source(source)
    findings = [item.finding for item in located if item.finding.code == "DPL115"]
    assert findings, "DPL115 not reported"
    namespace = runpy.run_path(str(path))
    for finding in findings:
        match = _MESSAGE.search(finding.message)
        assert match, finding.message
        sampler = _build(namespace[finding.cls.name.value], match["args"])
        assert len(sampler) == int(match["len"])
        assert len(list(iter(sampler))) == int(match["count"])
        assert len(sampler) != len(list(iter(sampler)))


@pytest.mark.parametrize("path", sorted(FIXTURES.glob("*.py")), ids=lambda p: p.stem)
def test_the_model_counts_as_running_does_on_every_input_it_tries(path):
    """The interpreter's len() and count equal the real class's on every input it tries;
    a correct fixture agrees with itself on all of them."""
    namespace = runpy.run_path(str(path))
    for ctx in sampler_contexts(cst.parse_module(path.read_text()), DEFAULT_CONFIG):
        try:
            tried = list(runs(ctx))
        except Unknown:  # the model does not run it (the fixture says why)
            continue
        # A run that drew took each draw at its lowest: the fixtures draw only where the
        # value drawn changes no count, so the real class counts the same on any draw.
        for values, (length, count), kinds, _drew in tried:
            arguments = {n: list(range(v)) if kinds[n] == SEQ else v for n, v in values.items()}
            sampler = namespace[ctx.cls.name.value](**arguments)
            assert (len(sampler), len(list(iter(sampler)))) == (length, count), (
                ctx.cls.name.value,
                arguments,
            )
            if path.name.startswith("valid_"):
                assert length == count, (ctx.cls.name.value, arguments)


def test_a_state_the_model_never_set_up_is_unknown_not_a_crash():
    # torch's DistributedSampler.__len__ reads num_samples, which only its own __init__
    # sets; this subclass never calls it. The real len() raises AttributeError; the model
    # must neither report nor stop flake8 on the file.
    source = """
from torch.utils.data import DistributedSampler


class Mine(DistributedSampler):
    def __init__(self, dataset):
        self.dataset = dataset

    def __iter__(self):
        return iter(range(len(self.dataset)))
"""
    _, located = analyze_source(source, DEFAULT_CONFIG, "mine.py")
    assert [f for f in located if f.finding.code == "DPL115"] == []


def test_the_node_classes_the_model_compares_by_type_have_no_subclasses():
    # The model's hottest tests (Machine.eval, guard_of, assign_targets) compare a node's
    # type with `is` instead of isinstance, which is only the same question while no
    # concrete LibCST node class has a subclass: a LibCST that adds one fails here.
    concrete = [
        kind
        for kind in vars(cst).values()
        if isinstance(kind, type) and issubclass(kind, cst.CSTNode) and not inspect.isabstract(kind)
    ]
    assert len(concrete) > 100  # LibCST's node classes were found at all
    assert [kind.__name__ for kind in concrete if kind.__subclasses__()] == []


@pytest.mark.parametrize("name", ["rank", "local_rank", "global_rank", "dp_rank"])
def test_a_rank_parameter_starts_at_zero(name):
    assert list(domain(name, INT)) == [0, 1, 2, 3, 4]


@pytest.mark.parametrize("name", ["samples_per_rank", "batches_per_rank", "crank_count"])
def test_a_count_per_rank_is_a_size_never_zero(name):
    # Taken as a rank, a count per rank was run with 0 and gave a false DPL115.
    assert 0 not in domain(name, INT)
