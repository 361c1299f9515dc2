package br.com.crm.privacy.control;

import br.com.crm.customer.entity.Customer;
import br.com.crm.customer.entity.TaxId;
import br.com.crm.kernel.AuditEvent;
import br.com.crm.kernel.Change;
import br.com.crm.kernel.Changes;
import br.com.crm.kernel.Text;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Anonymises one customer inside the caller's transaction, for the boundaries that do it (one customer on request,
 * many from the retention review): the customer's own fields, then every text the module wrote about them — their
 * subjects' titles and descriptions, activities, notes, e-mails (addresses, subject, body), proposals' terms and
 * notes, bases and consents, webhook events, the audit trail's summaries — replaced where they name the person.
 * Values, dates, stages, counts and every kept figure stay as they were. Rows that change get a new version, so a
 * page open on them meets a stale-copy refusal instead of writing the person back.
 */
@Dependent
public class Anonymizer {

    /**
     * A table's texts to search: the text columns, which rows, whether it has a version, and whether rows no
     * longer tied to the customer (a deleted subject's audit entries and last webhook events) are searched by text.
     */
    private record Texts(String table, List<String> columns, String rows, boolean versioned, boolean byText) {
    }

    private static final String SUBJECTS = "(select s.id from crm_subject s where s.customer_id = ?1)";

    private static final List<Texts> TEXTS = List.of(
            new Texts("crm_activity", List.of("description", "result"), "subject_id in " + SUBJECTS, true, false),
            new Texts("crm_note", List.of("text"), "subject_id in " + SUBJECTS, true, false),
            new Texts("crm_mail", List.of("to_addresses", "cc_addresses", "mail_subject", "body", "last_error"),
                    "subject_id in " + SUBJECTS, true, false),
            new Texts("crm_proposal", List.of("payment_terms", "notes"), "subject_id in " + SUBJECTS, true, false),
            new Texts("crm_consent", List.of("how"), "customer_id = ?1", false, false),
            new Texts("crm_webhook_delivery", List.of("payload", "last_answer"),
                    "subject_id in " + SUBJECTS + " or event_type like 'customer.%'", true, true),
            new Texts("crm_audit", List.of("summary", "changes"), "subject_id in " + SUBJECTS
                    + " or (entity = 'CUSTOMER' and entity_id = ?1)", false, true));

    @PersistenceContext
    EntityManager em;

    @Inject
    Changes changes;

    /** Returns what went, by table: how many rows named the person. */
    public Map<String, Integer> anonymize(Customer customer, String by) {
        Redaction redaction = Redaction.of(customer.getName(), customer.getKind(), customer.getTaxId(),
                customer.getEmail(), customer.getPhone());
        List<String> identifiers = identifiers(customer);
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        customer.anonymize(placeholderName(customer.getId()), now);
        Map<String, Integer> replaced = new LinkedHashMap<>();
        replaced.put("crm_subject", subjects(customer, redaction));
        for (Texts texts : TEXTS) {
            replaced.put(texts.table(), replace(texts, customer.getId(), identifiers, redaction));
        }
        // An e-mail not yet sent would go to nobody now (its addresses are placeholders): it fails for good.
        em.createNativeQuery("update crm_mail set status = 'FAILED', last_error = ?2, version = version + 1 "
                        + "where status in ('QUEUED', 'SENDING') and subject_id in " + SUBJECTS)
                .setParameter(1, customer.getId()).setParameter(2, Redaction.PLACEHOLDER).executeUpdate();
        em.flush();
        List<Long> subjects = subjectIds(customer.getId());
        changes.fire(Change.Kind.CUSTOMER_ANONYMIZED, subjects, List.of(), customer.getId(), by,
                new AuditEvent(AuditEvent.Action.ANONYMIZE, AuditEvent.Entity.CUSTOMER,
                        List.of(new AuditEvent.Item(customer.getId(), null, customer.getName() + " · " + replaced)),
                        null, by, null));
        return replaced;
    }

    /** The name an anonymised customer goes by: says what happened, names nobody, tells two of them apart. */
    public static String placeholderName(long id) {
        return "Titular anonimizado " + id;
    }

