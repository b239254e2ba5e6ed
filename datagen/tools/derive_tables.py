#!/usr/bin/python3
"""Derives the compact tables datagen ships from the shared source data (run with /usr/bin/python3).

Usage: derive_tables.py <shared/data dir> <resources dir>
"""
import csv
import os
from contextlib import contextmanager
import sys
from pathlib import Path

import numpy as np

DATA = Path(sys.argv[1])
OUT = Path(sys.argv[2])

OPENEI = DATA / "openei-residential-tmy3-stlouis" / "USA_MO_St.Louis-Lambert.Intl.AP.724340_TMY3_BASE.csv"
H0 = DATA / "bdew-slp-demandlib" / "selp_series.csv"


@contextmanager
def table(name):
    """Opens a table for writing under a temporary name and renames it into place when complete."""
    target = OUT / name
    temporary = target.with_name(target.name + ".tmp")
    with temporary.open("w") as f:
        yield f
    os.replace(temporary, target)


def openei_tables():
    rows = list(csv.reader(OPENEI.open()))
    header, data = rows[0], rows[1:]

    def column(prefix):
        index = [k for k, name in enumerate(header) if name.startswith(prefix)][0]
        return np.array([float(r[index]) for r in data])

    water = column("Water Heater")
    light = column("General:InteriorLights") + column("General:ExteriorLights")
    appliances = column("Appl:")
    hour = np.arange(len(data)) % 24          # hour-ending 01:00 -> hour starting 00
    day = np.arange(len(data)) // 24
    weekend = (day % 7 == 0) | (day % 7 == 6)  # TMY day 1 is a Sunday: days 0 and 6 mod 7 are the heavy ones
    month = np.array([int(r[0].split("/")[0]) for r in data])

    def shape(values, mask):
        profile = np.array([values[mask & (hour == h)].mean() for h in range(24)])
        return profile / profile.mean()

    every = np.ones(len(data), dtype=bool)
    columns = {
        "water_workday": shape(water, ~weekend),
        "water_weekend": shape(water, weekend),
        "light": shape(light, every),
        "appliances_workday": shape(appliances, ~weekend),
        "appliances_weekend": shape(appliances, weekend),
    }
    monthly = np.array([water[month == m].sum() / (month == m).sum() for m in range(1, 13)])
    monthly = monthly / monthly.mean()
    with table("openei-enduse-shapes.csv") as f:
        f.write("# 24-hour end-use shapes (mean 1 over the day) derived by datagen/tools/derive_tables.py from\n")
        f.write("# \"Commercial and Residential Hourly Load Profiles for all TMY3 Locations in the United States\",\n")
        f.write("# developed at the National Renewable Energy Laboratory and made available under the ODC-BY 1.0\n")
        f.write("# Attribution License (file USA_MO_St.Louis-Lambert.Intl.AP.724340_TMY3_BASE.csv). Local hour 0-23.\n")
        f.write("hour," + ",".join(columns) + "\n")
        for h in range(24):
            f.write(str(h) + "," + ",".join(f"{columns[c][h]:.4f}" for c in columns) + "\n")
    with table("openei-water-months.csv") as f:
        f.write("# Monthly water-heater factor (mean 1 over the months), same source and licence as\n")
        f.write("# openei-enduse-shapes.csv (NREL/OpenEI TMY3 residential BASE, St. Louis, ODC-BY 1.0).\n")
        f.write("month,factor\n")
        for m in range(12):
            f.write(f"{m + 1},{monthly[m]:.4f}\n")


def h0_table():
    rows = list(csv.DictReader(H0.open()))
    kinds = {"workday": "1", "saturday": "6", "sunday": "7"}
    with table("bdew-h0-hourly.csv") as f:
        f.write("# BDEW H0 (1999) standard load profile, hourly means of the quarter-hour values, in W for a\n")
        f.write("# customer using 1,000 kWh/a (before dynamisation). Derived by datagen/tools/derive_tables.py from\n")
        f.write("# oemof/demandlib selp_series.csv @ 109c1c8, MIT licence, Copyright (c) oemof developer group.\n")
        f.write("period,day," + ",".join(f"h{h:02d}" for h in range(24)) + "\n")
        for period in ("winter", "transition", "summer"):
            for kind, weekday in kinds.items():
                quarter = [float(r["h0"]) * 1000.0 for r in rows if r["period"] == period and r["weekday"] == weekday]
                assert len(quarter) == 96, (period, weekday, len(quarter))
                hourly = [sum(quarter[4 * h:4 * h + 4]) / 4.0 for h in range(24)]
                f.write(period + "," + kind + "," + ",".join(f"{v:.2f}" for v in hourly) + "\n")


openei_tables()
h0_table()
