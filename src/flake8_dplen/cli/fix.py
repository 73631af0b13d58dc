"""dplen fix [PATH...]: rewrite the Sampler.__len__ bugs that have a safe fix, list the others.
(Also spelled `dplen-fix` and `python -m codemods.fix_len`.)

Examples:
  dplen fix                      fix every *.py below the current folder, report what needs a hand
  dplen fix --diff src/data.py   show the change, write nothing (`git apply` takes the patch)
  dplen fix --check src/         CI gate: exit 1 if anything is left to do
  dplen fix --check --select DPL101,DPL103 --statistics src/   count two rules' findings

Every file is parsed: one that Python cannot parse is reported and makes the run exit
2, whether it defines a sampler or not. Only regular files are read (a FIFO or device
named *.py is reported and skipped); standard input (`-`) is not supported. A file is
replaced only if it is still what was read: one changed by something else during the
run is left alone and reported. Fixes are listed as `path:line:col: DPLxxx fixed`.
Findings that a `# noqa` or flake8's configuration (select, ignore, extend-ignore,
per-file-ignores) silences are left alone; --select, --extend-select and --ignore
(ruff's meanings) apply on top of that configuration. Colour follows --color, and `auto`
colours only a terminal, and nothing when NO_COLOR is set.

Exit status: 0 nothing left to do (or --exit-zero); 1 changes needed (--check, --diff)
or findings left for a manual fix; 2 bad usage, files that could not be read, parsed or
written (every other file is still processed), or a worker process killed from outside;
3 an internal error (a bug: please report it); 130 interrupted (Ctrl-C); 143 terminated
(SIGTERM).
"""

from __future__ import annotations

import argparse
import difflib
import os
import re
import signal
import sys
from dataclasses import dataclass, field
from typing import List, Optional, Sequence, Tuple

from flake8_dplen import __version__

from ..config import Config
from ..text import plural
from . import documented_parser, verify
from .bytecode import compiled_already
from .files import FileError, Source, discover, encoded, read, write_atomically
from .output import FORMATTERS, described
from .settings import Selection
from .settings import load as load_settings
from .workers import WorkerDied, exit_on_sigterm, parallel_map, usable_cpus

# line, 1-based column, code, message, manual reason, the fix's whole replacement
Row = Tuple[int, int, str, str, str, str]


@dataclass
class FileResult:
    path: str
    fixed: List[Row] = field(default_factory=list)
    manual: List[Row] = field(default_factory=list)
    changed: bool = False
    diff: bytes = b""  # in the file's own encoding, so that the patch applies
    error: Optional[str] = None


@dataclass(frozen=True)
class Job:
    config: Config
    selection: Selection
    write: bool
    want_diff: bool


def _cannot_parse(message: str, line: Optional[int]) -> FileError:
    return FileError(f"cannot parse: {message}" + (f" (line {line})" if line else ""))


def process(path: str, job: Job, follow_link: bool = False) -> FileResult:
    """Read, analyse and, when asked, fix one file, with only its own analysis between
    reading it and replacing it. Never raises (but for signals turned into SystemExit)."""
    import ast

    from ..core.prefilter import might_define_sampler

    result = FileResult(path)
    try:
        source = read(path, follow_link)
        candidate = might_define_sampler(source.text, job.config)
        # Every file, sampler or not: a file Python cannot parse is always reported. One
        # this Python has compiled already parses; only a candidate needs its tree.
        if candidate or not compiled_already(source.target, source.data):
            try:
                tree = ast.parse(source.text)
            except SyntaxError as exc:
                raise _cannot_parse(exc.msg, exc.lineno) from None
        if candidate:
            _fix(source, tree, job, result)
    except FileError as exc:
        result.error = str(exc)
    except RecursionError:
        result.error = "cannot analyse: nesting too deep (RecursionError)"
    except Exception as exc:  # one bad file must not stop the run; say what happened
        result.error = f"internal error: {type(exc).__name__}: {exc}"
    if result.error:
        result.changed = False
    return result


def planned_fixes(source: Source, tree, job: Job):
    """(module, plan) for one file, the findings flake8's ignores leave; (None, None) when
    the cheap tests rule it out."""
    # Imported only for files that may define a sampler, so that the rest stay cheap.
    from ..engine import analyze_source
    from ..fixes.rewrite import plan

    module, located = analyze_source(source.text, job.config, source.path, tree=tree)
    if module is None:
        return None, None
    located = [item for item in located if job.selection.reports(source.path, item.finding.code)]
    planned = plan(source.text, located)
    return module, _rechecked(module, planned, source, job)


