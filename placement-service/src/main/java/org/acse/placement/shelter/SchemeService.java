package org.acse.placement.shelter;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;
import org.acse.common.geo.Gazetteer;
import org.acse.placement.matching.Support;
import org.acse.platform.audit.AuditLog;
import org.acse.platform.page.Page;
import org.acse.platform.page.PageRequest;
import org.acse.platform.problem.FieldError;
import org.acse.platform.problem.ProblemException;
import org.acse.platform.security.Caller;

/** Schemes of places: coordinators manage them and their shelters; staff see the scheme of their own shelter. */
@ApplicationScoped
public class SchemeService {
    @Inject
    Caller caller;

    @Inject
    AuditLog audit;

    /** A change and the shelters whose scheme changed (matching's snapshot reloads them after the commit). */
    public record Changed(SchemeView scheme, Set<UUID> shelters) {}

    @Transactional
    public SchemeView create(SchemeRequest request) {
        if (Scheme.count("code", request.code()) > 0) {
            throw duplicateCode();
        }
        Instant now = Instant.now();
        Scheme scheme = new Scheme();
        scheme.id = UUID.randomUUID();
        scheme.createdAt = now;
        apply(scheme, request, now);
        scheme.persist();
        audit.record("scheme.create", "scheme", scheme.id);
        return view(scheme, null);
    }

    @Transactional
    public Changed update(UUID id, SchemeRequest request) {
        Scheme scheme = find(id, LockModeType.PESSIMISTIC_WRITE);
        boolean recoded = !scheme.code.equals(request.code());
        if (recoded && Scheme.count("code", request.code()) > 0) {
            throw duplicateCode();
        }
        apply(scheme, request, Instant.now());
        audit.record("scheme.update", "scheme", id);
        // Matching knows a shelter's scheme by its code.
        Set<UUID> changed = recoded ? members(id) : Set.of();
        return new Changed(view(scheme, null), changed);
    }

    /** The scheme's shelters become exactly these (see {@link SchemeMembership}); rows locked, then checked. */
    @Transactional
    public Changed setShelters(UUID id, SchemeRequest.Shelters request) {
        Scheme scheme = find(id, LockModeType.PESSIMISTIC_WRITE);
        Set<UUID> wanted = new HashSet<>(request.shelterIds());
        Set<UUID> members = members(id);
        Set<UUID> touched = new HashSet<>(wanted);
        touched.addAll(members);
        Map<UUID, Shelter> shelters = new HashMap<>();
        if (!touched.isEmpty()) {
            Shelter.<Shelter>find("id in ?1 order by id", touched)
                    .withLock(LockModeType.PESSIMISTIC_WRITE)
                    .list()
                    .forEach(s -> shelters.put(s.id, s));
        }
        Map<UUID, String> codes =
                codes(shelters.values().stream().map(s -> s.schemeId).collect(Collectors.toSet()));
        Map<UUID, String> schemeOf = new HashMap<>();
        shelters.values().stream()
                .filter(s -> wanted.contains(s.id))
                .forEach(s -> schemeOf.put(s.id, s.schemeId == null ? null : codes.get(s.schemeId)));
        // Members as locked now (another change may have committed between the two reads).
        Set<UUID> lockedMembers = shelters.values().stream()
                .filter(s -> id.equals(s.schemeId))
                .map(s -> s.id)
                .collect(Collectors.toSet());
        SchemeMembership.Change change =
                SchemeMembership.plan(scheme.code, request.shelterIds(), schemeOf, lockedMembers);
        Instant now = Instant.now();
        change.joining().forEach(s -> {
            shelters.get(s).schemeId = id;
            shelters.get(s).updatedAt = now;
        });
        change.leaving().forEach(s -> {
            shelters.get(s).schemeId = null;
            shelters.get(s).updatedAt = now;
        });
        scheme.updatedAt = now;
        audit.record("scheme.shelters", "scheme", id);
        return new Changed(view(scheme, null), change.changed());
    }

    @Transactional
    public SchemeView get(UUID id) {
        Scheme scheme = find(id, LockModeType.NONE);
        if (caller.isCoordinator()) {
            return view(scheme, null);
        }
        UUID own = ownShelter()
                .filter(s -> id.equals(s.schemeId))
                .map(s -> s.id)
                .orElseThrow(() -> ProblemException.notFound("Scheme"));
        return view(scheme, own);
    }

    @Transactional
    public Page<SchemeView> list(PageRequest page) {
        if (caller.isCoordinator()) {
            return Page.of(Scheme.<Scheme>find("order by code"), page, s -> view(s, null));
        }
        // Staff: the scheme of their own shelter, if any.
        Optional<SchemeView> own = ownShelter()
                .filter(s -> s.schemeId != null)
                .flatMap(s -> Scheme.<Scheme>findByIdOptional(s.schemeId).map(scheme -> view(scheme, s.id)));
        return Page.of(own.stream().toList(), page);
    }

