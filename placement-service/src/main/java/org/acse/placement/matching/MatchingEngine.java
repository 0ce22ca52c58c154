package org.acse.placement.matching;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.UUID;
import org.acse.common.events.Household;
import org.acse.common.events.Needs;

/**
 * The matching rules of SPEC §5 as a plain, deterministic function of a referral, a moment and the shelter network.
 * Hard constraints are checked cheapest first, so that most shelters are rejected before any distance is computed;
 * eligible places are ranked by a weighted, explainable score.
 */
public final class MatchingEngine {
    private final MatchingRules rules;

    public MatchingEngine(MatchingRules rules) {
        this.rules = rules;
    }

    public MatchingRules rules() {
        return rules;
    }

    /** The best {@code limit} eligible places, best first. */
    public List<Candidate> candidates(MatchRequest request, MatchContext context, Collection<ShelterProfile> shelters,
            int limit) {
        Search search = new Search(request, context);
        // A bounded heap whose head is the worst kept candidate: O(n log limit) instead of sorting every place, and
        // a place that cannot beat the worst kept one is not even built.
        PriorityQueue<Candidate> top = new PriorityQueue<>(limit + 1, Candidate.RANKING.reversed());
        Sink sink = new Sink() {
            @Override
            boolean wants(double rankKey) {
                return top.size() < limit || rankKey >= top.peek().rankKey();
            }

            @Override
            void add(Candidate c) {
                top.add(c);
                if (top.size() > limit) {
                    top.poll();
                }
            }
        };
        for (ShelterProfile shelter : shelters) {
            search.evaluate(shelter, sink);
        }
        List<Candidate> ranked = new ArrayList<>(top);
        ranked.sort(Candidate.RANKING);
        return ranked;
    }

    /** Every shelter's verdict: eligible ones ranked first (with their best place), then the excluded by code. */
    public List<Evaluation> explain(MatchRequest request, MatchContext context, Collection<ShelterProfile> shelters) {
        Search search = new Search(request, context);
        List<Evaluation> eligible = new ArrayList<>();
        List<Evaluation> excluded = new ArrayList<>();
        List<Candidate> places = new ArrayList<>();
        Sink sink = Sink.into(places);
        for (ShelterProfile shelter : shelters) {
            places.clear();
            Exclusion exclusion = search.evaluate(shelter, sink);
            if (exclusion == null) {
                Candidate best = places.stream().min(Candidate.RANKING).orElseThrow();
                eligible.add(new Evaluation(shelter.id(), shelter.code(), null, best));
            } else {
                excluded.add(new Evaluation(shelter.id(), shelter.code(), exclusion, null));
            }
        }
        eligible.sort(Comparator.comparing(Evaluation::best, Candidate.RANKING));
        excluded.sort(Comparator.comparing(Evaluation::shelterCode).thenComparing(Evaluation::shelterId));
        List<Evaluation> all = new ArrayList<>(eligible);
        all.addAll(excluded);
        return all;
    }

    /** One shelter's verdict for a chosen unit (manual placement): the exclusion, or the unit as a candidate. */
    public Evaluation evaluateUnit(MatchRequest request, MatchContext context, ShelterProfile shelter, UUID unitId) {
        List<Candidate> places = new ArrayList<>();
        Exclusion exclusion = new Search(request, context).evaluate(shelter, Sink.into(places));
        if (exclusion != null) {
            return new Evaluation(shelter.id(), shelter.code(), exclusion, null);
        }
        Optional<Candidate> unit = places.stream().filter(c -> c.unitId().equals(unitId)).findFirst();
        return unit.map(c -> new Evaluation(shelter.id(), shelter.code(), null, c))
                .orElseGet(() -> new Evaluation(shelter.id(), shelter.code(), Exclusion.NO_UNIT_AVAILABLE_IN_TIME,
                        null));
    }

    /** Where a search puts eligible places; {@code wants} lets it skip building places that would be dropped. */
    private abstract static class Sink {
        boolean wants(double rankKey) {
            return true;
        }

        abstract void add(Candidate candidate);

