package br.com.crm.web.shell;

/**
 * JSON that a page writes inside a {@code <script>} block (PrimeFaces charts write their model so): the
 * characters that could end the block or start markup ({@code <}, {@code >}, {@code &}) and the line separators
 * that end a JavaScript string (U+2028, U+2029) are written as JSON escapes. They can only occur inside JSON
 * strings, so the JSON means the same; a stage named {@code </script><img onerror=...>} stays a name.
 */
public final class ScriptJson {

    private ScriptJson() {
    }

    public static String safe(String json) {
        StringBuilder out = new StringBuilder(json.length() + 16);
        for (int i = 0; i < json.length(); i++) {
            char c = json.charAt(i);
            switch (c) {
                case '<' -> out.append("\\u003c");
                case '>' -> out.append("\\u003e");
                case '&' -> out.append("\\u0026");
                case '\u2028' -> out.append("\\u2028");
                case '\u2029' -> out.append("\\u2029");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
