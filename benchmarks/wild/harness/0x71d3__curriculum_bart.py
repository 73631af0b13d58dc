"""0x71d3/curriculum-bart: competence-based curriculum learning for BART/RoBERTa fine-tuning (NLP).

sampler.py: CompetenceSampler (the samples easier than the epoch's competence, in random
order; model.py keeps it in a comment, wrapped in a BatchSampler) and CompetenceBatchSampler
(what model.py builds each epoch: the batches of an epoch, each drawn from the samples
easier than the step's competence). Difficulties are one float per training example
(data/dd_*.py write them: lengths, word rarity, NLL), the epoch is Lightning's current one.
"""

import numpy as np

from wild.entry import Case, Project, sampler

PROJECT = Project(
    name="0x71d3/curriculum-bart",
    source="github",
    ref="e4f9a95f46031fe0daa171b24035e1adfba7fe51",
    domain="NLP (curriculum fine-tuning)",
)


def _difficulties(n, kind, seed=0):
    rng = np.random.RandomState(seed)
    if kind == "length":  # dd_len.py: the tokens of the utterance, many ties
        return [float(x) for x in rng.randint(3, 40, size=n)]
    return [float(x) for x in rng.gamma(2.0, 1.5, size=n)]  # an NLL score, all distinct


# (n, kind, init_competence): the competence at epoch 0 must cover the easiest difficulty
# (the class asserts it), which the default 0.01 does on the NLL scores of 100+ examples.
SETS = ((7, "nll", 0.3), (64, "length", 0.1), (300, "nll", 0.01), (300, "length", 0.05), (1000, "nll", 0.01))


@sampler(PROJECT, "sampler.py", "CompetenceSampler")
def _(cls, module):
    for n, kind, c0 in SETS:
        for form in ("sqrt", "linear"):
            for epoch in (0, 2, 5, 7):
                yield Case(
                    f"n={n} {kind} init_competence={c0} form={form} epoch={epoch} of 5",
                    lambda n=n, k=kind, c=c0, f=form, e=epoch: cls(
                        list(range(n)), e, 5, _difficulties(n, k), init_competence=c, form=f
                    ),
                )


@sampler(PROJECT, "sampler.py", "CompetenceBatchSampler")
def _(cls, module):
    for n, kind, c0 in SETS:
        for batch_size in (4, 16, 32):
            for drop_last in (True, False):
                if drop_last and batch_size > n:
                    continue
                for epoch in (0, 3, 6):
                    yield Case(
                        f"n={n} {kind} init_competence={c0} batch_size={batch_size} drop_last={drop_last} "
                        f"epoch={epoch} of 5",
                        lambda n=n, k=kind, c=c0, b=batch_size, d=drop_last, e=epoch: cls(
                            list(range(n)), b, d, e, 5, _difficulties(n, k), init_competence=c
                        ),
                    )
