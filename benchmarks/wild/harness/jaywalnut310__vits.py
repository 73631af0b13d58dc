"""jaywalnut310/vits: text-to-speech. DistributedBucketSampler (data_utils.py), as train.py
builds it: utterances bucketed by spectrogram length between boundaries (the ones outside
dropped), each bucket padded to a whole number of global batches, each rank of worlds 1-4.
Not given: an empty first bucket, where the sampler divides by zero (its known crash)."""

from wild.entry import Project, sampler

from ._g3_common import vits_bucket_cases

PROJECT = Project(
    name="jaywalnut310/vits",
    source="github",
    ref="2e561ba58618d021b5b8323d3765880f7e0ecfdb",
    domain="speech synthesis",
    # data_utils.py imports its audio front end and text cleaners (librosa, phonemizer, ...).
    absent=("librosa", "text", "unidecode", "phonemizer", "matplotlib"),
)


@sampler(PROJECT, "data_utils.py", "DistributedBucketSampler")
def _(cls, module):
    yield from vits_bucket_cases(cls, [32, 300, 400, 500, 600, 700, 800, 900, 1000])