        static Sink into(List<Candidate> places) {
            return new Sink() {
                @Override
                void add(Candidate candidate) {
                    places.add(candidate);
                }
            };
        }
    }

    /** The per-referral constants of one search, computed once. */
    private final class Search {
        private final MatchRequest request;
        private final MatchContext context;
        private final Household household;
        private final Needs needs;
        private final int size;
        private final Instant now;
        private final Instant deadline;
        private final long delayMillis;
        private final double[] zoneLat;
        private final double[] zoneLon;
        private final double[] zoneCos;
        private final double[] zoneMinKm;
        private final String[] zoneDepartments;
        private final double hereLat;
        private final double hereLon;
        private final double hereCos;
        private final double weightSum;
        private final long staleBefore;

        Search(MatchRequest request, MatchContext context) {
            this.request = request;
            this.context = context;
            this.household = request.household();
            this.needs = request.needs();
            this.size = household.size();
            this.now = context.now();
            Duration delay = rules.delay(request.urgency());
            this.deadline = now.plus(delay);
            this.delayMillis = Math.max(1, delay.toMillis());
            int minKm = request.minDistanceKm() > 0 ? request.minDistanceKm() : rules.defaultMinDistanceKm();
            int n = request.dangerZones().size();
            zoneLat = new double[n];
            zoneLon = new double[n];
            zoneCos = new double[n];
            zoneMinKm = new double[n];
            zoneDepartments = new String[n];
            for (int i = 0; i < n; i++) {
                ZoneArea z = request.dangerZones().get(i);
                zoneLat[i] = z.latRad();
                zoneLon[i] = z.lonRad();
                zoneCos[i] = Math.cos(zoneLat[i]);
                zoneMinKm[i] = minKm + z.radiusKm();
                zoneDepartments[i] = z.departmentCode();
            }
            if (request.currentLocation() != null) {
                hereLat = Math.toRadians(request.currentLocation().lat());
                hereLon = Math.toRadians(request.currentLocation().lon());
                hereCos = Math.cos(hereLat);
            } else {
                hereLat = Double.NaN;
                hereLon = Double.NaN;
                hereCos = Double.NaN;
            }
            weightSum = rules.weights().sum();
            staleBefore = now.minus(rules.staleAfter()).toEpochMilli();
        }

        /** Null and the shelter's eligible places given to the sink, or the constraint that excludes it. */
        Exclusion evaluate(ShelterProfile s, Sink places) {
            if (!s.active()) {
                return Exclusion.SHELTER_INACTIVE;
            }
            if (context.excludedShelters().contains(s.id())) {
                return Exclusion.ALREADY_DECLINED_OR_EXPIRED;
            }
            if (!s.accepts(household.gender())) {
                return Exclusion.GENDER_NOT_ACCEPTED;
            }
            if (household.hasChildren()) {
                if (!s.families()) {
                    return Exclusion.FAMILIES_NOT_ACCEPTED;
                }
                if (household.childrenAges().size() > s.maxChildren()) {
                    return Exclusion.TOO_MANY_CHILDREN;
                }
                for (int age : household.childrenAges()) {
                    if ((s.childMinAge() != null && age < s.childMinAge())
                            || (s.childMaxAge() != null && age > s.childMaxAge())) {
                        return Exclusion.CHILD_AGE_NOT_ACCEPTED;
                    }
                }
            }
            if (needs.wheelchairAccess() && !s.wheelchairAccessible()) {
                return Exclusion.WHEELCHAIR_ACCESS_MISSING;
            }
            if (needs.psychologicalSupport() && !s.offers(Support.PSYCHOLOGICAL)) {
                return Exclusion.PSYCHOLOGICAL_SUPPORT_MISSING;
            }
            if (needs.medicalCare() && !s.offers(Support.MEDICAL)) {
                return Exclusion.MEDICAL_CARE_MISSING;
            }
            if (s.maxCapacity() < size) {
                return Exclusion.NO_UNIT_LARGE_ENOUGH;
            }
            for (int i = 0; i < zoneLat.length; i++) {
                if (zoneDepartments[i] != null && zoneDepartments[i].equals(s.departmentCode())) {
                    return Exclusion.IN_DANGER_ZONE_DEPARTMENT;
                }
            }
            for (int i = 0; i < zoneLat.length; i++) {
                // The north-south gap alone is a lower bound of the distance: far enough means no haversine.
                if (Math.abs(zoneLat[i] - s.latRad) * Place.EARTH_RADIUS_KM < zoneMinKm[i]
                        && Place.distanceKm(zoneLat[i], zoneLon[i], zoneCos[i], s.latRad, s.lonRad, s.cosLat)
                        < zoneMinKm[i]) {
                    return Exclusion.TOO_CLOSE_TO_DANGER_ZONE;
                }
            }
            return addPlaces(s, places) == 0 ? Exclusion.NO_UNIT_AVAILABLE_IN_TIME : null;
        }

