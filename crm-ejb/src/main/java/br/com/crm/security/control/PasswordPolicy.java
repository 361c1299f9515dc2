package br.com.crm.security.control;

import br.com.crm.kernel.BusinessException;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * What a new password must be (ASVS 2.1): at least {@value #MIN_LENGTH} characters (any, spaces and emoji
 * included; at most {@value #MAX_LENGTH}), not containing the user name, and not one of the 10,000 most common
 * passwords shipped with the module. No composition rules: length and the list do the work.
 */
public final class PasswordPolicy {

    public static final int MIN_LENGTH = 12;
    public static final int MAX_LENGTH = 128;
    private static final Set<String> COMMON = load();

    private PasswordPolicy() {
    }

    /**
     * Refuses the password with a message naming the broken rule (field {@code password}); none is too short.
     * Returns it as characters, for the hash.
     */
    public static char[] check(String username, String password) {
        String text = password == null ? "" : password;
        int length = text.codePointCount(0, text.length());
        if (length < MIN_LENGTH) {
            throw new BusinessException(BusinessException.Kind.INVALID, "password.tooShort", "password", MIN_LENGTH);
        }
        if (length > MAX_LENGTH) {
            throw new BusinessException(BusinessException.Kind.INVALID, "password.tooLong", "password", MAX_LENGTH);
        }
        String folded = text.toLowerCase(Locale.ROOT);
        if (username != null && !username.isBlank() && folded.contains(username.toLowerCase(Locale.ROOT))) {
            throw new BusinessException(BusinessException.Kind.INVALID, "password.containsUsername", "password");
        }
        if (COMMON.contains(folded)) {
            throw new BusinessException(BusinessException.Kind.INVALID, "password.common", "password");
        }
        return text.toCharArray();
    }

    private static Set<String> load() {
        Set<String> common = new HashSet<>(16_384);
        try (InputStream in = PasswordPolicy.class.getResourceAsStream("/br/com/crm/security/common-passwords.txt");
             BufferedReader reader = new BufferedReader(new InputStreamReader(
                     Objects.requireNonNull(in, "common-passwords.txt"), StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                if (!line.isEmpty() && !line.startsWith("#")) {
                    common.add(line.strip().toLowerCase(Locale.ROOT));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Set.copyOf(common);
    }
}
