#!/usr/bin/env python3
"""sbml_simulate.py is a small, generic SBML simulator (libSBML + SciPy LSODA) that reads nothing but an SBML file.

It exists to check TIMEscape's SBML export with an engine that shares no code with the app: it knows nothing of
tumours, it reads compartments, species, parameters, initial assignments, assignment rules, rate rules, reactions,
function definitions and events from the file, and integrates them.

    python3 sbml_simulate.py MODEL.xml --validate                 # libSBML consistency check, JSON on stdout
    python3 sbml_simulate.py MODEL.xml --times 0,1,2.5 [--ids a,b] [--rtol 1e-10] [--atol 1e-12]
    python3 sbml_simulate.py --jobs JOBS.json                    # many files in one run (one start-up)

Output (JSON): {"errors": [...], "warnings": [...], "t": [...], "values": {"id": [...]}}; exit status 1 with the
errors listed when the file does not validate or uses something this engine does not implement.

Semantics (SBML Level 3):
- Math is translated from libSBML's MathML tree to Python (piecewise, relations, logic, exp/ln/log/root/power,
  min/max, rem/quotient, time, avogadro, function definitions by call).
- Species in math stand for their concentration unless hasOnlySubstanceUnits; reactions change amounts.
- Events: the trigger is watched continuously. Each relation inside a trigger becomes a root function located by
  the integrator; a relation's value just after a root is taken at t + 1e-9 max(1, |t|) (extrapolated), so a
  root found a rounding error early does not fire twice. initialValue is honoured (false: a trigger true at the
  start fires at the start), useValuesFromTriggerTime is honoured; events without delay only; events that fire
  at the same instant compute all their assignments from the state before any of them is executed; an
  assignment that makes another trigger true fires that event at the same instant. Priorities are not
  implemented (an error if present), nor delays, algebraic rules, fast reactions or rateOf.
- Output at a time where events fire is the state after them, except at the last time: the run ends there,
  events at exactly the last time are not executed.
"""

import argparse
import json
import math
import sys

try:
    import libsbml
    import numpy as np
    from scipy.integrate import solve_ivp
except ImportError as missing:  # pragma: no cover - reported to the caller
    sys.stderr.write(
        f"sbml_simulate: {missing}. Install Debian's packages: apt-get install python3 python3-sbml5 python3-scipy "
        "python3-numpy\n"
    )
    sys.exit(3)


class Unsupported(Exception):
    """The file uses an SBML feature this engine does not implement."""


def _pow(a, b):
    try:
        return math.pow(a, b)
    except (OverflowError, ValueError):
        return float("nan")


def _div(a, b):
    if b == 0:
        if a == 0:
            return float("nan")
        return math.copysign(float("inf"), a) * math.copysign(1.0, b)
    return a / b


def _piecewise(*args):
    # args: value, condition thunks alternate; the last odd one is "otherwise"
    n = len(args)
    for i in range(0, n - 1, 2):
        if args[i + 1]():
            return args[i]()
    if n % 2 == 1:
        return args[-1]()
    return float("nan")


def _log(base, x):
    return math.log(x) / math.log(base)


def _factorial(x):
    return float(math.factorial(int(x)))


def _rem(a, b):
    return math.fmod(a, b)


def _quotient(a, b):
    return float(math.trunc(a / b))


HELPERS = {
    "math": math,
    "_pow": _pow,
    "_div": _div,
    "_piecewise": _piecewise,
    "_log": _log,
    "_factorial": _factorial,
    "_rem": _rem,
    "_quotient": _quotient,
}

