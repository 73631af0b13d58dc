"""The corpus: which wheels, and what each needs to be analysed and loaded."""

from __future__ import annotations

from pathlib import Path
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
    # Grown for the precision issue (12): vision, detection, video, speech, NLP, metric
    # learning, geospatial, graph, biology, LLM and distributed-training libraries, and
    # older releases whose sampler code differs from the newer one above.
    ("transformers-4.46.3", "transformers==4.46.3"),
    ("pytorch-lightning-1.9.5", "pytorch-lightning==1.9.5"),
    ("mmdet-2.28.2", "mmdet==2.28.2"),
    ("mmcls", "mmcls==0.25.0"),
    ("mmpretrain", "mmpretrain==1.2.0"),
    ("mmpose", "mmpose==1.3.2"),
    ("mmocr", "mmocr==1.0.1"),
    ("mmaction2-0.24.1", "mmaction2==0.24.1"),
    ("mmselfsup", "mmselfsup==0.11.0"),
    ("mmtrack", "mmtrack==0.14.0"),
    ("mmfewshot", "mmfewshot==0.1.0"),
    ("mmflow", "mmflow==0.5.2"),
    ("timm", "timm==1.0.31"),
    ("classy-vision", "classy_vision==0.7.0"),
    ("vissl", "vissl==0.1.6"),
    ("super-gradients", "super-gradients==3.7.1"),
    ("yolox", "yolox==0.3.0"),
    ("basicsr", "basicsr==1.4.2"),
    ("torchreid", "torchreid==0.2.5"),
    ("fastreid", "fastreid==1.4.0"),
    ("open-metric-learning", "open-metric-learning==4.0.0"),
    ("easyfsl", "easyfsl==1.5.0"),
    ("semilearn", "semilearn==0.3.2"),
    ("torchsampler", "torchsampler==0.1.2"),
    ("terratorch", "terratorch==1.2.13"),
    ("modelscope", "modelscope==1.40.2"),
    ("funasr", "funasr==1.4.16"),
    ("nemo_toolkit", "nemo_toolkit==3.0.0"),
    ("nemo_toolkit-2.0.0", "nemo_toolkit==2.0.0"),
    ("nemo_toolkit-1.23.0", "nemo_toolkit==1.23.0"),
    ("TTS", "TTS==0.22.0"),
    ("coqui-tts", "coqui-tts==0.28.0"),
    ("f5-tts", "f5-tts==1.1.22"),
    ("s3prl", "s3prl==0.4.18"),
    ("fairseq", "fairseq==0.12.2"),
    ("pytorch-nlp", "pytorch-nlp==0.5.0"),
    ("texar-pytorch", "texar-pytorch==0.1.4"),
    ("fastnlp", "FastNLP==1.0.1"),
    ("allennlp-1.3.0", "allennlp==1.3.0"),
    ("simpletransformers", "simpletransformers==0.70.8"),
    ("unitorch", "unitorch==0.0.2.0"),
    ("axolotl", "axolotl==0.19.0"),
    ("llama-cookbook", "llama-cookbook==0.0.5.post1"),
    ("xtuner", "xtuner==0.2.0"),
    ("ms-swift", "ms-swift==4.6.0"),
    ("openrlhf", "openrlhf==0.11.2"),
    ("instructlab-training", "instructlab-training==0.16.2"),
    ("internevo", "InternEvo==0.5.2"),
    ("nanotron", "nanotron==0.4"),
    ("colossalai", "colossalai==0.5.0"),
    ("horovod", "horovod==0.28.1"),
    ("determined", "determined==0.38.1"),
    ("torchelastic", "torchelastic==0.2.2"),
    ("torchdata", "torchdata==0.11.0"),
    ("pytorch-pfn-extras", "pytorch-pfn-extras==0.9.0"),
    ("braindecode", "braindecode==1.8.1"),
    ("scvi-tools", "scvi-tools==1.4.2"),
    ("scgpt", "scgpt==0.2.4"),
    ("pytorch-lifestream", "pytorch-lifestream==0.7.0"),
    ("openspeech-core", "openspeech-core==0.4.0"),
    ("pykale", "pykale==0.2.1"),
    ("anndata", "anndata==0.12.19"),
    ("bagua", "bagua==0.9.2"),
    ("dp-transformers", "dp-transformers==1.0.0"),
    ("graphium", "graphium==2.4.7"),
    ("hezar", "hezar==1.0.0"),
    # Older releases of packages above, whose sampler modules differ from the newer ones.
    ("transformers-4.10.3", "transformers==4.10.3"),
    ("pytorch-lightning-1.5.10", "pytorch-lightning==1.5.10"),
    ("accelerate-0.34.2", "accelerate==0.34.2"),
    ("sentence-transformers-3.0.1", "sentence-transformers==3.0.1"),
    ("speechbrain-0.5.16", "speechbrain==0.5.16"),
    ("torchgeo-0.5.2", "torchgeo==0.5.2"),
    ("catalyst-21.12", "catalyst==21.12"),
]

