"""ViperEkura/KHAOSZ: a small LLM pre-training / fine-tuning framework (package `astrai`).
astrai/dataset/sampler.py: ResumableDistributedSampler, the rank's share of a (seeded,
per-epoch) permutation from `start_iter` on, the epoch advancing at the end of each pass;
train_context.py builds it with start_epoch=context.epoch and start_iter = iteration *
batch_per_device on resume, and a shuffle=False one for validation. Rank and world come from
torch.distributed when a process group is up, else rank 0 of 1 (as here)."""

import torch

from wild.entry import Case, Project, sampler

PROJECT = Project(
    name="ViperEkura/KHAOSZ",
    source="github",
    ref="9fe2121743032cca87e7da54ff16ac367f688462",
    domain="LLM pre-training (resumable sampler)",
    # astrai's __init__s import the models, tokenizers, trainer and HDF5 stores
    empty_init=("astrai", "astrai.dataset"),
)


class _Tokens(torch.utils.data.Dataset):
    """A pre-tokenised dataset of fixed-length windows."""

    def __init__(self, n):
        self.n = n

    def __len__(self):
        return self.n

    def __getitem__(self, i):
        return {"input_ids": torch.arange(i, i + 16)}


@sampler(PROJECT, "astrai/dataset/sampler.py", "ResumableDistributedSampler")
def _(cls, module):
    for n in (1, 7, 100):
        for shuffle in (True, False):
            for drop_last in (False, True):
                yield Case(
                    f"n={n} shuffle={shuffle} drop_last={drop_last}",
                    lambda n=n, s=shuffle, d=drop_last: cls(_Tokens(n), seed=42, shuffle=s, drop_last=d),
                    repeat=3,
                )
        # train_context's resume: start_epoch and start_iter = iteration * batch_per_device
        for epoch, iteration, batch in ((0, 1, 4), (2, 3, 2), (1, 0, 8)):
            yield Case(
                f"n={n} resumed start_epoch={epoch} start_iter={iteration}*{batch}",
                lambda n=n, e=epoch, k=iteration * batch: cls(_Tokens(n), start_epoch=e, start_iter=k, seed=42),
                repeat=3,
            )
