"""researchmm/language-guided-animation: text-guided image animation (a multimodal generator
trained on text-video pairs). utils exports a SubsetRandomSampler with set_epoch (a fresh
permutation of the given indices each epoch; the epoch is kept but not used)."""

from wild.entry import Case, Project, sampler

PROJECT = Project(
    name="researchmm/language-guided-animation",
    source="github",
    ref="23a9bc47e9742f0047bb78736717c85bb1d7971c",
    domain="multimodal (text-guided animation)",
    empty_init=("utils",),  # imports its logger and training helpers
)


@sampler(PROJECT, "utils/samplers.py", "SubsetRandomSampler")
def _(cls, module):
    import random

    for n in (1, 10, 1000, 20000):
        indices = random.Random(n).sample(range(50000), n)
        yield Case(f"{n} indices", lambda i=indices: cls(i), repeat=2)
