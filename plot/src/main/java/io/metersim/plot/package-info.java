/**
 * Deterministic PNG and SVG charts of load data: week, daily profile by day type, heatmap, stacked components,
 * load-duration curve and a demand-response event against its baseline. {@link io.metersim.plot.Charts} is the entry
 * point; it depends on JFreeChart and JFreeSVG, which only this module (and its own jar) carries.
 */
package io.metersim.plot;