T = libsbml
UNARY_MATH = {
    T.AST_FUNCTION_EXP: "math.exp",
    T.AST_FUNCTION_LN: "math.log",
    T.AST_FUNCTION_ABS: "abs",
    T.AST_FUNCTION_FLOOR: "math.floor",
    T.AST_FUNCTION_CEILING: "math.ceil",
    T.AST_FUNCTION_SIN: "math.sin",
    T.AST_FUNCTION_COS: "math.cos",
    T.AST_FUNCTION_TAN: "math.tan",
    T.AST_FUNCTION_ARCSIN: "math.asin",
    T.AST_FUNCTION_ARCCOS: "math.acos",
    T.AST_FUNCTION_ARCTAN: "math.atan",
    T.AST_FUNCTION_SINH: "math.sinh",
    T.AST_FUNCTION_COSH: "math.cosh",
    T.AST_FUNCTION_TANH: "math.tanh",
    T.AST_FUNCTION_FACTORIAL: "_factorial",
}
RELATIONS = {
    T.AST_RELATIONAL_LT: "<",
    T.AST_RELATIONAL_LEQ: "<=",
    T.AST_RELATIONAL_GT: ">",
    T.AST_RELATIONAL_GEQ: ">=",
    T.AST_RELATIONAL_EQ: "==",
    T.AST_RELATIONAL_NEQ: "!=",
}


class Translator:
    """MathML (libSBML AST) -> Python expression source. `name` maps an SBML id to Python source for its value."""

    def __init__(self, name, functions):
        self.name = name
        self.functions = functions
        # relations met while translating a trigger: list of (residual source, relation) and their index
        self.relations = None

    def __call__(self, node, local=None):
        return self.expr(node, local or {})

    def expr(self, node, local):
        if node is None:
            raise Unsupported("empty math")
        k = node.getType()
        kids = [node.getChild(i) for i in range(node.getNumChildren())]
        e = lambda n: self.expr(n, local)  # noqa: E731
        if k == T.AST_INTEGER:
            return repr(float(node.getInteger()))
        if k in (T.AST_REAL, T.AST_REAL_E):
            v = node.getReal()
            if math.isnan(v):
                return 'float("nan")'
            if math.isinf(v):
                return 'float("inf")' if v > 0 else '(-float("inf"))'
            return repr(v)
        if k == T.AST_RATIONAL:
            return repr(node.getNumerator() / node.getDenominator())
        if k == T.AST_NAME:
            n = node.getName()
            if n in local:
                return local[n]
            return self.name(n)
        if k == T.AST_NAME_TIME:
            return "t"
        if k == T.AST_NAME_AVOGADRO:
            return "6.02214076e23"
        if k == T.AST_CONSTANT_E:
            return "math.e"
        if k == T.AST_CONSTANT_PI:
            return "math.pi"
        if k == T.AST_CONSTANT_TRUE:
            return "True"
        if k == T.AST_CONSTANT_FALSE:
            return "False"
        if k == T.AST_PLUS:
            return "(" + " + ".join(e(c) for c in kids) + ")" if kids else "0.0"
        if k == T.AST_MINUS:
            if len(kids) == 1:
                return f"(-{e(kids[0])})"
            return f"({e(kids[0])} - {e(kids[1])})"
        if k == T.AST_TIMES:
            return "(" + " * ".join(e(c) for c in kids) + ")" if kids else "1.0"
        if k == T.AST_DIVIDE:
            return f"_div({e(kids[0])}, {e(kids[1])})"
        if k in (T.AST_POWER, T.AST_FUNCTION_POWER):
            return f"_pow({e(kids[0])}, {e(kids[1])})"
        if k == T.AST_FUNCTION_ROOT:
            if len(kids) == 2:
                return f"_pow({e(kids[1])}, 1.0 / {e(kids[0])})"
            return f"math.sqrt({e(kids[0])})"
        if k == T.AST_FUNCTION_LOG:
            if len(kids) == 2:
                return f"_log({e(kids[0])}, {e(kids[1])})"
            return f"math.log10({e(kids[0])})"
        if k in UNARY_MATH:
            return f"{UNARY_MATH[k]}({e(kids[0])})"
        if k == T.AST_FUNCTION_MAX:
            return "max(" + ", ".join(e(c) for c in kids) + ")"
        if k == T.AST_FUNCTION_MIN:
            return "min(" + ", ".join(e(c) for c in kids) + ")"
        if k == T.AST_FUNCTION_REM:
            return f"_rem({e(kids[0])}, {e(kids[1])})"
        if k == T.AST_FUNCTION_QUOTIENT:
            return f"_quotient({e(kids[0])}, {e(kids[1])})"
        if k == T.AST_FUNCTION_PIECEWISE:
            parts = [f"(lambda: {e(c)})" for c in kids]
            return f"_piecewise({', '.join(parts)})"
        if k in RELATIONS:
            if len(kids) < 2:
                raise Unsupported("relation with fewer than two arguments")
            pairs = []
            for a, b in zip(kids, kids[1:]):
                pairs.append(self.relation(k, a, b, local))
            return "(" + " and ".join(pairs) + ")"
        if k == T.AST_LOGICAL_AND:
            return "(" + " and ".join(f"bool({e(c)})" for c in kids) + ")" if kids else "True"
        if k == T.AST_LOGICAL_OR:
            return "(" + " or ".join(f"bool({e(c)})" for c in kids) + ")" if kids else "False"
        if k == T.AST_LOGICAL_XOR:
            return "(" + " ^ ".join(f"bool({e(c)})" for c in kids) + ")" if kids else "False"
        if k == T.AST_LOGICAL_NOT:
            return f"(not {e(kids[0])})"
        if k == T.AST_LOGICAL_IMPLIES:
            return f"((not {e(kids[0])}) or bool({e(kids[1])}))"
        if k == T.AST_FUNCTION:
            fname = node.getName()
            if fname not in self.functions:
                raise Unsupported(f"call of an undefined function {fname}")
            bvars, body = self.functions[fname]
            if len(bvars) != len(kids):
                raise Unsupported(f"function {fname} called with {len(kids)} arguments, defined with {len(bvars)}")
            inner = {b: f"({e(c)})" for b, c in zip(bvars, kids)}
            return self.expr(body, inner)
        if k in (T.AST_FUNCTION_DELAY, T.AST_FUNCTION_RATE_OF):
            raise Unsupported(f"{node.getName() or 'delay/rateOf'} is not implemented")
        raise Unsupported(f"MathML element {libsbml.formulaToL3String(node)!r} (type {k}) is not implemented")

    def relation(self, kind, a, b, local):
        op = RELATIONS[kind]
        sa, sb = self.expr(a, local), self.expr(b, local)
        if self.relations is None:
            return f"({sa} {op} {sb})"
        if kind in (T.AST_RELATIONAL_EQ, T.AST_RELATIONAL_NEQ):
            raise Unsupported("eq/neq in an event trigger cannot be located in time")
        # residual > 0 <=> relation holds (strictness only matters exactly at the root)
        residual = f"({sb}) - ({sa})" if op in ("<", "<=") else f"({sa}) - ({sb})"
        self.relations.append(residual)
        return f"rel[{len(self.relations) - 1}]"


