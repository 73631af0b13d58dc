"""DPL115's findings are runs, not resemblances: the input each message names, given to
the real class, shows exactly the len() and the count the message states; and every
correct fixture agrees with itself on every input the model tries."""

from __future__ import annotations

import itertools
import os
import re
import runpy
import shutil
import sys
from contextlib import contextmanager
from pathlib import Path
from types import SimpleNamespace

import pytest
import torch.distributed as dist
from torch.testing._internal.distributed.fake_pg import FakeStore
from torch.utils.data import Sampler

from flake8_dplen.core import syntax
from flake8_dplen.core.analysis import DEFAULT_CONFIG, sampler_contexts
from flake8_dplen.core.yieldcount import INT, SEQ, Unknown, domain, runs
from flake8_dplen.engine import analyze_source

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "rules" / "DPL115"
_MESSAGE = re.compile(
    r"\((?P<args>[^()]*(?:\([^()]*\)[^()]*)*): len (?P<len>-?\d+), (?P<count>\d+) \w+(?P<second> in the second epoch)?\)$"
)


_EPOCHS = "set_epoch(epoch) called first"


def _arguments(text):
    """The arguments a message names, as `_inputs` takes them."""
    values, kinds = {}, {}
    for part in text.split(", "):
        if part in ("each random draw at its lowest", _EPOCHS):
            continue  # the fixtures draw only where the value drawn changes no count
        name, value = part.split("=")
        if name.startswith("len("):
            name = name[4:-1]
            kinds[name] = SEQ
        values[name] = value == "True" if value in {"True", "False"} else int(value)
    return _inputs(values, kinds)


class _Item(int):
    """An index that also has a length, of 1 to 3 by its value, and unpacks into three
    parts (a path, an identity, a camera, as a re-identification dataset's items do): the
    model runs a class that only measures its items (sorts or weighs them by length) or
    unpacks them with those unknown, so any such items give the count it states."""

    def __len__(self):
        return int(self) % 3 + 1

    def __iter__(self):
        return iter((int(self), int(self) % 2, 0))


class _Items(list):
    """A sequence argument: a list that also takes the attributes a class sets on what it
    is given (`self.sampler.wrap_around = 0`), as a sampler or a dataset object does."""


class _SamplerItems(_Items, Sampler):
    """An argument named a sampler: its indices, and a torch `Sampler` (the model answers
    `isinstance(sampler, Sampler)` so), with the `generator` torch's random samplers
    have, None until the class seeds one (the model runs `generator is None` both ways)."""

    generator = None


def _inputs(values, kinds):
    """Keyword arguments for a run's values: a sequence of length k is a list of k
    indices (`_Item`s); `x[*]` of length m makes each element of `x` a list of m
    (distinct) indices."""
    kwargs = {
        n: (_SamplerItems if "sampler" in n.lower() else _Items)(_Item(i) for i in range(v)) if kinds.get(n) == SEQ else v
        for n, v in values.items()
        if "[*]" not in n
    }
    for name, size in values.items():
        if name.endswith("[*]"):
            parent = name[:-3]
            kwargs[parent] = [list(range(j * size, (j + 1) * size)) for j in range(len(kwargs[parent]))]
    # `dataset.ids`: an argument that has that attribute (and nothing else the model read).
    for name in [n for n in kwargs if "." in n and not n.startswith("dist.")]:
        parent, attr = name.split(".", 1)
        setattr(kwargs.setdefault(parent, SimpleNamespace()), attr, kwargs.pop(name))
    return kwargs


@contextmanager
def _process_group(kwargs):
    """torch.distributed initialised as `dist.get_world_size()` and `dist.get_rank()` in
    `kwargs` say (taken out of them), by torch's own fake backend: this one process is
    that rank of a group that size, as torch.distributed answers it."""
    world, rank = kwargs.pop("dist.get_world_size()", None), kwargs.pop("dist.get_rank()", None)
    if world is None and rank is None:
        yield
        return
    dist.init_process_group("fake", rank=rank or 0, world_size=world or 1, store=FakeStore())
    try:
        yield
    finally:
        dist.destroy_process_group()


def _measure(cls, kwargs, epoch=1, epochs=False):
    """(len(), items yielded) of the class built with `kwargs`, inside its process group,
    in its first epoch or (`epoch` 2) in the second: the same object asked len() and
    walked again after the first; `epochs`: given each epoch's number by `set_epoch`
    first, as a training loop does."""
    kwargs = dict(kwargs)
    with _process_group(kwargs):
        sampler = cls(**kwargs)
        if epochs:
            sampler.set_epoch(0)
        if epoch == 2:
            list(iter(sampler))
            if epochs:
                sampler.set_epoch(1)
        return len(sampler), len(list(iter(sampler)))


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
        epoch = 2 if match["second"] else 1
        epochs = _EPOCHS in match["args"]
        length, count = _measure(namespace[finding.cls.name.value], _arguments(match["args"]), epoch, epochs)
        assert (length, count) == (int(match["len"]), int(match["count"]))
        assert length != count


