"""How fast and how big ``python -m codemods.fix_len --check`` is, next to ruff and LibCST.

Three tools run over trees of the installed torch package (~2,300 files):

* ours: ``python -m codemods.fix_len --check --isolated -jN`` on the whole package
  (with -j1 and -j2, and with ``--jobs`` if that is something else) and on
  torch/utils/data;
* ruff: ``ruff check --isolated --select=UP --no-cache`` on the whole package, its exit
  code ignored (it is 1 whenever it finds something);
* a LibCST no-op: ``python -m libcst.tool codemod --no-format -jN`` with a
  ``VisitorBasedCodemodCommand`` that visits nothing, on torch/utils/data: the least a
  LibCST codemod that parses every file can cost.

Usage (with the python that has the codemod, libcst and ruff installed)::

    .venv/bin/python benchmarks/codemod_speed.py              # 3 runs of each (~2 min)
    .venv/bin/python benchmarks/codemod_speed.py --runs 5
    .venv/bin/python benchmarks/codemod_speed.py --jobs 4     # -j of the ratio runs (default: cores)
    .venv/bin/python benchmarks/codemod_speed.py --torch PATH # another copy of the package

Goals: ours (at ``--jobs``, the codemod's own default) within 3x of ruff's wall time on
the whole package, compared on the minimum of the runs; peak memory of ours under
250 MB. Exit status: 0 when both are met, 1 when one is missed, 2 on a broken run.

How it is measured, and why:

* Both sides must see the same files: ruff would also check the package's 43 ``*.pyi``
  stubs, which the codemod never reads, so ``--extend-exclude=*.pyi`` is passed, and the
  number of files ruff lists (``--show-files``) must equal the number the codemod says
  it scanned, or the run is broken. ``--isolated`` on both: the venv sits inside this
  repo, so ruff would otherwise pick up the repo's pyproject.toml for torch's files.
* Ruff uses every core; the ratio compares it with the codemod at its own default -j
  (the number of cores), so both use the machine as a user would run them.
* Wall time is ``perf_counter`` around the subprocess, interpreter start and imports
  included (a user pays them). CPU time is user + sys of the whole process tree.
* Peak memory is GNU time's "Maximum resident set size": the kernel's ``ru_maxrss`` of
  the timed process, which also folds in every descendant its parent reaped, so the
  codemod's pool workers (children of the child) are included. It is the largest single
  process of the tree, not their sum. time is a small C program, so the floor Linux
  carries over from the image exec replaces is ~1 MB, not this script's RSS. Without
  GNU time, a fresh Python wrapper per run reads ``RUSAGE_CHILDREN`` instead (a wrapper
  per run because that value is a maximum over every child so far; its floor is the
  wrapper's own RSS, ~10 MB).
* For runs with several processes the sum over the tree matters too: one extra untimed
  run per -j>1 polls /proc every 20 ms and records the largest sum of RSS (shared pages
  counted once per process) and of PSS (shared pages split) over the tree. Sampling can
  miss a short peak, so it is a lower bound, printed beside the goal, not tested.
* Each command runs once untimed first (page cache, bytecode, and a check that it works),
  then the measurements run in rounds, every other round in reverse order, so drift on
  a shared machine falls on every tool alike. Min and median are printed; the goal is
  tested on the minimum, because extra time is noise from elsewhere, never a faster
  tool. The load average is printed before and after for judging.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from typing import Dict, List, Optional, Sequence, Tuple

from environment import REPO, loadavg, torch_root, version

TIME_GOAL = 3.0
MEMORY_GOAL_MB = 250.0
GNU_TIME = "/usr/bin/time"
WRAPPER_FLAG = "--rusage-wrapper"
SAMPLE_SECONDS = 0.02

NOOP_PACKAGE = "dplen_bench_noop"
NOOP_MODULE = """\
from libcst.codemod import VisitorBasedCodemodCommand


class NoOp(VisitorBasedCodemodCommand):
    DESCRIPTION = "Visits nothing and changes nothing: LibCST's own cost per file."
