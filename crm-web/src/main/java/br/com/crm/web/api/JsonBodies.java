package br.com.crm.web.api;

import br.com.crm.kernel.Jsonp;
import br.com.crm.kernel.Text;
import br.com.crm.web.shell.RequestLimits;
import jakarta.json.JsonArray;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonParser;
import jakarta.json.stream.JsonParsingException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Collection;
import java.util.Deque;

/**
 * Every request body, before it is bound: no larger than {@link RequestLimits#maxBodyBytes()} (413, whether or not
 * the client said its length), and a JSON body well-formed UTF-8 JSON, at most {@value #MAX_DEPTH} levels deep,
 * with no text longer than {@value #MAX_TEXT} characters and no character {@link Text#forbiddenAt} refuses. A body
 * that breaks one of these is refused with 400 naming the field, before any resource or boundary sees it, so
 * nothing of it can be saved.
 */
@Provider
public class JsonBodies implements ReaderInterceptor {

    static final int MAX_DEPTH = 16;
    /** Longer than any text the module keeps (e-mail bodies: 10,000), so field rules speak for normal input. */
    static final int MAX_TEXT = 20_000;

    @Override
    public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
        InputStream limited = new Limited(context.getInputStream(), RequestLimits.maxBodyBytes());
        MediaType type = context.getMediaType();
        if (type != null && type.isCompatible(MediaType.APPLICATION_JSON_TYPE)) {
            byte[] body = limited.readAllBytes();
            check(body);
            refuseUnknownFields(body, context.getGenericType());
            context.setInputStream(new ByteArrayInputStream(body));
        } else {
            context.setInputStream(limited);
        }
        return context.proceed();
    }

    /** Refuses {@code body} unless it is JSON the module can take (an empty body is left to the resource). */
    static void check(byte[] body) {
        if (body.length == 0) {
            return;
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(body)).toString();
        } catch (CharacterCodingException e) {
            throw new BadRequestBody(null, "api.body.encoding");
        }
        Deque<Frame> path = new ArrayDeque<>();
        try (JsonParser parser = Jsonp.createParser(new StringReader(text))) {
            while (parser.hasNext()) {
                JsonParser.Event event = parser.next();
                switch (event) {
                    case KEY_NAME -> {
                        String key = parser.getString();
                        if (Text.forbiddenAt(key) >= 0 || key.length() > 100) {
                            throw new BadRequestBody(null, "api.body.key");
                        }
                        path.peek().key = key;
                    }
                    case END_OBJECT, END_ARRAY -> path.pop();
                    default -> {
                        if (!path.isEmpty() && path.peek().array) {
                            path.peek().index++;
                        }
                        if (event == JsonParser.Event.START_OBJECT || event == JsonParser.Event.START_ARRAY) {
                            if (path.size() >= MAX_DEPTH) {
                                throw new BadRequestBody(field(path), "api.body.depth", MAX_DEPTH);
                            }
                            path.push(new Frame(event == JsonParser.Event.START_ARRAY));
                        } else if (event == JsonParser.Event.VALUE_STRING) {
                            String value = parser.getString();
                            if (value.length() > MAX_TEXT) {
                                throw new BadRequestBody(field(path), "api.body.tooLong", MAX_TEXT);
                            }
                            if (Text.forbiddenAt(value) >= 0) {
                                throw new BadRequestBody(field(path), "api.body.control");
                            }
                        }
                    }
                }
            }
        } catch (JsonParsingException e) {
            throw new BadRequestBody(null, "api.body.malformed", e.getLocation().getLineNumber(),
                    e.getLocation().getColumnNumber());
        } catch (JsonException e) {
            throw new BadRequestBody(null, "api.body.malformed", 1, 1);
        }
    }

    /** {@link #refuseUnknownFields(JsonValue, Type, String)} on a body {@link #check} passed. */
    static void refuseUnknownFields(byte[] body, Type type) {
        if (body.length == 0) {
            return;
        }
        // Read as text (checked UTF-8): from bytes, the reader guesses the encoding, and cannot from fewer than
        // two ("1").
        try (JsonReader reader = Jsonp.createReader(new StringReader(new String(body, StandardCharsets.UTF_8)))) {
            refuseUnknownFields(reader.readValue(), type, null);
        }
    }

    /**
     * Refuses a field the target record does not have, at any depth (records inside records and lists): Yasson's
     * {@code fail-on-unknown-properties} covers classes, not records, which it binds through their constructor and
     * whose unknown fields it drops. So a client that sends {@code "value"} for {@code "amount"} learns it (400
     * naming the field) instead of saving a subject without its value.
     */
    static void refuseUnknownFields(JsonValue value, Type type, String path) {
        if (type instanceof Class<?> target && target.isRecord() && value instanceof JsonObject object) {
            for (String key : object.keySet()) {
                String field = path == null ? key : path + "." + key;
                RecordComponent component = Arrays.stream(target.getRecordComponents())
                        .filter(c -> c.getName().equals(key)).findFirst()
                        .orElseThrow(() -> new BadRequestBody(field, "api.body.unknownField", field));
                refuseUnknownFields(object.get(key), component.getGenericType(), field);
            }
        } else if (type instanceof ParameterizedType generic && generic.getRawType() instanceof Class<?> raw
                && Collection.class.isAssignableFrom(raw) && value instanceof JsonArray array) {
            Type element = generic.getActualTypeArguments()[0];
            for (int i = 0; i < array.size(); i++) {
                refuseUnknownFields(array.get(i), element, path == null ? String.valueOf(i) : path + "." + i);
            }
        }
    }

    /** Where the parser is: in an object (at a key) or an array (at an index). */
    private static final class Frame {
        final boolean array;
        String key;
        int index = -1;

        Frame(boolean array) {
            this.array = array;
        }
    }

    /** The field as the client wrote it: "title", "items.0.quantity"; null for the body as a whole. */
    private static String field(Deque<Frame> path) {
        StringBuilder field = new StringBuilder();
        var frames = path.descendingIterator();
        while (frames.hasNext()) {
            Frame frame = frames.next();
            String name = frame.array ? String.valueOf(frame.index) : frame.key;
            if (name != null) {
                field.append(field.length() == 0 ? "" : ".").append(name);
            }
        }
        return field.length() == 0 ? null : field.toString();
    }

    /** A stream that refuses to give more than {@code limit} bytes. */
    static final class Limited extends InputStream {

        private final InputStream in;
        private long left;

        Limited(InputStream in, long limit) {
            this.in = in;
            this.left = limit;
        }

        @Override
        public int read() throws IOException {
            int b = in.read();
            if (b >= 0 && --left < 0) {
                throw new BodyTooLarge();
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = in.read(buffer, offset, length);
            if (n > 0 && (left -= n) < 0) {
                throw new BodyTooLarge();
            }
            return n;
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }

    /** A body beyond the limit: 413. */
    public static final class BodyTooLarge extends RuntimeException {
        BodyTooLarge() {
            super(null, null, false, false);
        }
    }

    /** A body that cannot be bound at all: 400, with the field when one is to blame. */
    public static final class BadRequestBody extends RuntimeException {

        private final String field;
        private final String messageKey;
        private final transient Object[] arguments;

        BadRequestBody(String field, String messageKey, Object... arguments) {
            super(messageKey, null, false, false);
            this.field = field;
            this.messageKey = messageKey;
            this.arguments = arguments;
        }

        public String field() {
            return field;
        }

        public String messageKey() {
            return messageKey;
        }

        public Object[] arguments() {
            return arguments;
        }
    }
}
