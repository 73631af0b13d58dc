"""VALID and INVALID examples of every rule: documentation and tests at once.

An INVALID example is a module in which the rule must report at least once; the line
marked `# <- DPLxxx` is where. A VALID example is a module in which it must stay silent.
"""

# ---------------------------------------------------------------- DPL101: int()
DPL101_INVALID = (
    # opacus 1.0-1.4.1 BatchSplittingSampler: int() drops the last physical batch.
    """
import math
from typing import List
import numpy as np
from torch.utils.data import BatchSampler, Sampler


class BatchSplittingSampler(Sampler[List[int]]):
    def __init__(self, *, sampler, max_batch_size: int, optimizer):
        self.sampler = sampler
        self.max_batch_size = max_batch_size

    def __iter__(self):
        for batch_idxs in self.sampler:
            split_idxs = np.array_split(batch_idxs, math.ceil(len(batch_idxs) / self.max_batch_size))
            for x in split_idxs:
                yield x.tolist()

    def __len__(self):
        if isinstance(self.sampler, BatchSampler):
            return int(  # <- DPL101
                len(self.sampler) * (self.sampler.batch_size / self.max_batch_size)
            )
        return len(self.sampler)
""",
    # Plain Sampler, true division.
    """
from torch.utils.data import Sampler


class Chunks(Sampler):
    def __init__(self, n: int, bs: int):
        self.n, self.bs = n, bs

    def __iter__(self):
        for start in range(0, self.n, self.bs):
            yield list(range(start, min(start + self.bs, self.n)))

    def __len__(self):
        return int(self.n / self.bs)  # <- DPL101
""",
    # Aliased module import.
    """
import torch.utils.data as tud


class Chunks(tud.Sampler):
    def __init__(self, data, batch_size):
        self.data = data
        self.batch_size = batch_size

    def __iter__(self):
        for start in range(0, len(self.data), self.batch_size):
            yield list(range(start, min(start + self.batch_size, len(self.data))))

    def __len__(self):
        return int(len(self.data) / self.batch_size)  # <- DPL101
""",
    # Aliased class import from torch.utils.data.sampler, generic base.
    """
from typing import Iterator, List
from torch.utils.data.sampler import Sampler as S


class Chunks(S[List[int]]):
    def __init__(self, n, batch_size):
        self.n = n
        self.batch_size = batch_size

    def __iter__(self) -> Iterator[List[int]]:
        for start in range(0, self.n, self.batch_size):
            yield list(range(start, min(start + self.batch_size, self.n)))

    def __len__(self) -> int:
        return int(self.n / self.batch_size)  # <- DPL101
""",
    # The rounding happens in __init__ and reaches __len__ through self.num_batches.
    """
import torch


class Chunks(torch.utils.data.Sampler):
    def __init__(self, n, batch_size):
        self.n = n
        self.batch_size = batch_size
        self.num_batches = int(n / batch_size)  # <- DPL101

    def __iter__(self):
        for start in range(0, self.n, self.batch_size):
            yield list(range(start, min(start + self.batch_size, self.n)))

    def __len__(self):
        return self.num_batches
""",
    # Through a local variable.
    """
import math
from torch.utils.data import Sampler


class Split(Sampler):
    def __init__(self, batches, max_size):
        self.batches = batches
        self.max_size = max_size

    def __iter__(self):
        for batch in self.batches:
            for i in range(math.ceil(len(batch) / self.max_size)):
                yield batch[i * self.max_size:(i + 1) * self.max_size]

    def __len__(self):
        ratio = len(self.batches) * 1.5
        count = int(ratio)  # <- DPL101
        return count
""",
    # Through a helper method.
    """
from torch.utils.data import Sampler


class Chunks(Sampler):
    def __init__(self, n, bs):
        self.n, self.bs = n, bs

    def _num_batches(self):
        return int(self.n / self.bs)  # <- DPL101

    def __iter__(self):
        for start in range(0, self.n, self.bs):
            yield list(range(start, min(start + self.bs, self.n)))

    def __len__(self):
        return self._num_batches()
""",
    # Through a property.
    """
from torch.utils.data import Sampler


class Chunks(Sampler):
    def __init__(self, n, bs):
        self.n, self.bs = n, bs

    @property
    def num_batches(self):
        return int(self.n / self.bs)  # <- DPL101

    def __iter__(self):
        for start in range(0, self.n, self.bs):
            yield list(range(start, min(start + self.bs, self.n)))

    def __len__(self):
        return self.num_batches
""",
    # Sampler by inheritance inside the module.
    """
from torch.utils.data import Sampler


class Base(Sampler):
    pass


class Chunks(Base):
    def __init__(self, n, bs):
        self.n, self.bs = n, bs

    def __iter__(self):
        for start in range(0, self.n, self.bs):
            yield list(range(start, min(start + self.bs, self.n)))

    def __len__(self):
        return int(self.n / self.bs)  # <- DPL101
""",
    # drop_last=False path: the tail is yielded when drop_last is false.
    """
from torch.utils.data import BatchSampler


class MyBatchSampler(BatchSampler):
    def __iter__(self):
        batch = []
        for idx in self.sampler:
            batch.append(idx)
            if len(batch) == self.batch_size:
                yield batch
                batch = []
        if batch and not self.drop_last:
            yield batch

    def __len__(self):
        if self.drop_last:
            return len(self.sampler) // self.batch_size
        return int(len(self.sampler) / self.batch_size)  # <- DPL101
""",
    # A float-annotated rate parameter makes the product fractional.
    """
from torch.utils.data import DistributedSampler


class Fraction(DistributedSampler):
    def __init__(self, dataset, rate: float, batch_size: int):
        self.dataset = dataset
        self.rate = rate
        self.batch_size = batch_size

    def __iter__(self):
        n = len(self.dataset)
        for start in range(0, n, self.batch_size):
            yield list(range(start, min(start + self.batch_size, n)))

    def __len__(self):
        return int(len(self.dataset) * self.rate)  # <- DPL101
""",
    # A module-level constant carries the float.
    """
from torch.utils.data import Sampler

KEEP = 0.8


class Subsample(Sampler):
    def __init__(self, n, bs):
        self.n, self.bs = n, bs

    def __iter__(self):
        for start in range(0, self.n, self.bs):
            yield list(range(start, min(start + self.bs, self.n)))

    def __len__(self):
        return int(self.n * KEEP)  # <- DPL101
""",
    # From opacus 1.4.1 (reduced): the fixed-size path of a batch-splitting sampler.
    """
import math

import numpy as np
from torch.utils.data import BatchSampler, Sampler


class Splitter(Sampler):
    def __init__(self, sampler, max_batch_size: int):
        self.sampler = sampler
        self.max_batch_size = max_batch_size

    def __iter__(self):
        for batch in self.sampler:
            pieces = np.array_split(batch, math.ceil(len(batch) / self.max_batch_size))
            yield from (p.tolist() for p in pieces)

    def __len__(self):
        if isinstance(self.sampler, BatchSampler):
            return int(len(self.sampler) * (self.sampler.batch_size / self.max_batch_size))  # <- DPL101
        return len(self.sampler)
""",
    # From opacus 1.4.1 (reduced): the Poisson path; the count is random and the fix is its expectation.
    """
import math

import numpy as np
import torch
from torch.utils.data import Sampler


class Poisson(Sampler):
    def __init__(self, num_samples, sample_rate, steps):
        self.num_samples = num_samples
        self.sample_rate = sample_rate
        self.steps = steps

    def __iter__(self):
        for _ in range(self.steps):
            yield (torch.rand(self.num_samples) < self.sample_rate).nonzero().reshape(-1).tolist()

    def __len__(self):
        return self.steps


class Splitter(Sampler):
    def __init__(self, sampler, max_batch_size: int):
        self.sampler = sampler
        self.max_batch_size = max_batch_size

    def __iter__(self):
        for batch in self.sampler:
            if len(batch) == 0:
                yield []
                continue
            pieces = np.array_split(batch, math.ceil(len(batch) / self.max_batch_size))
            yield from (p.tolist() for p in pieces)

    def __len__(self):
        if isinstance(self.sampler, Poisson):
            expected_batch_size = self.sampler.sample_rate * self.sampler.num_samples
            return int(len(self.sampler) * (expected_batch_size / self.max_batch_size))  # <- DPL101
        return len(self.sampler)
""",
)

