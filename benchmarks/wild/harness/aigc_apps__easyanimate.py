"""aigc-apps/EasyAnimate: text/image-to-video diffusion. Its training groups the image and video
items of a metadata list by the closest predefined aspect ratio (one batch per bucket), a
RandomSampler that resumes mid-epoch from a saved position (_pos_start), and image/video
samplers that keep the two kinds apart, one of them resuming from a callback's position."""

from wild.entry import Case, Project, sampler

PROJECT = Project(
    name="aigc-apps/EasyAnimate",
    source="github",
    ref="c2a70d17daa1549a22129d0cd0e02053ecccd75c",
    domain="video diffusion: aspect-ratio buckets, resumable sampling",
    absent=("cv2", "PIL", "albumentations", "decord", "einops", "func_timeout", "torchvision", "omegaconf"),
)

BUCKETS = "easyanimate/data/bucket_sampler.py"

SHAPES = ((512, 512), (720, 1280), (1280, 720), (480, 640), (1024, 576), (768, 1024))


def _metadata(n, video_share=0.5):
    """Items of the training metadata json: file_path, text, type, and the width and height
    the samplers read before falling back to opening the file."""
    items = []
    for i in range(n):
        w, h = SHAPES[(i * 7 + i // 5) % len(SHAPES)]
        kind = "video" if (i * 37 % 100) < video_share * 100 else "image"
        items.append({"file_path": f"{kind}s/{i:05d}.mp4", "text": f"caption {i}", "type": kind,
                      "width": w, "height": h})
    return items


class _Dataset:
    """ImageVideoDataset as the samplers see it: `.dataset`, the metadata list."""

    def __init__(self, items):
        self.dataset = items

    def __len__(self):
        return len(self.dataset)

    def __getitem__(self, idx):
        return self.dataset[idx]


SIZES = ((7, 2), (40, 4), (101, 8), (300, 16))


def _scaled_ratios(module, video_sample_size=256):
    # what scripts/train.py passes: ASPECT_RATIO_512 scaled to the video sample size
    return {k: [x / 512 * video_sample_size for x in v] for k, v in module.ASPECT_RATIO_512.items()}


@sampler(PROJECT, BUCKETS, "RandomSampler")
def _(cls, module):
    for n in (1, 10, 64, 300):
        for resumed_at in (0, 1, n // 2, n - 1):
            if resumed_at and resumed_at >= n:
                continue
            # scripts/train.py, on resume: batch_sampler.sampler._pos_start = the saved position
            def build(n=n, p=resumed_at):
                s = cls(list(range(n)))
                s._pos_start = p
                return s

            yield Case(f"n={n} resumed at _pos_start={resumed_at}", build)
        yield Case(f"n={n} num_samples={2 * n + 3}", lambda n=n: cls(list(range(n)), num_samples=2 * n + 3))
        yield Case(f"n={n} replacement num_samples=50", lambda n=n: cls(list(range(n)), True, 50))


@sampler(PROJECT, BUCKETS, "AspectRatioBatchImageSampler")
def _(cls, module):
    import torch.utils.data as tud

    for n, batch_size in SIZES:
        for drop_last in (True, False):
            yield Case(
                f"items={n} batch_size={batch_size} drop_last={drop_last}",
                lambda n=n, b=batch_size, d=drop_last: cls(
                    sampler=tud.RandomSampler(range(n)), dataset=_metadata(n, 0), batch_size=b,
                    drop_last=d, aspect_ratios=_scaled_ratios(module),
                ),
                repeat=2,
            )


@sampler(PROJECT, BUCKETS, "AspectRatioBatchSampler")
def _(cls, module):
    import torch.utils.data as tud

    for n, batch_size in SIZES:
        for drop_last in (True, False):
            yield Case(
                f"videos={n} batch_size={batch_size} drop_last={drop_last}",
                lambda n=n, b=batch_size, d=drop_last: cls(
                    sampler=tud.RandomSampler(range(n)), dataset=_metadata(n, 1), batch_size=b,
                    drop_last=d, aspect_ratios=_scaled_ratios(module),
                ),
            )


@sampler(PROJECT, BUCKETS, "AspectRatioBatchImageVideoSampler")
def _(cls, module):
    import torch.utils.data as tud

    for n, batch_size in SIZES:
        for drop_last in (True, False):  # scripts/train.py: drop_last=True
            for share in (0.0, 0.3):
                yield Case(
                    f"items={n} video share={share} batch_size={batch_size} drop_last={drop_last}",
                    lambda n=n, b=batch_size, d=drop_last, s=share: cls(
                        sampler=tud.RandomSampler(range(n)), dataset=_metadata(n, s), batch_size=b,
                        drop_last=d, aspect_ratios=_scaled_ratios(module),
                    ),
                    repeat=2,
                )


@sampler(PROJECT, "easyanimate/data/dataset_image_video.py", "ImageVideoSampler")
def _(cls, module):
    import torch.utils.data as tud

    for n, batch_size in SIZES:
        for share in (0.0, 0.3, 1.0):
            for drop_last in (False, True):
                yield Case(
                    f"items={n} video share={share} batch_size={batch_size} drop_last={drop_last}",
                    lambda n=n, b=batch_size, s=share, d=drop_last: cls(
                        tud.RandomSampler(range(n)), _Dataset(_metadata(n, s)), b, drop_last=d
                    ),
                    repeat=2,
                )


class _VaeData:
    def __init__(self, items):
        self.items = items

    def get_type(self, idx):
        return self.items[idx]["type"]


class _VaeDataset:
    """The VAE's ImageVideoDataset as its sampler sees it: `.data.get_type(idx)`."""

    def __init__(self, items):
        self.data = _VaeData(items)

    def __len__(self):
        return len(self.data.items)


@sampler(PROJECT, "easyanimate/vae/ldm/data/dataset_image_video.py", "ImageVideoSampler")
def _(cls, module):
    import torch.utils.data as tud

    for n, batch_size in SIZES:
        for share in (0.0, 0.3):
            for reload in (0, n // 3):
                # DatasetCallback, on resume: batch_sampler.sampler_pos_reload = the saved position
                def build(n=n, b=batch_size, s=share, r=reload):
                    sampler_ = cls(tud.RandomSampler(range(n)), _VaeDataset(_metadata(n, s)), b)
                    sampler_.sampler_pos_reload = r
                    return sampler_

                yield Case(f"items={n} video share={share} batch_size={batch_size} reload={reload}", build)