# The hold-out corpus (`corpus.py --holdout`): projects NOT in PACKAGES, whose code the DPL1
# rules were not tuned on, each at its current PyPI release (2026-12-01) and each defining
# at least one torch Sampler subclass with __len__ that the analysis sees. No recipes are
# written for them: their classes go through the signature grid of realcode.probing only,
# so the figures measure the rules (and the grid) as they are. Candidates checked and left
# out (no sampler class with __len__ the analysis sees, or not installable on Python 3.11)
# are listed in benchmarks/holdout_findings.md.
HOLDOUT: List[Tuple[str, str]] = [
    ("stanza", "stanza==1.15.0"),
    ("supar", "supar==1.1.4"),
    ("fairchem-core", "fairchem-core==2.24.0"),
    ("nequip", "nequip==0.19.1"),
    ("torch-points3d", "torch-points3d==1.3.0"),
    ("torchhydro", "torchhydro==0.2.0"),
    ("pytorch-lightning-spells", "pytorch-lightning-spells==0.3.0"),
    ("pytorch-datastream", "pytorch-datastream==0.4.13"),
    ("bucketsampler", "bucketsampler==0.1.0a3"),
    ("clustered-batch-sampler", "clustered-batch-sampler==0.1.0"),
    ("grab-sampler", "grab-sampler==0.1.3"),
    ("pytorch-multilabel-balanced-sampler", "pytorch-multilabel-balanced-sampler==0.1.3"),
    ("dynabatch", "dynabatch==0.2.23"),
    ("metabatch", "metabatch==0.9.1"),
    ("reuseloader", "reuseloader==0.1.0"),
]

# An older release -> the label whose recipes it reuses, for each class its tree still defines.
OLDER_RELEASES: Dict[str, str] = {
    "transformers-4.46.3": "transformers",
    "transformers-4.10.3": "transformers",
    "pytorch-lightning-1.9.5": "pytorch-lightning",
    "pytorch-lightning-1.5.10": "pytorch-lightning",
    "mmdet-2.28.2": "mmdet",
    "accelerate-0.34.2": "accelerate",
    "speechbrain-0.5.16": "speechbrain",
    "torchgeo-0.5.2": "torchgeo",
    "catalyst-21.12": "catalyst",
}

# Released on PyPI as source only: their sdist is downloaded and unpacked, never built.
SDIST_ONLY = frozenset(
    {
        "yolox",
        "basicsr",
        "torchreid",
        "fairseq",
        "fastnlp",
        "colossalai",
        "horovod",
        "s3prl",
        "pytorch-lifestream",
        "bagua",
    }
)

# Base classes from another module of the same package, named as a user would in
# `dplen-sampler-bases`: without them subclasses of espnet's AbsSampler are not samplers
# to the analysis (it resolves bases within a module only).
SAMPLER_BASES: Dict[str, Tuple[str, ...]] = {
    "espnet": ("espnet2.samplers.abs_sampler.AbsSampler",),
    # Plain classes that these packages pass to a DataLoader as its sampler or
    # batch_sampler (fastNLP's torch driver, OML's loaders, NeMo's Megatron data module).
    "fastnlp": (
        "fastNLP.core.samplers.reproducible_sampler.ReproducibleSampler",
        "fastNLP.core.samplers.reproducible_batch_sampler.ReproducibleBatchSampler",
        "fastNLP.core.samplers.unrepeated_sampler.UnrepeatedSampler",
        "fastNLP.core.samplers.mix_sampler.MixSampler",
    ),
    "open-metric-learning": ("oml.interfaces.samplers.IBatchSampler",),
    "nemo_toolkit-1.23.0": (
        "nemo.collections.nlp.data.language_modeling.megatron.data_samplers.BaseMegatronSampler",
    ),
    # Imported through the package's __init__, the spelling the subclasses use.
    "braindecode": (
        "braindecode.samplers.RecordingSampler",
        "braindecode.samplers.DistributedRecordingSampler",
    ),
    "allennlp-1.3.0": (
        "allennlp.data.samplers.BatchSampler",
        "allennlp.data.samplers.bucket_batch_sampler.BucketBatchSampler",
    ),
}

# Top-level names each tree provides; imports of these are served from the tree. torch is
# left to the real import: its tree has no compiled extensions, and it is the installed
# 2.13.0 (checked below). A package not listed provides the top-level folders of its tree.
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


def own_names(label: str, tree: Path) -> Tuple[str, ...]:
    if label in OWN:
        return OWN[label]
    return tuple(sorted(p.name for p in tree.iterdir() if p.is_dir() and (p / "__init__.py").is_file()))


def config_for(label: str) -> Config:
    return Config(sampler_bases=SAMPLER_BASES.get(label, ()))


def bases_args(label: str) -> List[str]:
    """The codemod's command-line spelling of the package's extra sampler bases."""
    bases = SAMPLER_BASES.get(label, ())
    return ["--sampler-bases", ",".join(bases)] if bases else []
