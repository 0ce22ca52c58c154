package org.acse.placement.shelter;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.acse.common.geo.Commune;
import org.acse.common.geo.Gazetteer;
import org.acse.placement.matching.MatchingConfig;
import org.acse.placement.matching.UnitStatus;
import org.acse.platform.audit.AuditLog;
import org.acse.platform.crypto.FieldCipher;
import org.acse.platform.page.Page;
import org.acse.platform.page.PageRequest;
import org.acse.platform.problem.FieldError;
import org.acse.platform.problem.ProblemException;
import org.acse.platform.security.Caller;

/** The shelter registry: coordinators manage shelters, staff publish their units' availability. */
@ApplicationScoped
public class ShelterService {
    @Inject
    Caller caller;

    @Inject
    AuditLog audit;

    @Inject
    MatchingConfig config;

    @Inject
    FieldCipher cipher;

    @Transactional
    public ShelterView create(ShelterRequest request) {
        Commune commune = validate(request);
        if (Shelter.count("code", request.code()) > 0) {
            throw ProblemException.conflict("duplicate-code", "A shelter with this code exists.");
        }
        if (request.units().stream().anyMatch(u -> u.id() != null)) {
            throw ProblemException.invalid("units", "new units have no id");
        }
        Scheme scheme = scheme(request.schemeCode());
        Instant now = Instant.now();
        Shelter shelter = new Shelter();
        shelter.id = UUID.randomUUID();
        shelter.createdAt = now;
        apply(shelter, request, commune, now);
        shelter.sealAddress(cipher, request.address());
        shelter.schemeId = scheme == null ? null : scheme.id;
        shelter.persist();
        int position = 0;
        for (ShelterRequest.UnitRequest u : request.units()) {
            newUnit(shelter.id, position++, u, now);
        }
        audit.record("shelter.create", "shelter", shelter.id);
        return view(shelter);
    }

