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


def _resume(cls, n, epochs, batch_size, start_itr):
    return Case(
        f"n={n} num_epochs={epochs} batch_size={batch_size} start_itr={start_itr}",
        lambda: cls(list(range(n)), epochs, start_itr, batch_size),
    )


@sampler(PROJECT, "utils.py", "MultiEpochSampler")
def _(cls, module):
    for n in (1, 10, 64, 250):
        for epochs in (1, 3):
            for batch_size in (8, 64):
                # fresh, and resumed at iterations within the first epoch and further on
                for start_itr in sorted({0, 1, (n * epochs) // batch_size // 2, (n * epochs - 1) // batch_size}):
                    if start_itr * batch_size >= n * epochs:
                        continue  # at or past the stream's end: the cases below
                    yield _resume(cls, n, epochs, batch_size, start_itr)
    # Resumed at the stream's end: the run is not over there. train.py saves every
    # save_every iterations, also on the stream's last one when it is a multiple (the batch
    # size divides n * num_epochs), and its epoch loop (range(state_dict['epoch'],
    # num_epochs)) iterates the loader again once the stream is spent; --resume builds the
    # sampler with start_itr = the checkpoint's itr (later checkpoints make len() negative).
    # The last case is CIFAR-10 (50000 images) run with --use_multiepoch_sampler,
    # launch_cifar_ema.sh's D batch (batch_size 50 x num_D_steps 4) and save_every 2000:
    # 8 epochs end at itr 2000.
    for n, epochs, batch_size in ((64, 1, 8), (64, 3, 8), (64, 1, 64), (50000, 8, 200)):
        yield _resume(cls, n, epochs, batch_size, n * epochs // batch_size)
