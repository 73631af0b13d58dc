"""What torch and numpy have removed since the projects were written, given back where a
sampler's module needs it only to load or to compute a count: `torch._six` (gone in torch
2.0; many import `int_classes` from it to type-check an argument) and numpy's aliases of
the builtin types (`np.int`, `np.float`, ..., gone in numpy 1.24; `astype(np.int)` in a
batch-size computation). Copied beside the stand-ins and installed by their sitecustomize
(materialise._write_startup), so every process of a project has them."""

import builtins
import collections.abc
import math
import sys
import types

# numpy's aliases of builtins, deprecated in 1.20 and removed in 1.24.
NUMPY_ALIASES = ("int", "float", "bool", "object", "str", "complex")


def install() -> None:
    try:
        import torch._six  # noqa: F401
    except ImportError:
        six = types.ModuleType("torch._six")
        six.int_classes = int
        six.string_classes = (str, bytes)
        six.container_abcs = collections.abc
        six.inf = math.inf
        six.nan = math.nan
        sys.modules["torch._six"] = six
    import numpy

    for name in NUMPY_ALIASES:
        if name not in numpy.__dict__:
            setattr(numpy, name, getattr(builtins, name))
