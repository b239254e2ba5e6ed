#!/usr/bin/python3
"""Tests of report.py (standard library only): python3 -m unittest discover -s bench -p 'test_*.py'"""
import contextlib
import io
import json
import os
import tempfile
import unittest
from types import SimpleNamespace

import report

TARGETS = """# comment
target.collection = CollectionBenchmark.collect resources=120 <= 700 ns
target.tick = TickBenchmark.tick vens=10000 threads=2 <= 4 ms
alloc.cursor = CursorBenchmark.* < 1 B/op
alloc.tick = TickBenchmark.tick < 1 B/op per vens
target.report = ReportBenchmark.deliver:delivered >= 1000 ops/s
alloc.report = ReportBenchmark.serialise <= 1024 B/op over bytesEmitted
ci.tolerance = 10
"""


def entry(name, score, unit, params=None, alloc=0.0):
    secondary = {} if alloc is None else {"gc.alloc.rate.norm": {"score": alloc, "scoreUnit": "B/op"}}
    return {"benchmark": "io.metersim.bench." + name, "params": params or {},
            "primaryMetric": {"score": score, "scoreError": 0.5, "scoreUnit": unit}, "secondaryMetrics": secondary}


def deliver(delivered, submitted=1500.0):
    result = entry("ReportBenchmark.deliver", submitted, "ops/s", alloc=600000.0)
    result["secondaryMetrics"]["delivered"] = {"score": delivered, "scoreError": 20.0, "scoreUnit": "ops/s",
                                               "rawData": [[delivered, delivered]]}
    return result


def serialise(alloc, emitted=133268.0, iterations=5):
    result = entry("ReportBenchmark.serialise", 150.0, "us/op", alloc=alloc)
    # JMH sums an EVENTS counter over iterations and forks: the score is iterations x the per-iteration value.
    result["secondaryMetrics"]["bytesEmitted"] = {"score": emitted * iterations, "scoreError": "NaN",
                                                  "scoreUnit": "#", "rawData": [[emitted] * iterations]}
    return result


GOOD = [
    entry("CollectionBenchmark.collect", 650.0, "ns/op", {"resources": "120"}),
    entry("CollectionBenchmark.collect", 9000.0, "ns/op", {"resources": "1000"}, alloc=64.0),
    entry("TickBenchmark.tick", 3900.0, "us/op", {"vens": "10000", "threads": "2"}, alloc=96.0),
    entry("CursorBenchmark.increaseTime", 2.5, "ns/op"),
    deliver(1200.0),
    serialise(133835.0),
]


