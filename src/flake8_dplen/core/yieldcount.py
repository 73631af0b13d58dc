"""How many items `__iter__` yields and what `__len__` returns, for given constructor
arguments, by interpreting the class's own code on small concrete values.

The free values are the constructor's parameters (those defaulting to None in a second
pass), the elements' length of a sequence parameter whose elements the class walks
(`len(groups[*])`), and what `torch.distributed.get_world_size()`/`get_rank()` answer:
each is typed by its first use (an int where it is counted with, a sequence of unknown
elements where it is measured or walked, a flag where it is tested) and then given small
values in turn. `__init__`, `__iter__` (or `__next__`, when `__iter__` returns self) and
`__len__` and every method, property and nested function they reach, in the class's
module or in the modules of the project its bases come from (core/project.py), run in an
interpreter that knows a small part of Python and of torch/numpy exactly (ranges, slices,
lists grown by append/extend, `torch.split`, `np.array_split`, `.tolist()`, shuffles,
`math.ceil`, `yield from`, `return iter(...)`, torch's samplers built in the code,
`x[positions]` as a tensor takes it, other classes of the module built and walked, random
integer draws at their lowest outcome). A value it does not know (read from the data,
returned by a call it does not know, a dict or a set) is carried as unknown, and a loop
over one is skipped where core/unknowns.py says its effects cannot reach a count. A test
on an unknown value is run both ways (every way through such tests, within bounds), and
an input is judged only where every way gives the same len() and count. Arrays and
tensors are told from lists (an array's `* -1` negates each element); iterators keep
their position (`next`, `islice`, `zip(*[it] * k)`); torch's samplers are bases with
their own semantics (`*args`/`**kwargs` passed up to them give the constructor their
parameters). A count taken from an unknown value, a count that differs between the ways
through tests on unknown values, or a base class outside the project other than torch's
samplers, stops it: the model then says nothing, and the rules stay silent. What it
reports is therefore a run of the class's code, not a resemblance."""

from __future__ import annotations

import functools
import itertools
import math
import re
import sys
import weakref
from typing import Dict, Iterator, List, Optional, Set, Tuple

from . import syntax as cst
from .classindex import ClassIndex, children, self_name, walk
from .context import SamplerContext
from .names import ImportTable, dotted
from .project import Home, home_of, module_bindings, resolve_base, resolve_function
from .rounding import qualified_callee
from .samplers import class_lineage, module_classes, torch_len_base
from .unknowns import BUILTIN_NAMES, Skip, quiet

INT, SEQ, FLAG = "int", "seq", "flag"
_DOMAINS = {INT: range(1, 6), SEQ: range(1, 9), FLAG: (False, True)}
_STEPS = 20000  # statements one run may execute: beyond, the model gives up (endless or big)
# Inputs tried per class, the smallest first. Every finding on the tuning corpus came
# within the first 210 (at 128, two classes were lost); a correct class runs all of them,
# and torch's DistributedSampler, 127 runs at 400, was half the plugin's time in flake8.
_COMBINATIONS = 256
_TESTS = 16  # tests on unknown values one run may meet: beyond, the model gives up
_PATHS = 128  # ways through them one input is run along (_run); _BUDGET bounds them all
_BUDGET = 200000  # statements and expressions over all the runs of one class
_LARGEST = 100000  # elements of one list or range, digits of one number: beyond, the model gives up
# Distributed parameters are only legitimate as rank < num_replicas. A count per rank
# (`samples_per_rank`) is a size, not a rank: taking it as one gave it the value 0.
_RANK = re.compile(r"^rank$|(?<!per)_rank(\(\))?$")
_WORLD = re.compile(r"replicas|world|num_ranks|parallel_size|dp_size")
# Parameters named like a rate or a fraction take values the model's ints would misstate.
_SETTINGS = re.compile(r"^(cfg|conf|config|opt|opts|args|hparams|hp|params|settings|options)$|_(cfg|config|opt|args)$")
_FRACTION = re.compile(
    r"(^|_)(rate|ratio|prob|probability|frac|fraction|percent|percentage|scale|factor|weight|alpha|temp|temperature|p|q)(_|$)"
)


class Unknown(Exception):
    """The model cannot say what this code does."""


class Refused(Exception):
    """The code refuses this input (raises, asserts, divides by zero): not a counterexample."""


class Opaque:
    """A value the model does not know: an element of the user's data, an unknown call's result."""


class RandomSource(Opaque):
    """A seeded random generator (`numpy.random.default_rng(s)`, `RandomState(s)`,
    `random.Random(s)`): its methods draw as the module's functions of one name do
    (`rng.permutation(n)` as `numpy.random.permutation(n)`), in `module`."""

    def __init__(self, module: str) -> None:
        self.module = module

    def function(self, method: str) -> Optional[str]:
        """The module-level function `method` draws as, if the model knows it."""
        name = "randint" if method == "integers" and self.module == "numpy.random" else method
        callee = f"{self.module}.{name}"
        known = callee in _DRAWS or callee in _SHUFFLES or callee in _PERMUTATIONS
        return callee if known or callee == "random.sample" else None


class Seq(Opaque):
    """A sequence argument of unknown elements and known length (a dataset, a sampler)."""

    def __init__(self, length: int, name: Optional[str] = None) -> None:
        self.length, self.name = length, name
        # Attributes the code sets on the argument (`self.sampler.wrap_around = 0`), read
        # back as set: an attribute it never set is unknown.
        self.attrs: Dict[str, object] = {}

    def element(self) -> Opaque:
        """One of its elements: of a parameter, one that may be measured in turn. Of a
        wrapped sampler, one of its batches where the code walks, slices or measures
        them (code written for a sampler of int indices does none of these: on an int
        each raises): a batch sampler whose batches all hold len(sampler[*]) items
        (torch's BatchSampler on a multiple of its batch size) is one a caller may pass."""
        if not self.name or "[*]" in self.name:
            return Opaque()
        return Element(self.name)


class Element(Opaque):
    """An element of a sequence parameter `parent`. Measured or walked, it is a sequence
    itself, and every element of `parent` has the same length, `len(parent[*])`, an input
    the model varies (groups of equal size: one legitimate input), provided the class walks
    or slices them (groups of indices it yields); deeper elements are not modelled."""

    def __init__(self, parent: str) -> None:
        self.parent = parent
        # A wrapped sampler's batch the code changed in place (`b.extend(pad)`): a batch
        # sampler yields a new list each time, which its caller may change (Machine.batch).
        self.held: Optional[list] = None


class Position(Opaque):
    """An index into a data source of `bound` items, which one unknown (a shuffled
    DistributedSampler's): it can index anything at least that long."""

    def __init__(self, bound: int) -> None:
        self.bound = bound


class _Keywords(dict):
    """A function's `**kwargs`: the keyword arguments it was given, only passed on."""


class Free:
    """A constructor parameter, typed by its first use."""

    def __init__(self, name: str, env: "Env") -> None:
        self.name, self.env = name, env


class Obj:
    """An instance: of the class judged, or (`kind` set) of another class of the module
    that the code builds."""

    def __init__(self, kind: Optional["OtherClass"] = None) -> None:
        self.attrs: Dict[str, object] = {}
        self.kind = kind


class OtherClass:
    """Another class of the module, as the code builds and uses it."""

    def __init__(self, lineage: List[cst.ClassDef]) -> None:
        self.lineage, self.index = lineage, ClassIndex.build(lineage)


class Func:
    def __init__(
        self, func: cst.FunctionDef, scope: Optional[Dict[str, object]], owner=None, bound=False
    ) -> None:
        # A bound method has its first parameter (self) in `scope` already.
        self.func, self.scope, self.owner, self.bound = func, scope, owner, bound


class Array(list):
    """A numpy array or a tensor, held as the list of its elements: arithmetic works on
    each element (`a * -1` negates them, where a list's `* -1` empties it)."""


class Cursor:
    """An iterator made by the code (`iter(x)`, `enumerate` or `zip` of one): a position in
    what it walks, moved by `next`, `islice` and every loop over it, as Python's is."""

    def __init__(self, items: Iterator[object]) -> None:
        self.items = items


class Generator:
    """A generator function's call, run when it is iterated."""

    def __init__(self, func: cst.FunctionDef, scope: Dict[str, object], owner) -> None:
        self.func, self.scope, self.owner, self.used = func, scope, owner, False
        self.cursor: Optional[Cursor] = None  # once `next` or `islice` took from it


class Env:
    def __init__(
        self,
        values: Dict[str, object],
        attributes: bool = False,
        measured: bool = False,
        decisions: Tuple[bool, ...] = (),
        read: Optional[set] = None,
    ) -> None:
        self.values = values
        # The outcomes of tests on unknown values, in the order the run meets them: those
        # given (`decisions`), then False; `made` is what this run took (_run explores them).
        self.decisions, self.made = decisions, []
        self.tested: Dict[int, Tuple[object, bool]] = {}
        self.attributes = attributes  # an argument's attributes are inputs (Env.attribute_of)
        # Arguments whose attributes a run read, over every run of a search (`runs`).
        self.read = set() if read is None else read
        # The lengths of the items of a sequence argument are unknown values, not inputs:
        # for a class that only measures them (_run).
        self.measured = measured
        self.kinds: Dict[str, str] = {}
        self.steps = 0
        self.drew = False  # a random draw was taken at its lowest outcome (Machine.draw)
        self.epochs = False  # the object was given its epoch by set_epoch (_run_path)
        self.walked: set = set()  # sequence parameters whose elements were walked or sliced
        self.read_from: Dict[str, str] = {}  # `dataset.ids` -> `dataset`: an attribute of an argument
        self.seqs: Dict[str, "Seq"] = {}  # each sequence argument, once resolved
        self.resolved: Dict[Tuple[str, str], Tuple[int, object]] = {}  # Env.resolve's answers
        self.whole: Set[str] = set()  # parameters annotated `int`: whatever their names say

    def decide(self, value: "Opaque") -> bool:
        """The outcome of a test on the unknown `value` in this run: the one it had, where
        it was tested before (`x or y` tested again by an `if`), else the next decision."""
        if id(value) in self.tested:
            return self.tested[id(value)][1]
        if len(self.made) >= _TESTS:
            raise Unknown("too many tests on unknown values")
        choice = self.decisions[len(self.made)] if len(self.made) < len(self.decisions) else False
        self.made.append(choice)
        self.tested[id(value)] = (value, choice)  # the value held, so that its id stays its own
        return choice

    def attribute_of(self, value: "Free", attr: str) -> "Free":
        """`dataset.ids`, an attribute of an argument, as an input of its own."""
        name = f"{value.name}.{attr}"
        self.read_from[name] = value.name
        return Free(name, self)

    def resolve(self, value, kind: str):
        if isinstance(value, Element) and kind == SEQ:
            if value.held is not None:
                return value.held
            value = Free(f"{value.parent}[*]", self)
        if not isinstance(value, Free):
            return value
        # An argument is resolved at each use, and its answer changes only as new inputs
        # come in (`kinds`): kept until then, as a third of the model's time went here.
        known = self.resolved.get((value.name, kind))
        if known is not None and known[0] == len(self.kinds):
            return known[1]
        found = self._resolve(value, kind)
        self.resolved[value.name, kind] = (len(self.kinds), found)
        return found

    def _resolve(self, value: "Free", kind: str):
        # One input per argument: the argument itself or one attribute of it. Two values
        # read from one object (`len(dataset)` and `dataset.ids`, or `.ids` and `.labels`)
        # may be tied by the data (as long as each other), which free inputs do not say:
        # the model does not run such a class this way.
        parent = self.read_from.get(value.name, value.name)
        # A settings object's values (`opt.batch_size`, `cfg.drop_last`) are knobs set one
        # by one: numbers and flags read from it are inputs each.
        knobs = _SETTINGS.search(parent) and kind != SEQ
        siblings = [n for n, p in self.read_from.items() if p == parent and n != value.name and n in self.kinds]
        if any(not knobs or self.kinds[n] == SEQ for n in siblings):
            raise Unknown(f"two values read from {parent}")
        if parent != value.name and parent in self.kinds:
            raise Unknown(f"two values read from {parent}")
        if kind == INT and _FRACTION.search(value.name) and value.name not in self.whole:
            raise Unknown(f"{value.name} may be a fraction")
        if self.kinds.setdefault(value.name, kind) != kind:
            raise Unknown(f"{value.name} used as {kind} and {self.kinds[value.name]}")
        found = self.values.get(value.name, _DOMAINS[kind][1] if kind != FLAG else False)
        if kind != SEQ:
            return found
        # One object per argument, as the caller passes one: what is set on it stays.
        return self.seqs.setdefault(value.name, Seq(found, value.name))


class _Stop(Unknown):
    """`raise StopIteration` in a `__next__`: the iteration ends (Machine.drain). Met
    anywhere else, the model does not say what happens (in a generator it is an error)."""


class _Return(Exception):
    def __init__(self, value) -> None:
        self.value = value


class _Break(Exception):
    pass


class _Continue(Exception):
    pass


