package br.com.crm.security.control;

import br.com.crm.security.entity.DirectoryUnreachable;
import br.com.crm.security.entity.Roles;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.ArrayList;
import java.util.Hashtable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.logging.Logger;
import javax.naming.AuthenticationException;
import javax.naming.Context;
import javax.naming.NamingEnumeration;
import javax.naming.NamingException;
import javax.naming.PartialResultException;
import javax.naming.directory.Attribute;
import javax.naming.directory.Attributes;
import javax.naming.directory.DirContext;
import javax.naming.directory.InitialDirContext;
import javax.naming.directory.SearchControls;
import javax.naming.directory.SearchResult;

/**
 * The company's directory (LDAP: Active Directory, OpenLDAP…) as the source of who may log in and with which role,
 * when {@code crm.identity=ldap}. A service account finds the person by user name and their groups; the person's
 * own password is checked by binding as them. Which groups give which role is configuration
 * ({@code crm.ldap.roles=CRM-Admins=crm-admin,CRM-Vendas=crm-user,…}); a person in none of them has no access.
 * <p>
 * Through the JDK's own LDAP provider (JNDI): the service account's connections are pooled, every operation has a
 * connect and a read timeout, and user names reach the filters only as escaped filter arguments.
 */
@ApplicationScoped
public class Directory {

    private static final Logger LOG = Logger.getLogger(Directory.class.getName());

    /** A person as the directory describes them, with the one role their groups give. */
    public record Person(String username, String displayName, String email, String role) {
    }

    @Inject
    @ConfigProperty(name = "crm.identity", defaultValue = "database")
    String identity;

    @Inject
    @ConfigProperty(name = "crm.ldap.url", defaultValue = "ldap://localhost:389")
    String url;

    @Inject
    @ConfigProperty(name = "crm.ldap.bind-dn")
    Optional<String> bindDn;

    @Inject
    @ConfigProperty(name = "crm.ldap.bind-password")
    Optional<String> bindPassword;

    @Inject
    @ConfigProperty(name = "crm.ldap.user-base")
    Optional<String> userBase;

    /** {0}: the user name typed at login. Active Directory: {@code (&(objectClass=user)(sAMAccountName={0}))}. */
    @Inject
    @ConfigProperty(name = "crm.ldap.user-filter", defaultValue = "(&(objectClass=person)(uid={0}))")
    String userFilter;

    @Inject
    @ConfigProperty(name = "crm.ldap.group-base")
    Optional<String> groupBase;

    /** {0}: the user name, {1}: the person's distinguished name. */
    @Inject
    @ConfigProperty(name = "crm.ldap.group-filter", defaultValue = "(member={1})")
    String groupFilter;

    @Inject
    @ConfigProperty(name = "crm.ldap.group-name-attribute", defaultValue = "cn")
    String groupNameAttribute;

    @Inject
    @ConfigProperty(name = "crm.ldap.display-name-attribute", defaultValue = "displayName")
    String displayNameAttribute;

    @Inject
    @ConfigProperty(name = "crm.ldap.mail-attribute", defaultValue = "mail")
    String mailAttribute;

    /** Group name=role pairs, comma separated; a group by its name attribute (cn), not its DN. */
    @Inject
    @ConfigProperty(name = "crm.ldap.roles")
    Optional<String> roleMapping;

    @Inject
    @ConfigProperty(name = "crm.ldap.timeout-millis", defaultValue = "5000")
    int timeoutMillis;

    private Map<String, String> roles = Map.of();

    @PostConstruct
    void init() {
        roles = parseRoles(roleMapping.orElse(""));
        if (isUsed()) {
            if (roles.isEmpty()) {
                LOG.severe("crm.identity=ldap but crm.ldap.roles names no group: nobody can log in. "
                        + "Set e.g. crm.ldap.roles=CRM-Admins=crm-admin,CRM-Vendas=crm-user,CRM-Consulta=crm-viewer");
            }
            LOG.info(() -> "Logins go to the directory at " + url + " (users under '" + userBase.orElse("") + "', roles from "
                    + roles + ")");
        }
    }

    /** Whether the company's directory, not the module's own users, says who may log in. */
    public boolean isUsed() {
        return "ldap".equalsIgnoreCase(identity.strip());
    }

    /** The person, if the directory knows them by this name and password and one of their groups gives a role. */
    public Optional<Person> authenticate(String username, char[] password) {
        if (password == null || password.length == 0) {
            return Optional.empty(); // an empty password is an anonymous bind, which a directory accepts
        }
        return withServiceAccount(directory -> {
            Optional<SearchResult> entry = findEntry(directory, username);
            if (entry.isEmpty() || !passwordIsRight(entry.get().getNameInNamespace(), password)) {
                return Optional.empty();
            }
            return person(directory, username, entry.get());
        });
    }

    /** The person as the directory describes them now; empty once removed from it or from every mapped group. */
    public Optional<Person> find(String username) {
        return withServiceAccount(directory -> {
            Optional<SearchResult> entry = findEntry(directory, username);
            return entry.isEmpty() ? Optional.empty() : person(directory, username, entry.get());
        });
    }

