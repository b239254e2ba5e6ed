package io.metersim.core;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * How a simulated resource responds to demand-response events; immutable. The defaults
 * ({@code config/response.properties} documents each key):
 * <ul>
 * <li>SIMPLE level 0/1/2/3 sheds the water heater ({@code load_1}) by 0/50/100/100 % and reduces heating
 *     ({@code load_2}) by 0/20/40/60 %.</li>
 * <li>IMPORT_CAPACITY_LIMIT (kW) caps the resource's total: the water heater is shed first, then heating.</li>
 * <li>Water-heater payback: after the shed, the heater runs at its element power (3,000 W) until the deferred
 *     energy is repaid.</li>
 * <li>Heating rebound: 60 % of the heating energy shed comes back after the shed as an overshoot that decays
 *     exponentially with a time constant of 2 h: each interval of length dt releases {@code 1 - exp(-dt / tau)} of
 *     what remains; the last watt-hour is released at once.</li>
 * <li>A resource shed for 4 h within any 10 h is released early (the shed window counts data intervals).</li>
 * <li>90 % of resources take part, chosen per resource from the seed; the others never change.</li>
 * </ul>
 */
public final class ResponseModel
{
    /** The SIMPLE levels the shed tables cover: 0 to 3. */
    public static final int LEVELS = 4;

    private static final List<String> KEYS = List.of("seed", "participation", "water-heater.load",
        "water-heater.shed", "water-heater.element-w", "heating.load", "heating.shed", "heating.rebound-share",
        "heating.rebound-decay", "max-shed", "max-shed-window");

    final long seed;
    final double participation;
    final int waterHeaterLoad;
    final double[] waterHeaterShed;
    final double elementWatts;
    final int heatingLoad;
    final double[] heatingShed;
    final double reboundShare;
    final long reboundDecayMillis;
    final long maxShedMillis;
    final long shedWindowMillis;

    private ResponseModel(final Map<String, String> values, final String source)
    {
        final Values v = new Values(values, source);
        this.seed = v.longValue("seed");
        this.participation = v.fraction("participation");
        this.waterHeaterLoad = v.load("water-heater.load");
        this.waterHeaterShed = v.levels("water-heater.shed");
        this.elementWatts = v.positive("water-heater.element-w");
        this.heatingLoad = v.load("heating.load");
        this.heatingShed = v.levels("heating.shed");
        this.reboundShare = v.fraction("heating.rebound-share");
        this.reboundDecayMillis = v.duration("heating.rebound-decay");
        this.maxShedMillis = v.duration("max-shed");
        this.shedWindowMillis = v.duration("max-shed-window");
        if (waterHeaterLoad == heatingLoad)
        {
            throw v.bad("heating.load", String.valueOf(heatingLoad), "must differ from water-heater.load");
        }
        if (maxShedMillis > shedWindowMillis)
        {
            throw v.bad("max-shed", values.get("max-shed"), "must not exceed max-shed-window");
        }
    }

    /**
     * @return the documented defaults.
     */
    public static ResponseModel defaults()
    {
        return new ResponseModel(defaultValues(), "defaults");
    }

    /**
     * @param properties keys of {@code config/response.properties}; a missing key keeps its default.
     * @param source     where they come from, for messages (e.g. the file).
     * @return the model.
     * @throws MetersimException naming the source and key of an unknown key or a bad value.
     */
    public static ResponseModel fromProperties(final Map<String, String> properties, final String source)
    {
        final Map<String, String> values = defaultValues();
        for (final Map.Entry<String, String> entry : properties.entrySet())
        {
            if (!KEYS.contains(entry.getKey()))
            {
                throw new MetersimException("unknown response key [source=" + source + " key=" + entry.getKey()
                    + " known=" + String.join(", ", KEYS) + "]");
            }
            values.put(entry.getKey(), entry.getValue().trim());
        }
        return new ResponseModel(values, source);
    }

    /**
     * @param key   a key of {@code config/response.properties}.
     * @param value its new value.
     * @return a model with that value, the others kept.
     */
    public ResponseModel with(final String key, final String value)
    {
        final Map<String, String> values = asProperties();
        values.put(key, value);
        return fromProperties(values, "with(" + key + ")");
    }

    /**
     * @return every key with its value, as {@code config/response.properties} would hold them.
     */
    public Map<String, String> asProperties()
    {
        final Map<String, String> values = new LinkedHashMap<>();
        values.put("seed", Long.toString(seed));
        values.put("participation", Double.toString(participation));
        values.put("water-heater.load", Integer.toString(waterHeaterLoad));
        values.put("water-heater.shed", join(waterHeaterShed));
        values.put("water-heater.element-w", Double.toString(elementWatts));
        values.put("heating.load", Integer.toString(heatingLoad));
        values.put("heating.shed", join(heatingShed));
        values.put("heating.rebound-share", Double.toString(reboundShare));
        values.put("heating.rebound-decay", Duration.ofMillis(reboundDecayMillis).toString());
        values.put("max-shed", Duration.ofMillis(maxShedMillis).toString());
        values.put("max-shed-window", Duration.ofMillis(shedWindowMillis).toString());
        return values;
    }

