"""Real opacus ``BatchSplittingSampler`` classes from two releases, side by side.

1.4.1 computed ``__len__`` with ``int()``, 1.6.0 with ``math.ceil()``; ``__iter__`` is
the same in both. Only ``batch_memory_manager.py`` is taken from the 1.4.1 wheel: it
is loaded under its own module name so it runs against the installed 1.6.0 for
everything else (DPOptimizer, the uniform samplers), exactly as a user mixing the
two would see it. Also used by benchmarks/opacus_grid.py.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

REPO_ROOT = Path(__file__).resolve().parents[1]
OPACUS_141_DIR = REPO_ROOT / ".cache" / "opacus-1.4.1"
OPACUS_141_BMM = OPACUS_141_DIR / "opacus" / "utils" / "batch_memory_manager.py"


def load_module_from(path: Path | str, name: str) -> ModuleType:
    """Execute the file at ``path`` as a fresh module called ``name``."""
    path = Path(path)
    if not path.is_file():
        raise FileNotFoundError(f"{path} does not exist")
    spec = importlib.util.spec_from_file_location(name, path)
    module = importlib.util.module_from_spec(spec)
    # Registered before execution so dataclasses/pickling inside it can find it.
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


def load_opacus_141() -> ModuleType:
    if not OPACUS_141_BMM.is_file():
        raise FileNotFoundError(f"opacus 1.4.1 is not unpacked at {OPACUS_141_DIR}; run scripts/setup.sh")
    return load_module_from(OPACUS_141_BMM, "opacus_1_4_1_batch_memory_manager")


def load_opacus_160() -> ModuleType:
    import opacus
    from opacus.utils import batch_memory_manager

    if opacus.__version__ != "1.6.0":
        raise RuntimeError(f"expected installed opacus 1.6.0, found {opacus.__version__}")
    return batch_memory_manager


def make_optimizer(expected_batch_size: int):
    """A real DPOptimizer; the splitter only calls its ``signal_skip_step``."""
    import torch
    from opacus.optimizers import DPOptimizer

    model = torch.nn.Linear(1, 1)
    return DPOptimizer(
        torch.optim.SGD(model.parameters(), lr=0.1),
        noise_multiplier=0.0,
        max_grad_norm=1.0,
        expected_batch_size=expected_batch_size,
    )


def batch_splitter(module: ModuleType, n: int, b: int, m: int, drop_last: bool = False, optimizer=None):
    """``BatchSplittingSampler`` over ``BatchSampler(SequentialSampler(range(n)), b)``."""
    from torch.utils.data import BatchSampler, SequentialSampler

    return module.BatchSplittingSampler(
        sampler=BatchSampler(SequentialSampler(range(n)), b, drop_last),
        max_batch_size=m,
        optimizer=optimizer if optimizer is not None else make_optimizer(b),
    )


def poisson_splitter(module: ModuleType, n: int, sample_rate: float, m: int, generator, optimizer=None):
    """``BatchSplittingSampler`` over opacus' ``UniformWithReplacementSampler``."""
    from opacus.utils.uniform_sampler import UniformWithReplacementSampler

    return module.BatchSplittingSampler(
        sampler=UniformWithReplacementSampler(num_samples=n, sample_rate=sample_rate, generator=generator),
        max_batch_size=m,
        optimizer=optimizer if optimizer is not None else make_optimizer(round(n * sample_rate)),
    )


def exact_split_len(n: int, b: int, m: int, drop_last: bool) -> int:
    """Batches ``BatchSplittingSampler.__iter__`` yields over a sequential BatchSampler."""
    full, tail = divmod(n, b)
    per_full = -(-b // m)
    return full * per_full + (0 if drop_last or tail == 0 else -(-tail // m))


def codemod_fixed(source: Path | str, workdir: Path | str, name: str) -> ModuleType:
    """Copy ``source`` into ``workdir``, rewrite it with the real codemod command, load it."""
    import shutil
    import subprocess

    target = Path(workdir) / Path(source).name
    shutil.copyfile(source, target)
    done = subprocess.run(
        [sys.executable, "-m", "codemods.fix_len", "--quiet", "--no-verify", str(target)],
        capture_output=True,
        text=True,
        cwd=REPO_ROOT,
    )
    if done.returncode != 0:
        raise RuntimeError(f"codemod failed on {target}: {done.stderr or done.stdout}")
    return load_module_from(target, name)


def opacus_160_path() -> Path:
    return Path(load_opacus_160().__file__)