_ARITH = {
    cst.Add: lambda a, b: a + b,
    cst.Subtract: lambda a, b: a - b,
    cst.Multiply: lambda a, b: a * b,
    cst.Divide: lambda a, b: a / b,
    cst.FloorDivide: lambda a, b: a // b,
    cst.Modulo: lambda a, b: a % b,
    cst.Power: lambda a, b: a**b,
    # On ints as Python computes them; on an unknown value (`set(a) | set(b)`) unknown.
    cst.BitOr: lambda a, b: a | b,
    cst.BitAnd: lambda a, b: a & b,
    cst.BitXor: lambda a, b: a ^ b,
}
_COMPARE = {
    cst.Equal: lambda a, b: a == b,
    cst.NotEqual: lambda a, b: a != b,
    cst.LessThan: lambda a, b: a < b,
    cst.LessThanEqual: lambda a, b: a <= b,
    cst.GreaterThan: lambda a, b: a > b,
    cst.GreaterThanEqual: lambda a, b: a >= b,
}
_EQUALITY = (_COMPARE[cst.Equal], _COMPARE[cst.NotEqual])
_PURE = {
    "len": len,
    "min": min,
    "max": max,
    "abs": abs,
    "int": int,
    "float": float,
    "round": round,
    "bool": bool,
    "divmod": divmod,
    "sum": sum,
    "math.ceil": math.ceil,
    "math.floor": math.floor,
    "math.trunc": math.trunc,
    "numpy.ceil": lambda x: float(math.ceil(x)),
    "numpy.floor": lambda x: float(math.floor(x)),
    "numpy.maximum": max,
    "numpy.minimum": min,
}
_SAME = {
    "list",
    "tuple",
    "sorted",
    "reversed",
    "numpy.array",
    "numpy.asarray",
    "torch.tensor",
    "torch.as_tensor",
}
_SHUFFLES = {"random.shuffle", "numpy.random.shuffle"}
_PERMUTATIONS = {"torch.randperm", "numpy.random.permutation"}
# Types a caller's plain list is not an instance of (Machine.instance_of_own_class).
_NOT_A_LIST = {
    "torch.Tensor",
    "numpy.ndarray",
    "torch.utils.data.Dataset",
    "torch.utils.data.dataset.Dataset",
    "torch.utils.data.IterableDataset",
    "torch.utils.data.dataset.IterableDataset",
}
# What `isinstance(arg, T)` types a constructor argument as, and whether only an argument
# named a sampler is one (Machine.argument_type); None: no argument the model gives is a T.
_ARGUMENT_TYPES = {
    "int": (INT, False),
    "numbers.Number": (INT, False),
    "numbers.Integral": (INT, False),
    "bool": (FLAG, False),
    "list": (SEQ, False),
    "collections.abc.Sequence": (SEQ, False),
    "torch.utils.data.Sampler": (SEQ, True),
    "torch.utils.data.sampler.Sampler": (SEQ, True),
    # An argument the model gives is never one of these: the test is False for it.
    "dict": (None, False),
    "str": (None, False),
    "float": (None, False),
    "tuple": (None, False),
    "set": (None, False),
}
_NOT_A_LIST_KIND = (None, False)
# torch.distributed's answers: the size of the process group and the rank in it are
# inputs the model varies, as a constructor's are (named `dist.get_rank()` in a message);
# a sampler that asks is run inside an initialised group.
_DISTRIBUTED_INPUTS = {"torch.distributed.get_world_size", "torch.distributed.get_rank"}
_DISTRIBUTED_FLAGS = {"torch.distributed.is_available", "torch.distributed.is_initialized"}
# Random draws by their parameters' names, positional order first (Machine.draw).
_DRAWS = {
    "random.randint": ("a", "b"),
    "random.choice": ("a",),
    "numpy.random.randint": ("low", "high", "size"),
    "numpy.random.choice": ("a", "size", "replace"),
    "torch.randint": ("low", "high", "size"),
}
# The list methods Machine.value_method runs that change the list.
_CHANGES_A_LIST = {"append", "extend", "pop", "sort", "reverse"}
_NEUTRAL_METHODS = {"tolist", "copy", "numpy", "long", "int", "cpu", "clone"}
# Tensors and arrays of one value (Machine.filled), and the element types dtypes give.
_FILLED = {"torch.zeros", "torch.ones", "torch.full", "numpy.zeros", "numpy.ones", "numpy.full"}
_INTEGERS = ("int64", "int32", "int16", "int8", "uint8", "long", "int")
_DTYPES = {
    **{f"{module}.{name}": int for module in ("torch", "numpy") for name in _INTEGERS},
    "int": int,
    "float": float,
    "bool": bool,
    "torch.bool": bool,
    "numpy.bool_": bool,
    **{f"{module}.{name}": float for module in ("torch", "numpy") for name in ("float32", "float64", "float", "double")},
}
_TYPED_TENSORS = {"torch.LongTensor", "torch.IntTensor", "torch.FloatTensor", "torch.DoubleTensor", "torch.Tensor"}
_ARRAYS = {"numpy.array", "numpy.asarray", "torch.tensor", "torch.as_tensor"}


def _what(value) -> str:
    """What a value the model stopped at is, for `silence`: its type and, where
    scripts/why_silent.py records it (never on flake8's path), where it was made."""
    return type(value).__name__ + getattr(value, "origin", "")


def _leaves(value: List[object]) -> List[object]:
    """The numbers of a tensor the model holds as (nested) lists, in order: only of one
    whose rows are all of one length and whose numbers the model made (an element of the
    data may be a row itself, and a ragged array of objects flattens to its rows)."""
    if all(isinstance(v, (int, float, Position)) for v in value):
        return list(value)
    if not all(isinstance(v, list) for v in value) or len({len(v) for v in value}) > 1:
        raise Unknown("the numbers of a value the model does not hold as a tensor")
    return [x for row in value for x in _leaves(row)]


class Names:
    """What a module's names mean to code written in it: its functions, classes, number
    constants and imports (the judged module's, or one a base was read from)."""

    def __init__(self, module: cst.Module, imports: ImportTable, bindings) -> None:
        self.funcs = {s.name.value: s for s in module.body if isinstance(s, cst.FunctionDef)}
        self.classes = module_classes(module)
        self.constants = _module_constants(bindings)
        self.imports = imports


# A module read from disk is read once (core/project.py): so are its names.
_HOME_NAMES: "weakref.WeakKeyDictionary[Home, Names]" = weakref.WeakKeyDictionary()
# The judged module's, by its import table (one per module analysed): a Machine is made
# for every run, a few hundred per class.
_LOCAL_NAMES: "weakref.WeakKeyDictionary[ImportTable, Names]" = weakref.WeakKeyDictionary()


def _project_module(imports: ImportTable, name: str) -> bool:
    """`name` is bound by an import of a module that may be the project's: not a value of
    the module (`logger`), not the standard library's (`os.path.join`, `warnings.warn`),
    which no file of the project holds (each lookup is a stat of the disk)."""
    bound = imports.binding(name)
    own = f"{imports.module_name or '__main__'}.{name}"
    return bound is not None and bound != own and bound.split(".")[0] not in sys.stdlib_module_names


