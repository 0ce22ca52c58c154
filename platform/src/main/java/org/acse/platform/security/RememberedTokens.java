package org.acse.platform.security;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.security.credential.TokenCredential;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.quarkus.security.identity.request.TokenAuthenticationRequest;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * A bearer token seen again within {@link TokenCacheConfig#maxAge()} (and before its expiry) gets the identity its
 * first, full check gave: this provider runs before OIDC's and answers only for a remembered token, leaving any
 * other to OIDC ({@code null}); {@link Record}, the last augmentor, remembers what OIDC verified. One OIDC tenant
 * per service, so the token alone is the key. ADR 20.
 */
@ApplicationScoped
public class RememberedTokens implements IdentityProvider<TokenAuthenticationRequest> {
    /** Where OIDC and Quarkus keep the request's routing context on an identity. */
    private static final List<String> ROUTING_CONTEXT_KEYS =
            List.of(RoutingContext.class.getName(), HttpSecurityUtils.ROUTING_CONTEXT_ATTRIBUTE);

    @Inject
    TokenCacheConfig config;

    @Inject
    MeterRegistry meters;

    VerifiedTokens<SecurityIdentity> verified;
    private Counter hits;
    private Counter misses;

    @PostConstruct
    void init() {
        verified = new VerifiedTokens<>(Clock.systemUTC(), config.maxAge(), config.maxEntries());
        hits = counter("remembered");
        misses = counter("verified");
    }

    private Counter counter(String outcome) {
        return Counter.builder("acse.tokens")
                .description("Bearer tokens accepted: verified in full, or remembered from an earlier full check")
                .tag("check", outcome)
                .register(meters);
    }

    @Override
    public Class<TokenAuthenticationRequest> getRequestType() {
        return TokenAuthenticationRequest.class;
    }

    /** Before OIDC's provider, which keeps the interface's default priority (1001; higher runs first). */
    @Override
    public int priority() {
        return 2000;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(
            TokenAuthenticationRequest request, AuthenticationRequestContext context) {
        if (!config.enabled()) {
            return Uni.createFrom().nullItem();
        }
        RoutingContext current = HttpSecurityUtils.getRoutingContextAttribute(request);
        if (current == null) {
            return Uni.createFrom().nullItem(); // not an HTTP request: OIDC checks it
        }
        return verified.find(request.getToken().getToken())
                .map(identity -> {
                    hits.increment();
                    return Uni.createFrom().item(forThisRequest(identity, current));
                })
                .orElseGet(() -> Uni.createFrom().nullItem());
    }

    /** The remembered identity, tied to this request's routing context rather than the first one's. */
    private static SecurityIdentity forThisRequest(SecurityIdentity identity, RoutingContext current) {
        QuarkusSecurityIdentity.Builder copy = QuarkusSecurityIdentity.builder(identity);
        for (String key : ROUTING_CONTEXT_KEYS) {
            if (identity.getAttributes().containsKey(key)) {
                copy.addAttribute(key, current);
            }
        }
        return copy.build();
    }

    void remember(SecurityIdentity identity) {
        if (!config.enabled() || identity.isAnonymous()) {
            return;
        }
        TokenCredential token = identity.getCredential(TokenCredential.class);
        if (token == null || !(identity.getPrincipal() instanceof JsonWebToken jwt) || jwt.getExpirationTime() <= 0) {
            return;
        }
        if (verified.find(token.getToken()).isEmpty()) {
            misses.increment();
            verified.remember(token.getToken(), identity, Instant.ofEpochSecond(jwt.getExpirationTime()));
        }
    }

    /** After every other augmentor: remembers the identity OIDC just verified (a remembered one is kept as it was). */
    @ApplicationScoped
    public static class Record implements SecurityIdentityAugmentor {
        @Inject
        RememberedTokens tokens;

        @Override
        public int priority() {
            return Integer.MIN_VALUE;
        }

        @Override
        public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
            tokens.remember(identity);
            return Uni.createFrom().item(identity);
        }
    }
}