"""


# --- one measured subprocess ------------------------------------------------------------


@dataclass
class Run:
    wall: float
    cpu: float
    rss_mb: float
    files: int


@dataclass
class Measurement:
    key: str
    label: str
    argv: List[str]
    cwd: str
    ok_codes: Tuple[int, ...]
    count_files: object  # (stderr text) -> int, raising ValueError when the run is broken
    runs: List[Run] = field(default_factory=list)


class BrokenRun(Exception):
    pass


def _wrapper(report: str, argv: List[str]) -> int:
    """Fallback without GNU time: run argv as this fresh process's only child."""
    import resource

    start = resource.getrusage(resource.RUSAGE_CHILDREN)
    rc = subprocess.run(argv).returncode
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (usage.ru_utime - start.ru_utime) + (usage.ru_stime - start.ru_stime)
    with open(report, "w", encoding="utf-8") as fh:
        json.dump({"rc": rc, "cpu": cpu, "maxrss_kb": usage.ru_maxrss}, fh)
    return rc


def _gnu_time_works() -> bool:
    if not os.access(GNU_TIME, os.X_OK):
        return False
    probe = subprocess.run([GNU_TIME, "-v", "true"], capture_output=True, text=True)
    return probe.returncode == 0 and "Maximum resident set size" in probe.stderr


def _parse_gnu_time(text: str) -> Tuple[int, float, int]:
    fields = {}
    for line in text.splitlines():
        name, sep, value = line.strip().rpartition(": ")
        if sep:
            fields[name] = value
    cpu = float(fields["User time (seconds)"]) + float(fields["System time (seconds)"])
    return int(fields["Exit status"]), cpu, int(fields["Maximum resident set size (kbytes)"])


