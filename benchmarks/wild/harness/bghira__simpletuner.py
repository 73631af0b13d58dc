"""bghira/SimpleTuner: fine-tuning of diffusion (image and video generation) models.
helpers/data_backend/factory.py gives CaptionSampler(id, metadata_backend, accelerator,
batch_size, repeats=..., shuffle=..., seed=...) for caption-only datasets, as the sampler of
a DataLoader with batch_size=1 (it yields whole batches of metadata ids); under Accelerate
each process takes its rank's share (accelerator.num_processes, process_index), and
set_epoch reshuffles. MultiAspectSampler, the image/video bucket sampler, needs the whole
training state (see its reason)."""

from wild.entry import Case, Project, not_run, sampler

PROJECT = Project(
    name="bghira/SimpleTuner",
    source="github",
    ref="bc8e6ab7738ce457a2ed8eb2d26cadd91c6442cb",
    domain="generative models",
    stubs={
        # The backend's class is only an annotation of CaptionSampler's __init__.
        "simpletuner.helpers.metadata.backends.caption": "class CaptionMetadataBackend:\n    pass\n",
    },
    empty_init=("simpletuner",),  # its start-up (logging, environment)
)


class _CaptionMetadata:
    """What CaptionSampler reads of CaptionMetadataBackend: list_metadata_ids()."""

    def __init__(self, count):
        self.ids = [f"caption-{i:05d}" for i in range(count)]

    def list_metadata_ids(self):
        return list(self.ids)


class _Accelerator:
    """What it reads of accelerate's Accelerator: num_processes, process_index."""

    def __init__(self, processes, index):
        self.num_processes, self.process_index = processes, index


@sampler(PROJECT, "simpletuner/helpers/data_backend/caption_sampler.py", "CaptionSampler")
def _(cls, module):
    for count in (1, 10, 250, 1001):
        for batch in (1, 4, 16):
            for repeats in (0, 2):
                for processes in (1, 2, 3):
                    for index in range(processes):
                        for shuffle, epoch in ((True, 0), (True, 3), (False, 0)):

                            def build(n=count, b=batch, r=repeats, p=processes, i=index, s=shuffle, e=epoch):
                                made = cls(
                                    "captions",
                                    _CaptionMetadata(n),
                                    _Accelerator(p, i),
                                    b,
                                    repeats=r,
                                    shuffle=s,
                                    seed=42,
                                )
                                made.set_epoch(e)
                                return made

                            yield Case(
                                f"{count} captions, batch_size={batch} repeats={repeats}"
                                f" num_processes={processes} process_index={index}"
                                f" shuffle={shuffle} epoch={epoch}",
                                build,
                            )


not_run(
    PROJECT,
    "simpletuner/helpers/multiaspect/sampler.py",
    "MultiAspectSampler",
    "it reads SimpleTuner's StateTracker (the parsed training arguments, the backends' configs),"
    " an initialised metadata backend with its aspect-bucket caches, a data backend, the model and"
    " the accelerator, and ends each epoch by raising MultiDatasetExhausted for the trainer to catch:"
    " nothing short of the training stack builds it",
)
