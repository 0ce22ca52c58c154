package org.acse.platform.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Bearer tokens whose signature, issuer, audience and lifetime were checked, remembered until the earlier of their
 * expiry and {@code maxAge}, so that the next request with the same token skips the RS256 check (a quarter of
 * intake's CPU on a C1-only JVM, ADR 20). Keyed by the SHA-256 of the whole token, signature included: a token that
 * differs in one character is another key, checked in full. The tokens themselves are not kept.
 *
 * @param <T> what is remembered for a token (the verified identity)
 */
public final class VerifiedTokens<T> {
    private record Entry<T>(T value, Instant validUntil) {}

    private final Map<String, Entry<T>> entries = new ConcurrentHashMap<>();
    private final Clock clock;
    private final Duration maxAge;
    private final int maxEntries;

    public VerifiedTokens(Clock clock, Duration maxAge, int maxEntries) {
        this.clock = clock;
        this.maxAge = maxAge;
        this.maxEntries = maxEntries;
    }

    /** What was remembered for this token, unless it expired (then it is forgotten). */
    public Optional<T> find(String token) {
        String key = key(token);
        Entry<T> entry = entries.get(key);
        if (entry == null) {
            return Optional.empty();
        }
        if (!clock.instant().isBefore(entry.validUntil())) {
            entries.remove(key, entry);
            return Optional.empty();
        }
        return Optional.of(entry.value());
    }

    /**
     * Remembers a token just verified, at most until {@code expiresAt}; a token seen again keeps its first entry, so
     * that use never extends it. When full, expired entries are dropped first; if none is, the token is not kept.
     */
    public void remember(String token, T value, Instant expiresAt) {
        Instant now = clock.instant();
        Instant until = now.plus(maxAge);
        if (expiresAt.isBefore(until)) {
            until = expiresAt;
        }
        if (!now.isBefore(until)) {
            return;
        }
        if (entries.size() >= maxEntries) {
            entries.values().removeIf(e -> !now.isBefore(e.validUntil()));
            if (entries.size() >= maxEntries) {
                return;
            }
        }
        entries.putIfAbsent(key(token), new Entry<>(value, until));
    }

    public int size() {
        return entries.size();
    }

    private static String key(String token) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.US_ASCII));
            return Base64.getEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
