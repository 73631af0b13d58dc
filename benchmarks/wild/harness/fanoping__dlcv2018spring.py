"""fanoping/DLCV2018SPRING: few-shot image classification on CIFAR-100 (the course's final
project: prototypical and relation networks). trainer/protonet_trainer.py and
relationnet_trainer.py give Sampler(labels=dataset.label, n_way, k_samples=k_shot or k_query,
n_episodes) as `batch_sampler=`: one episode of n_way classes x k samples a batch. The
dataset's label list holds each class's images together (the sampler offsets from
labels.index(class))."""

from wild.entry import Case, Project, sampler

PROJECT = Project(
    name="fanoping/DLCV2018SPRING",
    source="github",
    ref="cdbb50d8493762377af4fb4a8f8a867b7c125888",
    domain="few-shot image classification",
    root="final/raw",
)


@sampler(PROJECT, "final/raw/utils/sampler.py", "Sampler")
def _(cls, module):
    # 'base' split: 80 classes; support and query sets of 20 to 480 images a class.
    for classes, per_class in ((20, 20), (80, 100), (80, 480)):
        labels = [c for c in range(classes) for _ in range(per_class)]
        for n_way, k, episodes in ((5, 1, 100), (5, 5, 200), (20, 15, 50)):
            if n_way <= classes and k <= per_class:
                yield Case(
                    f"{classes} classes x {per_class} images, n_way={n_way} k={k} n_episodes={episodes}",
                    lambda lb=labels, n=n_way, k=k, e=episodes: cls(
                        labels=lb, n_way=n, k_samples=k, n_episodes=e
                    ),
                )