def measure(argv: Sequence[str], cwd: str, use_gnu_time: bool) -> Tuple[int, float, float, float, str]:
    """(exit status, wall s, cpu s, max RSS MB, stderr) of one run of argv."""
    with tempfile.NamedTemporaryFile("r", suffix=".txt", encoding="utf-8") as report:
        if use_gnu_time:
            full = [GNU_TIME, "-v", "-o", report.name, *argv]
        else:
            full = [sys.executable, os.path.abspath(__file__), WRAPPER_FLAG, report.name, "--", *argv]
        start = time.perf_counter()
        proc = subprocess.run(full, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        wall = time.perf_counter() - start
        text = report.read()
    try:
        if use_gnu_time:
            rc, cpu, maxrss_kb = _parse_gnu_time(text)
        else:
            data = json.loads(text)
            rc, cpu, maxrss_kb = data["rc"], data["cpu"], data["maxrss_kb"]
    except (KeyError, ValueError) as exc:
        raise BrokenRun(f"no resource report for {' '.join(argv)} ({exc}): {proc.stderr[-2000:]}") from None
    return rc, wall, cpu, maxrss_kb / 1024.0, proc.stderr


def run_once(m: Measurement, use_gnu_time: bool) -> Run:
    rc, wall, cpu, rss_mb, stderr = measure(m.argv, m.cwd, use_gnu_time)
    if rc not in m.ok_codes:
        raise BrokenRun(f"{m.label}: exit status {rc}\n{stderr[-3000:]}")
    try:
        files = m.count_files(stderr)
    except ValueError as exc:
        raise BrokenRun(f"{m.label}: {exc}\n{stderr[-3000:]}") from None
    return Run(wall, cpu, rss_mb, files)


# --- the process tree's total, sampled --------------------------------------------------


def _children() -> Dict[int, List[int]]:
    kids: Dict[int, List[int]] = {}
    for name in os.listdir("/proc"):
        if not name.isdigit():
            continue
        try:
            with open(f"/proc/{name}/stat", "rb") as fh:
                data = fh.read()
        except OSError:
            continue
        # The command name may hold spaces and parentheses; the fields after the last ")"
        # are state, then ppid.
        after = data.rindex(b")") + 2
        ppid = int(data[after:].split()[1])
        kids.setdefault(ppid, []).append(int(name))
    return kids


def _rss_pss_kb(pid: int) -> Tuple[int, int]:
    rss = pss = 0
    try:
        with open(f"/proc/{pid}/smaps_rollup", encoding="ascii") as fh:
            for line in fh:
                if line.startswith("Rss:"):
                    rss = int(line.split()[1])
                elif line.startswith("Pss:"):
                    pss = int(line.split()[1])
    except (OSError, ValueError):
        pass  # the process ended between the listing and the read
    return rss, pss


def sample_tree(argv: Sequence[str], cwd: str) -> Dict[str, float]:
    """Largest sums of RSS and PSS over the process tree of one run, polled."""
    peak = {"sum_rss_mb": 0.0, "sum_pss_mb": 0.0, "one_rss_mb": 0.0, "processes": 0}
    proc = subprocess.Popen(argv, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    while proc.poll() is None:
        kids = _children()
        tree, todo = [], [proc.pid]
        while todo:
            pid = todo.pop()
            tree.append(pid)
            todo.extend(kids.get(pid, ()))
        sizes = [_rss_pss_kb(pid) for pid in tree]
        sizes = [s for s in sizes if s[0]]
        if sizes:
            peak["sum_rss_mb"] = max(peak["sum_rss_mb"], sum(s[0] for s in sizes) / 1024.0)
            peak["sum_pss_mb"] = max(peak["sum_pss_mb"], sum(s[1] for s in sizes) / 1024.0)
            peak["one_rss_mb"] = max(peak["one_rss_mb"], max(s[0] for s in sizes) / 1024.0)
            peak["processes"] = max(peak["processes"], len(sizes))
        time.sleep(SAMPLE_SECONDS)
    return peak


# --- set-up -----------------------------------------------------------------------------


def _warm(root: str) -> Tuple[int, int]:
    """Read every file once, so the first measured run does not pay for a cold cache."""
    count = size = 0
    for folder, _, names in os.walk(root):
        for name in names:
            if name.endswith((".py", ".pyi")):
                with open(os.path.join(folder, name), "rb") as fh:
                    size += len(fh.read())
                count += 1
    return count, size


def _ours_files(stderr: str) -> int:
    match = re.search(r"^(\d+) files? scanned, .* (\d+) skipped with errors?$", stderr, re.M)
    if not match:
        raise ValueError("no summary line from the codemod")
    # torch ships syntax newer than this Python (py312_intrinsics.py); the codemod parses
    # every file and reports those (exit 2): only they may be skipped.
    unparsable = sum(1 for line in stderr.splitlines() if ": cannot parse: " in line)
    if int(match.group(2)) != unparsable:
        raise ValueError(f"the codemod skipped {match.group(2)} files with errors")
    return int(match.group(1))


def _libcst_files(stderr: str) -> int:
    total = re.search(r"Finished codemodding (\d+) files", stderr)
    failed = re.search(r"Failed to codemod (\d+) files", stderr)
    skipped = re.search(r"Skipped (\d+) files", stderr)
    if not (total and failed and skipped):
        raise ValueError("no summary from libcst.tool")
    if int(failed.group(1)) or int(skipped.group(1)):
        # A skipped (generated) or failed file is one LibCST did not parse: not a fair no-op.
        raise ValueError(f"libcst.tool failed on {failed.group(1)} and skipped {skipped.group(1)} files")
    return int(total.group(1))


def _ruff_show_files(ruff: str, ruff_args: Sequence[str], tree: str) -> int:
    out = subprocess.run(
        [ruff, *ruff_args, "--show-files", tree], cwd=REPO, capture_output=True, text=True
    ).stdout
    return sum(1 for line in out.splitlines() if line.strip().endswith((".py", ".pyi")))


def _noop_codemod_dir(repo_root: str) -> str:
    folder = tempfile.mkdtemp(prefix="dplen-bench-noop-")
    package = os.path.join(folder, NOOP_PACKAGE)
    os.mkdir(package)
    with open(os.path.join(package, "__init__.py"), "w", encoding="utf-8"):
        pass
    with open(os.path.join(package, "noop.py"), "w", encoding="utf-8") as fh:
        fh.write(NOOP_MODULE)
    # repo_root above the files, or libcst.tool warns once per file that it cannot name
    # the module; no formatter, so nothing outside Python runs even if --no-format broke.
    with open(os.path.join(folder, ".libcst.codemod.yaml"), "w", encoding="utf-8") as fh:
        json.dump({"modules": [NOOP_PACKAGE], "formatter": [], "repo_root": repo_root}, fh)  # JSON is YAML
    return folder


# --- report -----------------------------------------------------------------------------


def _log(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def _stats(values: Sequence[float]) -> Tuple[float, float]:
    return min(values), statistics.median(values)


def _verdict(ok: bool) -> str:
    return "PASS" if ok else "MISS"


def report(
    ms: Dict[str, Measurement], jobs: int, samples: Dict[int, Dict[str, float]], memory_method: str
) -> bool:
    print()
    head = f"{'files':>5}  {'wall min':>8} {'median':>7}  {'cpu min':>7}  {'max RSS':>8}  runs (wall s)"
    print(f"{'measurement':<48} {head}")
    for m in ms.values():
        walls = [r.wall for r in m.runs]
        wmin, wmed = _stats(walls)
        cpu = min(r.cpu for r in m.runs)
        rss = max(r.rss_mb for r in m.runs)
        each = " ".join(f"{w:.2f}" for w in walls)
        row = f"{m.runs[0].files:>5}  {wmin:>7.2f}s {wmed:>6.2f}s  {cpu:>6.2f}s  {rss:>5.1f} MB  {each}"
        print(f"{m.label:<48} {row}")

    def ratio(a: str, b: str) -> Tuple[float, float, float]:
        ra, rb = ms[a].runs, ms[b].runs
        return (
            min(r.wall for r in ra) / min(r.wall for r in rb),
            statistics.median(r.wall for r in ra) / statistics.median(r.wall for r in rb),
            min(r.cpu for r in ra) / min(r.cpu for r in rb),
        )

    ours_key = f"ours_pkg_j{jobs}"
    print()
    print("ratios (min wall; median wall; min CPU):")
    whole = ratio(ours_key, "ruff_pkg")
    data = ratio("ours_data", "libcst_data")
    for name, r in (
        (f"ours -j{jobs} / ruff, whole package", whole),
        (f"ours -j{jobs} / libcst no-op -j{jobs}, torch/utils/data", data),
    ):
        print(f"  {name + ':':<52} {r[0]:.2f}x; {r[1]:.2f}x; {r[2]:.2f}x")
    print()
    print("ours on the whole package by -j (min / median wall):")
    for key, m in ms.items():
        if key.startswith("ours_pkg_j"):
            wmin, wmed = _stats([r.wall for r in m.runs])
            print(f"  -j{key[len('ours_pkg_j') :]}: {wmin:.2f}s / {wmed:.2f}s")

    ours_runs = [(m.label, r) for k, m in ms.items() if k.startswith("ours") for r in m.runs]
    peak_label, peak_run = max(ours_runs, key=lambda item: item[1].rss_mb)
    print()
    print(f"peak memory of ours: {peak_run.rss_mb:.1f} MB ({peak_label}); {memory_method}")
    for j, s in sorted(samples.items()):
        print(
            f"  whole tree of ours -j{j}, sampled every {SAMPLE_SECONDS * 1000:.0f} ms over up to "
            f"{s['processes']} processes: sum of RSS {s['sum_rss_mb']:.1f} MB, sum of PSS "
            f"{s['sum_pss_mb']:.1f} MB, largest one {s['one_rss_mb']:.1f} MB"
        )

    time_ok = whole[0] <= TIME_GOAL
    memory_ok = peak_run.rss_mb < MEMORY_GOAL_MB
    print()
    print("goals:")
    print(
        f"  {_verdict(time_ok)}  ours -j{jobs} within {TIME_GOAL:g}x of ruff on the whole package: "
        f"{whole[0]:.2f}x (min wall)"
    )
    print(
        f"  {_verdict(memory_ok)}  peak memory of ours under {MEMORY_GOAL_MB:g} MB: "
        f"{peak_run.rss_mb:.1f} MB (max RSS over the process tree)"
    )
    return time_ok and memory_ok


def main(argv: Optional[Sequence[str]] = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=3, help="measured runs of each command (default 3)")
    parser.add_argument(
        "--jobs", type=int, default=os.cpu_count() or 1, help="-j of the ratio runs (default: cores)"
    )
    parser.add_argument("--torch", metavar="PATH", help="the torch package folder (default: installed)")
    parser.add_argument("--ruff", metavar="EXE", help="ruff (default: beside this python, else on PATH)")
    args = parser.parse_args(argv)
    if args.runs < 1 or args.jobs < 1:
        parser.error("--runs and --jobs must be at least 1")

    root = args.torch or torch_root()
    if root is None:
        parser.error("torch is not installed for this python; pass --torch PATH")
    root = os.path.abspath(root)
    data_root = os.path.join(root, "utils", "data")
    ruff = args.ruff or shutil.which("ruff", path=os.path.dirname(sys.executable)) or shutil.which("ruff")
    if not ruff:
        raise SystemExit("ruff not found: .venv/bin/pip install -c constraints.txt ruff")
    use_gnu_time = _gnu_time_works()
    memory_method = (
        "GNU time -v max RSS: the largest single process of the tree, pool workers included"
        if use_gnu_time
        else "RUSAGE_CHILDREN max RSS in a fresh wrapper per run: the largest single process of the tree"
    )
    ruff_version = subprocess.run([ruff, "--version"], capture_output=True, text=True).stdout.strip()

    py = sys.executable
    ours = [py, "-m", "codemods.fix_len", "--check", "--isolated"]
    ruff_args = ["check", "--isolated", "--select=UP", "--no-cache", "--extend-exclude=*.pyi"]
    libcst = [py, "-m", "libcst.tool", "codemod", f"-j{args.jobs}", "--no-format", "--hide-progress"]

    # Ruff prints no count of the files it checked; it lists them on request.
    ruff_count = _ruff_show_files(ruff, ruff_args, root)
    noop_dir = _noop_codemod_dir(os.path.dirname(root))

    ms: Dict[str, Measurement] = {}

    def add(key: str, label: str, argv_: List[str], cwd: str, ok: Tuple[int, ...], count) -> None:
        ms[key] = Measurement(key, label, argv_, cwd, ok, count)

    jobs = args.jobs
    for j in sorted({1, 2, jobs}):
        add(
            f"ours_pkg_j{j}",
            f"ours --check -j{j}, torch/",
            [*ours, f"-j{j}", root],
            REPO,
            (0, 1, 2),
            _ours_files,
        )
        if j == 1:
            # Right after the first of ours, so the order alternates between the tools.
            ruff_argv = [ruff, *ruff_args, root]
            add("ruff_pkg", "ruff check --select=UP, torch/", ruff_argv, REPO, (0, 1), lambda _: ruff_count)
    label = f"ours --check -j{jobs}, torch/utils/data"
    add("ours_data", label, [*ours, f"-j{jobs}", data_root], REPO, (0, 1, 2), _ours_files)
    label = f"libcst no-op codemod -j{jobs}, torch/utils/data"
    add("libcst_data", label, [*libcst, "noop.NoOp", data_root], noop_dir, (0,), _libcst_files)

    try:
        warmed, size = _warm(root)
        print("codemod speed: python -m codemods.fix_len --check vs ruff and a LibCST no-op codemod")
        print(
            f"  torch {version('torch')} at {root} ({warmed} .py/.pyi files, {size / 1e6:.1f} MB, "
            "read once to warm the cache)"
        )
        print(
            f"  python {platform.python_version()}, libcst {version('libcst')}, {ruff_version}, "
            f"flake8-dplen {version('flake8-dplen')}; {os.cpu_count()} CPUs; ratio runs at -j{args.jobs}"
        )
        print(f"  {args.runs} measured runs of each after an untimed one; every other round in reverse order")
        print(f"  load average before: {loadavg()}")
        sys.stdout.flush()

        for m in ms.values():
            _log(f"untimed run: {m.label}")
            run_once(m, use_gnu_time)
        order = list(ms.values())
        for round_ in range(args.runs):
            for m in order if round_ % 2 == 0 else reversed(order):
                m.runs.append(run_once(m, use_gnu_time))
                last = m.runs[-1]
                _log(f"round {round_ + 1}/{args.runs}: {m.label}: {last.wall:.2f}s, {last.rss_mb:.1f} MB")

        whole = {m.runs[-1].files for k, m in ms.items() if k.startswith("ours_pkg") or k == "ruff_pkg"}
        data = {ms["ours_data"].runs[-1].files, ms["libcst_data"].runs[-1].files}
        if len(whole) != 1 or len(data) != 1:
            raise BrokenRun(f"the tools saw different files: whole package {whole}, utils/data {data}")

        samples = {}
        for j in sorted({2, jobs} - {1}):
            _log(f"sampling the process tree of ours -j{j}")
            samples[j] = sample_tree([*ours, f"-j{j}", root], REPO)
    except BrokenRun as exc:
        print(f"broken run: {exc}", file=sys.stderr)
        return 2
    finally:
        shutil.rmtree(noop_dir, ignore_errors=True)

    ok = report(ms, jobs, samples, memory_method)
    print(f"load average after: {loadavg()}")
    return 0 if ok else 1


if __name__ == "__main__":
    if len(sys.argv) > 3 and sys.argv[1] == WRAPPER_FLAG and sys.argv[3] == "--":
        sys.exit(_wrapper(sys.argv[2], sys.argv[4:]))
    sys.exit(main())