DPL101_VALID = (
    # int() of an integer value.
    """
from torch.utils.data import Sampler


class Seq(Sampler):
    def __init__(self, data):
        self.data = data

    def __iter__(self):
        return iter(range(len(self.data)))

    def __len__(self):
        return int(len(self.data))
""",
    # int() of a floor division.
    """
from torch.utils.data import Sampler


class Chunks(Sampler):
    def __init__(self, n, bs):
        self.n, self.bs = n, bs

    def __iter__(self):
        for i in range(self.n // self.bs):
            yield list(range(i * self.bs, (i + 1) * self.bs))

    def __len__(self):
        return int(self.n // self.bs)
""",
    # int() of an attribute that holds an int.
    """
from torch.utils.data import Sampler


class Fixed(Sampler):
    def __init__(self, data):
        self.n = len(data)

    def __iter__(self):
        return iter(range(self.n))

    def __len__(self):
        return int(self.n)
""",
    # ceil is right when the tail is yielded.
    """
import math
from torch.utils.data import Sampler


class Chunks(Sampler):
    def __init__(self, n, bs):
        self.n, self.bs = n, bs

    def __iter__(self):
        for start in range(0, self.n, self.bs):
            yield list(range(start, min(start + self.bs, self.n)))

    def __len__(self):
        return math.ceil(self.n / self.bs)
""",
    # int() under drop_last: the tail is dropped.
    """
from torch.utils.data import Sampler


class Chunks(Sampler):
    def __init__(self, n, bs, drop_last):
        self.n, self.bs, self.drop_last = n, bs, drop_last

    def __iter__(self):
        for start in range(0, self.n, self.bs):
            if self.drop_last and start + self.bs > self.n:
                return
            yield list(range(start, min(start + self.bs, self.n)))

    def __len__(self):
        if self.drop_last:
            return int(self.n / self.bs)
        return -(-self.n // self.bs)
""",
    # Not a sampler: a Dataset's __len__ is never reported.
    """
from torch.utils.data import Dataset


class Windows(Dataset):
    def __init__(self, n, size):
        self.n, self.size = n, size

    def __getitem__(self, i):
        return i

    def __len__(self):
        return int(self.n / self.size)
""",
    # Not a sampler: a plain class.
    """
class Pager:
    def __init__(self, n, size):
        self.n, self.size = n, size

    def __iter__(self):
        yield from range(self.n)

    def __len__(self):
        return int(self.n / self.size)
""",
    # A class named Sampler that is not torch's.
    """
from mylib import Sampler


class Pages(Sampler):
    def __init__(self, n, size):
        self.n, self.size = n, size

    def __iter__(self):
        yield from range(0, self.n, self.size)

    def __len__(self):
        return int(self.n / self.size)
""",
    # The int() is in __iter__, not on the way to __len__.
    """
from torch.utils.data import Sampler


class Chunks(Sampler):
    def __init__(self, n, bs):
        self.n, self.bs = n, bs

    def __iter__(self):
        half = int(self.n / 2)
        yield from range(half)
        yield from range(half, self.n)

    def __len__(self):
        return self.n
""",
    # The same truncated count bounds __iter__ (that is DPL201, not DPL101).
    """
import torch
from torch.utils.data import Sampler


class Poisson(Sampler):
    def __init__(self, num_samples, sample_rate):
        self.num_samples = num_samples
        self.sample_rate = sample_rate
        self.steps = int(1 / sample_rate)

    def __len__(self):
        return self.steps

    def __iter__(self):
        for _ in range(self.steps):
            mask = torch.rand(self.num_samples) < self.sample_rate
            yield mask.nonzero().reshape(-1).tolist()
""",
    # __iter__ loops over range(len(self)): len() is the count by construction.
    """
from torch.utils.data import Sampler


class Fixed(Sampler):
    def __init__(self, n, bs):
        self.n, self.bs = n, bs

    def __iter__(self):
        for i in range(len(self)):
            yield list(range(i * self.bs, (i + 1) * self.bs))

    def __len__(self):
        return int(self.n / self.bs)
""",
    # int() of a min() over whole numbers that starts from float('inf').
    """
from torch.utils.data import Sampler


class Zip(Sampler):
    def __init__(self, samplers, batch_sizes):
        self.samplers = samplers
        self.batch_sizes = batch_sizes

    def __iter__(self):
        iterators = [iter(s) for s in self.samplers]
        while True:
            try:
                yield [next(it) for it, b in zip(iterators, self.batch_sizes) for _ in range(b)]
            except StopIteration:
                return

    def __len__(self):
        shortest = float("inf")
        for sampler, b in zip(self.samplers, self.batch_sizes):
            shortest = min(len(sampler) // b, shortest)
        return int(shortest)
""",
)

