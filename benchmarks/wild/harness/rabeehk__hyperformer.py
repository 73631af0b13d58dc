"""rabeehk/hyperformer: parameter-efficient multi-task fine-tuning of T5 with hypernetwork
adapters (GLUE and friends).
hyperformer/data/multitask_sampler.py: MultiTaskBatchSampler, batches of one task each, the
task drawn by temperature sampling, each rank drawing from its shard of the tasks' data; the
T5Trainer builds it from the tasks' sizes, train_batch_size and `temperature` (10 in every
config), with its rank and world size.
hyperformer/third_party/utils/utils.py (from Hugging Face's seq2seq examples): SortishSampler
and DistributedSortishSampler, indices sorted by source length in chunks, as
AbstractSeq2SeqDataset.make_sortish_sampler builds them over the dataset's `src_lens`.
Shuffled, they permute a ragged list of chunks with np.random.permutation, which numpy >= 1.24
refuses when the last chunk is short: those cases are not built here."""

import random

import numpy as np

from wild.entry import Case, Project, sampler

PROJECT = Project(
    name="rabeehk/hyperformer",
    source="github",
    ref="56b0f993eeec62f5a8c962704739912b5f039a9b",
    domain="NLP: multi-task fine-tuning (temperature task sampling, sortish batches)",
    stubs={
        "transformers": (
            "class BartTokenizer:\n    pass\n"
            "class T5Tokenizer:\n    pass\n"
            "class PreTrainedTokenizer:\n    pass\n"
            "class EvalPrediction:\n    pass\n"
        ),
        # transformers' cached_property caches as functools' does
        "transformers.file_utils": "from functools import cached_property\n",
        "transformers.modeling_bart": (
            "def shift_tokens_right(input_ids, pad_token_id):\n    return input_ids\n"
        ),
    },
    absent=("git", "rouge_score", "sacrebleu"),  # metrics and logging of the same module
    empty_init=("hyperformer.data", "hyperformer.third_party", "hyperformer.third_party.utils"),
)

TASKS = {
    # GLUE's training sets (cola sst2 mrpc stsb qqp mnli qnli rte) at a hundredth of their size: whole
    # (or at a tenth) they take more than a case's time limit
    "glue / 100": [85, 673, 36, 57, 3638, 3927, 1047, 24],
    "three small": [120, 35, 800],
    "one": [257],
}


@sampler(PROJECT, "hyperformer/data/multitask_sampler.py", "MultiTaskBatchSampler")
def _(cls, module):
    for name, sizes in TASKS.items():
        for batch_size in (8, 32, 64):
            for world in (1, 2, 4):
                for rank in range(world):
                    for epoch in (0, 1):

                        def build(s=sizes, b=batch_size, w=world, r=rank, e=epoch):
                            sampler = cls(s, b, 10, num_replicas=w, rank=r)
                            sampler.set_epoch(e)
                            return sampler

                        yield Case(
                            f"tasks {name} {sizes} train_batch_size={batch_size} temperature=10 "
                            f"num_replicas={world} rank={rank} epoch={epoch}",
                            build,
                        )


def _src_lens(n, seed=0):
    """Source lengths in characters (the .len file absent) of a summarisation/translation split."""
    rng = random.Random(seed)
    return [rng.randint(10, 1200) for _ in range(n)]


def _numpy_aliases():
    # sortish_sampler_indices reads np.int (gone since numpy 1.24) when the data fit in one chunk
    if "int" not in np.__dict__:
        np.int = int


@sampler(PROJECT, "hyperformer/third_party/utils/utils.py", "SortishSampler")
def _(cls, module):
    _numpy_aliases()
    for n in (1, 5, 64, 300, 2001):
        for batch_size in (4, 32):
            for shuffle in (True, False):
                yield Case(
                    f"src_lens of {n} examples batch_size={batch_size} shuffle={shuffle}",
                    lambda n=n, b=batch_size, s=shuffle: cls(_src_lens(n), b, shuffle=s),
                )


class _Seq2SeqDataset:
    """AbstractSeq2SeqDataset as the sampler reads it: src_lens and its length."""

    def __init__(self, n):
        self.src_lens = _src_lens(n)

    def __len__(self):
        return len(self.src_lens)


@sampler(PROJECT, "hyperformer/third_party/utils/utils.py", "DistributedSortishSampler")
def _(cls, module):
    _numpy_aliases()
    for n in (5, 64, 301):  # not fewer than a third of the ranks: its own assert
        for batch_size in (4, 32):
            for world in (1, 2, 3):
                for rank in range(world):
                    for extra in (True, False):
                        for shuffle in (True, False):
                            yield Case(
                                f"examples={n} batch_size={batch_size} num_replicas={world} rank={rank} "
                                f"add_extra_examples={extra} shuffle={shuffle}",
                                lambda n=n, b=batch_size, w=world, r=rank, x=extra, s=shuffle: cls(
                                    _Seq2SeqDataset(n),
                                    b,
                                    num_replicas=w,
                                    rank=r,
                                    add_extra_examples=x,
                                    shuffle=s,
                                ),
                            )
