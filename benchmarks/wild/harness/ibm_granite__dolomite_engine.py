"""ibm-granite/dolomite-engine: LLM pre-training. MegatronBatchSampler
(dolomite_engine/data/megatron/sampler.py), Megatron-LM's pretraining sampler as its data
module builds it: total samples, the consumed samples of a resumed run, micro batch, each
rank of the data-parallel world."""

from wild.entry import Project, sampler

from ._g3_common import megatron_pretraining_cases

PROJECT = Project(
    name="ibm-granite/dolomite-engine",
    source="github",
    ref="537a2f326183567ffbac33e3b7ec2084694cc539",
    domain="LLM pre-training",
    # the package __init__s import transformers, the model zoo and the argument classes.
    empty_init=("dolomite_engine", "dolomite_engine.data", "dolomite_engine.data.megatron"),
)


@sampler(PROJECT, "dolomite_engine/data/megatron/sampler.py", "MegatronBatchSampler")
def _(cls, module):
    yield from megatron_pretraining_cases(
        lambda n, c, m, r, s, d=True: cls(
            total_samples=n, consumed_samples=c, micro_batch_size=m, num_replicas=s, rank=r, drop_last=d
        )
    )
