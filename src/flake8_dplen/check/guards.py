"""The class's own validation of its arguments, as a constraint on drawing them.

A constructor that checks what it is given (`assert batch_size % num_instances == 0`,
`if min_channels < 2: raise ValueError(...)`, `if mode not in ("a", "b"): raise`)
rejects most independently drawn argument sets, and a class whose every draw fails one
check was "could not build". The checks at the top level of ``__init__`` that read only
its parameters (or the attributes of ``self`` it has just stored them in) and names of
its module are read here; arguments.calls draws again the parameters a failed check
names until every check holds. The class's own checks decide: no input it rejects is
built, and none it accepts is left out (check/legitimate.py).
"""

from __future__ import annotations

import ast
import builtins
import inspect
import sys
import textwrap
from dataclasses import dataclass
from typing import Any, Dict, FrozenSet, List, Optional, Set, Tuple

from .reads import called_name, class_trees, stored_as


@dataclass
class Guard:
    code: Any  # the compiled condition that must hold
    names: FrozenSet[str]  # the parameters it reads
    text: str
    scope: Dict[str, Any]  # the globals of the constructor's module
    # `mode in ("a", "b")`, `mode == "a"`: the parameter and the only values it may take,
    # drawn from directly (arguments.calls) rather than hoped for.
    choices: Optional[Tuple[str, Tuple[Any, ...]]] = None
    # `total % part == 0`: (total, part), parameters; a total drawn is rounded to a
    # multiple of the part drawn (arguments._redraw_until_valid).
    multiple: Optional[Tuple[str, str]] = None
    # `len(weights) == num_samples`: (num_samples, the compiled other side), a parameter
    # the check fixes from the others: given that value rather than drawn.
    solved: Optional[Tuple[str, Any]] = None
    # `isinstance(data_source, ConcatDataset)`: the parameter and the class it must be.
    kind: Optional[Tuple[str, type]] = None

    def holds(self, values: Dict[str, Any]) -> bool:
        """False only where the condition is evaluated and is false: one that raises (an
        argument of another kind than it expects) says nothing, and the build decides."""
        return self.value(self.code, values, True, bool)

    def value(self, code: Any, values: Dict[str, Any], failed: Any = None, then: Any = None) -> Any:
        """``code`` evaluated on the drawn ``values`` (and ``then`` applied: the truth of a
        tensor of several values raises too); ``failed`` where it raises."""
        try:
            value = eval(code, dict(self.scope), dict(values))
            return then(value) if then is not None else value
        except Exception:
            return failed


def guards(cls: type) -> List[Guard]:
    """The checks of ``cls.__init__`` on its parameters alone, in the order it makes them."""
    # The constructor that runs: the nearest class of the hierarchy that defines one.
    owner = next((klass for klass in cls.__mro__ if "__init__" in vars(klass)), object)
    init = vars(owner).get("__init__")
    module = sys.modules.get(getattr(owner, "__module__", ""))
    if not inspect.isfunction(init) or module is None:
        return []
    try:
        tree = ast.parse(textwrap.dedent(inspect.getsource(init)))
    except (OSError, TypeError, SyntaxError):
        return []
    function = tree.body[0]
    if not isinstance(function, (ast.FunctionDef, ast.AsyncFunctionDef)):
        return []
    params = {arg.arg for arg in function.args.args + function.args.kwonlyargs}
    params.discard("self")
    # `self.k = k`: a check on `self.k` checks `k`.
    held = {root: param for param in params for root in stored_as(function, param) if root != param}
    found = []
    assigned: Set[str] = set()  # parameters given another value before a check
    counts = _counts(cls)
    for statement in function.body:
        whole = _condition(statement) or _kept_quotient(statement, counts)
        for condition in _conjuncts(whole) if whole is not None else ():
            guard = _guard(_Unstore(held).visit(condition), params - assigned, owner, module)
            if guard is not None:
                found.append(guard)
        # `batch_size = int(batch_size)`, `if k is None: k = 4`: a later check sees the
        # new value, not the argument.
        stored = (node for node in ast.walk(statement) if isinstance(node, ast.Name))
        assigned |= {node.id for node in stored if isinstance(node.ctx, ast.Store)}
    return found


