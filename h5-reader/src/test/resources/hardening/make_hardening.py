#!/usr/bin/python3
"""Writes the h5-reader hardening seeds (issue 15) with h5py: small files that are valid but odd, or that declare
far more than they hold. Run from this folder: /usr/bin/python3 make_hardening.py (the 300,000-row "wide pool" is
written by H5LoadDataHardeningTest itself, with jHDF: h5py's copy would be 2.4 MB).

Layout as the reader expects: /meters/meter_<id>/load_<k>/power, float64 (N, 2) rows [unix_seconds, watts],
unix_seconds = 1736928000 + 3600 * row, watts = 1000 * meter + 100 * load + row (meter and load as numbered here).
"""
import os

import h5py
import numpy as np

T0 = 1736928000
STEP = 3600


def rows(meter, load, n):
    r = np.arange(n, dtype='f8')
    return np.stack([T0 + STEP * r, 1000.0 * meter + 100.0 * load + r], axis=1)


def meter(parent, name, number, loads=2, n=24, **kw):
    g = parent.create_group(name)
    for k in range(loads):
        g.create_group('load_%d' % k).create_dataset('power', data=rows(number, k, n), **kw)
    return g


def userblock(size):
    with h5py.File('userblock-%d.h5' % size, 'w', userblock_size=size) as f:
        m = f.create_group('meters')
        meter(m, 'meter_1', 1)
        meter(m, 'meter_2', 2)


def soft_links():
    with h5py.File('soft-links.h5', 'w') as f:
        data = f.create_group('data')
        real = data.create_group('meters')
        meter(real, 'meter_1', 1)
        m2 = real.create_group('meter_2')
        store = f.create_group('store')
        store.create_group('l0').create_dataset('power', data=rows(2, 0, 24))
        m2['load_0'] = h5py.SoftLink('/store/l0')
        m2.create_group('load_1')['power'] = h5py.SoftLink('/store/p1')
        store['p1'] = rows(2, 1, 24)
        f['meters'] = h5py.SoftLink('/data/meters')
    with h5py.File('dangling-meters.h5', 'w') as f:
        meter(f.create_group('data'), 'meter_1', 1)
        f['meters'] = h5py.SoftLink('/nowhere')


def bad_loads():
    with h5py.File('ext-target.h5', 'w') as t:
        t.create_group('l').create_dataset('power', data=rows(9, 0, 24))
    with h5py.File('bad-loads.h5', 'w') as f:
        m = f.create_group('meters')
        meter(m, 'meter_1', 1)
        g = meter(m, 'meter_2', 2, loads=1)
        g['load_1'] = h5py.SoftLink('/nowhere/load')
        g.create_group('load_2')['power'] = h5py.SoftLink('/nowhere/power')
        g['load_3'] = h5py.ExternalLink('ext-target.h5', '/l')
        g.create_group('load_4')['power'] = h5py.ExternalLink('ext-target.h5', '/l/power')
        g.create_group('load_5').create_dataset('power', shape=(2 ** 32, 2), dtype='f8', chunks=(1024, 2))
        g.create_group('load_6').create_dataset('power', data=np.zeros((24, 2), dtype='V8'))
        with open('bad-loads-raw.bin', 'wb') as raw:
            raw.write(rows(2, 7, 24).tobytes())
        g.create_group('load_7').create_dataset('power', shape=(24, 2), dtype='<f8',
                                                external=[('bad-loads-raw.bin', 0, 24 * 16)])
        layout = h5py.VirtualLayout(shape=(24, 2), dtype='f8')
        layout[:] = h5py.VirtualSource('ext-target.h5', '/l/power', shape=(24, 2))
        g.create_group('load_8').create_virtual_dataset('power', layout)


def huge():
    with h5py.File('huge-chunked.h5', 'w') as f:
        m = f.create_group('meters')
        meter(m, 'meter_1', 1)
        g = m.create_group('meter_2').create_group('load_0')
        p = g.create_dataset('power', shape=(2 ** 26, 2), dtype='f8', chunks=(1024, 2))
        p[0:1024] = rows(2, 0, 1024)
    with h5py.File('huge-pool.h5', 'w') as f:
        m = f.create_group('meters')
        p = m.create_group('meter_1').create_group('load_0').create_dataset(
            'power', shape=(2 ** 24, 2), dtype='f8', chunks=(1024, 2))
        p[0:1024] = rows(1, 0, 1024)
        meter(m, 'meter_2', 2, loads=1)
        meter(m, 'meter_3', 3, loads=1)


def fletcher():
    for name, kw in (('fletcher32.h5', {}), ('fletcher32-gzip.h5', {'compression': 'gzip', 'shuffle': True})):
        with h5py.File(name, 'w') as f:
            m = f.create_group('meters')
            meter(m, 'meter_1', 1, n=48, chunks=(16, 2), fletcher32=True, **kw)
            meter(m, 'meter_2', 2, n=48, chunks=(16, 2), fletcher32=True, **kw)
        with h5py.File(name, 'r') as f:
            info = f['meters/meter_2/load_1/power'].id.get_chunk_info(1)
        bad = 'bad-' + name
        with open(name, 'rb') as src:
            data = bytearray(src.read())
        data[info.byte_offset + 5] ^= 0x10
        with open(bad, 'wb') as dst:
            dst.write(data)
        with h5py.File(bad, 'r') as f:
            try:
                f['meters/meter_2/load_1/power'][:]
                raise SystemExit(bad + ': h5py reads the corrupted chunk')
            except OSError:
                pass


def attributes():
    with h5py.File('attribute-types.h5', 'w') as f:
        m = f.create_group('meters')
        meter(m, 'meter_1', 1).attrs['meter_id'] = m.ref
        meter(m, 'meter_2', 2).attrs['meter_id'] = np.bool_(True)
        meter(m, 'meter_3', 3).attrs['num_load_components'] = m.ref
        meter(m, 'meter_ 4 ', 4)
        meter(m, 'meter_  ', 5)
        meter(m, 'meter_6', 6).attrs['meter_id'] = '  6  '


if __name__ == '__main__':
    os.chdir(os.path.dirname(os.path.abspath(__file__)))
    for size in (512, 1024, 4096):
        userblock(size)
    soft_links()
    bad_loads()
    huge()
    fletcher()
    attributes()
