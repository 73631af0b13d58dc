"""Write docs/rules/<CODE>.md for every rule, from the rule's module and its cases.

Each page is the module's docstring (ruff's sections: What it does, Why is this bad, Use
instead, Fix safety, Known problems) around what the code really does: the message flake8
prints for the invalid case its line `Shown:` names (tests/fixtures/rules/<CODE>/,
read by tests/rule_cases.py), the codemod's output for it (through
flake8_dplen.fixes.rewrite, the functions `dplen-fix` applies), and the valid case it
names. So a page cannot drift from the rule: tests/test_docs.py regenerates the pages into a
temporary folder and requires the committed ones to be identical.

    python scripts/gen_docs.py            # rewrite docs/rules/
    python scripts/gen_docs.py --check    # exit 1, naming each page that is out of date
    python scripts/gen_docs.py --out DIR  # write somewhere else
"""

from __future__ import annotations

import argparse
import inspect
import re
import sys
from pathlib import Path
from typing import Dict, List, Optional, Sequence

REPO_ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO_ROOT / "tests"))
DEFAULT_OUT = REPO_ROOT / "docs" / "rules"
EXAMPLE_NAME = "example.py"

# The tests' marker for the reported line; a reader of the docs is told the line instead.
_MARK = re.compile(r"[ \t]*#\s*<-\s*DPL\d{3}[^\n]*")

SECTIONS = ("What it does", "Why is this bad", "Use instead", "Fix safety", "Known problems")

_CODE_WORDS = re.compile(r"__\w+__|[\w.]+\(\)|//")


def sections(rule) -> Dict[str, str]:
    """The rule module's docstring, by its `## ` headings; every one of SECTIONS is required."""
    from flake8_dplen.rules.base import rule_docs

    doc = rule_docs(rule)
    parts = re.split(r"^## (.+)$", doc, flags=re.M)
    found = {title.strip(): body.strip() for title, body in zip(parts[1::2], parts[2::2])}
    missing = [name for name in SECTIONS if name not in found]
    if missing:
        raise SystemExit(f"{rule.code}: the rule's docstring lacks the sections {missing}")
    return found


def _kinds(kinds) -> str:
    """What a rule looks at, from the same sets the analysis uses."""
    from flake8_dplen.core import rounding

    calls = {
        "int": ["int"],
        "round": ["round"],
        "floor": sorted(rounding._FLOOR_FUNCS),
        "ceil": sorted(rounding._CEIL_FUNCS),
    }
    unknown = set(kinds) - set(calls) - {"floordiv"}
    if unknown:
        raise SystemExit(f"scripts/gen_docs.py does not know how to describe {sorted(unknown)}")
    names = [f"`{name}()`" for kind in sorted(kinds) for name in calls.get(kind, [])]
    if "floordiv" in kinds:
        names.append("floor division `//`")
    return ", ".join(names)


def _md(text: str) -> str:
    """Code in a title as code: bare `__len__` would render as bold "len" in Markdown."""
    return _CODE_WORDS.sub(lambda m: f"`{m.group(0)}`", text)


def _source(example: str) -> str:
    return _MARK.sub("", example).strip("\n") + "\n"


def _fence(text: str, lang: str = "python") -> str:
    return f"```{lang}\n{text.rstrip()}\n```"


