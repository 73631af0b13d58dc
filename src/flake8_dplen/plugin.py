"""The flake8 face: options in, `DPLxxx` diagnostics out. All judgement is in the core."""

from __future__ import annotations

from typing import Iterator, List, Tuple

from . import __version__, rule_url
from .config import Config
from .core.prefilter import could_report, might_define_sampler


class DplenChecker:
    name = "flake8-dplen"
    version = __version__
    config = Config()

    def __init__(self, tree, lines: List[str], filename: str = "") -> None:
        # flake8's `ast` tree rules most files out before the model is built.
        self.tree = tree
        self.lines = lines
        self.filename = filename

    @classmethod
    def add_options(cls, parser) -> None:
        parser.add_option(
            "--dplen-sampler-bases",
            default="",
            parse_from_config=True,
            comma_separated_list=True,
            help="More base classes (dotted names) whose subclasses are samplers, "
            "e.g. mypkg.data.BaseSampler. (Default: none)",
        )

    @classmethod
    def parse_options(cls, options) -> None:
        cls.config = Config(sampler_bases=tuple(b for b in options.dplen_sampler_bases if b))

    def run(self) -> Iterator[Tuple[int, int, str, type]]:
        source = "".join(self.lines)
        try:
            if not might_define_sampler(source, self.config):
                return
            if self.tree is not None and not could_report(self.tree, self.config):
                return
            from .engine import analyze_text

            try:
                # The model reads flake8's own `ast` tree: LibCST is never imported here.
                _, located = analyze_text(source, self.config, self.filename, self.tree)
            except SyntaxError:
                # Only without flake8's tree (flake8 reports E999 for what this Python
                # cannot parse, and runs no plugin on it): nothing the model can read.
                return
        except RecursionError:
            yield (
                1,
                0,
                "DPL000 flake8-dplen could not analyse this file: RecursionError (nesting too deep)",
                type(self),
            )
            return
        except Exception as exc:  # a plugin exception would abort the whole flake8 run
            yield (
                1,
                0,
                f"DPL000 flake8-dplen internal error: {type(exc).__name__}; please report it",
                type(self),
            )
            return
        for item in located:
            code = item.finding.code
            # The fix or the reason there is none is on the rule's page and in `dplen fix`.
            yield item.line, item.column, f"{code} {item.finding.message} {rule_url(code)}", type(self)
