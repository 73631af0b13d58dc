"""Lxt115/AVC_Forensics: video face-forgery detection. data/samplers.py's
ConsecutiveClipSampler runs through every clip of every video in order; its
clips_per_video is the list data/dataset_clips.py builds (frames of a video, capped at
max_frames_per_video, // frames_per_clip: 0 for a video shorter than one clip)."""

import random

from wild.entry import Case, Project, sampler

PROJECT = Project(
    name="Lxt115/AVC_Forensics",
    source="github",
    ref="2887943f508598253b99785885f6c983004762ff",
    domain="video forensics",
)


def _clips_per_video(videos, frames_per_clip, seed, max_frames=270):
    rng = random.Random(seed)
    return [min(rng.randint(10, 400), max_frames) // frames_per_clip for _ in range(videos)]


@sampler(PROJECT, "data/samplers.py", "ConsecutiveClipSampler")
def _(cls, module):
    for videos in (1, 3, 40, 200):
        for frames_per_clip in (25, 64, 128):
            clips = _clips_per_video(videos, frames_per_clip, videos * frames_per_clip)
            yield Case(
                f"{videos} videos, {frames_per_clip} frames a clip ({sum(clips)} clips)",
                lambda c=clips: cls(c),
            )