# ---------------------------------------------------------------- DPL102: floor
DPL102_INVALID = (
    """
import math
from torch.utils.data import Sampler


class Chunks(Sampler):
    def __init__(self, n, bs):
        self.n, self.bs = n, bs

    def __iter__(self):
        for start in range(0, self.n, self.bs):
            yield list(range(start, min(start + self.bs, self.n)))

    def __len__(self):
        return math.floor(self.n / self.bs)  # <- DPL102
""",
    """
from math import floor
from torch.utils.data import Sampler


class Chunks(Sampler):
    def __init__(self, n, bs):
        self.n, self.bs = n, bs

    def __iter__(self):
        for start in range(0, self.n, self.bs):
            yield list(range(start, min(start + self.bs, self.n)))

    def __len__(self):
        return floor(self.n / self.bs)  # <- DPL102
""",
    """
from math import floor as fl
import torch.utils.data as tud


class Chunks(tud.Sampler):
    def __init__(self, n, bs):
        self.n, self.bs = n, bs

    def __iter__(self):
        for start in range(0, self.n, self.bs):
            yield list(range(start, min(start + self.bs, self.n)))

    def __len__(self):
        return fl(self.n / self.bs)  # <- DPL102
""",
    """
import numpy as np
from torch.utils.data import Sampler


class Chunks(Sampler):
    def __init__(self, n, bs):
        self.n, self.bs = n, bs

    def __iter__(self):
        for start in range(0, self.n, self.bs):
            yield list(range(start, min(start + self.bs, self.n)))

    def __len__(self):
        return int(np.floor(self.n / self.bs))  # <- DPL102
""",
    """
import numpy
from torch.utils.data.sampler import BatchSampler


class Chunks(BatchSampler):
    def __iter__(self):
        batch = []
        for idx in self.sampler:
            batch.append(idx)
            if len(batch) == self.batch_size:
                yield batch
                batch = []
        if batch:
            yield batch

    def __len__(self):
        return int(numpy.floor(len(self.sampler) / self.batch_size))  # <- DPL102
""",
    """
import torch
from torch.utils.data import Sampler


class Chunks(Sampler):
    def __init__(self, n, bs):
        self.n, self.bs = n, bs

    def __iter__(self):
        for start in range(0, self.n, self.bs):
            yield list(range(start, min(start + self.bs, self.n)))

    def __len__(self):
        return int(torch.floor(torch.tensor(self.n / self.bs)))  # <- DPL102
""",
    # In __init__, through an attribute.
    """
import math
from torch.utils.data import RandomSampler


class Chunks(RandomSampler):
    def __init__(self, data, bs):
        self.data = data
        self.bs = bs
        self.count = math.floor(len(data) / bs)  # <- DPL102

    def __iter__(self):
        for start in range(0, len(self.data), self.bs):
            yield list(range(start, min(start + self.bs, len(self.data))))

    def __len__(self):
        return self.count
""",
    # Through a helper method.
    """
import math
from torch.utils.data import SequentialSampler


class Chunks(SequentialSampler):
    def __init__(self, data, bs):
        self.data, self.bs = data, bs

    def batches(self):
        return math.floor(len(self.data) / self.bs)  # <- DPL102

    def __iter__(self):
        for start in range(0, len(self.data), self.bs):
            yield list(range(start, min(start + self.bs, len(self.data))))

    def __len__(self):
        return self.batches()
""",
    # math.trunc floors too for counts.
    """
import math
from torch.utils.data import Sampler


class Chunks(Sampler):
    def __init__(self, n, bs):
        self.n, self.bs = n, bs

    def __iter__(self):
        for start in range(0, self.n, self.bs):
            yield list(range(start, min(start + self.bs, self.n)))

    def __len__(self):
        return math.trunc(self.n / self.bs)  # <- DPL102
""",
    # The drop_last=False path.
    """
import math
from torch.utils.data import BatchSampler


class MyBatches(BatchSampler):
    def __iter__(self):
        batch = []
        for idx in self.sampler:
            batch.append(idx)
            if len(batch) == self.batch_size:
                yield batch
                batch = []
        if batch and not self.drop_last:
            yield batch

    def __len__(self):
        if not self.drop_last:
            return math.floor(len(self.sampler) / self.batch_size)  # <- DPL102
        return len(self.sampler) // self.batch_size
""",
    # Through a property, with a subscripted generic base.
    """
import math
from typing import List
from torch.utils.data import WeightedRandomSampler


class Chunks(WeightedRandomSampler):
    @property
    def num_batches(self):
        return math.floor(self.num_samples / 4)  # <- DPL102

    def __iter__(self):
        for start in range(0, self.num_samples, 4):
            yield list(range(start, min(start + 4, self.num_samples)))

    def __len__(self):
        return self.num_batches
""",
)

DPL102_VALID = (
    """
import math
from torch.utils.data import Sampler


class Chunks(Sampler):
    def __init__(self, n, bs, drop_last):
        self.n, self.bs, self.drop_last = n, bs, drop_last

    def __iter__(self):
        for start in range(0, self.n, self.bs):
            yield list(range(start, min(start + self.bs, self.n)))

    def __len__(self):
        if self.drop_last:
            return math.floor(self.n / self.bs)
        return math.ceil(self.n / self.bs)
""",
    """
import math
from torch.utils.data import Sampler


class Chunks(Sampler):
    def __init__(self, n, bs):
        self.n, self.bs = n, bs

    def __iter__(self):
        for i in range(len(self)):
            yield list(range(i * self.bs, (i + 1) * self.bs))

    def __len__(self):
        return math.floor(self.n / self.bs)
""",
    """
import math
from torch.utils.data import Dataset


class Windows(Dataset):
    def __len__(self):
        return math.floor(self.n / self.size)
""",
    """
import math


class NotASampler:
    def __iter__(self):
        yield from range(10)

    def __len__(self):
        return math.floor(10 / 3)
""",
    """
import math
from torch.utils.data import Sampler


class Chunks(Sampler):
    def __init__(self, n, bs):
        self.n, self.bs = n, bs
        self.steps = math.floor(n / bs)

    def __iter__(self):
        for i in range(self.steps):
            yield list(range(i * self.bs, (i + 1) * self.bs))

    def __len__(self):
        return self.n
""",
    """
import math
from torch.utils.data import Sampler


class Chunks(Sampler):
    def __init__(self, n, bs):
        self.n, self.bs = n, bs

    def __iter__(self):
        yield from range(math.floor(self.n / self.bs))

    def __len__(self):
        return (self.n + self.bs - 1) // self.bs
""",
    """
from math import floor
from torch.utils.data import Sampler


class Chunks(Sampler):
    def __init__(self, n, bs, drop_last):
        self.n, self.bs, self.drop_last = n, bs, drop_last
        if drop_last:
            self.count = floor(n / bs)
        else:
            self.count = -(-n // bs)

    def __iter__(self):
        for start in range(0, self.n, self.bs):
            yield list(range(start, min(start + self.bs, self.n)))

    def __len__(self):
        return self.count
""",
    """
import math
from torch.utils.data import Sampler


class Chunks(Sampler):
    def __init__(self, n, bs, drop_last):
        self.n, self.bs, self.drop_last = n, bs, drop_last

    def __iter__(self):
        for start in range(0, self.n, self.bs):
            yield list(range(start, min(start + self.bs, self.n)))

    def __len__(self):
        return math.floor(self.n / self.bs) if self.drop_last else math.ceil(self.n / self.bs)
""",
    """
import math
from torch.utils.data import Sampler


class Chunks(Sampler):
    def __init__(self, n, bs, drop_last):
        self.n, self.bs, self.drop_last = n, bs, drop_last

    def __iter__(self):
        for start in range(0, self.n, self.bs):
            yield list(range(start, min(start + self.bs, self.n)))

    def __len__(self):
        if not self.drop_last:
            return math.ceil(self.n / self.bs)
        return math.floor(self.n / self.bs)
""",
    """
import math
from torch.utils.data import Sampler


class Chunks(Sampler):
    def __init__(self, n, bs):
        self.n, self.bs = n, bs

    def __iter__(self):
        steps = self.steps
        while steps > 0:
            yield [0] * self.bs
            steps -= 1

    @property
    def steps(self):
        return math.floor(self.n / self.bs)

    def __len__(self):
        return self.steps
""",
)

