package io.metersim.baseline;

import java.time.LocalDate;
import java.util.List;

/**
 * A method's accuracy on placebo days: the event's window moved to each of the most recent non-event like days
 * before it, where the baseline (adjusted) is compared with the load that was really there.
 *
 * @param method  the method measured.
 * @param days    the placebo days, newest first.
 * @param metrics bias, % bias, RMSE and CV(RMSE) over every interval of every placebo day.
 */
public record PlaceboResult(BaselineMethod method, List<LocalDate> days, AccuracyMetrics metrics)
{
    /**
     * @param method  the method.
     * @param days    the days; copied.
     * @param metrics the metrics.
     */
    public PlaceboResult
    {
        days = List.copyOf(days);
    }
}
