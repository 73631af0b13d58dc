"""naoto0804/pytorch-VAT: semi-supervised image classification (virtual adversarial
training). train_vat.py and train_baseline.py give InfiniteSampler(len(dataset)) as
`sampler=` of the labelled and unlabelled loaders: an endless stream of permutations, with
len() = 2**31."""

from wild.entry import Project, not_run

PROJECT = Project(
    name="naoto0804/pytorch-VAT",
    source="github",
    ref="296d1876fcf639efabd6a4a9fd222e39727bdfb5",
    domain="semi-supervised image classification",
)

not_run(
    PROJECT,
    "sampler.py",
    "InfiniteSampler",
    "its __iter__ never ends and its len() is 2**31: no run gets past len() within a case's time,"
    " so the cut-off that shows an endless __iter__ is never reached",
)
