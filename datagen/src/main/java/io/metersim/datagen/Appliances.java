package io.metersim.datagen;

import java.util.SplittableRandom;

/**
 * What a household owns and how hard it uses it: the ratings and draw habits the event models work with.
 *
 * @param standbyW       always-on standby (router, clocks, chargers, stand-by electronics).
 * @param coldW          mean power of the fridge and freezer compressors.
 * @param lightW         lighting while someone is awake at home in the dark.
 * @param lightShiftDeg  how much darker the rooms are than the open sky, in degrees of sun elevation.
 * @param outdoorLightW  outdoor lights from dusk to dawn (0 without).
 * @param electronicsW   TV, computers and other plug loads while someone is awake at home.
 * @param burstsPerHour  short appliance bursts (vacuum, hair dryer, iron, games) per awake hour at home.
 * @param hobW           hob rating used for a meal.
 * @param ovenW          oven rating.
 * @param dinnerHours    mean time the hob runs for dinner.
 * @param dinnerRate     chance of cooking dinner on a day at home.
 * @param dishwasher     owns a dishwasher.
 * @param dryer          owns a tumble dryer.
 * @param sauna          owns an electric sauna.
 * @param washesPerWeek  laundry cycles per week.
 * @param waterHeater    true when an electric water heater makes the hot water.
 * @param elementW       water-heater element rating.
 * @param tankLitres     water-heater volume.
 * @param tankLossW      standing loss of the tank.
 * @param deadBandKWh    heat the tank may lose before the thermostat switches the element on.
 * @param timerStartH    local hour a timer (or price control) allows the element from, for six hours; NaN for none.
 * @param showerLitres   hot water (40 degrees C) per shower.
 * @param showerRate     showers per person per day.
 * @param evChargerW     electric-car charger on the household's meter (0 without).
 * @param evChargeKWh    mean energy of one charge.
 * @param evChargeRate   chance of charging on a day at home.
 * @param evTimerH       local hour a price-controlled charger starts at; NaN for charging on arrival.
 */
record Appliances(
    double standbyW, double coldW, double lightW, double lightShiftDeg, double outdoorLightW, double electronicsW,
    double burstsPerHour, double hobW, double ovenW, double dinnerHours, double dinnerRate, boolean dishwasher,
    boolean dryer, boolean sauna, double washesPerWeek, boolean waterHeater, double elementW, double tankLitres,
    double tankLossW, double deadBandKWh, double timerStartH, double showerLitres, double showerRate,
    double evChargerW, double evChargeKWh, double evChargeRate, double evTimerH)
{
    /** [dwelling]: share with an electric car charged on the household's own meter (block garages are not). */
    private static final double[] EV_SHARES = {0.0, 0.30, 0.50};
    private static final double[] CHARGERS_W = {3_600.0, 7_400.0, 11_000.0};
    private static final double[] CHARGER_SHARES = {0.25, 0.40, 0.35};

    /**
     * @param random   the appliances' stream.
     * @param building the dwelling (size, heating).
     * @param persons  household size.
     * @return the appliances.
     */
    static Appliances draw(final SplittableRandom random, final Building building, final int persons)
    {
        final double scale = Math.sqrt(persons);
        final double size = building.areaM2() / 100.0;
        final boolean house = building.dwelling() != Household.Dwelling.FLAT;
        final boolean district = building.heating() == Household.Heating.DISTRICT;
        final double tank = persons <= 1 ? 120.0 : persons <= 3 ? 200.0 : 300.0;
        final boolean timer = Household.chance(random, 0.3);
        final double ev = EV_SHARES[building.dwelling().ordinal()];
        final boolean car = Household.chance(random, ev);
        final double charger = car ? CHARGERS_W[Household.index(random, CHARGER_SHARES)] : 0.0;
        final boolean smart = Household.chance(random, 0.5);
        return new Appliances(
            Household.uniform(random, 45.0, 100.0) + 8.0 * persons,
            Household.uniform(random, 40.0, 80.0) + (Household.chance(random, 0.55) ? Household.uniform(random, 20.0,
                40.0) : 0.0),
            Household.uniform(random, 24.0, 64.0) * Math.sqrt(size) * scale,
            Household.uniform(random, -2.0, 6.0),
            house && Household.chance(random, 0.4) ? Household.uniform(random, 20.0, 80.0) : 0.0,
            Household.uniform(random, 20.0, 60.0) * scale,
            Household.uniform(random, 0.06, 0.16),
            Household.uniform(random, 1_500.0, 3_500.0),
            Household.uniform(random, 1_800.0, 2_500.0),
            Household.uniform(random, 0.2, 0.45) * Math.pow(persons, 0.3),
            Household.uniform(random, 0.55, 0.95),
            Household.chance(random, persons == 1 ? 0.6 : 0.9),
            Household.chance(random, 0.45 + 0.1 * persons),
            house && !district && Household.chance(random, 0.15),
            Household.uniform(random, 0.8, 1.6) * (1.0 + persons),
            !district,
            Household.chance(random, 0.6) ? 2_000.0 : 3_000.0,
            tank,
            tank / 200.0 * Household.uniform(random, 50.0, 85.0),
            Household.uniform(random, 0.5, 1.5),
            timer ? Household.uniform(random, 22.0, 26.0) : Double.NaN,
            Household.uniform(random, 25.0, 55.0),
            Household.uniform(random, 0.45, 0.9),
            charger,
            Household.uniform(random, 8.0, 22.0),
            Household.uniform(random, 0.25, 0.5),
            smart ? Household.uniform(random, 22.0, 26.0) : Double.NaN);
    }

    /**
     * @return heat the full tank holds between a 10-degree inlet and 65 degrees, kWh.
     */
    double tankKWh()
    {
        return tankLitres * WaterHeater.KWH_PER_LITRE_KELVIN * 55.0;
    }
}
