#!/usr/bin/python3
"""Reads JMH JSON results (-rf json, with -prof gc) and checks them against bench/targets.properties.

  report.py check RESULTS.json [--targets FILE] [--quick]   table + verdicts; exit 1 when a target is missed
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
PREFIX = "io.metersim.bench."
TARGET = re.compile(r"^(?P<bench>\S+)(?P<params>(?:\s+\w+=\S+)*)\s*(?P<op><=|<)\s*(?P<limit>[0-9.]+)\s*(?P<unit>\S+)"
                    r"(?:\s+per\s+(?P<per>\w+))?$")


class TargetError(Exception):
    """A line of the targets file that cannot be understood."""


class Target:
    """One limit on a score (time) or on gc.alloc.rate.norm (alloc)."""

    def __init__(self, key, text):
        match = TARGET.match(text.strip())
        if not match:
            raise TargetError(f"cannot read target [key={key} value={text.strip()}]")
        self.key = key
        self.kind = "alloc" if key.startswith("alloc.") else "time"
        self.bench = match["bench"]
        self.params = dict(p.split("=", 1) for p in match["params"].split())
        self.limit = float(match["limit"])
        self.unit = match["unit"]
        self.per = match["per"]
        if self.kind == "time" and (match["op"] != "<=" or self.unit not in UNIT_NS):
            raise TargetError(f"time target must read '<= number ns|us|ms|s' [key={key}]")
        if self.kind == "alloc" and (match["op"] != "<" or self.unit != "B/op"):
            raise TargetError(f"alloc target must read '< number B/op [per param]' [key={key}]")
        if self.kind == "time" and self.per:
            raise TargetError(f"only alloc targets can be per a param [key={key}]")

    def matches(self, row):
        name = row.name
        wanted = self.bench
        if wanted.endswith(".*"):
            if not name.startswith(wanted[:-1]):
                return False
        elif name != wanted:
            return False
        return all(row.params.get(k) == v for k, v in self.params.items())

    def alloc_of(self, row):
        """B/op, or B per unit of the param that counts the units of work in one op (e.g. VENs per tick)."""
        if not self.per:
            return row.alloc
        if self.per not in row.params:
            raise TargetError(f"benchmark has no param to divide by [key={self.key} benchmark={row.name}"
                              f" param={self.per}]")
        return row.alloc / float(row.params[self.per])

    def describe(self, tolerance):
        if self.kind == "alloc":
            return f"< {self.limit:g} B/op" + (f" per {self.per}" if self.per else "")
        scaled = self.limit * tolerance
        return f"<= {scaled:g} {self.unit}" + (f" ({self.limit:g}x{tolerance:g})" if tolerance != 1 else "")


class Row:
    """One JMH result: a benchmark method with one set of params."""

    def __init__(self, entry):
        self.name = entry["benchmark"].removeprefix(PREFIX)
        self.params = entry.get("params", {})
        metric = entry["primaryMetric"]
        self.score = float(metric["score"])
        self.error = float(metric["scoreError"])  # JMH writes "NaN" (a string) when it has too few samples
        self.unit = metric["scoreUnit"]
        alloc = entry.get("secondaryMetrics", {}).get("gc.alloc.rate.norm")
        self.alloc = None if alloc is None else float(alloc["score"])

    def nanos(self):
        unit = self.unit.removesuffix("/op")
        if unit not in UNIT_NS:
            raise TargetError(f"unexpected score unit [benchmark={self.name} unit={self.unit}]")
        return self.score * UNIT_NS[unit]


def read_targets(path):
    targets = []
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
                targets.append(Target(key, value))
            else:
                raise TargetError(f"unknown key [file={path} line={number} key={key}]")
    return targets, tolerance


def read_rows(path):
    with open(path, encoding="utf-8") as f:
        return [Row(entry) for entry in json.load(f)]


def fmt(value):
    if value is None or value != value:
        return "n/a"
    return f"{value:.3f}" if abs(value) < 1000 else f"{value:,.0f}"


def verdict(row, targets, tolerance, misses):
    texts = []
    ok = True
    for target in targets:
        if not target.matches(row):
            continue
        target.measured = True
        if target.kind == "time":
            passed = row.nanos() <= target.limit * tolerance * UNIT_NS[target.unit]
        else:
            passed = row.alloc is not None and target.alloc_of(row) < target.limit
        texts.append(target.describe(tolerance))
        if not passed:
            ok = False
            misses.append(f"{target.key}: {row.name} {params_text(row)} "
                          f"{measured(row, target)} misses {target.describe(tolerance)}")
    return ", ".join(texts) or "-", ("ok" if ok else "MISS") if texts else "-"


def measured(row, target):
    if target.kind == "time":
        return f"score {fmt(row.score)} {row.unit}"
    if row.alloc is None:
        return "no gc.alloc.rate.norm (run with -prof gc)"
    return f"alloc {fmt(row.alloc)} B/op" + (f" = {fmt(target.alloc_of(row))} per {target.per}" if target.per else "")


def params_text(row):
    return " ".join(f"{k}={v}" for k, v in sorted(row.params.items())) or "-"


def table(lines):
    widths = [max(len(line[i]) for line in lines) for i in range(len(lines[0]))]
    for line in lines:
        print("  ".join(cell.ljust(width) if i < 2 else cell.rjust(width) if i < 5 else cell.ljust(width)
                        for i, (cell, width) in enumerate(zip(line, widths))).rstrip())


def check(args):
    targets, tolerance = read_targets(args.targets)
    tolerance = tolerance if args.quick else 1.0
    rows = read_rows(args.results)
    misses = []
    for target in targets:
        target.measured = False
    lines = [("benchmark", "params", "score ± error", "unit", "B/op", "target", "verdict")]
    for row in rows:
        target_text, result = verdict(row, targets, tolerance, misses)
        lines.append((row.name, params_text(row), f"{fmt(row.score)} ± {fmt(row.error)}", row.unit,
                      fmt(row.alloc), target_text, result))
    table(lines)
    for target in targets:
        if not target.measured:
            misses.append(f"{target.key}: not measured [benchmark={target.bench}]")
    print()
    if misses:
        print(f"FAILED: {len(misses)} target(s) missed" + (f" (time targets x{tolerance:g})" if tolerance != 1 else ""))
        for miss in misses:
            print("  " + miss)
        return 1
    print("all targets met" + (f" (time targets x{tolerance:g})" if tolerance != 1 else ""))
    return 0


def markdown(args):
    targets, _ = read_targets(args.targets)
    print("| benchmark | params | score ± error | unit | B/op | target | verdict |")
    print("|---|---|---:|---|---:|---|---|")
    for row in read_rows(args.results):
        target_text, result = verdict(row, targets, 1.0, [])
        print(f"| {row.name} | {params_text(row)} | {fmt(row.score)} ± {fmt(row.error)} | {row.unit} "
              f"| {fmt(row.alloc)} | {target_text} | {result} |")
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
