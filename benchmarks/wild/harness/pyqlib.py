"""pyqlib (PyPI, microsoft/qlib): quantitative finance, stock time series forecasting.

contrib/model/pytorch_gats_ts.py: DailyBatchSampler, passed as `sampler=` over a
TSDataSampler so that each index it yields is one trading day (all stocks of that day,
an array of row indices) for the GATs model.
"""

import numpy as np

from wild.entry import Case, Project, sampler

PROJECT = Project(
    name="pyqlib",
    source="pypi",
    ref="0.9.7",
    domain="time series (finance forecasting)",
    stubs={
        # The qlib package as published, with the few modules the GATs module imports (and
        # that import the whole platform: config, data layer, mlflow, redis...) stood in for.
        # These package stand-ins replace the packages' __init__s only (the runner merges
        # them with the published tree), so the sampler's own module (and pytorch_utils)
        # load from it unchanged.
        "qlib": "",
        "qlib.contrib": "",
        "qlib.contrib.model": "",
        "qlib.model": "",
        "qlib.data": "",
        "qlib.data.dataset": "",
        "qlib.utils": "def get_or_create_path(path=None, return_dir=False):\n    return path\n",
        "qlib.log": "import logging\n\n\ndef get_module_logger(name, level=None):\n"
        "    return logging.getLogger(name)\n",
        "qlib.model.base": "class Model:\n    pass\n",
        "qlib.data.dataset.handler": "class DataHandlerLP:\n    DK_L = 'learn'\n    DK_I = 'infer'\n",
        "qlib.contrib.model.pytorch_lstm": "class LSTMModel:\n    pass\n",
        "qlib.contrib.model.pytorch_gru": "class GRUModel:\n    pass\n",
        # pandas: only Series(index=...).groupby(level).size().values, as pandas computes it:
        # the number of rows of each value of the level, in sorted order of the values.
        "pandas": (
            "import numpy as np\n\n\n"
            "class _Sizes:\n"
            "    def __init__(self, counts):\n"
            "        self.values = np.array(counts, dtype=np.int64)\n\n\n"
            "class _Grouped:\n"
            "    def __init__(self, keys):\n"
            "        self.keys = keys\n\n"
            "    def size(self):\n"
            "        counts = {}\n"
            "        for key in self.keys:\n"
            "            counts[key] = counts.get(key, 0) + 1\n"
            "        return _Sizes([counts[key] for key in sorted(counts)])\n\n\n"
            "class Series:\n"
            "    def __init__(self, data=None, index=None, **kwargs):\n"
            "        self.index = index\n\n"
            "    def groupby(self, by, group_keys=True):\n"
            "        level = list(self.index.names).index(by)\n"
            "        return _Grouped([row[level] for row in self.index])\n\n\n"
            "class DataFrame:\n"
            "    pass\n"
        ),
    },
)


class _Index(list):
    """A (datetime, instrument) MultiIndex as TSDataSampler.get_index() returns it."""

    names = ("datetime", "instrument")


class _TSDataSampler:
    """What DailyBatchSampler is given: qlib's TSDataSampler, one row a (day, stock)."""

    def __init__(self, days, stocks, seed=0):
        rng = np.random.default_rng(seed)
        rows = []
        for day in range(days):
            # the universe changes: stocks list, delist or are suspended on some days
            listed = [s for s in range(stocks) if rng.random() < 0.9] or [0]
            rows += [(f"2020-01-{day + 1:02d}", f"SH{600000 + s}") for s in listed]
        self.index = _Index(rows)

    def get_index(self):
        return self.index

    def __len__(self):
        return len(self.index)


@sampler(PROJECT, "qlib/contrib/model/pytorch_gats_ts.py", "DailyBatchSampler")
def _(cls, module):
    for days in (1, 3, 20, 60):
        for stocks in (1, 5, 30, 300):
            yield Case(
                f"days={days} stocks={stocks} (CSI300-like universe)",
                lambda d=days, s=stocks: cls(_TSDataSampler(d, s)),
            )
