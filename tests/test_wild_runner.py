"""The wild corpus's runner on small synthetic projects (no network, no real project):
a class is its harness entry's (path, class), stand-ins merge with the project's own
packages, snapshots that are checkouts are read, and a len() that raises is said so."""

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(REPO / "benchmarks"), str(REPO / "src")]

from wild.materialise import mirror_git_dir, write_stubs  # noqa: E402

# Two classes named S in different files: one exact, one whose len() is one too many;
# and one whose len() raises. Both S call super().__init__(data_source) as code
# written for torch < 2.13 does.
EXACT_S = """
        import torch.utils.data as tud

        class S(tud.Sampler):
            def __init__(self, n):
                super().__init__(range(n))
                self.n = n

            def __iter__(self):
                return iter(range(self.n))

            def __len__(self):
                return self.n
    """
SAMPLERS = {
    "one/samplers.py": EXACT_S,
    "two/samplers.py": EXACT_S.replace("return self.n\n", "return self.n + 1\n")
    + """
        class NoLength(tud.Sampler):
            def __init__(self, n):
                self.n = n

            def __iter__(self):
                return iter(range(self.n))

            def __len__(self):
                return len(self.missing)

        class Endless(tud.Sampler):
            def __iter__(self):
                import time

                while True:
                    time.sleep(0.001)
                    yield 0

            def __len__(self):
                raise NotImplementedError
    """,
}

# In a child of the test (torch's Sampler is patched, as a project's sitecustomize does,
# and the runner's child leaves with os._exit): the synthetic project is given to
# wild.truth.child as the catalog would.
CHILD = """
import sys
from realcode.torchcompat import old_sampler_init
old_sampler_init()
from wild import truth
from wild.entry import Case, Project, sampler

project = Project(name="synthetic/two-s", source="github", ref="0" * 40, domain="test")
for path in ("one/samplers.py", "two/samplers.py"):
    sampler(project, path, "S")(lambda cls, module: [Case("n=5", lambda: cls(5))])
sampler(project, "two/samplers.py", "NoLength")(lambda cls, module: [Case("n=5", lambda: cls(5))])
sampler(project, "two/samplers.py", "Endless")(lambda cls, module: [Case("endless", lambda: cls())])
truth.projects = lambda: {"synthetic": project}
truth.child_main(["synthetic", *sys.argv[1:]])
"""


def _write(root: Path, files: dict) -> None:
    for rel, text in files.items():
        target = root / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(textwrap.dedent(text))


def _env(*paths: Path) -> dict:
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join([*map(str, paths), str(REPO / "benchmarks"), str(REPO / "src")])
    return env


