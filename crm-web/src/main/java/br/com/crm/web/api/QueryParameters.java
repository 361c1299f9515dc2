package br.com.crm.web.api;

import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.ext.ParamConverter;
import jakarta.ws.rs.ext.ParamConverterProvider;
import jakarta.ws.rs.ext.Provider;

import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * Query parameters typed as whole numbers or yes/no are read strictly, and one that does not read is a 400
 * problem naming it. Left to Jersey, {@code ?limit=abc} is a bare 404, as if the resource did not exist, and
 * {@code ?done=yes} silently means false. An empty value means the parameter's default.
 * <p>
 * Only method parameters: a failure while Jersey injects a field (a {@code @BeanParam}) is logged with a stack
 * trace whatever it is, so those fields are text, read by their owner ({@code FilterParams}).
 */
@Provider
public class QueryParameters implements ParamConverterProvider {

    private static final Map<Class<?>, Function<String, Object>> READERS = Map.of(
            Integer.class, Integer::valueOf, int.class, Integer::valueOf,
            Long.class, Long::valueOf, long.class, Long::valueOf,
            Boolean.class, QueryParameters::bool, boolean.class, QueryParameters::bool);

    /** A query parameter whose value does not read as its type. */
    public static final class BadParameter extends BadRequestException {

        private final String name;
        private final String messageKey;

        BadParameter(String name, String messageKey) {
            super(messageKey);
            this.name = name;
            this.messageKey = messageKey;
        }

        public String name() {
            return name;
        }

        public String messageKey() {
            return messageKey;
        }
    }

    @Override
    public <T> ParamConverter<T> getConverter(Class<T> rawType, Type genericType, Annotation[] annotations) {
        Function<String, Object> reader = READERS.get(rawType);
        QueryParam query = find(annotations, QueryParam.class);
        DefaultValue fallback = find(annotations, DefaultValue.class);
        // Jersey hands an absent primitive without a default its zero, never through a converter.
        if (reader == null || query == null || (rawType.isPrimitive() && fallback == null)) {
            return null;
        }
        String key = rawType == Boolean.class || rawType == boolean.class ? "api.parameter.boolean"
                : "api.parameter.number";
        return new ParamConverter<>() {
            @Override
            public T fromString(String value) {
                String text = value == null || value.isBlank() ? (fallback == null ? null : fallback.value())
                        : value.strip();
                if (text == null) {
                    return null;
                }
                try {
                    @SuppressWarnings("unchecked")
                    T read = (T) reader.apply(text);
                    return read;
                } catch (IllegalArgumentException e) {
                    throw new BadParameter(query.value(), key);
                }
            }

            @Override
            public String toString(T value) {
                return String.valueOf(value);
            }
        };
    }

    private static Boolean bool(String text) {
        return switch (text.toLowerCase(Locale.ROOT)) {
            case "true" -> Boolean.TRUE;
            case "false" -> Boolean.FALSE;
            default -> throw new IllegalArgumentException(text);
        };
    }

    private static <A extends Annotation> A find(Annotation[] annotations, Class<A> type) {
        for (Annotation a : annotations) {
            if (type.isInstance(a)) {
                return type.cast(a);
            }
        }
        return null;
    }
}
