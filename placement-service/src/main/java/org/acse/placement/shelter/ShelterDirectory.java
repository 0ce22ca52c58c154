package org.acse.placement.shelter;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.acse.common.events.Gender;
import org.acse.common.geo.Commune;
import org.acse.common.geo.Gazetteer;
import org.acse.placement.matching.ShelterIndex;
import org.acse.placement.matching.ShelterProfile;
import org.acse.placement.matching.Support;
import org.acse.placement.matching.UnitProfile;
import org.acse.placement.matching.UnitStatus;
import org.acse.platform.tx.AfterCommit;

/**
 * The in-memory snapshot that matching searches, so that a search makes no database round trip: the shelters
 * (compact {@link ShelterProfile}s, indexed on demand as a {@link ShelterIndex}) and the units held or given right
 * now. Changes made through this replica are applied right after their commit; a periodic refresh picks up
 * other replicas' changes with a full reload, only when the database's change marker ({@code snapshot_version}, moved
 * by every transaction that changes a shelter, unit, scheme or placement) moved since the last load (ADR 19). A stale
 * snapshot is safe: a hold re-checks the unit in the database under a row lock, guarded by the unique indexes.
 * <p>
 * Loaded with plain JDBC, streamed ({@code fetchSize}): 100,000 units as Hibernate entities (with their persistence
 * context and a fully buffered result set) once took more than the service's whole 128 MB heap.
 */
@ApplicationScoped
public class ShelterDirectory {
    private static final int FETCH = 1_000;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {};
    private static final String SHELTERS = """
            SELECT id, code, commune_code, genders::text, families, max_children, child_min_age, child_max_age,
                   wheelchair_accessible, support::text, languages::text, active,
                   (SELECT code FROM scheme WHERE scheme.id = shelter.scheme_id) FROM shelter""";
    private static final String UNITS = """
            SELECT shelter_id, id, capacity, status, available_from, last_confirmed_at FROM unit WHERE NOT retired""";
    private static final String LIVE_UNITS = "SELECT unit_id FROM placement WHERE status IN ('HELD', 'ACCEPTED')";
    /** Null when its rows are missing: then every refresh reloads. */
    private static final String VERSION = "SELECT sum(version)::bigint FROM snapshot_version";

    @Inject
    DataSource dataSource;

    @Inject
    AfterCommit afterCommit;

    @Inject
    MeterRegistry meters;

    // Guarded by this: the maps are replaced by a full reload; the index is rebuilt on demand after a change.
    private Map<UUID, ShelterProfile> shelters = new ConcurrentHashMap<>();
    private volatile Set<UUID> busy = ConcurrentHashMap.newKeySet();
    private volatile ShelterIndex index;
    /** While a full reload runs: the changes applied meanwhile, applied again to what it loaded. */
    private List<Consumer<Set<UUID>>> busyChanges;

    private final Object fullReload = new Object();
    private Set<UUID> reloadedMeanwhile;
    /** Guarded by fullReload: the change marker the last full reload read with its data, or null. */
    private Long loadedVersion;

    private Counter reloaded;
    private Counter unchanged;

    @PostConstruct
    void register() {
        reloaded = refreshes("reloaded");
        unchanged = refreshes("unchanged");
    }

    private Counter refreshes(String outcome) {
        return Counter.builder("acse.placement.snapshot.refreshes")
                .description("Periodic refreshes of the matching snapshot: reloaded after a change, or unchanged")
                .tag("outcome", outcome)
                .register(meters);
    }

    void onStart(@Observes StartupEvent event) {
        reloadAll();
    }

