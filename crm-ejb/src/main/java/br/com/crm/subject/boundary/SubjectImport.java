package br.com.crm.subject.boundary;

import br.com.crm.customer.boundary.Customers;
import br.com.crm.customer.control.CustomerRegistry;
import br.com.crm.customer.entity.Customer;
import br.com.crm.customer.entity.CustomerKind;
import br.com.crm.customer.entity.TaxId;
import br.com.crm.kernel.BusinessException;
import br.com.crm.kernel.Change;
import br.com.crm.kernel.Text;
import br.com.crm.security.control.Accounts;
import br.com.crm.security.entity.Roles;
import br.com.crm.security.entity.User;
import br.com.crm.stage.boundary.Stages;
import br.com.crm.stage.control.StageFinder;
import br.com.crm.stage.entity.Stage;
import br.com.crm.subject.control.ImportFile.Column;
import br.com.crm.subject.control.ImportFile;
import br.com.crm.subject.control.SubjectChanges;
import br.com.crm.subject.entity.Subject;
import br.com.crm.tag.control.TagFinder;
import br.com.crm.tag.entity.Tag;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;

import java.io.Serializable;
import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Imports subjects, and the customers they are for, from a CSV file. {@link #check} reports what each line would
 * do without saving anything (the preview); {@link #run} does it. A line with any problem is not imported at all;
 * the others are imported together in one transaction. Each line carries a key of its own (column "chave"): a line
 * whose key was imported before is recognised and left alone, so importing the same file twice never duplicates.
 * Customers are found by CPF/CNPJ, else by name, and created only when not found.
 */
@Stateless
@RolesAllowed({Roles.ADMIN, Roles.USER})
public class SubjectImport {

    /** What happens to a line: imported now, already imported earlier (left alone), or rejected. */
    public enum Status { NEW, EXISTS, REJECTED }

    /** Why a line is rejected: a message key of the bundle, the column, and the message's arguments. */
    public record Problem(String messageKey, String column, List<String> arguments) implements Serializable {
        Problem(String messageKey, Column column, Object... arguments) {
            this(messageKey, column.name(), Arrays.stream(arguments).map(String::valueOf).toList());
        }
    }

    /** The report on one line of the file. */
    public record LineReport(long line, String key, String title, String customer, Status status,
                             List<Problem> problems) implements Serializable {
    }

    /** The report on the whole file; {@code imported} tells whether the NEW lines were saved. */
    public record Report(String dialect, List<LineReport> lines, boolean imported) implements Serializable {
        public long count(Status status) {
            return lines.stream().filter(l -> l.status() == status).count();
        }

        public List<LineReport> rejected() {
            return lines.stream().filter(l -> l.status() == Status.REJECTED).toList();
        }
    }

    /** A line that passed every check, with what it resolved to. */
    private record Planned(ImportFile.Line line, Subjects.Form form, Stage stage, Customer customer, String taxId,
                           String customerName, List<Tag> tags) {
    }

    @PersistenceContext
    EntityManager em;

    @Inject
    SubjectChanges changes;

    @Inject
    CustomerRegistry customers;

    @Inject
    StageFinder stages;

    @Inject
    Accounts accounts;

    @Inject
    TagFinder tags;

    /** The preview: what {@link #run} would do with this file. Saves nothing. */
    @RolesAllowed({Roles.ADMIN, Roles.USER})
    public Report check(byte[] content) {
        ImportFile file = ImportFile.parse(content);
        List<LineReport> reports = new ArrayList<>();
        plan(file, reports);
        return new Report(file.dialect().name(), reports, false);
    }

    /** Imports every line without a problem, all in this one transaction; rejected lines are left out. */
    public Report run(byte[] content) {
        ImportFile file = ImportFile.parse(content);
        List<LineReport> reports = new ArrayList<>();
        List<Planned> planned = plan(file, reports);
        Map<String, Customer> created = new HashMap<>();
        List<Subject> subjects = new ArrayList<>();
        OffsetDateTime now = changes.now();
        String by = changes.by();
        for (Planned p : planned) {
            Customer customer = p.customer() != null ? p.customer()
                    : created.computeIfAbsent(p.taxId() != null ? p.taxId() : Text.searchable(p.customerName()),
                            k -> register(p));
            Subjects.Form f = p.form();
            Subject subject = Subject.open(f.title(), customer, p.stage(),
                    accounts.active(f.responsible(), "subject.responsible.unknown", "responsible"), f.amount(),
                    f.expectedClose(), f.description(), now, by);
            subject.importedAs(p.line().get(Column.KEY));
            subject.tagWith(p.tags(), now, by);
            subjects.add(subject);
        }
        try {
            if (!subjects.isEmpty()) {
                changes.created(subjects, Change.Kind.SUBJECTS_IMPORTED);
            }
        } catch (PersistenceException e) {
            // Someone imported the same lines at the same moment: the unique key refused the second copy.
            throw new BusinessException(BusinessException.Kind.CONFLICT, "import.concurrent", "file");
        }
        return new Report(file.dialect().name(), reports, true);
    }

    private Customer register(Planned p) {
        String taxId = p.taxId();
        CustomerKind kind = taxId != null && taxId.length() == 11 ? CustomerKind.PERSON : CustomerKind.COMPANY;
        return customers.register(p.customerName(), kind, taxId, p.line().get(Column.EMAIL),
                p.line().get(Column.PHONE), null);
    }

    /** Checks every line; returns those to import and adds a report for each line to {@code reports}. */
    private List<Planned> plan(ImportFile file, List<LineReport> reports) {
        Lookups lookups = new Lookups();
        Set<String> keys = new HashSet<>();
        Set<String> existing = existingKeys(file);
        List<Planned> planned = new ArrayList<>();
        for (ImportFile.Line line : file.lines()) {
            List<Problem> problems = new ArrayList<>();
            String key = required(line, Column.KEY, Subject.EXTERNAL_KEY_LENGTH, problems);
            String title = required(line, Column.TITLE, Subject.TITLE_LENGTH, problems);
            String customerName = required(line, Column.CUSTOMER, Customer.NAME_LENGTH, problems);
            if (key != null && !keys.add(key)) {
                problems.add(new Problem("import.key.duplicate", Column.KEY, key));
            }
            String taxId = taxId(line, problems);
            optional(line, Column.EMAIL, Customer.EMAIL_LENGTH, problems);
            optional(line, Column.PHONE, Customer.PHONE_LENGTH, problems);
            String description = optional(line, Column.DESCRIPTION, Subject.DESCRIPTION_LENGTH, problems);
            Stage stage = lookups.stage(line.get(Column.STAGE), problems);
            String responsible = lookups.responsible(line.get(Column.RESPONSIBLE), problems);
            BigDecimal amount = amount(file, line, problems);
            LocalDate close = date(line, problems);
            List<Tag> lineTags = lookups.tags(line.get(Column.TAGS), problems);

            Status status = !problems.isEmpty() ? Status.REJECTED
                    : existing.contains(key) ? Status.EXISTS : Status.NEW;
            reports.add(new LineReport(line.number(), key, title, customerName, status, List.copyOf(problems)));
            if (status == Status.NEW) {
                Customer customer = lookups.customer(taxId, customerName);
                planned.add(new Planned(line, new Subjects.Form(title, customer == null ? null : customer.getId(),
                        stage.getId(), responsible, amount, close, description), stage, customer, taxId,
                        customerName, lineTags));
            }
        }
        return planned;
    }

    private Set<String> existingKeys(ImportFile file) {
        List<String> keys = file.lines().stream().map(l -> l.get(Column.KEY)).filter(k -> k != null).toList();
        Set<String> existing = new HashSet<>();
        for (int from = 0; from < keys.size(); from += 500) {
            existing.addAll(em.createQuery("select s.externalKey from Subject s where s.externalKey in :keys",
                            String.class)
                    .setParameter("keys", keys.subList(from, Math.min(keys.size(), from + 500)))
                    .getResultList());
        }
        return existing;
    }

    private static String required(ImportFile.Line line, Column column, int length, List<Problem> problems) {
        String value = line.get(column);
        if (value == null) {
            problems.add(new Problem("import.value.required", column));
        }
        return checkLength(value, column, length, problems);
    }

    private static String optional(ImportFile.Line line, Column column, int length, List<Problem> problems) {
        return checkLength(line.get(column), column, length, problems);
    }

    private static String checkLength(String value, Column column, int length, List<Problem> problems) {
        if (Text.forbiddenAt(value) >= 0) {
            problems.add(new Problem("import.value.control", column));
            return null;
        }
        if (value != null && value.length() > length) {
            problems.add(new Problem("import.value.tooLong", column, length));
            return null;
        }
        return value;
    }

    private static String taxId(ImportFile.Line line, List<Problem> problems) {
        String raw = line.get(Column.TAX_ID);
        if (raw == null) {
            return null;
        }
        String digits = TaxId.digits(raw);
        boolean valid = digits.length() == 11 ? TaxId.isValidCpf(digits)
                : digits.length() == 14 && TaxId.isValidCnpj(digits);
        if (!valid) {
            problems.add(new Problem("import.taxId.invalid", Column.TAX_ID, raw));
            return null;
        }
        return digits;
    }

    private static BigDecimal amount(ImportFile file, ImportFile.Line line, List<Problem> problems) {
        String raw = line.get(Column.AMOUNT);
        if (raw == null) {
            return null;
        }
        try {
            BigDecimal amount = file.amount(raw);
            if (amount.signum() < 0 || amount.scale() > 2 || amount.precision() - amount.scale() > 13) {
                throw new NumberFormatException(raw);
            }
            return amount;
        } catch (NumberFormatException e) {
            problems.add(new Problem("import.amount.invalid", Column.AMOUNT, raw));
            return null;
        }
    }

    private static LocalDate date(ImportFile.Line line, List<Problem> problems) {
        String raw = line.get(Column.EXPECTED_CLOSE);
        if (raw == null) {
            return null;
        }
        try {
            return ImportFile.date(raw);
        } catch (DateTimeException e) {
            problems.add(new Problem("import.date.invalid", Column.EXPECTED_CLOSE, raw));
            return null;
        }
    }

    /** Stages, users, tags and customers, each read once per file however many lines name them. */
    private final class Lookups {
        private final List<Stage> stageList = stages.list();
        private final List<User> responsibles = accounts.responsibles();
        private Map<String, Tag> tagsByName;
        private final Map<String, Customer> customersByKey = new HashMap<>();

        Stage stage(String name, List<Problem> problems) {
            if (name == null) {
                return stageList.get(0);
            }
            String wanted = Text.searchable(name);
            Stage stage = stageList.stream()
                    .filter(s -> wanted.equals(Text.searchable(s.getDescription()))
                            || wanted.equals(Text.searchable(s.getDescriptionEn()))
                            || wanted.equals(String.valueOf(s.getPosition())))
                    .findFirst().orElse(null);
            if (stage == null) {
                problems.add(new Problem("import.stage.unknown", Column.STAGE, name));
                return stageList.get(0);
            }
            if (stage.isClosing()) {
                problems.add(new Problem("import.stage.closing", Column.STAGE, name));
            }
            return stage;
        }

        String responsible(String name, List<Problem> problems) {
            if (name == null) {
                return changes.by();
            }
            String wanted = Text.searchable(name);
            return responsibles.stream()
                    .filter(u -> u.getUsername().equalsIgnoreCase(name) || wanted.equals(
                            Text.searchable(u.getDisplayName())))
                    .map(User::getUsername)
                    .findFirst()
                    .orElseGet(() -> {
                        problems.add(new Problem("import.responsible.unknown", Column.RESPONSIBLE, name));
                        return null;
                    });
        }

        List<Tag> tags(String names, List<Problem> problems) {
            if (names == null) {
                return List.of();
            }
            if (tagsByName == null) {
                tagsByName = new HashMap<>();
                tags.list().forEach(t -> tagsByName.put(Text.searchable(t.getName()), t));
            }
            List<Tag> found = new ArrayList<>();
            for (String name : names.split("\\|")) {
                if (name.isBlank()) {
                    continue;
                }
                Tag tag = tagsByName.get(Text.searchable(name));
                if (tag == null) {
                    problems.add(new Problem("import.tag.unknown", Column.TAGS, name.strip()));
                } else {
                    found.add(tag);
                }
            }
            return found;
        }

        /** The registered customer with this CPF/CNPJ, else with exactly this name; {@code null} for a new one. */
        Customer customer(String taxId, String name) {
            String key = taxId != null ? "#" + taxId : Text.searchable(name);
            return customersByKey.computeIfAbsent(key, k -> (taxId != null
                    ? em.createNamedQuery(Customer.BY_TAX_ID, Customer.class).setParameter("taxId", taxId)
                    : em.createQuery("select c from Customer c where c.searchName = :name order by c.id",
                    Customer.class).setParameter("name", Text.searchable(name)))
                    .setMaxResults(1).getResultStream().findFirst().orElse(null));
        }
    }
}
