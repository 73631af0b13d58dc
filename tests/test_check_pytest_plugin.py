"""The pytest plugin, run for real by pytester in a subprocess on a small project."""

from __future__ import annotations

pytest_plugins = ["pytester"]

# A wrong sampler and its exact twin, also the README commands' package (test_readme_commands).
CHUNKS = """
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
"""

SAMPLERS = (
    CHUNKS
    + """

class Tokenized(ExactChunks):
    def __init__(self, dataset, batch_size: int, tokenizer):
        super().__init__(dataset, batch_size)
        self.vocabulary = tokenizer.get_vocab()


class UnregisteredTokenized(Tokenized):
    pass
"""
)

CONFTEST = """
from types import SimpleNamespace

from flake8_dplen.check import factory
from samplers import Tokenized


@factory(Tokenized)
def tokenized(dataset, batch_size: int):
    return Tokenized(dataset, batch_size, tokenizer=SimpleNamespace(get_vocab=dict))
"""

TEST_FIXTURE = """
from samplers import Chunks, ExactChunks, UnregisteredTokenized


def test_exact(dplen_check):
    result = dplen_check(ExactChunks, budget=1)
    assert result.status == "ok" and result.examples > 0


def test_buggy(dplen_check):
    dplen_check(Chunks, budget=1)


def test_unbuilt(dplen_check):
    dplen_check(UnregisteredTokenized, budget=1)
"""


def _line_of(path, statement: str) -> int:
    return path.read_text().splitlines().index(statement) + 1


def _project(pytester):
    pytester.makepyfile(samplers=SAMPLERS)
    pytester.makeconftest(CONFTEST)
    pytester.makefile(".cfg", setup="[flake8]\n")


def test_dplen_option_adds_one_test_per_sampler(pytester):
    _project(pytester)
    result = pytester.runpytest_subprocess(
        "--dplen", "samplers", "--dplen-budget", "1", "-rs", "-p", "no:cacheprovider"
    )
    result.assert_outcomes(passed=2, failed=1, skipped=1)
    unbuilt = _line_of(pytester.path / "samplers.py", "class UnregisteredTokenized(Tokenized):")
    result.stdout.fnmatch_lines(
        [
            "collected 4 items",
            "*_ dplen::Chunks _*",
            "Chunks(dataset=range(3), batch_size=2): len 1, __iter__ yielded 2 batches of sizes 2, 1",
            "Reproduce it with:",
            "def test_chunks_len_matches_iter():",
            "    sampler = Chunks(dataset=range(3), batch_size=2)",
            # The skip points at the class that could not be built, not into the plugin.
            f"SKIPPED ?1? samplers.py:{unbuilt}:"
            " samplers.UnregisteredTokenized could not be built: nothing to pass as `tokenizer`*"
            "register a factory*",
        ]
    )
    # The factory from conftest.py built Tokenized: it passed, it was not skipped.
    assert "samplers.Tokenized could not be built" not in result.stdout.str()
    # One message per failure: the case and its test once, and the summary's one line.
    assert result.stdout.str().count("Reproduce it with:") == 1
    assert result.stdout.str().count("len 1, __iter__ yielded 2 batches") == 1


def test_collect_only_lists_as_many_ids_as_it_counts(pytester):
    _project(pytester)
    pytester.makepyfile(test_plain="def test_plain():\n    pass\n")
    result = pytester.runpytest_subprocess(
        "--dplen", "samplers", "--collect-only", "-q", "-p", "no:cacheprovider"
    )
    assert result.ret == 0
    listed = [line for line in result.outlines if "::" in line]
    assert listed == [
        "test_plain.py::test_plain",
        "samplers.py::dplen::Chunks",
        "samplers.py::dplen::ExactChunks",
        "samplers.py::dplen::Tokenized",
        "samplers.py::dplen::UnregisteredTokenized",
    ]
    result.stdout.fnmatch_lines(["5 tests collected in *"])


def test_the_id_of_a_failure_reruns_that_class_alone(pytester):
    _project(pytester)
    first = pytester.runpytest_subprocess(
        "--dplen", "samplers", "--dplen-budget", "1", "-p", "no:cacheprovider"
    )
    (failed,) = [line for line in first.outlines if line.startswith("FAILED ")]
    pasted = failed.split()[1]
    assert pasted == "samplers.py::dplen::Chunks"
    # As pasted, without --dplen; and with it (an addopts that always adds --dplen).
    for extra in ([], ["--dplen", "samplers"]):
        again = pytester.runpytest_subprocess(pasted, *extra, "--dplen-budget", "1", "-p", "no:cacheprovider")
        again.assert_outcomes(failed=1)
        again.stdout.fnmatch_lines(["collected 1 item", f"FAILED {pasted} - Chunks(dataset=range(3)*"])
    # The group of a file runs its classes, and a class of it passes as it did.
    group = pytester.runpytest_subprocess(
        "samplers.py::dplen",
        "samplers.py::dplen::ExactChunks",
        "--collect-only",
        "-q",
        "-p",
        "no:cacheprovider",
    )
    group.stdout.fnmatch_lines(["samplers.py::dplen::ExactChunks", "4 tests collected in *"])


def test_dplen_check_fixture(pytester):
    pytester.makepyfile(samplers=SAMPLERS, test_samplers=TEST_FIXTURE)
    result = pytester.runpytest_subprocess("-rs", "-p", "no:cacheprovider")
    result.assert_outcomes(passed=1, failed=1, skipped=1)
    call = _line_of(pytester.path / "test_samplers.py", "    dplen_check(UnregisteredTokenized, budget=1)")
    result.stdout.fnmatch_lines(
        [
            "*test_buggy*",
            "*Chunks(dataset=range(3), batch_size=2): len 1*",
            # The skip points at the test's call, not into the plugin.
            f"SKIPPED ?1? test_samplers.py:{call}: samplers.UnregisteredTokenized could not be built*",
        ]
    )
    # Once: pytest.fail inside an `except` printed it a second time, as a chained exception.
    assert result.stdout.str().count("Reproduce it with:") == 1
    assert "During handling of the above exception" not in result.stdout.str()


def test_bad_target_is_a_failing_item(pytester):
    pytester.makepyfile(samplers=SAMPLERS)
    result = pytester.runpytest_subprocess(
        "--dplen", "nosuchmodule", "--dplen", "samplers:Nope", "-p", "no:cacheprovider"
    )
    result.assert_outcomes(failed=2)
    result.stdout.fnmatch_lines(
        [
            "FAILED dplen?nosuchmodule? - nosuchmodule: cannot import: ModuleNotFoundError*",
            "FAILED dplen?samplers:Nope? - samplers:Nope: no class Nope in samplers",
        ]
    )


def test_the_resume_convention_is_an_option(pytester):
    from pathlib import Path

    fixture = Path(__file__).resolve().parent / "fixtures" / "check" / "resumed_whole_epoch.py"
    pytester.makepyfile(resumable=fixture.read_text())
    pytester.makefile(".cfg", setup="[flake8]\n")
    run = ("--dplen", "resumable", "--dplen-budget", "1", "-p", "no:cacheprovider")
    strict = pytester.runpytest_subprocess(*run)
    strict.assert_outcomes(failed=1)
    strict.stdout.fnmatch_lines(["*resumed after * (state_dict() after *, load_state_dict() on a new one)*"])
    lightning = pytester.runpytest_subprocess(*run, "--dplen-resumed-len", "epoch")
    lightning.assert_outcomes(passed=1)