    @Scheduled(
            every = "${acse.matching.snapshot-refresh}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            delayed = "${acse.matching.snapshot-refresh}")
    void refresh() {
        refreshIfChanged();
    }

    /** One query when nothing changed since the last load; a full reload otherwise. Whether it reloaded. */
    boolean refreshIfChanged() {
        synchronized (fullReload) {
            Long current = version();
            if (current != null && current.equals(loadedVersion)) {
                unchanged.increment();
                return false;
            }
            reloadAllAlone();
            reloaded.increment();
            return true;
        }
    }

    /** The shelters as matching searches them, indexed (built at most once per change, by the first search). */
    public ShelterIndex index() {
        ShelterIndex current = index;
        if (current != null) {
            return current;
        }
        synchronized (this) {
            if (index == null) {
                index = ShelterIndex.of(shelters.values());
            }
            return index;
        }
    }

    public synchronized Optional<ShelterProfile> profile(UUID shelterId) {
        return Optional.ofNullable(shelters.get(shelterId));
    }

    public synchronized int size() {
        return shelters.size();
    }

    /** The units held or given right now, as this replica knows them (a live, read-only view). */
    public Set<UUID> busyUnits() {
        return Collections.unmodifiableSet(busy);
    }

    /** From inside the transaction that holds the unit: busy once it commits. */
    public void heldAfterCommit(UUID unitId) {
        afterCommit(set -> set.add(unitId));
    }

    /** From inside the transaction that ends a hold or a placement: free again once it commits. */
    public void freedAfterCommit(UUID unitId) {
        afterCommit(set -> set.remove(unitId));
    }

    /** A unit found held in the database (through another replica): busy until a reload says otherwise. */
    public void observedBusy(UUID unitId) {
        changeBusy(set -> set.add(unitId));
    }

    private void afterCommit(Consumer<Set<UUID>> change) {
        afterCommit.run(() -> changeBusy(change));
    }

    private synchronized void changeBusy(Consumer<Set<UUID>> change) {
        change.accept(busy);
        if (busyChanges != null) {
            busyChanges.add(change);
        }
    }

    /** Reloads one shelter from committed data (call after the commit that changed it). */
    public void reload(UUID shelterId) {
        Optional<ShelterProfile> fresh = QuarkusTransaction.requiringNew().call(() -> {
            try (Connection c = dataSource.getConnection()) {
                return load(c, " WHERE id = ?", " AND shelter_id = ?", shelterId).stream()
                        .findFirst();
            }
        });
        synchronized (this) {
            fresh.ifPresentOrElse(p -> shelters.put(shelterId, p), () -> shelters.remove(shelterId));
            index = null;
            if (reloadedMeanwhile != null) {
                reloadedMeanwhile.add(shelterId);
            }
        }
    }

    /** One full reload at a time (the scheduled refresh and a caller may overlap): they share the change logs. */
    public void reloadAll() {
        synchronized (fullReload) {
            reloadAllAlone();
        }
    }

    private void reloadAllAlone() {
        synchronized (this) {
            busyChanges = new ArrayList<>();
            reloadedMeanwhile = new HashSet<>();
        }
        Set<UUID> again;
        try {
            Map<UUID, ShelterProfile> fresh = new ConcurrentHashMap<>();
            Set<UUID> freshBusy = ConcurrentHashMap.newKeySet();
            Long version = QuarkusTransaction.requiringNew().call(() -> {
                try (Connection c = dataSource.getConnection()) {
                    // One snapshot for the marker and the data, the marker first: a change committed after it is
                    // in neither, and moves the marker past the value kept, so the next refresh reloads it.
                    try (Statement st = c.createStatement()) {
                        st.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY");
                    }
                    Long read = version(c);
                    load(c, "", "", null).forEach(p -> fresh.put(p.id(), p));
                    freshBusy.addAll(liveUnits(c));
                    return read;
                }
            });
            synchronized (this) {
                busyChanges.forEach(change -> change.accept(freshBusy));
                // A change replayed here may have committed before the load and been undone by one the load read:
                // this load is not trusted to stand until the next change, the next refresh reloads again.
                loadedVersion = busyChanges.isEmpty() ? version : null;
                shelters = fresh;
                busy = freshBusy;
                index = null;
                again = reloadedMeanwhile;
            }
        } finally {
            synchronized (this) {
                busyChanges = null;
                reloadedMeanwhile = null;
            }
        }
        // Reloaded while the full load ran: it may have read them before their change committed.
        again.forEach(this::reload);
    }

    private Long version() {
        try (Connection c = dataSource.getConnection()) {
            return version(c);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the shelter network's change marker", e);
        }
    }

    private static Long version(Connection c) throws SQLException {
        try (Statement st = c.createStatement();
                ResultSet rs = st.executeQuery(VERSION)) {
            rs.next();
            return rs.getObject(1, Long.class);
        }
    }

    private static Set<UUID> liveUnits(Connection c) {
        try (PreparedStatement st = c.prepareStatement(LIVE_UNITS)) {
            st.setFetchSize(FETCH);
            Set<UUID> ids = new HashSet<>();
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getObject(1, UUID.class));
                }
            }
            return ids;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot load the held units", e);
        }
    }

    /** Shelters (all, or the one named by the filters) with their units, streamed; units grouped by shelter. */
    private static List<ShelterProfile> load(Connection c, String shelterFilter, String unitFilter, UUID shelterId) {
        try {
            Map<UUID, Row> rows = new HashMap<>();
            try (PreparedStatement st = c.prepareStatement(SHELTERS + shelterFilter)) {
                st.setFetchSize(FETCH);
                if (shelterId != null) {
                    st.setObject(1, shelterId);
                }
                try (ResultSet rs = st.executeQuery()) {
                    while (rs.next()) {
                        Row row = Row.of(rs);
                        rows.put(row.id, row);
                    }
                }
            }
            List<ShelterProfile> profiles = new ArrayList<>(rows.size());
            try (PreparedStatement st = c.prepareStatement(UNITS + unitFilter + " ORDER BY shelter_id, position")) {
                st.setFetchSize(FETCH);
                if (shelterId != null) {
                    st.setObject(1, shelterId);
                }
                UUID current = null;
                List<UnitProfile> units = new ArrayList<>();
                try (ResultSet rs = st.executeQuery()) {
                    while (rs.next()) {
                        UUID owner = rs.getObject(1, UUID.class);
                        if (!owner.equals(current)) {
                            flush(rows, current, units, profiles);
                            current = owner;
                        }
                        units.add(new UnitProfile(
                                rs.getObject(2, UUID.class),
                                rs.getInt(3),
                                UnitStatus.valueOf(rs.getString(4)),
                                instant(rs.getObject(5, OffsetDateTime.class)),
                                instant(rs.getObject(6, OffsetDateTime.class))));
                    }
                }
                flush(rows, current, units, profiles);
            }
            // Shelters without a unit.
            rows.values().forEach(r -> profiles.add(r.profile(List.of())));
            return profiles;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot load the shelter network", e);
        }
    }

    private static void flush(Map<UUID, Row> rows, UUID shelterId, List<UnitProfile> units, List<ShelterProfile> into) {
        if (shelterId != null) {
            Row row = rows.remove(shelterId);
            if (row != null) {
                into.add(row.profile(units));
            }
        }
        units.clear();
    }

    private static Instant instant(OffsetDateTime t) {
        return t == null ? null : t.toInstant();
    }

    /** A shelter row as read, until its units are read. */
    private record Row(
            UUID id,
            String code,
            String communeCode,
            Set<Gender> genders,
            boolean families,
            int maxChildren,
            Integer childMinAge,
            Integer childMaxAge,
            boolean wheelchair,
            Set<Support> support,
            Set<String> languages,
            boolean active,
            String schemeCode) {
        static Row of(ResultSet rs) throws SQLException {
            Set<Gender> genders = EnumSet.noneOf(Gender.class);
            strings(rs.getString(4)).forEach(g -> genders.add(Gender.valueOf(g)));
            Set<Support> support = EnumSet.noneOf(Support.class);
            strings(rs.getString(10)).forEach(s -> support.add(Support.valueOf(s)));
            return new Row(
                    rs.getObject(1, UUID.class),
                    rs.getString(2),
                    rs.getString(3),
                    genders,
                    rs.getBoolean(5),
                    rs.getInt(6),
                    (Integer) rs.getObject(7, Integer.class),
                    (Integer) rs.getObject(8, Integer.class),
                    rs.getBoolean(9),
                    support,
                    new LinkedHashSet<>(strings(rs.getString(11))),
                    rs.getBoolean(12),
                    rs.getString(13));
        }

        ShelterProfile profile(List<UnitProfile> units) {
            Commune commune = Gazetteer.france().requireCommune(communeCode);
            return new ShelterProfile(
                    id,
                    code,
                    active,
                    commune.centre(),
                    commune.departmentCode(),
                    genders,
                    families,
                    maxChildren,
                    childMinAge,
                    childMaxAge,
                    wheelchair,
                    support,
                    languages,
                    units,
                    schemeCode);
        }
    }

    private static List<String> strings(String json) {
        try {
            return JSON.readValue(json, STRINGS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a list column of the shelter table is not a JSON array of strings", e);
        }
    }
}
