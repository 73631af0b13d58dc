"""SakanaAI/continuous-thought-machines: Continuous Thought Machines (neural dynamics over
internal ticks) on image classification, mazes, parity and QAMNIST. The distributed image and
maze trainers use FastRandomDistributedSampler (epoch_steps random indices with replacement
per rank, drawn from a generator seeded by seed, epoch and rank; 10e10 of them in its scripts);
QAMNIST trains and tests with QAMNISTSampler, a batch sampler over a permutation that sets the
dataset's number of digits and operations for each batch (drawn from its ranges)."""

from wild.entry import Case, Project, sampler

PROJECT = Project(
    name="SakanaAI/continuous-thought-machines",
    source="github",
    ref="aecfb63ac42db7a20903ee27489ff71671669474",
    domain="neural dynamics models (QAMNIST arithmetic, classification, mazes)",
)

FILE = "utils/samplers.py"


class _QAMNIST:
    """The QAMNIST dataset as its sampler uses it: len(), the digit/operation ranges and the
    setters it calls before each batch."""

    def __init__(self, n, digits, operations):
        self.n, self.num_images_range, self.num_operations_range = n, digits, operations

    def set_num_digits(self, k):
        self.num_digits = k

    def set_num_operations(self, k):
        self.num_operations = k

    def __len__(self):
        return self.n


@sampler(PROJECT, FILE, "QAMNISTSampler")
def _(cls, module):
    for n in (60000, 10000, 100, 5):
        for batch in (64, 32, 1):
            for digits, operations in (((1, 5), (1, 5)), ((3, 3), (2, 2))):
                yield Case(
                    f"{n} items, batch {batch}, digits {digits}, operations {operations}",
                    lambda n=n, b=batch, d=digits, o=operations: cls(_QAMNIST(n, d, o), b),
                )


@sampler(PROJECT, FILE, "FastRandomDistributedSampler")
def _(cls, module):
    for n in (1, 50, 1000):
        for world in (1, 2, 4):
            for steps in (None, 5000, 7):
                for rank in range(world):
                    yield Case(
                        f"n={n} world {world} rank {rank} epoch_steps={steps}",
                        lambda n=n, w=world, r=rank, s=steps: cls(list(range(n)), num_replicas=w, rank=r, seed=1, epoch_steps=s),
                        repeat=2,
                    )
