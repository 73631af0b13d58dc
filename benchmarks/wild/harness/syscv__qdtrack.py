"""SysCV/qdtrack: multiple object tracking in video. The distributed sampler of its test
loader (qdtrack/datasets/builder.py: distributed and not shuffled): whole videos per rank,
split at first frames; len() is the whole dataset's frame count on every rank."""

from wild.entry import Case, Project, sampler

PROJECT = Project(
    name="SysCV/qdtrack",
    source="github",
    ref="c5b10472d7bdd3b9ab75255dd10e48e21f48c54f",
    domain="video understanding",
    root="",
    empty_init=("qdtrack", "qdtrack.datasets"),  # import mmdet, the datasets and the models
)

# Frames per video (BDD100K/MOT17-like sequences, uneven).
VIDEOS = {
    "4 videos": [6, 3, 9, 4],
    "7 videos": [12, 5, 8, 3, 10, 7, 2],
    "12 videos": [(i * 5) % 13 + 2 for i in range(12)],
}


class _Frames:
    """CocoVideoDataset as the sampler reads it: len() and data_infos, one per frame, frame_id
    counted from 0 in each video, videos one after another."""

    def __init__(self, lengths):
        self.data_infos = [
            {"id": len(lengths) * 1000 + v * 100 + f, "video_id": v, "frame_id": f}
            for v, length in enumerate(lengths)
            for f in range(length)
        ]

    def __len__(self):
        return len(self.data_infos)


@sampler(PROJECT, "qdtrack/datasets/samplers/distributed_video_sampler.py", "DistributedVideoSampler")
def _(cls, module):
    for name, lengths in VIDEOS.items():
        for world in (1, 2, 3, 4):
            for rank in range(world):
                yield Case(
                    f"{name} world={world} rank={rank}",
                    lambda lens=lengths, w=world, k=rank: cls(_Frames(lens), w, k, shuffle=False),
                    marker="self.num_samples = len(dataset)",
                )
