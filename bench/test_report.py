#!/usr/bin/python3
"""Tests of report.py (standard library only): python3 -m unittest discover -s bench -p 'test_*.py'"""
import contextlib
import io
import json
import os
import subprocess
import sys
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


class Harness(unittest.TestCase):
    """A temporary folder with a targets file, and report.check run on results written there."""

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


class ReportTest(Harness):

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

    def test_reports_absolute_time_targets_as_informational_with_quick(self):
        slow = [entry("CollectionBenchmark.collect", 69000.0, "ns/op", {"resources": "120"})] + GOOD[2:]
        self.assertEqual(1, self.run_check(slow)[0])
        code, out = self.run_check(slow, quick=True)
        self.assertEqual(0, code, out)
        self.assertIn("<= 700 ns (info)", out)
        self.assertIn("over (info)", out)
        self.assertIn("informational, not gated by --quick", out)
        self.assertIn("target.collection: CollectionBenchmark.collect resources=120 score 69,000 ns/op misses <= 700 ns",
                      out)
        self.assertNotIn("x10", out)

    def test_does_not_require_absolute_time_targets_to_be_measured_with_quick(self):
        code, out = self.run_check(GOOD[:2] + GOOD[3:], quick=True, targets=self.write("t.properties", (
            "target.tick = TickBenchmark.tick vens=10000 threads=2 <= 4 ms\n")))
        self.assertEqual(0, code, out)
        self.assertIn("target.tick: not measured [benchmark=TickBenchmark.tick threads=2 vens=10000]", out)

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
        self.assertIn("target.tick: not measured [benchmark=TickBenchmark.tick threads=2 vens=10000]", out)
        self.assertIn("alloc.tick: not measured [benchmark=TickBenchmark.tick]", out)

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


RATIOS = """ratio.collection = CollectionBenchmark.collect resources=120 <= 1.25 x CollectionBenchmark.baseline resources=120
ratio.tick = TickBenchmark.tick vens=10000 threads=1 >= 1.6 x TickBenchmark.tick vens=10000 threads=2
ratio.cursor = CursorBenchmark.increaseTime <= 1.1 x CursorBenchmark.atomicIncrementBaseline
ci.tolerance = 10
"""

# What one short fork on a slow, shared machine might measure: every absolute time far off, the ratios met.
RATIO_GOOD = [
    entry("CollectionBenchmark.collect", 990.0, "ns/op", {"resources": "120"}),
    entry("CollectionBenchmark.baseline", 1000.0, "ns/op", {"resources": "120"}),
    entry("TickBenchmark.tick", 9.9, "ms/op", {"vens": "10000", "threads": "1"}),
    entry("TickBenchmark.tick", 5000.0, "us/op", {"vens": "10000", "threads": "2"}),
    entry("CursorBenchmark.increaseTime", 15.0, "ns/op"),
    entry("CursorBenchmark.atomicIncrementBaseline", 14.8, "ns/op"),
]


def tick(vens, threads, alloc, micros=None):
    return entry("TickBenchmark.tick", micros or vens * 0.35, "us/op", {"vens": str(vens), "threads": str(threads)},
                 alloc=alloc)


def replace(entries, name, params, new):
    """entries with the one of that benchmark and params replaced by new (or dropped when new is None)."""
    kept = [e for e in entries if not (e["benchmark"].endswith("." + name) and e["params"] == params)]
    assert len(kept) == len(entries) - 1, (name, params)
    return kept + ([new] if new else [])