def _rechecked(module, planned, source: Source, job: Job):
    """The plan less the fixes after which the model still counts the class wrong: the
    file is analysed again as the fixes write it, and a gating finding in a fixed class
    that its manual findings before did not account for (a count DPL115 runs apart, which
    a rounding rule's finding had hidden) makes that class's fixes manual, the finding
    their reason. A rounding rule's fix reads one rounding; an off-by-one numerator beside
    it (`(n - k) // b` where __iter__ steps over n - k + 1 items) only shows when run."""
    if not planned.fixes:
        return planned
    from dataclasses import replace

    from ..core.analysis import Located, deep_recursion
    from ..engine import analyze_source
    from ..fixes.linelength import line_length_for
    from ..fixes.rewrite import apply

    def name(item) -> Optional[str]:
        return item.finding.cls.name.value if item.finding.cls is not None else None

    with deep_recursion():
        fixed = apply(module, planned, line_length_for(source.path)).code
    _, after = analyze_source(fixed, job.config, source.path)
    known = {(name(i), i.finding.code, i.finding.message) for i in planned.manual}
    left = {}
    for item in after:
        if item.finding.gating and (name(item), item.finding.code, item.finding.message) not in known:
            left.setdefault(name(item), item.finding)
    demoted = [item for item in planned.fixes if name(item) in left]
    if not demoted:
        return planned
    planned.fixes = [item for item in planned.fixes if name(item) not in left]
    for item in demoted:
        still = left[name(item)]
        reason = f"after this fix the model still counts the class wrong ({still.code} {still.message})"
        planned.manual.append(Located(item.line, item.column, replace(item.finding, fix=None, manual=reason)))
    planned.manual.sort(key=lambda item: (item.line, item.column))
    return planned


def _fix(source: Source, tree, job: Job, result: FileResult) -> None:
    import libcst

    from ..core.analysis import deep_recursion
    from ..fixes.linelength import line_length_for
    from ..fixes.rewrite import apply

    _, planned = planned_fixes(source, tree, job)
    if planned is None:
        return
    result.fixed = [report_row(item) for item in planned.fixes]
    result.manual = [report_row(item, item.finding.manual) for item in planned.manual]
    if not planned.fixes:
        return
    with deep_recursion():
        # The fixes are written into LibCST's tree of the file (the model's is read-only).
        try:
            module = libcst.parse_module(source.text)
        except libcst.ParserSyntaxError as exc:
            raise _cannot_parse(exc.message, exc.raw_line) from None
        if module.code != source.text:
            # Writing LibCST's rendering would change bytes nobody asked to change.
            raise FileError("LibCST does not reproduce this file byte for byte; left unchanged")
        data = encoded(source, apply(module, planned, line_length_for(source.path)).code)
    result.changed = True
    if job.want_diff:
        result.diff = _unified_diff(source.path, source.data, data)
    if job.write:
        write_atomically(source, data)


_LINE = re.compile(rb"[^\r\n]*(?:\r\n|\r|\n)|[^\r\n]+\Z")


def _unified_diff(path: str, old: bytes, new: bytes) -> bytes:
    """The patch in the file's own bytes (its encoding, its BOM), which is what applies."""
    # git's a/ and b/ prefixes: `git apply` (and `patch -p1`) take the patch as it is.
    name = os.fsencode(path.replace(os.sep, "/")).lstrip(b"/")
    out = []
    lines = difflib.diff_bytes(
        difflib.unified_diff, _LINE.findall(old), _LINE.findall(new), b"a/" + name, b"b/" + name
    )
    for line in lines:
        out.append(line if line.endswith((b"\n", b"\r")) else line + b"\n\\ No newline at end of file\n")
    return b"".join(out)


def report_row(item, reason: str = "") -> Row:
    """One finding as the report shows it (1-based column), with the reason it was left."""
    finding = item.finding
    return item.line, item.column + 1, finding.code, finding.message, reason, finding.replacement or ""


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


def run_all(
    files: Sequence[str], job: Job, jobs: int, quiet: bool, named: Sequence[str] = ()
) -> List[FileResult]:
    """Each file read, analysed and written in turn (a symlink is followed only if it was
    `named` on the command line), in parallel when there are enough files to repay the
    workers' start-up."""
    progress = _Progress(len(files), quiet)
    named = set(named)
    arguments = [(path, job, path in named) for path in files]
    if jobs <= 1 or len(files) < 8:
        results = []
        for args in arguments:
            results.append(process(*args))
            progress.step()
        return results
    return parallel_map(process, arguments, jobs, progress.step)