        /** Gives the sink every eligible unit of an otherwise eligible shelter; returns how many there were. */
        private int addPlaces(ShelterProfile s, Sink places) {
            int occupied = 0;
            for (UnitProfile u : s.units()) {
                if (u.status() != UnitStatus.FREE || busy(u)) {
                    occupied++;
                }
            }
            double occupancy = s.units().isEmpty() ? 1 : 1 - (double) occupied / s.units().size();
            double travelKm = Double.isNaN(hereLat) ? 0
                    : Place.distanceKm(hereLat, hereLon, hereCos, s.latRad, s.lonRad, s.cosLat);
            double travel = 1 - Math.min(travelKm, rules.travelScaleKm()) / rules.travelScaleKm();
            double languages = languageScore(s);
            double needsScore = !needs.interpreter() || s.offers(Support.INTERPRETER) || sharesLanguage(s) ? 1 : 0;
            MatchingRules.Weights w = rules.weights();
            double fixedPart = w.languages() * languages + w.needs() * needsScore + w.travel() * travel
                    + w.occupancy() * occupancy;
            int eligible = 0;
            for (UnitProfile u : s.units()) {
                if (u.capacity() < size || u.status() == UnitStatus.OUT_OF_SERVICE || busy(u)) {
                    continue;
                }
                Instant from = availableFrom(u);
                if (from == null || from.isAfter(deadline)) {
                    continue;
                }
                double availability = 1 - Math.min(1, (double) Math.max(0, from.toEpochMilli() - now.toEpochMilli())
                        / delayMillis);
                eligible++;
                boolean stale = u.lastConfirmedAt() == null
                        || u.lastConfirmedAt().toEpochMilli() < staleBefore;
                double total = (w.availability() * availability + fixedPart) / weightSum;
                if (places.wants(Candidate.rankKey(total, stale))) {
                    places.add(new Candidate(s.id(), u.id(), u.capacity(), from,
                            new Score(availability, languages, needsScore, travel, occupancy, total, stale,
                                    travelKm)));
                }
            }
            return eligible;
        }

        private boolean busy(UnitProfile u) {
            return !context.busyUnits().isEmpty() && context.busyUnits().contains(u.id());
        }

        private Instant availableFrom(UnitProfile u) {
            return switch (u.status()) {
                case FREE -> u.availableFrom() == null || u.availableFrom().isBefore(now) ? now : u.availableFrom();
                case OCCUPIED -> u.availableFrom() == null ? null
                        : u.availableFrom().isBefore(now) ? now : u.availableFrom();
                case OUT_OF_SERVICE -> null;
            };
        }

        /** 1 when the staff speak one of the person's languages (or none is given), 0.5 with an interpreter. */
        private double languageScore(ShelterProfile s) {
            if (request.languages().isEmpty() || sharesLanguage(s)) {
                return 1;
            }
            return s.offers(Support.INTERPRETER) ? 0.5 : 0;
        }

        private boolean sharesLanguage(ShelterProfile s) {
            for (String language : request.languages()) {
                if (s.languages().contains(language)) {
                    return true;
                }
            }
            return false;
        }
    }
}
