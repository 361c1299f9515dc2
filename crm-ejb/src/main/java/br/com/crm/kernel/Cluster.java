package br.com.crm.kernel;

import com.hazelcast.cluster.Member;
import com.hazelcast.config.MapConfig;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.topic.ITopic;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ContextService;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import javax.naming.InitialContext;
import javax.naming.NamingException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * This server among the others running the module: Payara's data grid (Hazelcast, which Payara starts and
 * clusters; looked up at {@value #GRID}) when the server runs one (Payara Micro starts a grid of one member even
 * with {@code --nocluster}), else this server alone (Micro with {@code --nohazelcast}, a Payara Server without its
 * data grid). Everything that must hold for the whole cluster goes
 * through here: the committed changes every server hears of, and the maps every server shares.
 * <p>
 * Only JDK types cross the grid (strings, numbers, arrays of them): the grid's members deserialize with Payara's
 * class loader, which does not know the module's classes, and the module may be redeployed while the grid lives on.
 */
@ApplicationScoped
public class Cluster {

    private static final Logger LOG = Logger.getLogger(Cluster.class.getName());

    static final String GRID = "payara/Hazelcast";
    static final String CHANGES_TOPIC = "crm-changes";

    @Inject
    @ConfigProperty(name = "crm.instance")
    Optional<String> configuredName;

    @Resource
    ManagedExecutorService executor;

    @Resource
    ContextService contexts;

    private HazelcastInstance grid;
    private String member;
    private String name;
    private final List<Registration> registrations = new ArrayList<>();

    private record Registration(String topic, UUID id) {
    }

    @PostConstruct
    void join() {
        grid = lookUpGrid();
        if (grid != null) {
            Member local = grid.getCluster().getLocalMember();
            member = local.getUuid().toString();
            name = configuredName.filter(n -> !n.isBlank()).orElse(local.getAddress().getHost() + ":"
                    + local.getAddress().getPort());
            LOG.info(() -> "In the cluster '" + grid.getConfig().getClusterName() + "' as " + name + " with "
                    + grid.getCluster().getMembers().size() + " members");
        } else {
            member = UUID.randomUUID().toString();
            name = configuredName.filter(n -> !n.isBlank()).orElseGet(Cluster::hostName);
        }
    }

    private static HazelcastInstance lookUpGrid() {
        try {
            Object found = InitialContext.doLookup(GRID);
            if (found instanceof HazelcastInstance instance && instance.getLifecycleService().isRunning()) {
                return instance;
            }
        } catch (NamingException | RuntimeException | LinkageError e) {
            LOG.log(Level.FINE, "No data grid: this server works alone", e);
        }
        return null;
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "localhost";
        }
    }

    @PreDestroy
    void leave() {
        if (grid != null && grid.getLifecycleService().isRunning()) {
            synchronized (registrations) {
                registrations.forEach(r -> grid.getTopic(r.topic()).removeMessageListener(r.id()));
                registrations.clear();
            }
        }
    }

    public boolean isClustered() {
        return grid != null;
    }

    /** This server's name as people read it: {@code crm.instance}, else its grid address, else the host name. */
    public String instance() {
        return name;
    }

    /** This server's identity, unique in the cluster (the grid member's id). */
    public String member() {
        return member;
    }

    /** Every member of the cluster, this one first (just this one when not clustered). */
    public List<String> members() {
        if (grid == null) {
            return List.of(name);
        }
        List<String> members = new ArrayList<>();
        for (Member m : grid.getCluster().getMembers()) {
            String address = m.getAddress().getHost() + ":" + m.getAddress().getPort();
            if (m.localMember()) {
                members.add(0, name + " (" + address + ")");
            } else {
                members.add(address);
            }
        }
        return members;
    }

    /**
     * Tells the other members (never this one) of a committed change, as {@link Changes} writes it. Without
     * waiting: while the grid notices that a member died, a request must not hang on telling it.
     */
    void publish(String change) {
        if (grid != null) {
            topic().publishAsync(change).exceptionally(failure -> {
                LOG.log(Level.WARNING, "A change could not be told to the other servers", failure);
                return null;
            });
        }
    }

    /**
     * What the other members publish, handed over on a managed thread with the module's contexts as they are now
     * (the grid's own threads have none), so that the grid's thread never waits for the module.
     */
    void subscribe(Consumer<String> receiver) {
        if (grid == null) {
            return;
        }
        Consumer<String> contextual = contexts.contextualConsumer(receiver);
        UUID id = topic().addMessageListener(message -> {
            if (!message.getPublishingMember().localMember()) {
                executor.execute(() -> contextual.accept(message.getMessageObject()));
            }
        });
        synchronized (registrations) {
            registrations.add(new Registration(CHANGES_TOPIC, id));
        }
    }

    private ITopic<String> topic() {
        return grid.getTopic(CHANGES_TOPIC);
    }

    /**
     * A map every member shares (on the grid, each entry forgotten {@code expiry} after it was last written), or
     * this server's own when it is alone. Keys and values must be JDK types.
     */
    public <V> ConcurrentMap<String, V> map(String mapName, Duration expiry) {
        if (grid == null) {
            return new ConcurrentHashMap<>();
        }
        try {
            grid.getConfig().addMapConfig(new MapConfig(mapName).setTimeToLiveSeconds(
                    (int) Math.max(1, expiry.toSeconds())));
        } catch (RuntimeException e) {
            // Another member (or an earlier deployment) added it already, perhaps with another expiry.
            LOG.log(Level.FINE, "Map " + mapName + " configured already", e);
        }
        return grid.getMap(mapName);
    }
}
