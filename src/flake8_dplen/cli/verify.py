"""`dplen-fix --verify`: after rewriting, run `dplen check` on every rewritten class in a
subprocess and keep only the fixes it confirms; the others are undone and reported as
manual fixes with the counterexample. A subprocess, because the rewritten modules must
be imported fresh, and the user's samplers must not run inside the codemod.

It runs by default when it can (hypothesis and torch import): then a fix the check refutes
is undone, and one it cannot decide (a class it cannot build, a time-out) stays as the
model proves it. `--verify` asks for the strict policy (only confirmed fixes stay);
`--no-verify` keeps every fix the model proves. The conftest.py files below the current
folder are imported first, as pytest does, so the factories they register are used."""

from __future__ import annotations

import argparse
import json
import os
import signal
import subprocess
import sys
from typing import Dict, List, Sequence, Tuple

from .dependencies import NEEDED, import_needed
from .files import FileError, Source, encoded, read, write_atomically


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--verify",
        action=argparse.BooleanOptionalAction,
        default=None,
        help="after rewriting, run `dplen check` on the rewritten classes and undo the fixes it does not"
        " confirm (default: when hypothesis and torch can be imported, undo only the fixes it refutes;"
        " --no-verify keeps every fix the model proves)",
    )
    parser.add_argument(
        "--verify-factories",
        action="append",
        default=[],
        metavar="MODULE",
        help="with --verify: a module or file registering factories for `dplen check` (repeatable)",
    )
    parser.add_argument(
        "--verify-budget",
        type=float,
        default=2.0,
        metavar="SECONDS",
        help="with --verify: search time per class",
    )
    parser.add_argument(
        "--verify-timeout",
        type=float,
        default=600.0,
        metavar="SECONDS",
        help="with --verify: wall-clock limit of the whole check; a fix it has not confirmed by"
        " then is undone and reported as a manual fix (default: 600)",
    )


def unavailable() -> str:
    """Why `dplen check` cannot run here, "" when it can: it needs hypothesis and torch,
    imported as the check imports them."""
    try:
        import_needed()
    except Exception as exc:  # a broken install fails with more than ImportError
        # A failed import leaves its module out of sys.modules: the first one missing failed.
        name = next((n for n in NEEDED if n not in sys.modules), NEEDED[-1])
        return f"{name} cannot be imported ({type(exc).__name__})"
    return ""


def conftests(exclude: Sequence[str]) -> List[str]:
    """The conftest.py files below the current folder, shallowest first, as pytest imports
    them: the factories they register are the ones the pytest plugin sees."""
    from .files import discover

    found, _ = discover(["."], exclude)
    paths = [p for p in found if os.path.basename(p) == "conftest.py"]
    return sorted(paths, key=lambda p: (p.count(os.sep), p))


def _check(targets: Sequence[str], args: argparse.Namespace) -> Tuple[Dict[str, dict], str]:
    """`dplen check` results by `module.Class`, and what went wrong when it could not run."""
    command = [sys.executable, "-m", "flake8_dplen.check", "--format", "json", "--quiet"]
    command += ["--budget", str(args.verify_budget)]
    for module in [*conftests(args.exclude), *args.verify_factories]:
        command += ["--factories", module]
    if args.config:
        command += ["--config", args.config]
    if args.isolated:
        command.append("--isolated")
    # A session of its own, so that a time-out or an interruption stops the check and
    # whatever it started; the check stops the children searching its classes on SIGTERM.
    check = subprocess.Popen(
        [*command, *targets],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        cwd=os.getcwd(),
        start_new_session=True,
    )
    try:
        stdout, stderr = check.communicate(timeout=args.verify_timeout)
    except subprocess.TimeoutExpired:
        _stop(check)
        return {}, f"the check did not finish within {args.verify_timeout:g} s (--verify-timeout)"
    except BaseException:  # SIGTERM (as SystemExit) or Ctrl-C: the caller undoes the fixes
        _stop(check)
        raise
    try:
        results = json.loads(stdout)
    except json.JSONDecodeError:
        results = []
    problem = (stderr.strip().splitlines() or [f"exit status {check.returncode}"])[0]
    return {r["class"]: r for r in results}, problem


def _stop(check: subprocess.Popen) -> None:
    for sig in (signal.SIGTERM, signal.SIGKILL):
        try:
            os.killpg(check.pid, sig)
        except ProcessLookupError:
            return
        try:
            check.wait(timeout=5)
            return
        except subprocess.TimeoutExpired:
            continue


