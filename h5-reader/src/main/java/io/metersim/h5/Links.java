package io.metersim.h5;

import io.jhdf.api.Link;
import io.jhdf.api.Node;
import io.jhdf.links.ExternalLink;

/**
 * Follows soft links to the group or dataset they name. An external link is not followed: the reader reads one
 * file, and another file is neither mapped nor checked.
 */
final class Links
{
    /** A soft link naming a soft link is followed this many times; a longer chain is taken as a cycle. */
    static final int MAX_HOPS = 8;

    private Links()
    {
    }

    /**
     * @param node a child as its group lists it, possibly a link.
     * @param path its object path, for problems.
     * @return the node itself, or the group or dataset its soft link names.
     * @throws MeterProblem when the link is dangling, external or a cycle.
     */
    static Node resolve(final Node node, final String path)
    {
        Node current = node;
        for (int hop = 0; current instanceof Link; hop++)
        {
            final Link link = (Link)current;
            if (link instanceof ExternalLink)
            {
                throw new MeterProblem(path, "external link to " + link.getTargetPath()
                    + ", not followed (the reader reads one file)");
            }
            if (hop == MAX_HOPS)
            {
                throw new MeterProblem(path, "soft link chain longer than " + MAX_HOPS + " links, a cycle?");
            }
            if (link.isBrokenLink())
            {
                throw new MeterProblem(path, "dangling soft link to " + link.getTargetPath());
            }
            current = link.getTarget();
        }
        return current;
    }
}
