"""huggingface/lerobot: robot-learning policies trained on recorded episodes.
src/lerobot/datasets/sampler.py: EpisodeAwareSampler, the frames of the episodes in use
(minus frames dropped at either end of each episode), shuffled per epoch; lerobot_train.py
builds it over the dataset's episode boundaries and, on a resume, gives it
`compute_sampler_state(step, len(sampler), batch_size, dp_world)` (same module); the class's
docstring says len() keeps the full length during a resumed epoch."""

from wild.entry import Case, Project, sampler

PROJECT = Project(
    name="huggingface/lerobot",
    source="github",
    ref="7427f31801f944f5ec9ce53cda02862ce7d1638b",
    domain="reinforcement / imitation learning (robotics episodes)",
    root="src",
    # lerobot.datasets' __init__ requires the `datasets` and `av` packages; the sampler needs neither.
    empty_init=("lerobot.datasets",),
)

PATH = "src/lerobot/datasets/sampler.py"


def _episodes(lengths):
    """dataset_from_index / dataset_to_index of consecutive episodes of these lengths."""
    starts, ends, at = [], [], 0
    for length in lengths:
        starts.append(at)
        at += length
        ends.append(at)
    return starts, ends


EPISODES = {
    "1 episode of 6": [6],
    "3 episodes 10,4,7": [10, 4, 7],
    "12 episodes 20..75": [20 + (i * 17) % 56 for i in range(12)],
}


def _resumed(sampler, step, batch_size, processes, state_of):
    sampler.load_state_dict(state_of(step, len(sampler), batch_size, processes))
    return sampler


@sampler(PROJECT, PATH, "EpisodeAwareSampler")
def _(cls, module):
    for label, lengths in EPISODES.items():
        starts, ends = _episodes(lengths)
        used_sets = [None] if len(lengths) == 1 else [None, list(range(0, len(lengths), 2))]
        for used in used_sets:
            for first, last in ((0, 0), (1, 0), (0, 2), (1, 1)):
                for shuffle in (False, True):
                    def make(s=starts, e=ends, u=used, f=first, la=last, sh=shuffle):
                        return cls(s, e, episode_indices_to_use=u, drop_n_first_frames=f,
                                   drop_n_last_frames=la, shuffle=sh, seed=1)

                    config = (f"{label} episodes_used={used} drop_n_first_frames={first} "
                              f"drop_n_last_frames={last} shuffle={shuffle}")
                    yield Case(config, make, repeat=3)  # __iter__ advances the epoch
                    # the training script's resume, steps of a batch of 4 on 1 or 2 processes
                    for step in (1, 3):
                        for processes in (1, 2):
                            yield Case(
                                f"{config} resumed at step {step} batch_size=4 processes={processes}",
                                lambda make=make, st=step, p=processes: _resumed(
                                    make(), st, 4, p, module.compute_sampler_state
                                ),
                                repeat=2,
                            )