def _guard(condition: ast.expr, params: Set[str], owner: type, module: Any) -> Optional[Guard]:
    """The check of ``condition`` on ``params`` alone (and names of the module); None
    where it reads anything else: a local computed before it, a parameter given another
    value, `self.x` not stored from a parameter (the build decides those)."""
    nodes = list(ast.walk(condition))
    names = {node.id for node in nodes if isinstance(node, ast.Name) and isinstance(node.ctx, ast.Load)}
    # Names the condition binds itself: `all(w > 0 for w in weights)`, a lambda's arguments.
    names -= {node.id for node in nodes if isinstance(node, ast.Name) and isinstance(node.ctx, ast.Store)}
    names -= {arg.arg for node in nodes if isinstance(node, ast.Lambda) for arg in node.args.args}
    read = frozenset(names & params)
    if not read or names - params - set(vars(module)) - set(vars(builtins)) or "self" in names:
        return None
    try:
        expression = ast.fix_missing_locations(ast.Expression(condition))
        code = compile(expression, f"<check of {owner.__qualname__}>", "eval")
    except (SyntaxError, ValueError):
        return None
    text = ast.unparse(condition)
    choices, multiple = _choices(condition, params), _multiple(condition, params)
    solved, kind = _solved(condition, params, owner), _kind(condition, params, vars(module))
    return Guard(code, read, text, vars(module), choices, multiple, solved, kind)


def _kind(condition: ast.expr, params: Set[str], scope: Dict[str, Any]) -> Optional[Tuple[str, type]]:
    while isinstance(condition, ast.UnaryOp) and isinstance(condition.op, ast.Not):
        condition = condition.operand  # `not isinstance(...)` is negated twice: it must hold
    if not (isinstance(condition, ast.Call) and isinstance(condition.func, ast.Name)):
        return None
    if condition.func.id != "isinstance" or len(condition.args) != 2:
        return None
    value, kind = condition.args
    if not isinstance(value, ast.Name) or value.id not in params:
        return None
    try:
        found = eval(compile(ast.Expression(kind), "<kind>", "eval"), dict(scope)) if _dotted(kind) else None
    except Exception:  # a name bound later, or only under TYPE_CHECKING
        return None
    return (value.id, found) if isinstance(found, type) else None


def _dotted(node: ast.AST) -> bool:
    """A name or an attribute path (`data.ConcatDataset`): safe to evaluate in the module."""
    while isinstance(node, ast.Attribute):
        node = node.value
    return isinstance(node, ast.Name)


def _positive(condition: ast.expr) -> Optional[ast.Compare]:
    """The single comparison ``condition`` requires, negations undone (`not x not in C`
    is `x in C`)."""
    negated = False
    while isinstance(condition, ast.UnaryOp) and isinstance(condition.op, ast.Not):
        negated, condition = not negated, condition.operand
    if not isinstance(condition, ast.Compare) or len(condition.ops) != 1:
        return None
    op = type(condition.ops[0])
    flips = {ast.NotIn: ast.In, ast.In: ast.NotIn, ast.NotEq: ast.Eq, ast.Eq: ast.NotEq}
    if negated:
        if op not in flips:
            return None
        op = flips[op]
    return ast.Compare(condition.left, [op()], condition.comparators)


def _choices(condition: ast.expr, params: Set[str]) -> Optional[Tuple[str, Tuple[Any, ...]]]:
    compare = _positive(condition)
    if compare is None or not isinstance(compare.left, ast.Name) or compare.left.id not in params:
        return None
    try:
        values = ast.literal_eval(compare.comparators[0])
    except (ValueError, SyntaxError, TypeError):
        return None
    if isinstance(compare.ops[0], ast.In) and isinstance(values, (tuple, list, set, frozenset)) and values:
        return compare.left.id, tuple(sorted(values, key=repr))
    if isinstance(compare.ops[0], ast.Eq):
        return compare.left.id, (values,)
    return None


def _solved(condition: ast.expr, params: Set[str], owner: type) -> Optional[Tuple[str, Any]]:
    compare = _positive(condition)
    if compare is None or not isinstance(compare.ops[0], ast.Eq):
        return None
    for side, other in ((compare.left, compare.comparators[0]), (compare.comparators[0], compare.left)):
        if not isinstance(side, ast.Name) or side.id not in params:
            continue
        read = {node.id for node in ast.walk(other) if isinstance(node, ast.Name)}
        if side.id not in read and read & params and not isinstance(other, ast.Constant):
            expression = ast.fix_missing_locations(ast.Expression(other))
            return side.id, compile(expression, f"<check of {owner.__qualname__}>", "eval")
    return None


