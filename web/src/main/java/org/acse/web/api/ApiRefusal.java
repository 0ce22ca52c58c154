package org.acse.web.api;

/** A service refused a call (4xx) or could not answer (5xx, unreachable: status 502). */
public class ApiRefusal extends RuntimeException {
    private final int status;
    private final transient Problem problem;

    public ApiRefusal(int status, Problem problem) {
        super("refused with " + status + (problem == null ? "" : " " + problem.slug()));
        this.status = status;
        this.problem = problem;
    }

    public int status() {
        return status;
    }

    public Problem problem() {
        return problem;
    }

    public boolean unavailable() {
        return status >= 500;
    }
}
