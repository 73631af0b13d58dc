"""fastmri (PyPI): MRI reconstruction (medical imaging). The distributed sampler of its
Lightning data module (fastmri/pl_modules/data_module.py, volume_sample_rate / distributed
training): every slice of an MRI volume goes to the same rank, each rank padded to the
largest share."""

from wild.entry import Case, Project, sampler

PROJECT = Project(
    name="fastmri",
    source="pypi",
    ref="0.3.0",
    domain="medical imaging",
    root="",
    absent=("h5py", "pandas", "requests", "yaml", "tqdm"),  # mri_data.py, for its datasets
    empty_init=("fastmri", "fastmri.data"),  # the FFT, loss and model imports
)

# Slices per volume: knee volumes have ~35, brain ~16; smaller and uneven here.
VOLUMES = {
    "3 volumes": [5, 3, 8],
    "7 volumes": [4, 6, 2, 7, 3, 5, 1],
    "12 volumes": [(i * 5) % 9 + 2 for i in range(12)],
}


class _Slices:
    """SliceDataset as the sampler reads it: raw_samples, one (fname, slice_ind, metadata)
    per slice, slices of a volume together."""

    def __init__(self, module, counts):
        sample = module.FastMRIRawDataSample if hasattr(module, "FastMRIRawDataSample") else tuple
        self.raw_samples = []
        for volume, count in enumerate(counts):
            for index in range(count):
                fields = (
                    f"/data/knee/multicoil_train/file{1000000 + volume}.h5",
                    index,
                    {"encoding_size": (640, 368, 1)},
                )
                self.raw_samples.append(sample(*fields) if sample is not tuple else fields)

    def __len__(self):
        return len(self.raw_samples)


@sampler(PROJECT, "fastmri/data/volume_sampler.py", "VolumeSampler")
def _(cls, module):
    mri_data = __import__("fastmri.data.mri_data", fromlist=["FastMRIRawDataSample"])
    for name, counts in VOLUMES.items():
        for replicas in (1, 2, 3, 4):
            if replicas > len(counts):
                continue
            for rank in range(replicas):
                for shuffle in (True, False):
                    for epoch in (0, 3):

                        def build(c=counts, r=replicas, k=rank, s=shuffle, e=epoch):
                            sampler_ = cls(_Slices(mri_data, c), num_replicas=r, rank=k, shuffle=s, seed=0)
                            sampler_.set_epoch(e)
                            return sampler_

                        yield Case(
                            f"{name} replicas={replicas} rank={rank} shuffle={shuffle} epoch={epoch}", build
                        )
