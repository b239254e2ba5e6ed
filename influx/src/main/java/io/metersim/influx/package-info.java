/**
 * InfluxDB output on the tick loop: line protocol written from the collection buffers, gzip batches over HTTP.
 */
package io.metersim.influx;
