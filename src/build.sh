# Sourced by src/run.sh, src/cluster.sh and the start benchmark: where the WAR and Payara Micro are, a build when
# sources are newer, and the class-data sharing archive that makes Payara Micro start faster.
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

# micro_with_archive DIR: sets micro_java, the java arguments that start Payara Micro with a class-data sharing
# archive (the JDK's CDS) kept in DIR, a folder of one server's own. A start spends most of its CPU loading classes and
# compiling them; the first start of a build writes the classes it loaded into the archive when it stops (which then
# takes some 8 s), and later starts map the archive instead of loading and verifying those classes again. A new WAR,
# Payara Micro or JDK writes a new one. CRM_CLASS_SHARING=false starts without it. BENCHMARKS.md has what it saves
# and what else was tried ("Payara Micro's start").
micro_with_archive() {
    local dir=$1 build
    if [[ ${CRM_CLASS_SHARING:-true} == false ]]; then
        micro_java=(-jar "$micro")
        return
    fi
    mkdir -p "$dir"
    build=$(stat -c '%n %s %Y' "$war" "$micro" "$(readlink -f "$(command -v java)")")
    if [[ -f $dir/classes.jsa && $(cat "$dir/classes.build" 2> /dev/null) == "$build" ]]; then
        micro_java=("-XX:SharedArchiveFile=$dir/classes.jsa")
    else
        rm -f "$dir/classes.jsa"
        echo "$build" > "$dir/classes.build"
        # Its warnings, about the few classes an archive cannot hold, tell whoever runs the server nothing.
        micro_java=(-Xlog:cds=off -Xlog:cds+dynamic=off "-XX:ArchiveClassesAtExit=$dir/classes.jsa")
    fi
    micro_java+=(-jar "$micro")
}
