"""Codemods over the flake8-dplen analysis core: `python -m codemods.fix_len PATH...`."""
