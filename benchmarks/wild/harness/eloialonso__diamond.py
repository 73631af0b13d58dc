"""eloialonso/diamond: reinforcement learning in a diffusion world model (Atari, CS:GO).

src/data/batch_sampler.py: BatchSampler, the replay sampler of trainer.py: an endless stream
of batches of episode segments (episodes drawn by length or by sample_weights, this rank's
share of them), whose __len__ raises NotImplementedError. The dataset is the project's
Dataset of collected episodes (add_episode), kept in memory here (save_on_disk=False).
"""

import tempfile

import torch

from wild.entry import Case, Project, sampler

PROJECT = Project(
    name="eloialonso/diamond",
    source="github",
    ref="5bcd1599755b4f2fae8e5e079e02f0728e174965",
    domain="reinforcement learning (replay of a world model)",
    root="src",
    # src/utils.py (the dataset's StateDictMixin) also holds the config and logging helpers
    absent=("omegaconf", "wandb"),
)


def _episodes(lengths):
    from data import Dataset, Episode

    dataset = Dataset(tempfile.mkdtemp(), save_on_disk=False)
    for length in lengths:
        dataset.add_episode(Episode(
            obs=torch.zeros(length, 3, 8, 8),
            act=torch.zeros(length, dtype=torch.long),
            rew=torch.zeros(length),
            end=torch.zeros(length, dtype=torch.uint8),
            trunc=torch.zeros(length, dtype=torch.uint8),
            info={},
        ))
    return dataset


@sampler(PROJECT, "src/data/batch_sampler.py", "BatchSampler")
def _(cls, module):
    lengths = [int(x) for x in torch.randint(20, 400, (12,), generator=torch.Generator().manual_seed(0))]
    for world in (1, 2):
        for rank in range(world):
            for batch_size, seq_length in ((32, 5), (4, 20)):
                for beyond in (False, True):
                    yield Case(
                        f"12 episodes rank={rank}/{world} batch_size={batch_size} seq_length={seq_length} "
                        f"can_sample_beyond_end={beyond}",
                        lambda r=rank, w=world, b=batch_size, s=seq_length, e=beyond: cls(
                            _episodes(lengths), r, w, b, s, None, e
                        ),
                    )
    # trainer.py's sample_weights: a share of the batches for the latest episodes
    yield Case(
        "12 episodes sample_weights=[0.25, 0.75] batch_size=32 seq_length=5",
        lambda: cls(_episodes(lengths), 0, 1, 32, 5, [0.25, 0.75], False),
    )