# ---------------------------------------------------------------- DPL103: //
DPL103_INVALID = (
    """
from torch.utils.data import Sampler


class Chunks(Sampler):
    def __init__(self, n, bs):
        self.n, self.bs = n, bs

    def __iter__(self):
        for start in range(0, self.n, self.bs):
            yield list(range(start, min(start + self.bs, self.n)))

    def __len__(self):
        return self.n // self.bs  # <- DPL103
""",
    """
import torch.utils.data as tud


class MyBatches(tud.BatchSampler):
    def __iter__(self):
        batch = []
        for idx in self.sampler:
            batch.append(idx)
            if len(batch) == self.batch_size:
                yield batch
                batch = []
        if batch:
            yield batch

    def __len__(self):
        return len(self.sampler) // self.batch_size  # <- DPL103
""",
    # drop_last=False path of a tail guarded by drop_last.
    """
from torch.utils.data import BatchSampler as BS


class MyBatches(BS):
    def __iter__(self):
        batch = []
        for idx in self.sampler:
            batch.append(idx)
            if len(batch) == self.batch_size:
                yield batch
                batch = []
        if len(batch) > 0 and not self.drop_last:
            yield batch

    def __len__(self):
        return len(self.sampler) // self.batch_size  # <- DPL103
""",
    # In __init__ through an attribute.
    """
import math
import numpy as np
from torch.utils.data import Sampler


class Split(Sampler):
    def __init__(self, sampler, max_size, batch_size):
        self.sampler = sampler
        self.max_size = max_size
        self.count = len(sampler) * batch_size // max_size  # <- DPL103

    def __iter__(self):
        for batch in self.sampler:
            yield from np.array_split(batch, math.ceil(len(batch) / self.max_size))

    def __len__(self):
        return self.count
""",
    # Through a helper method.
    """
from torch.utils.data import Sampler


class Chunks(Sampler):
    def __init__(self, n, bs):
        self.n, self.bs = n, bs

    def _count(self):
        return self.n // self.bs  # <- DPL103

    def __iter__(self):
        for start in range(0, self.n, self.bs):
            yield list(range(start, min(start + self.bs, self.n)))

    def __len__(self):
        return self._count()
""",
    # Through a property.
    """
from torch.utils.data import Sampler


class Chunks(Sampler):
    def __init__(self, n, bs):
        self.n, self.bs = n, bs

    @property
    def count(self):
        return self.n // self.bs  # <- DPL103

    def __iter__(self):
        for start in range(0, self.n, self.bs):
            yield list(range(start, min(start + self.bs, self.n)))

    def __len__(self):
        return self.count
""",
    # Through a local.
    """
import torch
from torch.utils.data import Sampler


class Chunks(Sampler):
    def __init__(self, n, bs):
        self.n, self.bs = n, bs

    def __iter__(self):
        yield from torch.split(torch.arange(self.n), self.bs)

    def __len__(self):
        batches = self.n // self.bs  # <- DPL103
        return batches
""",
    # The drop_last=False branch of __len__ floors too.
    """
from torch.utils.data import BatchSampler


class MyBatches(BatchSampler):
    def __iter__(self):
        batch = []
        for idx in self.sampler:
            batch.append(idx)
            if len(batch) == self.batch_size:
                yield batch
                batch = []
        if batch and not self.drop_last:
            yield batch

    def __len__(self):
        if self.drop_last:
            return len(self.sampler) // self.batch_size
        else:
            return len(self.sampler) // self.batch_size  # <- DPL103
""",
    # Distributed subclass, torch.chunk in __iter__.
    """
import torch
from torch.utils.data.distributed import DistributedSampler


class Shards(DistributedSampler):
    def __init__(self, dataset, bs):
        self.dataset = dataset
        self.bs = bs

    def __iter__(self):
        idx = torch.arange(len(self.dataset))
        yield from torch.chunk(idx, -(-len(idx) // self.bs))

    def __len__(self):
        return len(self.dataset) // self.bs  # <- DPL103
""",
    # A user's own base class named in configuration is not needed: inheritance in-module.
    """
from torch.utils.data import SubsetRandomSampler


class Base(SubsetRandomSampler):
    pass


class Chunks(Base):
    def __init__(self, indices, bs):
        self.indices, self.bs = indices, bs

    def __iter__(self):
        for start in range(0, len(self.indices), self.bs):
            yield self.indices[start:start + self.bs]

    def __len__(self):
        return len(self.indices) // self.bs  # <- DPL103
""",
)

