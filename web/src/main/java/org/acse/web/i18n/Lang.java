package org.acse.web.i18n;

import jakarta.ws.rs.core.Cookie;
import jakarta.ws.rs.core.HttpHeaders;
import java.util.Locale;

/** French by default; English when the person chose it (a cookie holding {@code en}, nothing else). */
public final class Lang {
    public static final String COOKIE = "acse-lang";
    public static final Locale FRENCH = Locale.FRENCH;
    public static final Locale ENGLISH = Locale.ENGLISH;

    private Lang() {}

    public static Locale of(HttpHeaders headers) {
        Cookie cookie = headers == null ? null : headers.getCookies().get(COOKIE);
        return of(cookie == null ? null : cookie.getValue());
    }

    public static Locale of(String tag) {
        return "en".equals(tag) ? ENGLISH : FRENCH;
    }
}
