"""oscarknagg/few-shot: few-shot learning (prototypical, matching networks, MAML) on Omniglot
and miniImageNet. The experiments give NShotTaskSampler(dataset, episodes_per_epoch, n, k, q,
num_tasks) as `batch_sampler=`; it draws each episode's classes and images from the
dataset's pandas DataFrame (dataset.df: id, class_id)."""

from wild.entry import Project, not_run

PROJECT = Project(
    name="oscarknagg/few-shot",
    source="github",
    ref="672de83a853cc2d5e9fe304dc100b4a735c10c15",
    domain="few-shot image classification",
)

not_run(
    PROJECT,
    "few_shot/core.py",
    "NShotTaskSampler",
    "its __iter__ selects, samples and iterates rows of the dataset's pandas DataFrame"
    " (unique, isin, sample, iterrows), and pandas is not installed here: a stand-in would"
    " have to re-implement pandas' sampling",
)
