"""ben-eliav/HumanChoicePrediction: predicting human decisions in language-based persuasion
games (a fork of the competition baseline, which is too large to fetch). Training batches
come from NewUserBatchSampler over the offline dataset: each batch holds the next game of up
to batch_size users that still have games (users drawn, when shuffled, in proportion to
their games left). UserSampler walks every (user, game) group with batch_size users in
flight, flagging each round's last item for UserBatchSampler, which cuts batches there.
SimulationSampler draws from the online simulation's active users, which only the dataset
retires as their games are fetched (alone it never stops); OurUserBatchSampler is unused (its
comment) and indexes a pandas GroupBy's keys as a dict."""

from wild.entry import Case, Project, not_run, sampler

PROJECT = Project(
    name="ben-eliav/HumanChoicePrediction",
    source="github",
    ref="8b023022c43fbd541b108aa1e243cc21f195f99f",
    domain="recommender-like user/game sequences (human choice prediction)",
    # the datasets module loads BERT, the simulation strategies and the review CSVs; the
    # samplers import its OnlineSimulationDataSet only for a type hint
    stubs={"utils.datasets": "class OnlineSimulationDataSet:\n    pass\n"},
    absent=("pandas", "wandb"),
)

FILE = "utils/samplers.py"


class _Games:
    """The offline dataset as the samplers read it: n_groups_by_user_id (user -> the games it
    played, sorted), group_to_idx ((user, game) -> item index) and len() (the groups)."""

    def __init__(self, users, max_games, seed):
        import random

        rng = random.Random(seed)
        self.n_groups_by_user_id = {}
        groups = []
        for user in range(users):
            games = sorted(rng.sample(range(1, 1000), rng.randint(1, max_games)))
            self.n_groups_by_user_id[user] = games
            groups += [(user, game) for game in games]
        self.group_to_idx = {group: i for i, group in enumerate(groups)}

    def __len__(self):
        return len(self.group_to_idx)


# (users, most games per user, batch size): its ENV_BATCH_SIZE is 4
SETTINGS = ((210, 6, 4), (50, 10, 8), (7, 3, 4), (3, 1, 4), (100, 6, 1))


@sampler(PROJECT, FILE, "NewUserBatchSampler")
def _(cls, module):
    for users, games, batch in SETTINGS:
        for shuffle in (True, False):
            yield Case(
                f"{users} users x up to {games} games, batch {batch}, shuffle={shuffle}",
                lambda u=users, g=games, b=batch, s=shuffle: cls(_Games(u, g, u), batch_size=b, shuffle=s),
                epochs=3,
            )


@sampler(PROJECT, FILE, "UserSampler")
def _(cls, module):
    for users, games, batch in SETTINGS:
        yield Case(
            f"{users} users x up to {games} games, batch {batch}",
            lambda u=users, g=games, b=batch: cls(_Games(u, g, u), b),
            repeat=2,
        )


@sampler(PROJECT, FILE, "UserBatchSampler")
def _(cls, module):
    for users, games, batch in SETTINGS:
        yield Case(
            f"{users} users x up to {games} games, batch {batch}",
            lambda u=users, g=games, b=batch: cls(_Games(u, g, u), b),
            repeat=2,
        )


not_run(PROJECT, FILE, "SimulationSampler",
        "its loop ends only when the online simulation dataset retires users as their games are fetched")
not_run(PROJECT, FILE, "OurUserBatchSampler",
        "unused by the project; get_batch indexes dataset.actions_df.keys() (a pandas GroupBy's keys) as a dict")