def _multiple(condition: ast.expr, params: Set[str]) -> Optional[Tuple[str, str]]:
    compare = _positive(condition)
    if compare is None or not isinstance(compare.ops[0], ast.Eq):
        return None
    left, right = compare.left, compare.comparators[0]
    if not (isinstance(right, ast.Constant) and right.value == 0):
        return None
    if isinstance(left, ast.BinOp) and isinstance(left.op, ast.Mod):
        total, part = left.left, left.right
        if isinstance(total, ast.Name) and isinstance(part, ast.Name) and {total.id, part.id} <= params:
            return total.id, part.id
    return None


def _condition(statement: ast.stmt) -> Optional[ast.expr]:
    """What ``statement`` requires: the test of an `assert`, or the negation of the test
    of an `if` whose body only raises (no `else`)."""
    if isinstance(statement, ast.Assert):
        return statement.test
    if isinstance(statement, ast.If) and not statement.orelse:
        if len(statement.body) == 1 and isinstance(statement.body[0], ast.Raise):
            return ast.UnaryOp(ast.Not(), statement.test)
    return None


def _counts(cls: type) -> Set[str]:
    """What the class's methods use as a count of things per step: a divisor (`n //
    self.per_batch`, `i % k`), the size drawn by `random.sample(pids, self.p)`, or the
    bound of a `while` loop (`while len(pids) >= self.p`). An offset (`self.start =
    consumed // batch_size`, used as a slice's start) is none: 0 is its common value."""
    found: Set[str] = set()
    for _, tree in class_trees(cls):
        for node in ast.walk(tree):
            if isinstance(node, ast.BinOp) and isinstance(node.op, (ast.Div, ast.FloorDiv, ast.Mod)):
                found.add(ast.unparse(node.right))
            elif isinstance(node, ast.Call) and called_name(node) == "sample" and len(node.args) == 2:
                found.add(ast.unparse(node.args[1]))
            elif isinstance(node, ast.While) and isinstance(node.test, ast.Compare):
                found |= {ast.unparse(side) for side in [node.test.left, *node.test.comparators]}
    return found


def _kept_quotient(statement: ast.stmt, counts: Set[str]) -> Optional[ast.expr]:
    """`self.num_pids_per_batch = batch_size // num_instances`: a whole quotient of two
    values the constructor keeps and the class uses as a count (_counts), which no caller
    makes 0 (a P x K sampler given a batch smaller than K loops for ever on `while
    len(pids) >= 0`): required to be at least 1, as a check would. Only where both sides
    are plain names (parameters, or what __init__ stored them in; _guard keeps only those)."""
    if not (isinstance(statement, ast.Assign) and len(statement.targets) == 1):
        return None
    if ast.unparse(statement.targets[0]) not in counts:
        return None
    value = statement.value
    if not (isinstance(value, ast.BinOp) and isinstance(value.op, ast.FloorDiv)):
        return None
    if not all(isinstance(side, (ast.Name, ast.Attribute)) for side in (value.left, value.right)):
        return None
    return ast.Compare(value, [ast.GtE()], [ast.Constant(1)])


def _conjuncts(condition: ast.expr) -> List[ast.expr]:
    """The conditions that must each hold: `a and b`, and `not (a or b)` (an `if a or b:
    raise`), one by one, so that each names only what it reads."""
    if isinstance(condition, ast.BoolOp) and isinstance(condition.op, ast.And):
        return [part for value in condition.values for part in _conjuncts(value)]
    if isinstance(condition, ast.UnaryOp) and isinstance(condition.op, ast.Not):
        inner = condition.operand
        if isinstance(inner, ast.BoolOp) and isinstance(inner.op, ast.Or):
            return [part for value in inner.values for part in _conjuncts(ast.UnaryOp(ast.Not(), value))]
    return [condition]


class _Unstore(ast.NodeTransformer):
    """`self.k` -> `k` where the constructor stored the parameter `k` there."""

    def __init__(self, held: Dict[str, str]) -> None:
        self.held = held

    def visit_Attribute(self, node: ast.Attribute) -> ast.AST:
        param = self.held.get(ast.unparse(node))
        return ast.copy_location(ast.Name(param, ast.Load()), node) if param else self.generic_visit(node)
