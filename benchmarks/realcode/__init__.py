"""The corpus benchmark (benchmarks/corpus.py): flake8-dplen over the wheels of real
packages, and their sampler classes run for real.

packages: which wheels, and what each needs to be analysed and loaded
fetching: download a wheel (or an sdist), unpack its Python files, read them back
scanning: the plugin's core and the codemod's --check over one unpacked tree
rewriting: the codemod for real on a copy, and what it may change
loading: run a tree's modules without importing its package
recipes: how to build each known sampler class, over which configurations
recipes_grown: the same for classes of the grown corpus the signature grid cannot build
probing: cases for any other class, built from its constructor's signature
runtime: len() against the batches yielded, per class, one worker process per package
report: the tables and lists printed
summary: the runtime half's figures (classes run, mismatches, precision, recall, fixes)
"""
