package io.metersim.datagen;

import java.util.SplittableRandom;

/**
 * A dwelling as a heated thermal mass: floor area, heat loss, thermal time constant, thermostat habits and the
 * heating system that covers the loss.
 *
 * @param dwelling        flat, terraced or detached.
 * @param areaM2          heated floor area.
 * @param heating         the heating system.
 * @param woodStove       true when a wood stove supplements it on cold evenings.
 * @param lossWPerK       heat loss coefficient UA, W/K.
 * @param timeConstantH   thermal time constant C/UA, hours.
 * @param comfortC        indoor set point while someone is awake at home.
 * @param setbackK        how far the set point drops while everyone sleeps or is out (0 for no setback).
 * @param gainsK          internal and solar gains as a rise above the outdoor temperature, K.
 * @param maxHeatW        rated power of the panel heaters (or the backup).
 * @param pumpShare       share of the heat the heat pump can reach (air-to-air: the open-plan rooms).
 * @param pumpHeatW       heat-pump heating capacity at 7 degrees C.
 * @param floorHeatW      electric bathroom floor heating rating (0 without).
 * @param ventilationW    balanced-ventilation fans (0 without).
 * @param woodProbability chance of lighting the stove on a cold evening at home.
 * @param woodHeatW       heat the stove gives while it burns.
 */
record Building(
    Household.Dwelling dwelling, double areaM2, Household.Heating heating, boolean woodStove, double lossWPerK,
    double timeConstantH, double comfortC, double setbackK, double gainsK, double maxHeatW, double pumpShare,
    double pumpHeatW, double floorHeatW, double ventilationW, double woodProbability, double woodHeatW)
{
    /** Design outdoor temperature the panel heaters are sized for. */
    static final double DESIGN_OUTDOOR_C = -20.0;

    /** [dwelling]: share heated by district heating, air-to-air, air-to-water (the rest is direct electric). */
    private static final double[][] HEATING_SHARES = {{0.22, 0.20, 0.02}, {0.05, 0.42, 0.06}, {0.01, 0.50, 0.10}};
    private static final double[] WOOD_SHARES = {0.05, 0.35, 0.60};
    /** [dwelling]: specific useful space-heat demand, kWh per m2 and year, low and high. */
    private static final double[][] HEAT_DEMAND = {{55.0, 100.0}, {62.0, 115.0}, {68.0, 124.0}};
    /** [dwelling]: floor area low and high, plus m2 per person. */
    private static final double[][] AREA = {{35.0, 65.0, 10.0}, {80.0, 120.0, 8.0}, {110.0, 190.0, 10.0}};

    /**
     * @param random   the building's stream.
     * @param dwelling the dwelling type.
     * @param persons  household size.
     * @return a building.
     */
    static Building draw(final SplittableRandom random, final Household.Dwelling dwelling, final int persons)
    {
        final int k = dwelling.ordinal();
        final double area = Household.uniform(random, AREA[k][0], AREA[k][1]) + AREA[k][2] * persons;
        final double[] shares = HEATING_SHARES[k];
        final double[] weights = {1.0 - shares[0] - shares[1] - shares[2], shares[1], shares[2], shares[0]};
        final Household.Heating heating = Household.Heating.values()[Household.index(random, weights)];
        final boolean district = heating == Household.Heating.DISTRICT;
        final boolean wood = !district && Household.chance(random, WOOD_SHARES[k]);
        final double comfort = Household.uniform(random, 20.0, 22.5);
        final double gains = Household.uniform(random, 2.5, 5.0);
        final double demandKWh = Household.uniform(random, HEAT_DEMAND[k][0], HEAT_DEMAND[k][1]) * area;
        final double loss = demandKWh * 1_000.0 / degreeHours(comfort - gains);
        final double setback = Household.chance(random, 0.45) ? Household.uniform(random, 1.0, 4.0) : 0.0;
        final double maxHeat = loss * (comfort - DESIGN_OUTDOOR_C) * Household.uniform(random, 1.0, 1.4);
        final double pumpShare = heating == Household.Heating.AIR_TO_AIR ? Household.uniform(random, 0.5, 0.8) : 1.0;
        final double pumpHeat = loss * (comfort - DESIGN_OUTDOOR_C) * Household.uniform(random, 0.5, 0.8);
        final double floor = !district && Household.chance(random, 0.7) ? Household.uniform(random, 300.0, 800.0)
            : 0.0;
        final double ventilation = Household.chance(random, dwelling == Household.Dwelling.FLAT ? 0.5 : 0.35)
            ? Household.uniform(random, 25.0, 60.0) : 0.0;
        return new Building(dwelling, area, heating, wood, loss, Household.uniform(random, 15.0, 60.0), comfort,
            setback, gains, maxHeat, pumpShare, pumpHeat, floor, ventilation, Household.uniform(random, 0.3, 0.9),
            Household.uniform(random, 2_500.0, 5_000.0));
    }

    /**
     * @param balanceC the outdoor temperature above which the home needs no heat.
     * @return heating degree-hours of the reference year, K h.
     */
    static double degreeHours(final double balanceC)
    {
        final double[] temperature = TimeAxis.referenceYear().temperature;
        double sum = 0.0;
        for (final double t : temperature)
        {
            sum += Math.max(0.0, balanceC - t);
        }
        return sum;
    }

    /**
     * @param outdoorC the outdoor temperature.
     * @return the heat pump's coefficient of performance there: 3.0 at 0 degrees C, 0.07 per K, 1.3 to 4.5.
     */
    double pumpCop(final double outdoorC)
    {
        final double slope = heating == Household.Heating.AIR_TO_WATER ? 0.06 : 0.07;
        return Math.max(1.3, Math.min(4.5, 3.0 + slope * outdoorC));
    }

    /**
     * @param outdoorC the outdoor temperature.
     * @return what the heat pump can deliver there: its rating at 7 degrees C, falling 2 % per K below.
     */
    double pumpCapacityW(final double outdoorC)
    {
        return pumpHeatW * Math.max(0.3, Math.min(1.0, 1.0 - 0.02 * (7.0 - outdoorC)));
    }
}
