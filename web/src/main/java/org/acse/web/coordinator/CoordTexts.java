package org.acse.web.coordinator;

import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.MessageBundles;
import java.util.Locale;
import org.acse.web.i18n.Lang;

/** {@link CoordMsg} in a person's language, for the code of these pages (templates read {@code {coord:…}}). */
final class CoordTexts {
    private CoordTexts() {}

    static CoordMsg of(Locale locale) {
        return Lang.ENGLISH.equals(locale)
                ? MessageBundles.get(CoordMsg.class, Localized.Literal.of("en"))
                : MessageBundles.get(CoordMsg.class);
    }
}
