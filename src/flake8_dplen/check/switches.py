"""The switches `dplen check` and the pytest plugin share (`--budget` is `--dplen-budget`
there, `--seed` `--dplen-seed`...), spelled once so that their defaults and help cannot
drift apart. Nothing imported: the pytest plugin reads this in every pytest run."""

from typing import Any, Callable

BUDGET = {"type": float, "default": 2.0, "help": "CPU seconds of search per class (default: 2)"}
SEED = {"type": int, "default": 0, "help": "seed of the search and of every epoch (default: 0)"}
CLASS_TIMEOUT = {
    "type": float,
    "default": 60.0,
    "metavar": "SECONDS",
    "help": "wall-clock limit of one class's whole search, in a process of its own (default: 60)",
}
# Spelled here, not imported from runtime.length: the pytest plugin must stay light.
RESUMED_LEN = {
    "choices": ("rest", "epoch"),
    "default": "rest",
    "help": (
        "what len() of a sampler resumed mid-epoch must say: rest (default), the items it still yields;"
        " epoch, also the whole epoch when the rest is its tail (Lightning's loop restores its own counter)"
    ),
}


def add(add_option: Callable[..., Any], prefix: str) -> None:
    """Add every shared switch with ``add_option`` (argparse's ``add_argument``, pytest's
    ``addoption``), each named ``prefix`` + its name: ``--`` or ``--dplen-``."""
    shared = {"budget": BUDGET, "seed": SEED, "class-timeout": CLASS_TIMEOUT, "resumed-len": RESUMED_LEN}
    for name, spec in shared.items():
        add_option(prefix + name, **spec)
