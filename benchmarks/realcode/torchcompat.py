"""torch 2.13 as the samplers' own torch behaved, where that decides whether they run at all.

No import of ours: the wild corpus copies this file beside its stand-ins, so that every
process of a project (the truth child and `dplen check` alike) starts with it."""


def old_sampler_init() -> None:
    """Many samplers call `super().__init__(data_source)`: torch 2.13's Sampler no longer
    defines __init__, so they raise TypeError before anything can be checked. Sampler gets
    back the `__init__(self, data_source=None)` that ignored its argument in the torch they
    were written for; nothing else changes. (The wild corpus's child calls it too.)"""
    import torch.utils.data

    torch.utils.data.Sampler.__init__ = lambda self, data_source=None: None
