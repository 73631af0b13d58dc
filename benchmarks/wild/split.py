"""Which part of the wild corpus a project belongs to: tuning or held-out.

Decided by a hash of the project's name alone, so the split is fixed before any class is
collected and before any rule, model or generator change is made: nobody chooses where a
project goes, and adding projects never moves another one. A project's name is its
GitHub ``owner/name`` or its PyPI name, lower-cased (``project_key``).

Held-out projects are measured at the end of an issue and never read while working on
the rules, the model or the generator. A held-out project whose code taught a change is
listed in ``MOVED_TO_TUNING`` with the change it taught; it counts as tuning from then on.
"""

from __future__ import annotations

import hashlib
from typing import Dict

# Half of the hash range: the held-out part is expected to hold about half the projects
# (the issue asks for at least 40% of the classes).
HELDOUT_FRACTION = 0.5

# project key -> what its code taught (the commit or change that read it).
MOVED_TO_TUNING: Dict[str, str] = {
    # After the held-out measurement of 2026-12-05 (a01ffea), which they count in as held out:
    "confusezius/revisiting_deep_metric_learning_pytorch": (
        "its two `Sampler`s (an inner `for _ in range(k)` draw under `for _ in range(n)`) were"
        " false DPL110 findings: a loop target rebound by an inner loop is no longer read"
    ),
    "theokoles7/curriculum-learning-in-image-processing": (
        "its CurriculumSampler (`array_split(x, n // bs)`, exactly n // bs pieces) was a false"
        " DPL103 finding: a floor count of pieces is no longer a tail"
    ),
    # After the held-out measurement of 2026-12-06 on the grown corpus (code f1bb3ec):
    "ftramer/handcrafted-dp": (
        "its SemiSupervisedSampler (`range(0, num_batches * batch_size, batch_size)`, num_batches"
        " steps, under `len` num_batches) was a false DPL109 finding: a range stopping at a"
        " multiple of its step no longer counts as one step per batch size"
    ),
}
# Before the held-out measurement of 2026-12-06 (session 11): a helper of the session before had
# seen the verdicts of these projects' resume classes (one line each; the code of the Open-Sora
# and continuous_ssl ones), and the check's resume convention was switched after that.
MOVED_TO_TUNING.update(
    dict.fromkeys(
        (
            "aigc-apps/easyanimate",
            "facebookresearch/maskrcnn-benchmark",
            "hpcaitech/open-sora",
            "ibm-granite/dolomite-engine",
            "pku-yuangroup/open-sora-plan",
            "senthilps8/continuous_ssl_problem",
            "thudm/glm",
        ),
        "its resume verdicts were seen before `dplen check --resumed-len rest` became the default",
    )
)
# After the held-out measurement of 2026-12-06 (session 11, code 09544f5), which counts it as held out:
MOVED_TO_TUNING["hannesstark/3dinfomax"] = (
    "its two batch samplers were DPL111's only false findings: read to see why, they are right"
    " by running (drop_last=True: len() 32, 31 batches in every epoch), while the corpus's judge"
    " of a random class passes a len() within one batch of the mean count"
)
# After the held-out measurement of 2026-12-07 (session 12, code 35f7cf9), which counts it as held out:
MOVED_TO_TUNING["sijieren/sijie-phd-code"] = (
    "two of its wrong classes went from found to 'could not build' with the call sites' kind of"
    " sampler (check/callers.py); bisected by outcome only (code not read): when nothing of the"
    " callers' kind builds a class, the search now draws samplers of any kind"
)


def project_key(name: str) -> str:
    """``Owner/Name`` -> ``owner/name``; ``Some_Package`` -> ``some-package`` (PEP 503)."""
    name = name.strip().lower()
    if "/" in name:
        return name
    return "-".join(part for part in name.replace("_", "-").replace(".", "-").split("-") if part)


def hashed_heldout(name: str) -> bool:
    digest = hashlib.sha256(project_key(name).encode("utf-8")).digest()
    return int.from_bytes(digest[:8], "big") / 2**64 < HELDOUT_FRACTION


def part(name: str) -> str:
    """'heldout' or 'tuning'."""
    if project_key(name) in MOVED_TO_TUNING:
        return "tuning"
    return "heldout" if hashed_heldout(name) else "tuning"
# After the held-out measurement of 2026-12-07 (session 13, code c1c676a), which counts them as held out:
MOVED_TO_TUNING.update(
    dict.fromkeys(
        ("adambielski/siamese-triplet", "euwern/proxynca_pp"),
        "a wrong class of each went from found to an internal error (a keys-named parameter drawn as"
        " no collection) with check/opaque.py; bisected by outcome only (code not read): opaque.py"
        " was reverted and the group count made to tolerate such a value",
    )
)
# After the held-out measurement of 2026-12-07 (session 13, code 5cf647f), which counts it as held out:
MOVED_TO_TUNING["iigray/loom-train"] = (
    "its three classes crashed with 'dplen check: needs sortedcontainers: pip install"
    " sortedcontainers' although it was installed (read from the report's line only, code not"
    " read): a module on the path shadowing one that hypothesis imports no longer stops the"
    " check (cli/dependencies.py)"
)
# After the held-out measurement of 2026-12-07 (session 14, code c51102c), which counts them as held out;
# bisected by outcome only over the commits merged that session (code not read):
MOVED_TO_TUNING.update(
    dict.fromkeys(
        ("alimassalha/nlp_project", "ben-eliav/humanchoiceprediction"),
        "76f44ac (a key of a records column is another column) built four of their classes: two"
        " wrong ones found, two exact ones given a false counterexample; reverted",
    )
)
MOVED_TO_TUNING["modeltc/united-perception"] = (
    "b16a5e7's reading of a dataset column used as a mapping (an index of the items by group)"
    " turned a found wrong class into 'could not build'; that reading was taken out"
)
