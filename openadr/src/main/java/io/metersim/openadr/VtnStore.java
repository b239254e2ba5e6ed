package io.metersim.openadr;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What a {@link TestVtn} holds: tokens, VENs, their resources and the reports it accepted. Thread-safe.
 */
final class VtnStore
{
    /** A registered VEN. */
    record Ven(String id, String venName, String created)
    {
    }

    /** A registered resource. */
    record Resource(String id, String venId, String resourceName, String created)
    {
    }

    private final Map<String, AtomicInteger> tokenUses = new ConcurrentHashMap<>();
    private final Map<String, Long> tokenExpiry = new ConcurrentHashMap<>();
    private final Map<String, Set<String>> tokenScopes = new ConcurrentHashMap<>();
    private final AtomicInteger tokensIssued = new AtomicInteger();
    /** Tokens issued after this count hold a line break (a fault for tests); {@code Integer.MAX_VALUE} for none. */
    private volatile int sound = Integer.MAX_VALUE;
    private final Map<String, Ven> vensByName = new LinkedHashMap<>();
    private final Map<String, Ven> vensById = new LinkedHashMap<>();
    private final Map<String, Map<String, Resource>> resourcesByVen = new LinkedHashMap<>();
    private int nextVen = 1;
    private int nextResource = 1;
    private final AtomicLong reportCount = new AtomicLong();
    private final AtomicLong reportBytes = new AtomicLong();
    private final List<String> reports = new ArrayList<>();
    private final List<String> rejections = new ArrayList<>();
    private final Set<String> clientConnections = ConcurrentHashMap.newKeySet();
    private final Map<String, AtomicLong> reportsByEvent = new ConcurrentHashMap<>();

    /**
     * @param lifetimeNanos how long the token is valid.
     * @param scopes        the OAuth2 scopes the token grants.
     * @return a new bearer token.
     */
    String issueToken(final long lifetimeNanos, final Set<String> scopes)
    {
        final int issued = tokensIssued.incrementAndGet();
        final String token = issued > sound ? "token-" + issued + "\nX-Injected: 1" : "token-" + issued;
        tokenScopes.put(token, Set.copyOf(scopes));
        tokenUses.put(token, new AtomicInteger());
        tokenExpiry.put(token, System.nanoTime() + lifetimeNanos);
        return token;
    }

    /**
     * @param token a token {@link #useToken} accepted.
     * @return the scopes it grants; empty for an unknown token.
     */
    Set<String> scopes(final String token)
    {
        return tokenScopes.getOrDefault(token, Set.of());
    }

    /**
     * Revokes every token issued so far and issues tokens holding a line break from now on, which an HTTP client
     * cannot put in a header (a fault for tests).
     */
    void breakTokens()
    {
        sound = tokensIssued.get();
        tokenUses.clear();
        tokenExpiry.clear();
        tokenScopes.clear();
    }

    /**
     * @param token        the bearer token presented.
     * @param requestLimit requests a token serves; 0 = no limit.
     * @return true when the token is known, unexpired and within its request limit; counts the use.
     */
    boolean useToken(final String token, final int requestLimit)
    {
        final AtomicInteger uses = tokenUses.get(token);
        if (null == uses || System.nanoTime() - tokenExpiry.get(token) > 0)
        {
            return false;
        }
        return requestLimit == 0 || uses.incrementAndGet() <= requestLimit;
    }

    int tokensIssued()
    {
        return tokensIssued.get();
    }

    synchronized Ven venByName(final String venName)
    {
        return vensByName.get(venName);
    }

    synchronized Ven venById(final String venId)
    {
        return vensById.get(venId);
    }

    /**
     * @return the new VEN, or null when the name is taken.
     */
    synchronized Ven addVen(final String venName, final String created)
    {
        if (vensByName.containsKey(venName))
        {
            return null;
        }
        final Ven ven = new Ven("ven-" + nextVen++, venName, created);
        vensByName.put(venName, ven);
        vensById.put(ven.id(), ven);
        resourcesByVen.put(ven.id(), new LinkedHashMap<>());
        return ven;
    }

    synchronized List<Ven> vens()
    {
        return List.copyOf(vensByName.values());
    }

    /**
     * @return the new resource, or null when the VEN already has one of this name.
     */
    synchronized Resource addResource(final String venId, final String resourceName, final String created)
    {
        final Map<String, Resource> resources = resourcesByVen.get(venId);
        if (resources.containsKey(resourceName))
        {
            return null;
        }
        final Resource resource = new Resource("resource-" + nextResource++, venId, resourceName, created);
        resources.put(resourceName, resource);
        return resource;
    }

    synchronized List<Resource> resources(final String venId)
    {
        final Map<String, Resource> resources = resourcesByVen.get(venId);
        return null == resources ? List.of() : List.copyOf(resources.values());
    }

    /**
     * @return the id given to the accepted report.
     */
    String addReport(final String body, final int bytes, final boolean keep)
    {
        final long number = reportCount.incrementAndGet();
        reportBytes.addAndGet(bytes);
        if (keep)
        {
            synchronized (this)
            {
                reports.add(body);
            }
        }
        return "report-" + number;
    }

    /**
     * Counts an accepted report under the event it answers.
     */
    void countReportFor(final String eventId)
    {
        reportsByEvent.computeIfAbsent(eventId, id -> new AtomicLong()).incrementAndGet();
    }

    /**
     * @return accepted reports per event id, sorted by id (only those whose event was read, i.e. with validation).
     */
    Map<String, Long> reportsByEvent()
    {
        final Map<String, Long> counts = new TreeMap<>();
        reportsByEvent.forEach((id, count) -> counts.put(id, count.get()));
        return counts;
    }

    long reportCount()
    {
        return reportCount.get();
    }

    long reportBytes()
    {
        return reportBytes.get();
    }

    synchronized List<String> reports()
    {
        return List.copyOf(reports);
    }

    synchronized void addRejection(final String rejection)
    {
        rejections.add(rejection);
    }

    synchronized List<String> rejections()
    {
        return List.copyOf(rejections);
    }

    /**
     * @param remote the client end of the connection a request came on, e.g. {@code /127.0.0.1:40212}.
     */
    void sawConnection(final String remote)
    {
        clientConnections.add(remote);
    }

    int clientConnections()
    {
        return clientConnections.size();
    }
}
