/** Customer baselines of demand-response events: day selection, adjustment, caps, holidays and placebo accuracy. */
package io.metersim.baseline;
