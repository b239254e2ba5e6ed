#!/usr/bin/python3
"""Reads JMH JSON results (-rf json, with -prof gc) and checks them against bench/targets.properties.

  report.py check RESULTS.json [--targets FILE] [--quick]   table + verdicts; exit 1 when a target is missed or
                                                           was not measured, 2 when the targets file is malformed
                                                           (--quick: absolute time targets informational only,
                                                           rate targets / ci.tolerance; ratio and allocation
                                                           targets exactly as written)
  report.py ratios RESULTS.json BASELINE.json              Java collection (120 resources) against the baselines
  report.py markdown RESULTS.json [--targets FILE]          the table as Markdown, for bench/README.md

Standard library only.
"""
import argparse
import json
import os
import re
import sys

UNIT_NS = {"ns": 1.0, "us": 1e3, "ms": 1e6, "s": 1e9}
PER_SECOND = {"ops/ns": 1e9, "ops/us": 1e6, "ops/ms": 1e3, "ops/s": 1.0, "ops/min": 1 / 60}
PREFIX = "io.metersim.bench."
TARGET = re.compile(r"^(?P<bench>[^\s:]+)(?::(?P<metric>[\w.]+))?(?P<params>(?:\s+\w+=\S+)*)"
                    r"\s*(?P<op><=|<|>=)\s*(?P<limit>[0-9.]+)\s*(?P<unit>\S+)"
                    r"(?:\s+(?P<relation>per|over)\s+(?P<per>[\w.]+))?$")
# ratio.<name> = <Class.method> [param=value ...] <=|>= <factor> x <Class.method> [param=value ...]
OPERAND = r"[^\s:=<>]+(?:\s+\w+=[^\s,]+)*"
RATIO = re.compile(rf"^(?P<a>{OPERAND})\s*(?P<op><=|>=)\s*(?P<factor>[0-9]*\.?[0-9]+)\s*x\s+(?P<b>{OPERAND})$")


class TargetError(Exception):
    """A line of the targets file that cannot be understood."""


class Target:
    """One limit on a score: time (<=), rate (>=, of the primary score or a secondary metric such as an
    @AuxCounters field), or gc.alloc.rate.norm (alloc), which may be per a param or metric, or over a metric."""

    def __init__(self, key, text):
        match = TARGET.match(text.strip())
        if not match:
            raise TargetError(f"cannot read target [key={key} value={text.strip()}]")
        self.key = key
        self.op = match["op"]
        self.kind = "alloc" if key.startswith("alloc.") else "rate" if self.op == ">=" else "time"
        self.bench = match["bench"]
        self.metric = match["metric"]
        self.params = dict(p.split("=", 1) for p in match["params"].split())
        self.limit = float(match["limit"])
        self.unit = match["unit"]
        self.relation = match["relation"]
        self.per = match["per"]
        if self.kind == "time" and (self.unit not in UNIT_NS or self.metric):
            raise TargetError(f"time target must read 'Class.method <= number ns|us|ms|s' [key={key}]")
        if self.kind == "rate" and self.unit not in PER_SECOND:
            raise TargetError(f"rate target must read 'Class.method[:metric] >= number ops/s' [key={key}]")
        if self.kind == "alloc" and (self.op == ">=" or self.unit != "B/op" or self.metric):
            raise TargetError(f"alloc target must read '< or <= number B/op [per|over param|metric]' [key={key}]")
        if self.kind != "alloc" and self.per:
            raise TargetError(f"only alloc targets can be per or over a param or metric [key={key}]")

    def expanded(self):
        """One target per combination of the listed values ("vens=100,1000 threads=1,2" is four targets), so that
        each combination must be measured."""
        targets = [self]
        for name, values in self.params.items():
            if "," not in values:
                continue
            split = []
            for target in targets:
                for value in values.split(","):
                    if not value:
                        raise TargetError(f"empty value in a param list [key={self.key} param={name}]")
                    copy = object.__new__(Target)
                    copy.__dict__.update(target.__dict__, params=dict(target.params, **{name: value}))
                    split.append(copy)
            targets = split
        return targets

    def gates(self, quick):
        """Absolute time targets hold for the full run on the README's machine only; --quick reports them."""
        return not (quick and self.kind == "time")

    def matches(self, row):
        return matches(self.bench, self.params, row)

    def selector(self):
        return f"{self.bench}{' ' + params_text(self) if self.params else ''}"

    def alloc_of(self, row):
        """B/op; or B per unit of the param or metric that counts the units of work in one op (e.g. VENs per tick);
        or B/op beyond a metric (e.g. the bytes an op emits)."""
        if not self.per:
            return row.alloc
        if self.per in row.params:
            reference = float(row.params[self.per])
        elif self.per in row.metrics:
            reference = row.metric(self.per)
        else:
            raise TargetError(f"benchmark has no param or metric named [key={self.key} benchmark={row.name}"
                              f" name={self.per}]")
        return row.alloc / reference if self.relation == "per" else row.alloc - reference

    def passes(self, row, tolerance):
        if self.kind == "time":
            return row.nanos() <= self.limit * UNIT_NS[self.unit]
        if self.kind == "rate":
            value = row.per_second(self.metric)
            return value is not None and value >= self.limit / tolerance
        if row.alloc is None:
            return False
        alloc = self.alloc_of(row)
        return alloc < self.limit if self.op == "<" else alloc <= self.limit

    def describe(self, tolerance, quick=False):
        if self.kind == "alloc":
            return f"{self.op} {self.limit:g} B/op" + (f" {self.relation} {self.per}" if self.per else "")
        if self.kind == "rate":
            scaled = self.limit / tolerance
            return ((f"{self.metric} " if self.metric else "") + f">= {scaled:g} {self.unit}"
                    + (f" ({self.limit:g}/{tolerance:g})" if tolerance != 1 else ""))
        return f"<= {self.limit:g} {self.unit}" + (" (info)" if not self.gates(quick) else "")


