package org.acse.common.geo;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.GZIPOutputStream;

/**
 * Builds the gazetteer's compact resources from the open-data CSV files of {@code data/geo} (sources and licence in
 * its SOURCES.md). One row per commune code (the CSV has one per postal code); rows without coordinates are left out;
 * Paris, Marseille and Lyon, which the source gives only by district, get their own code at the mean of their
 * districts. Run from the repository root: {@code ./mvnw -q -pl common compile exec:java
 * -Dexec.mainClass=org.acse.common.geo.GazetteerCompiler
 * -Dexec.args="data/geo common/src/main/resources/org/acse/common/geo"}.
 */
public final class GazetteerCompiler {

    public static void main(String[] args) throws IOException {
        compile(Path.of(args[0]), Path.of(args[1]));
    }

    public static void compile(Path source, Path target) throws IOException {
        Files.createDirectories(target);
        Map<String, String[]> communes = new TreeMap<>();
        Map<String, List<double[]>> districtsByCity = new TreeMap<>();
        Map<String, String> cityNames = Map.of("75056", "Paris", "13055", "Marseille", "69123", "Lyon");
        Map<String, String> typeOf = new TreeMap<>();
        for (String[] f : csv(source.resolve("communes.csv"))) {
            // insee_com,insee_dep,insee_reg,commune_article,code_postal,commune_type,insee_parente,lat,lng,population
            boolean replacesFormerCommune = "COM".equals(f[5]) && !"COM".equals(typeOf.get(f[0]));
            if (f[7].isBlank()
                    || f[8].isBlank()
                    || f[1].isBlank()
                    || (communes.containsKey(f[0]) && !replacesFormerCommune)) {
                continue;
            }
            communes.put(f[0], new String[] {f[0], f[3], f[1], f[2], f[7], f[8]});
            typeOf.put(f[0], f[5]);
            if ("ARM".equals(f[5]) && cityNames.containsKey(f[6])) {
                districtsByCity
                        .computeIfAbsent(f[6], k -> new ArrayList<>())
                        .add(new double[] {Double.parseDouble(f[7]), Double.parseDouble(f[8])});
            }
        }
        districtsByCity.forEach((city, points) -> {
            String[] district = communes.values().stream()
                    .filter(c -> c[0].startsWith(city.substring(0, 2)))
                    .findFirst()
                    .orElseThrow();
            double lat = points.stream().mapToDouble(p -> p[0]).average().orElseThrow();
            double lon = points.stream().mapToDouble(p -> p[1]).average().orElseThrow();
            communes.putIfAbsent(city, new String[] {
                city,
                cityNames.get(city),
                district[2],
                district[3],
                String.format(Locale.ROOT, "%.5f", lat),
                String.format(Locale.ROOT, "%.5f", lon)
            });
        });
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(target.resolve(Gazetteer.COMMUNES)));
                Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8)) {
            for (String[] c : communes.values()) {
                w.write(String.join("\t", c) + "\n");
            }
        }
        StringBuilder departments = new StringBuilder();
        for (String[] f : csv(source.resolve("departements.csv"))) {
            // insee_dep,insee_reg,departement,departement_article,lng,lat,...
            departments.append(String.join("\t", f[0], f[2], f[1], f[5], f[4])).append('\n');
        }
        Files.writeString(target.resolve(Gazetteer.DEPARTMENTS), departments);
        StringBuilder regions = new StringBuilder();
        for (String[] f : csv(source.resolve("regions.csv"))) {
            regions.append(f[0]).append('\t').append(f[1]).append('\n');
        }
        Files.writeString(target.resolve(Gazetteer.REGIONS), regions);
    }

    /** Minimal RFC 4180 reader: quoted fields with doubled quotes; the header row is skipped. */
    static List<String[]> csv(Path file) throws IOException {
        List<String[]> rows = new ArrayList<>();
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            r.readLine();
            String line;
            while ((line = r.readLine()) != null) {
                if (line.isBlank()) {
                    continue;
                }
                List<String> fields = new ArrayList<>();
                StringBuilder cur = new StringBuilder();
                boolean quoted = false;
                for (int i = 0; i < line.length(); i++) {
                    char ch = line.charAt(i);
                    if (quoted) {
                        if (ch == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                            cur.append('"');
                            i++;
                        } else if (ch == '"') {
                            quoted = false;
                        } else {
                            cur.append(ch);
                        }
                    } else if (ch == '"') {
                        quoted = true;
                    } else if (ch == ',') {
                        fields.add(cur.toString());
                        cur.setLength(0);
                    } else {
                        cur.append(ch);
                    }
                }
                fields.add(cur.toString());
                rows.add(fields.toArray(String[]::new));
            }
        }
        return rows;
    }

    private GazetteerCompiler() {}
}
