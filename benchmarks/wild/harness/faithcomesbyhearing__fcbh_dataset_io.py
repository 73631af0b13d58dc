"""faithcomesbyhearing/fcbh-dataset-io: Bible audio/text datasets and MMS / wav2vec2 ASR
adapter training. xxxtobedeleted/sampler_old.py: MySampler, the batches a data-preparation
step stored in the SQLite table `batches` (identifyBatches in mms/adapter/data_preparation.py:
at most maxBatchSize samples, padded memory under targetMemoryMB), one batch of sample
indexes a row."""

import os
import random
import tempfile

from wild.entry import Case, Project, sampler

PROJECT = Project(
    name="faithcomesbyhearing/fcbh-dataset-io",
    source="github",
    ref="52389bc5d22cdf1324190d86388ae3fd1eef8a2b",
    domain="speech: ASR adapter training (batches stored in SQLite)",
    # the module imports its sibling helper flat (`from sqlite_utility import *`); it is the
    # project's own mms/adapter/sqlite_utility.py
    stubs={"sqlite_utility": "from mms.adapter.sqlite_utility import *  # noqa: F401,F403\n"},
)


def _database(module, n, max_batch_size, target_mb, seed=0):
    """A samples database after identifyBatches(database, max_batch_size, target_mb)."""
    rng = random.Random(seed)
    folder = tempfile.mkdtemp(prefix="fcbh-")
    database = module.SqliteUtility(os.path.join(folder, "N2ENGWEB.db"))
    database.execute(
        "CREATE TABLE batches (idx INTEGER PRIMARY KEY, num_samples INTEGER, memory_mb FLOAT, "
        "padded_mb FLOAT, indexes BLOB)", ())
    insert = "INSERT INTO batches (idx, num_samples, memory_mb, padded_mb, indexes) VALUES (?,?,?,?,?)"
    batch, number, unpadded = [], 0, 0.0
    for index in range(n):
        memory = rng.uniform(0.05, 2.0)  # MB of a 16 kHz utterance's input values
        if memory > target_mb:
            continue
        if len(batch) >= max_batch_size or memory * (len(batch) + 1) >= target_mb:
            database.execute(insert, (number, len(batch), unpadded, len(batch) * memory, ",".join(map(str, batch))))
            number, batch, unpadded = number + 1, [], 0.0
        batch.append(index)
        unpadded += memory
    if batch:
        database.execute(insert, (number, len(batch), unpadded, len(batch) * memory, ",".join(map(str, batch))))
    return database


@sampler(PROJECT, "xxxtobedeleted/sampler_old.py", "MySampler")
def _(cls, module):
    for n in (1, 40, 500):
        for max_batch_size, target_mb in ((32, 1000.0), (8, 6.0), (4, 2.5)):
            yield Case(
                f"samples={n} maxBatchSize={max_batch_size} targetMemoryMB={target_mb}",
                lambda n=n, b=max_batch_size, t=target_mb: cls(_database(module, n, b, t)),
                repeat=2,
            )
