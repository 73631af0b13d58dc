"""Answering a sampler's questions to `torch.distributed` without a process group, so
that any rank of any world size can be tried in one process: the check's scenarios use
it, and so does the test it prints for one of them."""

from __future__ import annotations

import os
import sys
from contextlib import contextmanager
from typing import Any, Dict, Iterator, List, Tuple

# The names each module outside torch bound to one of torch.distributed's functions
# (`from torch.distributed import get_rank`), by the module's name and identity: a module
# is read once, the first time as_rank sees it (as_rank runs once per sampler judged).
_BOUND: Dict[Tuple[str, int], List[str]] = {}
# What torchrun (and torch.distributed.launch) tell each process in its environment, which
# a sampler may read instead of asking torch (`int(os.environ["WORLD_SIZE"])`): one node.
ENVIRONMENT = ("WORLD_SIZE", "RANK", "LOCAL_WORLD_SIZE", "LOCAL_RANK")


def _bound_names(functions: Dict[int, str]) -> Iterator[Tuple[Dict[str, Any], str, str]]:
    """(namespace, name, torch.distributed's name) of every such binding; ``functions``:
    id of each original function -> its name in torch.distributed."""
    for module_name, module in list(sys.modules.items()):
        if module_name.partition(".")[0] == "torch":
            continue  # torch's own modules keep asking torch: as_rank answers for the user's code
        try:
            namespace = vars(module)
        except TypeError:
            continue
        key = (module_name, id(module))
        if key not in _BOUND:
            _BOUND[key] = [name for name, value in list(namespace.items()) if id(value) in functions]
        for name in _BOUND[key]:
            value = namespace.get(name)
            if id(value) in functions:
                yield namespace, name, functions[id(value)]


@contextmanager
def as_rank(world_size: int, rank: int) -> Iterator[None]:
    """While inside, `torch.distributed` says it is initialised, with ``world_size``
    processes of which this one is ``rank``: the module's attributes are replaced, and
    the names modules outside torch imported from it (`from torch.distributed import
    get_rank`), and the environment torchrun gives a process of one node (WORLD_SIZE,
    RANK, LOCAL_WORLD_SIZE, LOCAL_RANK). A collective still needs a real group."""
    import torch.distributed as dist

    answers = {
        "is_available": lambda: True,
        "is_initialized": lambda: True,
        "get_world_size": lambda group=None: world_size,
        "get_rank": lambda group=None: rank,
    }
    saved = {name: getattr(dist, name) for name in answers}
    bound = list(_bound_names({id(function): name for name, function in saved.items()}))
    for name, answer in answers.items():
        setattr(dist, name, answer)
    for namespace, name, asked in bound:
        namespace[name] = answers[asked]
    environment = {name: os.environ.get(name) for name in ENVIRONMENT}
    os.environ.update(zip(ENVIRONMENT, map(str, (world_size, rank) * 2)))
    try:
        yield
    finally:
        for name, original in saved.items():
            setattr(dist, name, original)
        for namespace, name, asked in bound:
            namespace[name] = saved[asked]
        for name, value in environment.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value


def group_exists() -> bool:
    """Whether this process has a default process group, whatever :func:`as_rank` says."""
    try:  # the module itself: as_rank answers for the package's names only
        from torch.distributed import distributed_c10d
    except ImportError:  # a torch built without distributed
        return False
    return distributed_c10d.is_initialized()


def one_process_group() -> bool:
    """Makes a default process group of one process, in memory, unless there is one;
    says whether it made it."""
    import torch.distributed as dist

    if group_exists():
        return False
    # An in-memory store: a file:// rendezvous left a folder per run in the temp folder.
    dist.distributed_c10d.init_process_group("gloo", store=dist.HashStore(), rank=0, world_size=1)
    return True


@contextmanager
def process_group() -> Iterator[None]:
    """A process group of one while inside, as `dplen check` made for a sampler that
    needed one to be built; the one it made is destroyed on the way out."""
    made = one_process_group()
    try:
        yield
    finally:
        if made:
            from torch.distributed import distributed_c10d

            distributed_c10d.destroy_process_group()
