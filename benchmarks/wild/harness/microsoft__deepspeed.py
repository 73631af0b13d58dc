"""microsoft/DeepSpeed: the distributed training library. deepspeed/runtime/data_pipeline/
data_sampling/data_sampler.py: DeepSpeedDataSampler, the curriculum-learning sampler of the
data-efficiency library (Megatron-style consumed_samples), which DeepSpeedDataLoader passes
as the DataLoader's batch_sampler when curriculum learning is on: global batches drawn from
difficulty clusters, cut into micro-batches of micro_batch_size x data-parallel size, the
rank's slice of each yielded, until num_epochs x the dataset's samples are consumed. Here a
data-parallel group of one process (gloo), one seqlen metric of a single cluster (no metric
index files), fixed_linear schedule."""

import tempfile

import torch

from realcode.recipes import gloo
from wild.entry import Case, Project, sampler

PROJECT = Project(
    name="microsoft/DeepSpeed",
    source="github",
    ref="38327e07f6cd39b63418f60cedd1651b0be3e7c3",
    domain="general training library: curriculum data sampler (consumed samples)",
    stubs={
        # deepspeed.comm: the barrier and broadcast of a one-process group (rank 0 keeps its batch)
        "deepspeed.comm": "def barrier(group=None):\n    pass\n\n\n"
                          "def broadcast(tensor, src, group=None, async_op=False):\n    return tensor\n",
        # the accelerator only names the device the batch tensor is made on
        "deepspeed.accelerator": "class _Cpu:\n    def current_device_name(self):\n        return 'cpu'\n\n\n"
                                 "def get_accelerator():\n    return _Cpu()\n",
        "deepspeed.utils": "import logging\n\nlogger = logging.getLogger('DeepSpeed')\n",
    },
    # deepspeed's and deepspeed.runtime's __init__ set up engines, ops builders and accelerators
    empty_init=("deepspeed", "deepspeed.runtime"),
)


def _group():
    gloo()
    return torch.distributed.group.WORLD


def _config(num_epochs, total_steps):
    return {
        "seed": 1234,
        "data_sampling": {
            "enabled": True,
            "num_epochs": num_epochs,
            "num_workers": 0,
            "curriculum_learning": {
                "enabled": True,
                "data_cluster_path": tempfile.mkdtemp(prefix="ds-clusters-"),
                "curriculum_metrics": {
                    "seqlen": {
                        "index_to_sample_path": "",
                        "index_to_metric_path": "",
                        "difficulty_type": "value",
                        "clustering_type": "single_cluster",
                        "min_difficulty": 64,
                        "max_difficulty": 1024,
                        "schedule_type": "fixed_linear",
                        "schedule_config": {"total_curriculum_step": total_steps, "difficulty_step": 8},
                    }
                },
            },
        },
    }


@sampler(PROJECT, "deepspeed/runtime/data_pipeline/data_sampling/data_sampler.py", "DeepSpeedDataSampler")
def _(cls, module):
    def build(n, micro, accumulation, epochs, drop_last):
        return cls(_config(epochs, 20), n, micro, 0, 1, _group(), accumulation, 0, drop_last=drop_last)

    for n in (10, 64, 101):
        for micro, accumulation in ((1, 1), (4, 1), (4, 2), (8, 4)):
            for epochs in (1, 2):
                for drop_last in (True, False):
                    yield Case(
                        f"samples={n} micro_batch_size={micro} gradient_accumulation_steps={accumulation} "
                        f"num_epochs={epochs} data_parallel_size=1 drop_last={drop_last}",
                        lambda n=n, m=micro, a=accumulation, e=epochs, d=drop_last: build(n, m, a, e, d),
                    )