def build_parser(prog: str = "dplen-fix") -> argparse.ArgumentParser:
    parser = documented_parser(prog, __doc__)
    parser.add_argument(
        "paths",
        nargs="*",
        metavar="PATH",
        help="files or folders (folders: every *.py below; default: the current folder)",
    )
    mode = parser.add_mutually_exclusive_group()
    mode.add_argument(
        "--check", action="store_true", help="write nothing; list findings; exit 1 if anything is left to do"
    )
    mode.add_argument("--diff", action="store_true", help="write nothing; print a unified diff of the fixes")
    parser.add_argument(
        "-j",
        "--jobs",
        type=int,
        default=usable_cpus(),
        help="parallel processes (default, and at most: the CPUs this process may use)",
    )
    parser.add_argument(
        "--exclude", action="append", default=[], metavar="GLOB", help="skip paths matching GLOB (repeatable)"
    )
    for switch, meaning in (
        ("--select", "act only on these codes or prefixes (replaces the config's select)"),
        ("--extend-select", "act also on these codes or prefixes"),
        ("--ignore", "leave these codes or prefixes alone (added to the config's ignores)"),
    ):
        parser.add_argument(switch, action="append", default=[], metavar="CODE,...", help=meaning)
    parser.add_argument(
        "--exit-zero", action="store_true", help="exit 0 even when findings are left (errors still exit 2)"
    )
    parser.add_argument(
        "--statistics", action="store_true", help="print how many findings of each code, not each finding"
    )
    parser.add_argument(
        "--show-fixes", action="store_true", help="print each fix's whole replacement under its finding"
    )
    parser.add_argument(
        "--color",
        choices=("auto", "always", "never"),
        default="auto",
        help="colour the text output (default: auto, a terminal without NO_COLOR set)",
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


def _colour(choice: str, stream) -> bool:
    if choice != "auto":
        return choice == "always"
    # no-color.org: set and not empty.
    return not os.environ.get("NO_COLOR") and stream.isatty()


def _paint(text: str, sgr: str, on: bool) -> str:
    return f"\033[{sgr}m{text}\033[0m" if on else text


def _flake8_switches(args: argparse.Namespace) -> List[str]:
    """ruff's switches as flake8 options: --select replaces the configured selection,
    --extend-select and --ignore add to it (flake8's own --ignore would replace it)."""
    switches = []
    for ours, theirs in (
        ("select", "--select"),
        ("extend_select", "--extend-select"),
        ("ignore", "--extend-ignore"),
    ):
        codes = [c.strip() for value in getattr(args, ours) for c in value.split(",") if c.strip()]
        if codes:
            switches.append(f"{theirs}={','.join(codes)}")
    return switches


def _statistics(entries: Sequence[tuple]) -> List[str]:
    """ruff's --statistics: one line per code, most frequent first; [*] when it has a safe fix."""
    from ..rules import RULES

    titles = {rule.code: rule.title for rule in RULES}
    counts: dict = {}
    for entry in entries:
        key = (entry[3], entry[5] == "safe")
        counts[key] = counts.get(key, 0) + 1
    width = max((len(str(n)) for n in counts.values()), default=1)
    return [
        f"{n:>{width}}\t{code}\t{'[*]' if safe else '[ ]'} {titles.get(code, '')}"
        for (code, safe), n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
    ]


def _main(argv: Optional[Sequence[str]], prog: str) -> int:
    parser = build_parser(prog)
    args = parser.parse_args(argv)
    # As ruff: no path means the current folder.
    paths = args.paths or ["."]
    if args.jobs < 1:
        parser.error("--jobs must be at least 1")
    if args.diff and args.format != "text":
        parser.error("--diff prints a patch; use --check with --format")
    try:
        settings = load_settings(args.config, args.isolated, _flake8_switches(args))
    except SystemExit:
        return 2  # flake8 has printed why it refused a switch
    except Exception as exc:  # flake8 raises its own error type for a missing --config
        print(f"{args.config or 'flake8 configuration'}: cannot read the config: {exc}", file=sys.stderr)
        return 2
    bases = settings.sampler_bases + tuple(b.strip() for b in args.sampler_bases.split(",") if b.strip())
    files, problems = discover(paths, [*settings.exclude, *args.exclude])
    for path, problem in problems:
        print(f"{path}: {problem}", file=sys.stderr)
    dry = args.check or args.diff
    job = Job(Config(sampler_bases=bases), settings.selection, write=not dry, want_diff=args.diff)
    jobs = min(args.jobs, usable_cpus())
    try:
        # By default the check confirms what was written, when it can run (cli/verify.py).
        if args.verify or (args.verify is None and job.write):
            results = verify.run(files, job, jobs, args)
        else:
            results = run_all(files, job, jobs, args.quiet, paths)
    except WorkerDied as died:
        return _worker_died(died, files)

    # Beside a patch on stdout, the findings go to stderr so the patch applies.
    listing_stream = sys.stderr if args.diff else sys.stdout
    colour = _colour(args.color, listing_stream)
    errors = [r for r in results if r.error]
    entries = []
    listing = []  # (sort key, line) of the text format
    for result in results:
        if result.error:
            print(f"{result.path}: {result.error}", file=sys.stderr)
        if args.diff and result.diff:
            sys.stdout.flush()
            sys.stdout.buffer.write(result.diff)
        # Once written, a fixed finding is gone, and --diff shows it as the patch.
        if args.check:
            entries += [(result.path, *row[:4], "safe", "", row[5]) for row in result.fixed]
        entries += [(result.path, *row[:4], "manual", row[4], "") for row in result.manual]
        if job.write and result.changed:
            for row in result.fixed:
                where = _paint(f"{result.path}:{row[0]}:{row[1]}:", "1", colour)
                shown = f": {row[5]}" if args.show_fixes else ""
                listing.append(
                    ((result.path, *row[:3]), f"{where} {_paint(row[2], '32', colour)} fixed{shown}")
                )
    sys.stdout.flush()
    if args.format != "text":
        sys.stdout.write(FORMATTERS[args.format](sorted(entries)))
    elif args.statistics:
        if not args.quiet:
            for line in _statistics(entries):
                print(line, file=listing_stream)
    elif not args.quiet:
        for path, line, column, code, message, _fix, reason, replacement in entries:
            where = _paint(f"{path}:{line}:{column}:", "1", colour)
            text = f"{where} {_paint(code, '31', colour)} {described(message, reason)}"
            if args.show_fixes and replacement:
                text += f"\n    fix: {replacement}"
            listing.append(((path, line, column, code), text))
        for _key, line in sorted(listing):
            print(line, file=listing_stream)

    fixed = sum(len(r.fixed) for r in results if r.changed)
    manual = sum(len(r.manual) for r in results)
    changed = sum(1 for r in results if r.changed)
    if not args.quiet:
        print(
            f"{plural(len(files), 'file')} scanned, {changed} {'would change' if dry else 'changed'}, "
            f"{plural(fixed, 'finding')} {'fixable' if dry else 'fixed'}, {manual} left for a manual fix, "
            f"{len(errors)} skipped with errors",
            file=sys.stderr,
        )
    missing = [p for p, problem in problems if problem != "no Python files here"]
    if errors or missing:
        return 2
    if (manual or (dry and changed)) and not args.exit_zero:
        return 1
    return 0


def _worker_died(died: WorkerDied, files: Sequence[str]) -> int:
    """A worker killed from outside (the OOM killer): what is known is reported, as such."""
    done = {r.path for r in died.results}
    written = sorted(r.path for r in died.results if r.changed)
    unknown = sorted(set(files) - done)
    print(f"dplen fix: a worker process was killed ({died.cause}); stopped", file=sys.stderr)
    for path in written:
        print(f"{path}: rewritten before the worker died", file=sys.stderr)
    if unknown:
        # A file is replaced whole or not at all, and fixing is idempotent: a rerun is safe.
        print(
            f"{plural(len(unknown), 'file')} not reported, each either as it was or fixed "
            f"(e.g. {unknown[0]}): run again to finish",
            file=sys.stderr,
        )
    return 2


def main(argv: Optional[Sequence[str]] = None, prog: str = "dplen-fix") -> int:
    import traceback

    # A path that is not valid UTF-8 is printed as its own bytes, as ls prints it.
    for stream in (sys.stdout, sys.stderr):
        if hasattr(stream, "reconfigure"):
            stream.reconfigure(errors="surrogateescape")
    previous = signal.signal(signal.SIGTERM, exit_on_sigterm)
    try:
        return _main(argv, prog)
    except KeyboardInterrupt:
        # Every file is either as it was or fixed; a traceback would only hide that.
        return 130
    except Exception as exc:
        # Exit 1 says "findings", which a CI step may accept: a crash must never say it.
        traceback.print_exc()
        print(
            f"{prog}: internal error (a bug, please report it): {type(exc).__name__}: {exc}",
            file=sys.stderr,
        )
        return 3
    finally:
        signal.signal(signal.SIGTERM, previous)


if __name__ == "__main__":
    sys.exit(main())
