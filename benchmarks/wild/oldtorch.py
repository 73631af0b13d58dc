"""`torch._six` as the torch before 2.0 had it, for projects written against that torch:
many import `int_classes` or `string_classes` from it only to type-check an argument, and
their sampler's module cannot load without it. Copied beside the stand-ins and installed
by their sitecustomize (materialise._write_startup), so every process of a project has it."""

import collections.abc
import math
import sys
import types


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
