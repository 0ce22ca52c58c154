package org.acse.placement.shelter;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.acse.common.geo.Commune;
import org.acse.common.geo.Gazetteer;
import org.acse.placement.matching.ShelterProfile;
import org.acse.placement.matching.UnitProfile;

/**
 * The in-memory snapshot of the shelter network that matching searches: no database round trip per shelter.
 * Changes made here are reloaded right after their commit; a periodic full reload picks up other replicas' changes.
 * A stale snapshot is safe: a hold re-checks the unit in the database under a row lock.
 */
@ApplicationScoped
public class ShelterDirectory {
    private volatile Map<UUID, ShelterProfile> shelters = new ConcurrentHashMap<>();

    void onStart(@Observes StartupEvent event) {
        reloadAll();
    }

    @Scheduled(every = "${acse.matching.snapshot-refresh}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            delayed = "${acse.matching.snapshot-refresh}")
    void refresh() {
        reloadAll();
    }

    public Collection<ShelterProfile> profiles() {
        return shelters.values();
    }

    public Optional<ShelterProfile> profile(UUID shelterId) {
        return Optional.ofNullable(shelters.get(shelterId));
    }

    public int size() {
        return shelters.size();
    }

    /** Reloads one shelter from committed data (call after the commit that changed it). */
    public void reload(UUID shelterId) {
        QuarkusTransaction.requiringNew().run(() -> {
            Shelter shelter = Shelter.findById(shelterId);
            if (shelter == null) {
                shelters.remove(shelterId);
            } else {
                shelters.put(shelterId, profile(shelter, Unit.ofShelter(shelterId)));
            }
        });
    }

    public void reloadAll() {
        Map<UUID, ShelterProfile> fresh = QuarkusTransaction.requiringNew().call(() -> {
            Map<UUID, List<Unit>> units = new HashMap<>();
            Unit.<Unit>list("retired = false order by position")
                    .forEach(u -> units.computeIfAbsent(u.shelterId, k -> new ArrayList<>()).add(u));
            Map<UUID, ShelterProfile> map = new ConcurrentHashMap<>();
            Shelter.<Shelter>listAll().forEach(s -> map.put(s.id, profile(s, units.getOrDefault(s.id, List.of()))));
            return map;
        });
        shelters = fresh;
    }

    static ShelterProfile profile(Shelter s, List<Unit> units) {
        Commune commune = Gazetteer.france().requireCommune(s.communeCode);
        return new ShelterProfile(s.id, s.code, s.active, commune.centre(), commune.departmentCode(),
                new HashSet<>(s.genders), s.families, s.maxChildren, s.childMinAge, s.childMaxAge,
                s.wheelchairAccessible, new HashSet<>(s.support), new HashSet<>(s.languages),
                units.stream().map(u -> new UnitProfile(u.id, u.capacity, u.status, u.availableFrom,
                        u.lastConfirmedAt)).toList());
    }
}