def matches(bench, params, row):
    """Whether a result is of the benchmark (or, for "Class.*", of the class) with every one of the params."""
    if bench.endswith(".*"):
        if not row.name.startswith(bench[:-1]):
            return False
    elif row.name != bench:
        return False
    return all(row.params.get(k) == v for k, v in params.items())


class Operand:
    """One side of a ratio: a benchmark and params that must name exactly one result."""

    def __init__(self, key, text):
        bench, *params = text.split()
        if bench.endswith(".*"):
            raise TargetError(f"a ratio operand must name one benchmark, not a class [key={key} operand={text}]")
        self.bench = bench
        self.params = dict(p.split("=", 1) for p in params)

    def __str__(self):
        return f"{self.bench}{' ' + params_text(self) if self.params else ''}"

    def find(self, rows):
        """(row, None), or (None, why not) when no result or more than one matches."""
        found = [row for row in rows if matches(self.bench, self.params, row)]
        if not found:
            return None, f"{self} not measured"
        if len(found) > 1:
            return None, (f"{self} matches {len(found)} results ("
                          + "; ".join(params_text(row) for row in found) + "): name every param")
        return found[0], None


class Ratio:
    """score(A) <= or >= factor x score(B), both from the same results file: both are times (compared in ns) or
    both rates (in ops/s). ci.tolerance never applies; an operand that was not measured is a miss."""

    def __init__(self, key, text, open_target=False):
        self.open = open_target
        match = RATIO.match(text.strip())
        if not match:
            raise TargetError(f"ratio target must read 'Class.method [param=value ...] <=|>= number x Class.method"
                              f" [param=value ...]' [key={key} value={text.strip()}]")
        self.key = key
        self.a = Operand(key, match["a"])
        self.b = Operand(key, match["b"])
        self.op = match["op"]
        self.factor = float(match["factor"])
        if self.factor <= 0:
            raise TargetError(f"ratio factor must be positive [key={key}]")

    def describe(self):
        return f"{self.op} {self.factor:g}"

    def evaluate(self, rows):
        """(ratio or None, the two rows or None, why it misses or None)."""
        a, why = self.a.find(rows)
        b, why_b = self.b.find(rows)
        why = why or why_b
        if why:
            return None, (a, b), why
        value_a, value_b = comparable(a), comparable(b)
        if value_a is None or value_b is None or value_a[1] != value_b[1]:
            return None, (a, b), f"{a.name} ({a.unit}) and {b.name} ({b.unit}) are not both times or both rates"
        if not value_b[0] > 0 or value_a[0] != value_a[0]:
            return None, (a, b), f"no usable score [{a.name}={a.score} {b.name}={b.score}]"
        ratio = value_a[0] / value_b[0]
        ok = ratio <= self.factor if self.op == "<=" else ratio >= self.factor
        return ratio, (a, b), None if ok else f"A/B = {ratio:.3f} misses {self.describe()}"


