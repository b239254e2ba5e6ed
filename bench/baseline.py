#!/usr/bin/python3
"""Python baselines for one VEN collection (120 approved resources x 6 loads) on an HDF5 file in the original layout.

  original  the original simulator's algorithm: open the file on every collection, then per approved resource and
            load read one row, f['meters'][key][f'load_{k}']['power'][index]
  numpy     what a Python user would write instead: preload every series into one numpy array, then gather the
            120 x 6 readings with fancy indexing

Meters are chosen per resource with random.Random(seed).choice, as the original's random.choice did (seeded here).
Needs h5py and numpy (Debian: apt-get install -y python3-h5py).
"""
import argparse
import json
import os
import random
import statistics
import sys
import time
import timeit

import h5py
import numpy as np

LOADS = 6


def choose_meters(path, resources, seed):
    with h5py.File(path, "r") as f:
        keys = sorted(f["meters"].keys())
    rng = random.Random(seed)
    return keys, [rng.choice(keys) for _ in range(resources)]


def collect_original(path, meter_keys, index):
    """One collection as the original simulator did it: {resource: (meter, [(timestamp_ms, load_id, watts)])}."""
    collected = {}
    with h5py.File(path, "r") as f:
        for resource, key in enumerate(meter_keys):
            meter = f["meters"][key]
            readings = []
            for k in range(int(meter.attrs.get("num_load_components", LOADS))):
                load_id = f"load_{k}"
                if load_id not in meter:
                    continue
                power = f["meters"][key][load_id]["power"]
                if index < len(power):
                    row = power[index]
                    readings.append((int(row[0] * 1000), load_id, float(row[1])))
            if readings:
                collected[f"resource-{resource}"] = (key, readings)
    return collected


def preload(path, keys):
    """Every series as timestamps and watts arrays of shape (meters, 6, rows); NaN past a shorter series' end."""
    with h5py.File(path, "r") as f:
        rows = max(len(f["meters"][key][f"load_{k}"]["power"]) for key in keys for k in range(LOADS)
                   if f"load_{k}" in f["meters"][key])
        timestamps = np.full((len(keys), LOADS, rows), np.nan)
        watts = np.full((len(keys), LOADS, rows), np.nan)
        for m, key in enumerate(keys):
            for k in range(LOADS):
                if f"load_{k}" in f["meters"][key]:
                    data = f["meters"][key][f"load_{k}"]["power"][()]
                    timestamps[m, k, :len(data)] = data[:, 0]
                    watts[m, k, :len(data)] = data[:, 1]
    return timestamps, watts


def gather_numpy(timestamps, watts, meters, loads, index):
    """One collection: the (resources, 6) timestamps in ms and watts at index."""
    return (timestamps[meters, loads, index] * 1000).astype(np.int64), watts[meters, loads, index]


def time_original(path, meter_keys, runs):
    collect_original(path, meter_keys, 1)
    seconds = []
    for run in range(runs):
        start = time.perf_counter()
        collected = collect_original(path, meter_keys, 1 + run)
        seconds.append(time.perf_counter() - start)
        if len(collected) != len(meter_keys):
            raise SystemExit(f"original: collected {len(collected)} of {len(meter_keys)} resources [index={1 + run}]")
    return statistics.median(seconds), seconds


def time_numpy(path, keys, meter_keys):
    timestamps, watts = preload(path, keys)
    position = {key: m for m, key in enumerate(keys)}
    meters = np.array([position[key] for key in meter_keys])[:, None]
    loads = np.arange(LOADS)[None, :]
    timer = timeit.Timer(lambda: gather_numpy(timestamps, watts, meters, loads, 1))
    number, _ = timer.autorange()
    number = max(number, 1000)
    per_call = [total / number for total in timer.repeat(repeat=7, number=number)]
    return statistics.median(per_call), per_call, (meters, loads, timestamps, watts)


def check_same(path, meter_keys, numpy_state, index):
    """Both baselines must read the same readings, or the comparison is meaningless."""
    meters, loads, timestamps, watts = numpy_state
    millis, gathered = gather_numpy(timestamps, watts, meters, loads, index)
    collected = collect_original(path, meter_keys, index)
    for resource, (_, readings) in enumerate(collected.values()):
        for k, (ms, _, w) in enumerate(readings):
            if ms != millis[resource, k] or w != gathered[resource, k]:
                raise SystemExit(f"baselines disagree [resource={resource} load={k} index={index}]")


def write_json(path, document):
    temporary = path + ".tmp"
    with open(temporary, "w", encoding="utf-8") as f:
        json.dump(document, f, indent=2)
        f.write("\n")
    os.replace(temporary, path)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("file", help="HDF5 file in the original layout, e.g. bench/target/bench-data.h5")
    parser.add_argument("--resources", type=int, default=120)
    parser.add_argument("--seed", type=int, default=42)
    parser.add_argument("--runs", type=int, default=30, help="collections timed with the original algorithm")
    parser.add_argument("--json", help="also write the results to this file")
    args = parser.parse_args()

    keys, meter_keys = choose_meters(args.file, args.resources, args.seed)
    original, original_runs = time_original(args.file, meter_keys, args.runs)
    gather, gather_runs, numpy_state = time_numpy(args.file, keys, meter_keys)
    check_same(args.file, meter_keys, numpy_state, 1)

    print(f"file: {args.file} ({len(keys)} meters); {args.resources} resources x {LOADS} loads, seed {args.seed}")
    print(f"original algorithm (open per collection, read row by row): {original * 1e3:10.3f} ms per VEN "
          f"(median of {len(original_runs)}, min {min(original_runs) * 1e3:.3f} ms)")
    print(f"numpy gather over preloaded series:                        {gather * 1e6:10.3f} µs per VEN "
          f"(median of {len(gather_runs)} repeats, min {min(gather_runs) * 1e6:.3f} µs)")
    if args.json:
        write_json(args.json, {
            "file": args.file, "meters": len(keys), "resources": args.resources, "loads": LOADS, "seed": args.seed,
            "python": sys.version.split()[0], "h5py": h5py.__version__, "numpy": np.__version__,
            "seconds_per_collection": {"original algorithm": original, "numpy gather": gather},
            "runs": {"original algorithm": original_runs, "numpy gather": gather_runs},
        })
    return 0


if __name__ == "__main__":
    sys.exit(main())
