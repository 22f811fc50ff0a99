"""Every English problem text in ``backend/spil``, found with ``ast`` (for ``test_problem_texts``).

A text is what reaches a problem's ``detail`` or an ``invalidParams[].reason``:

- the ``detail`` of ``ProblemError(...)`` and ``problem_response(...)``, and the ``(name, code,
  reason)`` tuples given to ``invalid(...)``;
- what is given to any function that passes one of its parameters on as such a text (found here:
  ``conflict``, ``conflict_on``, ``forbidden``, ``not_found``, ``unauthenticated``,
  ``restricted_by``, ``first_or_404``, ...), with that function's default values;
- the ``ValueError`` messages of Spil's own validators (``schemas.py``) and ``UnreadableFile``.

f-strings are rendered with a sample value for each ``{...}``; a variable is followed to what the
same function assigns or appends to it. What cannot be followed is reported as dynamic.

Run it as a script to list every text with its Dutch: ``python backend/tests/problem_text_scan.py``.
"""

from __future__ import annotations

import ast
import itertools
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1] / "spil"
# the functions whose argument is a text; more are found (the ones that pass a parameter on)
BASE: dict[str, dict[str, tuple[int | None, str]]] = {
    "ProblemError": {"detail": (1, "text")},
    "problem_response": {"detail": (2, "text")},
    "invalid": {"params": (0, "params"), "detail": (None, "text")},
    "restricted_by": {"advice": (2, "text")},  # the 409 of a deletion that is in the way
    "problem": {"detail": (4, "text")},  # a sync run's problem with an item (its 400's reasons)
}
# dict literals with these keys are problems written by hand (``invalid_params=[{...}]``)
TEXT_KEYS = {"detail", "reason"}
# exceptions whose message reaches a reason: everywhere, or only in validators (schemas.py)
RAISED_ANYWHERE = {"UnreadableFile", "InvalidAccessToken", "PeriodError"}
RAISED_IN_SCHEMAS = {"ValueError"}
# calls that give a text already in the caller's language (the import's ``look.say(nl, en)``)
LOCALIZED_CALLS = {"say"}
# sample values for f-string expressions that must be a word the catalogue knows (a noun)
NOUN_SAMPLES = {
    "scope_type": "school",
    "m.scope_type": "school",
    "level": "board",
    "role_type.scope_level": "school",
    "kind": "school",
    "allowed": "board or region",
    "frequency": "month",
    "indicator.frequency": "quarter",
}

# sample values for f-string expressions that are a text of their own (an exception's message,
# checked where it is raised), for templates that translate them too (``{problem:text}``)
TEXT_SAMPLES = {"exc": "'2025-13' is outside 2000-2100."}

MAX_VARIANTS = 64


@dataclass
class Text:
    where: str  # file:line
    source: str  # the expression, as written
    variants: list[str]  # rendered with sample values


@dataclass
class Dynamic:
    where: str
    source: str


@dataclass
class Scan:
    texts: list[Text] = field(default_factory=list)
    dynamic: list[Dynamic] = field(default_factory=list)


def _name(func: ast.expr) -> str | None:
    if isinstance(func, ast.Name):
        return func.id
    if isinstance(func, ast.Attribute):
        return func.attr
    return None


class _Sample:
    def __init__(self) -> None:
        self.n = 0

    def __call__(self, expr: ast.expr) -> str:
        source = ast.unparse(expr)
        if source in NOUN_SAMPLES:
            return NOUN_SAMPLES[source]
        if source in TEXT_SAMPLES:
            return TEXT_SAMPLES[source]
        self.n += 1
        return f"X{self.n}Y"


def _functions(tree: ast.AST) -> Iterator[ast.FunctionDef | ast.AsyncFunctionDef]:
    for node in ast.walk(tree):
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
            yield node


def _params(fn: ast.FunctionDef | ast.AsyncFunctionDef) -> list[ast.arg]:
    return [*fn.args.posonlyargs, *fn.args.args, *fn.args.kwonlyargs]


