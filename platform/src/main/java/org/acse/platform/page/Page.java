package org.acse.platform.page;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import java.util.List;
import java.util.function.Function;

/**
 * A page of a list, as every list of the suite answers it (product §7): {@code {items, page, size, total}},
 * {@code total} counting every item the filters match, on all pages.
 */
public record Page<T>(List<T> items, int page, int size, long total) {
    public Page {
        items = List.copyOf(items);
    }

    /** The requested page of a query, each row shown as {@code view} says. */
    public static <E, T> Page<T> of(PanacheQuery<E> query, PageRequest request, Function<? super E, T> view) {
        List<T> items = query.page(request.page(), request.size()).list().stream()
                .<T>map(view)
                .toList();
        return new Page<>(items, request.page(), request.size(), query.count());
    }

    /** The requested page of a list already in memory (a handful of items). */
    public static <T> Page<T> of(List<T> all, PageRequest request) {
        long from = (long) request.page() * request.size();
        List<T> items = from >= all.size()
                ? List.of()
                : all.subList((int) from, (int) Math.min(all.size(), from + request.size()));
        return new Page<>(items, request.page(), request.size(), all.size());
    }

    public static <T> Page<T> empty(PageRequest request) {
        return new Page<>(List.of(), request.page(), request.size(), 0);
    }
}