class RatioTest(Harness):

    def setUp(self):
        super().setUp()
        self.ratios = self.write("ratios.properties", RATIOS)

    def run_cli(self, entries, *options, targets=None):
        """report.py check as CI runs it: (exit code, stdout)."""
        results = self.write("cli.json", json.dumps(entries))
        script = os.path.join(os.path.dirname(os.path.abspath(__file__)), "report.py")
        done = subprocess.run([sys.executable, script, "check", results, "--targets", targets or self.ratios,
                               *options], capture_output=True, text=True, check=False)
        return done.returncode, done.stdout + done.stderr

    def test_exits_zero_when_every_ratio_is_met(self):
        code, out = self.run_cli(RATIO_GOOD)
        self.assertEqual(0, code, out)
        self.assertIn("all targets met", out)
        line = next(l for l in out.splitlines() if l.startswith("ratio.tick "))
        self.assertRegex(line, r"1\.980\s+>= 1\.6\s+ok$")  # 9.9 ms / 5,000 us: units converted before dividing

    def test_exits_non_zero_when_a_ratio_is_missed(self):
        slow = replace(RATIO_GOOD, "CollectionBenchmark.collect", {"resources": "120"},
                       entry("CollectionBenchmark.collect", 1260.0, "ns/op", {"resources": "120"}))
        code, out = self.run_cli(slow)
        self.assertEqual(1, code, out)
        self.assertIn("ratio.collection: CollectionBenchmark.collect resources=120 / CollectionBenchmark.baseline"
                      " resources=120: A/B = 1.260 misses <= 1.25", out)

    def test_exits_non_zero_when_a_lower_bound_ratio_is_missed(self):
        flat = replace(RATIO_GOOD, "TickBenchmark.tick", {"vens": "10000", "threads": "1"}, tick(10000, 1, 0.0, 7900.0))
        code, out = self.run_cli(flat)
        self.assertEqual(1, code, out)
        self.assertIn("ratio.tick: TickBenchmark.tick threads=1 vens=10000 / TickBenchmark.tick threads=2 vens=10000:"
                      " A/B = 1.580 misses >= 1.6", out)
        self.assertEqual(0, self.run_cli(replace(RATIO_GOOD, "TickBenchmark.tick", {"vens": "10000", "threads": "1"},
                                                 tick(10000, 1, 0.0, 8000.0)))[0])

    def test_exits_non_zero_when_an_operand_was_not_measured(self):
        code, out = self.run_cli(replace(RATIO_GOOD, "TickBenchmark.tick", {"vens": "10000", "threads": "1"}, None))
        self.assertEqual(1, code, out)
        self.assertIn("ratio.tick: TickBenchmark.tick threads=1 vens=10000 / TickBenchmark.tick threads=2 vens=10000:"
                      " TickBenchmark.tick threads=1 vens=10000 not measured", out)
        code, out = self.run_cli(replace(RATIO_GOOD, "CursorBenchmark.atomicIncrementBaseline", {}, None), "--quick")
        self.assertEqual(1, code, out)
        self.assertIn("ratio.cursor: CursorBenchmark.increaseTime / CursorBenchmark.atomicIncrementBaseline:"
                      " CursorBenchmark.atomicIncrementBaseline not measured", out)

    def test_quick_does_not_scale_ratios(self):
        slow = replace(RATIO_GOOD, "CursorBenchmark.increaseTime", {}, entry("CursorBenchmark.increaseTime", 17.0,
                                                                             "ns/op"))
        for options in ((), ("--quick",)):
            code, out = self.run_cli(slow, *options)
            self.assertEqual(1, code, out)
            self.assertIn("A/B = 1.149 misses <= 1.1", out)
        code, out = self.run_cli(RATIO_GOOD, "--quick")
        self.assertEqual(0, code, out)
        line = next(l for l in out.splitlines() if l.startswith("ratio.cursor "))
        self.assertRegex(line, r"1\.014\s+<= 1\.1\s+ok$")

    def test_fails_an_operand_that_matches_several_results(self):
        both = self.write("both.properties", "ratio.t = TickBenchmark.tick threads=1 >= 1.6 x TickBenchmark.tick"
                                             " vens=10000 threads=2\n")
        code, out = self.run_check(RATIO_GOOD + [tick(100, 1, 0.0)], targets=both)
        self.assertEqual(1, code, out)
        self.assertIn("TickBenchmark.tick threads=1 matches 2 results (threads=1 vens=10000; threads=1 vens=100):"
                      " name every param", out)

    def test_fails_a_ratio_of_a_time_and_a_rate(self):
        mixed = self.write("mixed.properties", "ratio.m = ReportBenchmark.deliver <= 2 x ReportBenchmark.serialise\n")
        code, out = self.run_check([deliver(1000.0), serialise(133268.0)], targets=mixed)
        self.assertEqual(1, code, out)
        self.assertIn("are not both times or both rates", out)

    def test_rejects_a_ratio_it_cannot_read(self):
        for text, message in (
                ("ratio.r = CollectionBenchmark.collect <= 1.25 CollectionBenchmark.baseline", "ratio target must read"),
                ("ratio.r = CollectionBenchmark.collect < 1.25 x CollectionBenchmark.baseline", "ratio target must read"),
                ("ratio.r = CursorBenchmark.* <= 1.1 x CursorBenchmark.atomicIncrementBaseline", "not a class"),
                ("ratio.r = CollectionBenchmark.collect <= 0 x CollectionBenchmark.baseline", "must be positive")):
            bad = self.write("bad.properties", text + "\n")
            with self.assertRaises(report.TargetError) as raised:
                self.run_check(RATIO_GOOD, targets=bad)
            self.assertIn(message, str(raised.exception))
        code, out = self.run_cli(RATIO_GOOD, targets=bad)
        self.assertEqual(2, code, out)