def validate(doc):
    doc.setConsistencyChecks(libsbml.LIBSBML_CAT_UNITS_CONSISTENCY, True)
    doc.checkConsistency()
    errors, warnings = [], []
    for i in range(doc.getNumErrors()):
        err = doc.getError(i)
        text = f"{err.getCategoryAsString()} {err.getErrorId()} line {err.getLine()}: {err.getMessage().strip()}"
        if err.getSeverity() >= libsbml.LIBSBML_SEV_ERROR:
            errors.append(text)
        else:
            warnings.append(text)
    return errors, warnings


class Model:
    """The SBML model compiled to Python functions over one value list `v` (every symbol) and the state `y`."""

    def __init__(self, sbml_model):
        m = sbml_model
        self.m = m
        if m.getNumConstraints():
            pass  # constraints are checks, not dynamics
        for r in m.getListOfRules():
            if r.isAlgebraic():
                raise Unsupported("algebraic rules are not implemented")
        for rx in m.getListOfReactions():
            if rx.isSetFast() and rx.getFast():
                raise Unsupported("fast reactions are not implemented")

        self.functions = {}
        for fd in m.getListOfFunctionDefinitions():
            lam = fd.getMath()
            bvars = [lam.getChild(i).getName() for i in range(lam.getNumBvars())]
            self.functions[fd.getId()] = (bvars, fd.getBody())

        # every symbol gets a slot in v
        self.index = {}
        self.initial = []
        self.kind = {}
        for c in m.getListOfCompartments():
            self._slot(c.getId(), c.getSize() if c.isSetSize() else float("nan"), "compartment")
        for p in m.getListOfParameters():
            self._slot(p.getId(), p.getValue() if p.isSetValue() else float("nan"), "parameter")
        self.species = {}
        for s in m.getListOfSpecies():
            self.species[s.getId()] = s
            self._slot(s.getId(), float("nan"), "species")
        for rx in m.getListOfReactions():
            if rx.isSetKineticLaw():
                for lp in rx.getKineticLaw().getListOfLocalParameters():
                    raise Unsupported(f"local parameter {lp.getId()} in reaction {rx.getId()}: not implemented")
            for sr in list(rx.getListOfReactants()) + list(rx.getListOfProducts()):
                if sr.isSetId() and sr.getId():
                    raise Unsupported("species references with ids (variable stoichiometry) are not implemented")

        self.tr = Translator(lambda n: self._ref(n), self.functions)

        # species: symbol value is a concentration unless hasOnlySubstanceUnits
        for sid, s in self.species.items():
            comp = m.getCompartment(s.getCompartment())
            size = comp.getSize() if comp.isSetSize() else float("nan")
            if s.isSetInitialAmount():
                amount = s.getInitialAmount()
                value = amount if s.getHasOnlySubstanceUnits() else amount / size
            elif s.isSetInitialConcentration():
                conc = s.getInitialConcentration()
                value = conc * size if s.getHasOnlySubstanceUnits() else conc
            else:
                value = float("nan")
            self.initial[self.index[sid]] = value

        # assignment rules, ordered by dependency
        rules = {}
        for r in m.getListOfRules():
            if r.isAssignment():
                rules[r.getVariable()] = r.getMath()
        self.assignment_order = self._order(rules)
        self.assignments = [(self.index[v], self.tr(rules[v])) for v in self.assignment_order]

        # continuous state: rate-rule targets and reaction-changed species (amounts)
        self.state = []  # (symbol, kind) kind: 'rate' (symbol value) or 'amount'
        rate_rules = {}
        for r in m.getListOfRules():
            if r.isRate():
                rate_rules[r.getVariable()] = r.getMath()
        for vid, math_ in rate_rules.items():
            self.state.append((vid, "rate", self.tr(math_)))
        flux = {}
        for rx in m.getListOfReactions():
            if not rx.isSetKineticLaw():
                raise Unsupported(f"reaction {rx.getId()} has no kinetic law")
            law = self.tr(rx.getKineticLaw().getMath())
            for sign, refs in ((-1.0, rx.getListOfReactants()), (1.0, rx.getListOfProducts())):
                for sr in refs:
                    sid = sr.getSpecies()
                    s = self.species[sid]
                    if s.getBoundaryCondition() or s.getConstant():
                        continue
                    st = sr.getStoichiometry() if sr.isSetStoichiometry() else 1.0
                    flux.setdefault(sid, []).append(f"({sign * st!r}) * ({law})")
        for sid, terms in flux.items():
            if sid in rate_rules:
                raise Unsupported(f"species {sid} is changed by both a rate rule and reactions")
            self.state.append((sid, "amount", " + ".join(terms)))

        self._compile()
        self._compile_events()
        self._initialise()

    def _slot(self, sid, value, kind):
        self.index[sid] = len(self.initial)
        self.initial.append(value)
        self.kind[sid] = kind

    def _ref(self, name):
        if name not in self.index:
            if self.m.getReaction(name) is not None:
                raise Unsupported(f"reaction id {name} used in math is not implemented")
            raise Unsupported(f"unknown symbol {name}")
        return f"v[{self.index[name]}]"

    def _dependencies(self, node, out):
        if node is None:
            return out
        if node.getType() == T.AST_NAME:
            out.add(node.getName())
        if node.getType() == T.AST_FUNCTION and node.getName() in self.functions:
            self._dependencies(self.functions[node.getName()][1], out)
        for i in range(node.getNumChildren()):
            self._dependencies(node.getChild(i), out)
        return out

    def _order(self, rules):
        order, done, busy = [], set(), set()

        def visit(var):
            if var in done:
                return
            if var in busy:
                raise Unsupported(f"assignment rules form a cycle through {var}")
            busy.add(var)
            for dep in self._dependencies(rules[var], set()):
                if dep in rules:
                    visit(dep)
            busy.discard(var)
            done.add(var)
            order.append(var)

        for var in rules:
            visit(var)
        return order

    def _compile(self):
        lines = ["def _sync(t, y, v):"]
        for i, (sid, kind, _) in enumerate(self.state):
            slot = self.index[sid]
            s = self.species.get(sid)
            if kind == "amount" and s is not None and not s.getHasOnlySubstanceUnits():
                lines.append(f"    v[{slot}] = y[{i}] / v[{self.index[s.getCompartment()]}]")
            else:
                lines.append(f"    v[{slot}] = y[{i}]")
        for slot, code in self.assignments:
            lines.append(f"    v[{slot}] = {code}")
        lines.append("    return v")
        lines.append("def _rates(t, y, v):")
        lines.append("    _sync(t, y, v)")
        lines.append("    return [" + ", ".join(code for (_, _, code) in self.state) + "]")
        lines.append("def _rules(t, v):")
        for slot, code in self.assignments:
            lines.append(f"    v[{slot}] = {code}")
        lines.append("    return v")
        ns = dict(HELPERS)
        exec(compile("\n".join(lines), "<sbml-model>", "exec"), ns)  # noqa: S102 - our own generated code
        self._sync, self._rates_fn, self._rules = ns["_sync"], ns["_rates"], ns["_rules"]

    def _compile_events(self):
        self.events = []
        residuals = []
        for ev in self.m.getListOfEvents():
            if ev.isSetDelay():
                raise Unsupported(f"event {ev.getId()}: delays are not implemented")
            if ev.isSetPriority():
                raise Unsupported(f"event {ev.getId()}: priorities are not implemented")
            trig = ev.getTrigger()
            self.tr.relations = residuals
            try:
                cond = self.tr(trig.getMath())
            finally:
                self.tr.relations = None
            targets = []
            for ea in ev.getListOfEventAssignments():
                var = ea.getVariable()
                if var not in self.index:
                    raise Unsupported(f"event {ev.getId()} assigns unknown {var}")
                if var in self.assignment_order:
                    raise Unsupported(f"event {ev.getId()} assigns {var}, which an assignment rule sets")
                targets.append((var, self.tr(ea.getMath())))
            self.events.append(
                {
                    "id": ev.getId(),
                    "cond": cond,
                    "initial": trig.getInitialValue() if trig.isSetInitialValue() else True,
                    "from_trigger_time": ev.getUseValuesFromTriggerTime(),
                    "targets": targets,
                }
            )
        ns = dict(HELPERS)
        src = ["def _residuals(t, v):", "    return [" + ", ".join(residuals) + "]", "def _conditions(t, v, rel):"]
        src.append("    return [" + ", ".join(f"bool({e['cond']})" for e in self.events) + "]")
        for n, e in enumerate(self.events):
            src.append(f"def _assign_{n}(t, v):")
            src.append("    return [" + ", ".join(code for (_, code) in e["targets"]) + "]")
        exec(compile("\n".join(src), "<sbml-events>", "exec"), ns)  # noqa: S102
        self._residuals = ns["_residuals"]
        self._conditions = ns["_conditions"]
        for n, e in enumerate(self.events):
            e["assign"] = ns[f"_assign_{n}"]
        self.n_relations = len(residuals)

    def _initialise(self):
        """Values at t0: parameter values, then initial assignments and assignment rules until they settle."""
        v = list(self.initial)
        inits = [(ia.getSymbol(), self.tr(ia.getMath())) for ia in self.m.getListOfInitialAssignments()]
        ns = dict(HELPERS)
        src = ["def _ia(t, v):"]
        for sym, code in inits:
            if sym not in self.index:
                raise Unsupported(f"initial assignment to unknown {sym}")
            src.append(f"    v[{self.index[sym]}] = {code}")
        src.append("    return v")
        exec(compile("\n".join(src), "<sbml-init>", "exec"), ns)  # noqa: S102
        # species whose initial value an initial assignment sets follow it; compartments are constant here
        for _ in range(len(inits) + len(self.assignments) + 1):
            ns["_ia"](0.0, v)
            self._rules(0.0, v)
        self.v0 = v
        self.y0 = []
        for sid, kind, _ in self.state:
            value = v[self.index[sid]]
            s = self.species.get(sid)
            if kind == "amount" and s is not None and not s.getHasOnlySubstanceUnits():
                value = value * v[self.index[s.getCompartment()]]
            self.y0.append(value)

    # --- running -------------------------------------------------------------------------------------------

    def _state_from_v(self, v):
        y = []
        for sid, kind, _ in self.state:
            value = v[self.index[sid]]
            s = self.species.get(sid)
            if kind == "amount" and s is not None and not s.getHasOnlySubstanceUnits():
                value = value * v[self.index[s.getCompartment()]]
            y.append(value)
        return y

    def _just_after(self, t, y, v):
        """Relation values just after t: residuals at t + h, the state extrapolated with its derivative."""
        h = 1e-9 * max(1.0, abs(t))
        if self.state:
            dy = self._rates_fn(t, y, list(v))
            y2 = [a + h * b for a, b in zip(y, dy)]
        else:
            y2 = y
        w = self._sync(t + h, y2, list(v))
        return [r > 0 for r in self._residuals(t + h, w)]

    def _fire(self, t, y, v, rel, previous):
        """Executes every event whose trigger went from false to true at t; repeats while assignments trigger more."""
        for _ in range(1000):
            now = self._conditions(t, v, rel)
            firing = [i for i, (a, b) in enumerate(zip(previous, now)) if b and not a]
            previous = now
            if not firing:
                return y, v, rel, previous
            values = [self.events[i]["assign"](t, v) for i in firing]
            for i, vals in zip(firing, values):
                for (var, _), value in zip(self.events[i]["targets"], vals):
                    v[self.index[var]] = value
            self._rules(t, v)
            y = self._state_from_v(v) or y
            v = self._sync(t, y, v)
            rel = self._just_after(t, y, v)
        raise Unsupported(f"more than 1000 cascading event firings at t = {t}")

    def run(self, times, rtol, atol):
        times = [float(x) for x in times]
        if any(b < a for a, b in zip(times, times[1:])):
            raise Unsupported("output times must be ascending")
        t, end = times[0], times[-1]
        eps = lambda x: 1e-12 * max(1.0, abs(x))  # noqa: E731
        v = list(self.v0)
        y = list(self.y0) or [0.0]  # a clock-only model gets a constant dummy state so that roots can be located
        v = self._sync(t, y, v)
        rel = self._just_after(t, y, v)
        previous = [e["initial"] for e in self.events]  # the trigger values "before" the start: initialValue
        y, v, rel, previous = self._fire(t, y, v, rel, previous)
        out = [list(v)]
        k = 1
        while k < len(times):
            fixed = list(v)  # discrete values (event-set parameters) for this stretch
            cache = {}

            def residuals(tt, yy):
                key = (tt, yy.tobytes())
                if key not in cache:
                    cache.clear()
                    cache[key] = self._residuals(tt, self._sync(tt, yy, list(fixed)))
                return cache[key]

            events = []
            for i in range(self.n_relations):
                g = lambda tt, yy, i=i: residuals(tt, yy)[i]  # noqa: E731
                g.terminal = True
                g.direction = -1.0 if rel[i] else 1.0  # only a crossing that changes the relation counts
                events.append(g)
            if self.state:
                fun = lambda tt, yy: self._rates_fn(tt, yy, list(fixed))  # noqa: E731
            else:
                fun = lambda tt, yy: [0.0]  # noqa: E731
            sol = solve_ivp(
                fun,
                (t, end),
                np.array(y, dtype=float),
                method="LSODA",
                rtol=rtol,
                atol=atol,
                t_eval=times[k:],
                events=events or None,
            )
            if sol.status < 0:
                raise RuntimeError(f"integration failed after t = {t}: {sol.message}")
            stop = end
            if sol.status == 1:
                hits = [(te[0], i) for i, te in enumerate(sol.t_events) if len(te)]
                stop, first = min(hits)
            for j, tt in enumerate(sol.t):
                if sol.status == 1 and tt >= stop - eps(stop):
                    break
                out.append(list(self._sync(tt, list(sol.y[:, j]), list(fixed))))
                k += 1
            if sol.status != 1:
                break
            t = stop
            y = list(sol.y_events[first][0])
            v = self._sync(t, y, list(fixed))
            if t >= end - eps(end):
                # the run ends here: events at exactly the last time are not executed
                while k < len(times):
                    out.append(list(v))
                    k += 1
                break
            rel = self._just_after(t, y, v)
            y, v, rel, previous = self._fire(t, y, v, rel, previous)
            # outputs at exactly an event time show the state after the event
            while k < len(times) and times[k] <= t + eps(t):
                out.append(list(v))
                k += 1
        return times[: len(out)], out


