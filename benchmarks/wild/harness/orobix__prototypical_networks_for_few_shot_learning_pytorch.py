"""orobix/Prototypical-Networks-for-Few-shot-Learning-PyTorch: few-shot learning
(episodic). PrototypicalBatchSampler(labels, classes_per_it, num_samples, iterations) is
the `batch_sampler=` of train.py's loaders (60 classes and 5 + 5 samples a class in
training, 5 and 5 + 15 in validation, 100 iterations)."""

from wild.entry import Case, Project, sampler
from wild.harness._g1_common import class_labels

PROJECT = Project(
    name="orobix/Prototypical-Networks-for-Few-shot-Learning-PyTorch",
    source="github",
    ref="df89808d708637b769a41f27416b911758b8efb7",
    domain="few-shot learning",
    root="src",
)


@sampler(PROJECT, "src/prototypical_batch_sampler.py", "PrototypicalBatchSampler")
def _(cls, module):
    # Omniglot: 20 images a character class
    for classes in (5, 60, 100):
        labels = class_labels(classes, seed=classes, low=20, high=20)
        for per_it, samples in ((5, 10), (5, 20), (60, 10)):
            if per_it > classes:
                continue
            for iterations in (1, 100):
                yield Case(
                    f"{classes} classes, {per_it} a batch, {samples} samples a class, {iterations} iterations",
                    lambda labels=labels, c=per_it, s=samples, i=iterations: cls(labels, c, s, i),
                )
