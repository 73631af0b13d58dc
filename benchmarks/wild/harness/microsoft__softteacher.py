"""microsoft/SoftTeacher: semi-supervised object detection. The sampler of its configs
(configs/soft_teacher/base.py: SemiBalanceSampler, sample_ratio [1, 4], by_prob, an
epoch_length of iterations): each batch mixes labelled and unlabelled images of one
aspect-ratio group in a fixed or random ratio, over the SemiDataset concatenation."""

import numpy as np

from wild.entry import Case, Project, sampler

PROJECT = Project(
    name="microsoft/SoftTeacher",
    source="github",
    ref="0423bb2fe43f4fbe0e6704b1011d865cc3d2fdbe",
    domain="object detection",
    root="",
    stubs={
        "mmcv.runner": "def get_dist_info():\n    return 0, 1\n",
        "mmcv.parallel": "class DataContainer:\n    pass\n",
        "mmcv.utils": (
            "class Registry:\n"
            "    def __init__(self, name):\n"
            "        self.name = name\n"
            "\n"
            "    def register_module(self, name=None, force=False, module=None):\n"
            "        if module is not None:\n"
            "            return module\n"
            "        return lambda cls: cls\n"
            "\n"
            "\n"
            "def build_from_cfg(cfg, registry, default_args=None):\n"
            "    raise NotImplementedError\n"
        ),
    },
    absent=("mmdet",),  # builder.py imports mmdet's samplers and worker_init_fn to register them
    empty_init=("ssod", "ssod.datasets"),  # the models, pipelines and mmdet datasets
)


class _SemiDataset:
    """SemiDataset (a ConcatDataset of the labelled and the unlabelled set) as the sampler reads
    it: cumulative_sizes and the aspect-ratio `flag` of every image."""

    def __init__(self, labelled, unlabelled):
        self.cumulative_sizes = [labelled, labelled + unlabelled]
        n = labelled + unlabelled
        self.flag = np.array([1 if (i * 7) % 10 < 7 else 0 for i in range(n)], dtype=np.uint8)

    def __len__(self):
        return self.cumulative_sizes[-1]


@sampler(PROJECT, "ssod/datasets/samplers/semi_sampler.py", "DistributedGroupSemiBalanceSampler")
def _(cls, module):
    for labelled, unlabelled in ((10, 40), (23, 101), (64, 64)):
        for per_gpu in (2, 5):  # its own check: more than one image a GPU
            for epoch_length in (7, 30):
                for by_prob in (False, True):
                    for replicas in (1, 2, 4):
                        for rank in sorted({0, replicas - 1}):

                            def build(
                                lab=labelled,
                                u=unlabelled,
                                p=per_gpu,
                                e=epoch_length,
                                b=by_prob,
                                r=replicas,
                                k=rank,
                            ):
                                s = cls(
                                    _SemiDataset(lab, u),
                                    by_prob=b,
                                    epoch_length=e,
                                    sample_ratio=[1, 4],
                                    samples_per_gpu=p,
                                    num_replicas=r,
                                    rank=k,
                                )
                                s.set_epoch(1)
                                return s

                            yield Case(
                                f"labelled={labelled} unlabelled={unlabelled} samples_per_gpu={per_gpu} "
                                f"epoch_length={epoch_length} by_prob={by_prob} "
                                f"replicas={replicas} rank={rank}",
                                build,
                            )