class ReportTest(unittest.TestCase):

    def setUp(self):
        self.folder = tempfile.TemporaryDirectory()
        self.targets = self.write("targets.properties", TARGETS)

    def tearDown(self):
        self.folder.cleanup()

    def write(self, name, text):
        path = os.path.join(self.folder.name, name)
        with open(path, "w", encoding="utf-8") as f:
            f.write(text)
        return path

    def run_check(self, entries, quick=False, targets=None):
        results = self.write("results.json", json.dumps(entries))
        out = io.StringIO()
        with contextlib.redirect_stdout(out):
            code = report.check(SimpleNamespace(results=results, targets=targets or self.targets, quick=quick))
        return code, out.getvalue()

    def test_passes_when_every_target_is_met(self):
        code, out = self.run_check(GOOD)
        self.assertEqual(0, code, out)
        self.assertIn("all targets met", out)
        self.assertIn("<= 700 ns", out)

    def test_ignores_params_a_target_does_not_name(self):
        code, out = self.run_check(GOOD)
        line = next(l for l in out.splitlines() if "resources=1000" in l)
        self.assertTrue(line.rstrip().endswith("-"), line)

    def test_fails_on_a_slow_score_in_another_unit(self):
        slow = GOOD[:2] + [entry("TickBenchmark.tick", 4100.0, "us/op", {"vens": "10000", "threads": "2"})] + GOOD[3:]
        code, out = self.run_check(slow)
        self.assertEqual(1, code)
        self.assertIn("target.tick: TickBenchmark.tick threads=2 vens=10000 score 4,100 us/op misses <= 4 ms", out)

    def test_applies_the_tolerance_to_time_only_with_quick(self):
        slow = [entry("CollectionBenchmark.collect", 6900.0, "ns/op", {"resources": "120"})] + GOOD[2:]
        self.assertEqual(1, self.run_check(slow)[0])
        code, out = self.run_check(slow, quick=True)
        self.assertEqual(0, code, out)
        self.assertIn("<= 7000 ns (700x10)", out)

    def test_never_applies_the_tolerance_to_allocation(self):
        allocating = GOOD[:3] + [entry("CursorBenchmark.increaseTime", 2.5, "ns/op", alloc=16.0)]
        code, out = self.run_check(allocating, quick=True)
        self.assertEqual(1, code)
        self.assertIn("alloc.cursor: CursorBenchmark.increaseTime - alloc 16.000 B/op misses < 1 B/op", out)

    def test_divides_allocation_by_the_named_param(self):
        allocating = GOOD[:2] + [entry("TickBenchmark.tick", 3900.0, "us/op", {"vens": "10000", "threads": "2"},
                                       alloc=160000.0)] + GOOD[3:]
        code, out = self.run_check(allocating)
        self.assertEqual(1, code)
        self.assertIn("alloc.tick: TickBenchmark.tick threads=2 vens=10000 alloc 160,000 B/op = 16.000 per vens"
                      " misses < 1 B/op per vens", out)

    def test_checks_a_rate_on_the_named_secondary_metric(self):
        code, out = self.run_check(GOOD)
        self.assertEqual(0, code, out)
        self.assertIn("delivered >= 1000 ops/s", out)
        self.assertIn("ReportBenchmark.deliver:delivered", out)
        slow = GOOD[:4] + [deliver(900.0, submitted=5000.0), GOOD[5]]
        code, out = self.run_check(slow)
        self.assertEqual(1, code)
        self.assertIn("target.report: ReportBenchmark.deliver - delivered 900.000 ops/s misses delivered >= 1000 ops/s",
                      out)

    def test_divides_a_rate_by_the_tolerance_with_quick(self):
        slow = GOOD[:4] + [deliver(150.0), GOOD[5]]
        code, out = self.run_check(slow, quick=True)
        self.assertEqual(0, code, out)
        self.assertIn("delivered >= 100 ops/s (1000/10)", out)
        code, out = self.run_check(GOOD[:4] + [deliver(90.0), GOOD[5]], quick=True)
        self.assertEqual(1, code)

    def test_fails_a_rate_when_the_metric_is_missing(self):
        missing = GOOD[:4] + [entry("ReportBenchmark.deliver", 1500.0, "ops/s"), GOOD[5]]
        code, out = self.run_check(missing)
        self.assertEqual(1, code)
        self.assertIn("target.report: ReportBenchmark.deliver - no delivered metric misses", out)

    def test_compares_allocation_with_a_counter_per_iteration(self):
        code, out = self.run_check(GOOD[:5] + [serialise(134293.0)])
        self.assertEqual(1, code)
        self.assertIn("alloc.report: ReportBenchmark.serialise - alloc 134,293 B/op = 1,025 over bytesEmitted"
                      " misses <= 1024 B/op over bytesEmitted", out)
        self.assertEqual(0, self.run_check(GOOD[:5] + [serialise(134293.0, emitted=133269.0)])[0])

    def test_divides_allocation_by_a_named_metric(self):
        per = self.write("per.properties", "alloc.r = ReportBenchmark.serialise <= 1 B/op per bytesEmitted\n")
        code, out = self.run_check([serialise(133268.0)], targets=per)
        self.assertEqual(0, code, out)
        code, out = self.run_check([serialise(133269.0)], targets=per)
        self.assertEqual(1, code)
        self.assertIn("= 1.000 per bytesEmitted misses <= 1 B/op per bytesEmitted", out)

    def test_rejects_a_rate_in_time_units_and_a_metric_on_allocation(self):
        for text, message in (
                ("target.r = ReportBenchmark.deliver >= 1000 ns", "rate target must read"),
                ("target.t = ReportBenchmark.deliver:delivered <= 1 ms", "time target must read"),
                ("alloc.a = ReportBenchmark.serialise:bytesEmitted < 1 B/op", "alloc target must read")):
            bad = self.write("bad.properties", text + "\n")
            with self.assertRaises(report.TargetError) as raised:
                self.run_check(GOOD, targets=bad)
            self.assertIn(message, str(raised.exception))

    def test_fails_without_the_gc_profiler(self):
        code, out = self.run_check(GOOD[:3] + [entry("CursorBenchmark.increaseTime", 2.5, "ns/op", alloc=None)])
        self.assertEqual(1, code)
        self.assertIn("no gc.alloc.rate.norm (run with -prof gc)", out)

    def test_fails_when_a_target_was_not_measured(self):
        code, out = self.run_check(GOOD[:2] + GOOD[3:])
        self.assertEqual(1, code)
        self.assertIn("target.tick: not measured [benchmark=TickBenchmark.tick]", out)

    def test_rejects_a_target_it_cannot_read(self):
        bad = self.write("bad.properties", "target.x = CollectionBenchmark.collect about 700 ns\n")
        with self.assertRaises(report.TargetError) as raised:
            self.run_check(GOOD, targets=bad)
        self.assertEqual("cannot read target [key=target.x value=CollectionBenchmark.collect about 700 ns]",
                         str(raised.exception))

    def test_rejects_an_unknown_key(self):
        bad = self.write("bad.properties", "\n\ntolerance = 3\n")
        with self.assertRaises(report.TargetError) as raised:
            self.run_check(GOOD, targets=bad)
        self.assertEqual(f"unknown key [file={bad} line=3 key=tolerance]", str(raised.exception))


if __name__ == "__main__":
    unittest.main()
