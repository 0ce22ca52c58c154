package org.acse.common.geo;

/** A commune or department code the gazetteer does not know: reported, never guessed. */
public class UnknownPlaceException extends RuntimeException {
    private final String code;

    public UnknownPlaceException(String kind, String code) {
        super("unknown " + kind + " code");
        this.code = code;
    }

    public String code() {
        return code;
    }
}