@pytest.mark.parametrize("path", sorted(FIXTURES.glob("*.py")), ids=lambda p: p.stem)
def test_the_model_counts_as_running_does_on_every_input_it_tries(path):
    """The interpreter's len() and count equal the real class's on every input it tries;
    a correct fixture agrees with itself on all of them."""
    namespace = runpy.run_path(str(path))
    for ctx, widen, attributes in itertools.product(
        sampler_contexts(syntax.parse_module(path.read_text()), DEFAULT_CONFIG), (False, True), (False, True)
    ):
        try:
            # widen: None defaults given values too; attributes: `dataset.ids` an input too
            tried = list(runs(ctx, widen, attributes))
        except Unknown:  # the model does not run it (the fixture says why)
            continue
        # A run that drew took each draw at its lowest: the fixtures draw only where the
        # value drawn changes no count, so the real class counts the same on any draw.
        for values, (length, count, epoch), kinds, (_drew, epochs) in tried:
            arguments = _inputs(values, kinds)
            measured = _measure(namespace[ctx.cls.name.value], arguments, epoch, epochs)
            assert measured == (length, count), (ctx.cls.name.value, arguments)
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
    # type with `is` instead of isinstance, which is only the same question while no node
    # class the builder makes (core/fromast.py) has a subclass.
    built = {type(node) for node in _every_node(syntax.parse_module(Path(__file__).read_text()))}
    assert len(built) > 50  # the node classes were found at all
    assert [kind.__name__ for kind in built if kind.__subclasses__()] == []


def _every_node(node):
    yield node
    for child in node.children:
        yield from _every_node(child)


@pytest.mark.parametrize("name", ["rank", "local_rank", "global_rank", "dp_rank"])
def test_a_rank_parameter_starts_at_zero(name):
    assert list(domain(name, INT)) == [0, 1, 2, 3, 4]


@pytest.mark.parametrize("name", ["samples_per_rank", "batches_per_rank", "crank_count"])
def test_a_count_per_rank_is_a_size_never_zero(name):
    # Taken as a rank, a count per rank was run with 0 and gave a false DPL115.
    assert 0 not in domain(name, INT)


# ------------------------------------------------------------------ bases in other modules

# Projects under tests/fixtures/projects/<case>/, copied to a temporary folder (a test
# changes a base on disk): the judged file is "pkg/leaf.py", its gating findings the lines
# marked `# <- DPLnnn` there, its comment says what the case shows. A base in another module
# of the project is read from disk, with its own module's imports, functions and constants
# (core/project.py).
PROJECTS = Path(__file__).resolve().parent / "fixtures" / "projects"


def _write_project(root, name):
    shutil.copytree(PROJECTS / name, root, dirs_exist_ok=True)


@pytest.mark.parametrize("name", sorted(p.name for p in PROJECTS.iterdir()))
def test_a_base_in_another_module_of_the_project_is_run(tmp_path, name, monkeypatch):
    _write_project(tmp_path, name)
    leaf = tmp_path / "pkg" / "leaf.py"
    source = leaf.read_text()
    _, located = analyze_source(source, DEFAULT_CONFIG, str(leaf))
    marks = [(i, re.search(r"# <- (DPL\d+)", line)) for i, line in enumerate(source.splitlines(), 1)]
    marked = {(i, m.group(1)) for i, m in marks if m}
    assert {(item.line, item.finding.code) for item in located if item.finding.gating} == marked
    assert bool(marked) == name.startswith("invalid_")
    found = [item for item in located if item.finding.code == "DPL115"]
    # The input the message names, given to the real classes imported from the project,
    # shows the len() and count it states.
    monkeypatch.syspath_prepend(str(tmp_path))
    for loaded in [m for m in sys.modules if m == "pkg" or m.startswith("pkg.")]:
        monkeypatch.delitem(sys.modules, loaded)  # another case's project of the same name
    for item in found:
        match = _MESSAGE.search(item.finding.message)
        namespace = runpy.run_path(str(leaf), run_name="pkg.leaf")
        measured = _measure(namespace[item.finding.cls.name.value], _arguments(match["args"]))
        assert measured == (int(match["len"]), int(match["count"]))


def test_without_the_file_path_no_other_module_is_read(tmp_path):
    _write_project(tmp_path, "invalid_relative_base_counts_batches")
    _, located = analyze_source((tmp_path / "pkg" / "leaf.py").read_text(), DEFAULT_CONFIG)
    assert [item for item in located if item.finding.code == "DPL115"] == []


def test_a_base_changed_on_disk_is_read_again(tmp_path):
    # flake8 in a long-lived process (an editor's, `dplen watch`): the base module is read
    # once, then again when it changes, never judged as it was.
    _write_project(tmp_path, "invalid_relative_base_counts_batches")
    leaf, base = tmp_path / "pkg" / "leaf.py", tmp_path / "pkg" / "base.py"

    def codes():
        _, located = analyze_source(leaf.read_text(), DEFAULT_CONFIG, str(leaf))
        return [item.finding.code for item in located]

    assert codes() == ["DPL115"]
    base.write_text(base.read_text().replace("batches(len(self.data), self.batch_size)", "len(self.data)"))
    stat = base.stat()
    os.utime(base, ns=(stat.st_atime_ns, stat.st_mtime_ns + 10**9))
    assert codes() == []
