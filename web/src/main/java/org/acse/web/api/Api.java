package org.acse.web.api;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;
import org.eclipse.microprofile.context.ManagedExecutor;

/** Reads the services' answers: the body of a 2xx, or an {@link ApiRefusal} carrying the problem document. */
public final class Api {
    private static final ObjectMapper JSON = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private Api() {}

    public static <T> T read(Supplier<Response> call, Class<T> type) {
        return read(call, JSON.getTypeFactory().constructType(type));
    }

    /** An answer of a generic type, such as a figure's table of rows. */
    public static <T> T read(Supplier<Response> call, TypeReference<T> type) {
        return read(call, JSON.getTypeFactory().constructType(type));
    }

    /**
     * Starts a read on the worker pool with this request's context (the person's token goes with it), so that a page
     * needing several answers waits for the slowest, not for their sum. {@link #join} gives the answer.
     */
    public static <T> CompletableFuture<T> start(ManagedExecutor executor, Supplier<T> read) {
        return executor.supplyAsync(read);
    }

    /** The answer of a read {@link #start}ed, or its {@link ApiRefusal} as the read threw it. */
    public static <T> T join(CompletableFuture<T> started) {
        try {
            return started.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
    }

    private static <T> T read(Supplier<Response> call, JavaType type) {
        Response response = send(call);
        try (response) {
            String body = response.hasEntity() ? response.readEntity(String.class) : "";
            if (response.getStatus() >= 400) {
                throw new ApiRefusal(response.getStatus(), problem(body));
            }
            return type.getRawClass() == Void.class || body.isBlank() ? null : JSON.readValue(body, type);
        } catch (IOException e) {
            throw new ApiRefusal(502, null);
        }
    }

    private static Response send(Supplier<Response> call) {
        try {
            return call.get();
        } catch (WebApplicationException e) {
            return e.getResponse();
        } catch (ProcessingException e) {
            throw new ApiRefusal(502, null);
        }
    }

    private static Problem problem(String body) {
        try {
            return body.isBlank() ? null : JSON.readValue(body, Problem.class);
        } catch (IOException e) {
            return null;
        }
    }
}
