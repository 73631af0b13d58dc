"""azgo14/classification_metric_learning: deep metric learning by classification (Pinterest,
normalized softmax). train_classification.py passes ClassBalancedBatchSampler(
train_dataset.instance_labels, batch_size, images_per_class) as `batch_sampler=`: batch 64,
5 images a class by default, on CUB / Cars196 / Stanford Online Products / In-Shop."""

from wild.entry import Project, not_run

PROJECT = Project(
    name="azgo14/classification_metric_learning",
    source="github",
    ref="6c90cecf8be01eda6efb7f6aa4049d8449ca33f1",
    domain="metric learning",
)


not_run(
    PROJECT,
    "metric_learning/sampler.py",
    "ClassBalancedBatchSampler",
    "written for Python 2: sample_batch() passes dict.keys() to np.random.choice, which raises"
    " ValueError on Python 3 for every input",
)
