"""maxrmorrison/promonet: prosody and voice editing of speech (a VITS-like vocoder/TTS).
promonet/data/sampler.py: Sampler, the training batch sampler, an epoch-seeded permutation
cut into batches of the configured BATCH_SIZE (its len() builds the same batches).

The package's __init__ configures itself with yapecs and imports its models; the stand-in
holds the two configuration values the sampler reads (defaults: seed 1234, batch 64; a
yapecs config file may change the batch size)."""

from wild.entry import Case, Project, sampler

PROJECT = Project(
    name="maxrmorrison/promonet",
    source="github",
    ref="86b815e8511d526da42cd8333a9f5a2872b11981",
    domain="speech synthesis / voice editing",
    stubs={"promonet": "RANDOM_SEED = 1234\nBATCH_SIZE = 64\n"},
    empty_init=("promonet.data",),  # imports the dataset, augmentation and loader modules
)


class _Utterances:
    """promonet.data.Dataset as the sampler sees it: its number of stems."""

    def __init__(self, n):
        self.stems = [f"vctk/p{225 + i % 100}/{i:05d}" for i in range(n)]

    def __len__(self):
        return len(self.stems)


@sampler(PROJECT, "promonet/data/sampler.py", "Sampler")
def _(cls, module):
    config = module.promonet
    for batch_size in (64, 8):
        for n in (1, 63, 64, 65, 500):
            for epoch in (0, 3):

                def build(n=n, b=batch_size, e=epoch):
                    config.BATCH_SIZE = b
                    s = cls(_Utterances(n))
                    s.set_epoch(e)
                    return s

                yield Case(f"utterances={n} BATCH_SIZE={batch_size} epoch={epoch}", build)
