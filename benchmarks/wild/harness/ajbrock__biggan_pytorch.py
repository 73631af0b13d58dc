"""ajbrock/BigGAN-PyTorch: the reference BigGAN training code (GANs). Its multi-epoch sampler
draws every epoch's permutation up front so the loader is built once, and resumes mid-run at
start_itr (iterations of batch_size already done)."""

from wild.entry import Case, Project, sampler

PROJECT = Project(
    name="ajbrock/BigGAN-PyTorch",
    source="github",
    ref="98459431a5d618d644d54cd1e9fceb1e5045648d",
    domain="GAN training: multi-epoch resumable sampling",
    absent=("animal_hash", "torchvision", "PIL", "h5py", "tqdm"),
)


@sampler(PROJECT, "utils.py", "MultiEpochSampler")
def _(cls, module):
    for n in (1, 10, 64, 250):
        for epochs in (1, 3):
            for batch_size in (8, 64):
                # fresh, and resumed at iterations within the first epoch and further on
                for start_itr in sorted({0, 1, (n * epochs) // batch_size // 2, (n * epochs - 1) // batch_size}):
                    if start_itr * batch_size >= n * epochs:
                        continue  # the run is over
                    yield Case(
                        f"n={n} num_epochs={epochs} batch_size={batch_size} start_itr={start_itr}",
                        lambda n=n, e=epochs, b=batch_size, s=start_itr: cls(list(range(n)), e, s, b),
                    )
