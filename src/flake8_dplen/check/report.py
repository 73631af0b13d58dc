"""How a result reads: one line per class, and a counterexample as a pytest test."""

from __future__ import annotations

import re
from typing import Any, Dict, List, Optional

from ..runtime.length import REST
from ..text import plural
from .resume import STATE
from .search import CANNOT_BUILD, COUNTEREXAMPLE, CUT_OFF, NOT_CHECKED, OK, TIMED_OUT, Result, batch_cap

# Batch sizes shown in a line: the first ones, then the last, around an ellipsis.
_HEAD, _TAIL = 8, 2


def name(cls: type) -> str:
    return f"{cls.__module__}.{cls.__qualname__}"


def _sizes(sizes) -> str:
    shown = ["?" if s is None else str(s) for s in sizes]
    if len(shown) > _HEAD + _TAIL + 1:
        shown = shown[:_HEAD] + [f"... ({len(shown) - _HEAD - _TAIL} more)"] + shown[-_TAIL:]
    return ", ".join(shown)


def finding(result: Result) -> str:
    """`Call(...): len N, __iter__ yielded ...` for a counterexample or a cut-off."""
    call, r = result.call.code + result.call.scenario, result.report
    if result.epoch:
        after = f"after set_epoch({result.epoch})" if _has_set_epoch(result) else _iterated(result.epoch)
        call += f", in {'its second' if result.epoch == 1 else 'a later'} epoch ({after})"
    if result.resumed is not None:
        call += result.resumed.scenario
    if result.timed_out is not None:
        return (
            f"{call}: len {result.reported}, __iter__ had yielded {result.batches} batches when it was"
            f" stopped after {result.timed_out:g} s (the time limit, --timeout): it runs on past len"
        )
    if r.cut_off:
        return (
            f"{call}: len {r.reported}, __iter__ was cut off after {max(r.counts)} batches"
            f" (the cap is 10 x len + 1000): it never ends, or runs far past len"
        )
    if r.yielded is not None:
        if r.sizes and not any(size is not None for size in r.sizes):
            # Indices, not batches: a count is all there is to say.
            return f"{call}: len {r.reported}, __iter__ yielded {r.yielded} {_plural(r.yielded, 'item')}"
        sizes = f" of size{'s' if len(r.sizes) > 1 else ''} {_sizes(r.sizes)}" if r.sizes else ""
        return f"{call}: len {r.reported}, __iter__ yielded {r.yielded} {_plural(r.yielded, 'batch')}{sizes}"
    against = f", expected {r.expected:.2f}" if r.expected is not None else ""
    return (
        f"{call}: len {r.reported}, __iter__ yielded {r.mean:.2f} ± {r.stderr:.2f} batches on average"
        f" over {r.epochs} seeded epochs (range {min(r.counts)}..{max(r.counts)}{against})"
    )


def _plural(n: int, word: str) -> str:
    return word if n == 1 else word + ("es" if word.endswith("ch") else "s")


def line(result: Result) -> str:
    # Upper case: what fails the run (a time-out does, as a class's child stopped by isolate.py).
    failing = result.found or result.status == TIMED_OUT
    head = f"{result.status.upper() if failing else result.status:<15} {name(result.cls)}"
    if result.found:
        return f"{head}: {finding(result)}"
    if result.status == CANNOT_BUILD:
        return f"{head}: {result.why}; {how_to_register(result.cls)}"
    if result.status == TIMED_OUT:
        return f"{head}: {result.why}"
    if result.status == NOT_CHECKED:
        return f"{head}: registered as not to be checked: {result.why}"
    judged = "mean over seeded epochs" if result.random else "every epoch exact"
    return f"{head} ({result.examples} samplers built {result.how}, {judged}, {result.seconds:.1f} s)"


def how_to_register(cls: type) -> str:
    return (
        f"register a factory: `@flake8_dplen.check.factory({name(cls)!r})` on a function that"
        " returns one (its own parameters are generated), in the module, a conftest.py or a"
        " --factories module; or accept it unchecked:"
        f' `flake8_dplen.check.register({name(cls)!r}, skip="why")`, or --allow-unbuilt'
    )


def _snake(text: str) -> str:
    return re.sub(r"(?<!^)(?=[A-Z])", "_", text).lower()


def _iterated(epoch: int) -> str:
    return "iterated again" if epoch == 1 else f"the same object iterated {epoch + 1} times"


def _has_set_epoch(result: Result) -> bool:
    return callable(getattr(result.cls, "set_epoch", None))


