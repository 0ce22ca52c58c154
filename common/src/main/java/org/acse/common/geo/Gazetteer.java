package org.acse.common.geo;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.zip.GZIPInputStream;

/**
 * French communes, departments and regions, from the compact resources {@link GazetteerCompiler} builds out of the
 * INSEE/IGN open data. Immutable and thread-safe; load it once ({@link #france()}).
 */
public final class Gazetteer {
    static final String COMMUNES = "communes.tsv.gz";
    static final String DEPARTMENTS = "departments.tsv";
    static final String REGIONS = "regions.tsv";

    private static volatile Gazetteer france;

    private final Map<String, Commune> communes;
    private final Map<String, Department> departments;
    private final Map<String, Region> regions;

    Gazetteer(Map<String, Commune> communes, Map<String, Department> departments, Map<String, Region> regions) {
        this.communes = Collections.unmodifiableMap(communes);
        this.departments = Collections.unmodifiableMap(departments);
        this.regions = Collections.unmodifiableMap(regions);
    }

    /** The gazetteer shipped in this jar, loaded on first use. */
    public static Gazetteer france() {
        Gazetteer g = france;
        if (g == null) {
            synchronized (Gazetteer.class) {
                if (france == null) {
                    france = load();
                }
                g = france;
            }
        }
        return g;
    }

    public Optional<Commune> commune(String code) {
        return Optional.ofNullable(
                code == null ? null : communes.get(code.trim().toUpperCase()));
    }

    public Optional<Department> department(String code) {
        return Optional.ofNullable(
                code == null ? null : departments.get(code.trim().toUpperCase()));
    }

    public Optional<Region> region(String code) {
        return Optional.ofNullable(code == null ? null : regions.get(code.trim()));
    }

    public Commune requireCommune(String code) {
        return commune(code).orElseThrow(() -> new UnknownPlaceException("commune", code));
    }

    public Department requireDepartment(String code) {
        return department(code).orElseThrow(() -> new UnknownPlaceException("department", code));
    }

    public Collection<Commune> communes() {
        return communes.values();
    }

    public Collection<Department> departments() {
        return departments.values();
    }

    private static Gazetteer load() {
        Map<String, Region> regions = new HashMap<>();
        read(REGIONS, false, f -> regions.put(f[0], new Region(f[0], f[1])));
        Map<String, Department> departments = new HashMap<>();
        read(
                DEPARTMENTS,
                false,
                f -> departments.put(
                        f[0],
                        new Department(
                                f[0], f[1], f[2], new GeoPoint(Double.parseDouble(f[3]), Double.parseDouble(f[4])))));
        Map<String, Commune> communes = new HashMap<>(40_000);
        read(
                COMMUNES,
                true,
                f -> communes.put(
                        f[0],
                        new Commune(
                                f[0],
                                f[1],
                                f[2],
                                f[3],
                                new GeoPoint(Double.parseDouble(f[4]), Double.parseDouble(f[5])))));
        return new Gazetteer(communes, departments, regions);
    }

    private interface Row {
        void accept(String[] fields);
    }

    private static void read(String resource, boolean gzip, Row row) {
        try (InputStream raw = Gazetteer.class.getResourceAsStream(resource)) {
            if (raw == null) {
                throw new IllegalStateException("gazetteer resource missing: " + resource);
            }
            InputStream in = gzip ? new GZIPInputStream(raw) : raw;
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            while ((line = reader.readLine()) != null) {
                if (!line.isEmpty()) {
                    row.accept(line.split("\t", -1));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
