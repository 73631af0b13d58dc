"""What flake8-dplen adds to a flake8 run: time, peak memory, and its findings.

flake8 runs with its default checks (pycodestyle, pyflakes, mccabe) once with the
plugin and once without, alternating, on trees of the installed torch package:
the whole package and torch/utils/data. Afterwards the plugin runs alone
(``--select=DPL``) over the biggest tree to list its findings; torch's samplers
are correct, so no DPL1xx and no DPL000 are expected there.

Usage (with the python that has flake8, the plugin and torch installed)::

    python benchmarks/flake8_overhead.py                # full, 3 runs per side (30-60 min on torch)
    python benchmarks/flake8_overhead.py --runs 5
    python benchmarks/flake8_overhead.py --quick        # 1 run, torch/utils/data only (smoke test)
    python benchmarks/flake8_overhead.py --tree PATH [--tree PATH2 ...] [--ratio-goal 1.10]
    python benchmarks/flake8_overhead.py --no-findings  # skip the --select=DPL pass

Exit status: 0 when every goal is met, 1 when one is missed, 2 on a broken run.

Goals (issue 20's): with/without time ratio <= 1.01 on the whole package, <= 1.10 on
torch/utils/data (``--ratio-goal``, default 1.10, for ``--tree`` folders), and
peak memory at most 50 MB above flake8 alone.

How it is measured, and why:

* "Without" must really not load the plugin. ``--select``/``--ignore`` only filter
  reports: flake8 still imports and runs every installed plugin. Uninstalling would
  race with the people sharing this environment, so each run is a fresh interpreter
  that runs flake8's ``Application`` in-process (this file, in its hidden
  ``--runner`` mode); for "without" it wraps ``flake8.plugins.finder.find_plugins``,
  which ``flake8.options.parse_args`` calls through the module attribute, to drop
  the flake8-dplen distribution before anything is imported. The runner then
  proves it: "without" must end with ``flake8_dplen`` absent from ``sys.modules``,
  "with" passes ``--require-plugins flake8-dplen`` and must show a ``DPL`` tree
  checker. A flake8 that stopped honouring the patch fails loudly, not silently.
* ``--jobs 1`` on both sides: with the default (``auto``) flake8 forks a worker pool,
  so wall time depends on how busy the other cores are and peak RSS would be the
  largest worker rather than the total, which hides what the plugin costs. One
  process makes the time the sum of per-file work and the RSS that process's peak.
* ``--isolated`` so no config file on the way (this repo's, the user's) changes
  what is checked; reports go to ``--output-file /dev/null`` as flake8 still builds
  every one of them, but the terminal's speed is kept out of the numbers.
* Each run is timed from the parent with ``perf_counter`` around the subprocess
  (interpreter start and imports included: a user pays them), and its CPU time is
  read with ``os.wait4`` for that child alone. Peak memory is the child's VmHWM
  from /proc/self/status: ``RUSAGE_CHILDREN`` is a maximum over every child so far,
  and even a single child's ``ru_maxrss`` starts from the parent's RSS at spawn
  time, because Linux keeps the high-water mark of the image exec replaced.
* Sides alternate in ABBA order (without, with, with, without, ...) so slow drift,
  e.g. another job on the machine, falls on both. Files are read once beforehand so
  the first run does not pay for a cold page cache.
* The ratio is min(with) / min(without): the extra time of a run is noise from
  elsewhere, never a faster flake8, so the minimum is the least disturbed run. The
  median ratio and a CPU-time ratio (user + sys, less sensitive to a busy machine)
  are printed beside it for judging, but the goal is tested on the minimum.
* On a busy machine two flake8 runs of several minutes differ by more than the
  plugin costs, so the "with" runner also times the plugin itself (its import and
  every ``run()``), and the report shows the ratio that cost alone implies:
  (min without + time inside the plugin) / min without. It is an estimate beside
  the measured ratio, not the goal test.
* The plugin's package is byte-compiled before the runs, as pip compiles an installed
  wheel: a development install on a machine with PYTHONDONTWRITEBYTECODE set would
  recompile all of it in every run (about 25 ms, measured), which no user pays.
* The plugin is installed in development mode and its source changes under a long
  benchmark; each run records a hash of the package's .py files and the report
  warns when the "with" runs did not all run the same code. The report count of
  every run is printed too: a run that differs has met different plugin code or
  an error (DPL000).
"""

