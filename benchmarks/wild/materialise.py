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


# The __init__ of a package the stand-ins pass through on the way to a module (a stub for
# `pkg.sub.mod`) when the project's tree has that package: its __path__ holds our folder
# and then the tree's, and the tree's own __init__ runs, so `pkg` is the project's package
# with our modules beside (or in place of) its own, not an empty package hiding it.
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
    """The stand-ins `modules` (dotted name -> source) as the folder `root`, which goes on
    sys.path before `tree`. A package on the way to a stand-in is an empty one, unless the
    tree has it: then it is the tree's package (its __init__ runs), merged with ours. A
    stand-in for a package the tree has replaces that package's __init__ only: its other
    modules still load from the tree."""
    if root.exists():
        shutil.rmtree(root)
    root.mkdir(parents=True)
    on_the_way = {name.rsplit(".", depth)[0] for name in modules for depth in range(1, name.count(".") + 1)}
    packages = on_the_way | {name for name in modules if tree.joinpath(*name.split(".")).is_dir()}
    for name in sorted(packages | set(modules), key=lambda dotted: dotted.count(".")):
        parts = name.split(".")
        own = tree.joinpath(*parts)
        if name not in packages:
            root.joinpath(*parts[:-1], parts[-1] + ".py").write_text(modules[name])
            continue
        folder = root.joinpath(*parts)
        folder.mkdir()
        if name in modules:
            text = _merged(modules[name], own) if own.is_dir() else modules[name]
        elif own.is_dir():
            text = _MERGED_INIT.format(folder=str(own), init=str(own / "__init__.py"))
        else:
            text = ""
        (folder / "__init__.py").write_text(text)


def _merged(source: str, own: Path) -> str:
    """A stand-in's source for a package's __init__, with the tree's folder of that package
    on its __path__ (after any `from __future__` import, which must come first)."""
    lines = source.splitlines(keepends=True)
    at = max((i + 1 for i, line in enumerate(lines) if line.startswith("from __future__")), default=0)
    return "".join(lines[:at] + [f"__path__.append({str(own)!r})\n"] + lines[at:])


def _write_startup(project: Project) -> None:
    """A `sitecustomize` in the stand-ins' folder installs the permissive finder of the
    project's `absent` names, torch's old `Sampler.__init__` and what torch and numpy have
    removed since (removed.py) at start-up, so every process that has the folder on its
    PYTHONPATH gets them: the truth child, `dplen check`, and any child those start."""
    folder = stubs(project)
    folder.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(Path(__file__).with_name("absent.py"), folder / "_wild_absent.py")
    shutil.copyfile(Path(__file__).with_name("removed.py"), folder / "_wild_removed.py")
    shutil.copyfile(REPO / "benchmarks" / "realcode" / "torchcompat.py", folder / "_wild_torchcompat.py")
    # The check must meet the torch the truth child ran the class with.
    (folder / "sitecustomize.py").write_text(
        f"import _wild_absent\n_wild_absent.install({list(project.absent)!r})\n"
        "import _wild_torchcompat\n_wild_torchcompat.old_sampler_init()\n"
        "import _wild_removed\n_wild_removed.install()\n"
    )


def environment(project: Project) -> Dict[str, str]:
    """The environment of a process that imports the project: our stand-ins, then its tree,
    then this checkout's flake8_dplen (not the one installed: a baseline worktree measures its own)."""
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join([str(stubs(project)), str(tree(project)), str(REPO / "src")])
    return env
