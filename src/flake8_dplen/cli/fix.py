"""dplen-fix PATH... (also `python -m codemods.fix_len`): rewrite Sampler.__len__ bugs that have a safe fix.

Examples:
  dplen-fix src/                 fix in place, report what needs a hand
  dplen-fix --diff src/data.py   show the change, write nothing
  dplen-fix --check src/         CI gate: exit 1 if anything is left to do

Exit status: 0 nothing left to do; 1 changes needed (--check, --diff) or findings left
for a manual fix; 2 bad usage, or files that could not be read, parsed or written (every
other file is still processed).
"""

from __future__ import annotations

import argparse
import difflib
import os
import sys
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from typing import List, Optional, Sequence, Tuple

from flake8_dplen import __version__

from ..config import Config
from . import verify
from .files import FileError, Source, discover, read, write_atomically
from .output import FORMATTERS
from .settings import load as load_settings

Row = Tuple[int, int, str, str, str]  # line, 1-based column, code, message, manual reason


@dataclass
class FileResult:
    path: str
    fixed: List[Row] = field(default_factory=list)
    manual: List[Row] = field(default_factory=list)
    changed: bool = False
    diff: str = ""
    error: Optional[str] = None


@dataclass(frozen=True)
class Job:
    config: Config
    write: bool
    want_diff: bool


def process(path: str, job: Job, source: Optional[Source] = None) -> FileResult:
    """Analyse one file (`source` when already read) and, when asked, write its fixes.
    Never raises."""
    # Imported here so that --help stays cheap.
    import ast

    import libcst

    from ..core.analysis import analyze_source
    from ..fixes.linelength import line_length_for
    from ..fixes.rewrite import apply, plan, source_lines

    result = FileResult(path)
    try:
        source = source or read(path)
        module, located = analyze_source(source.text, job.config, path, tree=ast.parse)
        if module is None:
            return result
        lines = source_lines(source.text)
        planned = plan(source.text, located)
        result.fixed = [_row(item) for item in planned.fixes]
        result.manual = [_row(item, item.finding.manual) for item in planned.manual]
        if not planned.fixes:
            return result
        if module.code != source.text:
            # Writing LibCST's rendering would change bytes nobody asked to change.
            raise FileError("LibCST does not reproduce this file byte for byte; left unchanged")
        edited, _ = apply(module, planned, line_length_for(path))
        new_text = edited.code
        result.changed = True
        if job.want_diff:
            result.diff = _unified_diff(path, lines, source_lines(new_text))
        if job.write:
            write_atomically(path, new_text, source.encoding)
    except FileError as exc:
        result.error = str(exc)
    except (libcst.ParserSyntaxError, SyntaxError) as exc:
        line = getattr(exc, "raw_line", None) or getattr(exc, "lineno", None)
        result.error = f"cannot parse: {str(exc).splitlines()[0]} (line {line})"
    except RecursionError:
        result.error = "cannot analyse: nesting too deep (RecursionError)"
    except Exception as exc:  # one bad file must not stop the run; say what happened
        result.error = f"internal error: {type(exc).__name__}: {exc}"
    if result.error:
        result.changed = False
    return result


def _unified_diff(path: str, old: List[str], new: List[str]) -> str:
    out = []
    for line in difflib.unified_diff(old, new, path, path):
        out.append(line if line.endswith(("\n", "\r")) else line + "\n\\ No newline at end of file\n")
    return "".join(out)


def _row(item, reason: str = "") -> Row:
    return item.line, item.column + 1, item.finding.code, item.finding.message, reason


class _Progress:
    """A one-line bar on stderr, only for long runs on a terminal."""

    def __init__(self, total: int, quiet: bool) -> None:
        self.total = total
        self.enabled = not quiet and total >= 200 and sys.stderr.isatty()
        self.done = 0

    def step(self) -> None:
        if not self.enabled:
            return
        self.done += 1
        if self.done % 25 == 0 or self.done == self.total:
            filled = 30 * self.done // self.total
            sys.stderr.write(f"\r[{'#' * filled}{'.' * (30 - filled)}] {self.done}/{self.total} files")
            if self.done == self.total:
                sys.stderr.write("\n")
            sys.stderr.flush()