from __future__ import annotations

import argparse
import compileall
import fnmatch
import glob
import hashlib
import importlib.util
import json
import os
import platform
import re
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter
from dataclasses import dataclass, field
from typing import List, Optional, Sequence, Tuple

from environment import loadavg, torch_root, version

PLUGIN_DIST = "flake8-dplen"
MEMORY_GOAL_MB = 50.0
WHOLE_GOAL = 1.01
UTILS_DATA_GOAL = 1.10
RUNNER_FLAG = "--runner"


# --- child side: one flake8 run in this process -------------------------------------


def _normalize(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def _time_plugin() -> List[float]:
    """Import the plugin now, timed, and make its run() add up the time spent inside it.

    This is the plugin's own cost, which on a shared machine is a steadier estimate of
    the overhead than the difference of two noisy wall times. flake8 imports the
    same module moments later, so importing it here moves that cost, not adds it.
    """
    spent = [0.0, 0.0]
    start = time.perf_counter()
    from flake8_dplen.plugin import DplenChecker

    spent[0] = time.perf_counter() - start
    original = DplenChecker.run

    def timed_run(self):
        # Includes flake8's handling of each yielded report; the plugin yields
        # almost nothing on clean code, so that share is negligible.
        begin = time.perf_counter()
        try:
            yield from original(self)
        finally:
            spent[1] += time.perf_counter() - begin

    DplenChecker.run = timed_run
    return spent


def _peak_rss_mb() -> float:
    """This program's own peak RSS.

    Not ru_maxrss: Linux carries the memory image replaced by exec into it, so a
    child's ru_maxrss is at least the RSS of the parent that spawned it (tens of MB
    here after reading the tree). VmHWM belongs to the exec'd image alone.
    """
    try:
        with open("/proc/self/status", encoding="ascii") as fh:
            for line in fh:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024.0
    except OSError:
        pass
    import resource

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0


def _runner(side: str, result_path: str, flake8_argv: List[str]) -> int:
    """Run flake8 in-process; write what the parent needs to verify and report."""
    from flake8.main import application
    from flake8.plugins import finder

    if side == "without":
        original = finder.find_plugins

        def find_plugins_without_dplen(cfg, opts):
            return [p for p in original(cfg, opts) if _normalize(p.package) != PLUGIN_DIST]

        finder.find_plugins = find_plugins_without_dplen
    else:
        flake8_argv = ["--require-plugins", PLUGIN_DIST, *flake8_argv]
        plugin_seconds = _time_plugin()

    app = application.Application()
    app.run(flake8_argv)

    plugins = app.plugins
    manager = app.file_checker_manager
    result = {
        "catastrophic": app.catastrophic_failure,
        "packages": sorted({p.plugin.package for p in plugins.all_plugins()}) if plugins else [],
        "tree_checkers": [p.entry_name for p in plugins.checkers.tree] if plugins else [],
        "dplen_imported": any(m == "flake8_dplen" or m.startswith("flake8_dplen.") for m in sys.modules),
        "files": manager.statistics["files"] if manager else 0,
        "physical_lines": manager.statistics.get("physical lines", 0) if manager else 0,
        "violations": app.total_result_count,
        "peak_mb": _peak_rss_mb(),
    }
    if side == "with":
        result["plugin_import"], result["plugin_run"] = plugin_seconds
    with open(result_path, "w", encoding="utf-8") as fh:
        json.dump(result, fh)
    return 2 if app.catastrophic_failure else 0


# --- parent side ----------------------------------------------------------------------


@dataclass
class Run:
    side: str
    wall: float
    cpu: float
    peak_mb: float
    files: int
    physical_lines: int
    violations: int
    plugin_import: float = 0.0
    plugin_run: float = 0.0
    source: str = ""


@dataclass
class Tree:
    label: str
    path: str
    ratio_goal: float
    runs: List[Run] = field(default_factory=list)


class BenchmarkError(RuntimeError):
    pass


def _run_flake8(side: str, flake8_argv: Sequence[str]) -> Tuple[float, object, dict]:
    """One flake8 subprocess; returns (wall seconds, its rusage, the runner's result)."""
    with tempfile.TemporaryDirectory(prefix="flake8_overhead_") as tmp:
        result_path = os.path.join(tmp, "result.json")
        log_path = os.path.join(tmp, "log.txt")
        cmd = [sys.executable, os.path.abspath(__file__), RUNNER_FLAG, side, result_path, "--", *flake8_argv]
        # Output goes to a file rather than a pipe: the parent does not read while it
        # waits in wait4, and a full pipe would stall the child.
        with open(log_path, "w+", encoding="utf-8") as log:
            start = time.perf_counter()
            proc = subprocess.Popen(cmd, stdin=subprocess.DEVNULL, stdout=log, stderr=subprocess.STDOUT)
            _, status, usage = os.wait4(proc.pid, 0)
            wall = time.perf_counter() - start
            proc.returncode = os.waitstatus_to_exitcode(status)
            log.seek(0)
            output = log.read()
        if proc.returncode != 0 or not os.path.exists(result_path):
            raise BenchmarkError(f"flake8 ({side}) exited {proc.returncode}:\n{output[-4000:]}")
        with open(result_path, encoding="utf-8") as fh:
            result = json.load(fh)
    _verify_side(side, result)
    return wall, usage, result


def _verify_side(side: str, result: dict) -> None:
    has_dplen = _normalize_set(result["packages"])
    if side == "without" and (PLUGIN_DIST in has_dplen or result["dplen_imported"]):
        raise BenchmarkError("the 'without' run still loaded flake8-dplen; the finder patch no longer works")
    if side == "with" and (PLUGIN_DIST not in has_dplen or "DPL" not in result["tree_checkers"]):
        raise BenchmarkError(f"the 'with' run did not load the DPL checker: {result}")


def _normalize_set(names: Sequence[str]) -> set:
    return {_normalize(n) for n in names}


def _plugin_source() -> Tuple[str, str]:
    """(folder, short hash of its .py files, subpackages included) of the installed
    flake8-dplen package.

    The plugin is installed in development mode and edited while benchmarks run; a
    run is only comparable with runs of the same code, so every run records this.
    """
    spec = importlib.util.find_spec("flake8_dplen")
    if spec is None or not spec.submodule_search_locations:
        return "?", "not installed"
    folder = list(spec.submodule_search_locations)[0]
    digest = hashlib.sha1()
    for path in sorted(glob.glob(os.path.join(folder, "**", "*.py"), recursive=True)):
        digest.update(os.path.relpath(path, folder).encode())
        with open(path, "rb") as fh:
            digest.update(fh.read())
    return folder, digest.hexdigest()[:10]


def _compile_plugin(folder: str) -> None:
    """Byte-compile the plugin's package, as pip does when it installs a wheel: a
    development install under PYTHONDONTWRITEBYTECODE (this machine sets it) would
    otherwise recompile every module on each run, a cost no installed user pays,
    while flake8, installed by pip, loads from bytecode."""
    compileall.compile_dir(folder, quiet=1)


def _timed_argv(path: str) -> List[str]:
    return ["--jobs", "1", "--isolated", "--output-file", os.devnull, path]


def _python_files(path: str) -> List[str]:
    """The files flake8 checks under `path` with its default --exclude."""
    from flake8 import defaults

    def excluded(name: str) -> bool:
        return any(fnmatch.fnmatch(name, pattern) for pattern in defaults.EXCLUDE)

    if os.path.isfile(path):
        return [path]
    found = []
    for folder, dirs, files in os.walk(path):
        dirs[:] = sorted(d for d in dirs if not excluded(d))
        found.extend(os.path.join(folder, f) for f in sorted(files) if f.endswith(".py") and not excluded(f))
    return found


def _prefilter_summary(files: Sequence[str]) -> str:
    """Reads every file (which also warms the page cache) and counts those the plugin parses."""
    texts = []
    for name in files:
        with open(name, "rb") as fh:
            texts.append(fh.read().decode("utf-8", errors="replace"))
    try:
        from flake8_dplen.core import prefilter
        from flake8_dplen.plugin import DplenChecker

        # The plugin's own default configuration, wherever its class lives this week.
        config = DplenChecker.config
        passed = [t for t in texts if prefilter.might_define_sampler(t, config)]
    except Exception as exc:  # src/ is edited by others; the benchmark itself must still run
        return f"prefilter: n/a ({type(exc).__name__}: {exc})"
    total_bytes = sum(len(t) for t in texts) or 1
    summary = f"prefilter: text test passes {len(passed)} of {len(texts)} files"
    could_report = getattr(prefilter, "could_report", None)
    if could_report is not None:
        import ast

        kept = []
        for text in passed:
            try:
                tree = ast.parse(text)
            except (SyntaxError, ValueError):
                continue  # flake8 reports E999 and does not run tree plugins on it
            if could_report(tree, config):
                kept.append(text)
        passed = kept
        summary += f", ast test leaves {len(passed)}"
    passed_bytes = sum(len(t) for t in passed)
    return (
        f"{summary} for the model ({passed_bytes / 1e6:.2f} of {total_bytes / 1e6:.2f} MB, "
        f"{100 * passed_bytes / total_bytes:.1f}%)"
    )


def _order(runs: int) -> List[str]:
    order = []
    for i in range(runs):
        order.extend(("without", "with") if i % 2 == 0 else ("with", "without"))
    return order


def _log(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def benchmark_tree(tree: Tree, runs: int) -> None:
    for n, side in enumerate(_order(runs), 1):
        source = _plugin_source()[1]
        wall, usage, result = _run_flake8(side, _timed_argv(tree.path))
        run = Run(
            side=side,
            wall=wall,
            cpu=usage.ru_utime + usage.ru_stime,
            peak_mb=result["peak_mb"],
            files=result["files"],
            physical_lines=result["physical_lines"],
            violations=result["violations"],
            plugin_import=result.get("plugin_import", 0.0),
            plugin_run=result.get("plugin_run", 0.0),
            source=source,
        )
        tree.runs.append(run)
        _log(
            f"  [{tree.label}] run {n}/{2 * runs} {side:<7} {wall:8.2f} s wall {run.cpu:8.2f} s cpu {run.peak_mb:7.1f} MB"
        )


def _verdict(ok: bool) -> str:
    return "PASS" if ok else "MISS"


def report_tree(tree: Tree, prefilter: str) -> List[bool]:
    without = [r for r in tree.runs if r.side == "without"]
    with_ = [r for r in tree.runs if r.side == "with"]
    w_wall = [r.wall for r in without]
    p_wall = [r.wall for r in with_]
    ratio_min = min(p_wall) / min(w_wall)
    ratio_median = statistics.median(p_wall) / statistics.median(w_wall)
    ratio_cpu = min(r.cpu for r in with_) / min(r.cpu for r in without)
    peak_without = max(r.peak_mb for r in without)
    peak_with = max(r.peak_mb for r in with_)
    delta = peak_with - peak_without
    files = sorted({r.files for r in tree.runs})
    lines = sorted({r.physical_lines for r in tree.runs})

    print(f"tree: {tree.label}  ({tree.path})")
    print(
        f"  files checked by flake8: {', '.join(map(str, files))}   physical lines: {', '.join(map(str, lines))}"
    )
    print(f"  {prefilter}")
    print(
        f"  reports (default checks): without {sorted({r.violations for r in without})}  "
        f"with {sorted({r.violations for r in with_})}  (with = without + DPL findings)"
    )
    print(
        f"  {'run':>3}  {'side':<7}  {'wall s':>8}  {'cpu s':>8}  {'peak RSS MB':>11}  {'reports':>8}  plugin source"
    )
    for n, r in enumerate(tree.runs, 1):
        print(
            f"  {n:>3}  {r.side:<7}  {r.wall:8.2f}  {r.cpu:8.2f}  {r.peak_mb:11.1f}  {r.violations:>8}  "
            f"{r.source if r.side == 'with' else '-'}"
        )
    sources = sorted({r.source for r in with_})
    if len(sources) > 1:
        print(
            f"  WARNING: flake8-dplen's source changed between runs ({', '.join(sources)}); rerun for a clean comparison"
        )
    for name, rs in (("without", without), ("with", with_)):
        walls = [r.wall for r in rs]
        print(
            f"  {name:<7}  wall mean {statistics.mean(walls):8.2f} s  min {min(walls):8.2f} s  "
            f"median {statistics.median(walls):8.2f} s   cpu min {min(r.cpu for r in rs):8.2f} s   "
            f"peak RSS {max(r.peak_mb for r in rs):7.1f} MB"
        )
    time_ok = ratio_min <= tree.ratio_goal
    mem_ok = delta <= MEMORY_GOAL_MB
    print(
        f"  ratio with/without (min of runs, wall): {ratio_min:.3f}  goal <= {tree.ratio_goal:.2f}  {_verdict(time_ok)}"
        f"   [median wall {ratio_median:.3f}, min cpu {ratio_cpu:.3f}; "
        f"extra {min(p_wall) - min(w_wall):+.2f} s]"
    )
    inside = min(r.plugin_import + r.plugin_run for r in with_)
    print(
        f"  time inside the plugin (with runs, min): {inside:.2f} s "
        f"(import {min(r.plugin_import for r in with_):.2f} s, run() {min(r.plugin_run for r in with_):.2f} s); "
        f"ratio estimated from it: {(min(w_wall) + inside) / min(w_wall):.3f}"
    )
    print(
        f"  peak RSS: without {peak_without:.1f} MB  with {peak_with:.1f} MB  "
        f"diff {delta:+.1f} MB  goal <= +{MEMORY_GOAL_MB:.0f} MB  {_verdict(mem_ok)}"
    )
    print()
    return [time_ok, mem_ok]


_REPORT_LINE = re.compile(r":\d+:\d+: ([A-Z]+\d+) ")


def report_findings(tree: Tree) -> List[bool]:
    """One --select=DPL run with the plugin, listing what it reports on `tree`."""
    with tempfile.TemporaryDirectory(prefix="flake8_overhead_dpl_") as tmp:
        out = os.path.join(tmp, "dpl.txt")
        # Not timed, so flake8's default --jobs is fine here and saves minutes.
        wall, _, result = _run_flake8("with", ["--isolated", "--select=DPL", "--output-file", out, tree.path])
        with open(out, encoding="utf-8") as fh:
            lines = [line.rstrip("\n") for line in fh if line.strip()]
    codes = Counter(m.group(1) for m in map(_REPORT_LINE.search, lines) if m)
    dpl1 = [line for line in lines if re.search(r": DPL1\d\d ", line)]
    dpl000 = [line for line in lines if ": DPL000 " in line]

    print(
        f"DPL findings: {tree.label}  (flake8 --select=DPL with the plugin, {result['files']} files, {wall:.1f} s)"
    )
    print(f"  total reports: {len(lines)}")
    print(f"  per code: {', '.join(f'{c} {n}' for c, n in sorted(codes.items())) or 'none'}")
    print(f"  DPL1xx lines ({len(dpl1)}):")
    for line in dpl1:
        print(f"    {line}")
    if dpl000:
        print(f"  DPL000 lines ({len(dpl000)}):")
        for line in dpl000:
            print(f"    {line}")
    others = [line for line in lines if line not in dpl1 and line not in dpl000]
    if others:
        print(f"  other lines ({len(others)}):")
        for line in others[:50]:
            print(f"    {line}")
    ok1, ok0 = not dpl1, not dpl000
    print(f"  DPL1xx == 0: {_verdict(ok1)}   DPL000 == 0: {_verdict(ok0)}")
    print()
    return [ok1, ok0]


def main(argv: Optional[Sequence[str]] = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=3, help="runs per side and tree (default 3)")
    parser.add_argument("--quick", action="store_true", help="1 run, torch/utils/data only")
    parser.add_argument(
        "--tree", action="append", default=[], metavar="PATH", help="benchmark this folder instead of torch"
    )
    parser.add_argument(
        "--ratio-goal", type=float, default=UTILS_DATA_GOAL, help="time-ratio goal for --tree folders"
    )
    parser.add_argument("--no-findings", action="store_true", help="skip the --select=DPL findings pass")
    args = parser.parse_args(argv)
    if args.runs < 1:
        parser.error("--runs must be at least 1")

    runs = 1 if args.quick else args.runs
    if args.tree:
        trees = [Tree(os.path.normpath(p), os.path.abspath(p), args.ratio_goal) for p in args.tree]
        for t in trees:
            if not os.path.exists(t.path):
                parser.error(f"no such path: {t.path}")
    else:
        root = torch_root()
        if root is None:
            parser.error("torch is not installed for this python; use --tree PATH")
        trees = [Tree("torch/utils/data", os.path.join(root, "utils", "data"), UTILS_DATA_GOAL)]
        if not args.quick:
            trees.insert(0, Tree("torch (whole package)", root, WHOLE_GOAL))

    print(
        f"python {platform.python_version()}  flake8 {version('flake8')}  pycodestyle {version('pycodestyle')}  "
        f"pyflakes {version('pyflakes')}  mccabe {version('mccabe')}  {PLUGIN_DIST} {version(PLUGIN_DIST)}  "
        f"libcst {version('libcst')}  torch {version('torch')}"
    )
    folder, source = _plugin_source()
    print(
        f"{PLUGIN_DIST} source {folder} (sha1 of its .py files {source}; byte-compiled first, as pip would)"
    )
    if os.path.isdir(folder):
        _compile_plugin(folder)
    print(f"cpus {os.cpu_count()}  load average at start {loadavg()}")
    print(f"flake8 args per run: {' '.join(_timed_argv('<tree>'))}")
    print(
        f"runs per side: {runs}, order without/with/with/without/...; goals tested on min-of-runs wall ratio"
    )
    print()

    verdicts: List[bool] = []
    try:
        prefilters = {}
        for tree in trees:
            prefilters[tree.label] = _prefilter_summary(_python_files(tree.path))
        for tree in trees:
            _log(f"benchmarking {tree.label} ...")
            benchmark_tree(tree, runs)
            verdicts += report_tree(tree, prefilters[tree.label])
            sys.stdout.flush()
        if not args.no_findings:
            _log(f"findings pass on {trees[0].label} ...")
            verdicts += report_findings(trees[0])
    except BenchmarkError as exc:
        print(f"ERROR: {exc}")
        return 2
    print(f"load average at end {loadavg()}")
    print(f"overall: {_verdict(all(verdicts))} ({verdicts.count(False)} missed of {len(verdicts)})")
    return 0 if all(verdicts) else 1


if __name__ == "__main__":
    if len(sys.argv) > 1 and sys.argv[1] == RUNNER_FLAG:
        side, result_path, sep, *rest = sys.argv[2:]
        assert sep == "--" and side in ("with", "without"), sys.argv
        sys.exit(_runner(side, result_path, rest))
    sys.exit(main())