def comparable(row):
    """(value, "time" in ns | "rate" in ops/s), or None for a unit that is neither."""
    if row.unit in PER_SECOND:
        return row.score * PER_SECOND[row.unit], "rate"
    if row.unit.removesuffix("/op") in UNIT_NS:
        return row.nanos(), "time"
    return None


class Row:
    """One JMH result: a benchmark method with one set of params."""

    def __init__(self, entry):
        self.name = entry["benchmark"].removeprefix(PREFIX)
        self.params = entry.get("params", {})
        metric = entry["primaryMetric"]
        self.score = float(metric["score"])
        self.error = float(metric["scoreError"])  # JMH writes "NaN" (a string) when it has too few samples
        self.unit = metric["scoreUnit"]
        self.metrics = entry.get("secondaryMetrics", {})
        alloc = self.metrics.get("gc.alloc.rate.norm")
        self.alloc = None if alloc is None else float(alloc["score"])

    def metric(self, name):
        """A secondary metric's score; for a "#" counter (@AuxCounters EVENTS), which JMH sums over iterations and
        forks, the mean per iteration."""
        metric = self.metrics[name]
        raw = [float(value) for fork in metric.get("rawData", []) for value in fork]
        if metric.get("scoreUnit") == "#" and raw:
            return sum(raw) / len(raw)
        return float(metric["score"])

    def per_second(self, name):
        """The primary score, or the named secondary metric, in operations per second; None when not measured."""
        if name is not None and name not in self.metrics:
            return None
        unit = self.unit if name is None else self.metrics[name]["scoreUnit"]
        if unit not in PER_SECOND:
            raise TargetError(f"not a throughput [benchmark={self.name} metric={name or 'primary'} unit={unit}]")
        return (self.score if name is None else self.metric(name)) * PER_SECOND[unit]

    def nanos(self):
        unit = self.unit.removesuffix("/op")
        if unit not in UNIT_NS:
            raise TargetError(f"unexpected score unit [benchmark={self.name} unit={self.unit}]")
        return self.score * UNIT_NS[unit]


def read_targets(path):
    """(targets, ratios, tolerance) of a targets file."""
    targets = []
    ratios = []
    tolerance = 1.0
    with open(path, encoding="utf-8") as f:
        for number, line in enumerate(f, 1):
            line = line.strip()
            if not line or line.startswith("#"):
                continue
            if "=" not in line:
                raise TargetError(f"expected key = value [file={path} line={number}]")
            key, value = (part.strip() for part in line.split("=", 1))
            if key == "ci.tolerance":
                tolerance = float(value)
            elif key.startswith("target.") or key.startswith("alloc."):
                targets.extend(Target(key, value).expanded())
            elif key.startswith("ratio."):
                ratios.append(Ratio(key, value))
            elif key.startswith("open.ratio."):
                # a ratio an open issue asks for and the code does not reach yet: measured and shown, never gating
                ratios.append(Ratio(key[len("open."):], value, open_target=True))
            else:
                raise TargetError(f"unknown key [file={path} line={number} key={key}]")
    return targets, ratios, tolerance


def read_rows(path):
    with open(path, encoding="utf-8") as f:
        return [Row(entry) for entry in json.load(f)]


def fmt(value):
    if value is None or value != value:
        return "n/a"
    return f"{value:.3f}" if abs(value) < 1000 else f"{value:,.0f}"


