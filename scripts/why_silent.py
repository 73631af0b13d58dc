"""Why the interpreter (core/yieldcount.py) says nothing about sampler classes: a tool of
ours for choosing what to teach it next, never on flake8's path.

    python scripts/why_silent.py FILE::Class ...          one line per class
    python scripts/why_silent.py --kinds FILE::Class ...  only the histogram of kinds
    python scripts/why_silent.py --rows ROWS.json --root DIR [--kinds] [--no-dpl1]
        the classes of a wild.py rows file (PROJECT::PATH::Class), their files found
        under DIR/<slug>/tree; --no-dpl1 keeps those without a DPL1 finding; with
        --kinds the histogram is split by the check's outcome (found / other). The
        histogram names no code (`masked`): the form to use on the VAL projects, e.g.
        after `val.sh OUT --no-check`: --kinds --no-dpl1 --rows OUT.rows.json --root .cache/wild"""

from __future__ import annotations

import collections
import json
import os
import re
import sys

# The corpus's folders are named by its own slug (benchmarks/wild/catalog.py).
sys.path.insert(0, os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "benchmarks"))
from wild.catalog import slug  # noqa: E402

from flake8_dplen.core import syntax as cst
from flake8_dplen.core import yieldcount
from flake8_dplen.core.analysis import DEFAULT_CONFIG, deep_recursion, module_name_for, sampler_contexts
from flake8_dplen.core.unknowns import BUILTIN_NAMES
from flake8_dplen.core.yieldcount import silence


def _remember_origin(value) -> None:
    # Which line of the interpreter made this unknown value, the kind of what it stands
    # for; one made from another unknown (arithmetic, `len()` of it) stands for that one.
    frame = sys._getframe(1)
    for local in frame.f_locals.values():
        for item in local if isinstance(local, (list, tuple)) else (local,):
            if isinstance(item, yieldcount.Opaque) and getattr(item, "origin", None):
                value.origin = item.origin
                return
    what = ""
    if isinstance(frame.f_locals.get("callee"), str):
        what = " " + frame.f_locals["callee"]
    elif isinstance(frame.f_locals.get("node"), cst.Name):
        name = frame.f_locals["node"].value
        what = " " + (name if name in BUILTIN_NAMES else "<an imported name>")
    value.origin = f" made in Machine.{frame.f_code.co_name}:{frame.f_lineno}{what}"


yieldcount.Opaque.__init__ = _remember_origin


def reasons(path: str, name: str) -> str:
    try:
        source = open(path, encoding="utf-8", errors="replace").read()
        with deep_recursion():
            module = cst.parse_module(source)
            for ctx in sampler_contexts(module, DEFAULT_CONFIG, module_name_for(path), path):
                if ctx.cls.name.value == name:
                    return silence(ctx)
    except Exception as error:  # noqa: BLE001
        return f"tool error {type(error).__name__}"
    return "not a sampler the model judges"


def kind(reason: str) -> str:
    """The reason without the names of the code: what kind of thing stopped the model."""
    reason = re.sub(r"(Machine\.[\w<>]+):\d+", r"\1", reason.split(" @ ")[0])
    reason = re.sub(r"^error (\w+):.*", r"interpreter error \1", reason)
    reason = re.sub(r"^call ((?:torch|np|numpy|math|random|itertools|collections)\b[\w.]*).*", r"call \1", reason)
    reason = re.sub(r"^call (?!torch|np\b|numpy|math|random|itertools|collections)\S+", "call <other>", reason)
    reason = re.sub(r"^(name|attribute|method \S+ of|class) \S+", r"\1 <x>", reason)
    reason = re.sub(r"^hasattr of an unknown object or name", "hasattr, not of an object of the code's", reason)
    reason = re.sub(r"^\S+ used as", "<x> used as", reason)
    reason = re.sub(r"^(two values read from|missing argument) .*", r"\1 <x>", reason)
    reason = re.sub(r"^\S+ may be a fraction", "<x> may be a fraction", reason)
    reason = re.sub(r"^a call of (a method of \S+|\S+) in", lambda m: f"a call of {_callee_kind(m.group(1))} in", reason)
    reason = re.sub(r"^[A-Z]\w*\.\w+$", "<torch base>.<method>", reason)
    return reason


def _callee_kind(name: str) -> str:
    if name.startswith("a method of "):
        root = name.split()[-1]
        return f"a method of builtin {root}" if root in BUILTIN_NAMES else "a method of a name <x>"
    if name in BUILTIN_NAMES:
        return f"builtin {name}"
    if "log" in name.lower() or name.endswith((".info", ".debug", ".warning", ".warn")):
        return "a logger"
    if name == "None":
        return "an unresolved callee"
    return "<x> of the code" if "." not in name else "a method <x>"


_LIBRARY = re.compile(r"^(torch|numpy|np|math|itertools|collections|random|builtins|Machine)\b")
_WORD = re.compile(r"[a-z]+[:,]?|<[^>]*>|[A-Z][a-z]+[:,]?|\d+|\W+|[A-Za-z]+\.\w+")


def masked(what: str) -> str:
    """A kind with every name of the code left out (only words, libraries' names and the
    interpreter's own): a histogram of kinds over code nobody may read says nothing of it."""
    return " ".join(t if _LIBRARY.match(t) or _WORD.fullmatch(t) else "<id>" for t in what.split())


def main(argv) -> None:
    only_kinds = "--kinds" in argv
    targets = []  # (label, path, class, group)
    if "--rows" in argv:
        rows = json.load(open(argv[argv.index("--rows") + 1]))
        root = argv[argv.index("--root") + 1]
        for key, row in rows.items():
            if "--no-dpl1" in argv and any(c.startswith("DPL1") for c in row["dpl1"]):
                continue
            project, path, name = key.split("::")
            group = "check found" if row["check"] == "found" else "check not found"
            targets.append((key, os.path.join(root, slug(project), "tree", path), name, group))
    else:
        for arg in argv:
            if "::" in arg:
                path, name = arg.rsplit("::", 1)
                targets.append((arg, path, name, "all"))
    counts = collections.Counter()
    for label, path, name, group in targets:
        reason = reasons(path, name)
        counts[(group, masked(kind(reason)))] += 1
        if not only_kinds:
            print(f"{label} | {reason}", flush=True)
    if only_kinds:
        for (group, what), n in sorted(counts.items(), key=lambda item: (item[0][0], -item[1])):
            print(f"{group}: {n:3d}  {what}")


if __name__ == "__main__":
    main(sys.argv[1:])
