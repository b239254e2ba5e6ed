/**
 * Reads and writes the HDF5 load-data layout {@code /meters/meter_<id>/load_<k>/power} as core's {@code LoadData}.
 */
package io.metersim.h5;
