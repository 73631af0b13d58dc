"""flake8-dplen: find and fix Sampler.__len__ values that disagree with the batches __iter__ yields."""

__version__ = "0.1.0"

_RUNTIME = {"check_length", "assert_length", "expected_poisson_batches", "LengthReport"}


def __getattr__(name):
    # The runtime check is imported on first use only: the flake8 plugin never needs it.
    if name in _RUNTIME:
        from . import runtime

        return getattr(runtime, name)
    raise AttributeError(f"module 'flake8_dplen' has no attribute {name!r}")