    /** The subjects' titles and descriptions, and their search text, which holds the customer's name. */
    private int subjects(Customer customer, Redaction redaction) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select id, title, description from crm_subject "
                + "where customer_id = ?1").setParameter(1, customer.getId()).getResultList();
        int named = 0;
        String customerText = Text.searchable(customer.getName());
        for (Object[] row : rows) {
            String title = redaction.apply((String) row[1]);
            String description = redaction.apply((String) row[2]);
            if (!title.equals(row[1]) || description != null && !description.equals(row[2])) {
                named++;
            }
            String searchTitle = Text.searchable(title);
            em.createNativeQuery("update crm_subject set title = ?1, description = ?2, search_title = ?3, "
                            + "search_text = ?4, version = version + 1 where id = ?5")
                    .setParameter(1, title).setParameter(2, description).setParameter(3, searchTitle)
                    .setParameter(4, searchTitle + " " + customerText).setParameter(5, ((Number) row[0]).longValue())
                    .executeUpdate();
        }
        return named;
    }

    /**
     * What names the person beyond doubt, to find them in rows no longer tied to them: the full name, the CPF/CNPJ
     * (bare and punctuated), the e-mail. Parts of a name would find everyone called Maria.
     */
    private static List<String> identifiers(Customer customer) {
        List<String> found = new ArrayList<>();
        found.add(customer.getName());
        if (customer.getTaxId() != null) {
            found.add(customer.getTaxId());
            found.add(TaxId.format(customer.getTaxId()));
        }
        if (customer.getEmail() != null) {
            found.add(customer.getEmail());
        }
        return found;
    }

    private int replace(Texts texts, long customerId, List<String> identifiers, Redaction redaction) {
        String columns = String.join(", ", texts.columns());
        StringBuilder where = new StringBuilder(texts.rows());
        if (texts.byText()) {
            // A scan of the whole table: an anonymisation is rare, and these rows have nothing else to go by.
            int parameter = 2;
            for (String column : texts.columns()) {
                for (int i = 0; i < identifiers.size(); i++) {
                    where.append(" or lower(").append(column).append(") like ?").append(parameter++);
                }
            }
        }
        var select = em.createNativeQuery("select id, " + columns + " from " + texts.table() + " where " + where)
                .setParameter(1, customerId);
        if (texts.byText()) {
            int parameter = 2;
            for (int c = 0; c < texts.columns().size(); c++) {
                for (String identifier : identifiers) {
                    select.setParameter(parameter++, "%" + likeEscaped(identifier.toLowerCase(Locale.ROOT)) + "%");
                }
            }
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = select.getResultList();
        int named = 0;
        for (Object[] row : rows) {
            List<String> after = new ArrayList<>();
            boolean changed = false;
            for (int i = 0; i < texts.columns().size(); i++) {
                String before = (String) row[i + 1];
                String redacted = redaction.apply(before);
                after.add(redacted);
                changed |= redacted != null && !redacted.equals(before);
            }
            if (!changed) {
                continue;
            }
            named++;
            StringBuilder sql = new StringBuilder("update ").append(texts.table()).append(" set ");
            for (int i = 0; i < texts.columns().size(); i++) {
                sql.append(texts.columns().get(i)).append(" = ?").append(i + 1).append(", ");
            }
            sql.setLength(sql.length() - 2);
            if (texts.versioned()) {
                sql.append(", version = version + 1");
            }
            sql.append(" where id = ?").append(texts.columns().size() + 1);
            var update = em.createNativeQuery(sql.toString());
            for (int i = 0; i < after.size(); i++) {
                update.setParameter(i + 1, after.get(i));
            }
            update.setParameter(after.size() + 1, ((Number) row[0]).longValue()).executeUpdate();
        }
        return named;
    }

    /** Backslash is LIKE's escape character on H2 and PostgreSQL alike. */
    private static String likeEscaped(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    private List<Long> subjectIds(long customerId) {
        @SuppressWarnings("unchecked")
        List<Number> ids = em.createNativeQuery("select id from crm_subject where customer_id = ?1")
                .setParameter(1, customerId).getResultList();
        return ids.stream().map(Number::longValue).toList();
    }
}
