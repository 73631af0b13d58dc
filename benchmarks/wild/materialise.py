"""A project's files at its ref, in .cache/wild/<slug>/: the tree as published (Python files
only), our stand-ins beside it, and the package __init__s the harness empties.

GitHub projects come from the snapshot a working session's `fetch` left in /work/.mirror
(CI cannot reach GitHub: their ground truth is committed); PyPI projects from
`pip download`, which CI can do.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path
from typing import Dict

from environment import REPO
from realcode.fetching import FetchError, fetch

from .catalog import CACHE, slug
from .entry import Project

MIRRORS = Path("/work/.mirror")


def folder(project: Project) -> Path:
    return CACHE / slug(project.name)


def tree(project: Project) -> Path:
    """The folder that goes on sys.path: the published tree's `root`."""
    return folder(project) / "tree" / project.root


def stubs(project: Project) -> Path:
    return folder(project) / "stubs"


def materialise(project: Project, offline: bool = False) -> Path:
    base = folder(project)
    marker = base / f".ready-{project.ref}"
    if not marker.is_file():
        if base.exists():
            shutil.rmtree(base)
        (base / "tree").mkdir(parents=True)
        if project.source == "github":
            _from_mirror(project, base / "tree")
        elif project.source == "pypi":
            unpacked = fetch(slug(project.name), f"{project.name}=={project.ref}", CACHE / "_pypi", offline)
            shutil.copytree(unpacked, base / "tree", dirs_exist_ok=True)
        else:
            raise FetchError(f"{project.name}: unknown source {project.source!r}")
        marker.write_text("")
    # Stand-ins and emptied __init__s are ours: written every time, so an edit takes effect.
    write_stubs(project.stubs, stubs(project), tree(project))
    _write_startup(project)
    for package in project.empty_init:
        init = tree(project).joinpath(*package.split("."), "__init__.py")
        if not init.is_file():
            raise FetchError(f"{project.name}: empty_init names {package}, which has no __init__.py")
        init.write_text("")
    return tree(project)


def mirror_git_dir(snapshot: Path) -> Path:
    """The git dir of a `fetch` snapshot: `repo` itself when it is bare, `repo/.git` when
    the snapshot is a checkout."""
    checkout = snapshot / "repo" / ".git"
    return checkout if checkout.is_dir() else snapshot / "repo"


def _from_mirror(project: Project, into: Path) -> None:
    owner, name = project.name.split("/")
    git_dir = mirror_git_dir(MIRRORS / f"{owner}+{name}")
    if not git_dir.is_dir():
        raise FetchError(
            f"{project.name}: no snapshot at {git_dir}; fetch github:{project.name} in a session"
        )
    archive = subprocess.run(
        ["git", "--git-dir", str(git_dir), "archive", project.ref, "--", ":(glob)**/*.py"],
        capture_output=True,
    )
    if archive.returncode != 0:
        raise FetchError(f"{project.name}: git archive {project.ref}: {archive.stderr.decode()[-300:]}")
    subprocess.run(["tar", "-x", "-C", str(into)], input=archive.stdout, check=True)


# The __init__ of a stand-ins' package that the project's own tree also has (a stub for
# `pkg.sub.mod` when the tree has `pkg/`): the package's __path__ holds our folder and
# then the tree's, and the tree's own __init__ runs, so `pkg` is the project's package
# with our module beside (or in place of) its own, not an empty package hiding it.
_MERGED_INIT = """\
# Written by benchmarks/wild/materialise.py: the project's package, with stand-ins merged in.
__path__.append({folder!r})
__file__ = {init!r}
if __import__("os").path.isfile(__file__):
    with open(__file__, "rb") as _source:
        exec(compile(_source.read(), __file__, "exec"))
    del _source
"""


def write_stubs(modules: Dict[str, str], root: Path, tree: Path) -> None:
    """The stand-ins `modules` (dotted name -> source) as a folder `root` that goes on
    sys.path before `tree`. A package the stand-ins need on the way to a module is an empty
    one, unless `tree` has it: then it is the tree's package, merged with ours."""
    if root.exists():
        shutil.rmtree(root)
    root.mkdir(parents=True)
    for dotted, source in modules.items():
        package = any(other.startswith(dotted + ".") for other in modules)
        _write_module(root, dotted, source, package, tree)


def _write_module(root: Path, dotted: str, source: str, package: bool, tree: Path) -> None:
    parts = dotted.split(".")
    for depth in range(1, len(parts) + package):
        folder = root.joinpath(*parts[:depth])
        folder.mkdir(parents=True, exist_ok=True)
        init = folder / "__init__.py"
        own = tree.joinpath(*parts[:depth])
        if own.is_dir() and not init.is_file():
            init.write_text(_MERGED_INIT.format(folder=str(own), init=str(own / "__init__.py")))
        else:
            init.touch()
    target = (
        root.joinpath(*parts, "__init__.py") if package else root.joinpath(*parts[:-1], parts[-1] + ".py")
    )
    target.write_text(source)


def _write_startup(project: Project) -> None:
    """A `sitecustomize` in the stand-ins' folder installs the permissive finder of the
    project's `absent` names at start-up, so every process that has the folder on its
    PYTHONPATH gets it: the truth child, `dplen check`, and any child those start."""
    folder = stubs(project)
    folder.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(Path(__file__).with_name("absent.py"), folder / "_wild_absent.py")
    (folder / "sitecustomize.py").write_text(
        f"import _wild_absent\n_wild_absent.install({list(project.absent)!r})\n"
    )


def environment(project: Project) -> Dict[str, str]:
    """The environment of a process that imports the project: our stand-ins, then its tree,
    then this checkout's flake8_dplen (not the one installed: a baseline worktree measures its own)."""
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join([str(stubs(project)), str(tree(project)), str(REPO / "src")])
    return env
