"""bytedance/human_assisted_preference_optimization: preference optimization of a vision-language-
action model (OpenVLA) from expert, failed and human-corrected robot rollouts (MimicGen).

dataset/sampler.py: distributed samplers that fill each batch with fixed shares of correct,
incorrect (and human-interaction) steps: BalancedDistributedSampler over an evaluation dataset
(eval_mimicgen.py: two lists) and BalancedInteractionDistributedSampler, the one train.py
builds (balance_hapo_dataset.py: three lists; correct 0.5, interaction 0.25, batch 8 as
config/balance_config.yaml). prismatic/util/batching_utils.py: the split-modality sampler of
the vendored Prismatic VLM code (not used by train.py, kept in the tree).

Both balanced samplers take `rank or torch.distributed.get_rank()`, so rank 0 is read from
the process group: those cases run inside a one-process gloo group, where it is 0 as on the
first of the world's processes.
"""

import random

from realcode.recipes import gloo
from wild.entry import Case, Project, sampler

PROJECT = Project(
    name="bytedance/human_assisted_preference_optimization",
    source="github",
    ref="2dce005135bff24155234e90ff9cfc3f688e84d6",
    domain="preference optimization (robot VLA policies)",
    # prismatic/__init__ loads the models (transformers, timm, ...); the sampler module needs torch only.
    empty_init=("prismatic", "prismatic.util"),
)


def _group():
    gloo()


class _Steps:
    """A rollout-step dataset as balance_hapo_dataset/eval_mimicgen build it: every index in
    exactly one of the lists get_balance_list returns."""

    def __init__(self, sizes, seed=0):
        order = list(range(sum(sizes)))
        random.Random(seed).shuffle(order)
        self.lists, at = [], 0
        for size in sizes:
            self.lists.append(sorted(order[at:at + size]))
            at += size
        self.data_corresponding = order

    def get_balance_list(self):
        return tuple(self.lists)

    def __len__(self):
        return len(self.data_corresponding)


def _build(make, rank):
    if rank == 0:
        _group()
    return make()


@sampler(PROJECT, "dataset/sampler.py", "BalancedDistributedSampler")
def _(cls, module):
    for correct, incorrect in ((40, 40), (100, 30), (37, 71)):
        for batch_size in (8, 32):
            for world in (1, 2, 4):
                for rank in range(world):
                    yield Case(
                        f"correct={correct} incorrect={incorrect} ratio=0.5 batch_size={batch_size} "
                        f"replicas={world} rank={rank}",
                        lambda c=correct, i=incorrect, b=batch_size, w=world, r=rank: _build(
                            lambda: cls(_Steps((c, i)), 0.5, b, num_replicas=w, rank=r, shuffle=True), r
                        ),
                        repeat=2,
                    )


@sampler(PROJECT, "dataset/sampler.py", "BalancedInteractionDistributedSampler")
def _(cls, module):
    for correct, interaction, incorrect in ((200, 50, 60), (120, 40, 8), (64, 64, 64)):
        for batch_size in (8, 16):
            for world in (1, 2, 4):
                for rank in range(world):
                    yield Case(
                        f"correct={correct} interaction={interaction} incorrect={incorrect} ratios=0.5/0.25 "
                        f"batch_size={batch_size} replicas={world} rank={rank}",
                        lambda c=correct, n=interaction, i=incorrect, b=batch_size, w=world, r=rank: _build(
                            lambda: cls(_Steps((c, n, i)), 0.5, 0.25, b, num_replicas=w, rank=r, shuffle=True), r
                        ),
                        repeat=2,
                    )


@sampler(PROJECT, "prismatic/util/batching_utils.py", "SplitModalitySampler")
def _(cls, module):
    # Its own assertions need each modality's count a multiple of the global batch size.
    rng = random.Random(0)
    for multimodal, unimodal in ((32, 0), (64, 32), (128, 64)):
        lengths = [(True, rng.randint(20, 300)) for _ in range(multimodal)]
        lengths += [(False, rng.randint(10, 500)) for _ in range(unimodal)]
        for global_batch in (16, 32):
            for world in (1, 2, 4):
                for rank in range(world):
                    yield Case(
                        f"multimodal={multimodal} unimodal={unimodal} global_batch={global_batch} "
                        f"replicas={world} rank={rank}",
                        lambda m=lengths, g=global_batch, w=world, r=rank: cls(
                            list(range(len(m))), m, g, num_replicas=w, rank=r
                        ),
                        repeat=2,
                    )
