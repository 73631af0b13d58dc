"""randolf-scholz/tsdm: time series datasets and models (irregularly sampled series).
src/tsdm/random/samplers/: RandomSampler, HierarchicalSampler, SlidingSampler (sliding
windows over timestamps) and the deprecated IntervalSampler and SequenceSampler, written on
pandas' Index / Series / Timestamp / Timedelta (their module and tsdm.types import pandas and
pyarrow); bugs/torch_sampler.py: MySequentialSampler, the sequential sampler of a typing
bug report. The abstract BaseSampler / Sampler protocol / MySampler are left out."""

from wild.entry import Case, Project, not_run, sampler

PROJECT = Project(
    name="randolf-scholz/tsdm",
    source="github",
    ref="0195d10fc292e80829065c14ab252b778e88d5c4",
    domain="time series: window and hierarchical samplers",
)

PANDAS = ("computes with pandas Index/Series/Timestamp/Timedelta and imports tsdm.types (pandas, pyarrow), "
          "native packages the wild environment does not install")

for path, name in (
    ("src/tsdm/random/samplers/_samplers.py", "RandomSampler"),
    ("src/tsdm/random/samplers/_samplers.py", "HierarchicalSampler"),
    ("src/tsdm/random/samplers/_samplers.py", "SlidingSampler"),
    ("src/tsdm/random/samplers/_samplers_deprecated.py", "IntervalSampler"),
    ("src/tsdm/random/samplers/_samplers_deprecated.py", "SequenceSampler"),
):
    not_run(PROJECT, path, name, PANDAS)


@sampler(PROJECT, "bugs/torch_sampler.py", "MySequentialSampler")
def _(cls, module):
    for n in (0, 1, 9, 100):
        yield Case(f"range({n})", lambda n=n: cls(range(n)))
        yield Case(f"list of {n}", lambda n=n: cls(list(range(n))))
