package br.com.crm.database.control;

import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.JavaMigration;

/**
 * A migration written in Java (where H2 and PostgreSQL need different SQL), named by what it makes rather than by
 * Flyway's class-name convention; its version, description and checksum are fixed once released, like a SQL file's.
 */
abstract class VersionedMigration implements JavaMigration {

    private final MigrationVersion version;
    private final String description;
    private final int checksum;

    VersionedMigration(String version, String description, int checksum) {
        this.version = MigrationVersion.fromVersion(version);
        this.description = description;
        this.checksum = checksum;
    }

    @Override
    public MigrationVersion getVersion() {
        return version;
    }

    @Override
    public String getDescription() {
        return description;
    }

    @Override
    public Integer getChecksum() {
        return checksum;
    }

    @Override
    public boolean canExecuteInTransaction() {
        return true;
    }
}
