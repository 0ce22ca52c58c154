package org.acse.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.acse.testsupport.FormBrowser;

/** A person's browser on the web application, signing in on the realm {@code acse}. */
final class Browser extends FormBrowser {
    private static final Pattern CSRF = Pattern.compile("name=\"csrf-token\" value=\"([^\"]+)\"");

    Browser(String base) {
        super(base, Duration.ofSeconds(30));
    }

    @Override
    public HttpResponse<String> signIn(String path, String user, String password) {
        HttpResponse<String> reached = super.signIn(path, user, password);
        assertThat(loginPage()).as("Keycloak's login page").contains("/realms/acse/protocol/openid-connect/auth");
        return reached;
    }

    static String csrfToken(String page) {
        Matcher m = CSRF.matcher(page);
        assertThat(m.find()).as("the page's CSRF token").isTrue();
        return m.group(1);
    }
}
