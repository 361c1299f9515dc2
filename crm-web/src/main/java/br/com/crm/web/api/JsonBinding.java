package br.com.crm.web.api;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbConfig;
import jakarta.ws.rs.ext.ContextResolver;
import jakarta.ws.rs.ext.Provider;

/**
 * JSON-B as the API uses it: a field the resource does not know is an error (400), not silently dropped, so a
 * client that sends {@code "value"} for {@code "amount"} learns it instead of saving a subject without its value.
 */
@Provider
public class JsonBinding implements ContextResolver<Jsonb> {

    /** Yasson's switch (Payara's JSON-B); JSON-B 3 has no standard one. */
    static final String FAIL_ON_UNKNOWN = "yasson.fail-on-unknown-properties";

    private final Jsonb jsonb = JsonbBuilder.create(new JsonbConfig().setProperty(FAIL_ON_UNKNOWN, true));

    @Override
    public Jsonb getContext(Class<?> type) {
        return jsonb;
    }
}
