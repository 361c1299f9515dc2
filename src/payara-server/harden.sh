#!/usr/bin/env bash
# The server-wide settings install.sh leaves to the administrator, since each takes effect only with a restart of the
# domain (made live, right after the listeners changed, the system test saw the HTTP listener stay closed): responses
# name no server or version, and /metrics asks for a login. Run once, then restart the domain when that suits the ERP.
#
#   ASADMIN=/opt/payara6/bin/asadmin ASADMIN_OPTS="--port 4848" src/payara-server/harden.sh
#   asadmin restart-domain
#
# Then give the monitoring system that scrapes /metrics a user of the microprofile group:
#   asadmin create-file-user --groups microprofile <name>
set -euo pipefail
asadmin=${ASADMIN:-asadmin}
read -r -a opts <<< "${ASADMIN_OPTS:-}"

run() {
    echo "+ asadmin $*"
    "$asadmin" "${opts[@]}" ${ASADMIN_PASSWORDFILE:+--passwordfile "$ASADMIN_PASSWORDFILE"} "$@"
}

for listener in http-listener-1 http-listener-2; do
    protocol=configs.config.server-config.network-config.protocols.protocol.$listener.http
    run set "$protocol.server-header=false" "$protocol.xpowered-by=false"
done
run set-metrics-configuration --securityenabled=true
echo "Restart the domain for these to take effect: asadmin restart-domain"