    /**
     * @return the seed of participation and {@code randomizeStart} draws.
     */
    public long seed()
    {
        return seed;
    }

    /**
     * @return the share of resources that respond, 0 to 1.
     */
    public double participation()
    {
        return participation;
    }

    /**
     * @return the water heater's element power in watts, the payback rate.
     */
    public double elementWatts()
    {
        return elementWatts;
    }

    /**
     * @param level a SIMPLE level 0 to 3.
     * @return the share of the water heater's load shed at that level.
     */
    public double waterHeaterShed(final int level)
    {
        return waterHeaterShed[level];
    }

    /**
     * @param level a SIMPLE level 0 to 3.
     * @return the share of the heating load shed at that level.
     */
    public double heatingShed(final int level)
    {
        return heatingShed[level];
    }

    @Override
    public String toString()
    {
        return "ResponseModel" + asProperties();
    }

    private static Map<String, String> defaultValues()
    {
        final Map<String, String> values = new LinkedHashMap<>();
        values.put("seed", "42");
        values.put("participation", "0.9");
        values.put("water-heater.load", "1");
        values.put("water-heater.shed", "0, 0.5, 1, 1");
        values.put("water-heater.element-w", "3000");
        values.put("heating.load", "2");
        values.put("heating.shed", "0, 0.2, 0.4, 0.6");
        values.put("heating.rebound-share", "0.6");
        values.put("heating.rebound-decay", "PT2H");
        values.put("max-shed", "PT4H");
        values.put("max-shed-window", "PT10H");
        return values;
    }

    private static String join(final double[] values)
    {
        final StringBuilder text = new StringBuilder();
        for (final double value : values)
        {
            text.append(text.length() == 0 ? "" : ", ").append(value);
        }
        return text.toString();
    }

    /**
     * Parses one model's values, naming the source and key of the first bad one.
     */
    private static final class Values
    {
        private final Map<String, String> values;
        private final String source;

        Values(final Map<String, String> values, final String source)
        {
            this.values = values;
            this.source = source;
        }

        long longValue(final String key)
        {
            try
            {
                return Long.parseLong(values.get(key));
            }
            catch (final NumberFormatException ex)
            {
                throw bad(key, values.get(key), "not a whole number");
            }
        }

        double number(final String key, final String text)
        {
            try
            {
                final double value = Double.parseDouble(text.trim());
                if (!Double.isFinite(value))
                {
                    throw bad(key, text, "not a finite number");
                }
                return value;
            }
            catch (final NumberFormatException ex)
            {
                throw bad(key, text, "not a number");
            }
        }

        double fraction(final String key)
        {
            final double value = number(key, values.get(key));
            if (value < 0 || value > 1)
            {
                throw bad(key, values.get(key), "must be between 0 and 1");
            }
            return value;
        }

        double positive(final String key)
        {
            final double value = number(key, values.get(key));
            if (value <= 0)
            {
                throw bad(key, values.get(key), "must be above 0");
            }
            return value;
        }

        int load(final String key)
        {
            final long value = longValue(key);
            if (value < 0 || value > LoadDataBuilder.MAX_LOAD_INDEX)
            {
                throw bad(key, values.get(key), "must be a load index 0 to " + LoadDataBuilder.MAX_LOAD_INDEX);
            }
            return (int)value;
        }

        double[] levels(final String key)
        {
            final String[] parts = values.get(key).split(",", -1);
            if (parts.length != LEVELS)
            {
                throw bad(key, values.get(key), "needs " + LEVELS + " comma-separated shares, for levels 0 to 3");
            }
            final double[] shares = new double[LEVELS];
            for (int level = 0; level < LEVELS; level++)
            {
                shares[level] = number(key, parts[level]);
                if (shares[level] < 0 || shares[level] > 1)
                {
                    throw bad(key, values.get(key), "shares must be between 0 and 1");
                }
            }
            return Arrays.copyOf(shares, LEVELS);
        }

        long duration(final String key)
        {
            final String text = values.get(key);
            try
            {
                final Duration duration = Duration.parse(text.toUpperCase(Locale.ROOT));
                if (duration.isNegative() || duration.isZero())
                {
                    throw bad(key, text, "must be above PT0S");
                }
                return duration.toMillis();
            }
            catch (final DateTimeParseException ex)
            {
                throw bad(key, text, "not an ISO-8601 duration such as PT4H");
            }
        }

        MetersimException bad(final String key, final String value, final String problem)
        {
            return new MetersimException("bad response setting: " + problem + " [source=" + source + " key=" + key
                + " value=" + value + "]");
        }
    }
}
