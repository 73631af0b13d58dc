"""Alpha-VLLM/LLaMA2-Accessory: LLM and multimodal fine-tuning. FinetuneDistSampler
(accessory/data/alpaca.py): global batches that keep one data type (text, image-text),
each rank of worlds 1-4, and the resume of main_finetune.py
(`sampler.set_epoch(epoch, start_iter)`)."""

from wild.entry import Case, Project, sampler

from ._g3_common import with_epoch

PROJECT = Project(
    name="Alpha-VLLM/LLaMA2-Accessory",
    source="github",
    ref="3777c43940ddfb45d3bc1046b118ca4401747ee2",
    domain="multimodal",
    stubs={
        # accessory/__init__.py imports the model zoo: our `accessory` only joins the tree's folder.
        "accessory": "",
        "accessory.model": "",
        "accessory.model.tokenizer": "class Tokenizer:\n    pass\n",
    },
    absent=("h5py", "yaml", "PIL", "pandas"),
)


class _Groups:
    """Stands for FinetuneDataset: groups() lists the indices of each data type."""

    def __init__(self, sizes):
        self.sizes = sizes

    def groups(self):
        out, start = [], 0
        for size in self.sizes:
            out.append(list(range(start, start + size)))
            start += size
        return out

    def __len__(self):
        return sum(self.sizes)


@sampler(PROJECT, "accessory/data/alpaca.py", "FinetuneDistSampler")
def _(cls, module):
    for sizes in ((100,), (70, 45), (300, 33, 64)):
        for batch, accumulation in ((2, 1), (4, 2)):
            for size in (1, 2, 4):
                for rank in range(size):
                    for start_iter in (0, 3):
                        yield Case(
                            f"groups={sizes} batch={batch} acc_grad={accumulation} world={size} rank={rank}"
                            f" set_epoch(1, start_iter={start_iter})",
                            lambda g=sizes, b=batch, a=accumulation, s=size, r=rank, k=start_iter: with_epoch(
                                cls(_Groups(g), num_replicas=s, rank=r, batch_size=b, acc_grad=a),
                                1,
                                start_iter=k,
                            ),
                            marker="start_iter" if start_iter else None,
                        )