DPL103_VALID = (
    # torch's BatchSampler: // under drop_last, ceiling division otherwise.
    """
from torch.utils.data import Sampler


class MyBatches(Sampler):
    def __init__(self, sampler, batch_size, drop_last):
        self.sampler, self.batch_size, self.drop_last = sampler, batch_size, drop_last

    def __iter__(self):
        batch = []
        for idx in self.sampler:
            batch.append(idx)
            if len(batch) == self.batch_size:
                yield batch
                batch = []
        if batch and not self.drop_last:
            yield batch

    def __len__(self):
        if self.drop_last:
            return len(self.sampler) // self.batch_size
        return (len(self.sampler) + self.batch_size - 1) // self.batch_size
""",
    """
from torch.utils.data import Sampler


class Chunks(Sampler):
    def __init__(self, n, bs):
        self.n, self.bs = n, bs

    def __iter__(self):
        for start in range(0, self.n, self.bs):
            yield list(range(start, min(start + self.bs, self.n)))

    def __len__(self):
        return -(-self.n // self.bs)
""",
    """
from torch.utils.data import Sampler


class Chunks(Sampler):
    def __init__(self, n, bs):
        self.n, self.bs = n, bs

    def __iter__(self):
        for start in range(0, self.n, self.bs):
            yield list(range(start, min(start + self.bs, self.n)))

    def __len__(self):
        return (self.n - 1) // self.bs + 1
""",
    """
from torch.utils.data import Sampler


class Chunks(Sampler):
    def __init__(self, n, bs):
        self.n, self.bs = n, bs

    def __iter__(self):
        for start in range(0, self.n, self.bs):
            yield list(range(start, min(start + self.bs, self.n)))

    def __len__(self):
        return (self.n + (self.bs - 1)) // self.bs
""",
    # Full batches only: no evidence of a tail in __iter__.
    """
from torch.utils.data import Sampler


class FullBatches(Sampler):
    def __init__(self, n, bs):
        self.n, self.bs = n, bs

    def __iter__(self):
        for i in range(self.n // self.bs):
            yield list(range(i * self.bs, (i + 1) * self.bs))

    def __len__(self):
        return self.n // self.bs
""",
    # Pads up to len(self): the count is bound by len().
    """
from torch.utils.data import Sampler


class Padded(Sampler):
    def __init__(self, n, bs):
        self.n, self.bs = n, bs

    def __iter__(self):
        for i in range(len(self)):
            yield [(i * self.bs + j) % self.n for j in range(self.bs)]

    def __len__(self):
        return self.n // self.bs
""",
    # drop_last decided in __init__.
    """
from torch.utils.data import Sampler


class Chunks(Sampler):
    def __init__(self, n, bs, drop_last):
        self.n, self.bs, self.drop_last = n, bs, drop_last
        if drop_last:
            self.count = n // bs
        else:
            self.count = -(-n // bs)

    def __iter__(self):
        batch = []
        for i in range(self.n):
            batch.append(i)
            if len(batch) == self.bs:
                yield batch
                batch = []
        if batch and not self.drop_last:
            yield batch

    def __len__(self):
        return self.count
""",
    # Early return on the keep-last path; the // after it runs only under drop_last.
    """
from torch.utils.data import Sampler


class Chunks(Sampler):
    def __init__(self, n, bs, drop_last):
        self.n, self.bs, self.drop_last = n, bs, drop_last

    def __iter__(self):
        batch = []
        for i in range(self.n):
            batch.append(i)
            if len(batch) == self.bs:
                yield batch
                batch = []
        if batch and not self.drop_last:
            yield batch

    def __len__(self):
        if not self.drop_last:
            return (self.n + self.bs - 1) // self.bs
        return self.n // self.bs
""",
    # Conditional expression on drop_last.
    """
from torch.utils.data import Sampler


class Chunks(Sampler):
    def __init__(self, n, bs, drop_last):
        self.n, self.bs, self.drop_last = n, bs, drop_last

    def __iter__(self):
        batch = []
        for i in range(self.n):
            batch.append(i)
            if len(batch) == self.bs:
                yield batch
                batch = []
        if batch and not self.drop_last:
            yield batch

    def __len__(self):
        return self.n // self.bs if self.drop_last else -(-self.n // self.bs)
""",
    # Index sampler: // of the dataset over replicas, __iter__ yields indices, no batches.
    """
import torch
from torch.utils.data import Sampler


class Shard(Sampler):
    def __init__(self, dataset, num_replicas, rank):
        self.dataset = dataset
        self.num_replicas = num_replicas
        self.rank = rank
        self.num_samples = len(dataset) // num_replicas

    def __iter__(self):
        indices = torch.randperm(len(self.dataset)).tolist()
        indices = indices[: self.num_samples * self.num_replicas]
        return iter(indices[self.rank::self.num_replicas])

    def __len__(self):
        return self.num_samples
""",
    # A Dataset is never reported.
    """
from torch.utils.data import Dataset


class Windows(Dataset):
    def __init__(self, n, size):
        self.n, self.size = n, size

    def __iter__(self):
        for start in range(0, self.n, self.size):
            yield start

    def __len__(self):
        return self.n // self.size
""",
    # From sentence-transformers: the tail is added by an increment whose test takes the remainder.
    """
from torch.utils.data import Sampler


class Stream(Sampler):
    def __init__(self, n, batch_size, drop_last=False):
        self.n = n
        self.batch_size = batch_size
        self.drop_last = drop_last

    def __iter__(self):
        batch = []
        for i in range(self.n):
            batch.append(i)
            if len(batch) == self.batch_size:
                yield batch
                batch = []
        if not self.drop_last and batch:
            yield batch

    def __len__(self):
        count = self.n // self.batch_size
        if not self.drop_last and self.n % self.batch_size:
            count += 1
        return count
""",
    # From sentence-transformers: a // that counts pairs of items, not batches.
    """
from torch.utils.data import Sampler


class PairStream(Sampler):
    def __init__(self, groups, batch_size, drop_last=False):
        self.groups = groups
        self.batch_size = batch_size
        self.drop_last = drop_last
        self.stream_length = 2 * sum(len(g) // 2 for g in groups)

    def __iter__(self):
        batch = []
        for group in self.groups:
            for i in group[: len(group) // 2 * 2]:
                batch.append(i)
                if len(batch) == self.batch_size:
                    yield batch
                    batch = []
        if batch and not self.drop_last:
            yield batch

    def __len__(self):
        if self.drop_last:
            return self.stream_length // self.batch_size
        return -(-self.stream_length // self.batch_size)
""",
)

