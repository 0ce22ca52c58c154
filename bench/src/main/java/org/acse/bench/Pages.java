package org.acse.bench;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;
import org.acse.suite.KeycloakServer;
import org.acse.suite.Suite;
import org.acse.testsupport.FormBrowser;
import org.jboss.logging.Logger;

/**
 * The web application's pages over a month of data: the suite with the web application and the real Keycloak, 10,000
 * shelters and 10,000 referrals seeded through the services' APIs (so every row, encrypted identity included, is what
 * the services write), then partners, a shelter team and a coordinator signed in through Keycloak's login form, each
 * asking for every page of their role in turn for a fixed time. Writes {@code <out>/pages/REPORT.md}.
 */
final class Pages {
    private static final Logger LOG = Logger.getLogger(Pages.class);
    static final String PASSWORD = "demo";
    static final long TARGET_P95_MILLIS = 200;
    static final long TARGET_RSS_MB = 300;
    private static final List<String> COMMUNES = List.of(
            "75056", "69123", "59350", "33063", "44109", "67482", "31555", "35238", "29019", "21231", "13055", "34172",
            "76540", "51454", "37261", "63113", "87085", "25056", "54395", "49007");
    private static final String[] NAMES = {
        "Amara", "Ioana", "Blessing", "Mihaela", "Joy", "Elena", "Grace", "Ana", "Favour", "Maria", "Precious", "Lina"
    };
    private static final String[] SURNAMES = {
        "Okafor", "Popescu", "Eze", "Ionescu", "Adeyemi", "Dumitru", "Obi", "Stan", "Nwosu", "Rusu", "Bello", "Marin"
    };

    /** What the scenario takes from the command line. */
    record Settings(int shelters, int referrals, int concurrency, int seconds, int threads) {}

    /** One page a person asks for, named as the report names it. */
    record Page(String role, String name, Supplier<String> path, boolean htmx) {}

    private Pages() {}

