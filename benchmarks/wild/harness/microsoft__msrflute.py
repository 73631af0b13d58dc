"""microsoft/msrflute: federated learning simulation (FLUTE). utils/data_utils.py: the
batch samplers of the clients' loaders, as experiments/nlg_gru/dataloaders/dataloader.py
builds them: DynamicBatchSampler(DistributedSampler(dataset, num_replicas=1, rank=0),
frames_threshold=max_num_words, max_batch_size=batch_size, unsorted_batch, fps=1) for
training (the dataset's utt_list gives each utterance's `duration`, its word count), and
BatchSampler(dataset, batch_size, randomize=False, drop_last=False) as the `batch_sampler=`
of validation and testing. experiments/mlm_bert/utils/trainer_pt_utils.py carries
(Distributed)LengthGroupedSampler, adapted from transformers' Trainer."""

import random

import torch.utils.data as tud

from wild.entry import Case, Project, sampler

PROJECT = Project(
    name="microsoft/msrflute",
    source="github",
    ref="8bfe0854ab293c6226df66856b3d96b39dbe61fe",
    domain="federated learning",
    absent=("easydict",),  # utils/utils.py's config helpers; data_utils uses its AverageMeter
)


class _Client:
    """One client's sentences, as the NLG dataset gives them: utt_list of {"duration": words}."""

    def __init__(self, n, seed):
        rng = random.Random(seed)
        self.utt_list = [{"duration": rng.randint(1, 40)} for _ in range(n)]

    def __len__(self):
        return len(self.utt_list)


CLIENTS = (1, 7, 50, 333)


@sampler(PROJECT, "utils/data_utils.py", "BatchSampler")
def _(cls, module):
    for n in CLIENTS:
        for batch in (1, 16, 64):
            for randomize, drop_last in ((False, False), (True, False), (True, True)):
                yield Case(
                    f"{n} sentences, batch {batch}, randomize={randomize} drop_last={drop_last}",
                    lambda n=n, b=batch, r=randomize, d=drop_last: cls(_Client(n, n), b, r, d),
                )


@sampler(PROJECT, "utils/data_utils.py", "DynamicBatchSampler")
def _(cls, module):
    for n in CLIENTS:
        for words, batch in ((50, 20), (200, 16), (1000, 64), (40, 0)):
            for unsorted in (False, True):
                if unsorted and batch == 0:
                    continue  # an unsorted batch is cut by max_batch_size alone

                def build(n=n, w=words, b=batch, u=unsorted):
                    base = tud.DistributedSampler(_Client(n, n), num_replicas=1, rank=0)
                    base.set_epoch(7)
                    return cls(base, frames_threshold=w, max_batch_size=b, unsorted_batch=u, fps=1)

                yield Case(
                    f"{n} sentences, max_num_words={words} batch_size={batch} unsorted_batch={unsorted}",
                    build,
                    repeat=2,
                )


def _lengths(n, seed):
    rng = random.Random(seed)
    return [rng.randint(4, 512) for _ in range(n)]


@sampler(PROJECT, "experiments/mlm_bert/utils/trainer_pt_utils.py", "LengthGroupedSampler")
def _(cls, module):
    for n in (1, 7, 100, 1000):
        for batch in (1, 8, 32):
            yield Case(
                f"n={n} batch {batch}, lengths given",
                lambda n=n, b=batch: cls(range(n), b, lengths=_lengths(n, n)),
            )


@sampler(PROJECT, "experiments/mlm_bert/utils/trainer_pt_utils.py", "DistributedLengthGroupedSampler")
def _(cls, module):
    for n in (1, 7, 100, 1000):
        for batch in (1, 8, 32):
            for world in (1, 2, 4):
                if world > n:
                    continue
                for rank in range(world):
                    for drop_last in (False, True):
                        yield Case(
                            f"n={n} batch {batch} world={world} rank={rank} drop_last={drop_last}",
                            lambda n=n, b=batch, w=world, r=rank, d=drop_last: cls(
                                range(n),
                                b,
                                num_replicas=w,
                                rank=r,
                                seed=0,
                                drop_last=d,
                                lengths=_lengths(n, n),
                            ),
                        )