def _child_row(tmp_path: Path, tree: Path, path: str, cls: str) -> dict:
    out = tmp_path / f"{path.replace('/', '_')}-{cls}.json"
    done = subprocess.run(
        [sys.executable, "-c", CHILD, path, cls, str(out)],
        env=_env(tree),
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert out.is_file(), done.stderr
    return json.loads(out.read_text())


def test_each_entry_runs_the_class_of_its_own_file_and_len_raising_is_its_own_verdict(tmp_path):
    tree = tmp_path / "tree"
    _write(tree, {"one/__init__.py": "", "two/__init__.py": "", **SAMPLERS})
    first = _child_row(tmp_path, tree, "one/samplers.py", "S")
    second = _child_row(tmp_path, tree, "two/samplers.py", "S")
    assert (first["path"], first["verdict"]) == ("one/samplers.py", "exact"), first
    assert (second["path"], second["verdict"]) == ("two/samplers.py", "mismatch"), second
    raising = _child_row(tmp_path, tree, "two/samplers.py", "NoLength")
    assert raising["verdict"] == "len_raises", raising
    assert "len() raised: AttributeError" in raising["len_raised"]
    assert "__iter__ yields 5 batches" in raising["cases"][0]


def test_an_endless_iterator_too_slow_for_the_cap_is_still_yielding_not_raising(tmp_path):
    tree = tmp_path / "tree"
    _write(tree, {"one/__init__.py": "", "two/__init__.py": "", **SAMPLERS})
    endless = _child_row(tmp_path, tree, "two/samplers.py", "Endless")
    assert endless["verdict"] == "len_raises", endless
    assert "__iter__ still yielding when stopped" in endless["cases"][0], endless["cases"][0]


def test_stand_ins_merge_with_the_projects_own_package(tmp_path):
    tree, stubs = tmp_path / "tree", tmp_path / "stubs"
    _write(
        tree,
        {
            "proj/__init__.py": "OWN_INIT = True\n",
            "proj/real.py": "VALUE = 'real'\n",
            "proj/sub/__init__.py": "",
            "proj/sub/heavy.py": "raise ImportError('needs a GPU')\n",
            "proj/sub/light.py": "from . import heavy\n",
        },
    )
    write_stubs(
        {"proj.sub.heavy": "STUB = True\n", "proj.extra.tool": "TOOL = 1\n", "thirdparty": "X = 2\n"},
        stubs,
        tree,
    )
    probe = (
        "import proj, proj.real, proj.sub.light, proj.sub.heavy, proj.extra.tool, thirdparty;"
        "print(proj.OWN_INIT, proj.real.VALUE, proj.sub.heavy.STUB, proj.extra.tool.TOOL, thirdparty.X)"
    )
    done = subprocess.run(
        [sys.executable, "-c", probe], env=_env(stubs, tree), cwd=tmp_path, capture_output=True, text=True
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == ["True", "real", "True", "1", "2"]


def test_a_stand_in_for_a_package_of_the_tree_replaces_its_init_only(tmp_path):
    tree, stubs = tmp_path / "tree", tmp_path / "stubs"
    _write(
        tree, {"proj/__init__.py": "raise ImportError('imports the world')\n", "proj/real.py": "VALUE = 1\n"}
    )
    write_stubs({"proj": "from __future__ import annotations\nMINE = 2\n"}, stubs, tree)
    probe = "import proj, proj.real; print(proj.MINE, proj.real.VALUE)"
    done = subprocess.run(
        [sys.executable, "-c", probe], env=_env(stubs, tree), cwd=tmp_path, capture_output=True, text=True
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == ["2", "1"]


def test_only_top_level_stand_ins_need_no_package(tmp_path):
    write_stubs({"joblib": "Parallel = None\n"}, tmp_path / "stubs", tmp_path / "tree")
    assert (tmp_path / "stubs" / "joblib.py").read_text() == "Parallel = None\n"


def test_a_snapshot_that_is_a_checkout_is_read_from_its_git_folder(tmp_path):
    (tmp_path / "checkout" / "repo").mkdir(parents=True)
    subprocess.run(["git", "init", "-q", str(tmp_path / "checkout" / "repo")], check=True)
    assert mirror_git_dir(tmp_path / "checkout") == tmp_path / "checkout" / "repo" / ".git"
    subprocess.run(["git", "init", "-q", "--bare", str(tmp_path / "bare" / "repo")], check=True)
    assert mirror_git_dir(tmp_path / "bare") == tmp_path / "bare" / "repo"


def test_every_process_of_a_project_has_what_old_torch_and_numpy_had(tmp_path, monkeypatch):
    # A sampler module of torch < 2.0 type-checks with torch._six.int_classes, and one of
    # numpy < 1.24 computes batch sizes with astype(np.int): both must load and run.
    from wild import materialise
    from wild.entry import Project

    monkeypatch.setattr(materialise, "CACHE", tmp_path)
    project = Project(name="synthetic/old-torch", source="github", ref="0" * 40, domain="test")
    materialise._write_startup(project)
    _write(
        tmp_path / "tree",
        {
            "old.py": """
                import numpy as np
                from torch._six import int_classes
                OK = int_classes is int and np.array([2.7]).astype(np.int).tolist() == [2]
            """
        },
    )
    run = subprocess.run(
        [sys.executable, "-c", "import old; print(old.OK)"],
        env=_env(materialise.stubs(project), tmp_path / "tree"),
        capture_output=True,
        text=True,
    )
    assert run.stdout.strip() == "True", run.stderr
