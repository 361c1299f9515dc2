package br.com.crm.web.shell;

import br.com.crm.kernel.Text;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

/** Reading a query string as the container will, to refuse it before anything uses it. */
final class QueryStrings {

    private QueryStrings() {
    }

    /** The name of the first query parameter that does not decode or holds a forbidden character, or null. */
    static String badParameter(String query) {
        if (query == null || query.isEmpty()) {
            return null;
        }
        for (String pair : query.split("&")) {
            int equals = pair.indexOf('=');
            String name = equals < 0 ? pair : pair.substring(0, equals);
            try {
                String decodedName = URLDecoder.decode(name, StandardCharsets.UTF_8);
                String value = equals < 0 ? "" : URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
                if (Text.forbiddenAt(decodedName) >= 0 || Text.forbiddenAt(value) >= 0) {
                    return Text.forbiddenAt(decodedName) >= 0 ? "?" : decodedName;
                }
            } catch (IllegalArgumentException e) {
                return name.length() > 40 ? name.substring(0, 40) : name;
            }
        }
        return null;
    }
}
