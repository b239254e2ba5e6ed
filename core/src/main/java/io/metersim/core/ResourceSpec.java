package io.metersim.core;

/**
 * One resource of one VEN, as a registry file row describes it.
 *
 * @param ven          the VEN's name, e.g. {@code Herning}; not empty.
 * @param resourceId   the resource's id, unique within its VEN; not empty.
 * @param resourceName its display name; may hold commas.
 * @param status       where it stands with the VTN.
 * @param meterPointId the meter it reads, or {@code ""} to have one assigned from the data.
 * @param resourceType its type, or {@code ""} when none is given.
 */
public record ResourceSpec(
    String ven, String resourceId, String resourceName, ResourceStatus status, String meterPointId, String resourceType)
{
    /**
     * Normalises absent optional fields to {@code ""} and refuses missing mandatory ones.
     *
     * @param ven          the VEN's name.
     * @param resourceId   the resource's id.
     * @param resourceName its display name, or null for {@code ""}.
     * @param status       where it stands.
     * @param meterPointId its meter, or null or {@code ""} for none.
     * @param resourceType its type, or null or {@code ""} for none.
     * @throws RegistryFormatException when the VEN or resource id is empty or the status is missing.
     */
    public ResourceSpec
    {
        resourceName = null == resourceName ? "" : resourceName;
        meterPointId = null == meterPointId ? "" : meterPointId;
        resourceType = null == resourceType ? "" : resourceType;
        if (null == ven || ven.isEmpty())
        {
            throw new RegistryFormatException("empty ven [resource_id=" + resourceId + "]");
        }
        if (null == resourceId || resourceId.isEmpty())
        {
            throw new RegistryFormatException("empty resource_id [ven=" + ven + "]");
        }
        if (null == status)
        {
            throw new RegistryFormatException("missing status [ven=" + ven + " resource_id=" + resourceId + "]");
        }
    }
}
