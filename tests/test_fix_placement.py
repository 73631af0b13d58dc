"""Where the codemod puts the Poisson helper it adds: before the first class that calls
it (so a `__main__` block after the class finds it), in the file's own line endings."""

import runpy

from rule_cases import case

from flake8_dplen.engine import analyze_source
from flake8_dplen.fixes.rewrite import apply, plan

POISSON = case("DPL101", "invalid_opacus_1_4_1_poisson_path").source
MAIN = (
    '\n\nif __name__ == "__main__":\n'
    "    poisson = Poisson(num_samples=100, sample_rate=0.1, steps=5)\n"
    "    print(len(Splitter(poisson, max_batch_size=4)))\n"
)


def _fix(source: str) -> str:
    module, located = analyze_source(source)
    planned = plan(source, located)
    assert planned.fixes and any(item.finding.fix.helper for item in planned.fixes)
    return apply(module, planned).code


def test_a_main_block_after_the_class_runs(tmp_path, capsys):
    fixed = _fix(POISSON.replace("  # <- DPL101", "") + MAIN)
    assert fixed.index("def _dplen_expected_pieces") < fixed.index("class Splitter")
    script = tmp_path / "script.py"
    script.write_text(fixed)
    runpy.run_path(str(script), run_name="__main__")
    # 5 steps of Binomial(100, 0.1) batches split at 4: about 3 pieces a step.
    assert 10 <= int(capsys.readouterr().out) <= 20


def test_the_helper_keeps_crlf_line_endings():
    fixed = _fix(POISSON.replace("\n", "\r\n"))
    assert "\n" not in fixed.replace("\r\n", "")
    assert "def _dplen_expected_pieces" in fixed
