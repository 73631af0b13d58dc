"""The analysis core: which classes are samplers, what flows into their `__len__`, what
their `__iter__` shows, and how values round. The rules judge; this only describes."""