def run_all(files: Sequence[str], job: Job, jobs: int, quiet: bool) -> List[FileResult]:
    """Read and text-test every file here, then analyse the few that may hold a sampler,
    in parallel only when there are enough of them to repay the workers' start-up."""
    from ..core.prefilter import might_define_sampler

    progress = _Progress(len(files), quiet)
    results: List[FileResult] = []
    candidates: List[Tuple[str, Source]] = []
    for path in files:
        try:
            source = read(path)
        except FileError as exc:
            results.append(FileResult(path, error=str(exc)))
        else:
            if might_define_sampler(source.text, job.config):
                candidates.append((path, source))
                continue
            results.append(FileResult(path))
        progress.step()
    if jobs <= 1 or len(candidates) < 4:
        for path, source in candidates:
            results.append(process(path, job, source))
            progress.step()
    else:
        # Forked workers inherit these modules instead of importing LibCST each.
        import flake8_dplen.core.analysis  # noqa: F401
        import flake8_dplen.fixes.rewrite  # noqa: F401

        paths = [path for path, _ in candidates]
        sources = [source for _, source in candidates]
        with ProcessPoolExecutor(max_workers=jobs) as pool:
            for result in pool.map(process, paths, [job] * len(paths), sources, chunksize=4):
                results.append(result)
                progress.step()
    order = {path: i for i, path in enumerate(files)}
    return sorted(results, key=lambda r: order[r.path])


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="dplen-fix",
        description=__doc__.split("\n\n")[0],
        epilog="\n\n".join(__doc__.split("\n\n")[1:]),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument(
        "paths", nargs="*", metavar="PATH", help="files or folders (folders: every *.py below)"
    )
    mode = parser.add_mutually_exclusive_group()
    mode.add_argument(
        "--check", action="store_true", help="write nothing; list findings; exit 1 if anything is left to do"
    )
    mode.add_argument("--diff", action="store_true", help="write nothing; print a unified diff of the fixes")
    parser.add_argument(
        "-j", "--jobs", type=int, default=os.cpu_count() or 1, help="parallel processes (default: cores)"
    )
    parser.add_argument(
        "--exclude", action="append", default=[], metavar="GLOB", help="skip paths matching GLOB (repeatable)"
    )
    parser.add_argument(
        "--sampler-bases",
        default="",
        metavar="DOTTED,...",
        help="more base classes whose subclasses are samplers, e.g. mypkg.data.BaseSampler",
    )
    parser.add_argument(
        "--format",
        choices=("text", "github", "json", "sarif"),
        default="text",
        help="how to print findings: text (path:line:col: code message), github (workflow "
        "annotations), json, sarif (SARIF 2.1.0)",
    )
    parser.add_argument(
        "--config", metavar="FILE", help="flake8 config file to read (default: as flake8 finds one)"
    )
    parser.add_argument("--isolated", action="store_true", help="read no config file")
    parser.add_argument(
        "-q", "--quiet", action="store_true", help="print only errors; the exit status says the rest"
    )
    parser.add_argument("--version", action="version", version=f"flake8-dplen {__version__}")
    verify.add_arguments(parser)
    return parser


def main(argv: Optional[Sequence[str]] = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if not args.paths:
        parser.print_usage(sys.stderr)
        print(f"{parser.prog}: error: give at least one PATH", file=sys.stderr)
        return 2
    if args.jobs < 1:
        parser.error("--jobs must be at least 1")
    if args.diff and args.format != "text":
        parser.error("--diff prints a patch; use --check with --format")
    try:
        settings = load_settings(args.config, args.isolated)
    except Exception as exc:  # flake8 raises its own error type for a missing --config
        print(f"{args.config}: cannot read the config: {exc}", file=sys.stderr)
        return 2
    bases = settings.sampler_bases + tuple(b.strip() for b in args.sampler_bases.split(",") if b.strip())
    config = Config(sampler_bases=bases)
    files, problems = discover(args.paths, [*settings.exclude, *args.exclude])
    for path, problem in problems:
        print(f"{path}: {problem}", file=sys.stderr)
    job = Job(config, write=not (args.check or args.diff), want_diff=args.diff)
    results = verify.run(files, job, args) if args.verify else run_all(files, job, args.jobs, args.quiet)

    errors = [r for r in results if r.error]
    entries = []
    for result in results:
        if result.error:
            print(f"{result.path}: {result.error}", file=sys.stderr)
        if args.diff and result.diff:
            sys.stdout.write(result.diff)
        # Once written, a fixed finding is gone, and --diff shows it as the patch.
        if args.check:
            entries += [(result.path, *row[:4], "safe", "") for row in result.fixed]
        entries += [(result.path, *row[:4], "manual", row[4]) for row in result.manual]
    if args.format != "text":
        sys.stdout.write(FORMATTERS[args.format](sorted(entries)))
    else:
        for path, line, column, code, message, _fix, reason in sorted(entries):
            if not args.quiet:
                note = f" [manual fix: {reason}]" if reason else ""
                # Beside a patch on stdout, the findings go to stderr so the patch applies.
                print(
                    f"{path}:{line}:{column}: {code} {message}{note}",
                    file=sys.stderr if args.diff else sys.stdout,
                )

    fixed = sum(len(r.fixed) for r in results if r.changed)
    manual = sum(len(r.manual) for r in results)
    changed = sum(1 for r in results if r.changed)
    if not args.quiet:
        verb = "would change" if (args.check or args.diff) else "changed"
        print(
            f"{len(files)} files scanned, {changed} {verb}, {fixed} findings "
            f"{'fixable' if (args.check or args.diff) else 'fixed'}, {manual} left for a manual fix, "
            f"{len(errors)} skipped with errors",
            file=sys.stderr,
        )
    missing = [p for p, problem in problems if problem != "no Python files here"]
    if errors or missing:
        return 2
    if manual or ((args.check or args.diff) and changed):
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
