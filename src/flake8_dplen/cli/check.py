"""dplen check TARGET... (also `python -m flake8_dplen.check`): run the samplers and
search for arguments on which len() disagrees with the batches __iter__ yields.

TARGET is a module (`mypkg.data`), a class (`mypkg.data:MySampler`), a package (every
module below it) or a path (a file, a package folder, or a folder of files).

Examples:
  dplen check mypkg.samplers
  dplen check src/mypkg --factories tests/dplen_factories.py --budget 10
  dplen check mypkg.samplers:BucketSampler --seed 3 --format json

Exit status: 0 every sampler was built and agrees with its len(); 1 a counterexample, a
cut-off iteration, a class that crashed or timed out, or one that could not be built (unless
--allow-unbuilt); 2 bad usage, or a target, base or factory module that cannot be imported;
3 an internal error of the check.
"""

from __future__ import annotations

import argparse
import json
import os
import signal
import sys
import time
import traceback
from contextlib import contextmanager
from typing import Iterator, List, Optional, Sequence

from flake8_dplen import __version__

from ..check import switches
from ..text import plural
from . import documented_parser
from .dependencies import import_needed
from .settings import load as load_settings
from .workers import exit_on_sigterm, usable_cpus


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("targets", nargs="*", metavar="TARGET", help="module, module:Class, package or path")
    parser.add_argument(
        "--factories",
        action="append",
        default=[],
        metavar="MODULE",
        help="import this module or file first: the factories it registers are used (repeatable)",
    )
    switches.add(parser.add_argument, "--")
    parser.add_argument(
        "--timeout",
        type=float,
        default=5.0,
        help="seconds one sampler may iterate before it is stopped and reported (default: 5)",
    )
    parser.add_argument(
        "-j",
        "--jobs",
        type=int,
        default=0,
        help="classes searched at once, each in a process of its own (default: the usable CPUs)",
    )
    parser.add_argument(
        "--allow-unbuilt",
        action="store_true",
        help="a class that could not be built does not fail the run (it is still reported)",
    )
    parser.add_argument(
        "--max-examples", type=int, default=200, help="samplers built per class at most (default: 200)"
    )
    parser.add_argument(
        "--epochs", type=int, default=20, help="seeded epochs averaged for a random sampler (default: 20)"
    )
    parser.add_argument(
        "--sampler-bases",
        default="",
        metavar="DOTTED,...",
        help="more base classes whose subclasses are samplers (added to the config's dplen-sampler-bases)",
    )
    parser.add_argument(
        "--config", metavar="FILE", help="flake8 config file to read (default: as flake8 finds one)"
    )
    parser.add_argument("--isolated", action="store_true", help="read no config file")
    parser.add_argument(
        "--format", choices=("text", "json"), default="text", help="text, or json for machines"
    )
    parser.add_argument(
        "--no-tests", action="store_true", help="do not print counterexamples as pytest tests"
    )
    parser.add_argument("-q", "--quiet", action="store_true", help="print only counterexamples and errors")


def build_parser(prog: str = "dplen check") -> argparse.ArgumentParser:
    parser = documented_parser(prog, __doc__)
    add_arguments(parser)
    parser.add_argument("--version", action="version", version=f"flake8-dplen {__version__}")
    return parser


class _Progress:
    """`[i/N] class` on one rewritten stderr line, only on a terminal."""

    def __init__(self, total: int, quiet: bool) -> None:
        self.total = total
        self.enabled = not quiet and total > 1 and sys.stderr.isatty()

    def show(self, i: int, what: str) -> None:
        if self.enabled:
            sys.stderr.write(f"\r\033[K[{i}/{self.total}] {what}")
            sys.stderr.flush()

    def done(self) -> None:
        if self.enabled:
            sys.stderr.write("\r\033[K")


def import_factories(modules: Sequence[str]) -> List[str]:
    from pathlib import Path

    from ..check.targets import import_path

    errors = []
    for module in modules:
        try:
            if module.endswith(".py") or Path(module).exists():
                import_path(Path(module))
            else:
                __import__(module)
        except (Exception, SystemExit) as exc:
            errors.append(f"{module}: cannot import the factories: {type(exc).__name__}: {exc}")
    return errors


@contextmanager
def _user_output_to_stderr() -> Iterator[None]:
    """While the user's modules are imported, what they print goes to stderr: stdout
    carries the report (and --format json) alone."""
    sys.stdout.flush()
    saved = os.dup(1)
    os.dup2(2, 1)
    try:
        yield
    finally:
        sys.stdout.flush()
        os.dup2(saved, 1)
        os.close(saved)


# Statuses that fail the run (exit 1); "could not build" too unless --allow-unbuilt.
_FAILING = ("counterexample", "cut off", "crashed", "timed out")


