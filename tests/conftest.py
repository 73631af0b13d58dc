"""Shared fixtures: repository paths, one torch thread, a real single-process gloo group."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

REPO_ROOT = Path(__file__).resolve().parents[1]
# Test helper modules (e.g. opacus_versions) live next to the tests, not in a package; the
# example samplers `dplen check` is tested on are fixtures (tests/fixtures/check), imported by
# module name because the tests the check prints import them so.
for _folder in (Path(__file__).parent, Path(__file__).parent / "fixtures" / "check"):
    if str(_folder) not in sys.path:
        sys.path.insert(0, str(_folder))


@pytest.fixture(scope="session")
def repo_root() -> Path:
    return REPO_ROOT


@pytest.fixture(scope="session")
def opacus_141_dir() -> Path:
    """The unpacked opacus 1.4.1 wheel; a missing one fails the test, never skips it."""
    path = REPO_ROOT / ".cache" / "opacus-1.4.1"
    if not (path / "opacus" / "utils" / "batch_memory_manager.py").is_file():
        pytest.fail(f"opacus 1.4.1 is not unpacked at {path}; run scripts/setup.sh", pytrace=False)
    return path


@pytest.fixture(scope="module")
def one_torch_thread():
    """Small tensor ops only: intra-op threads just contend on a busy 2-core machine (one
    Poisson epoch at n=60000 went from 0.12 s to 6 s, measured)."""
    import torch

    previous = torch.get_num_threads()
    torch.set_num_threads(1)
    yield
    torch.set_num_threads(previous)


@pytest.fixture(scope="module")
def gloo_group(tmp_path_factory):
    """A real torch.distributed gloo process group of one rank (rank 0, world size 1).

    A file:// rendezvous avoids racing other processes for a free TCP port.
    """
    import torch.distributed as dist

    if dist.is_initialized():
        pytest.fail("a torch.distributed process group is already initialised", pytrace=False)
    store = tmp_path_factory.mktemp("gloo") / "rendezvous"
    dist.init_process_group("gloo", init_method=f"file://{store}", rank=0, world_size=1)
    try:
        yield dist.group.WORLD
    finally:
        dist.destroy_process_group()
