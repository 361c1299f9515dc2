package br.com.crm.database.control;

import br.com.crm.testing.TestDatabases.TestDatabase;
import br.com.crm.testing.TestDatabases;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The versioned migrations, run by the same configuration the server uses, on real H2 and PostgreSQL. */
class SchemaMigrationIT {

    static List<TestDatabase> databases() {
        return TestDatabases.all();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void migratesAnEmptyDatabaseAndIsIdempotent(TestDatabase db) throws Exception {
        // JUnit closes the database (an AutoCloseable argument) after the test.
        Flyway flyway = SchemaMigration.configure(db.dataSource(), getClass().getClassLoader(), false).load();

        MigrateResult first = flyway.migrate();
        assertThat(first.success).isTrue();
        assertThat(first.migrationsExecuted).isGreaterThan(0);
        assertThat(flyway.info().pending()).isEmpty();

        MigrateResult second = flyway.migrate();
        assertThat(second.migrationsExecuted).isZero();
        flyway.validate();

        try (Connection c = db.dataSource().getConnection()) {
            c.createStatement().execute("insert into crm_user (id, username, display_name, password_hash, "
                    + "created_at) values (1, 'maria', 'Maria', 'x', current_timestamp)");
            c.createStatement().execute("insert into crm_user_role (user_id, role) values (1, 'crm-user')");
            try (ResultSet rs = c.createStatement().executeQuery(
                    "select u.active, u.version, r.role from crm_user u join crm_user_role r on r.user_id = u.id")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getBoolean(1)).isTrue();
                assertThat(rs.getLong(2)).isZero();
                assertThat(rs.getString(3)).isEqualTo("crm-user");
            }
            assertThatThrownBy(() -> c.createStatement().execute(
                    "insert into crm_user_role (user_id, role) values (1, 'root')"))
                    .as("roles are limited to the module's three")
                    .isInstanceOf(SQLException.class);
            assertThatThrownBy(() -> c.createStatement().execute("insert into crm_user (id, username, "
                    + "display_name, password_hash, created_at) values (2, 'maria', 'M', 'x', current_timestamp)"))
                    .as("user names are unique")
                    .isInstanceOf(SQLException.class);

            try (ResultSet rs = c.createStatement()
                    .executeQuery("select position from crm_stage where closing = true")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getInt(1)).as("the last stage closes").isEqualTo(5);
                assertThat(rs.next()).as("only one closes").isFalse();
            }
            assertThatThrownBy(() -> c.createStatement()
                    .execute("update crm_stage set closing = true where position = 1"))
                    .as("a second closing stage is refused by the schema")
                    .isInstanceOf(SQLException.class);
            assertThatThrownBy(() -> c.createStatement()
                    .execute("update crm_stage set closing = false where position = 1"))
                    .as("not closing is null, not false (the unique column holds one true)")
                    .isInstanceOf(SQLException.class);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void theDemoErpAddsItsViewsWithDatesFromToday(TestDatabase db) throws Exception {
        MigrateResult result = SchemaMigration.configure(db.dataSource(), getClass().getClassLoader(), true).load()
                .migrate();
        assertThat(result.success).isTrue();
        try (Connection c = db.dataSource().getConnection()) {
            try (ResultSet rs = c.createStatement().executeQuery("select count(*), min(due_on), max(due_on) "
                    + "from erp_receivable where balance > 0 and due_on < current_date")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getLong(1)).as("some receivables overdue today").isPositive();
                assertThat(rs.getDate(3).toLocalDate()).isBefore(LocalDate.now().plusDays(1));
            }
            for (String view : List.of("erp_customer", "erp_sales_document", "erp_service_document", "erp_product")) {
                try (ResultSet rs = c.createStatement().executeQuery("select count(*) from " + view)) {
                    assertThat(rs.next()).isTrue();
                    assertThat(rs.getLong(1)).as(view).isPositive();
                }
            }
        }
        // Leaving demo mode later: the same history, valid.
        SchemaMigration.configure(db.dataSource(), getClass().getClassLoader(), false).load().validate();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void rowsOfAnEarlierVersionGetTheFactsLaterVersionsKeep(TestDatabase db) throws Exception {
        SchemaMigration.configure(db.dataSource(), getClass().getClassLoader(), false).target("15").load().migrate();
        try (Connection c = db.dataSource().getConnection()) {
            c.createStatement().execute("insert into crm_user (id, username, display_name, password_hash, "
                    + "created_at) values (1, 'maria', 'Maria', 'x', current_timestamp)");
            c.createStatement().execute("insert into crm_customer (id, name, search_name, kind, contact_status, "
                    + "created_at) values (1, 'Acme', 'acme', 'COMPANY', 'LEAD', current_timestamp)");
            c.createStatement().execute("insert into crm_subject (id, title, search_title, customer_id, stage_id, "
                    + "responsible_id, stage_entered_at, created_at, created_by, updated_at, updated_by, "
                    + "last_activity_at) select 1, 'Deal', 'deal', 1, id, 1, current_timestamp, current_timestamp, "
                    + "'maria', current_timestamp, 'maria', current_timestamp from crm_stage where position = 2");
            // Stage 1 on day 1, stage 3 on day 2 (further), back to stage 2 on day 3 (not further than 3).
            c.createStatement().execute("insert into crm_stage_change (id, subject_id, to_stage_id, to_stage_name, "
                    + "changed_at, changed_by) select 10 + position, 1, id, description, "
                    + "timestamp with time zone '2026-01-01 12:00:00+00' + case position when 1 then interval '0' day "
                    + "when 3 then interval '1' day else interval '2' day end, 'maria' from crm_stage "
                    + "where position in (1, 2, 3)");
            // Won at 01:30 UTC on 1 February: still 31 January in São Paulo.
            c.createStatement().execute("insert into crm_subject (id, title, search_title, customer_id, stage_id, "
                    + "responsible_id, amount, outcome, stage_entered_at, created_at, created_by, updated_at, "
                    + "updated_by, last_activity_at) select 2, 'Won', 'won', 1, id, 1, 1000.50, 'WON', "
                    + "current_timestamp, current_timestamp, 'maria', current_timestamp, 'maria', current_timestamp "
                    + "from crm_stage where position = 5");
            c.createStatement().execute("insert into crm_stage_change (id, subject_id, to_stage_id, to_stage_name, "
                    + "outcome, changed_at, changed_by) select 20, 2, id, description, 'WON', "
                    + "timestamp with time zone '2026-02-01 01:30:00+00', 'maria' from crm_stage where position = 5");
        }
        SchemaMigration.configure(db.dataSource(), getClass().getClassLoader(), false).load().migrate();
        try (Connection c = db.dataSource().getConnection()) {
            List<String> probabilities = new ArrayList<>();
            try (ResultSet rs = c.createStatement().executeQuery(
                    "select position, probability from crm_stage order by position")) {
                while (rs.next()) {
                    probabilities.add(rs.getInt(1) + ":" + rs.getObject(2));
                }
            }
            assertThat(probabilities).as("default win probabilities (20); none on the closing stage")
                    .containsExactly("1:10", "2:25", "3:50", "4:75", "5:null");
            List<String> forecast = new ArrayList<>();
            try (ResultSet rs = c.createStatement().executeQuery("select f.close_on, st.position, f.outcome, f.subjects, "
                    + "f.amount from crm_forecast_day f join crm_stage st on st.id = f.stage_id order by f.close_on")) {
                while (rs.next()) {
                    forecast.add(rs.getDate(1).toLocalDate() + " " + rs.getInt(2) + " " + rs.getString(3) + " "
                            + rs.getLong(4) + " " + rs.getBigDecimal(5).toPlainString());
                }
            }
            assertThat(forecast).as("the forecast's counts (20): a closed subject on its São Paulo closing day, an "
                    + "open one without a date on the last day").containsExactly("2026-01-31 5 WON 1 1000.50",
                    "9999-12-31 2 OPEN 1 0.00");
            List<String> stageDays = new ArrayList<>();
            try (ResultSet rs = c.createStatement().executeQuery("select d.entered_on, st.position, "
                    + "d.responsible_id, d.entered, d.advanced, d.left_stage, d.stay_seconds from crm_stage_day d "
                    + "join crm_stage st on st.id = d.stage_id order by d.entered_on")) {
                while (rs.next()) {
                    stageDays.add(rs.getDate(1).toLocalDate() + " " + rs.getInt(2) + " by " + rs.getLong(3) + ": "
                            + rs.getLong(4) + " " + rs.getLong(5) + " " + rs.getLong(6) + " "
                            + rs.getBigDecimal(7).stripTrailingZeros().toPlainString());
                }
            }
            assertThat(stageDays).as("the stage report's counts (23): entries by São Paulo day (01:30 UTC is the "
                    + "day before), stage and responsible; entered, advanced, left, seconds in the stage")
                    .containsExactly("2026-01-01 1 by 1: 1 1 1 86400", "2026-01-02 3 by 1: 1 0 1 86400",
                            "2026-01-03 2 by 1: 1 0 0 0", "2026-01-31 5 by 1: 1 0 0 0");
        }
        try (Connection c = db.dataSource().getConnection();
             ResultSet rs = c.createStatement().executeQuery("select st.position, h.left_at, h.advanced, h.to_position "
                     + "from crm_stage_change h join crm_stage st on st.id = h.to_stage_id where h.subject_id = 1 "
                     + "order by h.changed_at")) {
            List<String> facts = new ArrayList<>();
            while (rs.next()) {
                facts.add(rs.getInt(1) + " " + (rs.getObject(2) == null ? "there"
                        : rs.getObject(2, OffsetDateTime.class).toInstant()) + " " + rs.getBoolean(3) + " at "
                        + rs.getInt(4));
            }
            assertThat(facts).as("the stage history (16, 19): when each entry was left, whether a further stage "
                    + "followed, the stage's position").containsExactly("1 2026-01-02T12:00:00Z true at 1",
                    "3 2026-01-03T12:00:00Z false at 3", "2 there false at 2");
        }
        try (Connection c = db.dataSource().getConnection();
             ResultSet rs = c.createStatement().executeQuery("select search_text from crm_subject where id = 1")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).as("what text searches read (17)").isEqualTo("deal acme");
        }
        if (db.name().equals("PostgreSQL")) {
            try (Connection c = db.dataSource().getConnection();
                 ResultSet rs = c.createStatement().executeQuery("select indexdef from pg_indexes "
                         + "where indexname = 'crm_subject_search_text_ix'")) {
                assertThat(rs.next()).as("a trigram index answers searches for a fragment").isTrue();
                assertThat(rs.getString(1)).contains("gin_trgm_ops");
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void anAuditEntryCannotBeChangedOrDeletedWithSql(TestDatabase db) throws Exception {
        SchemaMigration.configure(db.dataSource(), getClass().getClassLoader(), false).load().migrate();
        try (Connection c = db.dataSource().getConnection()) {
            c.createStatement().execute("insert into crm_audit (at, actor, action, entity, entity_id, summary, "
                    + "origin) values (current_timestamp, 'ana', 'DELETE', 'SUBJECT', 7, 'Reforma · R$ 10', 'API')");
            assertThatThrownBy(() -> c.createStatement().execute("update crm_audit set actor = 'bruno'"))
                    .as("an entry is never rewritten")
                    .isInstanceOf(SQLException.class).hasMessageContaining("append-only");
            assertThatThrownBy(() -> c.createStatement().execute("delete from crm_audit where entity_id = 7"))
                    .as("nor deleted")
                    .isInstanceOf(SQLException.class).hasMessageContaining("append-only");
            try (ResultSet rs = c.createStatement().executeQuery("select actor, count(*) from crm_audit group by actor")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).isEqualTo("ana");
                assertThat(rs.getLong(2)).isEqualTo(1);
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void anAnonymisationMayRedactAnAuditEntrysTextAndNothingElse(TestDatabase db) throws Exception {
        SchemaMigration.configure(db.dataSource(), getClass().getClassLoader(), false).load().migrate();
        try (Connection c = db.dataSource().getConnection()) {
            c.createStatement().execute("insert into crm_audit (at, actor, action, entity, entity_id, summary, "
                    + "changes, origin) values (current_timestamp, 'ana', 'CREATE', 'CUSTOMER', 8, 'Joana Prado', "
                    + "'{\"email\":[null,\"joana@x.com\"]}', 'API')");
            c.createStatement().execute("update crm_audit set summary = '[anonimizado]', "
                    + "changes = '{\"email\":[null,\"[anonimizado]\"]}' where entity_id = 8");
            assertThatThrownBy(() -> c.createStatement().execute(
                    "update crm_audit set summary = 'Outra pessoa' where entity_id = 8"))
                    .as("a text changed to anything but a redaction")
                    .isInstanceOf(SQLException.class).hasMessageContaining("append-only");
            assertThatThrownBy(() -> c.createStatement().execute(
                    "update crm_audit set summary = '[anonimizado] de novo', actor = 'bruno' where entity_id = 8"))
                    .as("a redaction that also changes who did it")
                    .isInstanceOf(SQLException.class).hasMessageContaining("append-only");
            assertThatThrownBy(() -> c.createStatement().execute("delete from crm_audit where entity_id = 8"))
                    .isInstanceOf(SQLException.class).hasMessageContaining("append-only");
            try (ResultSet rs = c.createStatement().executeQuery(
                    "select actor, summary, changes from crm_audit where entity_id = 8")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).isEqualTo("ana");
                assertThat(rs.getString(2)).isEqualTo("[anonimizado]");
                assertThat(rs.getString(3)).doesNotContain("joana");
            }
        }
    }
}
