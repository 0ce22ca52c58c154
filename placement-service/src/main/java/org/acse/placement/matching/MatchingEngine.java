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
    private static final int FREE = UnitStatus.FREE.ordinal();
    private static final int OCCUPIED = UnitStatus.OCCUPIED.ordinal();
    private static final int OUT_OF_SERVICE = UnitStatus.OUT_OF_SERVICE.ordinal();
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
        private final Place[] zones;
        private final double[] zoneLimit;
        private final String[] zoneDepartments;
        private final Place here;
        private final double weightSum;
        private final long staleBefore;
        private final long nowMillis;
        private final long deadlineMillis;
        private final UuidSet busyUnits;

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
            zones = new Place[n];
            zoneLimit = new double[n];
            zoneDepartments = new String[n];
            for (int i = 0; i < n; i++) {
                ZoneArea z = request.dangerZones().get(i);
                zones[i] = new Place(z.centre().lat(), z.centre().lon());
                zoneLimit[i] = Place.haversineLimit(minKm + z.radiusKm());
                zoneDepartments[i] = z.departmentCode();
            }
            here = request.currentLocation() == null ? null
                    : new Place(request.currentLocation().lat(), request.currentLocation().lon());
            weightSum = rules.weights().sum();
            staleBefore = now.minus(rules.staleAfter()).toEpochMilli();
            nowMillis = now.toEpochMilli();
            deadlineMillis = deadline.toEpochMilli();
            busyUnits = new UuidSet(context.busyUnits());
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
            for (int i = 0; i < zones.length; i++) {
                if (zoneDepartments[i] != null && zoneDepartments[i].equals(s.departmentCode())) {
                    return Exclusion.IN_DANGER_ZONE_DEPARTMENT;
                }
            }
            for (int i = 0; i < zones.length; i++) {
                if (zones[i].haversine(s.place) < zoneLimit[i]) {
                    return Exclusion.TOO_CLOSE_TO_DANGER_ZONE;
                }
            }
            return addPlaces(s, places) == 0 ? Exclusion.NO_UNIT_AVAILABLE_IN_TIME : null;
        }

        /** Gives the sink every eligible unit of an otherwise eligible shelter; returns how many there were. */
        private int addPlaces(ShelterProfile s, Sink places) {
            int n = s.unitCapacity.length;
            int occupied = 0;
            for (int i = 0; i < n; i++) {
                if (s.unitStatus[i] != FREE || busyUnits.contains(s.unitMost[i], s.unitLeast[i])) {
                    occupied++;
                }
            }
            double occupancy = n == 0 ? 1 : 1 - (double) occupied / n;
            double travelKm = here == null ? 0 : here.distanceKm(s.place);
            double travel = 1 - Math.min(travelKm, rules.travelScaleKm()) / rules.travelScaleKm();
            double languages = languageScore(s);
            double needsScore = !needs.interpreter() || s.offers(Support.INTERPRETER) || sharesLanguage(s) ? 1 : 0;
            MatchingRules.Weights w = rules.weights();
            double fixedPart = w.languages() * languages + w.needs() * needsScore + w.travel() * travel
                    + w.occupancy() * occupancy;
            int eligible = 0;
            for (int i = 0; i < n; i++) {
                int status = s.unitStatus[i];
                long declared = s.unitFrom[i];
                if (s.unitCapacity[i] < size || status == OUT_OF_SERVICE
                        || (status == OCCUPIED && declared == ShelterProfile.NONE)) {
                    continue;
                }
                // Free (from now, or from a declared time) or occupied but freeing at a declared time.
                boolean fromNow = declared == ShelterProfile.NONE || declared <= nowMillis;
                long from = fromNow ? nowMillis : declared;
                if (from > deadlineMillis || busyUnits.contains(s.unitMost[i], s.unitLeast[i])) {
                    continue;
                }
                eligible++;
                double availability = 1 - Math.min(1, (double) (from - nowMillis) / delayMillis);
                boolean stale = s.unitConfirmed[i] == ShelterProfile.NONE || s.unitConfirmed[i] < staleBefore;
                double total = (w.availability() * availability + fixedPart) / weightSum;
                if (places.wants(Candidate.rankKey(total, stale))) {
                    UnitProfile u = s.units().get(i);
                    places.add(new Candidate(s.id(), u.id(), u.capacity(), fromNow ? now : u.availableFrom(),
                            new Score(availability, languages, needsScore, travel, occupancy, total, stale,
                                    travelKm)));
                }
            }
            return eligible;
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