# ---------------------------------------------------------------- DPL104: round()
DPL104_INVALID = (
    """
from torch.utils.data import Sampler


class Chunks(Sampler):
    def __init__(self, n, bs):
        self.n, self.bs = n, bs

    def __iter__(self):
        for start in range(0, self.n, self.bs):
            yield list(range(start, min(start + self.bs, self.n)))

    def __len__(self):
        return round(self.n / self.bs)  # <- DPL104
""",
    """
import torch.utils.data as tud


class Chunks(tud.Sampler):
    def __init__(self, n, bs):
        self.n, self.bs = n, bs

    def __iter__(self):
        for start in range(0, self.n, self.bs):
            yield list(range(start, min(start + self.bs, self.n)))

    def __len__(self):
        return round(self.n / self.bs)  # <- DPL104
""",
    """
from torch.utils.data.sampler import Sampler as Base


class Chunks(Base):
    def __init__(self, n, bs):
        self.n, self.bs = n, bs
        self.count = round(n / bs)  # <- DPL104

    def __iter__(self):
        for start in range(0, self.n, self.bs):
            yield list(range(start, min(start + self.bs, self.n)))

    def __len__(self):
        return self.count
""",
    """
from torch.utils.data import Sampler


class Chunks(Sampler):
    def __init__(self, n, bs):
        self.n, self.bs = n, bs

    def _count(self):
        return round(self.n / self.bs)  # <- DPL104

    def __iter__(self):
        for start in range(0, self.n, self.bs):
            yield list(range(start, min(start + self.bs, self.n)))

    def __len__(self):
        return self._count()
""",
    """
from torch.utils.data import Sampler


class Chunks(Sampler):
    def __init__(self, n, bs):
        self.n, self.bs = n, bs

    @property
    def count(self):
        return round(self.n / self.bs)  # <- DPL104

    def __iter__(self):
        for start in range(0, self.n, self.bs):
            yield list(range(start, min(start + self.bs, self.n)))

    def __len__(self):
        return self.count
""",
    """
from torch.utils.data import Sampler


class Chunks(Sampler):
    def __init__(self, n, bs):
        self.n, self.bs = n, bs

    def __iter__(self):
        for start in range(0, self.n, self.bs):
            yield list(range(start, min(start + self.bs, self.n)))

    def __len__(self):
        count = round(self.n / self.bs)  # <- DPL104
        return count
""",
    # round() is wrong under drop_last too: it rounds 3.5 up to 4.
    """
from torch.utils.data import Sampler


class Chunks(Sampler):
    def __init__(self, n, bs, drop_last):
        self.n, self.bs, self.drop_last = n, bs, drop_last

    def __iter__(self):
        batch = []
        for i in range(self.n):
            batch.append(i)
            if len(batch) == self.bs:
                yield batch
                batch = []
        if batch and not self.drop_last:
            yield batch

    def __len__(self):
        if self.drop_last:
            return round(self.n / self.bs)  # <- DPL104
        return -(-self.n // self.bs)
""",
    """
from torch.utils.data import BatchSampler


class MyBatches(BatchSampler):
    def __iter__(self):
        batch = []
        for idx in self.sampler:
            batch.append(idx)
            if len(batch) == self.batch_size:
                yield batch
                batch = []
        if batch:
            yield batch

    def __len__(self):
        return round(len(self.sampler) / self.batch_size)  # <- DPL104
""",
    """
from torch.utils.data import Sampler

SHARE = 0.5


class Half(Sampler):
    def __init__(self, n, bs):
        self.n, self.bs = n, bs

    def __iter__(self):
        for start in range(0, self.n, self.bs):
            yield list(range(start, min(start + self.bs, self.n)))

    def __len__(self):
        return round(self.n * SHARE)  # <- DPL104
""",
    """
from torch.utils.data import Sampler


class Base(Sampler):
    pass


class Chunks(Base):
    def __init__(self, n, bs):
        self.n, self.bs = n, bs

    def __iter__(self):
        for start in range(0, self.n, self.bs):
            yield list(range(start, min(start + self.bs, self.n)))

    def __len__(self):
        return round(self.n / self.bs)  # <- DPL104
""",
)

DPL104_VALID = (
    """
from torch.utils.data import Sampler


class Seq(Sampler):
    def __init__(self, data):
        self.data = data

    def __iter__(self):
        return iter(range(len(self.data)))

    def __len__(self):
        return round(len(self.data))
""",
    """
from torch.utils.data import Sampler


class Fixed(Sampler):
    def __init__(self, n, bs):
        self.n, self.bs = n, bs

    def __iter__(self):
        for i in range(len(self)):
            yield [i]

    def __len__(self):
        return round(self.n / self.bs)
""",
    """
from torch.utils.data import Dataset


class Windows(Dataset):
    def __len__(self):
        return round(self.n / self.size)
""",
    """
class Plain:
    def __iter__(self):
        yield 1

    def __len__(self):
        return round(3 / 2)
""",
    """
from torch.utils.data import Sampler


class Chunks(Sampler):
    def __init__(self, n, bs):
        self.n, self.bs = n, bs

    def __iter__(self):
        scale = round(self.n / self.bs)
        yield from range(scale)

    def __len__(self):
        return self.n
""",
    """
import math
from torch.utils.data import Sampler


class Chunks(Sampler):
    def __init__(self, n, bs):
        self.n, self.bs = n, bs

    def __iter__(self):
        for start in range(0, self.n, self.bs):
            yield list(range(start, min(start + self.bs, self.n)))

    def __len__(self):
        return math.ceil(self.n / self.bs)
""",
    """
from torch.utils.data import Sampler


class Chunks(Sampler):
    def __init__(self, n, steps):
        self.n = n
        self.steps = round(n / 10)

    def __iter__(self):
        for _ in range(self.steps):
            yield [0]

    def __len__(self):
        return self.steps
""",
    """
from torch.utils.data import Sampler


class Chunks(Sampler):
    def __init__(self, n, bs):
        self.n, self.bs = n, bs

    def __iter__(self):
        for start in range(0, self.n, self.bs):
            yield list(range(start, min(start + self.bs, self.n)))

    def __len__(self):
        return round(self.n // self.bs) + (self.n % self.bs > 0)
""",
    """
from mylib import Sampler


class Chunks(Sampler):
    def __len__(self):
        return round(self.n / self.bs)
""",
    """
from torch.utils.data import Sampler


class Chunks(Sampler):
    def __init__(self, n, bs):
        self.n, self.bs = n, bs

    def describe(self):
        return round(self.n / self.bs, 2)

    def __iter__(self):
        for start in range(0, self.n, self.bs):
            yield list(range(start, min(start + self.bs, self.n)))

    def __len__(self):
        return -(-self.n // self.bs)
""",
)

