package org.acse.web.home;

import java.util.Comparator;
import java.util.List;
import org.acse.common.geo.Commune;
import org.acse.common.geo.Gazetteer;

/** The gazetteer's communes with their names normalised once, searched by name as people type. */
final class CommuneIndex {
    private static volatile CommuneIndex france;

    private record Entry(String name, Commune commune) {}

    private final List<Entry> entries;

    private CommuneIndex(Gazetteer gazetteer) {
        entries = gazetteer.communes().stream()
                .map(c -> new Entry(CommuneNames.normalise(c.name()), c))
                .toList();
    }

    static CommuneIndex of(Gazetteer gazetteer) {
        if (gazetteer != Gazetteer.france()) {
            return new CommuneIndex(gazetteer);
        }
        if (france == null) {
            france = new CommuneIndex(gazetteer);
        }
        return france;
    }

    /** Names that start with the query first, then names containing it; shorter names first (Nice before Nicey). */
    List<Commune> search(String q, int limit) {
        String query = CommuneNames.normalise(q);
        if (query.length() < 2) {
            return List.of();
        }
        return entries.stream()
                .filter(e -> e.name().contains(query))
                .sorted(Comparator.comparing((Entry e) -> !e.name().startsWith(query))
                        .thenComparing(e -> e.name().length())
                        .thenComparing(e -> e.commune().code()))
                .limit(limit)
                .map(Entry::commune)
                .toList();
    }
}