    private Optional<Person> person(DirContext directory, String username, SearchResult entry)
            throws NamingException {
        String role = roleOf(groupsOf(directory, username, entry.getNameInNamespace()));
        if (role == null) {
            return Optional.empty();
        }
        Attributes attributes = entry.getAttributes();
        String displayName = text(attributes, displayNameAttribute);
        if (displayName == null) {
            displayName = text(attributes, "cn");
        }
        return Optional.of(new Person(username, displayName == null ? username : displayName,
                text(attributes, mailAttribute), role));
    }

    private Optional<SearchResult> findEntry(DirContext directory, String username) throws NamingException {
        SearchControls controls = controls(displayNameAttribute, mailAttribute, "cn");
        controls.setCountLimit(2);
        List<SearchResult> found = results(directory.search(userBase.orElse(""), userFilter, new Object[]{username}, controls));
        if (found.size() > 1) {
            LOG.warning(() -> "The directory has more than one entry for '" + username + "': none is let in");
            return Optional.empty();
        }
        return found.stream().findFirst();
    }

    private List<String> groupsOf(DirContext directory, String username, String dn) throws NamingException {
        List<String> names = new ArrayList<>();
        for (SearchResult group : results(directory.search(groupBase.orElse(""), groupFilter, new Object[]{username, dn},
                controls(groupNameAttribute)))) {
            String name = text(group.getAttributes(), groupNameAttribute);
            if (name != null) {
                names.add(name);
            }
        }
        return names;
    }

    /** The highest role any of the groups gives: crm-admin, then crm-user, then crm-viewer. */
    String roleOf(List<String> groups) {
        return Roles.highest(groups.stream().map(group -> roles.get(group.toLowerCase(Locale.ROOT)))
                .filter(Objects::nonNull).toList());
    }

    static Map<String, String> parseRoles(String mapping) {
        Map<String, String> parsed = new LinkedHashMap<>();
        for (String pair : mapping.split(",")) {
            int equals = pair.lastIndexOf('=');
            if (pair.isBlank()) {
                continue;
            }
            String role = equals < 0 ? "" : pair.substring(equals + 1).strip();
            if (!Roles.isKnown(role)) {
                throw new IllegalArgumentException("crm.ldap.roles: '" + pair.strip()
                        + "' is not group=role with a role of crm-admin, crm-user or crm-viewer");
            }
            parsed.put(pair.substring(0, equals).strip().toLowerCase(Locale.ROOT), role);
        }
        return Map.copyOf(parsed);
    }

    private boolean passwordIsRight(String dn, char[] password) throws NamingException {
        Hashtable<String, Object> env = environment(dn, password);
        try {
            new InitialDirContext(env).close();
            return true;
        } catch (AuthenticationException wrong) {
            return false;
        }
    }

    private interface Search<T> {
        T in(DirContext directory) throws NamingException;
    }

    private <T> T withServiceAccount(Search<T> search) {
        Hashtable<String, Object> env = environment(bindDn.orElse(null), bindPassword.map(String::toCharArray)
                .orElse(null));
        // Pooled: the service account asks on every request of a logged-in user.
        env.put("com.sun.jndi.ldap.connect.pool", "true");
        DirContext directory = null;
        try {
            directory = new InitialDirContext(env);
            return search.in(directory);
        } catch (NamingException e) {
            throw new DirectoryUnreachable("The directory at " + url + " could not be asked: " + e, e);
        } finally {
            if (directory != null) {
                try {
                    directory.close();
                } catch (NamingException ignored) {
                    // the connection goes back to the pool or is dropped; nothing to undo
                }
            }
        }
    }

    private Hashtable<String, Object> environment(String principal, char[] password) {
        Hashtable<String, Object> env = new Hashtable<>();
        env.put(Context.INITIAL_CONTEXT_FACTORY, "com.sun.jndi.ldap.LdapCtxFactory");
        env.put(Context.PROVIDER_URL, url);
        // Referrals of Active Directory's domain root are not followed (they name hosts of other domains).
        env.put(Context.REFERRAL, "ignore");
        env.put("com.sun.jndi.ldap.connect.timeout", String.valueOf(timeoutMillis));
        env.put("com.sun.jndi.ldap.read.timeout", String.valueOf(timeoutMillis));
        if (principal != null && password != null && password.length > 0) {
            env.put(Context.SECURITY_AUTHENTICATION, "simple");
            env.put(Context.SECURITY_PRINCIPAL, principal);
            env.put(Context.SECURITY_CREDENTIALS, password);
        } else {
            env.put(Context.SECURITY_AUTHENTICATION, "none");
        }
        return env;
    }

    private SearchControls controls(String... attributes) {
        SearchControls controls = new SearchControls();
        controls.setSearchScope(SearchControls.SUBTREE_SCOPE);
        controls.setReturningAttributes(attributes);
        controls.setTimeLimit(timeoutMillis);
        return controls;
    }

    private static List<SearchResult> results(NamingEnumeration<SearchResult> found) throws NamingException {
        List<SearchResult> results = new ArrayList<>();
        try {
            while (found.hasMore()) {
                results.add(found.next());
            }
        } catch (PartialResultException referral) {
            // Active Directory ends a search of the domain root with referrals, ignored above
        } finally {
            found.close();
        }
        return results;
    }

    private static String text(Attributes attributes, String name) throws NamingException {
        Attribute attribute = attributes.get(name);
        Object value = attribute == null ? null : attribute.get();
        return value == null || value.toString().isBlank() ? null : value.toString().strip();
    }
}
