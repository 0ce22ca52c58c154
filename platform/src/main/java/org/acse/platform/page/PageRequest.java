package org.acse.platform.page;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.QueryParam;

/**
 * The {@code page} and {@code size} query parameters of every list, with one rule for all of them: a value out
 * of bounds is a 400 problem naming the parameter (read as {@code @Valid @BeanParam}). {@code page} is bounded
 * too, so that {@code page × size} stays a valid offset: past that, a client must narrow the list with filters.
 */
public class PageRequest {
    public static final int DEFAULT_SIZE = 20;
    public static final int MAX_SIZE = 500;
    public static final int MAX_PAGE = 10_000;
    static final String PAGE_RULE = "must be between 0 and " + MAX_PAGE;
    static final String SIZE_RULE = "must be between 1 and " + MAX_SIZE;

    @QueryParam("page")
    @DefaultValue("0")
    @Min(value = 0, message = PAGE_RULE)
    @Max(value = MAX_PAGE, message = PAGE_RULE)
    int page;

    @QueryParam("size")
    @DefaultValue("" + DEFAULT_SIZE)
    @Min(value = 1, message = SIZE_RULE)
    @Max(value = MAX_SIZE, message = SIZE_RULE)
    int size;

    public PageRequest() {}

    private PageRequest(int page, int size) {
        this.page = page;
        this.size = size;
    }

    /** A page asked for by the code itself (e.g. a dashboard's first 100), within the same bounds. */
    public static PageRequest of(int page, int size) {
        if (page < 0 || page > MAX_PAGE || size < 1 || size > MAX_SIZE) {
            throw new IllegalArgumentException("page " + page + ", size " + size + " out of bounds");
        }
        return new PageRequest(page, size);
    }

    public int page() {
        return page;
    }

    public int size() {
        return size;
    }
}
