"""Tencent/TFace: face recognition. MultiDistributedSampler (torchkit; the training tasks
pass it as `sampler=` over a MultiDataset of several face sets, one batch size each; it
asks torch.distributed for the world size and rank) and the EKD task's
BalancedBatchSampler (`batch_sampler=`: general plus identity-balanced samples a batch).
Datasets are made as the tasks make them: index files of "path<TAB>label" lines read by
make_dataset()."""

import os
import random
import tempfile

from wild.entry import Case, Project, not_run, sampler
from wild.harness._g1_common import Ranked, class_labels, ranks

PROJECT = Project(
    name="Tencent/TFace",
    source="github",
    ref="171ec1434aca0972e111663ac646c9c1e3e44b5b",
    domain="face recognition",
    root="recognition",
    absent=("cv2", "dareblopy"),
    # torchkit.data.dataset imports the parsers, which import protoc-generated modules
    # (TFRecord faces); stand-ins for the protobuf API those modules call at import.
    stubs={
        "google.protobuf.descriptor": (
            "import collections\n\n\nclass _Descriptor:\n"
            "    def __init__(self, *args, **kwargs):\n"
            "        self.__dict__.update(kwargs)\n"
            "        for name in ('message_types_by_name', 'fields_by_name', 'enum_types_by_name',\n"
            "                     'extensions_by_name', 'oneofs_by_name', 'services_by_name'):\n"
            "            setattr(self, name, collections.defaultdict(_Descriptor))\n"
            "        for name in ('fields', 'nested_types', 'enum_types', 'oneofs', 'extensions', 'values'):\n"
            "            self.__dict__.setdefault(name, [])\n\n\n"
            "FileDescriptor = Descriptor = FieldDescriptor = EnumDescriptor = _Descriptor\n"
            "EnumValueDescriptor = OneofDescriptor = ServiceDescriptor = MethodDescriptor = _Descriptor\n"
        ),
        "google.protobuf.message": "class Message:\n    pass\n",
        "google.protobuf.reflection": (
            "def GeneratedProtocolMessageType(name, bases, namespace):\n"
            "    return type(name, bases, dict(namespace))\n"
        ),
        "google.protobuf.symbol_database": (
            "class _Database:\n"
            "    def __getattr__(self, name):\n"
            "        return lambda *args, **kwargs: None\n\n\n"
            "def Default():\n    return _Database()\n"
        ),
        "google.protobuf.internal.enum_type_wrapper": "class EnumTypeWrapper:\n    def __init__(self, *a):\n        pass\n",
    },
)

# name -> identities; images per identity between 1 and 30
SETS = {"ms1m": 11, "glint": 23, "webface": 5}


def _index_root(names, seed=0):
    root = tempfile.mkdtemp(prefix="g1-tface-")
    for n, name in enumerate(names):
        labels = class_labels(SETS[name], seed=seed + n)
        random.Random(n).shuffle(labels)
        with open(os.path.join(root, name + ".txt"), "w") as f:
            for i, label in enumerate(labels):
                f.write(f"{name}/{label}/{i}.jpg\t{label}\n")
    return root


def _multi(module, names, shard, seed=0):
    from torchkit.data.dataset import MultiDataset

    dataset = MultiDataset("/data/faces", _index_root(names, seed), list(names), None)
    dataset.make_dataset(shard=shard)
    return dataset


@sampler(PROJECT, "recognition/torchkit/data/sampler.py", "MultiDistributedSampler")
def _(cls, module):
    for names, batch_sizes in ((("ms1m",), (8,)), (("ms1m", "glint"), (8, 16)), (("glint", "webface", "ms1m"), (4, 3, 10))):
        for shard in (False, True):
            for size, rank in ranks():
                def build(names=names, batch_sizes=batch_sizes, shard=shard):
                    return cls(_multi(module, names, shard), list(batch_sizes))

                yield Case(
                    f"{'+'.join(names)} batch sizes {batch_sizes}, shard={shard}, rank {rank} of {size}",
                    lambda build=build, size=size, rank=rank: Ranked(build, size, rank),
                    repeat=3,
                )


not_run(
    PROJECT,
    "recognition/tasks/ekd/dataset.py",
    "BalancedBatchSampler",
    "__iter__ calls random.sample(self.labels2index.keys(), ...) on the dict that "
    "create_label2index returns: TypeError (population must be a sequence) on Python >= 3.11",
)
