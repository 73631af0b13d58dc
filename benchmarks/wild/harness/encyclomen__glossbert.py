"""Encyclomen/GlossBERT: word-sense disambiguation with BERT over (context, gloss) pairs.
dataset/sampler.py: NegDownSampler, every positive pair and a random draw of negatives,
neg_pos_ratio times as many (by default the full ratio plus one, so all of them), shuffled;
RL_WSD.py builds it over GlossBERTDataset_for_CGPair_Feature with --neg_pos_ratio (float,
default None) and calls refresh_sampler() each epoch."""

import random

from wild.entry import Case, Project, sampler

PROJECT = Project(
    name="Encyclomen/GlossBERT",
    source="github",
    ref="aacfabe2692f8728bf05bac8dad18bee91ba2f2c",
    domain="NLP: word-sense disambiguation (negative down-sampling)",
    # dataset/glossbert_dataset.py (the sampler checks its dataset class) reads corpora with
    # pandas and shows progress with tqdm; file_utils downloads vocabularies
    absent=("pandas", "tqdm", "boto3", "botocore", "requests"),
)


def _pairs(positives, negatives, seed=0):
    """A GlossBERTDataset_for_CGPair_Feature as the sampler reads it: the indexes of its
    positive (label 1) and negative (label 0) context-gloss pairs among all examples."""
    from dataset.glossbert_dataset import GlossBERTDataset_for_CGPair_Feature

    class Pairs(GlossBERTDataset_for_CGPair_Feature):
        def __init__(self):  # the corpus and the tokenizer are not read
            labels = [1] * positives + [0] * negatives
            random.Random(seed).shuffle(labels)
            self.pos_indexes = [i for i, label in enumerate(labels) if label == 1]
            self.neg_indexes = [i for i, label in enumerate(labels) if label == 0]
            self.all_features = labels

        def __len__(self):
            return len(self.all_features)

    return Pairs()


def _refreshed(sampler, ratio):
    sampler.refresh_sampler(ratio)
    return sampler


@sampler(PROJECT, "dataset/sampler.py", "NegDownSampler")
def _(cls, module):
    # an ambiguous word has one right sense and a few wrong ones: negatives outnumber positives
    for positives, negatives in ((1, 3), (10, 45), (200, 1100)):
        for ratio in (None, 1.0, 2.5, 0.0, 10.0):
            yield Case(
                f"positives={positives} negatives={negatives} neg_pos_ratio={ratio}",
                lambda p=positives, n=negatives, r=ratio: cls(_pairs(p, n), neg_pos_ratio=r),
                repeat=2,
            )
        yield Case(
            f"positives={positives} negatives={negatives} refresh_sampler(2.0)",
            lambda p=positives, n=negatives: _refreshed(cls(_pairs(p, n)), 2.0),
        )
