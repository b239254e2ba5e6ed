package io.metersim.datagen;

/**
 * The six load components every generated meter has, as {@code load_k} indices.
 */
final class Loads
{
    static final int BASE = 0;
    static final int WATER_HEATER = 1;
    static final int HVAC = 2;
    static final int KITCHEN = 3;
    static final int LIGHTING = 4;
    static final int OTHER = 5;
    static final int COUNT = 6;

    private static final String[] NAMES = {"base", "water heater", "HVAC", "kitchen", "lighting", "other"};

    private Loads()
    {
    }

    static String name(final int load)
    {
        return NAMES[load];
    }
}
