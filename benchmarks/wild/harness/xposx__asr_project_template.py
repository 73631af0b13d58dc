"""xPoSx/asr_project_template: a speech recognition course project (QuartzNet on LibriSpeech).

hw_asr/batch_sampler/group_sort_batch_sampler.py: GroupLengthBatchSampler, the train batch
sampler of hw_asr/configs/quartznet_config.json (batch_size 32, batches_per_group 20): the
utterances sorted by audio length into groups of batch_size * batches_per_group (group 0 the
rest), each batch drawn from a random group until an epoch's worth of utterances came.
Dataset items are as LibrispeechDataset returns them: dicts whose 'audio' is the wave.
"""

import torch

from wild.entry import Case, Project, sampler

PROJECT = Project(
    name="xPoSx/asr_project_template",
    source="github",
    ref="a6a2ab8ee342cd7b020d3310db5848fa5a8755a5",
    domain="speech recognition (ASR)",
)


def _utterances(n, seed=0):
    g = torch.Generator().manual_seed(seed)
    lengths = torch.randint(200, 4000, (n,), generator=g).tolist()
    return [{"audio": torch.zeros(length), "text": "a b c", "duration": length / 16000} for length in lengths]


@sampler(PROJECT, "hw_asr/batch_sampler/group_sort_batch_sampler.py", "GroupLengthBatchSampler")
def _(cls, module):
    for n in (20, 100, 640, 1000, 2500):
        for batch_size, per_group in ((32, 20), (8, 5), (4, 20)):
            yield Case(
                f"n={n} batch_size={batch_size} batches_per_group={per_group}",
                lambda n=n, b=batch_size, g=per_group: cls(_utterances(n), b, batches_per_group=g),
                epochs=20,
            )