def _page(rule) -> str:
    from rule_cases import FIXTURES, case, cases

    from flake8_dplen import rule_url
    from flake8_dplen.engine import analyze_source
    from flake8_dplen.fixes.rewrite import Noqa, apply, plan, source_lines

    code = rule.code
    text = sections(rule)
    module_file = inspect.getmodule(type(rule)).__file__
    where = Path(module_file).resolve().relative_to(REPO_ROOT).as_posix()
    shown_invalid, shown_valid = (case(code, name) for name in rule.doc_cases)
    before = _source(shown_invalid.body)
    module, located = analyze_source(before, path=None)
    own = [item for item in located if item.finding.code == code]
    if module is None or not own:
        raise SystemExit(f"{code}: {shown_invalid.path.name} is not reported; fix the example first")
    first = own[0]
    lines = before.splitlines()
    planned = plan(before, located)
    edited = apply(module, planned)
    fixed_here = any(item is first for item in planned.fixes)

    valid = _source(shown_valid.body)
    _, valid_located = analyze_source(valid, path=None)
    if any(item.finding.code == code for item in valid_located):
        raise SystemExit(f"{code}: {shown_valid.path.name} is reported; fix the example first")

    noqa_line = f"{lines[first.line - 1]}  # noqa: {code}"
    with_noqa = source_lines(before)
    with_noqa[first.line - 1] = noqa_line + "\n"
    if not Noqa("".join(with_noqa)).suppressed(first.line, code):
        raise SystemExit(f"{code}: `# noqa: {code}` does not suppress the reported line")

    reported = [
        f"{EXAMPLE_NAME}:{item.line}:{item.column + 1}: {item.finding.code} {item.finding.message} "
        f"{rule_url(item.finding.code)}"
        for item in located
    ]
    status = (
        "Gating (`DPL1`): `flake8 --select=DPL1` fails on it, and the codemod acts on it."
        if rule.gating
        else "Warning (`DPL2`): not gating, and the codemod never changes it."
    )
    out: List[str] = [
        f"<!-- Generated by scripts/gen_docs.py from {where}; edit that file and rerun the script. -->",
        "",
        f"# {code}: {_md(rule.title)}",
        "",
        f"{status} It looks at {_kinds(rule.kinds)}, wherever the value reaches `__len__`."
        if rule.kinds
        else f"{status} It compares {rule.looks_at}.",
        "",
        "## What it does",
        "",
        text["What it does"],
        "",
        "## Why is this bad",
        "",
        text["Why is this bad"],
        "",
        "## Example",
        "",
        f"An invalid example of `{type(rule).__name__}` (`{shown_invalid.name}`):",
        "",
        _fence(before),
        "",
        f"`flake8 --select=DPL {EXAMPLE_NAME}` prints:",
        "",
        _fence("\n".join(reported), "text"),
        "",
        "## Use instead",
        "",
        text["Use instead"],
        "",
    ]
    if fixed_here:
        out += [f"After `dplen-fix {EXAMPLE_NAME}` (its output, unedited):", "", _fence(edited.code)]
    else:
        reason = first.finding.manual or "no safe rewrite"
        what = "it is left for a manual fix" if rule.gating else "the codemod does not change DPL2 findings"
        out += [f"No automatic fix: {what} ({reason}). The file is left as it is."]
    out += [
        "",
        f"Not reported (a valid example of `{type(rule).__name__}`, `{shown_valid.name}`):",
        "",
        _fence(valid),
        "",
        "## Fix safety",
        "",
        text["Fix safety"],
        "",
        "## Known problems",
        "",
        text["Known problems"],
        "",
        "## Suppressing",
        "",
        f"Put `# noqa: {code}` on the reported line (line {first.line} above):",
        "",
        _fence(noqa_line.strip()),
        "",
        "flake8 then reports nothing there"
        + (", and the codemod leaves the line unchanged." if rule.gating else ".")
        + ' If you also run ruff, set `lint.external = ["DPL"]`, or `ruff check --fix` deletes '
        "the comment (see the README, Suppressing).",
        "",
        f"`{where}` holds this rule; `{FIXTURES.relative_to(REPO_ROOT).as_posix()}/{code}/` its "
        f"{len(cases(code, 'invalid'))} invalid and {len(cases(code, 'valid'))} valid examples "
        "(each invalid one with the exact fix expected); the tests run every one.",
        "",
    ]
    return "\n".join(out)


def _index(rules) -> str:
    from rule_cases import cases

    out = [
        "<!-- Generated by scripts/gen_docs.py; edit the rules and rerun the script. -->",
        "",
        "# Rules",
        "",
        "| code | title | gating | examples (invalid / valid) |",
        "|---|---|---|---|",
    ]
    out += [
        f"| [{rule.code}]({rule.code}.md) | {_md(rule.title)} | {'yes' if rule.gating else 'no'} "
        f"| {len(cases(rule.code, 'invalid'))} / {len(cases(rule.code, 'valid'))} |"
        for rule in rules
    ]
    return "\n".join(out) + "\n"


def render() -> Dict[str, str]:
    """File name -> text, for every page."""
    from flake8_dplen.rules import RULES

    pages = {f"{rule.code}.md": _page(rule) for rule in RULES}
    pages["README.md"] = _index(RULES)
    return pages


def main(argv: Optional[Sequence[str]] = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT, help="folder (default: docs/rules)")
    parser.add_argument("--check", action="store_true", help="write nothing; exit 1 if a page differs")
    args = parser.parse_args(argv)

    pages = render()
    stale = (
        sorted(p.name for p in args.out.glob("DPL*.md") if p.name not in pages) if args.out.is_dir() else []
    )
    differ = [
        name
        for name, text in sorted(pages.items())
        if not (args.out / name).is_file() or (args.out / name).read_text(encoding="utf-8") != text
    ]
    if args.check:
        for name in differ:
            print(f"{args.out / name}: out of date; run python scripts/gen_docs.py", file=sys.stderr)
        for name in stale:
            print(f"{args.out / name}: no such rule; run python scripts/gen_docs.py", file=sys.stderr)
        return 1 if differ or stale else 0
    args.out.mkdir(parents=True, exist_ok=True)
    for name in differ:
        (args.out / name).write_text(pages[name], encoding="utf-8", newline="\n")
    for name in stale:
        (args.out / name).unlink()
    return 0


if __name__ == "__main__":
    sys.exit(main())
