"""openvpi/DiffSinger: singing voice synthesis (acoustic and variance models, Lightning).
utils/training_utils.py: DsBatchSampler, frame-budget batches of the binarized dataset
(utils.batch_by_size over indices shuffled and sorted by frame counts rounded to
`sampler_frame_count_grid`), the batches dealt over ranks with the leftovers assigned or
padded, and the count rounded up to a multiple of accumulate_grad_batches; set_epoch
re-forms them. BaseTask builds it for training (shuffled, size_reversed, by similar size) and
for validation (in order, empty batches allowed, no padding), with the rank and world size
(configs/base.yaml: max_batch_frames 50000, max_batch_size 100000, grid 6)."""

import random

from wild.entry import Case, Project, sampler

PROJECT = Project(
    name="openvpi/DiffSinger",
    source="github",
    ref="753b7cc622aadf802b3145d7bb8f7df4afa213c4",
    domain="speech: singing voice synthesis (frame-budget distributed batches)",
    absent=("lightning",),  # checkpoint, progress bar and logger classes of the same module
)


class _BinarizedDataset:
    """BaseDataset as the sampler reads it: `sizes` (frames per item) and num_frames(idx)."""

    def __init__(self, n, seed=0):
        rng = random.Random(seed)
        self.sizes = [rng.randint(170, 1300) for _ in range(n)]  # 2..15 s at 512-sample hops, 44.1 kHz

    def __len__(self):
        return len(self.sizes)

    def num_frames(self, idx):
        return self.sizes[idx]


@sampler(PROJECT, "utils/training_utils.py", "DsBatchSampler")
def _(cls, module):
    module.hparams["sampler_frame_count_grid"] = 6
    for n in (40, 300, 1001):
        for frames, size in ((50000, 100000), (8000, 8)):
            for world in (1, 2, 3):
                if n * 1300 // frames < world:
                    continue  # fewer batches than ranks: its own check rejects it
                for rank in range(world):
                    for multiple in (1, 4):
                        for epoch in (0, 1):

                            def train(n=n, f=frames, b=size, w=world, r=rank, m=multiple, e=epoch):
                                sampler = cls(
                                    _BinarizedDataset(n),
                                    max_batch_frames=f,
                                    max_batch_size=b,
                                    num_replicas=w,
                                    rank=r,
                                    sort_by_similar_size=True,
                                    size_reversed=True,
                                    required_batch_count_multiple=m,
                                    shuffle_sample=True,
                                    shuffle_batch=True,
                                )
                                sampler.set_epoch(e)
                                return sampler

                            yield Case(
                                f"train: items={n} max_batch_frames={frames} max_batch_size={size} "
                                f"num_replicas={world} rank={rank} "
                                f"accumulate_grad_batches={multiple} epoch={epoch}",
                                train,
                            )
                    yield Case(
                        f"val: items={n} max_batch_frames={frames} max_batch_size={size} "
                        f"num_replicas={world} "
                        f"rank={rank}",
                        lambda n=n, f=frames, b=size, w=world, r=rank: cls(
                            _BinarizedDataset(n),
                            max_batch_frames=f,
                            max_batch_size=b,
                            num_replicas=w,
                            rank=r,
                            shuffle_sample=False,
                            shuffle_batch=False,
                            disallow_empty_batch=False,
                            pad_batch_assignment=False,
                        ),
                    )
