"""The figures of the runtime half: how many classes ran, how many are wrong by running,
and how the DPL1 findings fare against that ground truth."""

from __future__ import annotations

from typing import List, Sequence


def _codes(cell: str) -> List[str]:
    return [] if cell == "-" else cell.split(",")


def _percent(part: int, whole: int) -> str:
    return f"{part}/{whole} = {100 * part / whole:.1f}%" if whole else f"{part}/0 (undefined)"


def print_summary(rows: Sequence[Sequence[str]]) -> None:
    """`rows` are the worker's RESULT fields: label, class, runs, mismatches, errors,
    DPL1 codes, analysed, fix, confirmed codes, verdict, notes..."""
    ran = [r for r in rows if int(r[2]) > 0]
    wrong = [r for r in ran if int(r[3]) > 0]
    true = [(r[1], c) for r in ran for c in _codes(r[5]) if c in _codes(r[8])]
    false = [(r[0], r[1], c) for r in ran for c in _codes(r[5]) if c not in _codes(r[8])]
    unrun = [(r[0], r[1], c) for r in rows if int(r[2]) == 0 for c in _codes(r[5])]
    caught = [r for r in wrong if _codes(r[8])]
    print("\nsummary (ground truth by running each class over its grid)")
    print(f"  packages: {len({r[0] for r in rows})}")
    print(
        f"  sampler classes: {len(rows)}; run: {len(ran)}; "
        f"not run (judged by reading): {len(rows) - len(ran)}"
    )
    print(f"  classes whose len() is wrong on some configuration, found by running: {len(wrong)}")
    print(
        f"  DPL1 findings in run classes: {len(true) + len(false)} "
        f"(true {len(true)}, false {len(false)}); in classes not run: {len(unrun)}"
    )
    print(f"  precision (true / findings in run classes): {_percent(len(true), len(true) + len(false))}")
    print(
        "  recall (wrong classes with a true DPL1 finding / wrong classes): "
        f"{_percent(len(caught), len(wrong))}"
    )
    for label, name, code in false:
        print(f"    false: {label}: {name} {code}")
    for label, name, code in unrun:
        print(f"    not run, judged by reading: {label}: {name} {code}")
    _print_per_rule(rows)
    fixed = [r for r in ran if r[7] not in ("-", "manual")]
    print(f"  safe fixes run after the codemod: {len(fixed)}")
    for r in fixed:
        print(f"    {r[0]}: {r[1]}: {r[7]}")


def _print_per_rule(rows: Sequence[Sequence[str]]) -> None:
    """Each rule's findings by class: true or false by running, or not run (the README's
    per-rule table is this)."""
    verdicts = {}
    for r in rows:
        for cell in _codes(r[5]):
            code = cell.partition("@")[0]
            if int(r[2]) == 0:
                verdict = "not run"
            else:
                verdict = "true" if cell in _codes(r[8]) else "false"
            verdicts.setdefault(code, {}).setdefault(f"{r[0]}: {r[1]}", []).append(verdict)
    print("  per rule, by class (findings at several lines of one class count once per line):")
    for code in sorted(verdicts):
        classes = verdicts[code]
        counts = {v: sum(found.count(v) for found in classes.values()) for v in ("true", "false", "not run")}
        print(f"    {code}: true {counts['true']}, false {counts['false']}, not run {counts['not run']}")
        for name, found in sorted(classes.items()):
            print(f"      {', '.join(found)}: {name}")
