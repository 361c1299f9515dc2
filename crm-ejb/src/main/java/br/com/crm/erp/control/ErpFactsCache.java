package br.com.crm.erp.control;

import br.com.crm.erp.boundary.Erp;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * The cards' ERP facts, kept {@code crm.erp.facts-seconds} (default 60) per customer: every funnel render and list
 * page shows them, and a receivable falling due or an order being invoiced may show a minute late. Keys not kept
 * are asked for together, in one ERP query; customers without facts are kept too.
 */
@ApplicationScoped
public class ErpFactsCache {

    /** Past this many customers the cache starts over rather than grow with the ERP. */
    static final int MAX_ENTRIES = 50_000;

    private record Kept(Erp.Facts facts, Instant until) {
    }

    @Inject
    @ConfigProperty(name = "crm.erp.facts-seconds", defaultValue = "60")
    long seconds;

    Clock clock = Clock.systemUTC();

    private final Map<Erp.CustomerKey, Kept> kept = new ConcurrentHashMap<>();

    public Map<Erp.CustomerKey, Erp.Facts> facts(Collection<Erp.CustomerKey> keys,
                                                 Function<List<Erp.CustomerKey>, Map<Erp.CustomerKey, Erp.Facts>> ask) {
        Instant now = clock.instant();
        Map<Erp.CustomerKey, Erp.Facts> facts = new HashMap<>();
        List<Erp.CustomerKey> missing = new ArrayList<>();
        for (Erp.CustomerKey key : keys) {
            Kept entry = kept.get(key);
            if (entry != null && entry.until().isAfter(now)) {
                facts.put(key, entry.facts());
            } else if (!key.isEmpty()) {
                missing.add(key);
            }
        }
        if (!missing.isEmpty()) {
            Map<Erp.CustomerKey, Erp.Facts> asked = ask.apply(missing);
            if (kept.size() > MAX_ENTRIES) {
                kept.clear();
            }
            Instant until = now.plus(Duration.ofSeconds(seconds));
            for (Erp.CustomerKey key : missing) {
                Erp.Facts fact = asked.getOrDefault(key, Erp.Facts.NONE);
                kept.put(key, new Kept(fact, until));
                facts.put(key, fact);
            }
        }
        facts.values().removeIf(Erp.Facts::isEmpty);
        return facts;
    }
}
