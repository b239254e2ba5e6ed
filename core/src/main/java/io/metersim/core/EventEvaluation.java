package io.metersim.core;

/**
 * What one event did to one targeted VEN over a run, from the response's own counterfactual: the same replay
 * without the response. Energies are kWh; a tick counts one data interval.
 *
 * @param event           the event's label: its id, else its name, else {@code #<index>}.
 * @param eventName       its {@code eventName}, {@code ""} for none.
 * @param programId       its {@code programID}.
 * @param ven             the VEN.
 * @param ticks           ticks the event was active for the VEN (whether or not it won on priority).
 * @param hours           those ticks in hours.
 * @param unmodifiedKwh   the VEN's energy over those ticks as replayed (the baseline: no response).
 * @param actualKwh       the VEN's energy over those ticks with the response.
 * @param reductionKwh    {@code unmodifiedKwh - actualKwh}.
 * @param meanReductionKw {@code reductionKwh / hours}, 0 when the event was never active.
 * @param reboundKwh      the energy added after the event's sheds by the water heaters' payback and the heating
 *                        rebound of the resources it shed last.
 */
public record EventEvaluation(
    String event,
    String eventName,
    String programId,
    String ven,
    long ticks,
    double hours,
    double unmodifiedKwh,
    double actualKwh,
    double reductionKwh,
    double meanReductionKw,
    double reboundKwh)
{
}