def pytest_test(result: Result) -> str:
    """A test to paste into the user's suite; it fails today, and passes once fixed."""
    call = result.call
    target = call.target
    imports = [f"from {target.__module__} import {target.__qualname__.split('.')[0]}"]
    imports += call.imports
    resumed = result.resumed
    asserts = ["assert_length"] * (resumed is None or resumed.after)
    asserts += ["assert_resumed"] * (resumed is not None)
    imports += [f"from flake8_dplen.runtime import {function}" for function in asserts]
    r = result.report
    seeding: list = []
    if result.timed_out is not None or r.cut_off:
        # The cap keeps the pasted test from hanging as the sampler does.
        options = f"limit={batch_cap((result.reported or 0) if r is None else r.reported)}"
    elif result.random:
        imports += ["import random", "import torch"]
        expected = f", expected={r.expected!r}" if r.expected is not None else ""
        options = f"epochs={r.epochs}, reseed=reseed{expected}"
        # Seeded as the search seeded it, the build too: a len() that runs the class's
        # own random __iter__ once counts the draw of the seed it was built under.
        value = result.seed * 7919
        seeding = [
            "def reseed(epoch):",
            f"    random.seed({value} + epoch)",
            f"    torch.manual_seed({value} + epoch)",
            "",
            "reseed(0)",
        ]
    else:
        options = ""
    built = [*seeding, *call.statements("sampler")]
    run = [*built, f"assert_length(sampler{', ' if options else ''}{options})"]
    if result.epoch and not _has_set_epoch(result):
        # A class that counts its own epochs: its epochs before agree, each iterated once.
        before = result.epoch
        agree = "assert_length(sampler)  # the first epoch agrees" if before == 1 else (
            f"for _ in range({before}):\n    assert_length(sampler)  # the first {before} epochs agree"
        )
        run[len(built) : len(built)] = agree.split("\n")
    elif result.epoch:
        again = [f"sampler.set_epoch({result.epoch})"]
        if result.epoch > 1:
            # A later epoch, reached as the search reached it: after the first two.
            again[:0] = ["sampler.set_epoch(1)", "assert_length(sampler)  # the second too"]
        run[len(built) : len(built)] = ["assert_length(sampler)  # the first epoch agrees", *again]
    if resumed is not None:
        epoch = _has_set_epoch(result)
        judged = f"full={resumed.full}, consumed={resumed.k}{', ' if options else ''}{options}"
        run = resumed.way.code(call, resumed.k, epoch)
        if resumed.resumed_len != REST:
            judged += f", resumed_len={resumed.resumed_len!r}"
        if resumed.resumed_len != REST and resumed.way.kind != STATE:
            # A position may count other units than the items: the rest is judged as a
            # tail of the unresumed epoch, as the search judged it (check_resumed).
            whole = ["whole.set_epoch(0)"] if epoch else []
            run = [*call.statements("whole"), *whole, "epoch = list(whole)", *run]
            judged += ", epoch=epoch"
        run.append(f"assert_resumed(sampler, {judged})")
        if resumed.after:
            # The resumed epoch agreed; the next one, on the same object, must be whole.
            run += ["sampler.set_epoch(1)"] * epoch
            run.append(f"assert_length(sampler{', ' if options else ''}{options})")
    # The scenario is part of the case: the test runs it the same way, alone.
    contexts = []
    if result.timed_out is not None:
        # Building it or its __iter__ ran on without yielding: the limit ends the test.
        contexts.append(f"time_limit({result.timed_out:g})")
    if result.group:
        contexts.append("process_group()")
    if call.world is not None:
        contexts.append(f"as_rank(world_size={call.world[0]}, rank={call.world[1]})")
    if contexts:
        imports += [f"from flake8_dplen.runtime import {c.split('(')[0]}" for c in contexts]
        run = [f"with {', '.join(contexts)}:"] + [f"    {s}" for s in run]
    body = [f"def test_{_snake(result.cls.__name__)}_len_matches_iter():"]
    body += [f"    {line}" for line in _merged(imports)]
    body += [""] + [f"    {s}" for s in run]
    return "\n".join(body) + "\n"


def _merged(imports: List[str]) -> List[str]:
    """`from m import a` and `from m import b` as `from m import a, b`."""
    names: Dict[str, set] = {}
    plain = set()
    for statement in imports:
        module, sep, name = statement.partition(" import ")
        if module.startswith("from ") and sep:
            names.setdefault(module, set()).add(name)
        else:
            plain.add(statement)
    merged = [f"{module} import {', '.join(sorted(n))}" for module, n in names.items()]
    return sorted(plain) + sorted(merged)


def as_dict(result: Result) -> Dict[str, Any]:
    data: Dict[str, Optional[Any]] = {
        "class": name(result.cls),
        "status": result.status,
        "built": result.how,
        "examples": result.examples,
        "seconds": round(result.seconds, 3),
    }
    if result.found:
        data["counterexample"] = finding(result)
        data["test"] = pytest_test(result)
    if result.status in (CANNOT_BUILD, NOT_CHECKED, TIMED_OUT):
        data["why"] = result.why
    if result.status == CANNOT_BUILD:
        data["register"] = how_to_register(result.cls)
    return data


def message(result: Result) -> Dict[str, Any]:
    """What a child process sends back for one class: :func:`as_dict` and its text line."""
    return {**as_dict(result), "line": line(result)}


def text(entry: Dict[str, Any]) -> str:
    """The line of a class's entry; a class whose child did not report gets one here."""
    if "line" in entry:
        return entry["line"]
    return f"{entry['status'].upper():<15} {entry['class']}: {entry['why']}"


def summary(entries: List[Dict[str, Any]], seconds: float) -> str:
    statuses = [e["status"] for e in entries]
    shown = [OK, COUNTEREXAMPLE, CUT_OFF, CANNOT_BUILD]
    shown += sorted({s for s in statuses if s not in shown})
    counts = ", ".join(
        plural(statuses.count(s), s) if s == COUNTEREXAMPLE else f"{statuses.count(s)} {s}"
        for s in shown
        if s in shown[:4] or s in statuses
    )
    built = [e for e in entries if "built" in e and e["status"] != CANNOT_BUILD]
    auto = sum(e["built"] == "automatically" for e in built)
    return (
        f"{plural(len(entries), 'sampler class', 'sampler classes')}: {counts}; built {auto} automatically,"
        f" {len(built) - auto} with a registered factory; {seconds:.1f} s"
    )
