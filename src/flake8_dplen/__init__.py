"""flake8-dplen: find and fix Sampler.__len__ values that disagree with the batches __iter__ yields."""

__version__ = "0.1.0"
# The project's address, as in pyproject.toml's [project.urls] (a test keeps them equal):
# each rule's page is at rule_url(code), linked from every message.
HOMEPAGE = "https://github.com/flake8-dplen/flake8-dplen"


def rule_url(code: str) -> str:
    return f"{HOMEPAGE}/blob/main/docs/rules/{code}.md"


_RUNTIME = {"check_length", "assert_length", "expected_poisson_batches", "LengthReport"}


def __getattr__(name):
    # The runtime check is imported on first use only: the flake8 plugin never needs it.
    if name in _RUNTIME:
        from . import runtime

        return getattr(runtime, name)
    raise AttributeError(f"module 'flake8_dplen' has no attribute {name!r}")
