package org.acse.platform.problem;

/** One offending field of a request: its JSON path (e.g. {@code person.birthDate}) and why. Never its value. */
public record FieldError(String field, String message) {}