def _default(fn: ast.FunctionDef | ast.AsyncFunctionDef, name: str) -> ast.expr | None:
    positional = [*fn.args.posonlyargs, *fn.args.args]
    for arg, default in zip(
        positional[len(positional) - len(fn.args.defaults) :], fn.args.defaults, strict=True
    ):
        if arg.arg == name:
            return default
    for arg, kw_default in zip(fn.args.kwonlyargs, fn.args.kw_defaults, strict=True):
        if arg.arg == name:
            return kw_default
    return None


class Scanner:
    def __init__(self, root: Path = ROOT) -> None:
        self.root = root
        self.trees = {p: ast.parse(p.read_text(), str(p)) for p in sorted(root.rglob("*.py"))}
        self.parents: dict[ast.AST, ast.AST] = {}
        for tree in self.trees.values():
            for node in ast.walk(tree):
                for child in ast.iter_child_nodes(node):
                    self.parents[child] = node
        # function name -> argument name -> (position, kind, the function, template expr)
        self.takers: dict[str, dict[str, tuple[int | None, str]]] = {k: dict(v) for k, v in BASE.items()}
        # wrapper (function name, parameter) -> the text expressions it builds from the parameter
        # wrapper (function name, parameter) -> the expressions it builds from the parameter, with
        # where they go: (kind, the function called, its parameter)
        self.templates: dict[
            tuple[str, str],
            list[tuple[ast.expr, ast.FunctionDef | ast.AsyncFunctionDef, tuple[str, str, str]]],
        ] = {}
        self.defs: dict[str, list[ast.FunctionDef | ast.AsyncFunctionDef]] = {}
        for tree in self.trees.values():
            for fn in _functions(tree):
                self.defs.setdefault(fn.name, []).append(fn)
        self.following: set[int] = set()
        self._find_wrappers()

    # --- which functions take a text ---------------------------------------------------------
    def _arguments(self, call: ast.Call) -> Iterator[tuple[str, ast.expr]]:
        for _, kind, expr in self._named_arguments(call):
            yield kind, expr

    def _named_arguments(self, call: ast.Call) -> Iterator[tuple[str, str, ast.expr]]:
        spec = self.takers.get(_name(call.func) or "", {})
        for name, (pos, kind) in list(spec.items()):
            if pos is not None and len(call.args) > pos and not isinstance(call.args[pos], ast.Starred):
                yield name, kind, call.args[pos]
            for kw in call.keywords:
                if kw.arg == name:
                    yield name, kind, kw.value

    def _find_wrappers(self) -> None:
        changed = True
        while changed:
            changed = False
            for tree in self.trees.values():
                for fn in _functions(tree):
                    names = {a.arg: i for i, a in enumerate(_params(fn))}
                    offset = 1 if fn.args.args and fn.args.args[0].arg in ("self", "cls") else 0
                    for node in ast.walk(fn):
                        if not isinstance(node, ast.Call):
                            continue
                        for argname, kind, expr in self._named_arguments(node):
                            for used in self._names_in(expr, kind):
                                if used not in names:
                                    continue
                                key = (fn.name, used)
                                if key not in self.templates:
                                    self.templates[key] = []
                                if all(t[0] is not expr for t in self.templates[key]):
                                    target = (kind, _name(node.func) or "", argname)
                                    self.templates[key].append((expr, fn, target))
                                spec = self.takers.setdefault(fn.name, {})
                                if used not in spec:
                                    position = names[used] - offset
                                    kwonly = used in {a.arg for a in fn.args.kwonlyargs}
                                    spec[used] = (None if kwonly else position, "wrapped")
                                    changed = True

    def _names_in(self, expr: ast.expr, kind: str) -> set[str]:
        """The names whose value becomes part of the text (not the codes and field names)."""
        if kind == "params":
            found: set[str] = set()
            if isinstance(expr, ast.Name):
                found.add(expr.id)
            for node in ast.walk(expr):
                if isinstance(node, ast.Tuple) and len(node.elts) == 3:
                    found |= _text_names(node.elts[2])
            return found
        return _text_names(expr)

    def _returns(self, name: str) -> list[tuple[ast.expr, ast.FunctionDef | ast.AsyncFunctionDef]]:
        """What Spil's functions of this name return (followed once: no recursion)."""
        found: list[tuple[ast.expr, ast.FunctionDef | ast.AsyncFunctionDef]] = []
        for callee in self.defs.get(name, []):
            if id(callee) in self.following:
                continue
            for node in ast.walk(callee):
                if (
                    isinstance(node, ast.Return)
                    and node.value is not None
                    and self._function_of(node) is callee
                ):
                    found.append((node.value, callee))
        return found

    # --- rendering ------------------------------------------------------------------------------
    def _function_of(self, node: ast.AST) -> ast.FunctionDef | ast.AsyncFunctionDef | None:
        while node in self.parents:
            node = self.parents[node]
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                return node
        return None

    def _module_of(self, node: ast.AST) -> ast.AST:
        while node in self.parents:
            node = self.parents[node]
        return node

    def _assigned(self, fn: ast.AST | None, name: str) -> list[ast.expr]:
        found: list[ast.expr] = []
        if fn is None:
            return found
        found = self._assigned_in(fn, name)
        if not found:  # a constant of the module
            module = self._module_of(fn)
            found = [
                node.value
                for node in getattr(module, "body", [])
                if isinstance(node, ast.Assign)
                and any(isinstance(t, ast.Name) and t.id == name for t in node.targets)
            ]
        return found

    def _assigned_in(self, fn: ast.AST, name: str) -> list[ast.expr]:
        found: list[ast.expr] = []
        for node in ast.walk(fn):
            if isinstance(node, ast.Assign):
                if any(isinstance(t, ast.Name) and t.id == name for t in node.targets):
                    found.append(node.value)
                for target in node.targets:
                    if isinstance(target, ast.Tuple) and isinstance(node.value, ast.Call):
                        for i, elt in enumerate(target.elts):
                            if isinstance(elt, ast.Name) and elt.id == name:
                                found.append(ast.Subscript(value=node.value, slice=ast.Constant(i)))
            elif isinstance(node, ast.NamedExpr):
                if node.target.id == name:
                    found.append(node.value)
            elif isinstance(node, ast.AnnAssign | ast.AugAssign):
                if isinstance(node.target, ast.Name) and node.target.id == name and node.value is not None:
                    found.append(node.value)
            elif isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
                target = node.func.value
                if isinstance(target, ast.Name) and target.id == name and node.args:
                    if node.func.attr == "append":
                        found.append(ast.List(elts=[node.args[0]]))
                    elif node.func.attr == "extend":
                        found.append(node.args[0])
        return found

    def render(
        self,
        expr: ast.expr,
        fn: ast.AST | None,
        env: dict[str, list[str]],
        sample: _Sample,
        out: Scan,
        where: str,
    ) -> list[str] | None:
        """The texts ``expr`` can be, with sample values; None when it cannot be followed."""
        if isinstance(expr, ast.Constant) and isinstance(expr.value, str):
            return [expr.value]
        if isinstance(expr, ast.JoinedStr):
            pieces: list[list[str]] = []
            for value in expr.values:
                if isinstance(value, ast.Constant):
                    pieces.append([str(value.value)])
                elif isinstance(value, ast.FormattedValue):
                    inner = value.value
                    words = self._words(inner, fn) if isinstance(inner, ast.Name) else None
                    if isinstance(inner, ast.Name) and inner.id in env:
                        pieces.append(env[inner.id])
                    elif words is not None:
                        pieces.append(words)
                    elif isinstance(inner, ast.IfExp) and all(
                        isinstance(b, ast.Constant) and isinstance(b.value, str)
                        for b in (inner.body, inner.orelse)
                    ):
                        pieces.append([inner.body.value, inner.orelse.value])  # type: ignore[attr-defined]
                    else:
                        pieces.append([sample(inner)])
            return ["".join(p) for p in itertools.islice(itertools.product(*pieces), MAX_VARIANTS)]
        if isinstance(expr, ast.BinOp) and isinstance(expr.op, ast.Add):
            left = self.render(expr.left, fn, env, sample, out, where)
            right = self.render(expr.right, fn, env, sample, out, where)
            if left is None or right is None:
                return None
            return [a + b for a, b in itertools.islice(itertools.product(left, right), MAX_VARIANTS)]
        if isinstance(expr, ast.IfExp):
            a = self.render(expr.body, fn, env, sample, out, where)
            b = self.render(expr.orelse, fn, env, sample, out, where)
            return None if a is None or b is None else [*a, *b]
        if isinstance(expr, ast.BoolOp) and isinstance(expr.op, ast.Or):
            options: list[str] = []
            for value in expr.values:
                rendered = self.render(value, fn, env, sample, out, where)
                if rendered is None:
                    return None
                options += rendered
            return options
        if (
            isinstance(expr, ast.Call)
            and isinstance(expr.func, ast.Attribute)
            and expr.func.attr == "join"
            and isinstance(expr.func.value, ast.Constant)
            and len(expr.args) == 1
        ):
            # "sep".join(parts): each text appended to parts on its own, or a sample list of values
            parts = expr.args[0]
            if isinstance(parts, ast.Name) and parts.id not in env:
                options = []
                for value in self._assigned(fn, parts.id):
                    for elt in value.elts if isinstance(value, ast.List) else []:
                        rendered = self.render(elt, fn, env, sample, out, where)
                        if rendered is None:
                            return None
                        options += rendered
                if options:
                    return options
            return [sample(expr)]
        if isinstance(expr, ast.Call) and _name(expr.func) in self.defs:
            options = []
            for value, callee in self._returns(_name(expr.func) or ""):
                self.following.add(id(callee))
                try:
                    rendered = self.render(value, callee, {}, sample, out, where)
                finally:
                    self.following.discard(id(callee))
                if rendered is None:
                    return None
                options += rendered
            return options or None
        if isinstance(expr, ast.Name):
            if expr.id in env:
                return env[expr.id]
            values = self._assigned(fn, expr.id)
            if not values:
                return None
            options = []
            for value in values:
                rendered = self.render(value, fn, env, sample, out, where)
                if rendered is None:
                    return None
                options += rendered
            return options
        return None

    def _texts(
        self, kind: str, expr: ast.expr, fn: ast.AST | None, where: str, out: Scan, env: dict[str, list[str]]
    ) -> None:
        """Record the texts of one argument (a text, or params whose reasons are texts)."""
        if isinstance(expr, ast.Call) and _name(expr.func) in LOCALIZED_CALLS:
            return  # already in the caller's language
        if isinstance(expr, ast.Constant) and expr.value is None:
            return
        if kind == "params":
            self._params(expr, fn, where, out, env)
            return
        rendered = self.render(expr, fn, env, _Sample(), out, where)
        if rendered is None:
            out.dynamic.append(Dynamic(where, ast.unparse(expr)))
        else:
            out.texts.append(Text(where, ast.unparse(expr), rendered))

    def _params(
        self, expr: ast.expr, fn: ast.AST | None, where: str, out: Scan, env: dict[str, list[str]]
    ) -> None:
        if isinstance(expr, ast.List | ast.Tuple | ast.Set) and not (
            isinstance(expr, ast.Tuple) and len(expr.elts) == 3 and not isinstance(expr.elts[0], ast.Tuple)
        ):
            for elt in expr.elts:
                self._params(elt, fn, where, out, env)
        elif isinstance(expr, ast.Tuple) and len(expr.elts) == 3:
            self._texts("text", expr.elts[2], fn, f"{where.split(':')[0]}:{expr.lineno}", out, env)
        elif isinstance(expr, ast.ListComp | ast.GeneratorExp):
            self._params(ast.List(elts=[expr.elt]), fn, where, out, env)
        elif isinstance(expr, ast.Name) and expr.id not in env:
            values = self._assigned(fn, expr.id)
            if not values:
                out.dynamic.append(Dynamic(where, ast.unparse(expr)))
            for value in values:
                self._params(value, fn, where, out, env)
        elif isinstance(expr, ast.IfExp):
            self._params(expr.body, fn, where, out, env)
            self._params(expr.orelse, fn, where, out, env)
        elif (
            isinstance(expr, ast.Subscript)
            and isinstance(expr.value, ast.Call)
            and isinstance(expr.slice, ast.Constant)
            and _name(expr.value.func) in self.defs
        ):
            for value, callee in self._returns(_name(expr.value.func) or ""):
                if isinstance(value, ast.Tuple) and isinstance(expr.slice.value, int):
                    self.following.add(id(callee))
                    try:
                        self._params(value.elts[expr.slice.value], callee, where, out, {})
                    finally:
                        self.following.discard(id(callee))
        elif isinstance(expr, ast.Call) and _name(expr.func) in self.defs:
            for value, callee in self._returns(_name(expr.func) or ""):
                self.following.add(id(callee))
                try:
                    self._params(value, callee, where, out, {})
                finally:
                    self.following.discard(id(callee))
        elif isinstance(expr, ast.Call) and _name(expr.func) in ("list", "sorted", "tuple") and expr.args:
            self._params(expr.args[0], fn, where, out, env)
        elif isinstance(expr, ast.BinOp) and isinstance(expr.op, ast.Add):
            self._params(expr.left, fn, where, out, env)
            self._params(expr.right, fn, where, out, env)
        elif isinstance(expr, ast.Name):
            return  # a wrapper's own parameter: its callers are scanned
        else:
            out.dynamic.append(Dynamic(where, ast.unparse(expr)))

    def scan(self) -> Scan:
        out = Scan()
        for path, tree in self.trees.items():
            rel = path.relative_to(self.root.parent).as_posix()
            for node in ast.walk(tree):
                if isinstance(node, ast.Raise) and isinstance(node.exc, ast.Call):
                    raised = _name(node.exc.func)
                    ours = raised in RAISED_ANYWHERE or (
                        raised in RAISED_IN_SCHEMAS and path.name == "schemas.py"
                    )
                    if ours and node.exc.args:
                        fn = self._function_of(node)
                        self._texts("text", node.exc.args[0], fn or tree, f"{rel}:{node.lineno}", out, {})
                    continue
                if isinstance(node, ast.Dict):
                    fn = self._function_of(node)
                    own = {a.arg for a in _params(fn)} if fn is not None else set()
                    for key, value in zip(node.keys, node.values, strict=True):
                        if isinstance(key, ast.Constant) and key.value in TEXT_KEYS:
                            if isinstance(value, ast.Name) and value.id in own:
                                continue  # passed on from a parameter: the callers are scanned
                            self._texts("text", value, fn or tree, f"{rel}:{value.lineno}", out, {})
                    continue
                if not isinstance(node, ast.Call):
                    continue
                name = _name(node.func) or ""
                if name not in self.takers:
                    continue
                fn = self._function_of(node)
                own = {a.arg for a in _params(fn)} if fn is not None else set()
                self._wrapped_call(name, node, fn or tree, own, rel, out)
                for kind, expr in self._arguments(node):
                    where = f"{rel}:{expr.lineno}"
                    if kind == "wrapped":
                        continue
                    if isinstance(expr, ast.Name) and expr.id in own:
                        continue  # passed on from a parameter: the callers are scanned
                    if kind == "text" and own & _text_names(expr):
                        continue  # a template around a parameter: rendered at each call
                    self._texts(kind, expr, fn or tree, where, out, {})
            # the defaults of the wrappers' parameters are texts too
            for fn in _functions(tree):
                for param in self.takers.get(fn.name, {}):
                    if (fn.name, param) not in self.templates:
                        continue
                    default = _default(fn, param)
                    if default is not None and not (
                        isinstance(default, ast.Constant) and default.value is None
                    ):
                        self._wrapped(fn.name, None, default, fn, f"{rel}:{default.lineno}", out, own_fn=fn)
        return out

    def _wrapped(
        self,
        name: str,
        call: ast.Call | None,
        expr: ast.expr,
        fn: ast.AST | None,
        where: str,
        out: Scan,
        own_fn: ast.AST | None = None,
    ) -> None:
        """A text given to a wrapper: rendered inside each template the wrapper builds from it."""
        param = (
            next(
                (p for p, (pos, _) in self.takers[name].items() if self._is_argument(call, p, pos, expr)),
                None,
            )
            if call is not None
            else next(iter(p for p in self.takers[name] if _default_of(own_fn, p) is expr), None)
        )
        if param is None:
            return
        if fn is not None and isinstance(expr, ast.Name) and expr.id in {a.arg for a in _params(fn)}:  # type: ignore[arg-type]
            return  # passed on again: its callers are scanned
        if isinstance(expr, ast.Call) and _name(expr.func) in LOCALIZED_CALLS:
            return
        value = self.render(expr, fn, {}, _Sample(), out, where)
        if value is None and any(isinstance(t[0], ast.Name) for t in self.templates.get((name, param), [])):
            out.dynamic.append(Dynamic(where, ast.unparse(expr)))
            return
        for texts in self._through(name, param, value, set()):
            out.texts.append(Text(where, ast.unparse(expr), texts))

    def _wrapped_call(
        self, name: str, call: ast.Call, fn: ast.AST, own: set[str], rel: str, out: Scan
    ) -> None:
        """A call of a wrapper: its sentences rendered with every text and value given."""
        env: dict[str, list[str]] = {}
        where = f"{rel}:{call.lineno}"
        given = [(a, e) for a, k, e in self._named_arguments(call) if k == "wrapped"]
        if not given:
            return
        for argname, expr in given:
            if _text_names(expr) & own:
                return  # built from the function's own parameters: rendered at its callers
            if isinstance(expr, ast.Call) and _name(expr.func) in LOCALIZED_CALLS:
                return
            value = self.render(expr, fn, {}, _Sample(), out, where)
            if value is not None:
                env[argname] = value
            elif any(isinstance(t[0], ast.Name) for t in self.templates.get((name, argname), [])):
                out.dynamic.append(Dynamic(f"{rel}:{expr.lineno}", ast.unparse(expr)))
                return
        seen: set[int] = set()
        for argname, expr in given:
            for template, wrapper, (kind, callee, inner) in self.templates.get((name, argname), []):
                if id(template) in seen:
                    continue
                seen.add(id(template))
                source = f"{rel}:{expr.lineno}"
                if kind == "params":
                    if argname in env and not isinstance(template, ast.Name):
                        out.texts.append(Text(source, ast.unparse(expr), env[argname]))
                    continue
                rendered = self.render(template, wrapper, env, _Sample(), Scan(), "")
                if rendered is None:
                    continue
                if kind == "wrapped":
                    for texts in self._through(callee, inner, rendered, set()):
                        out.texts.append(Text(source, ast.unparse(expr), texts))
                else:
                    out.texts.append(Text(source, ast.unparse(expr), rendered))

    def _words(self, name: ast.Name, fn: ast.AST | None) -> list[str] | None:
        """The words a variable inside an f-string can be, when it is only ever given literal text
        (``why = "is not ..." if m else "is not ..."``, ``where = f" at {school}" if school else ""``);
        None for a value."""
        values = self._assigned_in(fn, name.id) if fn is not None else []
        words: list[str] = []

        def branch(value: ast.expr) -> bool:
            if isinstance(value, ast.IfExp):
                return branch(value.body) and branch(value.orelse)
            if isinstance(value, ast.Constant) and isinstance(value.value, str):
                words.append(value.value)
                return True
            if isinstance(value, ast.JoinedStr):
                words.extend(self.render(value, fn, {}, _Sample(), Scan(), "") or [])
                return True
            return False

        if not values or not all(branch(v) for v in values):
            return None
        return words

    def _through(
        self, name: str, param: str, value: list[str] | None, seen: set[tuple[str, str]]
    ) -> list[list[str]]:
        """The final texts a value given to wrapper ``name`` as ``param`` becomes (a value that is
        not a text, None, is sampled inside the wrapper's sentence)."""
        if (name, param) in seen:
            return []
        seen = seen | {(name, param)}
        found: list[list[str]] = []
        for template, wrapper, (kind, callee, argname) in self.templates.get((name, param), []):
            if kind == "params":
                if value is not None and not isinstance(template, ast.Name):
                    found.append(value)  # the parameter is a reason inside the wrapper's tuple
                continue
            env = {param: value} if value is not None else {}
            rendered = self.render(template, wrapper, env, _Sample(), Scan(), "")
            if rendered is None:
                continue
            if kind == "wrapped":
                found += self._through(callee, argname, rendered, seen)
            else:
                found.append(rendered)
        return found

    def _is_params(self, wrapper: ast.AST, template: ast.expr) -> bool:
        parent = self.parents.get(template)
        return (
            isinstance(parent, ast.Call) and _name(parent.func) == "invalid" and parent.args[:1] == [template]
        )

    @staticmethod
    def _is_argument(call: ast.Call | None, param: str, pos: int | None, expr: ast.expr) -> bool:
        if call is None:
            return False
        if pos is not None and len(call.args) > pos and call.args[pos] is expr:
            return True
        return any(kw.arg == param and kw.value is expr for kw in call.keywords)