def verdict(row, targets, tolerance, misses, quick=False, notes=None):
    """(the targets' text, the verdict) of a row; a missed target goes to misses, or, when --quick does not gate it,
    to notes."""
    texts = []
    result = "ok"
    for target in targets:
        if not target.matches(row):
            continue
        target.measured = True
        texts.append(target.describe(tolerance, quick))
        if not target.passes(row, tolerance):
            text = (f"{target.key}: {row.name} {params_text(row)} "
                    f"{measured(row, target)} misses {target.describe(tolerance)}")
            if target.gates(quick):
                result = "MISS"
                misses.append(text)
            else:
                result = "over (info)" if result == "ok" else result
                if notes is not None:
                    notes.append(text)
    return ", ".join(texts) or "-", result if texts else "-"


def measured(row, target):
    if target.kind == "time" or target.kind == "rate" and not target.metric:
        return f"score {fmt(row.score)} {row.unit}"
    if target.kind == "rate":
        if target.metric not in row.metrics:
            return f"no {target.metric} metric"
        return f"{target.metric} {fmt(row.metric(target.metric))} {row.metrics[target.metric]['scoreUnit']}"
    if row.alloc is None:
        return "no gc.alloc.rate.norm (run with -prof gc)"
    if not target.per:
        return f"alloc {fmt(row.alloc)} B/op"
    return f"alloc {fmt(row.alloc)} B/op = {fmt(target.alloc_of(row))} {target.relation} {target.per}"


def named_metrics(row, targets):
    """The secondary metrics that the targets matching the row name (shown as rows of their own)."""
    names = []
    for target in targets:
        if target.matches(row):
            for name in (target.metric, target.per):
                if name and name in row.metrics and name not in names:
                    names.append(name)
    return names


def metric_line(row, name):
    metric = row.metrics[name]
    error = metric.get("scoreError", "NaN")
    error = float(error) if metric.get("scoreUnit") != "#" else float("nan")
    return (f"{row.name}:{name}", params_text(row), f"{fmt(row.metric(name))} ± {fmt(error)}", metric["scoreUnit"],
            "-", "-", "-")


def params_text(row):
    return " ".join(f"{k}={v}" for k, v in sorted(row.params.items())) or "-"


def table(lines, right=(2, 3, 4)):
    widths = [max(len(line[i]) for line in lines) for i in range(len(lines[0]))]
    for line in lines:
        print("  ".join(cell.rjust(width) if i in right else cell.ljust(width)
                        for i, (cell, width) in enumerate(zip(line, widths))).rstrip())


def ratio_lines(ratios, rows, misses, open_misses=None):
    """The ratio table's rows (header first); a missed ratio, or one with an operand not measured, goes to misses.
    An open ratio that was measured and missed goes to open_misses instead."""
    lines = [("ratio", "A", "B", "A/B", "target", "verdict")]
    for ratio in ratios:
        value, (a, b), why = ratio.evaluate(rows)
        text = f"{ratio.key}: {ratio.a} / {ratio.b}: {why}"
        if why and ratio.open and value is not None and open_misses is not None:
            open_misses.append(text)
            result = "MISS (open)"
        else:
            if why:
                misses.append(text)
            result = "MISS" if why else "ok"
        lines.append((ratio.key, operand_text(ratio.a, a), operand_text(ratio.b, b), fmt(value), ratio.describe(),
                      result))
    return lines


def operand_text(operand, row):
    return f"{operand} = " + (f"{fmt(row.score)} {row.unit}" if row else "not measured")


