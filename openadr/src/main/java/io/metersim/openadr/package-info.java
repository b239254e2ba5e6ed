/**
 * OpenADR 3.0.1 reporting: the VTN client that registers VENs and posts batched meter reports, and a local test VTN.
 */
package io.metersim.openadr;
