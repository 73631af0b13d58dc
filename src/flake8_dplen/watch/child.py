"""The sanitizer inside a process run by `dplen watch`: started by the sitecustomize.py
that the command puts on PYTHONPATH, it waits for torch's sampler module to be imported
(a program that never imports torch pays nothing), then watches every sampler.

Each mismatch is appended at once to ``<dir>/<pid>.jsonl``, so a program that ends with
``os._exit`` or is killed keeps the ones already seen; at a normal exit the epochs still
open are finished and the random samplers judged on their means."""

from __future__ import annotations

import atexit
import json
import os
import sys
from typing import Any

from . import sanitizer
from .sanitizer import Mismatch

_SAMPLER_MODULE = "torch.utils.data.sampler"


def start(directory: str) -> None:
    sink = _FileSink(directory)
    module = sys.modules.get(_SAMPLER_MODULE)
    if module is not None:
        sanitizer.install(sink, module.Sampler)
    else:
        sys.meta_path.insert(0, _AfterImport(lambda module: sanitizer.install(sink, module.Sampler)))
    atexit.register(_at_exit, sink)


class _FileSink:
    def __init__(self, directory: str) -> None:
        self.directory = directory

    def __call__(self, mismatch: Mismatch) -> None:
        # The file is named at write time: a forked child writes its own.
        path = os.path.join(self.directory, f"{os.getpid()}.jsonl")
        with open(path, "a", encoding="utf-8") as out:
            out.write(json.dumps(mismatch.to_dict()) + "\n")


def _at_exit(sink: _FileSink) -> None:
    if not sanitizer.installed():
        return
    sanitizer.finish()
    for mismatch in sanitizer.report():
        sink(mismatch)


class _AfterImport:
    """A meta path finder that runs ``then(module)`` once torch's sampler module has run:
    torch.utils.data is still being imported then, so the class is taken from the module."""

    def __init__(self, then: Any) -> None:
        self.then = then

    def find_spec(self, name: str, path: Any, target: Any = None) -> Any:
        if name != _SAMPLER_MODULE:
            return None
        sys.meta_path.remove(self)
        for finder in sys.meta_path:
            spec = finder.find_spec(name, path, target) if hasattr(finder, "find_spec") else None
            if spec is not None:
                break
        else:
            return None
        run, then = spec.loader.exec_module, self.then

        def exec_module(module: Any) -> None:
            run(module)
            then(module)

        spec.loader.exec_module = exec_module
        return spec
