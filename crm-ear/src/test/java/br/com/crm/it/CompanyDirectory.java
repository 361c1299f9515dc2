package br.com.crm.it;

import com.unboundid.ldap.listener.InMemoryDirectoryServer;
import com.unboundid.ldap.listener.InMemoryDirectoryServerConfig;
import com.unboundid.ldap.listener.InMemoryListenerConfig;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.Modification;
import com.unboundid.ldap.sdk.ModificationType;
import com.unboundid.ldif.LDIFException;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * A company's directory for the tests: a real LDAP server (UnboundID's in-memory one) in the test JVM, laid out as
 * an OpenLDAP would be: people under {@code ou=people} with {@code uid}, {@code displayName}, {@code mail} and a
 * password; groups of names under {@code ou=groups}; a service account the module binds as.
 */
final class CompanyDirectory implements AutoCloseable {

    static final String BASE = "dc=empresa,dc=test";
    static final String PEOPLE = "ou=people," + BASE;
    static final String GROUPS = "ou=groups," + BASE;
    static final String SERVICE_DN = "cn=crm-service,ou=services," + BASE;
    static final String ADMINS = "CRM-Admins";
    static final String SELLERS = "CRM-Vendas";
    static final String VIEWERS = "CRM-Consulta";

    final String servicePassword = "svc-" + UUID.randomUUID();
    private final InMemoryDirectoryServer server;

    CompanyDirectory() throws LDAPException, LDIFException {
        InMemoryDirectoryServerConfig config = new InMemoryDirectoryServerConfig(BASE);
        config.addAdditionalBindCredentials(SERVICE_DN, servicePassword);
        config.setListenerConfigs(InMemoryListenerConfig.createLDAPConfig("ldap", 0));
        config.setSchema(null); // groupOfNames with members added and removed freely, as the tests need
        server = new InMemoryDirectoryServer(config);
        server.add("dn: " + BASE, "objectClass: top", "objectClass: domain", "dc: empresa");
        server.add("dn: " + PEOPLE, "objectClass: organizationalUnit", "ou: people");
        server.add("dn: " + GROUPS, "objectClass: organizationalUnit", "ou: groups");
        for (String group : new String[]{ADMINS, SELLERS, VIEWERS, "Financeiro"}) {
            server.add("dn: cn=" + group + "," + GROUPS, "objectClass: groupOfNames", "cn: " + group);
        }
        server.startListening();
    }

    /** A person with a password, in these groups. */
    void person(String uid, String displayName, String password, String... groups)
            throws LDAPException, LDIFException {
        server.add("dn: " + dn(uid), "objectClass: inetOrgPerson", "uid: " + uid, "cn: " + displayName,
                "sn: " + displayName.substring(displayName.lastIndexOf(' ') + 1), "displayName: " + displayName,
                "mail: " + uid + "@empresa.test", "userPassword: " + password);
        for (String group : groups) {
            join(uid, group);
        }
    }

    void join(String uid, String group) throws LDAPException {
        server.modify("cn=" + group + "," + GROUPS, new Modification(ModificationType.ADD, "member", dn(uid)));
    }

    void leave(String uid, String group) throws LDAPException {
        server.modify("cn=" + group + "," + GROUPS, new Modification(ModificationType.DELETE, "member", dn(uid)));
    }

    void remove(String uid) throws LDAPException {
        server.delete(dn(uid));
    }

    void rename(String uid, String displayName) throws LDAPException {
        server.modify(dn(uid), new Modification(ModificationType.REPLACE, "displayName", displayName));
    }

    String url() {
        return "ldap://127.0.0.1:" + server.getListenPort();
    }

    static String dn(String uid) {
        return "uid=" + uid + "," + PEOPLE;
    }

    /**
     * The module's directory settings for this directory, as MicroProfile Config names them (the environment's
     * names are these upper case, dots and dashes as underscores), the service account's password included.
     */
    Map<String, String> settings() {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("crm.identity", "ldap");
        settings.put("crm.ldap.url", url());
        settings.put("crm.ldap.bind-dn", SERVICE_DN);
        settings.put("crm.ldap.bind-password", servicePassword);
        settings.put("crm.ldap.user-base", PEOPLE);
        settings.put("crm.ldap.user-filter", "(&(objectClass=inetOrgPerson)(uid={0}))");
        settings.put("crm.ldap.group-base", GROUPS);
        settings.put("crm.ldap.group-filter", "(&(objectClass=groupOfNames)(member={1}))");
        settings.put("crm.ldap.roles", ADMINS + "=crm-admin," + SELLERS + "=crm-user," + VIEWERS + "=crm-viewer");
        return settings;
    }

    static Map<String, String> asEnvironment(Map<String, String> settings) {
        Map<String, String> env = new LinkedHashMap<>();
        settings.forEach((key, value) -> env.put(key.toUpperCase().replaceAll("[^A-Z0-9]", "_"), value));
        return env;
    }

    @Override
    public void close() {
        server.shutDown(true);
    }
}
