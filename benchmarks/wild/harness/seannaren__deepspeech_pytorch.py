"""SeanNaren/deepspeech.pytorch: speech recognition. The batch samplers of its data module
(deepspeech_pytorch/loader/data_loader.py): fixed bins of batch_size utterances shuffled
per epoch, single process (DSRandomSampler) or each rank of worlds 1-4
(DSElasticDistributedSampler, also as data_module.py builds it, asking torch.distributed)."""

from wild.entry import Case, Project, sampler

from ._g3_common import built_in, with_epoch

PROJECT = Project(
    name="SeanNaren/deepspeech.pytorch",
    source="github",
    ref="b88a631ef6b96553e16bbaa5bd6a621435bed278",
    domain="speech recognition",
    stubs={
        # configs/train_config.py's dataclasses use instances as defaults, which Python 3.11
        # rejects at import; the loader needs only the two names.
        "deepspeech_pytorch": "",
        "deepspeech_pytorch.configs": "",
        "deepspeech_pytorch.configs.train_config": "class SpectConfig:\n    pass\n\n\nclass AugmentationConfig:\n    pass\n",
    },
    absent=("librosa", "sox", "torchaudio", "omegaconf", "hydra", "matplotlib"),
)

PATH = "deepspeech_pytorch/loader/data_loader.py"


@sampler(PROJECT, PATH, "DSRandomSampler")
def _(cls, module):
    for n in (1, 7, 20, 129):
        for batch in (1, 4, 20):
            for epoch in (0, 3):
                yield Case(
                    f"utterances={n} batch={batch} epoch={epoch}",
                    lambda n=n, b=batch, e=epoch: with_epoch(cls(list(range(n)), batch_size=b), e),
                )


@sampler(PROJECT, PATH, "DSElasticDistributedSampler")
def _(cls, module):
    for n in (3, 20, 129):
        for batch in (1, 4, 20):
            for size in (1, 2, 3, 4):
                if -(-n // batch) < size:
                    continue  # fewer bins than ranks: its padding cannot fill them (it asserts)
                for rank in range(size):
                    yield Case(
                        f"utterances={n} batch={batch} world={size} rank={rank}",
                        lambda n=n, b=batch, s=size, r=rank: with_epoch(
                            cls(list(range(n)), num_replicas=s, rank=r, batch_size=b), 1
                        ),
                    )
                    yield Case(
                        f"utterances={n} batch={batch} world={size} rank={rank}, world from torch.distributed",
                        lambda n=n, b=batch, s=size, r=rank: built_in(
                            s, r, lambda: cls(list(range(n)), batch_size=b)
                        ),
                    )