def check(args):
    targets, ratios, tolerance = read_targets(args.targets)
    tolerance = tolerance if args.quick else 1.0
    rows = read_rows(args.results)
    misses = []
    notes = []
    open_misses = []
    for target in targets:
        target.measured = False
    lines = [("benchmark", "params", "score ± error", "unit", "B/op", "target", "verdict")]
    for row in rows:
        target_text, result = verdict(row, targets, tolerance, misses, args.quick, notes)
        lines.append((row.name, params_text(row), f"{fmt(row.score)} ± {fmt(row.error)}", row.unit,
                      fmt(row.alloc), target_text, result))
        lines.extend(metric_line(row, name) for name in named_metrics(row, targets))
    table(lines)
    if ratios:
        print()
        table(ratio_lines(ratios, rows, misses, open_misses), right=(3,))
    for target in targets:
        if not target.measured:
            text = f"{target.key}: not measured [benchmark={target.selector()}]"
            (misses if target.gates(args.quick) else notes).append(text)
    print()
    if notes:
        print("informational, not gated by --quick (absolute times hold for the full run on the README's machine):")
        for note in notes:
            print("  " + note)
        print()
    if open_misses:
        print("open targets, measured and not met yet (their issue stays open; not gated):")
        for miss in open_misses:
            print("  " + miss)
        print()
    if misses:
        print(f"FAILED: {len(misses)} target(s) missed" + mode_text(args.quick, tolerance))
        for miss in misses:
            print("  " + miss)
        return 1
    print("all targets met" + mode_text(args.quick, tolerance))
    return 0


def mode_text(quick, tolerance):
    if not quick:
        return ""
    return f" (--quick: time targets informational, rate targets /{tolerance:g}, ratio and allocation targets as written)"


def markdown(args):
    targets, ratios, _ = read_targets(args.targets)
    rows = read_rows(args.results)
    print("| benchmark | params | score ± error | unit | B/op | target | verdict |")
    print("|---|---|---:|---|---:|---|---|")
    for row in rows:
        target_text, result = verdict(row, targets, 1.0, [])
        print(f"| {row.name} | {params_text(row)} | {fmt(row.score)} ± {fmt(row.error)} | {row.unit} "
              f"| {fmt(row.alloc)} | {target_text} | {result} |")
        for line in (metric_line(row, name) for name in named_metrics(row, targets)):
            print("| " + " | ".join(line) + " |")
    if ratios:
        print()
        print("| ratio | A | B | A/B | target | verdict |")
        print("|---|---|---|---:|---|---|")
        for line in ratio_lines(ratios, rows, [])[1:]:
            print("| " + " | ".join(line) + " |")
    return 0


def ratios(args):
    java = [r for r in read_rows(args.results) if r.name == "CollectionBenchmark.collect"
            and r.params.get("resources") == "120"]
    if not java:
        print(f"no CollectionBenchmark.collect with resources=120 [file={args.results}]", file=sys.stderr)
        return 1
    java_seconds = java[0].nanos() / 1e9
    with open(args.baseline, encoding="utf-8") as f:
        baselines = json.load(f)
    print(f"{'collection of one VEN (120 resources x 6 loads)':52}  {'per VEN':>12}  {'Java is':>14}")
    print(f"{'Java CollectionBenchmark.collect':52}  {seconds_text(java_seconds):>12}  {'-':>14}")
    for name, seconds in baselines["seconds_per_collection"].items():
        print(f"{'Python ' + name:52}  {seconds_text(seconds):>12}  {ratio_text(seconds / java_seconds):>8} faster")
    return 0


def ratio_text(ratio):
    return f"{ratio:,.0f}x" if ratio >= 100 else f"{ratio:.1f}x"


def seconds_text(seconds):
    for unit, scale in (("s", 1.0), ("ms", 1e-3), ("µs", 1e-6)):
        if seconds >= scale:
            return f"{seconds / scale:.3f} {unit}"
    return f"{seconds * 1e9:.1f} ns"


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    commands = parser.add_subparsers(dest="command", required=True)
    check_parser = commands.add_parser("check")
    check_parser.add_argument("results")
    here = os.path.dirname(os.path.abspath(__file__))
    check_parser.add_argument("--targets", default=os.path.join(here, "targets.properties"))
    check_parser.add_argument("--quick", action="store_true")
    markdown_parser = commands.add_parser("markdown")
    markdown_parser.add_argument("results")
    markdown_parser.add_argument("--targets", default=os.path.join(here, "targets.properties"))
    ratios_parser = commands.add_parser("ratios")
    ratios_parser.add_argument("results")
    ratios_parser.add_argument("baseline")
    args = parser.parse_args()
    try:
        return {"check": check, "markdown": markdown, "ratios": ratios}[args.command](args)
    except (TargetError, OSError, KeyError, ValueError) as error:
        print(f"bench report: {error}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