SMALL_TICKS = """alloc.tick = TickBenchmark.tick vens=100,1000 threads=1,2 < 16 B/op
alloc.tick.per_ven = TickBenchmark.tick vens=10000 threads=1,2 < 1 B/op per vens
ci.tolerance = 10
"""

# gc.alloc.rate.norm with nothing allocated but JMH's own ~6 KB/s: ~0.2 B on a 35 us op, ~2 B on 0.35 ms, ~20 B on
# 3.4 ms (twice that on a busy machine).
TICKS_NOISE = [tick(100, 1, 0.4), tick(100, 2, 0.2), tick(1000, 1, 4.0), tick(1000, 2, 2.0),
               tick(10000, 1, 40.0), tick(10000, 2, 20.0)]


class AllocationTest(Harness):

    def test_passes_the_noise_of_jmh_threads(self):
        ticks = self.write("ticks.properties", SMALL_TICKS)
        for quick in (False, True):
            code, out = self.run_check(TICKS_NOISE, quick=quick, targets=ticks)
            self.assertEqual(0, code, out)

    def test_fails_one_allocation_per_tick_in_quick(self):
        ticks = self.write("ticks.properties", SMALL_TICKS)
        allocating = replace(TICKS_NOISE, "TickBenchmark.tick", {"vens": "1000", "threads": "2"},
                             tick(1000, 2, 16.0 + 2.0))
        code, out = self.run_check(allocating, quick=True, targets=ticks)
        self.assertEqual(1, code, out)
        self.assertIn("alloc.tick: TickBenchmark.tick threads=2 vens=1000 alloc 18.000 B/op misses < 16 B/op", out)
        self.assertNotIn("x10", out)

    def test_fails_one_allocation_per_ven_in_quick(self):
        ticks = self.write("ticks.properties", SMALL_TICKS)
        allocating = replace(TICKS_NOISE, "TickBenchmark.tick", {"vens": "10000", "threads": "1"},
                             tick(10000, 1, 16.0 * 10000 + 40.0))
        code, out = self.run_check(allocating, quick=True, targets=ticks)
        self.assertEqual(1, code, out)
        self.assertIn("alloc.tick.per_ven: TickBenchmark.tick threads=1 vens=10000 alloc 160,040 B/op = 16.004 per vens"
                      " misses < 1 B/op per vens", out)

    def test_requires_every_listed_param_value(self):
        ticks = self.write("ticks.properties", SMALL_TICKS)
        code, out = self.run_check(replace(TICKS_NOISE, "TickBenchmark.tick", {"vens": "100", "threads": "2"}, None),
                                   quick=True, targets=ticks)
        self.assertEqual(1, code, out)
        self.assertIn("alloc.tick: not measured [benchmark=TickBenchmark.tick threads=2 vens=100]", out)

    def test_rejects_an_empty_value_in_a_list(self):
        bad = self.write("bad.properties", "alloc.t = TickBenchmark.tick vens=100,,1000 < 16 B/op\n")
        with self.assertRaises(report.TargetError) as raised:
            self.run_check(TICKS_NOISE, targets=bad)
        self.assertIn("empty value in a param list [key=alloc.t param=vens]", str(raised.exception))