    @Transactional
    public ShelterView update(UUID id, ShelterRequest request) {
        // The scheme's row, then the shelter's, locked in the order a scheme's change of shelters takes them: neither
        // change overwrites the other, and they never wait for each other in a circle.
        Scheme scheme = scheme(request.schemeCode());
        Shelter shelter = Shelter.findById(id, LockModeType.PESSIMISTIC_WRITE);
        if (shelter == null) {
            throw ProblemException.notFound("Shelter");
        }
        Commune commune = validate(request);
        if (scheme != null && shelter.schemeId != null && !shelter.schemeId.equals(scheme.id)) {
            throw SchemeMembership.inAnotherScheme(List.of(new FieldError(
                    "schemeCode",
                    "the shelter already " + "belongs to another scheme; take it out of that scheme first")));
        }
        if (!shelter.code.equals(request.code()) && Shelter.count("code", request.code()) > 0) {
            throw ProblemException.conflict("duplicate-code", "A shelter with this code exists.");
        }
        Map<UUID, Unit> existing = new HashMap<>();
        Unit.ofShelter(id).forEach(u -> existing.put(u.id, u));
        List<FieldError> errors = new ArrayList<>();
        Set<UUID> kept = new HashSet<>();
        for (int i = 0; i < request.units().size(); i++) {
            UUID unitId = request.units().get(i).id();
            if (unitId != null && (!existing.containsKey(unitId) || !kept.add(unitId))) {
                errors.add(new FieldError("units[" + i + "].id", "not a unit of this shelter"));
            }
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        Instant now = Instant.now();
        apply(shelter, request, commune, now);
        shelter.sealAddress(cipher, request.address());
        if (scheme != null) {
            shelter.schemeId = scheme.id;
        }
        int position = 0;
        for (ShelterRequest.UnitRequest u : request.units()) {
            if (u.id() == null) {
                newUnit(id, position++, u, now);
            } else {
                Unit unit = existing.get(u.id());
                unit.capacity = u.capacity();
                unit.position = position++;
            }
        }
        // Units left out are retired, not deleted: their placements stay in the history.
        existing.values().stream().filter(u -> !kept.contains(u.id)).forEach(u -> u.retired = true);
        audit.record("shelter.update", "shelter", id);
        return view(shelter);
    }

    /** The full view, address included: coordinators and the shelter's own staff; the read is audited. */
    @Transactional
    public ShelterView get(UUID id) {
        caller.requireShelterAccess(id, "Shelter");
        Shelter shelter = find(id);
        audit.record("shelter.address.read", "shelter", id);
        return view(shelter);
    }

    @Transactional
    public Page<ShelterView.Summary> list(String q, PageRequest page) {
        if (q != null && q.length() > 100) {
            throw ProblemException.invalid("q", "at most 100 characters");
        }
        // A % or _ typed is looked for as such, not as a wildcard.
        String search = q == null || q.isBlank()
                ? null
                : "%"
                        + q.strip()
                                .toLowerCase(Locale.ROOT)
                                .replace("\\", "\\\\")
                                .replace("%", "\\%")
                                .replace("_", "\\_")
                        + "%";
        var query = caller.isCoordinator()
                ? search == null
                        ? Shelter.<Shelter>find("order by code")
                        : Shelter.<Shelter>find("lower(code) like ?1 or lower(name) like ?1 order by code", search)
                : Shelter.<Shelter>find("id = ?1", caller.shelterId().orElse(new UUID(0, 0)));
        Map<UUID, String> schemeCodes = new HashMap<>();
        return Page.of(query, page, s -> {
            List<Unit> units = Unit.ofShelter(s.id);
            Commune commune = Gazetteer.france().requireCommune(s.communeCode);
            String schemeCode = s.schemeId == null
                    ? null
                    : schemeCodes.computeIfAbsent(
                            s.schemeId,
                            k -> Scheme.<Scheme>findByIdOptional(k)
                                    .map(x -> x.code)
                                    .orElse(null));
            return new ShelterView.Summary(
                    s.id,
                    s.code,
                    s.name,
                    s.communeCode,
                    commune.departmentCode(),
                    s.active,
                    units.size(),
                    (int) units.stream()
                            .filter(u -> u.status == UnitStatus.FREE)
                            .count(),
                    schemeCode);
        });
    }

    @Transactional
    public ShelterView.UnitView setAvailability(UUID shelterId, UUID unitId, AvailabilityRequest request) {
        caller.requireShelterAccess(shelterId, "Shelter");
        Unit unit = Unit.findById(unitId);
        if (unit == null || !unit.shelterId.equals(shelterId) || unit.retired) {
            throw ProblemException.notFound("Unit");
        }
        unit.status = request.status();
        unit.availableFrom = request.status() == UnitStatus.OUT_OF_SERVICE ? null : request.availableFrom();
        unit.lastConfirmedAt = Instant.now();
        audit.record("unit.availability", "unit", unitId);
        return unitView(unit, unit.lastConfirmedAt);
    }

    private Shelter find(UUID id) {
        Shelter shelter = Shelter.findById(id);
        if (shelter == null) {
            throw ProblemException.notFound("Shelter");
        }
        return shelter;
    }

    /**
     * The scheme a request names (its row locked, so that a concurrent change of its shelters waits), or null.
     * @throws ProblemException 400 naming {@code schemeCode} for an unknown scheme
     */
    private static Scheme scheme(String code) {
        if (code == null) {
            return null;
        }
        return Scheme.<Scheme>find("code", code)
                .withLock(LockModeType.PESSIMISTIC_WRITE)
                .firstResultOptional()
                .orElseThrow(() -> ProblemException.invalid("schemeCode", "is not the code of a scheme"));
    }

    private static Commune validate(ShelterRequest request) {
        List<FieldError> errors = new ArrayList<>();
        Commune commune = Gazetteer.france().commune(request.communeCode()).orElse(null);
        if (commune == null) {
            errors.add(new FieldError("communeCode", "unknown commune code"));
        }
        ShelterRequest.Accepts a = request.accepts();
        if (a.childMinAge() != null && a.childMaxAge() != null && a.childMinAge() > a.childMaxAge()) {
            errors.add(new FieldError("accepts.childMinAge", "must not exceed accepts.childMaxAge"));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        return commune;
    }

    private static void apply(Shelter shelter, ShelterRequest request, Commune commune, Instant now) {
        shelter.code = request.code();
        shelter.name = request.name();
        shelter.communeCode = commune.code();
        ShelterRequest.Accepts a = request.accepts();
        shelter.genders = List.copyOf(new LinkedHashSet<>(a.genders()));
        shelter.families = a.families();
        shelter.maxChildren = a.families() ? (a.maxChildren() == null ? 6 : a.maxChildren()) : 0;
        shelter.childMinAge = a.childMinAge();
        shelter.childMaxAge = a.childMaxAge();
        shelter.wheelchairAccessible = request.wheelchairAccessible();
        shelter.support = request.support() == null ? List.of() : List.copyOf(new LinkedHashSet<>(request.support()));
        shelter.languages = request.languages() == null
                ? List.of()
                : request.languages().stream().distinct().toList();
        shelter.active = request.active() == null || request.active();
        shelter.updatedAt = now;
    }

    private static void newUnit(UUID shelterId, int position, ShelterRequest.UnitRequest request, Instant now) {
        Unit unit = new Unit();
        unit.id = UUID.randomUUID();
        unit.shelterId = shelterId;
        unit.position = position;
        unit.capacity = request.capacity();
        unit.status = request.status() == null ? UnitStatus.FREE : request.status();
        unit.availableFrom = unit.status == UnitStatus.OUT_OF_SERVICE ? null : request.availableFrom();
        unit.lastConfirmedAt = now;
        unit.persist();
    }

    private ShelterView view(Shelter s) {
        Instant now = Instant.now();
        Commune commune = Gazetteer.france().requireCommune(s.communeCode);
        return new ShelterView(
                s.id,
                s.code,
                s.name,
                s.communeCode,
                commune.departmentCode(),
                s.openAddress(cipher),
                new ShelterView.Accepts(s.genders, s.families, s.maxChildren, s.childMinAge, s.childMaxAge),
                s.wheelchairAccessible,
                s.support,
                s.languages,
                s.active,
                Unit.ofShelter(s.id).stream().map(u -> unitView(u, now)).toList(),
                Optional.ofNullable(SchemeService.ofShelter(s))
                        .map(x -> new ShelterView.SchemeRef(x.id, x.code, x.name))
                        .orElse(null));
    }

    private ShelterView.UnitView unitView(Unit u, Instant now) {
        return new ShelterView.UnitView(
                u.id,
                u.capacity,
                u.status,
                u.availableFrom,
                u.lastConfirmedAt,
                u.lastConfirmedAt.plus(config.staleAfter()).isBefore(now));
    }
}