    static void run(Bench.Options o, Settings s, Path logs) throws IOException {
        String loadAtStart = Machine.loadAverage();
        Instant began = Instant.now();
        Map<String, String> seeding = new LinkedHashMap<>();
        try (SuiteUnderTest suite = SuiteUnderTest.startWithWeb(o.apps(), logs, SuiteUnderTest.SERVICE_JVM_OPTIONS);
                RssSampler rss = new RssSampler(suite, Suite.SERVICES_AND_WEB);
                EventWatcher events = new EventWatcher(suite.broker.bootstrapServers())) {
            KeycloakServer keycloak = suite.suite().keycloak().orElseThrow();
            Tokens tokens = new Tokens(keycloak);
            String web = suite.url(Suite.WEB);

            long t = System.nanoTime();
            List<UUID> shelters = seedShelters(suite.placement(), tokens, s.shelters(), s.threads());
            seeding.put("shelters", String.format("%,d shelters created in %.0f s", shelters.size(), secs(t)));
            LOG.info(seeding.get("shelters"));

            t = System.nanoTime();
            int lyon = s.referrals() / 10;
            List<String> accepted = seedReferrals(suite.intake(), tokens, s.referrals() - lyon, lyon, s.threads());
            Bench.awaitFinal(events, Set.copyOf(accepted), Duration.ofMinutes(20));
            seeding.put(
                    "referrals",
                    String.format(
                            "%,d referrals submitted and matched (proposed or no-match on the broker) in %.0f s",
                            accepted.size(), secs(t)));
            LOG.info(seeding.get("referrals"));

            t = System.nanoTime();
            String decided = decide(suite, tokens, s.threads());
            awaitSettled(suite, Duration.ofMinutes(5));
            seeding.put("decisions", decided + String.format(", in %.0f s", secs(t)));
            LOG.info(seeding.get("decisions"));
            Map<String, Long> intakeStates = counts(suite, "SELECT status, count(*) FROM intake.referral GROUP BY 1");
            Map<String, Long> placementStates =
                    counts(suite, "SELECT status, count(*) FROM placement.placement GROUP BY 1");

            // The shelter team with the most proposals over the month: the heaviest staff pages.
            UUID busiest = UUID.fromString(single(
                    suite,
                    "SELECT shelter_id FROM placement.placement GROUP BY shelter_id ORDER BY count(*) DESC LIMIT 1"));
            keycloak.createUser("staff.bench", PASSWORD, "shelter-staff", Map.of("shelter_id", busiest.toString()));
            Ids ids = new Ids(suite, busiest);

            List<Page> pages = pages(ids);
            Map<String, ConcurrentHistogram> latency = new LinkedHashMap<>();
            Map<String, AtomicLong> errors = new ConcurrentHashMap<>();
            for (Page p : pages) {
                latency.put(p.role() + " " + p.name(), new ConcurrentHistogram(OpenLoad.HIGHEST_NANOS, 3));
                errors.put(p.role() + " " + p.name(), new AtomicLong());
            }
            List<String> users = List.of("partner.nice", "staff.bench", "coordinator");
            List<Session> sessions = new ArrayList<>();
            for (int i = 0; i < s.concurrency(); i++) {
                String user = users.get(i % users.size());
                for (int attempt = 1; ; attempt++) {
                    try {
                        sessions.add(Session.signIn(web, user));
                        break;
                    } catch (RuntimeException e) {
                        if (attempt == 3) {
                            throw e;
                        }
                        LOG.warnf("sign-in of %s failed (%s), again", user, e.getMessage());
                    }
                }
            }
            // Warm-up, not reported: every page once per session.
            for (Session session : sessions) {
                for (Page p : pages) {
                    if (p.role().equals(session.role)) {
                        session.get(p.path().get(), p.htmx());
                    }
                }
            }
            LOG.infof("pages: %d sessions for %d s", sessions.size(), s.seconds());
            String loadBefore = Machine.loadAverage();
            rss.reset();
            CpuAccount cpu = new CpuAccount(suite);
            Map<String, Long> cpuBefore = cpu.snapshot();
            long webCpuBefore = CpuAccount.ofPid(suite.service(Suite.WEB).pid());
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(s.seconds());
            AtomicLong requests = new AtomicLong();
            ExecutorService pool = Executors.newFixedThreadPool(sessions.size());
            List<Future<?>> running = new ArrayList<>();
            for (Session session : sessions) {
                List<Page> mine = pages.stream()
                        .filter(p -> p.role().equals(session.role))
                        .toList();
                running.add(pool.submit(() -> {
                    int i = ThreadLocalRandom.current().nextInt(mine.size());
                    while (System.nanoTime() < deadline) {
                        Page p = mine.get(i++ % mine.size());
                        String key = p.role() + " " + p.name();
                        long begin = System.nanoTime();
                        int status = session.get(p.path().get(), p.htmx());
                        long took = System.nanoTime() - begin;
                        requests.incrementAndGet();
                        if (status == 200) {
                            latency.get(key).recordValue(Math.min(OpenLoad.HIGHEST_NANOS, took));
                        } else {
                            errors.get(key).incrementAndGet();
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> f : running) {
                f.get();
            }
            pool.shutdown();
            Map<String, Long> cpuUsed = CpuAccount.since(cpuBefore, cpu.snapshot());
            cpuUsed.put("web", CpuAccount.ofPid(suite.service(Suite.WEB).pid()) - webCpuBefore);
            String loadAfter = Machine.loadAverage();
            write(
                    o,
                    s,
                    began,
                    loadAtStart,
                    loadBefore,
                    loadAfter,
                    seeding,
                    intakeStates,
                    placementStates,
                    latency,
                    errors,
                    rss.peakMb(),
                    cpuUsed,
                    requests.get());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException("a session broke off", e.getCause());
        }
    }

    /** Every page of each role, with the htmx fragments the pages load (hx-get of itself, the commune search). */
    static List<Page> pages(Ids ids) {
        List<Page> p = new ArrayList<>();
        p.add(new Page("partner.nice", "/partner (list)", () -> "/partner", false));
        p.add(new Page(
                "partner.nice",
                "/partner?status=ARRIVED&page=n",
                () -> "/partner?status=ARRIVED&page="
                        + ThreadLocalRandom.current().nextInt(20),
                false));
        p.add(new Page("partner.nice", "/partner?status=PROPOSED", () -> "/partner?status=PROPOSED", false));
        p.add(new Page(
                "partner.nice",
                "/partner?page=n (deep)",
                () -> "/partner?page=" + ThreadLocalRandom.current().nextInt(400),
                false));
        p.add(new Page("partner.nice", "/partner (htmx refresh)", () -> "/partner", true));
        p.add(new Page(
                "partner.nice", "/partner/referrals/{id}", () -> "/partner/referrals/" + ids.partnerReferral(), false));
        p.add(new Page("partner.nice", "/partner/referrals/new", () -> "/partner/referrals/new", false));
        p.add(new Page("partner.nice", "/communes?q= (htmx)", () -> "/communes?q=" + ids.communeQuery(), true));

        p.add(new Page("staff.bench", "/staff (proposals)", () -> "/staff", false));
        p.add(new Page("staff.bench", "/staff (htmx refresh)", () -> "/staff", true));
        p.add(new Page("staff.bench", "/staff/places", () -> "/staff/places", false));
        p.add(new Page("staff.bench", "/staff/history", () -> "/staff/history", false));
        p.add(new Page("staff.bench", "/staff/history?status=ARRIVED", () -> "/staff/history?status=ARRIVED", false));
        p.add(new Page(
                "staff.bench", "/staff/placements/{id}", () -> "/staff/placements/" + ids.staffPlacement(), false));

        p.add(new Page("coordinator", "/coordinator (board)", () -> "/coordinator", false));
        p.add(new Page("coordinator", "/coordinator (htmx refresh)", () -> "/coordinator", true));
        p.add(new Page(
                "coordinator",
                "/coordinator/referrals/{id} (matching)",
                () -> "/coordinator/referrals/" + ids.anyReferral(),
                false));
        p.add(new Page("coordinator", "/coordinator/decisions", () -> "/coordinator/decisions", false));
        p.add(new Page("coordinator", "/coordinator/shelters", () -> "/coordinator/shelters", false));
        p.add(new Page(
                "coordinator",
                "/coordinator/shelters?q=",
                () -> "/coordinator/shelters?q=" + ids.shelterQuery(),
                false));
        p.add(new Page(
                "coordinator",
                "/coordinator/shelters?page=n",
                () -> "/coordinator/shelters?page="
                        + ThreadLocalRandom.current().nextInt(400),
                false));
        p.add(new Page(
                "coordinator", "/coordinator/shelters/{id}", () -> "/coordinator/shelters/" + ids.shelter(), false));
        p.add(new Page("coordinator", "/coordinator/log/deliveries", () -> "/coordinator/log/deliveries", false));
        for (String service : List.of("intake", "placement", "notification")) {
            p.add(new Page(
                    "coordinator",
                    "/coordinator/log/audit?service=" + service,
                    () -> "/coordinator/log/audit?service=" + service,
                    false));
        }
        p.add(new Page("coordinator", "/coordinator/figures", () -> "/coordinator/figures", false));
        return p;
    }

    /** Access tokens from Keycloak by password grant, each reused for a minute (the realm gives 15). */
    static final class Tokens {
        private final KeycloakServer keycloak;
        private final Map<String, String> tokens = new ConcurrentHashMap<>();
        private final Map<String, Long> until = new ConcurrentHashMap<>();

        Tokens(KeycloakServer keycloak) {
            this.keycloak = keycloak;
        }

        synchronized String of(String user) {
            if (System.nanoTime() > until.getOrDefault(user, 0L)) {
                tokens.put(user, keycloak.passwordToken(user, PASSWORD));
                until.put(user, System.nanoTime() + TimeUnit.MINUTES.toNanos(1));
            }
            return tokens.get(user);
        }
    }

    /** 10,000 shelters as the registry has them: various publics, 1 to 3 units, a few in the danger zone's department. */
    static List<UUID> seedShelters(String placement, Tokens tokens, int count, int threads) {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<UUID>> futures = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                int n = i;
                futures.add(pool.submit(() -> {
                    Json.Answer a =
                            Json.send("POST", placement + "/api/v1/shelters", tokens.of("coordinator"), shelterBody(n));
                    if (a.status() != 201 || a.body() == null) {
                        throw new IllegalStateException("shelter " + n + " refused: " + a.status() + " " + a.raw());
                    }
                    return UUID.fromString(a.body().path("id").asText());
                }));
            }
            List<UUID> ids = new ArrayList<>();
            for (Future<UUID> f : futures) {
                ids.add(f.get());
            }
            return ids;
        } catch (Exception e) {
            throw new IllegalStateException("cannot create shelters", e);
        } finally {
            pool.shutdownNow();
        }
    }

    static Map<String, Object> shelterBody(int n) {
        Random r = new Random(n);
        // One shelter in 200 is in Nice, the referrals' danger zone, and the only kind with wheelchair access: the
        // referrals that need it find nothing (no-match), as a part of a real month's do.
        boolean inDanger = n % 200 == 0;
        List<String> genders = switch (n % 7) {
            case 0, 1, 2, 3 -> List.of("FEMALE", "NON_BINARY");
            case 4, 5 -> List.of("FEMALE", "MALE", "NON_BINARY");
            default -> List.of("MALE");
        };
        List<Map<String, Object>> units = new ArrayList<>();
        for (int u = 0; u <= n % 3; u++) {
            units.add(Map.of("capacity", 1 + r.nextInt(4)));
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("code", "SH-" + n);
        body.put("name", "Maison " + COMMUNES.get(n % COMMUNES.size()) + " " + n);
        body.put("communeCode", inDanger ? "06088" : COMMUNES.get(n % COMMUNES.size()));
        body.put("address", n + " rue des Tilleuls");
        body.put("active", true);
        body.put("accepts", Map.of("genders", genders, "families", n % 3 != 0, "maxChildren", 1 + n % 3));
        body.put("wheelchairAccessible", inDanger);
        body.put("support", r.nextBoolean() ? List.of("PSYCHOLOGICAL", "LEGAL") : List.of("MEDICAL"));
        body.put("languages", r.nextBoolean() ? List.of("fr", "en") : List.of("fr", "ro", "en"));
        body.put("units", units);
        return body;
    }

    /**
     * The referrals, as careful partners send them: a few at a time (a closed loop per thread, so an overloaded
     * machine slows the seeding instead of dropping referrals), each with its own {@code Idempotency-Key}, sent again
     * with the same key after a 503 or no answer. Returns the ids of the referrals intake created.
     */
    static List<String> seedReferrals(String intake, Tokens tokens, int nice, int lyon, int threads) {
        HttpClient http =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        List<String> created = Collections.synchronizedList(new ArrayList<>());
        AtomicLong next = new AtomicLong();
        int total = nice + lyon;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                futures.add(pool.submit(() -> {
                    for (long n = next.getAndIncrement(); n < total; n = next.getAndIncrement()) {
                        String user = n < nice ? "partner.nice" : "partner.lyon";
                        String key = "pages-" + UUID.randomUUID();
                        String body = referralBody();
                        for (int attempt = 0; ; attempt++) {
                            HttpResponse<String> r;
                            try {
                                r = http.send(
                                        HttpRequest.newBuilder(URI.create(intake + "/api/v1/referrals"))
                                                .timeout(Duration.ofSeconds(60))
                                                .header("Authorization", "Bearer " + tokens.of(user))
                                                .header("Content-Type", "application/json")
                                                .header("Idempotency-Key", key)
                                                .POST(HttpRequest.BodyPublishers.ofString(body))
                                                .build(),
                                        HttpResponse.BodyHandlers.ofString());
                            } catch (IOException e) {
                                r = null;
                            }
                            if (r != null && r.statusCode() == 201) {
                                created.add(Json.MAPPER
                                        .readTree(r.body())
                                        .path("id")
                                        .asText());
                                break;
                            }
                            if (attempt >= 10 || (r != null && r.statusCode() != 503 && r.statusCode() != 502)) {
                                throw new IllegalStateException("referral refused: "
                                        + (r == null ? "no answer" : r.statusCode() + " " + r.body()));
                            }
                            Bench.until(() -> false, Duration.ofSeconds(1));
                        }
                        if (n % 1000 == 999) {
                            LOG.infof("%d referrals submitted", n + 1);
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> f : futures) {
                f.get();
            }
            return List.copyOf(created);
        } catch (Exception e) {
            throw new IllegalStateException("cannot submit the referrals", e);
        } finally {
            pool.shutdownNow();
        }
    }

    /** A referral from Nice as a partner writes it: a name and birth date (encrypted by intake), various needs. */
    static String referralBody() {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        LocalDate born = LocalDate.of(1966 + r.nextInt(40), 1 + r.nextInt(12), 1 + r.nextInt(28));
        String children = r.nextInt(4) == 0 ? "[{\"age\":" + (1 + r.nextInt(12)) + "}]" : "[]";
        String gender = r.nextInt(8) == 0 ? "MALE" : "FEMALE";
        boolean wheelchair = r.nextInt(9) == 0;
        String urgency = r.nextBoolean() ? "WITHIN_72H" : "WITHIN_7_DAYS";
        return """
                {"person":{"firstName":"%s","lastName":"%s-%d","birthDate":"%s","nationality":"RO","phone":"+336%08d"},\
                "gender":"%s","children":%s,"languages":["ro","fr"],\
                "needs":{"wheelchairAccess":%b,"psychologicalSupport":%b,"medicalCare":false,"interpreter":false},\
                "exploitation":["SEXUAL"],"dangerZones":[{"communeCode":"06088"}],\
                "currentLocation":{"communeCode":"06088"},"urgency":"%s",\
                "consent":{"dataSharing":true,"recordedAt":"2026-11-02T08:00:00Z"},"notes":"Suivi par l'équipe de Nice."}""".formatted(
                        NAMES[r.nextInt(NAMES.length)],
                        SURNAMES[r.nextInt(SURNAMES.length)],
                        r.nextInt(100_000),
                        born,
                        r.nextInt(100_000_000),
                        gender,
                        children,
                        wheelchair,
                        r.nextBoolean(),
                        urgency);
    }

    /**
     * What happens to the proposals over a month, through the services' APIs: about half accepted and most of those
     * arrived, some declined (the next shelter is proposed), some withdrawn by the partner, the rest still held.
     */
    static String decide(SuiteUnderTest suite, Tokens tokens, int threads) {
        List<String[]> held = rows(
                suite,
                "SELECT p.id, p.referral_id, r.organisation_id FROM placement.placement p"
                        + " JOIN intake.referral r ON r.id = p.referral_id WHERE p.status = 'HELD'");
        Collections.shuffle(held, new Random(7));
        Map<String, AtomicLong> done = new ConcurrentHashMap<>();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int i = 0; i < held.size(); i++) {
                String[] row = held.get(i);
                int slot = i % 100;
                futures.add(pool.submit(() -> {
                    try {
                        decideOne(suite, tokens, row, slot, done);
                    } catch (RuntimeException e) {
                        done.computeIfAbsent("not answered", k -> new AtomicLong())
                                .incrementAndGet();
                    }
                    return null;
                }));
            }
            for (Future<?> f : futures) {
                f.get();
            }
        } catch (Exception e) {
            throw new IllegalStateException("cannot decide the proposals", e);
        } finally {
            pool.shutdownNow();
        }
        StringBuilder b = new StringBuilder(String.format("%,d proposals: ", held.size()));
        done.forEach((k, v) -> b.append(String.format("%,d %s; ", v.get(), k)));
        return b.substring(0, b.length() - 2);
    }

    private static void decideOne(
            SuiteUnderTest suite, Tokens tokens, String[] row, int slot, Map<String, AtomicLong> done) {
        String placement = suite.placement() + "/api/v1/placements/" + row[0];
        String coordinator = tokens.of("coordinator");
        String what;
        if (slot < 40) {
            what = ok(Json.send("POST", placement + "/accept", coordinator, null))
                            && ok(Json.send("POST", placement + "/arrival", coordinator, null))
                    ? "accepted then arrived"
                    : "refused";
        } else if (slot < 52) {
            what = ok(Json.send("POST", placement + "/accept", coordinator, null)) ? "accepted" : "refused";
        } else if (slot < 62) {
            what = ok(Json.send("POST", placement + "/decline", coordinator, Map.of("reason", "NO_LONGER_AVAILABLE")))
                    ? "declined (next shelter proposed)"
                    : "refused";
        } else if (slot < 70) {
            String partner = "org-nice".equals(row[2]) ? "partner.nice" : "partner.lyon";
            what = ok(Json.send(
                            "POST",
                            suite.intake() + "/api/v1/referrals/" + row[1] + "/withdraw",
                            tokens.of(partner),
                            Map.of("reason", "Placée par un autre réseau")))
                    ? "withdrawn by the partner"
                    : "refused";
        } else {
            what = "left held";
        }
        done.computeIfAbsent(what, k -> new AtomicLong()).incrementAndGet();
    }

    private static boolean ok(Json.Answer a) {
        return a.status() / 100 == 2;
    }

    /** Until intake's statuses stop changing for 10 s: every placement event has reached the partner's timeline. */
    static void awaitSettled(SuiteUnderTest suite, Duration timeout) {
        long end = System.nanoTime() + timeout.toNanos();
        Map<String, Long> last = Map.of();
        long stableSince = System.nanoTime();
        while (System.nanoTime() < end) {
            Map<String, Long> now = counts(
                    suite,
                    "SELECT status || '/' || (SELECT count(*) FROM placement.placement), count(*) FROM intake.referral GROUP BY 1");
            if (!now.equals(last)) {
                last = now;
                stableSince = System.nanoTime();
            } else if (System.nanoTime() - stableSince > TimeUnit.SECONDS.toNanos(10)) {
                return;
            }
            Bench.until(() -> false, Duration.ofSeconds(1));
        }
    }

    /** Ids for the pages, read from the services' schemas (the pages themselves go through the web application). */
    static final class Ids {
        final List<String> partnerReferrals;
        final List<String> anyReferrals;
        final List<String> shelters;
        final List<String> shelterCodes;
        final List<String> staffPlacements;

        Ids(SuiteUnderTest suite, UUID busiest) {
            partnerReferrals = column(
                    suite,
                    "SELECT id FROM intake.referral WHERE organisation_id = 'org-nice'"
                            + " ORDER BY random() LIMIT 500");
            anyReferrals = column(suite, "SELECT id FROM intake.referral ORDER BY random() LIMIT 500");
            shelters = column(suite, "SELECT id FROM placement.shelter ORDER BY random() LIMIT 500");
            shelterCodes = column(suite, "SELECT code FROM placement.shelter ORDER BY random() LIMIT 500");
            staffPlacements = column(suite, "SELECT id FROM placement.placement WHERE shelter_id = '" + busiest + "'");
        }

        private static String pick(List<String> from) {
            return from.get(ThreadLocalRandom.current().nextInt(from.size()));
        }

        String partnerReferral() {
            return pick(partnerReferrals);
        }

        String anyReferral() {
            return pick(anyReferrals);
        }

        String shelter() {
            return pick(shelters);
        }

        String staffPlacement() {
            return pick(staffPlacements);
        }

        /** A part of a code or a name, as a coordinator types it. */
        String shelterQuery() {
            String code = pick(shelterCodes);
            return ThreadLocalRandom.current().nextBoolean()
                    ? code
                    : URLEncoder.encode("Maison 69123", StandardCharsets.UTF_8);
        }

        String communeQuery() {
            return List.of("lyo", "mars", "bord", "nant", "stras", "toul")
                    .get(ThreadLocalRandom.current().nextInt(6));
        }
    }

    /** One person signed in to the web application through Keycloak's login form, with a browser's cookies. */
    static final class Session {
        final String base;
        final String role;
        private final FormBrowser browser;

        private Session(String base, String role) {
            this.base = base;
            this.role = role;
            this.browser = new FormBrowser(base, Duration.ofSeconds(60));
        }

        /** Through the login form, as a browser: the page, Keycloak's form, the password, back to the page. */
        static Session signIn(String base, String user) {
            Session s = new Session(base, user);
            HttpResponse<String> signedIn = s.browser.signIn("/", user, PASSWORD);
            if (signedIn.statusCode() != 200 || !signedIn.uri().toString().startsWith(base)) {
                throw new IllegalStateException(user + " not signed in: " + signedIn.statusCode() + " at "
                        + signedIn.uri().getPath());
            }
            LOG.infof("%s signed in, at %s", user, signedIn.uri().getPath());
            return s;
        }

        /** The page's status once redirects are followed (an expired token goes through Keycloak and back). */
        int get(String path, boolean htmx) {
            return htmx
                    ? browser.get(path, Map.of("HX-Request", "true")).statusCode()
                    : browser.get(path).statusCode();
        }
    }

    private static double secs(long since) {
        return (System.nanoTime() - since) / 1e9;
    }

    static Map<String, Long> counts(SuiteUnderTest suite, String sql) {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (String[] row : rows(suite, sql + " ORDER BY 1")) {
            counts.put(row[0], Long.valueOf(row[1]));
        }
        return counts;
    }

    static List<String> column(SuiteUnderTest suite, String sql) {
        return rows(suite, sql).stream().map(r -> r[0]).toList();
    }

    static String single(SuiteUnderTest suite, String sql) {
        return rows(suite, sql).get(0)[0];
    }

    static List<String[]> rows(SuiteUnderTest suite, String sql) {
        for (int attempt = 1; ; attempt++) {
            try {
                return read(suite, sql);
            } catch (IllegalStateException e) {
                // A shared server may have no connection slot left for a moment.
                if (attempt == 30) {
                    throw e;
                }
                Bench.until(() -> false, Duration.ofSeconds(2));
            }
        }
    }

    private static List<String[]> read(SuiteUnderTest suite, String sql) {
        try (Connection c = suite.database.connect();
                Statement st = c.createStatement();
                ResultSet rs = st.executeQuery(sql)) {
            List<String[]> rows = new ArrayList<>();
            int n = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                String[] row = new String[n];
                for (int i = 0; i < n; i++) {
                    row[i] = rs.getString(i + 1);
                }
                rows.add(row);
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read " + sql + ": " + e.getMessage(), e);
        }
    }

    private static double ms(Histogram h, double percentile) {
        return h.getTotalCount() == 0 ? Double.NaN : h.getValueAtPercentile(percentile) / 1e6;
    }

    static void write(
            Bench.Options o,
            Settings s,
            Instant began,
            String loadAtStart,
            String loadBefore,
            String loadAfter,
            Map<String, String> seeding,
            Map<String, Long> intakeStates,
            Map<String, Long> placementStates,
            Map<String, ConcurrentHistogram> latency,
            Map<String, AtomicLong> errors,
            Map<String, Long> rssPeak,
            Map<String, Long> cpu,
            long requests)
            throws IOException {
        StringBuilder b = new StringBuilder();
        b.append("# The web application's pages over a month of data\n\n");
        b.append("Generated by `bench/run.sh --scenarios=pages` on ")
                .append(Instant.now())
                .append(" (started ")
                .append(began)
                .append(").\n\n");
        b.append("Machine: ").append(Machine.describe()).append("  \n");
        b.append("Commit: ").append(Machine.commit(o.root())).append("; ");
        b.append(String.format(
                "%,d shelters, %,d referrals, %d signed-in sessions for %d s.%n%n",
                s.shelters(), s.referrals(), s.concurrency(), s.seconds()));
        b.append("Load average (1, 5, 15 min): at the start of the run ")
                .append(loadAtStart)
                .append("; when the pages began ")
                .append(loadBefore)
                .append("; at the end ")
                .append(loadAfter)
                .append(".\n\n");
        b.append(
                "## The data\n\nEverything through the services' APIs, as partners, coordinators and the suite write it"
                        + " (intake encrypts each identity; placement matches each referral against the whole registry):\n\n");
        seeding.forEach(
                (k, v) -> b.append("- ").append(k).append(": ").append(v).append("\n"));
        b.append("- referrals by status (intake): ").append(intakeStates).append("\n");
        b.append("- placements by status (placement): ").append(placementStates).append("\n\n");
        b.append(
                "## Pages\n\nEach session (partner.nice, the team of the shelter with the most proposals, the coordinator,"
                        + " in turn) asks for its role's pages one after the other, without pause, after one warm-up round;"
                        + " latency from the request to the whole page received, HdrHistogram. *htmx* rows are the same page"
                        + " asked with `HX-Request: true`, as the live region's refresh and the commune search do. Target: p95 ≤ "
                        + TARGET_P95_MILLIS + " ms.\n\n");
        b.append("| page | requests | p50 ms | p95 ms | p99 ms | max ms | not 200 | p95 ≤ 200 ms |\n");
        b.append("|---|---|---|---|---|---|---|---|\n");
        latency.forEach((page, h) -> {
            double p95 = ms(h, 95);
            b.append(String.format(
                    "| %s | %d | %.0f | %.0f | %.0f | %.0f | %d | %s |%n",
                    page.replace("|", "\\|"),
                    h.getTotalCount(),
                    ms(h, 50),
                    p95,
                    ms(h, 99),
                    h.getTotalCount() == 0 ? Double.NaN : h.getMaxValue() / 1e6,
                    errors.get(page).get(),
                    Double.isNaN(p95) ? "—" : p95 <= TARGET_P95_MILLIS ? "met" : "**missed**"));
        });
        b.append(String.format("%n%,d requests in %d s.%n%n", requests, s.seconds()));
        b.append(
                "## Memory and CPU during the pages\n\n| process | peak RSS MB | CPU s | CPU ms per page |\n|---|---|---|---|\n");
        for (String name : Suite.SERVICES_AND_WEB) {
            long ns = cpu.getOrDefault(name, 0L);
            b.append(String.format(
                    "| %s | %d | %.1f | %.1f |%n",
                    name, rssPeak.getOrDefault(name, -1L), ns / 1e9, requests == 0 ? 0 : ns / 1e6 / requests));
        }
        long pg = cpu.getOrDefault("postgres (bench db backends)", 0L);
        b.append(String.format(
                "| PostgreSQL (the database's backends) | | %.1f | %.1f |%n",
                pg / 1e9, requests == 0 ? 0 : pg / 1e6 / requests));
        b.append(String.format(
                "%nThe web application's RSS target: < %d MB (peak %d MB).%n",
                TARGET_RSS_MB, rssPeak.getOrDefault(Suite.WEB, -1L)));
        Path dir = o.out().resolve("pages");
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("REPORT.md"), b.toString());
        LOG.infof("report written to %s", dir.resolve("REPORT.md"));
    }
}