def _entry(verdicts: Dict[str, dict], path: str, item) -> dict:
    """The check's result for the class of a fix, {} when it has none."""
    return verdicts.get(_qualified(path, item.finding.cls.name.value), {})


def _qualified(path: str, cls_name: str) -> str:
    from pathlib import Path

    from ..check.targets import module_name

    return f"{module_name(Path(path))[1]}.{cls_name}"


def _verdict(entry: dict, problem: str, strict: bool) -> str:
    """Why a fix is not kept; empty when the check confirms it, or, unless `strict`, when
    it does not refute it (where the check cannot decide, the model's proof stands)."""
    if entry and "counterexample" in entry:
        return f"the check refutes the fix: {entry['counterexample']}"
    if not strict or (entry and entry["status"] == "ok"):
        return ""
    if not entry:
        return f"not confirmed, the check could not run it: {problem}"
    return f"not confirmed, the check {entry['status']}: {entry.get('why', '')}"


def run(files: Sequence[str], job, jobs: int, args: argparse.Namespace) -> List:
    """`run_all`, then the check on what it rewrote; undone fixes become manual findings."""
    import ast

    from ..core.analysis import deep_recursion
    from ..core.prefilter import might_define_sampler
    from ..fixes.linelength import line_length_for
    from ..fixes.rewrite import apply
    from .fix import planned_fixes, report_row, run_all

    if not job.write:
        print(
            "dplen-fix: error: --verify checks the rewritten files; it cannot go with --check or --diff",
            file=sys.stderr,
        )
        sys.exit(2)
    originals: Dict[str, Source] = {}
    for path in files:
        try:
            source = read(path, path in args.paths)
        except FileError:
            continue  # run_all reports it
        if might_define_sampler(source.text, job.config):
            originals[path] = source
    results = run_all(files, job, jobs, args.quiet, args.paths)
    changed = [r for r in results if r.changed and r.path in originals]
    plans = {}
    for result in changed:
        source = originals[result.path]
        plans[result.path] = planned_fixes(source, ast.parse(source.text), job)
    targets = sorted(
        {
            f"{path}:{item.finding.cls.name.value}"
            for path, (_, planned) in plans.items()
            for item in planned.fixes
        }
    )
    if not targets:
        return results
    strict = args.verify is True
    why = "" if strict else unavailable()
    if why:
        print(f"dplen-fix: fixes not verified by `dplen check`: {why}", file=sys.stderr)
        return results
    interrupted = None
    try:
        verdicts, problem = _check(targets, args)
    except (SystemExit, KeyboardInterrupt) as stop:
        # Interrupted while checking: no fix is confirmed, so none is left in place.
        interrupted, verdicts, problem = stop, {}, "dplen-fix was interrupted before the check confirmed it"
        signal.signal(signal.SIGTERM, signal.SIG_IGN)  # the undoing below is short: let it finish
        signal.signal(signal.SIGINT, signal.SIG_IGN)
    undone_count = 0
    for result in changed:
        module, planned = plans[result.path]
        reasons = {
            id(i): _verdict(
                verdicts.get(_qualified(result.path, i.finding.cls.name.value), {}), problem, strict
            )
            for i in planned.fixes
        }
        undone = [i for i in planned.fixes if reasons[id(i)]]
        undone_count += len(undone)
        if not undone:
            continue
        with deep_recursion():
            wrote = apply(module, planned, line_length_for(result.path)).code
            planned.fixes = [i for i in planned.fixes if not reasons[id(i)]]
            edited = apply(module, planned, line_length_for(result.path)).code
        try:
            current = read(result.path, result.path in args.paths)
            # The check can take minutes: a file edited meanwhile is the user's, not ours to undo.
            if current.text != wrote:
                raise FileError("it changed while the fix was being verified; left as it is")
            write_atomically(current, encoded(current, edited))
        except FileError as exc:
            result.error = f"--verify could not undo a refuted fix: {exc}"
            continue
        result.fixed = [report_row(i) for i in planned.fixes]
        result.manual += [report_row(i, reasons[id(i)]) for i in undone]
        result.changed = bool(planned.fixes)
    if interrupted is not None:
        print(
            f"dplen-fix: interrupted while verifying: {undone_count} unverified fixes undone",
            file=sys.stderr,
        )
        raise interrupted
    return results
