"""uesmgn/kagra-deep: classification and clustering of gravitational-wave detector glitch
spectrogram images. Random samplers drawing num_samples indices with replacement:
src/data/samplers.py's Balancer (inverse class frequency over `targets`) and Upsampler
(uniform), which the run_*.py scripts build as Upsampler(dataset, batch_size *
num_train_steps); lightning/data/samplers.py's Balancer takes an expansion of the dataset's
size instead (an int count or a float factor)."""

from wild.entry import Case, Project, sampler

PROJECT = Project(
    name="uesmgn/kagra-deep",
    source="github",
    ref="6abeeac3015bda924f65eaa8e47603684ea5e076",
    domain="image classification",
    absent=("torchvision",),  # imported, unused by the samplers
    empty_init=("src", "src.data", "lightning.data"),
)


class _Glitches:
    """A Gravity Spy-like set: 22 glitch classes of very unequal sizes, labels in `targets`."""

    def __init__(self, n):
        self.targets = [(i * i) % 22 if i % 3 else i % 4 for i in range(n)]

    def __len__(self):
        return len(self.targets)


SIZES = (1, 22, 300, 2000)


@sampler(PROJECT, "src/data/samplers.py", "Balancer")
def _(cls, module):
    for n in SIZES:
        for num_samples in (10000, 64, 150000):
            yield Case(f"n={n} num_samples={num_samples}", lambda n=n, k=num_samples: cls(_Glitches(n), k))


@sampler(PROJECT, "src/data/samplers.py", "Upsampler")
def _(cls, module):
    for n in SIZES:
        # batch_size * num_train_steps, as the run_*.py scripts give it
        for num_samples in (10000, 64 * 1000, 32 * 50):
            yield Case(f"n={n} num_samples={num_samples}", lambda n=n, k=num_samples: cls(_Glitches(n), k))


@sampler(PROJECT, "lightning/data/samplers.py", "Balancer")
def _(cls, module):
    for n in SIZES:
        for expansion in (1.0, 2.5, 0.5, 10, 5000, 200000):
            yield Case(f"n={n} expansion={expansion}", lambda n=n, e=expansion: cls(_Glitches(n), e))
