"""The corpus: which wheels, and what each needs to be analysed and loaded."""

from __future__ import annotations

from typing import Dict, List, Tuple

from flake8_dplen.config import Config

# (label, pip requirement). Versions are pinned so that the triage in corpus_findings.md
# stays about the same code; torch must stay 2.13.0, the CPU wheel on local disk (any
# other spec resolves to gigabytes of CUDA wheels).
PACKAGES: List[Tuple[str, str]] = [
    ("torch", "torch==2.13.0"),
    ("opacus-1.4.1", "opacus==1.4.1"),
    ("opacus-1.6.0", "opacus==1.6.0"),
    ("pytorch-lightning", "pytorch-lightning==2.6.6"),
    ("transformers", "transformers==5.24.0"),
    ("accelerate", "accelerate==1.15.0"),
    ("torch-geometric", "torch-geometric==2.8.1"),
    ("speechbrain", "speechbrain==1.1.2"),
    ("mmengine", "mmengine==0.10.7"),
    ("allennlp", "allennlp==2.10.1"),
    ("catalyst", "catalyst==22.4"),
    ("pytorch-metric-learning", "pytorch-metric-learning==2.9.0"),
    ("espnet", "espnet==202511"),
    ("avalanche-lib", "avalanche-lib==0.6.0"),
    ("torchvision", "torchvision==0.29.1"),
    ("sentence-transformers", "sentence-transformers==6.2.0"),
    ("trl", "trl==1.16.0"),
    ("mmdet", "mmdet==3.3.0"),
    ("ultralytics", "ultralytics==8.4.190"),
    ("monai", "monai==1.6.1"),
    ("chemprop", "chemprop==2.3.1"),
    ("flair", "flair==0.15.1"),
    ("pytorch-forecasting", "pytorch-forecasting==1.8.0"),
    ("pytorch-ignite", "pytorch-ignite==0.5.5"),
    ("torchgeo", "torchgeo==0.8.1"),
]

# Base classes from another module of the same package, named as a user would in
# `dplen-sampler-bases`: without them subclasses of espnet's AbsSampler are not samplers
# to the analysis (it resolves bases within a module only).
SAMPLER_BASES: Dict[str, Tuple[str, ...]] = {
    "espnet": ("espnet2.samplers.abs_sampler.AbsSampler",),
}

# Top-level names each tree provides; imports of these are served from the tree. torch is
# left to the real import: its tree has no compiled extensions, and it is the installed
# 2.13.0 (checked below).
OWN = {
    "torch": (),
    "opacus-1.4.1": ("opacus",),
    "opacus-1.6.0": ("opacus",),
    "pytorch-lightning": ("pytorch_lightning", "lightning_fabric"),
    "transformers": ("transformers",),
    "accelerate": ("accelerate",),
    "torch-geometric": ("torch_geometric",),
    "speechbrain": ("speechbrain",),
    "mmengine": ("mmengine",),
    "allennlp": ("allennlp",),
    "catalyst": ("catalyst",),
    "pytorch-metric-learning": ("pytorch_metric_learning",),
    "espnet": ("espnet2", "espnet"),
    "avalanche-lib": ("avalanche", "examples"),
    "torchvision": ("torchvision",),
    "sentence-transformers": ("sentence_transformers",),
    "trl": ("trl",),
    "mmdet": ("mmdet",),
    "ultralytics": ("ultralytics",),
    "monai": ("monai",),
    "chemprop": ("chemprop",),
    "flair": ("flair",),
    "pytorch-forecasting": ("pytorch_forecasting",),
    "pytorch-ignite": ("ignite",),
    "torchgeo": ("torchgeo",),
}


def config_for(label: str) -> Config:
    return Config(sampler_bases=SAMPLER_BASES.get(label, ()))


def bases_args(label: str) -> List[str]:
    """The codemod's command-line spelling of the package's extra sampler bases."""
    bases = SAMPLER_BASES.get(label, ())
    return ["--sampler-bases", ",".join(bases)] if bases else []