def simulate(path, times, ids, rtol, atol, validate_only=False):
    """One job: validate the file, then (unless validate_only) integrate it and report `ids` at `times`."""
    doc = libsbml.readSBMLFromFile(path)
    errors, warnings = validate(doc)
    result = {"errors": errors, "warnings": warnings}
    if errors or validate_only or not times:
        return result
    try:
        model = Model(doc.getModel())
        ts, rows = model.run(times, rtol, atol)
    except Unsupported as e:
        result["errors"].append(f"not implemented by this engine: {e}")
        return result
    if not ids:
        ids = [s.getId() for s in doc.getModel().getListOfSpecies()]
        ids += [p.getId() for p in doc.getModel().getListOfParameters() if not p.getConstant()]
    missing = [i for i in ids if i not in model.index]
    if missing:
        result["errors"].append(f"no such id: {', '.join(missing)}")
        return result
    result["t"] = ts
    result["values"] = {i: [row[model.index[i]] for row in rows] for i in ids}
    return result


def main():
    ap = argparse.ArgumentParser(description="Simulate an SBML file with libSBML + SciPy LSODA.")
    ap.add_argument("model", nargs="?", help="SBML file (or --jobs)")
    ap.add_argument("--validate", action="store_true", help="only check the file with libSBML")
    ap.add_argument("--times", help="comma-separated output times")
    ap.add_argument("--ids", help="comma-separated ids to report (default: every species and non-constant parameter)")
    ap.add_argument("--rtol", type=float, default=1e-10)
    ap.add_argument("--atol", type=float, default=1e-12)
    ap.add_argument(
        "--jobs",
        help='JSON file of jobs [{"model", "times", "ids", "rtol"?, "atol"?}]: prints a JSON list of results',
    )
    args = ap.parse_args()

    if args.jobs:
        with open(args.jobs, encoding="utf-8") as f:
            jobs = json.load(f)
        results = [
            simulate(j["model"], j.get("times"), j.get("ids"), j.get("rtol", args.rtol), j.get("atol", args.atol))
            for j in jobs
        ]
        print(json.dumps(results))
        return 1 if any(r["errors"] for r in results) else 0
    if not args.model:
        ap.error("give an SBML file or --jobs")
    times = [float(x) for x in args.times.split(",") if x.strip()] if args.times else None
    ids = [x for x in args.ids.split(",") if x] if args.ids else None
    result = simulate(args.model, times, ids, args.rtol, args.atol, args.validate)
    print(json.dumps(result))
    return 1 if result["errors"] else 0


if __name__ == "__main__":
    sys.exit(main())
