# Sourced by src/run.sh and src/cluster.sh: where the WAR and Payara Micro are, and a build when sources are newer.
war=crm-ear/target/crm-micro.war
micro=crm-ear/target/payara-micro.jar

# Rebuild when any source or POM is newer than the WAR (or nothing was built yet).
build_if_needed() {
    if [[ ! -f $war || ! -f $micro ]] \
            || [[ -n $(find pom.xml crm-*/pom.xml crm-*/src -newer "$war" -type f -print -quit) ]]; then
        echo "Building the module (mvn package)..."
        mvn -q -B -DskipTests package
    fi
}