class Machine:
    def __init__(self, ctx: SamplerContext, env: Env) -> None:
        self.ctx, self.env = ctx, env
        if ctx.imports not in _LOCAL_NAMES:
            _LOCAL_NAMES[ctx.imports] = Names(ctx.module, ctx.imports, ctx.flow.constants)
        self.local = _LOCAL_NAMES[ctx.imports]
        self.whole = ctx.whole
        self._imported: Dict[Tuple[Optional[int], str], Optional[Tuple[cst.FunctionDef, Home]]] = {}

    def names(self, owner) -> Names:
        """The names of the module `owner` (a class of the lineage, a module read from
        disk, or None for the judged module) was written in."""
        home = owner if isinstance(owner, Home) else home_of(owner)
        if home is None:
            return self.local
        if home not in _HOME_NAMES:
            _HOME_NAMES[home] = Names(home.module, home.imports, module_bindings(home.module))
        return _HOME_NAMES[home]

    def imported_function(self, names: Names, owner, name: str) -> Optional[Func]:
        """The function a `from <module> import name` of the project binds, read from disk
        (core/project.py) and run with its own module's names, as one of the module is."""
        if name not in names.imports.bindings or name in names.classes:
            return None
        return self._project_function(owner, (id(names), name), names.imports.bindings[name])

    def module_function(self, owner, qualified: str) -> Optional[Func]:
        """The function `module.name(...)` calls where `module` is a module of the project
        (`from .utils import dist as du; du.get_world_size()`), read as an imported one is."""
        return self._project_function(owner, (None, qualified), qualified)

    def _project_function(self, owner, key: Tuple[Optional[int], str], qualified: str) -> Optional[Func]:
        if key not in self._imported:  # a stat of the file per lookup otherwise
            home = owner if isinstance(owner, Home) else home_of(owner)
            root = self.ctx.root if home is None else home.root
            self._imported[key] = resolve_function(root, qualified)
        found = self._imported[key]
        return None if found is None else Func(found[0], {}, found[1])

    # ------------------------------------------------------------------ calls

    def call_function(self, fn: Func, args: List[object], kwargs: Dict[str, object]):
        func = fn.func
        scope: Dict[str, object] = dict(fn.scope or {})
        params = [*func.params.posonly_params, *func.params.params][1 if fn.bound else 0 :]
        star = func.params.star_arg if isinstance(func.params.star_arg, cst.Param) else None
        if len(args) > len(params) and star is None:
            raise Unknown("*args")
        for param, value in zip(params, args):
            scope[param.name.value] = value
        if star is not None:
            scope[star.name.value] = list(args[len(params) :])  # only passed on as `*args`
        for param in [*params[len(args) :], *func.params.kwonly_params]:
            name = param.name.value
            if name in kwargs:
                scope[name] = kwargs.pop(name)
            elif param.default is not None:
                scope[name] = self.eval(param.default, {})
            else:
                raise Unknown(f"missing argument {name}")
        if func.params.star_kwarg is not None:
            # `**kwargs`: a dict the model holds only to pass on as `**kwargs` (Machine.arguments).
            scope[func.params.star_kwarg.name.value], kwargs = _Keywords(kwargs), {}
        if kwargs:
            raise Unknown("unexpected keyword")
        if _is_generator(func):
            return Generator(func, scope, fn.owner)  # runs when iterated, as Python's does
        try:
            self.block(func.body.body, scope, None, fn.owner)
        except _Return as done:
            return done.value
        return None

    def cursor_of(self, gen: "Generator") -> Cursor:
        """A generator taken by `next` or `islice`: what it yields, from where it stands."""
        if gen.cursor is None:
            gen.cursor = Cursor(iter(self.run_generator(gen)))
        return gen.cursor

    def run_generator(self, gen: "Generator") -> List[object]:
        if gen.cursor is not None:
            return list(gen.cursor.items)  # what `next` left of it
        if gen.used:
            return []  # a generator is exhausted after one pass
        gen.used = True
        out: List[object] = []
        try:
            self.block(gen.func.body.body, gen.scope, out, gen.owner)
        except _Return:
            pass
        return out

    def method(self, obj: Obj, name: str, owner=None) -> Optional[Func]:
        """`self.<name>` bound as a method, looked up from `owner`'s place in the lineage
        (for `super()`) or from the class."""
        lineage = self.lineage(obj)
        if owner is not None and owner not in lineage:
            raise Unknown("super() outside a method of the class")
        start = lineage.index(owner) + 1 if owner is not None else 0
        for klass in lineage[start:]:
            for stmt in klass.body.body:
                if isinstance(stmt, cst.FunctionDef) and stmt.name.value == name:
                    if _static(stmt):
                        return Func(stmt, {}, klass)  # `@staticmethod`: no self to bind
                    if stmt.decorators:
                        raise Unknown("decorated method")
                    return Func(stmt, {self_name(stmt) or "self": obj}, klass, bound=True)
        return None

    def lineage(self, obj: Obj) -> List[cst.ClassDef]:
        return self.whole[0] if obj.kind is None else obj.kind.lineage

    def index(self, obj: Obj) -> ClassIndex:
        return self.whole[1] if obj.kind is None else obj.kind.index

    def build(self, name: str, node: cst.Call, scope, owner) -> Obj:
        """`C(...)`, `C` another class of the module: its `__init__` run on the arguments,
        when its bases are ones the model knows, as the judged class's must be."""
        classes = self.names(owner).classes
        lineage = class_lineage(classes[name], classes)
        if not _known_bases(lineage, self.ctx.imports, self.ctx.root):
            raise Unknown(f"class {name}'s bases")
        obj = Obj(OtherClass(lineage))
        args, kwargs = self.arguments(node, scope, owner)
        init = self.method(obj, "__init__")
        if init is None:
            self.torch_method(obj, "__init__", args, kwargs)
        else:
            self.call_function(init, args, kwargs)
        return obj

    def call_special(self, obj: Obj, name: str):
        """`obj.__iter__()` or `obj.__len__()`, the class's own or torch's."""
        found = self.method(obj, name)
        return self.torch_method(obj, name, [], {}) if found is None else self.call_function(found, [], {})

    # ------------------------------------------------------------------ statements

    def block(self, body, scope, out, owner) -> None:
        for stmt in body:
            self.env.steps += 1
            if self.env.steps > _STEPS:
                raise Unknown("too long")
            try:
                self.statement(stmt, scope, out, owner)
            except Unknown as stop:
                # The innermost statement the model stopped at, for `silence` (a tool of ours).
                if getattr(stop, "where", None) is None:
                    stop.where = stmt
                raise

    def turn(self, body, scope, out, owner) -> bool:
        """One pass through a loop's body; False when it breaks out of the loop."""
        try:
            self.block(body, scope, out, owner)
        except _Break:
            return False
        except _Continue:
            pass
        return True

    def statement(self, stmt, scope, out, owner) -> None:
        if isinstance(stmt, cst.SimpleStatementLine):
            for small in stmt.body:
                self.small(small, scope, out, owner)
        elif isinstance(stmt, cst.If):
            node = stmt
            while node is not None:
                if isinstance(node, cst.Else) or self.truth(self.eval(node.test, scope, owner)):
                    self.block(node.body.body, scope, out, owner)
                    break
                node = node.orelse
        elif isinstance(stmt, cst.For):
            if stmt.orelse is not None or stmt.asynchronous is not None:
                raise Unknown("for-else")
            walked = self.eval(stmt.iter, scope, owner)
            if _plain(walked):
                self.skip(stmt, scope, owner)
                return
            for item in self.iterate(walked):
                self.bind(stmt.target, item, scope)
                if not self.turn(stmt.body.body, scope, out, owner):
                    break
        elif isinstance(stmt, cst.While):
            if stmt.orelse is not None:
                raise Unknown("while-else")
            while self.truth(self.eval(stmt.test, scope, owner)):
                if not self.turn(stmt.body.body, scope, out, owner):
                    break
        elif isinstance(stmt, cst.FunctionDef) and not stmt.decorators:
            scope[stmt.name.value] = Func(stmt, scope, owner)
        elif isinstance(stmt, cst.Try) and not isinstance(stmt, cst.TryStar):
            self.attempt(stmt, scope, out, owner)
        elif isinstance(stmt, cst.With) and stmt.asynchronous is None:
            # `with torch.no_grad():`: the managers are made, the body runs once. One that
            # swallows an exception only matters where the body raises, which is refused.
            for item in stmt.items:
                manager = self.eval(item.item, scope, owner)
                if isinstance(manager, (Obj, Func, Generator)):
                    raise Unknown("a context manager of the code's own")
                if item.asname is not None:
                    self.bind(item.asname.name, Opaque(), scope)
            self.block(stmt.body.body, scope, out, owner)
        else:
            raise Unknown(type(stmt).__name__)

    def attempt(self, stmt: cst.Try, scope, out, owner) -> None:
        """`try`: the body as it runs where nothing raises, then `else` and `finally`. Where
        the body raises, which handler runs is not modelled: unknown (a `try` without
        handlers refuses the input, as the exception leaves it)."""
        try:
            try:
                self.block(stmt.body.body, scope, out, owner)
            except Refused:
                if stmt.handlers:
                    raise Unknown("an exception a handler may catch") from None
                raise
            if stmt.orelse is not None:
                self.block(stmt.orelse.body.body, scope, out, owner)
        finally:
            if stmt.finalbody is not None:
                self.block(stmt.finalbody.body.body, scope, out, owner)

    def skip(self, loop: cst.For, scope, owner) -> None:
        """A loop over an opaque value: skipped where core/unknowns.py says its effects
        cannot reach a count, what it binds or changes then opaque."""
        names = self.names(owner)

        def local(name: str) -> bool:
            return name in scope or name in names.funcs or name in names.classes

        def held(node):
            if isinstance(node, cst.Name) and node.value in scope:
                return scope[node.value], lambda: scope.__setitem__(node.value, Opaque())
            if isinstance(node, cst.Attribute) and isinstance(node.value, cst.Name):
                obj = scope.get(node.value.value)
                if isinstance(obj, Obj):
                    # A method or a property (code the skip would not run) is "other".
                    value = obj.attrs.get(node.attr.value, _NOT_HELD)
                    return value, lambda: obj.attrs.__setitem__(node.attr.value, Opaque())
            return None

        def shared(value) -> bool:
            return _references(value, list(scope.values())) > 1

        plan = Skip(loop, held, _kind, lambda call: qualified_callee(call, names.imports), local, shared)
        if plan.reason is not None:
            raise Unknown(plan.reason)
        for spoil in plan.spoiled:
            spoil()
        for target in plan.rebound:
            if isinstance(target, cst.Attribute):
                obj = scope[target.value.value]
                if target.attr.value in self.index(obj).properties:
                    raise Unknown("assignment through a property setter")
                obj.attrs[target.attr.value] = Opaque()
            else:
                scope[target.value] = Opaque()

    def small(self, small, scope, out, owner) -> None:
        if isinstance(small, cst.Assign):
            value = self.eval(small.value, scope, owner)
            for target in small.targets:
                self.bind(target.target, value, scope)
        elif isinstance(small, cst.AnnAssign):
            if small.value is not None:
                self.bind(small.target, self.eval(small.value, scope, owner), scope)
        elif isinstance(small, cst.AugAssign):
            op = type(small.operator).__name__.replace("Assign", "")
            current = self.eval(small.target, scope, owner)
            value = self.eval(small.value, scope, owner)
            arith = {k.__name__: f for k, f in _ARITH.items()}.get(op)
            if arith is None:
                raise Unknown("augmented operator")
            if isinstance(current, list) and op == "Add":
                current.extend(self.iterate(value))  # `x += y` extends x in place
                return
            self.bind(small.target, self.number_op(arith, current, value), scope)
        elif isinstance(small, cst.Expr):
            value = small.value
            if isinstance(value, cst.Yield):
                self.yielded(value, scope, out, owner)
            else:
                self.eval(value, scope, owner, statement=True)
        elif isinstance(small, cst.Return):
            raise _Return(None if small.value is None else self.eval(small.value, scope, owner))
        elif isinstance(small, cst.Break):
            raise _Break()
        elif isinstance(small, cst.Continue):
            raise _Continue()
        elif isinstance(small, cst.Pass):
            pass
        elif isinstance(small, (cst.Import, cst.ImportFrom)):
            self.local_import(small, scope, owner)
        elif isinstance(small, cst.Del):
            self.delete(small.target, scope)
        elif isinstance(small, cst.Assert):
            if not self.truth(self.eval(small.test, scope, owner)):
                raise Refused("assert")
        elif isinstance(small, cst.Raise):
            exc = small.exc.func if isinstance(small.exc, cst.Call) else small.exc
            if isinstance(exc, cst.Name) and exc.value == "StopIteration":
                raise _Stop("StopIteration")
            raise Refused("raise")
        else:
            raise Unknown(type(small).__name__)

    def local_import(self, node, scope, owner) -> None:
        """`import random` inside a method: nothing to do where each name it binds means
        what the module's imports already say, or nothing there (calls are then named as
        written: `random.shuffle`); a name it would rebind differently stops the model."""
        if isinstance(node, cst.ImportFrom) and (node.relative or isinstance(node.names, cst.ImportStar)):
            raise Unknown("a relative or star import in a method")
        names = self.names(owner)
        source = dotted(node.module) if isinstance(node, cst.ImportFrom) else None
        for alias in node.names:
            full = dotted(alias.name)
            if full is None:
                raise Unknown("import")
            if alias.asname is not None:
                bound, target = alias.asname.name.value, f"{source}.{full}" if source else full
            elif source:
                bound, target = full, f"{source}.{full}"
            else:
                bound = target = full.split(".")[0]  # `import torch.utils.data` binds `torch`
            if bound in scope or bound in names.funcs or bound in names.classes:
                raise Unknown("an import that rebinds a name of the code")
            if names.imports.bindings.get(bound, target) != target:
                raise Unknown("an import that rebinds a module's name")

    def yielded(self, node: cst.Yield, scope, out, owner) -> None:
        if out is None:
            raise Unknown("yield outside a generator")
        if isinstance(node.value, cst.From):
            out.extend(self.iterate(self.eval(node.value.item, scope, owner)))
        else:
            out.append(None if node.value is None else self.eval(node.value, scope, owner))

    def delete(self, target, scope) -> None:
        """`del x`, `del self.attr` (a cache dropped after use), `del a, b`."""
        if isinstance(target, cst.Tuple):
            for element in target.elements:
                self.delete(element.value, scope)
        elif isinstance(target, cst.Name) and target.value in scope:
            del scope[target.value]
        elif isinstance(target, cst.Attribute) and isinstance(target.value, cst.Name):
            obj = scope.get(target.value.value)
            if not isinstance(obj, Obj) or target.attr.value not in obj.attrs:
                raise Unknown("del of an attribute the model does not hold")
            del obj.attrs[target.attr.value]
        else:
            raise Unknown("del")

    def bind(self, target, value, scope) -> None:
        if isinstance(target, cst.Name):
            scope[target.value] = value
        elif isinstance(target, (cst.Tuple, cst.List)) and (_plain(value) or isinstance(value, Element)):
            # `_, pid, cam = item` of an item of the data: its parts are unknown too
            for element in target.elements:
                self.bind(element.value, Opaque(), scope)
        elif isinstance(target, (cst.Tuple, cst.List)):
            items = list(self.iterate(value))
            if len(items) != len(target.elements) or any(
                isinstance(e, cst.StarredElement) for e in target.elements
            ):
                raise Unknown("unpacking")
            for element, item in zip(target.elements, items):
                self.bind(element.value, item, scope)
        elif isinstance(target, cst.Attribute) and not isinstance(target.value, cst.Name):
            # `self.sampler.wrap_around = 0`: an attribute set on an argument the object holds.
            held = self.eval(target.value, scope)
            held = self.env.resolve(held, SEQ) if isinstance(held, Free) else held
            if not isinstance(held, Seq) or held.name is None:
                raise Unknown("assignment target")
            held.attrs[target.attr.value] = value
        elif isinstance(target, cst.Attribute) and isinstance(target.value, cst.Name):
            obj = scope.get(target.value.value)
            if _plain(obj):
                return  # an attribute of an unknown object: still unknown
            if not isinstance(obj, Obj):
                raise Unknown("attribute of an unknown object")
            if target.attr.value in self.index(obj).properties:
                raise Unknown("assignment through a property setter")
            obj.attrs[target.attr.value] = value
        elif isinstance(target, cst.Subscript) and len(target.slice) == 1:
            # `sizes[-1] -= r`: one element of a list of ours.
            items = self.eval(target.value, scope)
            part = target.slice[0].slice
            if _plain(items):
                self.unknown_part(part, scope, None)
                return  # `by_label[y] = i`: a store into an unknown dict
            if isinstance(items, list) and isinstance(part, cst.Slice) and part.step is None:
                # `a[i:j] = b` of as many values as it replaces: the same for a list and an
                # array (any other length resizes a list and is refused by an array).
                bounds = [None if b is None else self.number(self.eval(b, scope)) for b in (part.lower, part.upper)]
                if any(not isinstance(b, (int, type(None))) for b in bounds):
                    raise Unknown("assignment target")
                span = range(len(items))[slice(*bounds)]
                # An array takes one number for every element of the slice (`mask[:k] = 1`),
                # as the element's type (a float array holds 1.0).
                if isinstance(items, Array) and isinstance(value, (int, float)):
                    new = [type(items[p])(value) if isinstance(items[p], (int, float)) else value for p in span]
                else:
                    new = list(self.iterate(value))
                if len(new) != len(span):
                    raise Unknown("a slice assigned values of another length")
                for position, item in zip(span, new):
                    items[position] = item
                return
            if not isinstance(items, list) or not isinstance(part, cst.Index):
                raise Unknown("assignment target")
            index = self.number(self.eval(part.value, scope))
            if not isinstance(index, int) or not -len(items) <= index < len(items):
                raise Refused("index")
            items[index] = value
        else:
            raise Unknown("assignment target")

    # ------------------------------------------------------------------ values

    def truth(self, value) -> bool:
        value = self.env.resolve(value, FLAG)
        if isinstance(value, Func):
            raise Unknown("a test on a function")
        if isinstance(value, Opaque):
            # Either outcome: _run runs the class both ways and judges only what every way
            # gives alike.
            return self.env.decide(value)
        return bool(value)

    def number(self, value):
        value = self.env.resolve(value, INT)
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            raise Unknown(f"not a number: {_what(value)}")
        return value

    def number_op(self, op, a, b):
        if isinstance(a, Array) or isinstance(b, Array):
            return self.elementwise(op, a, b)
        if (_plain(a) or _plain(b)) and not isinstance(a, list):
            return Opaque()  # arithmetic on an unknown value: unknown (a list + it stops)
        if isinstance(a, list) and op is _ARITH[cst.Add]:
            return a + list(self.iterate(b))
        if isinstance(a, list) and op is _ARITH[cst.Multiply]:
            return _small(a * self.number(b))
        # A comparison's outcome counts as 0 or 1 (`n // bs + (n % bs > 0)`).
        a, b = (int(v) if isinstance(v, bool) else self.number(v) for v in (a, b))
        if op is _ARITH[cst.Power] and abs(b) > 64:
            raise Unknown("a huge power")
        try:
            return op(a, b)
        except (ZeroDivisionError, OverflowError, ValueError) as error:
            raise Refused(str(error)) from None

    def elementwise(self, op, a, b) -> object:
        """An operator with an array: on each element, with a number or a sequence of the
        same length on the other side (broadcasting anything else is not modelled)."""
        if _plain(a) or _plain(b):
            return Opaque()
        sides = []
        for side in (a, b):
            side = self.env.resolve(side, INT) if isinstance(side, Free) else side  # a scalar argument
            sides.append(list(self.iterate(side)) if isinstance(side, (list, tuple, range, Seq)) else side)
        lengths = {len(side) for side in sides if isinstance(side, list)}
        if len(lengths) > 1:
            raise Unknown("arrays of two lengths")
        size = lengths.pop()
        columns = [side if isinstance(side, list) else [side] * size for side in sides]
        dividing = op in (_ARITH[cst.FloorDivide], _ARITH[cst.Modulo], _ARITH[cst.Divide])
        return Array(
            op(x, y) if all(isinstance(v, (int, float)) for v in (x, y)) and not (dividing and y == 0) else Opaque()
            for x, y in zip(*columns)
        )

    def iterate(self, value) -> Iterator[object]:
        if isinstance(value, Element) and self.env.measured:
            raise Unknown("an item walked where items are only measured")
        if isinstance(value, Element):
            self.env.walked.add(value.parent)
        value = self.env.resolve(value, SEQ)
        if isinstance(value, Seq):
            return (value.element() for _ in range(value.length))
        if isinstance(value, (list, tuple, range)):
            return iter(list(value))
        if isinstance(value, Cursor):
            return value.items  # what is left of it, taken as the caller goes
        if isinstance(value, Generator):
            return iter(self.run_generator(value))
        if isinstance(value, Obj) and value.kind is not None:
            produced = self.call_special(value, "__iter__")
            return iter(self.drain(value)) if produced is value else self.iterate(produced)
        raise Unknown(f"iterating an unknown value: {_what(value)}")

    def drain(self, obj: Obj) -> List[object]:
        """What an iterator whose `__iter__` returns itself gives: its `__next__`'s values
        until it raises StopIteration (one that never does runs out of steps: unknown)."""
        step = self.method(obj, "__next__")
        if step is None:
            raise Unknown("__iter__ returns an object without __next__")
        out: List[object] = []
        while True:
            try:
                out.append(self.call_function(step, [], {}))
            except _Stop:
                return out

    def length(self, value) -> int:
        if isinstance(value, Element) and self.env.measured:
            return Opaque()  # an item's length, of any size: a count taken from it stops
        value = self.env.resolve(value, SEQ)
        if isinstance(value, Seq):
            return value.length
        if isinstance(value, (list, tuple, range)):
            return len(value)
        if isinstance(value, Obj) and value.kind is not None:
            return self.number(self.call_special(value, "__len__"))
        if isinstance(value, Obj):
            found = self.method(value, "__len__")
            if found is not None:
                return self.number(self.call_function(found, [], {}))
        raise Unknown(f"length of an unknown value: {_what(value)}")

    def eval(self, node, scope, owner=None, statement=False):
        self.env.steps += 1
        if self.env.steps > _STEPS:
            raise Unknown("too long")
        # LibCST's node classes are ABCs: an isinstance that fails goes through
        # ABCMeta.__instancecheck__, several times the cost of comparing types, and this chain
        # is the plugin's hottest code. The classes compared here have no subclasses.
        kind = type(node)
        if kind is cst.Integer:
            return int(node.evaluated_value)
        if kind is cst.Float:
            return float(node.evaluated_value)
        if kind is cst.Name:
            if node.value in scope:
                return scope[node.value]
            if node.value in {"True", "False", "None"}:
                return {"True": True, "False": False, "None": None}[node.value]
            if node.value in {"__name__", "__file__"}:
                return Opaque()  # the module's name or path: a string never counted with
            names = self.names(owner)
            if node.value in names.funcs:
                # A function of a module read from disk runs with that module's names.
                home = None if names is self.local else home_of(owner) or owner
                return Func(names.funcs[node.value], {}, home)
            if node.value in names.constants:
                return names.constants[node.value]
            imported = self.imported_function(names, owner, node.value)
            if imported is not None:
                return imported
            if (node.value in BUILTIN_NAMES and node.value not in names.classes) or node.value in names.imports.bindings:
                # `defaultdict(list)`, `key=len`, `dist.group.WORLD`: a function or a
                # module's value, never counted with
                return Opaque()
            # Bound nowhere the model looks: a local read before the code bound it (a share
            # bound only on the loop's turn for this rank), UnboundLocalError in Python. Bound
            # where it does not look (a module-level `if`), the input is only left unjudged.
            raise Refused(f"name {node.value}")
        if kind is cst.Attribute:
            return self.attribute(node, scope, owner)
        if kind is cst.BinaryOperation:
            op = _ARITH.get(type(node.operator))
            if op is None:
                raise Unknown("operator")
            return self.number_op(op, self.eval(node.left, scope, owner), self.eval(node.right, scope, owner))
        if kind is cst.UnaryOperation:
            value = self.eval(node.expression, scope, owner)
            if isinstance(node.operator, cst.Not):
                return not self.truth(value)
            if isinstance(node.operator, cst.Minus):
                return -self.number(value)
            raise Unknown("unary operator")
        if kind is cst.BooleanOperation:
            left = self.eval(node.left, scope, owner)
            if self.truth(left) == isinstance(node.operator, cst.Or):
                return left
            return self.eval(node.right, scope, owner)
        if kind is cst.Comparison:
            return self.compare(node, scope, owner)
        if kind is cst.IfExp:
            test = self.truth(self.eval(node.test, scope, owner))
            return self.eval(node.body if test else node.orelse, scope, owner)
        if kind in (cst.List, cst.Tuple):
            items: List[object] = []
            for element in node.elements:
                value = self.eval(element.value, scope, owner)
                if isinstance(element, cst.StarredElement):
                    items.extend(self.iterate(value))
                else:
                    items.append(value)
            return items
        if kind in (cst.ListComp, cst.GeneratorExp):
            return self.comprehension(node, scope, owner)
        if kind in (cst.Dict, cst.DictComp, cst.Set, cst.SetComp):
            return self.mapping(node, scope, owner)
        if kind in (cst.SimpleString, cst.ConcatenatedString) and isinstance(node.evaluated_value, str):
            return node.evaluated_value  # compared exactly (`mode == "random"`), never counted with
        if kind in (cst.SimpleString, cst.FormattedString, cst.ConcatenatedString, cst.Lambda):
            return Opaque()  # a value no count is taken from: using one stops the model
        if kind is cst.Subscript:
            return self.subscript(node, scope, owner)
        if kind is cst.Call:
            return self.call(node, scope, owner, statement)
        raise Unknown(type(node).__name__)

    def mapping(self, node, scope, owner) -> Opaque:
        """A dict or a set: what it holds is not modelled, only that building it changes
        nothing (core/unknowns.quiet). A comprehension's outer iterable is evaluated: a
        generator or an object walked there is consumed, which the model must see."""
        names = self.names(owner)
        if not quiet(node, lambda n: n in scope or n in names.funcs or n in names.classes):
            raise Unknown("a dict built by code of the project")
        if kind_of_comprehension(node):
            walked = self.eval(node.for_in.iter, scope, owner)
            if isinstance(walked, (Generator, Obj, Func)):
                raise Unknown("a dict built from a generator or an object")
        return Opaque()

    def compare(self, node: cst.Comparison, scope, owner) -> bool:
        left = self.eval(node.left, scope, owner)
        for target in node.comparisons:
            right = self.eval(target.comparator, scope, owner)
            if isinstance(target.operator, (cst.Is, cst.IsNot)):
                # A parameter the model varies is never None: it is given a value. Tested
                # against True or False, it is a flag (`drop_last is True`).
                if right is not None and not isinstance(right, bool):
                    raise Unknown("is")
                if right is not None:
                    left = self.env.resolve(left, FLAG)
                if isinstance(left, Opaque) and not isinstance(left, Seq):
                    # A value the model does not know may be None or not: a test on it
                    # is run both ways (_run), as any test on an unknown value.
                    return Opaque()
                result = (left is right) == isinstance(target.operator, cst.Is)
            elif isinstance(target.operator, (cst.In, cst.NotIn)):
                found = self.contains(self.literal_set(target.comparator, right, scope, owner), left)
                if isinstance(found, Opaque):
                    return found
                result = found == isinstance(target.operator, cst.In)
            else:
                op = _COMPARE.get(type(target.operator))
                if op is None:
                    raise Unknown("comparison")
                if isinstance(left, str) or isinstance(right, str):
                    # Strings only equal strings; one compared with a value the model does
                    # not know exactly is unknown, its test run both ways.
                    if not (_constant(left) and _constant(right)) or op not in _EQUALITY:
                        return Opaque()
                    result = op(left, right)
                    if not result:
                        return False
                    left = right
                    continue
                if _plain(left) or _plain(right):
                    return Opaque()  # an unknown truth: a test on it stops the model
                result = op(self.number(left), self.number(right))
            if not result:
                return False
            left = right
        return True

    def literal_set(self, node, value, scope, owner):
        """A set display of constants (`{"error", "skip"}`) as the list of its elements,
        which membership needs (the model holds no sets); any other value as it is."""
        if isinstance(node, cst.Set) and all(
            isinstance(e.value, (cst.SimpleString, cst.Integer)) and not isinstance(e, cst.StarredElement)
            for e in node.elements
        ):
            return [self.eval(e.value, scope, owner) for e in node.elements]
        return value

    def contains(self, container, item):
        """`item in container`, exact where both are known (a list, tuple or range of
        constants, a string); an Opaque, run both ways, where either is a value the model
        does not know (a dict or set, the data, an argument); unknown for an object or an
        iterator of the code's own, whose `__contains__` or consumption it does not model."""
        if isinstance(container, str) and isinstance(item, str):
            return item in container
        if isinstance(container, (list, tuple, range)) and all(_constant(e) for e in container):
            if isinstance(item, Free) and container and all(type(e) is int for e in container):
                item = self.env.resolve(item, INT)  # `k in (1, 2, 4)`: a count, given values
            if _constant(item):
                return item in container
            if isinstance(item, (Opaque, Free)):
                return Opaque()
        if isinstance(container, (Opaque, list, tuple, range, str)) and not isinstance(container, RandomSource):
            return Opaque()
        raise Unknown("membership in a value of the code's own")

    def comprehension(self, node, scope, owner) -> List[object]:
        inner = dict(scope)
        results: List[object] = []

        def run(clause: Optional[cst.CompFor]) -> None:
            if clause is None:
                results.append(self.eval(node.elt, inner, owner))
                return
            for item in self.iterate(self.eval(clause.iter, inner, owner)):
                self.bind(clause.target, item, inner)
                if all(self.truth(self.eval(c.test, inner, owner)) for c in clause.ifs):
                    run(clause.inner_for_in)

        run(node.for_in)
        return results

    def subscript(self, node: cst.Subscript, scope, owner):
        value = self.eval(node.value, scope, owner)
        if isinstance(value, Element) and self.env.measured:
            raise Unknown("an item sliced where items are only measured")
        if isinstance(value, Element):
            self.env.walked.add(value.parent)
        value = self.env.resolve(value, SEQ)
        if len(node.slice) != 1:
            raise Unknown("subscript")
        if _plain(value):
            self.unknown_part(node.slice[0].slice, scope, owner)
            return Opaque()  # `by_label[y]`, `counts[c]` of an unknown dict or array
        part = node.slice[0].slice
        if isinstance(part, cst.Slice):
            bounds = [
                None if p is None else self.number(self.eval(p, scope, owner))
                for p in (part.lower, part.upper, part.step)
            ]
            if any(isinstance(b, float) for b in bounds):
                raise Unknown("float slice")
            if isinstance(value, Seq):
                return [value.element() for _ in range(value.length)[slice(*bounds)]]
            if isinstance(value, (list, tuple, range)):
                try:
                    return (Array if isinstance(value, Array) else list)(value[slice(*bounds)])
                except ValueError as error:
                    raise Refused(str(error)) from None
            raise Unknown("slice of an unknown value")
        index = self.eval(part.value, scope, owner)
        if isinstance(index, slice) and isinstance(value, (list, tuple, range)):
            try:
                return (Array if isinstance(value, Array) else list)(value[index])
            except ValueError as error:
                raise Refused(str(error)) from None  # a step of 0
        if isinstance(index, list):
            return Array(self.gather(value, index))  # only an array or a tensor takes a list of positions
        if isinstance(value, Seq) and (_plain(index) or isinstance(index, Element)):
            # `positions[label]`, a label read from the data, or `indices[i]`, `i` an item
            # of another argument: one of the argument's items (data whose labels, or
            # positions, are its positions), as unknown as the label: its length is not
            # an input, since the data ties it to the labels the model cannot see.
            if not value.length:
                raise Refused("index")
            source = self.env.seqs.get(index.parent) if isinstance(index, Element) else None
            if source is not None and source.length > value.length:
                # Positions as a caller gives them, distinct and in range (0, 1, ...): more
                # of them than items is an input not judged.
                raise Refused("more positions than items")
            return Opaque()
        index = self.number(index)
        if isinstance(value, Seq):
            if not -value.length <= index < value.length:
                raise Refused("index")
            return value.element()
        if isinstance(value, (list, tuple, range)) and isinstance(index, int):
            if not -len(value) <= index < len(value):
                raise Refused("index")
            return value[index]
        raise Unknown("index into an unknown value")

    def unknown_part(self, part, scope, owner) -> None:
        """The index or slice bounds of an unknown value, evaluated for what they do."""
        for bound in (part.lower, part.upper, part.step) if isinstance(part, cst.Slice) else (part.value,):
            if bound is not None:
                self.eval(bound, scope, owner)

    def gather(self, value, positions: List[object]) -> List[object]:
        """`x[idx]` with a list of positions, as a tensor or an array takes it (the model
        holds both as lists): one element per position."""
        size = value.length if isinstance(value, Seq) else len(value) if isinstance(value, (list, tuple, range)) else None
        if size is None:
            raise Unknown("index into an unknown value")
        found = []
        for position in positions:
            if isinstance(position, Position):
                if position.bound > size:
                    raise Refused("a position past the end")  # may raise IndexError: not judged
                found.append(Opaque())
                continue
            i = self.number(position)
            if not isinstance(i, int) or not -size <= i < size:
                raise Refused("index")
            found.append(value.element() if isinstance(value, Seq) else value[i])
        return found

    def attribute(self, node: cst.Attribute, scope, owner):
        base = node.value
        if isinstance(base, cst.Name) and isinstance(scope.get(base.value), Obj):
            obj = scope[base.value]
            name = node.attr.value
            if name in obj.attrs:
                return obj.attrs[name]
            prop = self.index(obj).properties.get(name)
            if prop is not None:
                return self.call_function(
                    Func(prop, {self_name(prop) or "self": obj}, None, bound=True), [], {}
                )
            found = self.method(obj, name)
            if found is not None:
                return found
            class_attrs = self.index(obj).class_attrs
            if name in class_attrs and len(class_attrs[name]) == 1:
                value = self.eval(class_attrs[name][0], {})
                # A class-level list is shared by every instance: not modelled.
                if value is None or isinstance(value, (int, float)):
                    return value
            raise Unknown(f"attribute {name}")
        value = self.eval(base, scope, owner)
        if isinstance(value, Free) and value.name.isidentifier() and "sampler" not in value.name.lower():
            # `dataset.image_ids` of an argument: an input of its own, typed by its use.
            # A wrapped sampler's attributes are its class's (its batch size, its data).
            self.env.read.add(value.name)
            if self.env.attributes:
                return self.env.attribute_of(value, node.attr.value)
        if isinstance(value, Free):
            value = self.env.resolve(value, SEQ)
        if isinstance(value, Seq) and node.attr.value in value.attrs:
            return value.attrs[node.attr.value]
        if isinstance(value, (Opaque, str)):
            return Opaque()  # reading is harmless: any count from it stops the model
        raise Unknown("attribute of an unknown value")

    def call(self, node: cst.Call, scope, owner, statement: bool):
        func = node.func
        # super().m(...)
        if (
            isinstance(func, cst.Attribute)
            and isinstance(func.value, cst.Call)
            and isinstance(func.value.func, cst.Name)
            and func.value.func.value == "super"
        ):
            return self.super_call(func.attr.value, node, scope, owner)
        if isinstance(func, cst.Attribute):
            head = func.value
            while isinstance(head, cst.Attribute):
                head = head.value
            names = self.names(owner)
            callee = qualified_callee(node, names.imports)
            library = callee is not None and callee.split(".")[0] in {
                "torch",
                "numpy",
                "math",
                "random",
                "itertools",
                "more_itertools",
            }
            if library and isinstance(head, cst.Name) and head.value not in scope:
                return self.library(callee, node, scope, owner, statement)
            if (
                callee is not None
                and not library
                and isinstance(func.value, cst.Name)
                and func.value.value not in scope
                and _project_module(names.imports, func.value.value)
            ):
                found = self.module_function(owner, callee)
                if found is not None:
                    args, kwargs = self.arguments(node, scope, owner)
                    return self.call_function(found, args, kwargs)
            if (
                statement
                and isinstance(head, cst.Name)
                and head.value not in scope
                and head.value not in names.funcs
            ):
                # `logger.info(...)`, `warnings.warn(...)`: a module's function, called for
                # its effect, changes nothing counted unless it is given our state.
                args, kwargs = self.arguments(node, scope, owner)
                if _holds_state(args, kwargs):
                    raise Unknown("our state given to an unknown call")
                return None
            return self.value_method(func, node, scope, owner, statement)
        names = self.names(owner)
        if isinstance(func, cst.Name) and func.value in names.classes and func.value not in scope:
            return self.build(func.value, node, scope, owner)
        if isinstance(func, cst.Name) and (
            func.value in scope
            or func.value in names.funcs
            or self.imported_function(names, owner, func.value)
        ):
            target = self.eval(func, scope, owner)
            if not isinstance(target, Func):
                raise Unknown("calling an unknown value")
            args, kwargs = self.arguments(node, scope, owner)
            return self.call_function(target, args, kwargs)
        return self.library(qualified_callee(node, names.imports), node, scope, owner, statement)

    def arguments(self, node: cst.Call, scope, owner) -> Tuple[List[object], Dict[str, object]]:
        args, kwargs = [], {}
        for arg in node.args:
            value = self.eval(arg.value, scope, owner)
            if arg.star == "**":
                if not isinstance(value, _Keywords) or set(value) & set(kwargs):
                    raise Unknown("star arguments")
                kwargs.update(value)
            elif arg.star == "*":
                if not isinstance(value, list):
                    raise Unknown("star arguments")
                args.extend(value)
            elif arg.keyword is None:
                args.append(value)
            else:
                kwargs[arg.keyword.value] = value
        return args, kwargs

    def super_call(self, name: str, node: cst.Call, scope, owner):
        obj = next((v for v in scope.values() if isinstance(v, Obj)), None)
        if obj is None:
            raise Unknown("super() without self")
        args, kwargs = self.arguments(node, scope, owner)
        found = self.method(obj, name, owner)
        if found is not None:
            return self.call_function(found, args, kwargs)
        return self.torch_method(obj, name, args, kwargs)

    def torch_method(self, obj: Obj, name: str, args, kwargs):
        """A method the class inherits from torch's sampler, by torch's semantics."""
        base = _torch_base(self.lineage(obj), self.ctx.imports)
        if name == "__init__" and base is None:
            return None  # torch's Sampler.__init__ stores nothing a count reads
        if base in _TORCH_PARAMS and name == "__init__":
            names = [p.name.value for p in _TORCH_PARAMS[base]]
            values = {
                p.name.value: None if p.default is None else self.eval(p.default, {})
                for p in _TORCH_PARAMS[base]
            }
            values.update(zip(names, args))
            values.update(kwargs)
            for key, asked in (("num_replicas", "get_world_size"), ("rank", "get_rank")):
                if key in values and values[key] is None:  # torch asks torch.distributed
                    values[key] = self.library(f"torch.distributed.{asked}", None, {}, None, False, [])
            # Only a parameter whose default is None may be None (a generator, RandomSampler's
            # num_samples); any other None is an argument the model did not get.
            optional = {p.name.value for p in _TORCH_PARAMS[base] if _optional(p)}
            if set(values) != set(names) or any(v is None for k, v in values.items() if k not in optional):
                raise Unknown(f"{base} arguments")
            obj.attrs.update(values)
            if base == "DistributedSampler":
                self.distributed_init(obj)
            if base == "BatchSampler":
                # torch checks both: a batch size that is not a positive int, or a drop_last
                # that is not a bool, raises ValueError.
                size = self.number(values["batch_size"])
                if isinstance(size, bool) or not isinstance(size, int) or size <= 0:
                    raise Refused("batch_size")
                self.truth(values["drop_last"])
            if base in _SIMPLE_SAMPLERS:
                self.simple_init(obj, base)
            return None
        if base == "BatchSampler" and name in {"__iter__", "__len__"}:
            return self.batch_sampler(obj, name)
        if base == "DistributedSampler" and name in {"__iter__", "__len__", "set_epoch"}:
            return self.distributed(obj, name, args)
        if base in _SIMPLE_SAMPLERS and name in {"__iter__", "__len__"}:
            drawn = self.simple_draws(obj, base)
            return drawn if name == "__iter__" else len(drawn)
        raise Unknown(f"{base}.{name}")

    def simple_init(self, obj: Obj, base: str) -> None:
        """What torch's SequentialSampler, RandomSampler, SubsetRandomSampler and
        WeightedRandomSampler check in `__init__` (a count that is not a positive int
        raises ValueError), and RandomSampler's `num_samples` property, taken at
        construction (the data source's length does not change in a run)."""
        attrs = obj.attrs
        if base == "RandomSampler":
            given = attrs["num_samples"]
            attrs["_num_samples"] = given
            attrs["num_samples"] = self.length(attrs["data_source"]) if given is None else given
        if base in {"RandomSampler", "WeightedRandomSampler"}:
            count = self.number(attrs["num_samples"])
            if isinstance(count, bool) or not isinstance(count, int) or count <= 0:
                raise Refused("num_samples")
        if base == "WeightedRandomSampler" and not self.truth(attrs["replacement"]):
            if attrs["num_samples"] > self.length(attrs["weights"]):
                raise Refused("more samples than weights, without replacement")  # torch.multinomial raises

    def simple_draws(self, obj: Obj, base: str) -> List[object]:
        """What one of those samplers yields, by torch's code: its order is not modelled,
        only what and how many (RandomSampler without replacement repeats whole
        permutations up to num_samples; with it, and WeightedRandomSampler, draws
        num_samples positions)."""
        attrs = obj.attrs
        if base == "SubsetRandomSampler":
            return list(self.iterate(attrs["indices"]))
        source = attrs["weights"] if base == "WeightedRandomSampler" else attrs["data_source"]
        n = self.length(source)
        if base == "SequentialSampler":
            return list(range(n))
        count = self.number(attrs["num_samples"])
        if n == 0:
            raise Refused("nothing to sample from")  # torch.randint/multinomial raise
        return _small([i % n for i in range(count)])

    def distributed_init(self, obj: Obj) -> None:
        """torch's DistributedSampler.__init__: num_samples per rank, the total padded or cut."""
        world, rank = self.number(obj.attrs["num_replicas"]), self.number(obj.attrs["rank"])
        if not 0 <= rank < world:
            raise Refused("rank")
        n = self.length(obj.attrs["dataset"])
        if self.truth(obj.attrs["drop_last"]) and n % world:
            samples = math.ceil((n - world) / world)
        else:
            samples = math.ceil(n / world)
        obj.attrs.update(epoch=0, num_samples=samples, total_size=samples * world)

    def distributed(self, obj: Obj, name: str, args):
        if name == "set_epoch":
            obj.attrs["epoch"] = args[0]
            return None
        if name == "__len__":
            return obj.attrs["num_samples"]
        # Shuffled or not, the rank's share of the padded (or cut) order: its values are
        # not modelled, only how many.
        total, world = self.number(obj.attrs["total_size"]), self.number(obj.attrs["num_replicas"])
        if self.length(obj.attrs["dataset"]) == 0:
            raise Refused("empty dataset")
        count = len(range(self.number(obj.attrs["rank"]), total, world))
        if count != self.number(obj.attrs["num_samples"]):
            raise Refused("torch asserts len(indices) == num_samples")
        return [Position(self.length(obj.attrs["dataset"])) for _ in range(count)]

    def batch_sampler(self, obj: Obj, name: str):
        batches = self.batches(obj.attrs.get("sampler"), obj.attrs.get("batch_size"), obj.attrs.get("drop_last"))
        return batches if name == "__iter__" else len(batches)

    def batches(self, sampler, batch_size, drop_last) -> List[List[object]]:
        """torch's BatchSampler: batches of `batch_size` of what its sampler yields, the
        short last one unless drop_last."""
        items = list(self.iterate(sampler))
        size = self.number(batch_size)
        if not isinstance(size, int) or size <= 0:
            raise Refused("batch_size")
        batches = [items[i : i + size] for i in range(0, len(items), size)]
        if batches and len(batches[-1]) < size and self.truth(drop_last):
            batches.pop()
        return batches

    def torch_sampler(self, name: str, args, kwargs):
        """One of torch's samplers built inside the code, as the list of what iterating it
        yields (the order is not modelled, only what and how many): it is walked anew each
        time, as a sampler is."""
        if name == "BatchSampler" and len(args) + len(kwargs) == 3:
            given = dict(zip(("sampler", "batch_size", "drop_last"), args), **kwargs)
            if set(given) != {"sampler", "batch_size", "drop_last"}:
                raise Unknown("BatchSampler arguments")
            return self.batches(given["sampler"], given["batch_size"], given["drop_last"])
        if set(kwargs) - {"generator"} or len(args) != 1:
            raise Unknown(f"{name} arguments")  # replacement= or num_samples= change the count
        if name in {"RandomSampler", "SequentialSampler"}:
            return list(range(self.length(args[0])))  # positions in the data source
        if name == "SubsetRandomSampler":
            return list(self.iterate(args[0]))  # the given indices themselves
        raise Unknown(f"call {name}")

    def value_method(self, func: cst.Attribute, node: cst.Call, scope, owner, statement: bool):
        """A method of a value: a list's, a tensor's (held as a list), a method of self."""
        receiver = self.eval(func.value, scope, owner)
        name = func.attr.value
        args, kwargs = self.arguments(node, scope, owner)
        if isinstance(receiver, Obj):
            found = self.method(receiver, name)
            if found is None:
                return self.torch_method(receiver, name, args, kwargs)
            return self.call_function(found, args, kwargs)
        if isinstance(receiver, Free):
            receiver = self.env.resolve(receiver, SEQ)
        if isinstance(receiver, Element) and name in _CHANGES_A_LIST and "sampler" in receiver.parent.lower():
            receiver = self.batch(receiver)
        if isinstance(receiver, list):
            if name == "append" and len(args) == 1:
                receiver.append(args[0])
                return None
            if name == "extend" and len(args) == 1:
                receiver.extend(self.iterate(args[0]))
                return None
            if name == "pop" and len(args) <= 1:
                if not receiver:
                    raise Refused("pop from empty")
                return receiver.pop(self.number(args[0]) if args else -1)
            if name == "flatten" and not args and not kwargs:
                return Array(_leaves(receiver))
            if name in {"view", "reshape"} and args and not kwargs:
                return self.reshape(receiver, args[0] if len(args) == 1 and isinstance(args[0], list) else args)
            if name == "fill_" and isinstance(receiver, Array) and len(args) == 1 and not kwargs:
                value, kind = self.number(args[0]), getattr(receiver, "kind", None)
                if kind is None and not all(isinstance(v, (int, float)) for v in receiver):
                    raise Unknown("fill_ of a tensor of unknown type")
                receiver[:] = [(kind or type(v))(value) for v in receiver]
                return receiver  # in place, and the tensor itself
            if name in {"float", "double"} and not args and not kwargs:
                return Array(float(v) if isinstance(v, int) else v for v in receiver)
            if name in _NEUTRAL_METHODS and not args:
                # `.tolist()` makes a list; `.clone()`, `.numpy()`, `.long()` keep an array one.
                return list(receiver) if name == "tolist" else type(receiver)(receiver)
            if name in {"sort", "reverse"} and not args:
                return None  # the order changes, not the count
            if name in {"split", "chunk"} and len(args) == 1 and not kwargs:
                return self.library(f"torch.{name}", None, scope, owner, statement, [receiver, args[0]])
            raise Unknown(f"list method {name}")
        callee = receiver.function(name) if isinstance(receiver, RandomSource) else None
        if callee is not None:
            if callee in _DRAWS:
                return self.draw(callee, args, kwargs)
            if kwargs:
                raise Unknown(f"{callee} keywords")
            return self.library(callee, None, scope, owner, statement, args)
        # An empty display made for the call (`d.setdefault(label, [])`) is no list the
        # model holds: the unknown object may keep it, nothing else refers to it.
        held = args
        if not kwargs and not any(a.star for a in node.args):
            empty = [isinstance(a.value, (cst.List, cst.Dict)) and not a.value.elements for a in node.args]
            held = [v for v, made in zip(args, empty) if not made]
        if isinstance(receiver, (Opaque, str)) and statement and not _holds_state(held, kwargs):
            return None  # `g.manual_seed(seed)`: a call on an unknown object that changes nothing counted
        if isinstance(receiver, Opaque) and name == "shuffle" and len(args) == 1:
            return None  # `rng.shuffle(x)`: order only
        if isinstance(receiver, (Opaque, str)) and not _holds_state(held, kwargs):
            return Opaque()
        raise Unknown(f"method {name} of an unknown value")

    def batch(self, element: Element) -> list:
        """A wrapped sampler's batch the code changes in place, as the list it is from then
        on: a batch sampler yields a new list each time (an element of the data is the
        caller's, kept from one epoch to the next: not this)."""
        if element.held is None:
            element.held = list(self.iterate(element))
        return element.held

    def reshape(self, items: List[object], shape) -> List[object]:
        """`t.view(-1, k)`, `t.reshape(m, -1)`, `np.reshape(a, (-1,))`: the tensor's numbers
        laid out again in one or two dimensions, as torch and numpy do; a shape that does not
        hold them all raises there (refused)."""
        flat = _leaves(items)
        dims = [self.number(d) for d in shape]
        if not 1 <= len(dims) <= 2 or dims.count(-1) > 1 or any(not isinstance(d, int) or d < -1 for d in dims):
            raise Unknown("a shape of more than two dimensions")
        known = math.prod(d for d in dims if d != -1)
        if -1 in dims:
            if known == 0 or len(flat) % known:
                raise Refused("shape")
            dims[dims.index(-1)] = len(flat) // known
        if math.prod(dims) != len(flat):
            raise Refused("shape")
        if len(dims) == 1:
            return Array(flat)
        return Array(Array(flat[i * dims[1] : (i + 1) * dims[1]]) for i in range(dims[0]))

    def library(self, callee, node, scope, owner, statement, given=None):
        if callee == "isinstance" and given is None:
            return self.instance_of_own_class(node, scope, owner)
        if callee == "hasattr" and given is None:
            return self.has_attribute(node, scope, owner)
        if callee == "torch.is_tensor" and given is None and len(node.args) == 1:
            if not isinstance(self.eval(node.args[0].value, scope, owner), (Free, Seq, Element)):
                raise Unknown("is_tensor of a value the model made")
            return False  # a caller's plain list
        if given is None:
            args, kwargs = self.arguments(node, scope, owner)
        else:
            args, kwargs = given, {}
        if callee in {"all", "any"} and len(args) == 1 and not kwargs:
            if _plain(args[0]):
                return Opaque()
            # Each element tested in turn, up to the first that decides, as Python does.
            truths = (self.truth(v) for v in self.iterate(args[0]))
            return all(truths) if callee == "all" else any(truths)
        if callee in _PURE:
            if callee == "len":
                return Opaque() if _plain(args[0]) else self.length(args[0])
            if callee in {"min", "max", "sum"} and len(args) == 1:
                items = list(self.iterate(args[0]))
                if any(_plain(a) or isinstance(a, Element) for a in items):
                    return Opaque()  # `max(labels)`: a value of the data, unknown as they are
                return _PURE[callee](self.number(a) for a in items)
            if kwargs:
                raise Unknown("keywords")
            if any(_plain(a) for a in args):
                return Opaque()  # `int(t.item())` of an unknown value: unknown, as arithmetic on it
            try:
                return _PURE[callee](*(self.number(a) for a in args))
            except (ValueError, ZeroDivisionError, OverflowError) as error:
                raise Refused(str(error)) from None
        if callee in _SAME | {"iter", "enumerate", "zip"} and any(_plain(a) for a in args):
            return Opaque()  # `list(by_label.keys())`: as unknown as what it is made from
        if callee == "slice" and 1 <= len(args) <= 3 and not kwargs and not any(_plain(a) for a in args):
            bounds = [None if a is None else self.number(a) for a in args]
            if any(isinstance(b, float) for b in bounds):
                raise Unknown("float slice")
            return slice(*bounds)  # `x[slice(i, j)]`, as `x[i:j]` (Machine.subscript)
        if callee == "range":
            if not kwargs and any(_plain(a) for a in args):
                return Opaque()  # `range(max(labels) + 1)`: as many as the data says
            if kwargs or any(isinstance(self.number(a), float) for a in args):
                raise Unknown("range")
            try:
                return _small(range(*(self.number(a) for a in args)))
            except ValueError as error:
                raise Refused(str(error)) from None
        if callee == "sorted" and len(args) == 1 and set(kwargs) <= {"key", "reverse"}:
            return list(self.iterate(args[0]))  # the order changes, not the count
        if callee in {"itertools.chain", "itertools.chain.from_iterable"} and not kwargs:
            parts = args if callee == "itertools.chain" else list(self.iterate(args[0]))
            return [x for part in parts for x in self.iterate(part)]
        if callee in {"itertools.batched", "more_itertools.chunked"} and len(args) == 2 and not kwargs:
            return self.library("torch.split", None, scope, owner, statement, args)
        if callee == "random.sample" and len(args) == 2 and not kwargs:
            population, k = list(self.iterate(args[0])), self.number(args[1])
            if not isinstance(k, int) or not 0 <= k <= len(population):
                raise Refused("sample larger than the population")
            return [Opaque() for _ in range(k)]
        if callee in _SAME and len(args) == 1 and not kwargs:
            made = list(self.iterate(args[0]))
            return Array(made) if callee in _ARRAYS else made
        made = None
        if callee == "torch.multinomial":
            made = self.multinomial(args, kwargs)
        elif callee in _FILLED and node is not None:
            made = self.filled(callee, node, args, owner, kwargs)
        if made is not None:
            return made
        if callee in _TYPED_TENSORS and len(args) == 1 and not kwargs and not _plain(args[0]):
            # `torch.LongTensor(values)` copies them; `torch.LongTensor(n)`, a size, holds
            # n values never set.
            if isinstance(args[0], (list, tuple, range, Seq)):
                return Array(self.iterate(args[0]))
            made = Array(Opaque() for _ in range(self.count_of(args[0])))
            made.kind = int if callee in {"torch.LongTensor", "torch.IntTensor"} else float  # for fill_
            return made
        if callee == "iter" and len(args) == 1:
            walked = args[0]
            if isinstance(walked, Generator):
                return walked  # a generator is its own iterator
            return walked if isinstance(walked, Cursor) else Cursor(iter(list(self.iterate(walked))))
        if callee in {"enumerate", "zip"} and not kwargs and any(isinstance(a, (Cursor, Generator)) for a in args):
            # Over an iterator, lazily, as Python's: a loop that breaks takes no more of it;
            # zip takes one of each in turn (`zip(*[it] * k)` groups k at a time).
            parts = [self.iterate(a) for a in args]
            if callee == "enumerate" and len(parts) == 1:
                return Cursor(enumerate(parts[0]))
            return Cursor(_zipped(parts))
        if callee in {"enumerate", "zip"} and not kwargs:
            lists = [list(self.iterate(a)) for a in args]
            return (
                list(enumerate(lists[0])) if callee == "enumerate" and len(lists) == 1 else list(zip(*lists))
            )
        if callee == "next" and 1 <= len(args) <= 2 and not kwargs and isinstance(args[0], (Cursor, Generator)):
            found = next(self.iterate(args[0]) if isinstance(args[0], Cursor) else self.cursor_of(args[0]).items, _END)
            if found is _END and len(args) == 1:
                raise _Stop("StopIteration")  # ends a __next__; anywhere else unknown
            return args[1] if found is _END else found
        if callee == "next" and 1 <= len(args) <= 2 and not kwargs and isinstance(args[0], Obj):
            # An iterator of the module's own classes: its `__next__`, as Python calls it.
            step = self.method(args[0], "__next__")
            if step is None:
                raise Unknown("next of an object without __next__")
            try:
                return self.call_function(step, [], {})
            except _Stop:
                if len(args) == 1:
                    raise
                return args[1]
        if callee == "itertools.islice" and 2 <= len(args) <= 3 and not kwargs:
            bounds = [None if b is None else self.number(b) for b in args[1:]]
            if any(b is not None and (not isinstance(b, int) or b < 0) for b in bounds):
                raise Refused("islice bounds")  # ValueError in Python
            walked = args[0]
            if isinstance(walked, Generator):
                walked = self.cursor_of(walked)
            taken = itertools.islice(self.iterate(walked), *bounds)
            return Cursor(taken) if isinstance(walked, Cursor) else list(taken)
        if callee in {"torch.arange", "numpy.arange"} and 1 <= len(args) <= 3:
            made = self.library("range", None, scope, owner, statement, args)
            return made if _plain(made) else Array(made)  # of an unknown size: unknown
        if callee in _PERMUTATIONS and len(args) == 1:
            first = args[0]
            if _plain(first):
                return Opaque()  # `torch.randperm(len(by_class))`, a count the data says
            return Array(
                self.iterate(first)
                if isinstance(first, (list, Seq))
                else range(self.number(first))
            )
        if callee in _SHUFFLES and len(args) == 1:
            return None
        if callee in _DRAWS:
            return self.draw(callee, args, kwargs)
        if callee in _DISTRIBUTED_FLAGS:
            return True
        if callee in _DISTRIBUTED_INPUTS:
            return self.env.resolve(Free(f"dist.{callee.rpartition('.')[2]}()", self.env), INT)
        if callee in {"torch.argsort", "numpy.argsort"} and len(args) == 1 and set(kwargs) <= {"descending", "stable", "dim"}:
            return Array(range(self.length(args[0])))  # a permutation of the positions
        if callee.startswith("torch.utils.data.") and callee.rpartition(".")[2].endswith("Sampler"):
            return self.torch_sampler(callee.rpartition(".")[2], args, kwargs)
        if callee == "numpy.split" and len(args) == 2 and not kwargs and not isinstance(args[1], list):
            # Into k equal parts, or numpy raises ValueError.
            if self.length(args[0]) % max(1, self.number(args[1])):
                raise Refused("an array split into unequal parts")
            callee = "numpy.array_split"
        if callee == "torch.tensor_split" and len(args) == 2 and not kwargs and not isinstance(args[1], list):
            callee = "numpy.array_split"  # k parts, the first ones longer by one, as array_split does
        if callee in {"torch.split", "torch.chunk", "numpy.array_split"} and len(args) == 2 and not kwargs:
            items = list(self.iterate(args[0]))
            k = self.number(args[1])
            if not isinstance(k, int) or k <= 0:
                raise Refused("split size")
            if callee == "torch.split":
                return [Array(items[i : i + k]) for i in range(0, len(items), k)]
            if callee == "torch.chunk":
                size = -(-len(items) // k) if items else 0
                return [Array(items[i : i + size]) for i in range(0, len(items), size)] if size else []
            q, r = divmod(len(items), k)
            bounds = [i * q + min(i, r) for i in range(k + 1)]
            return [Array(items[bounds[i] : bounds[i + 1]]) for i in range(k)]
        if callee in {"torch.reshape", "numpy.reshape"} and len(args) == 2 and not kwargs:
            return self.reshape(list(self.iterate(args[0])), args[1] if isinstance(args[1], list) else [args[1]])
        if callee in {"numpy.hstack", "numpy.concatenate", "torch.cat"} and len(args) == 1 and _plain(args[0]):
            return Opaque()  # pieces the model does not know: as unknown as they are
        if callee in {"numpy.hstack", "numpy.concatenate", "torch.cat"} and len(args) == 1 and not kwargs:
            return Array(x for part in self.iterate(args[0]) for x in self.iterate(part))
        if statement and not _holds_state(args, kwargs):
            return None  # `torch.manual_seed(s)`: changes nothing counted
        if callee in {"numpy.random.default_rng", "numpy.random.RandomState"}:
            return RandomSource("numpy.random")
        if callee == "random.Random":
            return RandomSource("random")
        if callee == "torch.Generator":
            return Opaque()  # draws nothing itself: passed as `generator=` to torch's
        given = [*args, *kwargs.values()]
        if callee is not None and (
            not _holds_state(args, kwargs)
            # numpy and torch copy a list they are given into an array: it stays as it was
            or (callee.split(".")[0] in {"numpy", "torch"} and not _holds_state([a for a in given if not isinstance(a, list)], {}))
        ):
            # `np.unique(labels)`, `defaultdict(list)`: a value the model does not know;
            # a count taken from it stops the model (core/unknowns.py).
            return Opaque()
        raise Unknown(f"call {callee}")

    def filled(self, callee: str, node: cst.Call, args, owner, kwargs) -> Optional["Array"]:
        """`torch.zeros(n)`, `np.ones(n, dtype=np.int64)`, `torch.full((n,), v)`: one
        dimension of n values, floats unless the dtype is an integer or bool type; None
        (an unknown value, as any library call's) for what this does not model."""
        if set(kwargs) - {"dtype", "device"} or len(args) != (2 if callee.endswith("full") else 1):
            return None
        size = args[0]
        if isinstance(size, (list, tuple)):
            if len(size) != 1:
                return None  # more than one dimension
            size = size[0]
        dtype = next((a.value for a in node.args if a.keyword is not None and a.keyword.value == "dtype"), None)
        kind = float if dtype is None else _DTYPES.get(self.names(owner).imports.qualify(dtype) or "")
        if kind is None or _plain(size):
            return None
        value = args[1] if callee.endswith("full") else (1 if "ones" in callee else 0)
        value = self.number(value)
        return Array(kind(value) for _ in range(self.count_of(size)))

    def multinomial(self, args, kwargs) -> Optional["Array"]:
        """`torch.multinomial(weights, k, replacement)` of one dimension: k positions into
        the weights, which ones unknown; torch raises where no weight is positive, or,
        without replacement, where fewer than k are. None (an unknown value, as any
        library call's) for weights the model does not know."""
        given = dict(zip(("input", "num_samples", "replacement"), args), **kwargs)
        weights = given.get("input")
        if set(given) - {"input", "num_samples", "replacement", "generator"} or len(args) > 3:
            return None
        if not isinstance(weights, list) or not all(isinstance(w, (int, float)) for w in weights):
            return None
        k = self.count_of(given["num_samples"])
        positive = sum(1 for w in weights if w > 0)
        if any(w < 0 for w in weights) or not positive or (not self.truth(given.get("replacement", False)) and k > positive):
            raise Refused("torch.multinomial raises")
        return Array(Position(len(weights)) for _ in range(k))

    def count_of(self, size) -> int:
        """A size a tensor is made with: a non-negative int, or the code refuses it."""
        n = self.number(size)
        if not isinstance(n, int) or n < 0:
            raise Refused("a size that is not a non-negative int")
        return _small(range(n)).stop

    def draw(self, callee: str, args, kwargs):
        """A random integer draw (or `size` of them, or a choice) as one outcome it can
        have, the lowest: a difference found under it is one some epoch meets, and the
        message says the draws were so. Bounds that leave nothing to draw are refused,
        as the library refuses them."""
        # torch.randint(high, size): two positional arguments leave out `low`.
        names = ("high", "size") if callee == "torch.randint" and len(args) == 2 else _DRAWS[callee]
        given = dict(zip(names, args), **kwargs)
        if callee in {"random.choice", "numpy.random.choice"} and _plain(given.get("a")):
            return self.unknown_choice(given)
        if len(args) > len(names) or set(given) - set(names) - {"generator", "dtype", "device"}:
            raise Unknown(f"{callee} arguments")  # `p=` weights may exclude the lowest
        if callee in {"random.choice", "numpy.random.choice"}:
            first = given["a"]
            if isinstance(first, Free) and callee == "numpy.random.choice":
                raise Unknown("a parameter that may be a count or a sequence")
            if callee == "numpy.random.choice" and not isinstance(first, (list, tuple, range, Seq, Free, Element)):
                pool = list(range(self.number(first)))  # choice(n) draws from range(n)
            else:
                pool = list(self.iterate(first))
            size, many = self.draw_size(given.get("size"))
            if not pool or (not self.truth(given.get("replace", True)) and size > len(pool)):
                raise Refused("nothing to choose from")
            picked = pool[:size] if size <= len(pool) else [pool[0]] * size
            self.env.drew = True
            return Array(picked) if many else picked[0]  # numpy's choice with a size: an array
        low, high = (self.number(given.get("low", 0)), given.get("high"))
        if callee == "random.randint":
            low, high = self.number(given["a"]), self.number(given["b"]) + 1
        elif high is None:
            low, high = 0, low  # numpy's randint(n) and torch's randint(n, size) draw below n
        if not isinstance(low, int) or not isinstance(self.number(high), int) or low >= high:
            raise Refused("an empty range to draw from")
        size, many = self.draw_size(given.get("size"))
        self.env.drew = True
        return Array([low] * size) if many else low  # numpy's and torch's draws of a size: arrays

    def unknown_choice(self, given) -> object:
        """A choice from values read from the data (`np.random.choice(labels_kept, k)`):
        `size` unknown values, whatever the weights. Data with enough distinct values to
        choose from is taken: without replacement, no more than the shortest sequence
        argument holds, which its items' values can supply."""
        size, many = self.draw_size(given.get("size"))
        if not self.truth(given.get("replace", True)):
            lengths = [self.env.values.get(k, _DOMAINS[SEQ][1]) for k, kind in self.env.kinds.items() if kind == SEQ]
            if not lengths or size > min(lengths):
                raise Unknown("a choice without replacement from values of unknown number")
        self.env.drew = True
        return Array(Opaque() for _ in range(size)) if many else Opaque()

    def draw_size(self, size) -> Tuple[int, bool]:
        """How many values a draw gives, and whether as a list: a one-dimensional size only."""
        if size is None:
            return 1, False
        if isinstance(size, list):
            if len(size) != 1:
                raise Unknown("a draw of more than one dimension")
            size = size[0]
        size = self.number(size)
        if not isinstance(size, int) or size < 0:
            raise Refused("size")
        return _small(range(size)).stop, True

    def has_attribute(self, node: cst.Call, scope, owner) -> bool:
        """`hasattr(obj, "name")` of an object the model built, whose every attribute it
        knows: set by the code it ran, a method, property or class attribute of its
        lineage. Beyond torch's plain `Sampler` (whose instances have no other attribute) a
        torch base may hold more: that is unknown."""
        args = [a.value for a in node.args]
        if any(a.keyword for a in node.args) or len(args) != 2:
            raise Unknown("hasattr")
        obj = self.eval(args[0], scope, owner)
        name = args[1].evaluated_value if isinstance(args[1], cst.SimpleString) else None
        if not isinstance(obj, Obj) or not isinstance(name, str) or name.startswith("__"):
            raise Unknown(f"hasattr of an unknown object or name: {_what(obj)}")
        index = self.index(obj)
        if name in obj.attrs or name in index.methods or name in index.properties or name in index.class_attrs:
            return True
        if _torch_base(self.lineage(obj), self.ctx.imports) is not None:
            raise Unknown("hasattr of an attribute a torch base may hold")
        return False

    def instance_of_own_class(self, node: cst.Call, scope, owner) -> bool:
        """`isinstance(x, C)`, `C` a class of this module, or a tensor, an array or a torch
        dataset type, and `x` a value the caller passes (a dataset of unknown elements, a
        sequence): False, as for a plain list. That is one legitimate input, so a
        difference found under it is one; nothing is concluded for the inputs that are `C`s."""
        if len(node.args) != 2 or any(a.keyword for a in node.args):
            raise Unknown("isinstance")
        kind = node.args[1].value
        kinds = [e.value for e in kind.elements] if isinstance(kind, cst.Tuple) else [kind]
        names = self.names(owner)
        own = [isinstance(k, cst.Name) and k.value in names.classes and k.value not in scope for k in kinds]
        qualified = [None if mine else names.imports.qualify(k) for k, mine in zip(kinds, own)]
        if any(q in _ARGUMENT_TYPES for q in qualified):
            return self.argument_type(node.args[0].value, qualified, own, scope, owner)
        if not all(mine or q in _NOT_A_LIST for q, mine in zip(qualified, own)):
            raise Unknown("isinstance of a class outside the module")
        value = self.eval(node.args[0].value, scope, owner)
        # Of a class of the module, any value the model does not know may be tested so.
        if not isinstance(value, (Free, Seq, Element)) and not (all(own) and isinstance(value, Opaque)):
            raise Unknown("isinstance of a value the model made")
        return False


    def argument_type(self, node, qualified, own, scope, owner) -> bool:
        """`isinstance(batch_size, int)`, `isinstance(drop_last, bool)`,
        `isinstance(sampler, Sampler)`: the checks a constructor makes of what it is given.
        Of a constructor argument only (a value the model made may stand for a numpy
        scalar or a tensor), as the model gives it: an int, a flag, a plain list, or, for
        an argument named a sampler, a torch `Sampler`. The test types the argument as the
        check says."""
        value = self.eval(node, scope, owner)
        if value is None or isinstance(value, str):
            # Known exactly (a default taken as given): of no type here but str.
            return not any(own) and isinstance(value, str) and "str" in qualified
        if not isinstance(value, Free) or any(own):
            raise Unknown("isinstance of a value the model made")
        answers = []
        for name in qualified:
            wanted = _ARGUMENT_TYPES.get(name, _NOT_A_LIST_KIND if name in _NOT_A_LIST else None)
            if wanted is None:
                raise Unknown("isinstance of a class outside the module")
            kind, sampler_only = wanted
            given = self.env.kinds.get(value.name)
            if kind is not None and given is None:
                self.env.resolve(value, kind)  # typed by the check, as by a first use
                given = kind
            # A flag is an int too, as `isinstance(True, int)` says.
            matches = kind is not None and (kind == given or (kind, given) == (INT, FLAG))
            answers.append(matches and (not sampler_only or "sampler" in value.name.lower()))
        return any(answers)


class Outcome:
    def __init__(
        self,
        length: int,
        count: int,
        arguments: Dict[str, object],
        kinds: Dict[str, str],
        drew: bool = False,
        epoch: int = 1,
        epochs: bool = False,
    ) -> None:
        self.length, self.count, self.epoch = length, count, epoch
        self.arguments, self.kinds, self.drew, self.epochs = arguments, kinds, drew, epochs

    @property
    def when(self) -> str:
        """Which epoch the two sides differ in, as a message says it ("" for the first)."""
        return " in the second epoch" if self.epoch == 2 else ""

    def describe(self, limit: int) -> str:
        """The arguments (and how the draws were taken), shortened to `limit` characters."""
        parts = []
        for name, value in self.arguments.items():
            parts.append(f"len({name})={value}" if self.kinds[name] == SEQ else f"{name}={value}")
        text = ", ".join(parts)
        drawn = (", each random draw at its lowest" if self.drew else "") + (", set_epoch(epoch) called first" if self.epochs else "")
        limit -= len(drawn)
        text = text if len(text) <= limit else text[: limit - 3] + "..."
        return text + drawn


def _run(
    ctx: SamplerContext,
    values: Dict[str, object],
    widen: bool = False,
    attributes: bool = False,
    measured: bool = False,
    read: Optional[set] = None,
) -> Tuple[Optional[Tuple[int, int, int]], Env]:
    """`_run_path` along every way the tests on unknown values (a label compared, a length
    read from the data) can go, both outcomes of each, feasible or not: the result where
    every way gives the same one (what such a test decides then changes no count, whatever
    the data), None where a way refuses the input (the data may always take it); a count
    that differs between ways is the data's to decide, unknown to the model. The Env
    returned holds every way's inputs and steps."""
    pending: List[Tuple[bool, ...]] = [()]
    results, merged = [], None
    while pending:
        decisions = pending.pop()
        if len(results) == _PATHS:
            raise Unknown("too many ways through tests on unknown values")
        result, env = _run_path(ctx, values, widen, attributes, measured, decisions, read=read)
        # The ways that part from this one at a test it took first: the other outcome there.
        pending.extend(tuple(env.made[:i]) + (True,) for i in range(len(decisions), len(env.made)))
        results.append(result)
        if merged is None:
            merged = env
            continue
        for name, kind in env.kinds.items():
            if merged.kinds.setdefault(name, kind) != kind:
                raise Unknown(f"{name} used as {kind} and {merged.kinds[name]}")
        merged.steps += env.steps
        merged.drew |= env.drew
        merged.epochs |= env.epochs
        merged.walked |= env.walked
    if any(r is None for r in results):
        return None, merged
    if len(set(results)) > 1:
        raise Unknown("a count a test on unknown values decides")
    return results[0], merged


def _run_path(
    ctx: SamplerContext,
    values: Dict[str, object],
    widen: bool,
    attributes: bool,
    measured: bool,
    decisions: Tuple[bool, ...],
    epochs: bool = False,
    read: Optional[set] = None,
) -> Tuple[Optional[Tuple[int, int, int]], Env]:
    """(len(), items yielded, epoch) for these argument values, each test on an unknown
    value decided as `decisions` say, or None when the code refuses them: the first
    epoch's, or, where they agree, the second's (the same object asked len() and walked
    again, as a DataLoader does each epoch); `env.drew` says whether a random draw was
    taken at its lowest outcome to get them. A class that only measures the items of an
    argument is run again with their lengths unknown (`measured`). One that reads an
    attribute nothing set yet, and has a `set_epoch`, is run again as a training loop
    uses it (`epochs`, `env.epochs`): `set_epoch(0)` before the first epoch, `set_epoch(1)`
    before the second."""
    env = Env(values, attributes, measured, decisions, read)
    env.epochs = epochs
    # `p: int` is a count, though `p` names a probability elsewhere.
    env.whole = {
        p.name.value
        for p in constructor_params(ctx)
        if p.annotation is not None and cst.code(p.annotation.annotation).strip() == "int"
    }
    machine = Machine(ctx, env)
    init = machine.whole[1].methods.get("__init__")

    def fresh() -> Obj:
        obj = Obj()
        arguments = {}
        for p in constructor_params(ctx):
            name = p.name.value
            arguments[name] = Free(name, env) if _free(p, widen) else machine.eval(p.default, {})
        if init is None:
            machine.torch_method(obj, "__init__", [], arguments)
        else:
            machine.call_function(machine.method(obj, "__init__"), [], arguments)
        if epochs:
            machine.call_function(machine.method(obj, "set_epoch"), [0], {})
        return obj

    try:
        # One object asked len() and then walked, as a DataLoader does.
        obj = fresh()
        try:
            before = _state(obj)
        except _Moving:
            before = None
        length = machine.number(machine.call_special(obj, "__len__"))
        produced = machine.call_special(obj, "__iter__")
        count = len(machine.drain(obj) if produced is obj else list(machine.iterate(produced)))
    except Refused:
        return None, env
    except Unknown as stop:
        # `self.epoch` read where only `set_epoch` sets it: the class is meant to be given
        # its epoch first, as DistributedSampler's users do.
        if epochs or not str(stop).startswith("attribute ") or machine.method(Obj(), "set_epoch") is None:
            raise
        return _run_path(ctx, values, widen, attributes, measured, decisions, True, read)
    if not isinstance(length, int) or isinstance(length, bool):
        raise Unknown("len() not an int")
    if any(n.endswith("[*]") and n[:-3] not in env.walked and "sampler" not in n.lower() for n in env.kinds):
        # Items only measured (`len(data[i])`) are data whose lengths a parameter may bound
        # (a token budget): equal lengths of any size are not known to be legitimate. Run
        # with their lengths unknown, the class is judged where no count depends on them.
        # A wrapped sampler's batches of one size are what torch's BatchSampler makes.
        return _run_path(ctx, values, widen, attributes, True, decisions, epochs, read)
    if length < 0:
        return None, env  # len() itself raises ValueError on this input
    if length == count and (epochs or not _same_state(obj, before)):
        # An object the epoch left as it found it gives the same epoch again: the model is
        # deterministic on one state. That is most classes, and half of flake8's time.
        again = _second_epoch(machine, obj, epochs)
        if again is not None and again[0] != again[1]:
            return (*again, 2), env
    return (length, count, 1), env


class _Moving(Exception):
    """State `_state` cannot compare."""


def _state(value, seen: Optional[set] = None):
    """What the model's run reads of `value` and everything reachable from it, as a value
    that compares equal while none of it changed. Raises _Moving where some part holds
    state the model cannot compare (an iterator part taken, a generator)."""
    seen = set() if seen is None else seen
    if isinstance(value, (int, float, str, bytes, type(None))):
        return (type(value), value)
    if isinstance(value, (Opaque, Free, OtherClass, range, cst.CSTNode)) and not isinstance(value, Seq):
        return ("same", id(value))  # nothing of it a run can change
    if not isinstance(value, (Obj, Seq, Func, list, dict, set, tuple)):
        raise _Moving(type(value).__name__)
    if id(value) in seen:
        return ("seen", id(value))
    seen.add(id(value))
    if isinstance(value, (list, tuple)):
        parts = [_state(v, seen) for v in value]
    elif isinstance(value, set):
        parts = sorted((_state(v, seen) for v in value), key=repr)
    elif isinstance(value, dict):
        parts = [(_state(k, seen), _state(v, seen)) for k, v in value.items()]
    elif isinstance(value, Func):
        parts = [(k, _state(v, seen)) for k, v in (value.scope or {}).items()]
    else:
        parts = [(k, _state(v, seen)) for k, v in value.attrs.items()]
    return (type(value), id(value), tuple(parts))


def _same_state(obj: Obj, before) -> bool:
    """`obj` is as `before` (its `_state`) says, as far as the model can tell."""
    try:
        return before is not None and _state(obj) == before
    except _Moving:
        return False


def _second_epoch(machine: Machine, obj: Obj, epochs: bool) -> Optional[Tuple[int, int]]:
    """(len(), items yielded) of a second epoch of `obj`, after its first (and after
    `set_epoch(1)` where the first was given its epoch): state the first left behind (a
    cursor never reset, a cache consumed) shows there. None where the model cannot run it
    or the code refuses it: the first epoch's answer then stands."""
    try:
        if epochs:
            machine.call_function(machine.method(obj, "set_epoch"), [1], {})
        length = machine.number(machine.call_special(obj, "__len__"))
        produced = machine.call_special(obj, "__iter__")
        count = len(machine.drain(obj) if produced is obj else list(machine.iterate(produced)))
    except (Unknown, Refused):
        return None
    if not isinstance(length, int) or isinstance(length, bool) or length < 0:
        return None
    return length, count


def constructor_params(ctx: SamplerContext) -> List[cst.Param]:
    """The constructor's parameters: those of the first `__init__` of the lineage, or
    torch's base's; where that `__init__` passes its `**kwargs` up
    (`super().__init__(*args, **kwargs)`), the next one's too, given by keyword."""
    return _params_from(ctx.whole[0], 0, ctx.imports)


def _params_from(lineage, start: int, imports: ImportTable) -> List[cst.Param]:
    for position in range(start, len(lineage)):
        init = next((s for s in lineage[position].body.body if isinstance(s, cst.FunctionDef) and s.name.value == "__init__"), None)
        if init is None:
            continue
        own = [*init.params.params[1:], *init.params.kwonly_params]
        if init.params.star_kwarg is None or not _passes_keywords_up(init):
            return own
        taken = {p.name.value for p in own}
        return own + [p for p in _params_from(lineage, position + 1, imports) if p.name.value not in taken]
    # An optional parameter of torch's base that the class's code never names (RandomSampler's
    # num_samples under a subclass that only reorders) is left at its default: its author
    # did not write for it, and whoever judges the class does not pass it.
    nodes = [n for klass in lineage for n in _every_node(klass)]
    named = {n.value for n in nodes if isinstance(n, cst.Name)} | {n.attr.value for n in nodes if isinstance(n, cst.Attribute)}
    return [
        p
        for p in _TORCH_PARAMS.get(_torch_base(lineage, imports), [])
        if p.default is None or p.name.value in named or not _optional(p)
    ]


def _every_node(node: cst.CSTNode) -> Iterator[cst.CSTNode]:
    """Every node under `node`, nested functions and classes included."""
    stack = [node]
    while stack:
        current = stack.pop()
        yield current
        stack.extend(children(current))


def _optional(param: cst.Param) -> bool:
    return isinstance(param.default, cst.Name) and param.default.value == "None"


def _passes_keywords_up(init: cst.FunctionDef) -> bool:
    """`super().__init__(..., **kwargs)` in `init`, of its own `**kwargs`."""
    name = init.params.star_kwarg.name.value
    return any(
        isinstance(n, cst.Call)
        and isinstance(n.func, cst.Attribute)
        and n.func.attr.value == "__init__"
        and isinstance(n.func.value, cst.Call)
        and isinstance(n.func.value.func, cst.Name)
        and n.func.value.func.value == "super"
        and any(a.star == "**" and isinstance(a.value, cst.Name) and a.value.value == name for a in n.args)
        for n in walk(init.body)
    )


def _param(name: str, default: Optional[str] = None) -> cst.Param:
    return cst.Param(cst.Name(name), default=None if default is None else cst.parse_expression(default))


# The constructors of the torch samplers the model knows, as their signatures.
_TORCH_PARAMS = {
    "BatchSampler": [_param("sampler"), _param("batch_size"), _param("drop_last")],
    "SequentialSampler": [_param("data_source")],
    "RandomSampler": [
        _param("data_source"),
        _param("replacement", "False"),
        _param("num_samples", "None"),
        _param("generator", "None"),
    ],
    "SubsetRandomSampler": [_param("indices"), _param("generator", "None")],
    "WeightedRandomSampler": [
        _param("weights"),
        _param("num_samples"),
        _param("replacement", "True"),
        _param("generator", "None"),
    ],
    "DistributedSampler": [
        _param("dataset"),
        _param("num_replicas", "None"),
        _param("rank", "None"),
        _param("shuffle", "True"),
        _param("seed", "0"),  # never varied (_free): it orders the indices, it does not count them
        _param("drop_last", "False"),
    ],
}


# torch samplers whose whole state is their constructor's arguments (Machine.simple_init).
_SIMPLE_SAMPLERS = {"SequentialSampler", "RandomSampler", "SubsetRandomSampler", "WeightedRandomSampler"}


def _small(value):
    if len(value) > _LARGEST:
        raise Unknown("too large")
    return value


def _module_constants(bindings: Dict[str, List[cst.BaseExpression]]) -> Dict[str, object]:
    """Of the module-level names (`Flow.constants`: each name's bound values), those bound
    once, to a number or a flag literal."""
    found = {}
    for name, values in bindings.items():
        value = values[0]
        literal = (
            int(value.evaluated_value)
            if isinstance(value, cst.Integer)
            else float(value.evaluated_value)
            if isinstance(value, cst.Float)
            else {"True": True, "False": False}.get(value.value, Unknown)
            if isinstance(value, cst.Name)
            else Unknown
        )
        # A name bound twice, or to anything else, is not a constant.
        if len(values) == 1 and literal is not Unknown:
            found[name] = literal
    return found


@functools.lru_cache(maxsize=256)
def _is_generator(func: cst.FunctionDef) -> bool:
    """A `yield` in the body (nodes hash by identity): asked on every call the model runs."""
    return any(isinstance(n, cst.Yield) for n in walk(func.body))


def _holds_state(args, kwargs) -> bool:
    """An unknown call given one of our lists, objects or generators may change them."""
    return any(isinstance(a, (list, Obj, Func, Generator, Cursor)) for a in [*args, *kwargs.values()])


_END = object()  # what `next` finds past the end of an iterator


def _zipped(parts: List[Iterator[object]]) -> Iterator[Tuple[object, ...]]:
    """zip over iterators: one of each in turn, until one runs out."""
    while True:
        row = []
        for part in parts:
            item = next(part, _END)
            if item is _END:
                return
            row.append(item)
        yield tuple(row)


# What a method or a property of an object stands for where a skipped loop reads it.
_NOT_HELD = object()


def _references(value: object, roots: List[object]) -> int:
    """How many places reachable from `roots` refer to `value`: names' values, elements of
    lists, attributes of objects, what functions and generators the code made hold."""
    count, seen, stack = 0, set(), list(roots)
    while stack:
        current = stack.pop()
        if current is value:
            count += 1
            continue
        if id(current) in seen:
            continue
        seen.add(id(current))
        if isinstance(current, (list, tuple)):
            stack.extend(current)
        elif isinstance(current, Obj):
            stack.extend(current.attrs.values())
        elif isinstance(current, (Func, Generator)):
            stack.extend((current.scope or {}).values())
    return count


def _static(func: cst.FunctionDef) -> bool:
    """Decorated `@staticmethod` alone."""
    return [d.decorator.value for d in func.decorators if isinstance(d.decorator, cst.Name)] == ["staticmethod"] and len(func.decorators) == 1


def kind_of_comprehension(node) -> bool:
    return isinstance(node, (cst.DictComp, cst.SetComp))


def _plain(value) -> bool:
    """An unknown value that is not a sequence of known length: nothing is counted from it,
    so what is computed from it is unknown too (core/unknowns.py). An element of a sequence
    argument is not one: walked or measured, it is a group of the length the model varies.
    A string is one too: it is only compared (compare, contains); what is computed from it
    (a path joined, a key formatted, a dataset's entry it names) is unknown."""
    return (isinstance(value, Opaque) and not isinstance(value, (Seq, Element))) or isinstance(value, str)


def _constant(value) -> bool:
    """A value the model knows exactly and compares as Python does."""
    return value is None or isinstance(value, (bool, int, float, str))


def _kind(value) -> str:
    """What a loop the model skips may do with `value` (core/unknowns.Skip)."""
    if isinstance(value, Obj):
        return "object"
    if isinstance(value, (Seq, Element, Free)):
        return "data"
    if value is None or isinstance(value, (Opaque, int, float, str)):
        return "plain"
    if isinstance(value, (list, tuple, range)):
        return "list" if all(_kind(v) in ("plain", "data") for v in value) else "nested"
    return "other"


def _free(param: cst.Param, widen: bool = False) -> bool:
    """A parameter the model varies: one without a default, or with an int or bool default
    (a float or string default is taken as given); when `widen`, also one whose default is
    None (a caller may always pass a value instead)."""
    default = param.default
    if default is None:
        return True
    if param.name.value in {"generator", "seed"}:
        return False  # a random generator, or its seed, orders the items, it never counts them
    if isinstance(default, cst.UnaryOperation) and isinstance(default.operator, cst.Minus):
        default = default.expression  # `rank=-1`, "not given": a caller passes a value
    if (
        isinstance(default, cst.Name)
        and default.value == "None"
        and (widen or _RANK.search(param.name.value) or _WORLD.search(param.name.value))
    ):
        return True  # `num_replicas=None` asks torch.distributed: any world is legitimate
    return isinstance(default, cst.Integer) or (
        isinstance(default, cst.Name) and default.value in {"True", "False"}
    )


def domain(name: str, kind: str):
    """The values a parameter takes: ranks from 0."""
    return range(0, 5) if kind == INT and _RANK.search(name) else _DOMAINS[kind]


def _legitimate(values: Dict[str, object], kinds: Dict[str, str]) -> bool:
    """Distributed ranks below the world size; and, to stay clear of inputs a sampler's
    author may not mean (more samples than the data has, a wrapped batch sampler's
    batches of another size than the `batch_size` given with it), no int above a
    sequence's length."""
    lengths = [v for k, v in values.items() if kinds[k] == SEQ]
    ints = [v for k, v in values.items() if kinds[k] == INT]
    if lengths and ints and max(ints) > min(lengths):
        return False
    # A wrapped batch sampler given with a `batch_size` (torch's BatchSampler's name for
    # it; `global_batch_size`, `batch_size_per_gpu`, ...) may be meant to make batches of
    # that size: its batches hold that many items, as many as each such size.
    sizes = {v for k, v in values.items() if "batch_size" in k and kinds[k] == INT}
    if sizes and any(
        {v} != sizes for k, v in values.items() if k.endswith("[*]") and "sampler" in k.lower()
    ):
        return False
    ranks = [v for k, v in values.items() if _RANK.search(k)]
    worlds = [v for k, v in values.items() if _WORLD.search(k)]
    if ranks and not worlds:
        return all(r == 0 for r in ranks)
    return all(r < w for r in ranks for w in worlds)


def counterexample(ctx: SamplerContext) -> Optional[Outcome]:
    """The smallest constructor arguments on which len() differs from the number of items
    __iter__ yields, by running both in the interpreter; None when they agree on every
    argument tried or the model cannot run them."""
    # First with None defaults as given, then, where there are any, with a value passed
    # for each (`num_samples=None`, `dataset=None`): the paths the None takes are run first.
    # Last, where the model stopped and a run read attributes of the arguments
    # (`dataset.ids`), with each such attribute an input of its own: never before, since a
    # class that reads two values of one argument is not run that way, and would lose what
    # the others find; and only after a stop, since a run that ends never counted them.
    params = constructor_params(ctx)
    return _search(ctx, params, _widens(params))[0]


def _widens(params) -> Tuple[bool, ...]:
    return (False, True) if any(_free(p, True) and not _free(p) for p in params) else (False,)


def _search(ctx: SamplerContext, params, widens) -> Tuple[Optional[Outcome], Optional[BaseException]]:
    """`counterexample`'s search: the outcome, or None and the last stop the model met."""
    stops, read = [], set()
    for widen in widens:
        found, stop = _first_apart(ctx, params, widen, False, read)
        if found is not None:
            return found, None
        stops.append(stop)
    # Runs that never read an attribute of an argument are the same runs with attributes
    # as inputs: only a stop after such a read can go differently.
    if not any(stops) or not read:
        return None, next((s for s in stops if s is not None), None)
    for widen in widens:
        found, stop = _first_apart(ctx, params, widen, True)
        if found is not None:
            return found, None
        stops.append(stop)
    return None, next((s for s in reversed(stops) if s is not None), None)


def silence(ctx: SamplerContext) -> str:
    """Why `counterexample` found nothing (a tool of ours: scripts/why_silent.py, never on
    flake8's path): "agrees" where every input tried ran and agreed, else the kind of stop
    (the Unknown's reason, or an error of the interpreter's own) and the statement it met."""
    if not _runnable(ctx):
        return "not runnable: a base outside the project or torch's samplers"
    params = constructor_params(ctx)
    found, stop = _search(ctx, params, _widens(params))
    if found is not None:
        return "found"
    if stop is None:
        return "agrees on every input tried"
    kind = str(stop) if isinstance(stop, Unknown) else f"error {type(stop).__name__}: {stop}"
    where = getattr(stop, "where", None)
    return kind if where is None else f"{kind} @ {cst.code(where).strip().splitlines()[0][:100]}"


def _first_apart(
    ctx: SamplerContext, params, widen: bool, attributes: bool, read: Optional[set] = None
) -> Tuple[Optional[Outcome], Optional[BaseException]]:
    """The first run of `runs(ctx, widen, attributes, read)` where the two sides differ,
    and what stopped the model (could not run the class) before finding one, if anything."""
    try:
        for values, (length, count, epoch), kinds, (drew, epochs) in runs(ctx, widen, attributes, read):
            if length != count:
                order = [p.name.value for p in params]
                # `len(groups[*])` right after `len(groups)`, `dataset.ids` where `dataset` is.
                bare = {n: re.split(r"[\[.]", n)[0] for n in kinds}
                place = {n: order.index(bare[n]) if bare[n] in order else len(order) for n in kinds}
                names = sorted(kinds, key=lambda n: (place[n], n))
                found = Outcome(length, count, {n: values[n] for n in names}, kinds, drew, epoch, epochs)
                return found, None
    except Exception as stop:  # noqa: BLE001
        # Unknown or RecursionError; or an error of the interpreter's own (a state it did
        # not set up, an operation it half knows): a class it does not know, never a
        # finding, and it must not stop flake8 on the file.
        return None, stop
    return None, None


def runs(
    ctx: SamplerContext, widen: bool = False, attributes: bool = False, read: Optional[set] = None
) -> Iterator[Tuple[Dict[str, object], Tuple[int, int, int], Dict[str, str], bool]]:
    """(arguments, (len(), items yielded, the epoch they are of: _run), each parameter's
    kind, whether a random draw was taken at its lowest) for each legitimate input
    the model tries, the smallest first; raises Unknown where the model cannot run the class.
    A parameter first used on a branch an earlier input did not take starts the grid again.
    `widen`: parameters whose default is None are given values too; `attributes`: an
    attribute read of an argument is an input of its own; `read` gathers the arguments
    whose attributes were read."""
    if not _runnable(ctx):
        return
    _, env = _run(ctx, {}, widen, attributes, read=read)
    kinds = dict(env.kinds)
    spent = env.steps
    for _ in range(3):
        names = sorted(kinds)
        domains = [domain(n, kinds[n]) for n in names]
        grown = False
        # The smallest inputs first; a class is run on at most _COMBINATIONS of them.
        for combo in itertools.islice(_smallest_first(domains), _COMBINATIONS):
            values = dict(zip(names, combo))
            if not _legitimate(values, kinds):
                continue
            result, env = _run(ctx, values, widen, attributes, read=read)
            spent += env.steps
            if spent > _BUDGET:
                raise Unknown("too long for the plugin")
            if any(kinds.get(n, kind) != kind for n, kind in env.kinds.items()):
                raise Unknown("a parameter of two kinds")
            if set(env.kinds) - set(kinds):
                kinds.update(env.kinds)
                grown = True
                break
            if result is not None:
                yield values, result, kinds, (env.drew, env.epochs)
        if not grown:
            return


def _smallest_first(domains) -> Iterator[Tuple[object, ...]]:
    """The combinations of the domains' values by increasing sum (ties in tuple order),
    made one sum at a time: a class of seven parameters has 78125 of them, and only the
    first few hundred are ever run."""
    lows = [min(int(v) for v in d) for d in domains]
    highs = [max(int(v) for v in d) for d in domains]

    def fill(i: int, left: int, prefix: Tuple[object, ...]) -> Iterator[Tuple[object, ...]]:
        if i == len(domains):
            yield prefix
            return
        for value in domains[i]:
            rest = left - int(value)
            if sum(lows[i + 1 :]) <= rest <= sum(highs[i + 1 :]):
                yield from fill(i + 1, rest, prefix + (value,))

    for total in range(sum(lows), sum(highs) + 1):
        yield from fill(0, total, ())


def _runnable(ctx: SamplerContext) -> bool:
    """One of the two methods is the module's code, and every base outside the module is
    torch's `Sampler`, `BatchSampler` or `DistributedSampler` (whose methods the model
    knows) or `object`."""
    methods = ctx.index.methods
    if "__iter__" not in methods and "__len__" not in methods:
        return False
    return _known_bases(ctx.whole[0], ctx.imports, ctx.root)


def _known_bases(lineage, imports, root: Optional[str] = None) -> bool:
    """Every base of every class of `lineage` is one of the lineage (of its module, or one
    read from another module of the project under `root`) or a torch sampler the model
    knows; `imports` are the judged module's."""
    for klass in lineage:
        table = _imports_of(klass, imports)
        same = {k.name.value for k in lineage if home_of(k) is home_of(klass)}
        for base in klass.bases:
            if base.keyword is not None:
                return False
            value = base.value.value if isinstance(base.value, cst.Subscript) else base.value
            if isinstance(value, cst.Name) and value.value in same | {"object", "Generic"}:
                continue
            resolved = resolve_base(root, table, value)
            if resolved is not None and resolved[0] in lineage:
                continue
            name = table.qualify(value)
            if name is None or name.rpartition(".")[2] not in {
                "Sampler",
                "BatchSampler",
                "DistributedSampler",
                "Generic",
                *_SIMPLE_SAMPLERS,
            }:
                return False
            if not (name.startswith("torch.") or name.startswith("typing.")):
                return False
    return True


def _imports_of(klass: cst.ClassDef, imports: ImportTable) -> ImportTable:
    home = home_of(klass)
    return imports if home is None else home.imports


def _torch_base(lineage, imports: ImportTable) -> Optional[str]:
    """torch_len_base over a lineage whose classes may come from several modules."""
    for klass in lineage:
        found = torch_len_base([klass], _imports_of(klass, imports))
        if found is not None:
            return found
    return None
