"""bigscience-workshop/Megatron-DeepSpeed: LLM pre-training (BLOOM). The pretraining batch
samplers of megatron/data/data_samplers.py, Megatron-LM's of 2021: sequential from the
consumed samples of a resumed run, and cyclic random over per-rank shards; each rank of
data-parallel worlds 1-4."""

from wild.entry import Project, sampler

from ._g3_common import megatron_pretraining_cases

PROJECT = Project(
    name="bigscience-workshop/Megatron-DeepSpeed",
    source="github",
    ref="8387ae17c4704f6579f88a84500b535d19d7fbbf",
    domain="LLM pre-training",
    stubs={
        # megatron/__init__.py sets up the global arguments, deepspeed and the mpu; the
        # sampler module takes get_args and mpu from it only for its loader factory.
        "megatron": "get_args = None\nmpu = None\n",
        "megatron.data": "",
        "megatron.data.decoder_packed_mtf_dataset": "class DecoderPackedMTFDataset:\n    pass\n",
    },
)

PATH = "megatron/data/data_samplers.py"


@sampler(PROJECT, PATH, "MegatronPretrainingSampler")
def _(cls, module):
    yield from megatron_pretraining_cases(lambda n, c, m, r, s, d=True: cls(n, c, m, r, s, d))


@sampler(PROJECT, PATH, "MegatronPretrainingRandomSampler")
def _(cls, module):
    yield from megatron_pretraining_cases(lambda n, c, m, r, s: cls(n, c, m, r, s), random=True)
