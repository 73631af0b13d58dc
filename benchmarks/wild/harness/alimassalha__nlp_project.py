"""AliMassalha/NLP_project: predicting human choices in language-based persuasion games
(a fork of the HumanChoicePrediction benchmark; NLP + user modelling).

utils/samplers.py: NewUserBatchSampler (environments/environment.py's train, offline
simulation and test samplers, ENV_BATCH_SIZE 4: each batch one game of up to batch_size
users, users drawn by their remaining games or in order), UserSampler and UserBatchSampler
(batches of games of concurrent users) and SimulationSampler (the online simulation's users,
until its dataset retires them). The offline dataset groups its actions by (user, game):
n_groups_by_user_id lists each user's games, group_to_idx numbers the (user, game) pairs.
"""

import random

from wild.entry import Case, Project, not_run, sampler

PROJECT = Project(
    name="AliMassalha/NLP_project",
    source="github",
    ref="5c8fe423fd90db7f6facf60818c30564c2fdb849",
    domain="NLP (human choice prediction)",
    # the datasets module builds review encoders, bot strategies and simulations (BERT,
    # sklearn, pandas); the samplers import it for a type name only
    stubs={"utils.datasets": "class OnlineSimulationDataSet:\n    pass\n"},
    empty_init=("utils",),
)


class _Games:
    """OfflineDataSet's grouping: (user_id, gameId) groups, each user's games in order."""

    def __init__(self, users, max_games, seed=0):
        rng = random.Random(seed)
        self.idx_to_group = [(u, g) for u in range(users) for g in range(rng.randint(1, max_games))]
        self.group_to_idx = {g: i for i, g in enumerate(self.idx_to_group)}
        self.n_groups_by_user_id = {}
        for u, g in self.idx_to_group:
            self.n_groups_by_user_id.setdefault(u, []).append(g)

    def __len__(self):
        return len(self.idx_to_group)


SIZES = ((3, 2), (40, 10), (210, 10))


@sampler(PROJECT, "utils/samplers.py", "NewUserBatchSampler")
def _(cls, module):
    for users, games in SIZES:
        for batch_size in (4, 16):
            # (sampling_type="simple" draws with random.sample from dict keys, which Python 3.11
            # rejects: not a case here.)
            for shuffle, kind in ((True, "distribution"), (False, "distribution")):
                yield Case(
                    f"users={users} games<={games} batch_size={batch_size} shuffle={shuffle} sampling_type={kind}",
                    lambda u=users, g=games, b=batch_size, s=shuffle, k=kind: cls(
                        _Games(u, g), b, shuffle=s, sampling_type=k
                    ),
                    repeat=2,
                )


@sampler(PROJECT, "utils/samplers.py", "UserSampler")
def _(cls, module):
    for users, games in SIZES:
        for batch_size in (4, 16):
            yield Case(f"users={users} games<={games} batch_size={batch_size}",
                       lambda u=users, g=games, b=batch_size: cls(_Games(u, g), b), repeat=2)


@sampler(PROJECT, "utils/samplers.py", "UserBatchSampler")
def _(cls, module):
    for users, games in SIZES:
        for batch_size in (4, 16):
            yield Case(f"users={users} games<={games} batch_size={batch_size}",
                       lambda u=users, g=games, b=batch_size: cls(_Games(u, g), b), repeat=2)


not_run(
    PROJECT, "utils/samplers.py", "SimulationSampler",
    "its iteration ends when the online simulation dataset's __getitem__ retires users from "
    "active_users as the loader fetches them; the sampler alone draws from the same users forever",
)