# ---------------------------------------------------------------- DPL105: aggregate ratio
DPL105_INVALID = (
    # opacus 1.5-1.6 BatchSplittingSampler: ceil of the aggregate ratio.
    """
import math
from typing import List
import numpy as np
from torch.utils.data import BatchSampler, Sampler


class BatchSplittingSampler(Sampler[List[int]]):
    def __init__(self, *, sampler, max_batch_size: int, optimizer):
        self.sampler = sampler
        self.max_batch_size = max_batch_size

    def __iter__(self):
        for batch_idxs in self.sampler:
            split_idxs = np.array_split(batch_idxs, math.ceil(len(batch_idxs) / self.max_batch_size))
            for x in split_idxs:
                yield x.tolist()

    def __len__(self):
        if isinstance(self.sampler, BatchSampler):
            return math.ceil(  # <- DPL105
                len(self.sampler) * (self.sampler.batch_size / self.max_batch_size)
            )
        return len(self.sampler)
""",
    """
import math
from torch.utils.data import Sampler


class Split(Sampler):
    def __init__(self, batches, batch_size, max_size: int):
        self.batches = batches
        self.batch_size = batch_size
        self.max_size = max_size

    def __iter__(self):
        for batch in self.batches:
            for i in range(math.ceil(len(batch) / self.max_size)):
                yield batch[i * self.max_size:(i + 1) * self.max_size]

    def __len__(self):
        return math.ceil(len(self.batches) * self.batch_size / self.max_size)  # <- DPL105
""",
    # `from math import ceil` spelling.
    """
import math
from math import ceil
from torch.utils.data import Sampler


class Split(Sampler):
    def __init__(self, batches, batch_size, max_size: int):
        self.batches = batches
        self.batch_size = batch_size
        self.max_size = max_size

    def __iter__(self):
        for batch in self.batches:
            for i in range(math.ceil(len(batch) / self.max_size)):
                yield batch[i * self.max_size:(i + 1) * self.max_size]

    def __len__(self):
        return ceil(len(self.batches) * (self.batch_size / self.max_size))  # <- DPL105
""",
    # `import math as m` alias and a module alias for torch.
    """
import math
import math as m
import torch.utils.data as tud


class Split(tud.Sampler):
    def __init__(self, batches, batch_size, max_size: int):
        self.batches = batches
        self.batch_size = batch_size
        self.max_size = max_size

    def __iter__(self):
        for batch in self.batches:
            for i in range(math.ceil(len(batch) / self.max_size)):
                yield batch[i * self.max_size:(i + 1) * self.max_size]

    def __len__(self):
        return m.ceil(len(self.batches) * (self.batch_size / self.max_size))  # <- DPL105
""",
    # Through an attribute set in __init__.
    """
import math
from torch.utils.data import Sampler


class Split(Sampler):
    def __init__(self, batches, batch_size, max_size: int):
        self.batches = batches
        self.batch_size = batch_size
        self.max_size = max_size
        self.count = math.ceil(len(batches) * (batch_size / max_size))  # <- DPL105

    def __iter__(self):
        for batch in self.batches:
            for i in range(math.ceil(len(batch) / self.max_size)):
                yield batch[i * self.max_size:(i + 1) * self.max_size]

    def __len__(self):
        return self.count
""",
    # Through a property.
    """
import math
from torch.utils.data import Sampler


class Split(Sampler):
    def __init__(self, batches, batch_size, max_size: int):
        self.batches = batches
        self.batch_size = batch_size
        self.max_size = max_size

    def __iter__(self):
        for batch in self.batches:
            for i in range(math.ceil(len(batch) / self.max_size)):
                yield batch[i * self.max_size:(i + 1) * self.max_size]

    @property
    def count(self):
        return math.ceil(len(self.batches) * (self.batch_size / self.max_size))  # <- DPL105

    def __len__(self):
        return self.count
""",
    # Through a helper method.
    """
import math
from torch.utils.data import Sampler


class Split(Sampler):
    def __init__(self, batches, batch_size, max_size: int):
        self.batches = batches
        self.batch_size = batch_size
        self.max_size = max_size

    def __iter__(self):
        for batch in self.batches:
            for i in range(math.ceil(len(batch) / self.max_size)):
                yield batch[i * self.max_size:(i + 1) * self.max_size]

    def _count(self):
        return math.ceil(len(self.batches) * (self.batch_size / self.max_size))  # <- DPL105

    def __len__(self):
        return self._count()
""",
    # Through a local.
    """
import math
from torch.utils.data import Sampler


class Split(Sampler):
    def __init__(self, batches, batch_size, max_size: int):
        self.batches = batches
        self.batch_size = batch_size
        self.max_size = max_size

    def __iter__(self):
        for batch in self.batches:
            for i in range(math.ceil(len(batch) / self.max_size)):
                yield batch[i * self.max_size:(i + 1) * self.max_size]

    def __len__(self):
        expected = len(self.batches) * (self.batch_size / self.max_size)
        return math.ceil(expected)  # <- DPL105
""",
    # numpy.ceil of the ratio.
    """
import math
import numpy as np
from torch.utils.data import Sampler


class Split(Sampler):
    def __init__(self, batches, batch_size, max_size: int):
        self.batches = batches
        self.batch_size = batch_size
        self.max_size = max_size

    def __iter__(self):
        for batch in self.batches:
            for i in range(math.ceil(len(batch) / self.max_size)):
                yield batch[i * self.max_size:(i + 1) * self.max_size]

    def __len__(self):
        return int(np.ceil(len(self.batches) * (self.batch_size / self.max_size)))  # <- DPL105
""",
    # np.array_split per batch, generic base from torch.utils.data.sampler.
    """
import math
from typing import List
import numpy as np
from torch.utils.data.sampler import Sampler


class Split(Sampler[List[int]]):
    def __init__(self, batches, batch_size, max_size: int):
        self.batches = batches
        self.batch_size = batch_size
        self.max_size = max_size

    def __iter__(self):
        for batch in self.batches:
            yield from np.array_split(batch, math.ceil(len(batch) / self.max_size))

    def __len__(self):
        return math.ceil(len(self.batches) * (self.batch_size / self.max_size))  # <- DPL105
""",
    # From opacus 1.6.0 (reduced): ceil of the aggregate ratio.
    """
import math

import numpy as np
from torch.utils.data import BatchSampler, Sampler


class Splitter(Sampler):
    def __init__(self, sampler, max_batch_size: int):
        self.sampler = sampler
        self.max_batch_size = max_batch_size

    def __iter__(self):
        for batch in self.sampler:
            pieces = np.array_split(batch, math.ceil(len(batch) / self.max_batch_size))
            yield from (p.tolist() for p in pieces)

    def __len__(self):
        if isinstance(self.sampler, BatchSampler):
            return math.ceil(len(self.sampler) * (self.sampler.batch_size / self.max_batch_size))  # <- DPL105
        return len(self.sampler)
""",
)