    /** Counts by state of the scheme's places, for coordinators; no person or referral in it. */
    @Transactional
    public SchemeView.Occupancy occupancy(UUID id) {
        Scheme scheme = find(id, LockModeType.NONE);
        List<UUID> active = Shelter.<Shelter>list("schemeId = ?1 and active = true", id).stream()
                .map(s -> s.id)
                .toList();
        List<Unit> units =
                active.isEmpty() ? List.of() : Unit.<Unit>list("shelterId in ?1 and retired = false", active);
        Map<UUID, String> live = new HashMap<>();
        if (!units.isEmpty()) {
            // The live placements of these units, read as rows: the registry does not depend on the decision loop.
            @SuppressWarnings("unchecked")
            List<Object[]> rows = Shelter.getEntityManager()
                    .createNativeQuery("SELECT unit_id, status FROM placement"
                            + " WHERE unit_id IN (:units) AND status IN ('HELD', 'ACCEPTED')")
                    .setParameter("units", units.stream().map(u -> u.id).toList())
                    .getResultList();
            rows.forEach(r -> live.put((UUID) r[0], (String) r[1]));
        }
        List<SchemeOccupancy.UnitState> states = units.stream()
                .map(u -> new SchemeOccupancy.UnitState(
                        u.capacity, u.status, "HELD".equals(live.get(u.id)), "ACCEPTED".equals(live.get(u.id))))
                .toList();
        audit.record("scheme.occupancy.read", "scheme", id);
        return SchemeOccupancy.count(scheme.id, scheme.code, active.size(), states);
    }

    /** The scheme's name and code for a shelter's view. */
    public static Scheme ofShelter(Shelter shelter) {
        return shelter.schemeId == null ? null : Scheme.findById(shelter.schemeId);
    }

    private Optional<Shelter> ownShelter() {
        return caller.shelterId().map(s -> (Shelter) Shelter.findById(s));
    }

    private static Set<UUID> members(UUID schemeId) {
        return Shelter.<Shelter>list("schemeId", schemeId).stream()
                .map(s -> s.id)
                .collect(Collectors.toSet());
    }

    private static Map<UUID, String> codes(Set<UUID> schemeIds) {
        Map<UUID, String> codes = new HashMap<>();
        schemeIds.remove(null);
        if (!schemeIds.isEmpty()) {
            Scheme.<Scheme>list("id in ?1", schemeIds).forEach(s -> codes.put(s.id, s.code));
        }
        return codes;
    }

    private static Scheme find(UUID id, LockModeType lock) {
        Scheme scheme = Scheme.findById(id, lock);
        if (scheme == null) {
            throw ProblemException.notFound("Scheme");
        }
        return scheme;
    }

    private static void apply(Scheme scheme, SchemeRequest request, Instant now) {
        scheme.code = request.code();
        scheme.name = request.name().strip();
        scheme.description =
                request.description() == null ? "" : request.description().strip();
        scheme.updatedAt = now;
    }

    private static ProblemException duplicateCode() {
        return new ProblemException(
                409,
                "duplicate-code",
                "Conflict",
                "A scheme with this code exists.",
                List.of(new FieldError("code", "is already the code of another scheme")));
    }

    /** The view; {@code onlyShelter}: list only that one of its shelters (staff). */
    private static SchemeView view(Scheme scheme, UUID onlyShelter) {
        List<Shelter> shelters = Shelter.list("schemeId = ?1 order by code", scheme.id);
        Map<UUID, List<Unit>> units = new HashMap<>();
        if (!shelters.isEmpty()) {
            Unit.<Unit>list(
                            "shelterId in ?1 and retired = false",
                            shelters.stream().map(s -> s.id).toList())
                    .forEach(u -> units.computeIfAbsent(u.shelterId, k -> new ArrayList<>())
                            .add(u));
        }
        int places = 0;
        int unitCount = 0;
        Set<String> departments = new TreeSet<>();
        Set<Support> support = EnumSet.noneOf(Support.class);
        List<SchemeView.ShelterEntry> entries = new ArrayList<>();
        for (Shelter s : shelters) {
            List<Unit> own = units.getOrDefault(s.id, List.of());
            int shelterPlaces = own.stream().mapToInt(u -> u.capacity).sum();
            String department = Gazetteer.france().requireCommune(s.communeCode).departmentCode();
            if (s.active) {
                places += shelterPlaces;
                unitCount += own.size();
                departments.add(department);
                support.addAll(s.support);
            }
            if (onlyShelter == null || onlyShelter.equals(s.id)) {
                entries.add(new SchemeView.ShelterEntry(
                        s.id, s.code, s.name, s.communeCode, department, s.active, shelterPlaces));
            }
        }
        return new SchemeView(
                scheme.id,
                scheme.code,
                scheme.name,
                scheme.description,
                places,
                unitCount,
                List.copyOf(departments),
                List.copyOf(support),
                entries);
    }
}
