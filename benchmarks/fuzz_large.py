"""The properties of tests/test_fuzz.py at scale, counting instead of stopping at the
first failure.

    .venv/bin/python benchmarks/fuzz_large.py                       # 20,000 samplers, 2,000 modules
    .venv/bin/python benchmarks/fuzz_large.py --samplers 2000 --grammar 200 --node 20
    .venv/bin/python benchmarks/fuzz_large.py --seed 7              # another random stream

Samplers: every spec of the (finite) generated space is checked once on the test's grid,
then --samplers more draws each run the sampler on random (n, batch_size) pairs up to
n=5000, b=128. The codemod's output depends only on the source, so it is computed once
per distinct sampler source and reused. Modules: --grammar from hypothesmith.from_grammar
and --node from hypothesmith.from_node (about ten times slower per module).

Exit status: 0 when no property failed, 1 otherwise.
"""

from __future__ import annotations

import argparse
import functools
import sys
import time
import warnings
from collections import Counter
from typing import Dict, List, Tuple

from environment import REPO

sys.path.insert(0, str(REPO / "tests"))
sys.path.insert(0, str(REPO / "src"))

import test_fuzz as tf  # noqa: E402
from hypothesis import HealthCheck, Phase, given, seed, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402


class Tally:
    def __init__(self, name: str) -> None:
        self.name = name
        self.counts: Counter = Counter()
        self.failures: Dict[str, Tuple[int, str]] = {}  # kind -> (count, first message)

    def fail(self, kind: str, message: str) -> None:
        self.counts["failures"] += 1
        count, first = self.failures.get(kind, (0, message))
        self.failures[kind] = (count + 1, first)

    def report(self) -> None:
        print(f"\n{self.name}")
        for key, value in self.counts.items():
            print(f"  {key:<34}{value:>8}")
        for kind, (count, first) in sorted(self.failures.items(), key=lambda kv: -kv[1][0]):
            print(f"  FAILED x{count}: {kind}")
            print("    " + "\n    ".join(first.splitlines()[:60]))


@functools.lru_cache(maxsize=None)
def cached_rewrite(source: str):
    return tf.rewrite(source)


def _signature(spec: tf.SamplerSpec) -> str:
    # Failures are grouped by what decides the rules' verdict; place and spelling vary inside.
    return f"form={spec.form} guard={spec.guard} iterate={spec.iterate}"


def sampler_once(tally: Tally, spec: tf.SamplerSpec, pairs=None) -> None:
    tally.counts["examples run"] += 1
    try:
        outcome = tf.check_sampler(spec, pairs, rewrite=cached_rewrite)
    except AssertionError as exc:
        tally.fail(_signature(spec), str(exc))
        return
    except Exception as exc:  # a crash of the check itself is a failure too
        tally.fail(f"{type(exc).__name__} in {_signature(spec)}", f"{exc}\n{spec.render()}")
        return
    tally.counts["wrong before the codemod"] += bool(outcome.before)
    tally.counts["rewritten by the codemod"] += bool(outcome.fixes)
    tally.counts["reported as manual fix"] += outcome.manual
    tally.counts["manual fix, still wrong after"] += bool(outcome.manual and outcome.after)
    tally.counts["agree after the codemod"] += not outcome.after


def _generated(count: int, stream: int):
    """Hypothesis as a generator of `count` inputs from `stream`: no shrinking, no
    example database, no health checks, since a run counts failures instead of stopping."""

    def decorate(test):
        return seed(stream)(
            settings(
                max_examples=count,
                deadline=None,
                database=None,
                phases=[Phase.generate],
                suppress_health_check=list(HealthCheck),
            )(test)
        )

    return decorate


def run_samplers(count: int, stream: int) -> Tally:
    tally = Tally(f"generated samplers ({len(tf.all_specs())} distinct specs, then {count} random draws)")
    start = time.perf_counter()
    for spec in tf.all_specs():
        sampler_once(tally, spec)
    exhaustive = tally.counts["examples run"]
    pairs = st.lists(st.tuples(st.integers(0, 5000), st.integers(1, 128)), min_size=1, max_size=6)

    @_generated(count, stream)
    @given(spec=tf.sampler_specs(), pairs=pairs)
    def draw(spec, pairs):
        sampler_once(tally, spec, pairs)

    draw()
    tally.counts["of which exhaustive"] = exhaustive
    tally.counts["seconds"] = round(time.perf_counter() - start)
    return tally


def run_modules(strategy_name: str, count: int, stream: int) -> Tally:
    import hypothesmith

    tally = Tally(f"hypothesmith.{strategy_name}() modules ({count})")
    strategy = getattr(hypothesmith, strategy_name)()
    start = time.perf_counter()

    @_generated(count, stream)
    @given(source=strategy)
    def draw(source):
        tally.counts["modules run"] += 1
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                seen = tf.check_arbitrary(source)
        except AssertionError as exc:
            tally.fail("property failed", f"{exc!r}"[:3000])
            return
        except Exception as exc:
            tally.fail(f"{type(exc).__name__}", f"{exc!r}\n--- source ---\n{source}"[:3000])
            return
        for key, value in seen.items():
            tally.counts[key] += value

    draw()
    tally.counts["seconds"] = round(time.perf_counter() - start)
    return tally


def main(argv: List[str] = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--samplers", type=int, default=20000, help="random sampler draws after the exhaustive pass"
    )
    parser.add_argument("--grammar", type=int, default=1800, help="modules from hypothesmith.from_grammar")
    parser.add_argument("--node", type=int, default=200, help="modules from hypothesmith.from_node")
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args(argv)
    # Generated code such as `1()` compiles with a SyntaxWarning, once per module.
    warnings.simplefilter("ignore", SyntaxWarning)

    tallies = [run_samplers(args.samplers, args.seed)]
    tallies[-1].report()
    sys.stdout.flush()
    if args.grammar:
        tallies.append(run_modules("from_grammar", args.grammar, args.seed))
        tallies[-1].report()
        sys.stdout.flush()
    if args.node:
        tallies.append(run_modules("from_node", args.node, args.seed))
        tallies[-1].report()
    failed = sum(t.counts["failures"] for t in tallies)
    print(f"\ntotal failures: {failed}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
