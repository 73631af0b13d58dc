"""FudanVI/FudanOCR: the Fudan vision lab's text recognition / super-resolution projects, one
folder each. Their samplers: image-ids-CTR's IndependentHalvesSampler(dataset, batch_size,
iteration_num) (two images of every label length 2-9 an iteration; it asserts batch_size % 16
== 0), the CRNN-style randomSequentialSampler(data_source, batch_size) of scene-text-telescope
and text-gestalt (a `sampler=` beside the DataLoader's batch_size; their TextZoom configs use
batch 512 / 64), and text-focused-Transformers' copy of mmseg's DistributedSampler (the
distributed segmentation loader: every rank, set_epoch each epoch). None of the project's
scripts builds the first two: the cases follow their signatures."""

import random

from wild.entry import Case, Project, sampler

PROJECT = Project(
    name="FudanVI/FudanOCR",
    source="github",
    ref="dce719068c7a7378c1b112438dd656b57d9fc777",
    domain="OCR",
    # mmseg (text-focused-Transformers' own copy) helpers the sampler calls
    stubs={
        "mmseg.core.utils": (
            "def sync_random_seed(seed=None, device='cuda'):\n    return 0 if seed is None else seed\n"
        ),
        "mmseg.utils": "def get_device():\n    return 'cpu'\n",
        # scene-text-telescope's and text-gestalt's own utils (not on the path of the tree's root)
        "utils": "def str_filt(text, voc_type):\n    return text\n",
        "utils.labelmaps": "get_vocabulary = labels2strs = None\n",
    },
    # text-focused-Transformers' mmseg package imports mmcv and its models
    empty_init=("text-focused-Transformers.mmseg", "text-focused-Transformers.mmseg.datasets"),
    absent=("lmdb", "six", "torchvision", "PIL", "cv2", "imgaug", "scipy", "IPython"),
)


class Words:
    """A text-image data set as the lmdb readers return it: (image, label string)."""

    def __init__(self, n, seed):
        rng = random.Random(seed)
        letters = "abcdefghijklmnopqrstuvwxyz"
        # every label length 2-9 at least twice, then random words
        self.labels = ["".join(rng.choice(letters) for _ in range(k)) for k in range(2, 10) for _ in range(2)]
        self.labels += ["".join(rng.choice(letters) for _ in range(rng.randint(2, 9))) for _ in range(n)]

    def __len__(self):
        return len(self.labels)

    def __getitem__(self, i):
        return None, self.labels[i]


@sampler(PROJECT, "image-ids-CTR/data/lmdbReader.py", "IndependentHalvesSampler")
def _(cls, module):
    for n in (0, 50, 500):
        data = Words(n, n)
        for batch in (16, 32, 64):
            for iterations in (1, 10, 100):
                yield Case(
                    f"{len(data)} words, batch {batch}, iteration_num {iterations}",
                    lambda d=data, b=batch, i=iterations: cls(d, b, i),
                )


def _sequential(cls, module):
    for n in (1, 7, 64, 1000, 1025):
        for batch in (1, 8, 64, 512):
            if batch > n:
                continue  # random.randint(0, len - batch) needs a batch's worth of samples
            yield Case(f"{n} images, batch {batch}", lambda n=n, b=batch: cls(range(n), b))


sampler(PROJECT, "scene-text-telescope/dataset/dataset.py", "randomSequentialSampler")(_sequential)
sampler(PROJECT, "text-gestalt/dataset/dataset.py", "randomSequentialSampler")(_sequential)


@sampler(
    PROJECT, "text-focused-Transformers/mmseg/datasets/samplers/distributed_sampler.py", "DistributedSampler"
)
def _(cls, module):
    for n in (1, 10, 1000, 1001):
        for world in (1, 2, 4):
            if world > n:
                continue  # fewer images than ranks: the padding assertion fails
            for rank in range(world):
                for shuffle in (True, False):
                    for epoch in (0, 1):

                        def build(n=n, w=world, r=rank, s=shuffle, e=epoch):
                            distributed = cls(list(range(n)), num_replicas=w, rank=r, shuffle=s)
                            distributed.set_epoch(e)
                            return distributed

                        yield Case(
                            f"{n} images, rank {rank} of {world}, shuffle={shuffle}, epoch {epoch}", build
                        )
