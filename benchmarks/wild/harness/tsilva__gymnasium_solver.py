"""tsilva/gymnasium-solver: reinforcement learning (PPO/REINFORCE) on Gymnasium environments.

utils/samplers.py: MultiPassRandomSampler, the minibatch order over a rollout buffer: num_passes
(PPO epochs) independent permutations concatenated, reseeded by set_epoch
(scripts/benchmark_dataloaders.py, tests/test_multipass_random_sampler.py).
"""

import torch

from wild.entry import Case, Project, sampler

PROJECT = Project(
    name="tsilva/gymnasium-solver",
    source="github",
    ref="a80484c377d33f770c88dc6fb0f5dbee5e2b2802",
    domain="reinforcement learning (rollout minibatches)",
)


def _at_epoch(s, epoch):
    s.set_epoch(epoch)
    return s


@sampler(PROJECT, "utils/samplers.py", "MultiPassRandomSampler")
def _(cls, module):
    for data_len in (1, 64, 2048):  # rollout sizes: n_envs x n_steps
        for passes in (1, 4, 10):
            yield Case(f"data_len={data_len} num_passes={passes}", lambda d=data_len, p=passes: cls(d, p))
            yield Case(
                f"data_len={data_len} num_passes={passes} generator seeded, set_epoch(3)",
                lambda d=data_len, p=passes: _at_epoch(cls(d, p, generator=torch.Generator().manual_seed(0)), 3),
            )