DPL105_VALID = (
    """
import math
from torch.utils.data import Sampler


class Chunks(Sampler):
    def __init__(self, n, bs):
        self.n, self.bs = n, bs

    def __iter__(self):
        for start in range(0, self.n, self.bs):
            yield list(range(start, min(start + self.bs, self.n)))

    def __len__(self):
        return math.ceil(self.n / self.bs)
""",
    """
import math
from torch.utils.data import Sampler


class Split(Sampler):
    def __init__(self, batches, max_size):
        self.batches = batches
        self.max_size = max_size

    def __iter__(self):
        for batch in self.batches:
            for i in range(math.ceil(len(batch) / self.max_size)):
                yield batch[i * self.max_size:(i + 1) * self.max_size]

    def __len__(self):
        return sum(math.ceil(len(b) / self.max_size) for b in self.batches)
""",
    # The exact per-batch count for a torch BatchSampler.
    """
import math
from torch.utils.data import BatchSampler, Sampler


class Split(Sampler):
    def __init__(self, batches, batch_size, max_size: int):
        self.batches = batches
        self.batch_size = batch_size
        self.max_size = max_size

    def __iter__(self):
        for batch in self.batches:
            for i in range(math.ceil(len(batch) / self.max_size)):
                yield batch[i * self.max_size:(i + 1) * self.max_size]

    def __len__(self):
        if isinstance(self.batches, BatchSampler):
            n, b, m = len(self.batches.sampler), self.batches.batch_size, self.max_size
            return n // b * -(-b // m) + (0 if self.batches.drop_last else -(-(n % b) // m))
        return sum(math.ceil(len(x) / self.max_size) for x in self.batches)
""",
    # Ceil of a plain ratio where __iter__ does not split batch by batch.
    """
import math
from torch.utils.data import Sampler


class Chunks(Sampler):
    def __init__(self, data, bs):
        self.data, self.bs = data, bs

    def __iter__(self):
        for start in range(0, len(self.data), self.bs):
            yield list(range(start, min(start + self.bs, len(self.data))))

    def __len__(self):
        return math.ceil(len(self.data) * (1 / self.bs))
""",
    # __iter__ splits by a different size than __len__ divides by: not this pattern.
    """
import math
from torch.utils.data import Sampler


class Split(Sampler):
    def __init__(self, batches, batch_size, max_size: int):
        self.batches = batches
        self.batch_size = batch_size
        self.max_size = max_size

    def __iter__(self):
        for batch in self.batches:
            for i in range(math.ceil(len(batch) / self.max_size)):
                yield batch[i * self.max_size:(i + 1) * self.max_size]

    def __len__(self):
        return math.ceil(len(self.batches) * (self.batch_size / self.other_size))
""",
    # The count is bound by len(self) in __iter__.
    """
import math
from torch.utils.data import Sampler


class Split(Sampler):
    def __init__(self, batches, batch_size, max_size: int):
        self.batches = batches
        self.batch_size = batch_size
        self.max_size = max_size

    def __iter__(self):
        for i in range(len(self)):
            yield [i]

    def __len__(self):
        return math.ceil(len(self.batches) * (self.batch_size / self.max_size))
""",
    # A Dataset is never reported.
    """
import math
from torch.utils.data import Dataset


class Pieces(Dataset):
    def __init__(self, batches, max_size):
        self.batches, self.max_size = batches, max_size

    def __iter__(self):
        for batch in self.batches:
            for i in range(math.ceil(len(batch) / self.max_size)):
                yield batch[i * self.max_size:(i + 1) * self.max_size]

    def __len__(self):
        return math.ceil(len(self.batches) * (4 / self.max_size))
""",
    # Ceil in __iter__ only; __len__ counts exactly.
    """
import math
from torch.utils.data import Sampler


class Split(Sampler):
    def __init__(self, batches, batch_size, max_size: int):
        self.batches = batches
        self.batch_size = batch_size
        self.max_size = max_size

    def __iter__(self):
        for batch in self.batches:
            for i in range(math.ceil(len(batch) / self.max_size)):
                yield batch[i * self.max_size:(i + 1) * self.max_size]

    def __len__(self):
        return sum(-(-len(b) // self.max_size) for b in self.batches)
""",
    # Not a sampler at all.
    """
import math


class Pieces:
    def __init__(self, batches, max_size):
        self.batches, self.max_size = batches, max_size

    def __iter__(self):
        for batch in self.batches:
            yield from range(math.ceil(len(batch) / self.max_size))

    def __len__(self):
        return math.ceil(len(self.batches) * (4 / self.max_size))
""",
    # Ceil over a different attribute than the one __iter__ walks.
    """
import math
from torch.utils.data import Sampler


class Split(Sampler):
    def __init__(self, batches, batch_size, max_size: int):
        self.batches = batches
        self.batch_size = batch_size
        self.max_size = max_size
        self.other = batches

    def __iter__(self):
        for batch in self.batches:
            for i in range(math.ceil(len(batch) / self.max_size)):
                yield batch[i * self.max_size:(i + 1) * self.max_size]

    def __len__(self):
        return math.ceil(len(self.other) * (self.batch_size / self.max_size))
""",
)

# ---------------------------------------------------------------- DPL201: fragile but consistent
DPL201_INVALID = (
    # opacus UniformWithReplacementSampler: int(1 / sample_rate) bounds both.
    """
import torch
from typing import List
from torch.utils.data import Sampler


class UniformWithReplacementSampler(Sampler[List[int]]):
    def __init__(self, *, num_samples, sample_rate, generator=None, steps=None):
        self.num_samples = num_samples
        self.sample_rate = sample_rate
        self.generator = generator
        if steps is not None:
            self.steps = steps
        else:
            self.steps = int(1 / self.sample_rate)  # <- DPL201

    def __len__(self):
        return self.steps

    def __iter__(self):
        num_batches = self.steps
        while num_batches > 0:
            mask = torch.rand(self.num_samples, generator=self.generator) < self.sample_rate
            yield mask.nonzero(as_tuple=False).reshape(-1).tolist()
            num_batches -= 1
""",
    """
from torch.utils.data import Sampler


class Fixed(Sampler):
    def __init__(self, n, bs):
        self.n, self.bs = n, bs

    def __iter__(self):
        for i in range(len(self)):
            yield [i]

    def __len__(self):
        return int(self.n / self.bs)  # <- DPL201
""",
)

DPL201_VALID = (
    """
from torch.utils.data import Sampler


class Fixed(Sampler):
    def __init__(self, n, bs):
        self.n, self.bs = n, bs

    def __iter__(self):
        for i in range(len(self)):
            yield [i]

    def __len__(self):
        return self.n // self.bs
""",
    """
from torch.utils.data import Sampler


class Steps(Sampler):
    def __init__(self, steps: int):
        self.steps = int(steps)

    def __iter__(self):
        for _ in range(self.steps):
            yield [0]

    def __len__(self):
        return self.steps
""",
    # From speechbrain: the float('inf') sentinel again, with range(len(self)) in __iter__.
    """
from torch.utils.data import Sampler


class Concat(Sampler):
    def __init__(self, samplers, batch_sizes):
        self.samplers = samplers
        self.batch_sizes = batch_sizes

    def __iter__(self):
        iterators = [iter(s) for s in self.samplers]
        for _ in range(len(self)):
            yield [next(it) for it, b in zip(iterators, self.batch_sizes) for _ in range(b)]

    def __len__(self):
        shortest = float("inf")
        for sampler, b in zip(self.samplers, self.batch_sizes):
            shortest = min(len(sampler) // b, shortest)
        return int(shortest)
""",
)
