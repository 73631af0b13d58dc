"""Generation read from the class's own code: a parameter that nothing else says how to
make is built from the attributes or keys the class reads from it. On main (8d0aec6)
every class here was "could not build"."""

from __future__ import annotations

from torch.utils.data import Sampler

from flake8_dplen.check.report import finding, pytest_test
from flake8_dplen.check.search import CANNOT_BUILD, COUNTEREXAMPLE, OK, Options, check_class

OPTIONS = Options(budget=2.0, seed=0)


class FromOptions(Sampler):
    """Settings from an options object, one with a default; len() forgets the tail."""

    def __init__(self, opts, dataset):
        self.opts = opts
        self.dataset = dataset
        self.batch_size = getattr(opts, "batch_size", 4)

    def __iter__(self):
        n, b = len(self.dataset), self.batch_size
        for i in range(0, n, b):
            if self.opts.drop_last and i + b > n:
                return
            yield list(range(i, min(i + b, n)))

    def __len__(self):
        return len(self.dataset) // self.batch_size


class FromConfig(Sampler):
    """Settings from a dict, read by key and with .get; exact."""

    def __init__(self, cfg, dataset):
        self.dataset = dataset
        self.batch_size = cfg["batch_size"]
        self.drop_last = cfg.get("drop_last", False)

    def __iter__(self):
        n, b = len(self.dataset), self.batch_size
        stop = n - n % b if self.drop_last else n
        return (list(range(i, min(i + b, n))) for i in range(0, stop, b))

    def __len__(self):
        n, b = len(self.dataset), self.batch_size
        return n // b if self.drop_last else -(-n // b)


class FromNestedConfig(FromConfig):
    """`cfg.data.batch_size`: a namespace in a namespace."""

    def __init__(self, cfg, dataset):
        self.dataset = dataset
        self.batch_size = cfg.data.batch_size
        self.drop_last = cfg.data.drop_last


class NeedsModel(Sampler):
    def __init__(self, model, dataset):
        self.dataset, self.scores = dataset, model.score(dataset)

    def __iter__(self):
        return iter(range(len(self.dataset)))

    def __len__(self):
        return len(self.dataset)


class Mystery(FromConfig):
    def __init__(self, cfg, dataset):
        super().__init__({"batch_size": 2}, dataset)
        self.knob = cfg.knob


def test_an_options_object_is_built_from_what_the_class_reads():
    result = check_class(FromOptions, OPTIONS)
    assert result.status == COUNTEREXAMPLE
    assert finding(result) == (
        "FromOptions(opts=SimpleNamespace(batch_size=4, drop_last=False), dataset=range(1)):"
        " len 0, __iter__ yielded 1 batch of size 1"
    )
    assert "from types import SimpleNamespace" in pytest_test(result)


def test_a_dict_of_settings_and_a_nested_namespace_are_built():
    for cls in (FromConfig, FromNestedConfig):
        result = check_class(cls, OPTIONS)
        assert result.status == OK and result.examples > 50, (cls, result.why)


def test_what_cannot_be_read_is_named():
    result = check_class(NeedsModel, OPTIONS)
    assert result.status == CANNOT_BUILD
    assert result.why == (
        "nothing to pass as `model`: the class calls model.score(); register it:"
        f" `flake8_dplen.check.register('{__name__}.NeedsModel', args={{'model': VALUE}})`"
    )
    result = check_class(Mystery, OPTIONS)
    assert result.status == CANNOT_BUILD
    assert result.why == (
        "nothing to pass as `cfg.knob` (read with no default, and its name says nothing); register it:"
        f" `flake8_dplen.check.register('{__name__}.Mystery', args={{'cfg.knob': VALUE}})`"
    )


class ConfiguredBatches(Sampler):
    """Settings from a config tree, read in the constructor; exact under both drop_last."""

    def __init__(self, dataset, cfg):
        self.n = len(dataset)
        self.batch_size = cfg.data.batch_size
        self.drop_last = cfg.data.drop_last

    def __iter__(self):
        for i in range(0, self.n, self.batch_size):
            if self.drop_last and i + self.batch_size > self.n:
                return
            yield list(range(i, min(i + self.batch_size, self.n)))

    def __len__(self):
        if self.drop_last:
            return self.n // self.batch_size
        return -(-self.n // self.batch_size)


class ConfiguredBatchesFloor(ConfiguredBatches):
    """Keeps its base's constructor: `cfg` is read only in the base's code. len() floors
    where the tail is yielded."""

    def __len__(self):
        return self.n // self.batch_size


def test_a_parameter_read_in_the_base_constructor_is_built_for_the_subclass():
    # On main (aa63a46) the subclass was "could not build": nothing to pass as `cfg`.
    assert check_class(ConfiguredBatches, OPTIONS).status == OK
    assert check_class(ConfiguredBatchesFloor, OPTIONS).status == COUNTEREXAMPLE
