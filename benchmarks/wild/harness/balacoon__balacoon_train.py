"""balacoon/balacoon_train: speech synthesis training. BucketingBatchSampler
(src/balacoon_train/data/bucketing_batch_sampler.py): utterances sorted by length into
buckets of bucket_size_multiplier x batch_size, batches from one bucket, the last ones
repeated to a multiple of the processes, one stride a process (strides 1-4)."""

from wild.entry import Case, Project, sampler

from ._g3_common import with_epoch

PROJECT = Project(
    name="balacoon/balacoon_train",
    source="github",
    ref="61d965ccd09ec4096abcaaf31a004d58d153bf34",
    domain="speech synthesis",
    root="src",
    # balacoon_train/data/__init__.py builds the data module (its feature extractors).
    empty_init=("balacoon_train.data",),
)


def _idx2len(n, seed):
    import random

    rng = random.Random(seed)
    return {i: rng.randint(50, 1500) for i in range(n)}


@sampler(PROJECT, "src/balacoon_train/data/bucketing_batch_sampler.py", "BucketingBatchSampler")
def _(cls, module):
    for n in (5, 37, 160, 333):
        for batch in (4, 16):
            for multiplier in (1, 10):
                for drop_last in (True, False):
                    if drop_last and n < batch:
                        continue  # no whole batch: nothing to yield (it indexes the last of none)
                    for strides in (1, 2, 4):
                        if n // batch < strides:
                            continue  # fewer batches than processes: its repeat cannot fill them (it asserts)
                        for stride in range(strides):
                            for shuffle in (True, False):
                                yield Case(
                                    f"utterances={n} batch={batch} bucket_multiplier={multiplier} drop_last={drop_last}"
                                    f" strides={strides} stride={stride} shuffle={shuffle}",
                                    lambda n=n, b=batch, m=multiplier, d=drop_last, k=strides, s=stride, sh=shuffle: (
                                        with_epoch(
                                            cls(
                                                _idx2len(n, n),
                                                b,
                                                bucket_size_multiplier=m,
                                                shuffle=sh,
                                                drop_last=d,
                                                stride=s,
                                                strides_num=k,
                                            ),
                                            2,
                                        )
                                    ),
                                )
