package br.com.crm.database.control;

import org.flywaydb.core.api.migration.Context;

import java.sql.Statement;

/**
 * Version 24: what the module keeps for the LGPD. Each customer's legal basis for holding their data and when they
 * were anonymised; the history of bases and consents ({@code crm_consent}: who recorded what, when and how the
 * person gave or withdrew it); the retention setting ({@code crm_privacy}, one row). And the audit trail's one
 * permitted change: an anonymisation may redact the personal data an entry's text names, nothing else of it. In
 * Java, not SQL, because that rule is a trigger written differently on H2 (a Java class, {@link AuditAppendOnly})
 * and PostgreSQL (PL/pgSQL).
 */
public class PrivacyTables extends VersionedMigration {

    public PrivacyTables() {
        super("24", "privacy", 24_001);
    }

    @Override
    public void migrate(Context context) throws Exception {
        Dialect dialect = Dialect.of(context.getConnection());
        try (Statement statement = context.getConnection().createStatement()) {
            statement.execute("alter table crm_customer add column legal_basis varchar(20)");
            statement.execute("alter table crm_customer add column anonymized_at timestamp with time zone");
            statement.execute("create sequence crm_consent_seq start with 50 increment by 50");
            statement.execute("""
                    create table crm_consent (
                        id           bigint        not null,
                        customer_id  bigint        not null,
                        basis        varchar(20),
                        consent      varchar(10),
                        how          varchar(500),
                        given_at     timestamp with time zone not null,
                        recorded_at  timestamp with time zone not null,
                        recorded_by  varchar(60)   not null,
                        constraint crm_consent_pk primary key (id),
                        constraint crm_consent_customer_fk foreign key (customer_id) references crm_customer (id)
                            on delete cascade,
                        constraint crm_consent_consent_ck check (consent in ('GIVEN', 'WITHDRAWN'))
                    )""");
            statement.execute("create index crm_consent_customer_ix on crm_consent (customer_id, recorded_at)");
            statement.execute("""
                    create table crm_privacy (
                        id               bigint  not null,
                        retention_months integer not null,
                        version          bigint  not null default 0,
                        constraint crm_privacy_pk primary key (id),
                        constraint crm_privacy_one_ck check (id = 1),
                        constraint crm_privacy_months_ck check (retention_months between 1 and 600)
                    )""");
            statement.execute("insert into crm_privacy (id, retention_months) values (1, 60)");
            if (dialect == Dialect.POSTGRESQL) {
                statement.execute("""
                        create or replace function crm_audit_append_only() returns trigger language plpgsql as $$
                        begin
                            if tg_op = 'UPDATE' and new.id = old.id and new.at = old.at and new.actor = old.actor
                                    and new.action = old.action and new.entity = old.entity
                                    and new.entity_id is not distinct from old.entity_id
                                    and new.subject_id is not distinct from old.subject_id
                                    and new.origin = old.origin and new.address is not distinct from old.address
                                    and (new.summary is not distinct from old.summary
                                         or new.summary like '%REDACTED%')
                                    and (new.changes is not distinct from old.changes
                                         or new.changes like '%REDACTED%') then
                                return new;
                            end if;
                            raise exception 'crm_audit is append-only: audit entries are never changed or deleted'
                                using errcode = '42501';
                        end $$""".replace("REDACTED", AuditAppendOnly.REDACTED));
            }
        }
    }
}
