"""mikwieczorek/centroids-reid: person and fashion re-identification (centroid triplet
loss, PyTorch Lightning). datasets/bases.py's train_dataloader gives
get_sampler('random_identity', data_source=train_dict, batch_size=IMS_PER_BATCH,
num_instances, world_size, rank) as `sampler=` (train_dict {pid: [indices]}): each pid
once per num_instances of its images, drawn batch_size * world_size pids at a time, this
rank's share; len() is an estimate until the first __iter__, which stores the count it
yields. Lightning calls set_epoch every epoch."""

import random

from wild.entry import Case, Project, sampler

PROJECT = Project(
    name="mikwieczorek/centroids-reid",
    source="github",
    ref="a1825b7a92b2a8d5e223708c7c43ab58a46efbcf",
    domain="re-identification",
    empty_init=("datasets",),  # the dataset modules (Lightning, PIL, torchvision)
)


def _train_dict(ids, seed):
    """Market-1501-like {pid: [image indices]}, 2-20 images a pid (every Market-1501 identity
    is seen by two cameras at least; a one-image pid leaves an empty list its __iter__ pops)."""
    rng = random.Random(seed)
    found, index = {}, 0
    for pid in range(ids):
        count = rng.randint(2, 20)
        found[pid] = list(range(index, index + count))
        index += count
    return found


@sampler(PROJECT, "datasets/samplers/distributed_pids_sampler.py", "RandomIdentitySampler")
def _(cls, module):
    for ids in (40, 200, 751):
        data = _train_dict(ids, ids)
        for batch, instances in ((16, 4), (8, 4), (32, 2)):
            for world in (1, 2):
                for rank in range(world):
                    for epoch in (0, 5):

                        def build(d=data, b=batch, k=instances, w=world, r=rank, e=epoch):
                            made = cls(d, b, k, world_size=w, rank=r)
                            made.set_epoch(e)
                            return made

                        yield Case(
                            f"{ids} pids, batch_size={batch} num_instances={instances} world={world} "
                            f"rank={rank} epoch={epoch}, two epochs",
                            build,
                            repeat=2,
                        )