def _text_names(expr: ast.expr) -> set[str]:
    """The variables that are (part of) a text: ``detail``, ``f"The {what} ..."``, ``a + b``; not
    ``data`` in ``data.board_id`` (a value)."""
    if isinstance(expr, ast.Name):
        return {expr.id}
    if isinstance(expr, ast.JoinedStr):
        return {
            v.value.id
            for v in expr.values
            if isinstance(v, ast.FormattedValue) and isinstance(v.value, ast.Name)
        }
    if isinstance(expr, ast.BinOp):
        return _text_names(expr.left) | _text_names(expr.right)
    if isinstance(expr, ast.IfExp):
        return _text_names(expr.body) | _text_names(expr.orelse)
    if isinstance(expr, ast.BoolOp):
        return set().union(*(_text_names(v) for v in expr.values))
    return set()


def _default_of(fn: ast.AST | None, name: str) -> ast.expr | None:
    if not isinstance(fn, ast.FunctionDef | ast.AsyncFunctionDef):
        return None
    return _default(fn, name)


@cache
def scan() -> Scan:
    """The scan of ``backend/spil`` (once per test run)."""
    return Scanner().scan()


if __name__ == "__main__":
    import sys

    sys.path.insert(0, str(ROOT.parent))
    from spil.kit import problem_texts

    result = scan()
    missing = 0
    for text in result.texts:
        for variant in text.variants:
            nl = problem_texts.dutch(variant)
            if nl is None:
                missing += 1
            if "-v" in sys.argv or nl is None:
                print(f"{text.where}\t{variant!r}\t{nl!r}")
    for dyn in result.dynamic:
        print(f"DYNAMIC {dyn.where}\t{dyn.source}")
    print(
        f"{len(result.texts)} texts, {missing} without Dutch, {len(result.dynamic)} dynamic", file=sys.stderr
    )
