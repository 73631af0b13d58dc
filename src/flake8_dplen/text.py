"""Wording shared by every face's messages."""


def plural(number: int, one: str, many: str = "") -> str:
    """`1 file`, `2 files`; `many` where adding an s is wrong (`sampler classes`)."""
    return f"{number} {one if number == 1 else (many or one + 's')}"
