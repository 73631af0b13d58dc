"""Resume positions the analysis core reads in a class's code, for the resume scenario.

A training loop resumes a sampler by whatever the class offers, and real classes name
their position in many ways (`_pos_start`, `iter_idx`, `cursor`): a list of names finds
few of them. The core's offsets model (core/offsets.py, DPL116's reading) finds the self
attributes `__iter__` starts its walk at while `__len__` ignores them, whatever their
name; the search resumes a sampler through each one the constructor does not take (a
position it takes is drawn with the other arguments).
"""

from __future__ import annotations

import functools
import inspect
from typing import Tuple

from ..config import Config
from ..core import syntax as cst
from ..core.analysis import deep_recursion, module_name_for, sampler_contexts
from ..core.offsets import ignored_offsets


@functools.lru_cache(maxsize=None)
def positions(cls: type) -> Tuple[str, ...]:
    """The attributes `cls`'s own code starts walking at and leaves out of its len(),
    that its constructor does not take; () where its source cannot be read or parsed."""
    try:
        path = inspect.getsourcefile(cls)
        with open(path, encoding="utf-8") as fh:
            text = fh.read()
        with deep_recursion():
            module = cst.parse_module(text)
            # The last class of that name, as at run time.
            found = [ctx for ctx in sampler_contexts(module, Config(), module_name_for(path), path)
                     if ctx.cls.name.value == cls.__name__]
            if found:
                return tuple(dict.fromkeys(o.attr for o in ignored_offsets(found[-1]) if o.param is None))
    except Exception:  # noqa: BLE001
        # No source (a class made at run time), a file this Python cannot parse, or the
        # core meeting code it does not know: no positions, and the search goes on.
        pass
    return ()