class ShippedTargetsTest(Harness):
    """bench/targets.properties against a synthetic bench/check --quick run of what its selection measures."""

    QUICK = [
        entry("CollectionBenchmark.collect", 660.0, "ns/op", {"resources": "120"}, alloc=0.004),
        entry("CollectionBenchmark.baseline", 680.0, "ns/op", {"resources": "120"}, alloc=0.004),
        *(tick(vens, threads, vens * 0.002, vens * 0.7 / threads) for vens in (100, 1000, 10000) for threads in (1, 2)),
        entry("CursorBenchmark.increaseTime", 9.6, "ns/op"),
        entry("CursorBenchmark.atomicIncrementBaseline", 9.5, "ns/op"),
        deliver(400.0),
        serialise(133600.0),
        entry("ResponseBenchmark.plain", 660.0, "ns/op", alloc=0.004),
        entry("ResponseBenchmark.responding", 800.0, "ns/op", alloc=0.004),
        entry("ResponseBenchmark.idle", 665.0, "ns/op", alloc=0.004),
        entry("ResponseBenchmark.payback", 1400.0, "ns/op", alloc=0.004),
        entry("BaselineBenchmark.baseline", 1.2, "s/op", {"vens": "10000"}, alloc=6000.0),
        entry("BaselineBenchmark.sumPass", 7.7, "s/op", {"vens": "10000"}, alloc=0.1),
    ]

    def setUp(self):
        super().setUp()
        self.targets = os.path.join(os.path.dirname(os.path.abspath(__file__)), "targets.properties")

    def test_a_slow_machine_without_regressions_passes_quick(self):
        code, out = self.run_check(self.QUICK, quick=True)
        self.assertEqual(0, code, out)
        self.assertIn("all targets met", out)

    def test_every_gate_fails_quick_on_its_regression(self):
        regressions = {
            "ratio.collection": ("CollectionBenchmark.collect", {"resources": "120"},
                                 entry("CollectionBenchmark.collect", 900.0, "ns/op", {"resources": "120"})),
            "ratio.tick": ("TickBenchmark.tick", {"vens": "10000", "threads": "2"}, tick(10000, 2, 20.0, 4500.0)),
            "ratio.cursor": ("CursorBenchmark.increaseTime", {}, entry("CursorBenchmark.increaseTime", 10.5, "ns/op")),
            "alloc.collection": ("CollectionBenchmark.collect", {"resources": "120"},
                                 entry("CollectionBenchmark.collect", 660.0, "ns/op", {"resources": "120"}, 16.0)),
            "alloc.tick": ("TickBenchmark.tick", {"vens": "100", "threads": "1"}, tick(100, 1, 16.2, 70.0)),
            "alloc.tick.per_ven": ("TickBenchmark.tick", {"vens": "10000", "threads": "2"},
                                   tick(10000, 2, 160020.0, 3500.0)),
            "alloc.cursor": ("CursorBenchmark.atomicIncrementBaseline", {},
                             entry("CursorBenchmark.atomicIncrementBaseline", 9.5, "ns/op", alloc=24.0)),
            "ratio.baseline": ("BaselineBenchmark.baseline", {"vens": "10000"},
                               entry("BaselineBenchmark.baseline", 23.2, "s/op", {"vens": "10000"}, alloc=6000.0)),
            "alloc.baseline.per_ven": ("BaselineBenchmark.baseline", {"vens": "10000"},
                                       entry("BaselineBenchmark.baseline", 1.2, "s/op", {"vens": "10000"},
                                             alloc=160000.0)),
            "alloc.response": ("ResponseBenchmark.idle", {},
                               entry("ResponseBenchmark.idle", 665.0, "ns/op", alloc=16.0)),
            "ratio.response": ("ResponseBenchmark.responding", {},
                               entry("ResponseBenchmark.responding", 870.0, "ns/op", alloc=0.004)),
            "ratio.payback": ("ResponseBenchmark.payback", {},
                              entry("ResponseBenchmark.payback", 1700.0, "ns/op", alloc=0.004)),
        }
        for key, (name, params, new) in regressions.items():
            with self.subTest(key):
                code, out = self.run_check(replace(self.QUICK, name, params, new), quick=True)
                self.assertEqual(1, code, out)
                misses = out.split("FAILED", 1)[1]
                self.assertIn(f"  {key}: ", misses)

    def opened(self):
        """The shipped targets with the response ratio an open target, as it was while its issue was open."""
        with open(self.targets, encoding="utf-8") as f:
            shipped = f.read()
        self.assertIn("\nratio.response = ", shipped)
        return self.write("opened.properties", shipped.replace("\nratio.response = ", "\nopen.ratio.response = "))

    def test_an_open_ratio_is_shown_and_does_not_gate(self):
        slow = replace(self.QUICK, "ResponseBenchmark.responding", {},
                       entry("ResponseBenchmark.responding", 1980.0, "ns/op", alloc=0.004))
        targets = self.opened()
        for quick in (True, False):
            code, out = self.run_check(slow, quick=quick, targets=targets)
            self.assertEqual(0 if quick else 1, code, out)  # the full run fails on absolute times, not on the ratio
            line = next(l for l in out.splitlines() if l.startswith("ratio.response "))
            self.assertRegex(line, r"3\.000\s+<= 1\.3\s+MISS \(open\)$")
            opened = out.split("open targets", 1)[1]
            self.assertIn("ratio.response: ResponseBenchmark.responding / ResponseBenchmark.plain: A/B = 3.000 "
                          "misses <= 1.3", opened)
            self.assertNotIn("ratio.response", out.split("FAILED", 1)[1] if "FAILED" in out else "")

    def test_an_open_ratio_not_measured_fails(self):
        code, out = self.run_check(replace(self.QUICK, "ResponseBenchmark.responding", {}, None), quick=True,
                                   targets=self.opened())
        self.assertEqual(1, code, out)
        self.assertIn("ratio.response: ResponseBenchmark.responding / ResponseBenchmark.plain: "
                      "ResponseBenchmark.responding not measured", out.split("FAILED", 1)[1])

    def test_absolute_times_do_not_gate_quick(self):
        slower = [dict(e, primaryMetric=dict(e["primaryMetric"], score=e["primaryMetric"]["score"] * 10))
                  if e["primaryMetric"]["scoreUnit"].endswith("/op") and "Report" not in e["benchmark"] else e
                  for e in self.QUICK]
        code, out = self.run_check(slower, quick=True)
        self.assertEqual(0, code, out)
        self.assertIn("over (info)", out)
        self.assertIn("target.tick: TickBenchmark.tick threads=2 vens=10000 score 35,000 us/op misses <= 4 ms",
                      out.split("informational", 1)[1].split("all targets met", 1)[0])
        code, out = self.run_check(slower)
        self.assertEqual(1, code, out)
        self.assertIn("target.tick: TickBenchmark.tick threads=2 vens=10000 score 35,000 us/op misses <= 4 ms",
                      out.split("FAILED", 1)[1])


if __name__ == "__main__":
    unittest.main()
