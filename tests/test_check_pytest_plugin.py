"""The pytest plugin, run for real by pytester in a subprocess on a small project."""

from __future__ import annotations

pytest_plugins = ["pytester"]

SAMPLERS = """
from torch.utils.data import Sampler


class Chunks(Sampler):
    def __init__(self, dataset, batch_size: int):
        self.dataset, self.batch_size = dataset, batch_size

    def __iter__(self):
        for start in range(0, len(self.dataset), self.batch_size):
            yield list(range(start, min(start + self.batch_size, len(self.dataset))))

    def __len__(self):
        return len(self.dataset) // self.batch_size


class ExactChunks(Chunks):
    def __len__(self):
        return -(-len(self.dataset) // self.batch_size)


class Tokenized(ExactChunks):
    def __init__(self, dataset, batch_size: int, tokenizer):
        super().__init__(dataset, batch_size)
        self.tokenizer = tokenizer


class UnregisteredTokenized(Tokenized):
    pass
"""

CONFTEST = """
from flake8_dplen.check import factory
from samplers import Tokenized


@factory(Tokenized)
def tokenized(dataset, batch_size: int):
    return Tokenized(dataset, batch_size, tokenizer=str.split)
"""

TEST_FIXTURE = """
from samplers import Chunks, ExactChunks


def test_exact(dplen_check):
    result = dplen_check(ExactChunks, budget=1)
    assert result.status == "ok" and result.examples > 0


def test_buggy(dplen_check):
    dplen_check(Chunks, budget=1)
"""


def test_dplen_option_adds_one_test_per_sampler(pytester):
    pytester.makepyfile(samplers=SAMPLERS)
    pytester.makeconftest(CONFTEST)
    pytester.makefile(".cfg", setup="[flake8]\n")
    result = pytester.runpytest_subprocess(
        "--dplen", "samplers", "--dplen-budget", "1", "-rs", "-p", "no:cacheprovider"
    )
    result.assert_outcomes(passed=2, failed=1, skipped=1)
    result.stdout.fnmatch_lines(
        [
            "*dplen*samplers.Chunks*",
            "Chunks(dataset=range(1), batch_size=2): len 0, __iter__ yielded 1 batch of size 1",
            "Reproduce it with:",
            "def test_chunks_len_matches_iter():",
            "    sampler = Chunks(dataset=range(1), batch_size=2)",
            "*samplers.UnregisteredTokenized could not be built: nothing to pass as `tokenizer`*"
            "register a factory*",
        ]
    )
    # The factory from conftest.py built Tokenized: it passed, it was not skipped.
    assert "samplers.Tokenized could not be built" not in result.stdout.str()


def test_dplen_check_fixture(pytester):
    pytester.makepyfile(samplers=SAMPLERS, test_samplers=TEST_FIXTURE)
    result = pytester.runpytest_subprocess("-p", "no:cacheprovider")
    result.assert_outcomes(passed=1, failed=1)
    result.stdout.fnmatch_lines(["*test_buggy*", "*Chunks(dataset=range(1), batch_size=2): len 0*"])


def test_bad_target_is_a_failing_item(pytester):
    pytester.makepyfile(samplers=SAMPLERS)
    result = pytester.runpytest_subprocess("--dplen", "nosuchmodule", "-p", "no:cacheprovider")
    result.assert_outcomes(failed=1)
    result.stdout.fnmatch_lines(["*nosuchmodule: cannot import: ModuleNotFoundError*"])
