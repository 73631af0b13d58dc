"""What `dplen check` cannot generate for the installed samplers (README, "dplen check"):
opacus' optimizer. Registered by bare class name, so that it serves the splitter of any
opacus release, however its module was loaded.

  dplen check opacus.utils --factories benchmarks/check_factories.py
"""

from hypothesis import strategies as st

from flake8_dplen.check import register


def dp_optimizer():
    """A real DPOptimizer; the splitter only tells it where a logical batch ends."""
    import torch
    from opacus.optimizers import DPOptimizer

    model = torch.nn.Linear(1, 1)
    sgd = torch.optim.SGD(model.parameters(), lr=0.1)
    return DPOptimizer(sgd, noise_multiplier=0.0, max_grad_norm=1.0, expected_batch_size=1)


register("BatchSplittingSampler", args={"optimizer": st.builds(dp_optimizer)})
