"""hyperion-ml/hyperion: speaker recognition and diarization toolkit (JHU). Two class-weighted
batch samplers, iterators of their own (`__iter__` returns self, `__next__` draws): batches
of utterances of classes drawn by class weight, `_len` batches an epoch.
hyperion/torch/data/weighted_seq_sampler.py: ClassWeightedSeqSampler over an AudioDataset
(random chunk lengths; utterances shorter than the chunk are excluded per class);
hyperion/torch/data/weighted_embed_sampler.py: ClassWeightedEmbedSampler over an
EmbedDataset (egs/sre20-cts: batch_size 512, num_egs_per_class 4)."""

import numpy as np
import torch

from wild.entry import Case, Project, sampler

PROJECT = Project(
    name="hyperion-ml/hyperion",
    source="github",
    ref="c4c9eee0acab1ba572843373245da12d00dfffaa",
    domain="speech: speaker recognition (class-weighted utterance batches)",
    absent=("jsonargparse",),  # argument parsing of the sampler's options only
    # hyperion's __init__s import its io, pdfs, datasets (pandas, h5py, soundfile, ...)
    empty_init=("hyperion", "hyperion.torch", "hyperion.torch.data"),
)


def _class_info(dataset, class_idx, num_classes, weighted):
    """As AudioDataset/EmbedDataset._prepare_class_info: utterances by class, weights that
    sum to 1 (0 for a class with no utterance)."""
    dataset.num_classes = num_classes
    dataset.class2utt_idx = {k: (class_idx == k).nonzero()[0] for k in range(num_classes)}
    dataset.class2num_utt = np.array([len(dataset.class2utt_idx[k]) for k in range(num_classes)], dtype=int)
    weights = None
    if weighted or (dataset.class2num_utt == 0).any():
        weights = np.ones(num_classes, dtype=np.float32)
        weights[dataset.class2num_utt == 0] = 0
        weights /= weights.sum()
        weights = torch.Tensor(weights)
    dataset.class_weights = weights


class _Embeds:
    """EmbedDataset: one x-vector an utterance, its speaker."""

    def __init__(self, n, num_classes, weighted, seed=0):
        rng = np.random.RandomState(seed)
        self.class_idx = rng.randint(0, num_classes, n)
        _class_info(self, self.class_idx, num_classes, weighted)

    def __len__(self):
        return len(self.class_idx)


class _Audio:
    """AudioDataset: utterances of seq_lengths seconds, chunks of min..max_chunk_length."""

    def __init__(self, n, num_classes, min_chunk, max_chunk, weighted, seed=0):
        rng = np.random.RandomState(seed)
        self.seq_lengths = rng.uniform(1.0, 30.0, n)
        self.num_seqs = n
        self.min_chunk_length, self.max_chunk_length = min_chunk, max_chunk
        self.short_seq_exist = bool(np.any(self.seq_lengths < max_chunk))
        class_idx = rng.randint(0, num_classes, n)
        _class_info(self, class_idx, num_classes, weighted)
        if self.short_seq_exist:
            if self.class_weights is None:
                self.class_weights = torch.ones((num_classes,))
            self.class2max_length = torch.zeros((num_classes,), dtype=torch.float)
            for c in range(num_classes):
                if self.class2num_utt[c] > 0:
                    self.class2max_length[c] = np.max(self.seq_lengths[self.class2utt_idx[c]])

    def __len__(self):
        return self.num_seqs

    def get_random_chunk_length(self):
        if self.min_chunk_length < self.max_chunk_length:
            return torch.rand(size=(1,)).item() * (self.max_chunk_length - self.min_chunk_length) + self.min_chunk_length
        return self.max_chunk_length


@sampler(PROJECT, "hyperion/torch/data/weighted_embed_sampler.py", "ClassWeightedEmbedSampler")
def _(cls, module):
    for n, classes in ((20, 4), (300, 30), (2000, 100)):
        for weighted in (False, True):
            for batch_size, per_class, iters in ((512, 4, 1), (16, 1, 1), (32, 4, 3), (7, 2, 2)):
                yield Case(
                    f"utterances={n} classes={classes} weighted={weighted} batch_size={batch_size} "
                    f"num_egs_per_class={per_class} iters_per_epoch={iters}",
                    lambda n=n, c=classes, w=weighted, b=batch_size, p=per_class, i=iters: cls(
                        _Embeds(n, c, w), batch_size=b, iters_per_epoch=i, num_egs_per_class=p
                    ),
                    repeat=2,
                )


@sampler(PROJECT, "hyperion/torch/data/weighted_seq_sampler.py", "ClassWeightedSeqSampler")
def _(cls, module):
    for n, classes in ((30, 5), (400, 40)):
        for min_chunk, max_chunk in ((4.0, 4.0), (2.0, 4.0), (2.0, 8.0)):
            for weighted in (False, True):
                for batch_size, per_class, per_utt, var in ((128, 1, 1, False), (16, 2, 1, False),
                                                            (12, 2, 2, False), (16, 1, 1, True)):
                    for iters in ("auto", 2.0):
                        yield Case(
                            f"utterances={n} classes={classes} chunks={min_chunk}..{max_chunk}s "
                            f"weighted={weighted} batch_size={batch_size} num_egs_per_class={per_class} "
                            f"num_egs_per_utt={per_utt} var_batch_size={var} iters_per_epoch={iters}",
                            lambda n=n, c=classes, lo=min_chunk, hi=max_chunk, w=weighted, b=batch_size,
                            p=per_class, u=per_utt, v=var, i=iters: cls(
                                _Audio(n, c, lo, hi, w), batch_size=b, iters_per_epoch=i,
                                num_egs_per_class=p, num_egs_per_utt=u, var_batch_size=v,
                            ),
                            repeat=2,
                        )
