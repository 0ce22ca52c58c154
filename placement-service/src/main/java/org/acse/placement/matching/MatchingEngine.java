package org.acse.placement.matching;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;
import java.util.UUID;
import org.acse.common.events.Household;
import org.acse.common.events.Needs;

/**
 * The matching rules of product §5 as a plain, deterministic function of a referral, a moment and the shelter network.
 * A search ({@link #candidates}) starts from the shelters that pass the constraints indexed as bit sets
 * ({@link ShelterIndex}), checks the rest (children, unit size, danger-zone departments, then distances) only for
 * those, looks at a shelter's units only if the best they could score enters the ranked few it returns, and builds a
 * place only if it does. The explanation ({@link #explain}) is
 * computed on demand: every shelter through every hard constraint in the order of product §5, so that each gets the
 * first constraint it fails, or its best place and its score.
 * <p>
 * A preferred scheme of places ({@link MatchRequest#preferredScheme}) is a term of the ranking, weighed only for
 * shelters that already passed every hard constraint: it can reorder eligible places, never make a shelter eligible.
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
    public List<Candidate> candidates(
            MatchRequest request, MatchContext context, Collection<ShelterProfile> shelters, int limit) {
        return candidates(request, context, ShelterIndex.of(shelters), limit);
    }

    /** The best {@code limit} eligible places, best first. */
    public List<Candidate> candidates(MatchRequest request, MatchContext context, ShelterIndex shelters, int limit) {
        Top top = new Top(limit);
        new Search(request, context, shelters).scan(top);
        return top.ranked();
    }

    /** Every shelter's verdict: eligible ones ranked first (with their best place), then the excluded by code. */
    public List<Evaluation> explain(MatchRequest request, MatchContext context, Collection<ShelterProfile> shelters) {
        return explain(request, context, ShelterIndex.of(shelters));
    }

    /** Every shelter's verdict: eligible ones ranked first (with their best place), then the excluded by code. */
    public List<Evaluation> explain(MatchRequest request, MatchContext context, ShelterIndex shelters) {
        Search search = new Search(request, context, shelters);
        List<Evaluation> eligible = new ArrayList<>();
        List<Evaluation> excluded = new ArrayList<>();
        Top best = new Top(1);
        for (int slot = 0; slot < shelters.size(); slot++) {
            ShelterProfile shelter = shelters.at(slot);
            best.clear();
            Exclusion exclusion = search.evaluate(slot, best);
            if (exclusion == null) {
                eligible.add(new Evaluation(
                        shelter.id(),
                        shelter.code(),
                        shelter.schemeCode(),
                        null,
                        best.ranked().get(0)));
            } else {
                excluded.add(new Evaluation(shelter.id(), shelter.code(), shelter.schemeCode(), exclusion, null));
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
        Sink all = new Sink() {
            @Override
            void add(Candidate candidate) {
                places.add(candidate);
            }
        };
        Exclusion exclusion = new Search(request, context, ShelterIndex.of(List.of(shelter))).evaluate(0, all);
        if (exclusion != null) {
            return new Evaluation(shelter.id(), shelter.code(), shelter.schemeCode(), exclusion, null);
        }
        return places.stream()
                .filter(c -> c.unitId().equals(unitId))
                .findFirst()
                .map(c -> new Evaluation(shelter.id(), shelter.code(), shelter.schemeCode(), null, c))
                .orElseGet(() -> new Evaluation(
                        shelter.id(), shelter.code(), shelter.schemeCode(), Exclusion.NO_UNIT_AVAILABLE_IN_TIME, null));
    }

    /** Where a search puts eligible places; {@code wants} lets it skip building places that would be dropped. */
    private abstract static class Sink {
        boolean wants(double rankKey) {
            return true;
        }

        /**
         * Whether a shelter whose places rank at best {@code rankKey}, with {@code smallestFit} the smallest of its
         * units that fit, could give a place that enters.
         */
        boolean wantsShelter(double rankKey, int smallestFit, UUID shelterId) {
            return true;
        }

        abstract void add(Candidate candidate);
    }

    /**
     * The best {@code limit} places seen: a bounded heap whose head is the worst kept, so O(n log limit), and a place
     * that cannot beat the worst kept one is not even built.
     */
    private static final class Top extends Sink {
        private final int limit;
        private final PriorityQueue<Candidate> heap;

        Top(int limit) {
            this.limit = limit;
            this.heap = new PriorityQueue<>(Math.min(limit, 1024) + 1, Candidate.RANKING.reversed());
        }

        @Override
        boolean wants(double rankKey) {
            return heap.size() < limit || rankKey >= heap.peek().rankKey();
        }

        @Override
        boolean wantsShelter(double rankKey, int smallestFit, UUID shelterId) {
            if (heap.size() < limit) {
                return true;
            }
            // Candidate.RANKING against the worst kept place: score, then the smaller unit, then the shelter id.
            Candidate worst = heap.peek();
            int c = Double.compare(rankKey, worst.rankKey());
            if (c != 0) {
                return c > 0;
            }
            c = Integer.compare(smallestFit, worst.capacity());
            if (c != 0) {
                return c < 0;
            }
            return shelterId.compareTo(worst.shelterId()) < 0;
        }

        @Override
        void add(Candidate c) {
            heap.add(c);
            if (heap.size() > limit) {
                heap.poll();
            }
        }

        void clear() {
            heap.clear();
        }

        List<Candidate> ranked() {
            List<Candidate> ranked = new ArrayList<>(heap);
            ranked.sort(Candidate.RANKING);
            return ranked;
        }
    }

    /** The per-referral constants of one search, computed once. */
    private final class Search {
        private final MatchRequest request;
        private final MatchContext context;
        private final ShelterIndex index;
        private final Household household;
        private final Needs needs;
        private final int size;
        private final Instant now;
        private final long delayNanos;
        private final Place[] zones;
        private final double[] zoneLimit;
        private final int[] zoneDepartments;
        private final Place here;
        private final double weightSum;
        /** The preferred scheme's id in the index (-1: none asked for, or no shelter of it) and its weight here. */
        private final int preferredScheme;

        private final double schemeWeight;
        private final long staleBefore;
        private final long nowNanos;
        private final long deadlineNanos;
        /** The units held right now. */
        private final UuidSet busy;

        Search(MatchRequest request, MatchContext context, ShelterIndex index) {
            this.request = request;
            this.context = context;
            this.index = index;
            this.household = request.household();
            this.needs = request.needs();
            this.size = household.size();
            this.now = context.now();
            Duration delay = rules.delay(request.urgency());
            this.delayNanos = Math.max(1, ShelterProfile.nanos(now.plus(delay)) - ShelterProfile.nanos(now));
            int minKm = request.minDistanceKm() > 0 ? request.minDistanceKm() : rules.defaultMinDistanceKm();
            int n = request.dangerZones().size();
            zones = new Place[n];
            zoneLimit = new double[n];
            zoneDepartments = new int[n];
            for (int i = 0; i < n; i++) {
                ZoneArea z = request.dangerZones().get(i);
                zones[i] = new Place(z.centre().lat(), z.centre().lon());
                zoneLimit[i] = Place.haversineLimit(minKm + z.radiusKm());
                zoneDepartments[i] = index.knownDepartment(z.departmentCode());
            }
            here = request.currentLocation() == null
                    ? null
                    : new Place(
                            request.currentLocation().lat(),
                            request.currentLocation().lon());
            preferredScheme = index.knownScheme(request.preferredScheme());
            schemeWeight = preferredScheme >= 0 ? rules.weights().scheme() : 0;
            weightSum = rules.weights().sum() + schemeWeight;
            staleBefore = ShelterProfile.nanos(now.minus(rules.staleAfter()));
            nowNanos = ShelterProfile.nanos(now);
            deadlineNanos = ShelterProfile.nanos(now.plus(delay));
            busy = new UuidSet(context.busyUnits());
        }

        /** The search: only the shelters that pass the indexed constraints are visited. */
        void scan(Top top) {
            long[] passing = index.passing(
                    household.gender(),
                    household.hasChildren(),
                    needs.wheelchairAccess(),
                    needs.psychologicalSupport(),
                    needs.medicalCare());
            for (UUID refused : context.excludedShelters()) {
                int slot = index.slot(refused);
                if (slot >= 0) {
                    passing[slot >>> 6] &= ~(1L << slot);
                }
            }
            for (int w = 0; w < passing.length; w++) {
                for (long word = passing[w]; word != 0; word &= word - 1) {
                    int slot = (w << 6) + Long.numberOfTrailingZeros(word);
                    if (index.maxCapacity[slot] >= size
                            && childrenAccepted(index.at(slot)) == null
                            && outsideDangerZones(slot) == null) {
                        addPlaces(slot, top, true);
                    }
                }
            }
        }

        /**
         * The explanation of one shelter: null and its eligible places given to the sink, or the first hard
         * constraint of product §5 it fails.
         */
        Exclusion evaluate(int slot, Sink places) {
            ShelterProfile s = index.at(slot);
            if (!s.active()) {
                return Exclusion.SHELTER_INACTIVE;
            }
            if (context.excludedShelters().contains(s.id())) {
                return Exclusion.ALREADY_DECLINED_OR_EXPIRED;
            }
            if (!s.accepts(household.gender())) {
                return Exclusion.GENDER_NOT_ACCEPTED;
            }
            Exclusion children = childrenAccepted(s);
            if (children != null) {
                return children;
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
            Exclusion zone = outsideDangerZones(slot);
            if (zone != null) {
                return zone;
            }
            return addPlaces(slot, places, false) == 0 ? Exclusion.NO_UNIT_AVAILABLE_IN_TIME : null;
        }

        private Exclusion childrenAccepted(ShelterProfile s) {
            if (!household.hasChildren()) {
                return null;
            }
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
            return null;
        }

        private Exclusion outsideDangerZones(int slot) {
            int department = index.department[slot];
            for (int zoneDepartment : zoneDepartments) {
                if (zoneDepartment >= 0 && zoneDepartment == department) {
                    return Exclusion.IN_DANGER_ZONE_DEPARTMENT;
                }
            }
            for (int i = 0; i < zones.length; i++) {
                if (zones[i].haversine(index.sinLat[slot], index.cosLat[slot], index.sinLon[slot], index.cosLon[slot])
                        < zoneLimit[i]) {
                    return Exclusion.TOO_CLOSE_TO_DANGER_ZONE;
                }
            }
            return null;
        }

        /**
         * Gives the sink the eligible units of an otherwise eligible shelter; returns how many there were, or -1
         * when {@code prune} and none of them could enter the sink (not counted then: a search needs no count).
         */
        private int addPlaces(int slot, Sink places, boolean prune) {
            ShelterProfile s = index.at(slot);
            int n = s.unitCount();
            double travelKm = here == null
                    ? 0
                    : Place.kilometres(here.haversine(
                            index.sinLat[slot], index.cosLat[slot], index.sinLon[slot], index.cosLon[slot]));
            double travel = 1 - Math.min(travelKm, rules.travelScaleKm()) / rules.travelScaleKm();
            double languages = languageScore(s);
            double needsScore = !needs.interpreter() || s.offers(Support.INTERPRETER) || sharesLanguage(s) ? 1 : 0;
            MatchingRules.Weights w = rules.weights();
            // The preferred scheme only adds to the score of a shelter that passed every hard constraint.
            boolean inScheme = preferredScheme >= 0 && index.scheme[slot] == preferredScheme;
            double partWithoutOccupancy = w.languages() * languages
                    + w.needs() * needsScore
                    + w.travel() * travel
                    + (inScheme ? schemeWeight : 0);
            Double schemeScore = preferredScheme < 0 ? null : inScheme ? 1.0 : 0.0;
            if (prune) {
                // The best any unit here could score: available now, fresh, and the occupancy before holds (holds
                // only lower it). If even that cannot enter the top, the units are not looked at.
                double mostFree = n == 0 ? 1 : 1 - (double) s.notFree / n;
                double best =
                        Math.max(w.availability(), 0) + partWithoutOccupancy + Math.max(w.occupancy() * mostFree, 0);
                // (A hair above, so that rounding never prunes a place that ties with the worst kept one.)
                if (!places.wants(Candidate.rankKey(best / weightSum + 1e-9, false))) {
                    return -1;
                }
            }
            int occupied = s.notFree;
            int smallestFit = Integer.MAX_VALUE;
            for (int i = 0; i < n; i++) {
                if (s.unitStatus[i] == FREE && busy.contains(s.unitMost[i], s.unitLeast[i])) {
                    occupied++;
                }
                if (s.unitCapacity[i] >= size) {
                    smallestFit = Math.min(smallestFit, s.unitCapacity[i]);
                }
            }
            double occupancy = n == 0 ? 1 : 1 - (double) occupied / n;
            double fixedPart = partWithoutOccupancy + w.occupancy() * occupancy;
            // Exactly the total of a fresh unit available now (no unit here scores more): on a tie with the worst
            // kept place, the tie-breakers decide whether any unit here could still enter.
            if (prune
                    && !places.wantsShelter(
                            Candidate.rankKey((Math.max(w.availability(), 0) + fixedPart) / weightSum, false),
                            smallestFit,
                            s.id())) {
                return -1;
            }
            int eligible = 0;
            for (int i = 0; i < n; i++) {
                int status = s.unitStatus[i];
                long declared = s.unitFrom[i];
                if (s.unitCapacity[i] < size
                        || status == OUT_OF_SERVICE
                        || (status == OCCUPIED && declared == ShelterProfile.NONE)) {
                    continue;
                }
                // Free (from now, or from a declared time) or occupied but freeing at a declared time.
                boolean fromNow = declared == ShelterProfile.NONE || declared <= nowNanos;
                long from = fromNow ? nowNanos : declared;
                if (from > deadlineNanos || busy.contains(s.unitMost[i], s.unitLeast[i])) {
                    continue;
                }
                eligible++;
                double availability = 1 - Math.min(1, (double) (from - nowNanos) / delayNanos);
                boolean stale = s.unitConfirmed[i] == ShelterProfile.NONE || s.unitConfirmed[i] < staleBefore;
                double total = (w.availability() * availability + fixedPart) / weightSum;
                if (places.wants(Candidate.rankKey(total, stale))) {
                    places.add(new Candidate(
                            s.id(),
                            new UUID(s.unitMost[i], s.unitLeast[i]),
                            s.unitCapacity[i],
                            fromNow ? now : ShelterProfile.instant(declared),
                            new Score(
                                    availability,
                                    languages,
                                    needsScore,
                                    travel,
                                    occupancy,
                                    total,
                                    stale,
                                    travelKm,
                                    schemeScore,
                                    inScheme)));
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
                if (s.speaks(language)) {
                    return true;
                }
            }
            return false;
        }
    }
}
