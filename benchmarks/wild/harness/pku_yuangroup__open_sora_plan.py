"""PKU-YuanGroup/Open-Sora-Plan: text-to-video diffusion. Its training sampler groups clips of
the same shape ("frames x height x width") into per-rank batches, padding short megabatches,
and skips the steps already trained when resumed; the VAE's distributed sampler resumes
mid-epoch from a saved current_index."""

from wild.entry import Case, Project, sampler

PROJECT = Project(
    name="PKU-YuanGroup/Open-Sora-Plan",
    source="github",
    ref="f7fa604f4e3a523d6b973e4c89a5620ed1aff65a",
    domain="video diffusion: shape-grouped batches, resumable distributed sampling",
    absent=("einops", "decord", "torchvision"),
    empty_init=("opensora.models", "opensora.models.causalvideovae"),
)

SHAPES = ("1x256x256", "29x352x640", "93x352x640", "1x480x640", "93x640x352", "29x256x256")


def _lengths(n, kinds):
    """T2V_dataset.lengths: each clip's predefined shape (sample_size), a few shapes common
    and others rare, as define_frame_index leaves them."""
    return [SHAPES[min(kinds - 1, (i * i) % 7 % kinds)] for i in range(n)]


@sampler(PROJECT, "opensora/utils/dataset_utils.py", "LengthGroupedSampler")
def _(cls, module):
    for n, kinds in ((7, 2), (40, 3), (101, 6), (256, 4)):
        for batch_size in (1, 2, 4):
            for world in (1, 2, 4):
                for accumulation in (1, 2):
                    for group_data in (False, True):
                        steps = n // (batch_size * world * accumulation)
                        for initial_step in sorted({0, steps // 2}):
                            yield Case(
                                f"clips={n} shapes={kinds} batch_size={batch_size} world_size={world} "
                                f"gradient_accumulation={accumulation} group_data={group_data} "
                                f"initial_global_step={initial_step}",
                                lambda n=n, k=kinds, b=batch_size, w=world, a=accumulation, g=group_data,
                                s=initial_step: cls(b, w, a, s, lengths=_lengths(n, k), group_data=g),
                            )


@sampler(PROJECT, "opensora/models/causalvideovae/dataset/ddp_sampler.py", "CustomDistributedSampler")
def _(cls, module):
    for n in (1, 7, 10, 64):
        for replicas in (1, 2, 3, 4):
            for rank in range(replicas):
                for drop_last in (False, True):
                    if drop_last and n < replicas:
                        continue
                    for resumed_at in (0, 2):
                        def build(n=n, r=replicas, k=rank, d=drop_last, c=resumed_at):
                            s = cls(range(n), num_replicas=r, rank=k, drop_last=d)
                            if c:
                                # resuming: the state_dict saved mid-epoch, current_index items in
                                s.load_state_dict({"epoch": 0, "seed": 0, "current_index": min(c, s.num_samples)})
                            return s

                        yield Case(
                            f"n={n} replicas={replicas} rank={rank} drop_last={drop_last} resumed at={resumed_at}",
                            build,
                        )
