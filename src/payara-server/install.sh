#!/usr/bin/env bash
# Installs (or upgrades) crm.ear in an existing, running Payara Server 6 domain, next to the ERP.
# Every step is an asadmin command; run it again to upgrade: the schema migrates on start, data stays.
#
#   src/payara-server/install.sh /path/to/crm.ear
#
# Environment (all optional but the database in production):
#   ASADMIN              asadmin of the server (default: asadmin on PATH)
#   ASADMIN_OPTS         how to reach the DAS, e.g. "--host erp1 --port 4848 --user admin"
#   ASADMIN_PASSWORDFILE the file with AS_ADMIN_PASSWORD=... for that DAS user (never on the command line)
#   CRM_DB_CLASS         org.postgresql.ds.PGSimpleDataSource (production) or org.h2.jdbcx.JdbcDataSource
#   CRM_DB_URL           e.g. jdbc:postgresql://dbhost:5432/crm
#   CRM_DB_USER          the database role of the module
#   CRM_DB_PASSWORD      stored as a password alias of the domain, never in clear in domain.xml
#   CRM_MAIL_HOST, CRM_MAIL_PORT, CRM_MAIL_FROM, CRM_MAIL_USER, CRM_MAIL_AUTH (true/false), CRM_MAIL_STARTTLS
#                        the SMTP server proposals and e-mails go through
#   CRM_MAIL_PASSWORD    stored as a password alias
#   CRM_ADMIN_USERNAME   the first crm-admin, created at start when none exists (first install only)
#   CRM_ADMIN_PASSWORD   its password, also stored as a password alias; delete the alias after the first login
#   CRM_IDENTITY         ldap: the company's directory says who logs in, with which role (README, "The company's
#                        directory"); database (the default): the module's own users
#   CRM_LDAP_URL, CRM_LDAP_BIND_DN, CRM_LDAP_USER_BASE, CRM_LDAP_USER_FILTER, CRM_LDAP_GROUP_BASE,
#   CRM_LDAP_GROUP_FILTER, CRM_LDAP_GROUP_NAME_ATTRIBUTE, CRM_LDAP_DISPLAY_NAME_ATTRIBUTE, CRM_LDAP_MAIL_ATTRIBUTE,
#   CRM_LDAP_ROLES, CRM_LDAP_TIMEOUT_MILLIS
#                        the directory and how to read it
#   CRM_LDAP_BIND_PASSWORD the service account's password, stored as a password alias
set -euo pipefail

ear=${1:?usage: install.sh /path/to/crm.ear}
[[ -f $ear ]] || { echo "No such file: $ear" >&2; exit 2; }
asadmin=${ASADMIN:-asadmin}
read -r -a opts <<< "${ASADMIN_OPTS:-}"

run() {
    echo "+ asadmin $*" | sed -E 's/(AS_ADMIN_[A-Z]+=)[^ ]*/\1*****/g'
    "$asadmin" "${opts[@]}" ${ASADMIN_PASSWORDFILE:+--passwordfile "$ASADMIN_PASSWORDFILE"} "$@"
}

# A MicroProfile Config property of the whole domain: the module reads its configuration from there.
config() {
    run set-config-property --source=domain --propertyName="$1" --propertyValue="$2"
}

# A secret as a password alias of the domain; Payara serves aliases as config properties of the same name.
secret() {
    local name=$1 value=$2 file
    file=$(mktemp)
    chmod 600 "$file"
    trap 'rm -f "$file"' RETURN
    [[ -n ${ASADMIN_PASSWORDFILE:-} ]] && cat "$ASADMIN_PASSWORDFILE" > "$file"
    printf 'AS_ADMIN_ALIASPASSWORD=%s\n' "$value" >> "$file"
    "$asadmin" "${opts[@]}" --passwordfile "$file" delete-password-alias "$name" > /dev/null 2>&1 || true
    echo "+ asadmin create-password-alias $name"
    "$asadmin" "${opts[@]}" --passwordfile "$file" create-password-alias "$name"
}

# 1. Database. The module defines its own connection pool (validated connections, java:app/jdbc/crm);
#    the JDBC drivers for PostgreSQL and H2 ship inside the EAR, so no driver is added to the server.
[[ -n ${CRM_DB_CLASS:-} ]] && config crm.db.class "$CRM_DB_CLASS"
[[ -n ${CRM_DB_URL:-} ]] && config crm.db.url "$CRM_DB_URL"
[[ -n ${CRM_DB_USER:-} ]] && config crm.db.user "$CRM_DB_USER"
[[ -n ${CRM_DB_PASSWORD:-} ]] && secret crm.db.password "$CRM_DB_PASSWORD"

# 2. Mail session (java:app/mail/crm, defined by the module): the SMTP server to send through.
[[ -n ${CRM_MAIL_HOST:-} ]] && config crm.mail.host "$CRM_MAIL_HOST"
[[ -n ${CRM_MAIL_PORT:-} ]] && config crm.mail.port "$CRM_MAIL_PORT"
[[ -n ${CRM_MAIL_FROM:-} ]] && config crm.mail.from "$CRM_MAIL_FROM"
[[ -n ${CRM_MAIL_USER:-} ]] && config crm.mail.user "$CRM_MAIL_USER"
[[ -n ${CRM_MAIL_AUTH:-} ]] && config crm.mail.auth "$CRM_MAIL_AUTH"
[[ -n ${CRM_MAIL_STARTTLS:-} ]] && config crm.mail.starttls "$CRM_MAIL_STARTTLS"
[[ -n ${CRM_MAIL_PASSWORD:-} ]] && secret crm.mail.password "$CRM_MAIL_PASSWORD"

# 3. The first administrator (only used while the module has no active crm-admin).
[[ -n ${CRM_ADMIN_USERNAME:-} ]] && config crm.admin.username "$CRM_ADMIN_USERNAME"
[[ -n ${CRM_ADMIN_PASSWORD:-} ]] && secret crm.admin.password "$CRM_ADMIN_PASSWORD"

# 4. Who logs in: the module's own users, or the company's directory (then the first administrator is whoever
#    its administrators' group holds).
[[ -n ${CRM_IDENTITY:-} ]] && config crm.identity "$CRM_IDENTITY"
for setting in URL BIND_DN USER_BASE USER_FILTER GROUP_BASE GROUP_FILTER GROUP_NAME_ATTRIBUTE DISPLAY_NAME_ATTRIBUTE \
               MAIL_ATTRIBUTE ROLES TIMEOUT_MILLIS; do
    variable=CRM_LDAP_$setting
    [[ -n ${!variable:-} ]] && config "crm.ldap.$(tr 'A-Z_' 'a-z-' <<< "$setting")" "${!variable}"
done
[[ -n ${CRM_LDAP_BIND_PASSWORD:-} ]] && secret crm.ldap.bind-password "$CRM_LDAP_BIND_PASSWORD"

# 5. Roles: the EAR maps the roles crm-admin, crm-user and crm-viewer to the groups of the same name that
#    its identity store reports (glassfish-application.xml); nothing to set on the server.

# 6. Responses that name no server or version, and a /metrics behind a login, need a restart of the domain: they are
#    src/payara-server/harden.sh, run by the administrator when a restart suits the ERP (README, "Configure").

# 7. Deploy (or redeploy: --force keeps the same name, the schema migrates on start). The EAR sets /crm.
run deploy --force=true --name crm "$ear"

echo "crm is deployed: http://<server>:<http-port>/crm/ (readiness: /health/ready)"
echo "Once, when a restart of the domain suits: src/payara-server/harden.sh (no Server header, /metrics behind a login)"