def run(args: argparse.Namespace) -> int:
    try:
        note = import_needed()
    except ImportError as exc:
        # Not `flake8-dplen[check]`: the package is on no index, and the clone's path is unknown here.
        print(f"dplen check: needs {exc.name}: pip install {exc.name}", file=sys.stderr)
        return 2
    if note:
        print(note, file=sys.stderr)
    from ..check import report
    from ..check.isolate import INTERNAL, check_classes
    from ..check.search import CANNOT_BUILD, Options
    from ..check.targets import resolve, sampler_bases

    try:
        settings = load_settings(args.config, args.isolated)
    except Exception as exc:  # flake8 raises its own error type for a missing --config
        print(f"{args.config}: cannot read the config: {exc}", file=sys.stderr)
        return 2
    # As `python -m` and pytest do: the user's own modules import from where they stand.
    if os.getcwd() not in sys.path:
        sys.path.insert(0, os.getcwd())
    # A module that parses the command line at import sees none (not dplen's own).
    argv, sys.argv = sys.argv, sys.argv[:1]
    try:
        with _user_output_to_stderr():
            errors = import_factories(args.factories)
            extra = settings.sampler_bases + tuple(
                b.strip() for b in args.sampler_bases.split(",") if b.strip()
            )
            bases, base_errors = sampler_bases(extra)
            found = resolve(args.targets, bases)
    finally:
        sys.argv = argv
    errors += base_errors + found.errors
    for error in errors:
        print(error, file=sys.stderr)
    for note in found.notes:
        print(note, file=sys.stderr)

    options = Options(args.budget, args.timeout, args.max_examples, args.seed, args.epochs, args.resumed_len)
    workers = args.jobs or usable_cpus()
    progress = _Progress(len(found.classes), args.quiet)
    began = time.monotonic()
    entries = []
    failing = set(_FAILING) | {INTERNAL} | (set() if args.allow_unbuilt else {CANNOT_BUILD})
    searched = check_classes(found.classes, options, workers, args.class_timeout)
    for i, (cls, entry) in enumerate(searched, 1):
        progress.show(i, report.name(cls))
        entries.append(entry)
        if args.format == "text" and (entry["status"] in failing or not args.quiet):
            progress.done()
            print(report.text(entry), flush=True)
    progress.done()
    if args.format == "json":
        json.dump([{k: v for k, v in e.items() if k != "line"} for e in entries], sys.stdout, indent=2)
        sys.stdout.write("\n")
    elif not args.no_tests:
        for entry in entries:
            if "test" in entry:
                print(f"\n# {entry['class']}: paste into your tests\n{entry['test']}")
    if not args.quiet:
        if found.without_len:
            n = len(found.without_len)
            print(
                f"{plural(n, 'sampler class defines', 'sampler classes define')} no __len__: "
                "nothing to compare",
                file=sys.stderr,
            )
        print(report.summary(entries, time.monotonic() - began), file=sys.stderr)
    statuses = {e["status"] for e in entries}
    if INTERNAL in statuses:
        return 3
    if errors:
        return 2
    return 1 if statuses & failing else 0


def main(argv: Optional[Sequence[str]] = None, prog: str = "dplen check") -> int:
    parser = build_parser(prog)
    args = parser.parse_args(argv)
    if not args.targets:
        parser.print_usage(sys.stderr)
        print(f"{prog}: error: give at least one TARGET", file=sys.stderr)
        return 2
    if (
        args.budget <= 0
        or args.timeout <= 0
        or args.class_timeout <= 0
        or args.max_examples < 1
        or args.epochs < 2
        or args.jobs < 0
    ):
        parser.error(
            "--budget, --timeout and --class-timeout must be positive, --max-examples >= 1,"
            " --epochs >= 2, --jobs >= 0"
        )
    # SIGTERM as an exception: the children searching the classes are stopped on the way out.
    previous = signal.signal(signal.SIGTERM, exit_on_sigterm)
    try:
        return run(args)
    except Exception:
        # The check's own failure: not the status of a counterexample (1).
        traceback.print_exc()
        print(f"{prog}: internal error (the traceback above); please report it", file=sys.stderr)
        return 3
    finally:
        signal.signal(signal.SIGTERM, previous)


# `dplen NAME ...`: the module whose `main(argv, prog)` runs NAME, and its line in the help.
COMMANDS = {
    "check": ("flake8_dplen.cli.check", "search for len/iter counterexamples by running the samplers"),
    "fix": ("flake8_dplen.cli.fix", "rewrite the __len__ bugs that have a safe fix; list the others"),
    "watch": ("flake8_dplen.watch.command", "run a program under the length sanitizer"),
}


def dplen(argv: Optional[Sequence[str]] = None) -> int:
    """The `dplen` console script: `dplen COMMAND ...`, one command per entry of COMMANDS."""
    import importlib

    parser = argparse.ArgumentParser(
        prog="dplen",
        description="Find and fix Sampler.__len__ values that disagree with what __iter__ yields.",
        epilog="`dplen COMMAND --help` describes each command.",
    )
    parser.add_argument("--version", action="version", version=f"flake8-dplen {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name, (_module, summary) in COMMANDS.items():
        commands.add_parser(name, help=summary, add_help=False)
    args, rest = parser.parse_known_args(argv)
    if args.command is None:
        parser.print_usage(sys.stderr)
        print(f"dplen: error: give a command: {', '.join(COMMANDS)}", file=sys.stderr)
        return 2
    module = importlib.import_module(COMMANDS[args.command][0])
    return module.main(rest, prog=f"dplen {args.command}")
