"""hao-ai-lab/FastVideo: video diffusion training and inference. The parquet data sets
(LatentsParquetMapStyleDataset, the LTX-2 precomputed one) build DP_SP_BatchSampler(
batch_size, dataset_size, num_sp_groups=world // sp_world, sp_world_size, global_rank,
drop_last, drop_first_row, seed) and pass it as the StatefulDataLoader's `batch_sampler=`:
every rank of a sequence-parallel group reads the same batches."""

from wild.entry import Case, Project, sampler

PROJECT = Project(
    name="hao-ai-lab/FastVideo",
    source="github",
    ref="2f3d4074064e4d86f99dc784ebbaa296e6f5925f",
    domain="video diffusion training",
    stubs={
        "fastvideo.platforms": "current_platform = None\n",
        "fastvideo.dataset.utils": (
            "def collate_rows_from_parquet_schema(*args, **kwargs):\n    raise NotImplementedError\n"
        ),
        "fastvideo.distributed": (
            "def get_sp_world_size():\n    return 1\n\n\ndef get_world_group():\n    return None\n\n\n"
            "def get_world_rank():\n    return 0\n\n\ndef get_world_size():\n    return 1\n"
        ),
        "fastvideo.logger": "import logging\n\ninit_logger = logging.getLogger\n",
    },
    absent=("pyarrow", "tqdm", "torchdata"),
    empty_init=("fastvideo", "fastvideo.dataset"),  # import the pipelines and models
)


@sampler(PROJECT, "fastvideo/dataset/parquet_dataset_map_style.py", "DP_SP_BatchSampler")
def _(cls, module):
    for size in (1, 7, 64, 1001):
        for batch in (1, 2, 8):
            for world, sp in ((1, 1), (4, 1), (4, 2), (8, 4)):
                for rank in range(world):
                    for drop_last in (True, False):
                        for drop_first in (False, True):
                            if drop_first and size == 1:
                                continue  # no row left
                            yield Case(
                                f"{size} rows, batch {batch}, rank {rank} of {world}, sp {sp}, "
                                f"drop_last={drop_last}, drop_first_row={drop_first}",
                                lambda n=size, b=batch, w=world, s=sp, r=rank, d=drop_last, f=drop_first: cls(
                                    b, n, w // s, s, r, drop_last=d, drop_first_row=f, seed=42
                                ),
                            )
