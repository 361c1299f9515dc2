package br.com.crm.demo.control;

import br.com.crm.activity.entity.Activity;
import br.com.crm.activity.entity.ActivityKind;
import br.com.crm.customer.entity.Consent;
import br.com.crm.customer.entity.ContactStatus;
import br.com.crm.customer.entity.Customer;
import br.com.crm.customer.entity.CustomerKind;
import br.com.crm.customer.entity.LegalBasis;
import br.com.crm.customer.entity.TaxId;
import br.com.crm.database.control.DemoMode;
import br.com.crm.database.control.Locks;
import br.com.crm.kernel.Change;
import br.com.crm.mail.entity.Mail;
import br.com.crm.note.entity.Note;
import br.com.crm.proposal.control.ProposalExpiry;
import br.com.crm.proposal.control.ProposalLifecycle;
import br.com.crm.proposal.entity.Proposal;
import br.com.crm.proposal.entity.ProposalItem;
import br.com.crm.proposal.entity.ProposalStatus;
import br.com.crm.security.control.Accounts;
import br.com.crm.security.entity.Roles;
import br.com.crm.security.entity.User;
import br.com.crm.stage.entity.LostReason;
import br.com.crm.stage.entity.Stage;
import br.com.crm.subject.control.SubjectChanges;
import br.com.crm.subject.entity.Outcome;
import br.com.crm.subject.entity.Subject;
import br.com.crm.tag.entity.Tag;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.logging.Logger;

/**
 * Demo users and data for the embedded default ({@code crm.demo=true}). Each step creates only what is missing,
 * so a restart creates nothing twice. Never on in production: the packaged default is off, and {@link DemoMode}
 * keeps it to the embedded database unless forced.
 */
@Singleton
@Startup
@DependsOn("SchemaMigration")
public class DemoData {

    private static final Logger LOG = Logger.getLogger(DemoData.class.getName());

    /** Name, CPF (9 digits) or CNPJ (12 digits) before the check digits, e-mail, phone, status. */
    private static final List<String[]> CUSTOMERS = List.of(
            new String[]{"Padaria Pão Dourado Ltda", "112223330001", "compras@paodourado.com.br", "(11) 3456-7890", "CUSTOMER"},
            new String[]{"Construtora Horizonte S.A.", "223334440001", "suprimentos@horizonte.com.br", "(21) 2233-4455", "PROSPECT"},
            new String[]{"Farmácia Bem Estar Eireli", "334445550001", "contato@bemestar.com.br", "(31) 3344-5566", "CUSTOMER"},
            new String[]{"Auto Peças Rodovia Ltda", "445556660001", "vendas@autopecasrodovia.com.br", "(41) 3455-6677", "LEAD"},
            new String[]{"Clínica Sorriso Odontologia", "556667770001", "adm@clinicasorriso.com.br", "(51) 3566-7788", "PROSPECT"},
            new String[]{"Supermercado Família Ltda", "667778880001", "gerencia@superfamilia.com.br", "(61) 3677-8899", "CUSTOMER"},
            new String[]{"Metalúrgica São João S.A.", "778889990001", "compras@metalsaojoao.com.br", "(19) 3788-9900", "LEAD"},
            new String[]{"Escola Aprender Mais", "889990000001", "secretaria@aprendermais.com.br", "(81) 3899-0011", "PROSPECT"},
            new String[]{"Hotel Beira Mar Ltda", "990001110001", "reservas@hotelbeiramar.com.br", "(85) 3900-1122", "CUSTOMER"},
            new String[]{"Transportadora Veloz Ltda", "101112130001", "frota@veloz.com.br", "(62) 3011-2233", "LEAD"},
            new String[]{"Agropecuária Campo Verde", "121314150001", "fazenda@campoverde.com.br", "(65) 3122-3344", "PROSPECT"},
            new String[]{"Gráfica Impressão Rápida", "131415160001", "orcamento@impressaorapida.com.br", "(47) 3233-4455", "INACTIVE"},
            new String[]{"João Carlos da Silva", "123456789", "joao.silva@email.com.br", "(11) 98765-4321", "LEAD"},
            new String[]{"Maria Aparecida Santos", "234567891", "maria.santos@email.com.br", "(21) 99876-5432", "CUSTOMER"},
            new String[]{"José Antônio Oliveira", "345678912", "jose.oliveira@email.com.br", "(31) 97654-3210", "PROSPECT"},
            new String[]{"Ana Paula Ferreira", "456789123", "anapaula@email.com.br", "(41) 96543-2109", "LEAD"},
            new String[]{"Francisco Pereira Lima", "567891234", "francisco.lima@email.com.br", "(71) 95432-1098", "CUSTOMER"},
            new String[]{"Luciana Costa Ribeiro", "678912345", "luciana.ribeiro@email.com.br", "(48) 94321-0987", "PROSPECT"});

    private static final List<String> TITLES = List.of(
            "Renovação do contrato anual", "Implantação do módulo fiscal", "Demonstração do sistema",
            "Proposta de 20 licenças", "Upgrade para o plano empresarial", "Treinamento da equipe",
            "Compra de equipamentos", "Integração com e-commerce", "Manutenção preventiva",
            "Reclamação de entrega atrasada", "Expansão para nova filial", "Consultoria de processos",
            "Cotação de insumos", "Migração de dados do sistema antigo", "Contrato de suporte 24x7");

    @Inject
    SubjectChanges changes;

    @Inject
    DemoMode demo;

    @Inject
    Accounts users;

    @PersistenceContext
    EntityManager em;

    @Inject
    Locks locks;

    @Inject
    ProposalLifecycle proposals;

    @Inject
    ProposalExpiry expiry;

    @PostConstruct
    void load() {
        if (!demo.isOn()) {
            return;
        }
        LOG.info("Demo mode: making sure the demo users and data exist");
        locks.startup(); // servers of a cluster starting together: one makes them, the others find them
        users.createIfAbsent("admin", "Administrador", "admin@demo.crm.local", "admin".toCharArray(),
                Set.of(Roles.ADMIN, Roles.USER));
        users.createIfAbsent("ana", "Ana Souza", "ana@demo.crm.local", "ana".toCharArray(), Set.of(Roles.USER));
        users.createIfAbsent("bruno", "Bruno Lima", "bruno@demo.crm.local", "bruno".toCharArray(),
                Set.of(Roles.USER));
        users.createIfAbsent("vera", "Vera Martins", "vera@demo.crm.local", "vera".toCharArray(),
                Set.of(Roles.VIEWER));
        if (em.createQuery("select count(c) from Customer c", Long.class).getSingleResult() == 0) {
            createSubjects();
        }
    }

    private static final List<String> TODO = List.of("Ligar para confirmar o interesse", "Enviar apresentação",
            "Reunião de levantamento", "Visitar a unidade", "Enviar proposta revisada", "Cobrar retorno pelo WhatsApp");
    private static final List<ActivityKind> TODO_KINDS = List.of(ActivityKind.CALL, ActivityKind.EMAIL,
            ActivityKind.MEETING, ActivityKind.VISIT, ActivityKind.PROPOSAL, ActivityKind.WHATSAPP);

    /** A done first contact, and for most subjects a next activity between three days ago and ten days ahead. */
    private void demoActivities(Subject subject, Random random, String by) {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC).withMinute(0).withSecond(0).withNano(0);
        Activity first = new Activity(subject, ActivityKind.CALL, "Primeiro contato", subject.getCreatedAt(),
                subject.getResponsible(), subject.getCreatedAt(), by);
        first.complete(subject.getCreatedAt().plusHours(2), "Cliente pediu mais informações",
                subject.getCreatedAt().plusHours(2), by);
        saved(first, Change.Kind.ACTIVITY_DONE);
        if (random.nextInt(5) > 0) {
            int pick = random.nextInt(TODO.size());
            saved(new Activity(subject, TODO_KINDS.get(pick), TODO.get(pick),
                    now.plusHours(random.nextInt(13 * 24) - 3 * 24L), subject.getResponsible(), now, by),
                    Change.Kind.ACTIVITY_PLANNED);
        }
    }

    /** What was done, by kind, with how it went: the report's every kind. */
    private static final List<String[]> DONE = List.of(
            new String[]{"Ligação de acompanhamento", "Cliente pediu uma nova condição de pagamento"},
            new String[]{"E-mail com o material técnico", "Recebido; o time técnico vai avaliar"},
            new String[]{"Reunião de alinhamento", "Definido o escopo da primeira fase"},
            new String[]{"Visita à unidade", "Levantadas as necessidades da filial"},
            new String[]{"Atualizar o cadastro do cliente", "Cadastro conferido"},
            new String[]{"Apresentar a proposta", "Cliente vai levar à diretoria"},
            new String[]{"Mensagem pelo WhatsApp", "Confirmou a reunião da próxima semana"},
            new String[]{"Pesquisa de satisfação", "Nota 9"});

    private static final List<String> NOTES = List.of(
            "Decisor é o diretor financeiro; o comprador só cota.",
            "Concorrente ofereceu 10 % de desconto; nosso diferencial é o suporte local.",
            "Prefere contato pela manhã. Não ligar às sextas.",
            "Pediu referência de outro cliente do mesmo ramo.");

    /**
     * What a working funnel has behind it: done activities of every kind from the subject's creation to today (the
     * report's default range is never empty), except on a few subjects left without news (stale); notes on some.
     */
    private void demoHistory(Subject subject, int i, Random random, String by) {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC).withSecond(0).withNano(0);
        if (i % 7 != 3) {
            int done = 1 + random.nextInt(3);
            // Over the last 90 days, or since the subject was created when that is later.
            OffsetDateTime from = subject.getCreatedAt().plusHours(3).isAfter(now.minusDays(90))
                    ? subject.getCreatedAt().plusHours(3) : now.minusDays(90);
            int hours = (int) Math.max(1, Duration.between(from, now).toHours() - 1);
            for (int k = 0; k < done; k++) {
                int kind = (i + k) % DONE.size();
                // One subject in five had something done today.
                OffsetDateTime at = k == 0 && i % 5 == 0 ? now.minusMinutes(30 + random.nextInt(60))
                        : from.plusHours(random.nextInt(hours));
                Activity activity = new Activity(subject, ActivityKind.values()[kind], DONE.get(kind)[0],
                        at.minusHours(1), subject.getResponsible(), at.minusHours(2), by);
                activity.complete(at, DONE.get(kind)[1], at, by);
                saved(activity, Change.Kind.ACTIVITY_DONE);
            }
        }
        if (i % 4 == 1) {
            OffsetDateTime at = subject.getCreatedAt().plusDays(1);
            Note note = new Note(subject, NOTES.get(i % NOTES.size()), by, at);
            em.persist(note);
            em.flush();
            changes.recorded(Change.Kind.NOTE_ADDED, subject.getId(), note.getId(), at);
        }
    }

    /** The proposals' every state, the sent ones with the e-mail that carried them (as sent: no SMTP in a demo). */
    private static final List<ProposalStatus> PROPOSALS = List.of(ProposalStatus.DRAFT, ProposalStatus.SENT,
            ProposalStatus.ACCEPTED, ProposalStatus.REJECTED, ProposalStatus.EXPIRED, ProposalStatus.SENT);

    private void demoProposal(Subject subject, ProposalStatus state, String by) {
        boolean current = state == ProposalStatus.DRAFT || state == ProposalStatus.SENT;
        OffsetDateTime at = current ? OffsetDateTime.now(ZoneOffset.UTC).minusDays(3)
                : subject.getCreatedAt().plusDays(4);
        LocalDate issued = at.toLocalDate();
        BigDecimal price = subject.getAmount() == null ? new BigDecimal("1000.00") : subject.getAmount();
        Proposal proposal = new Proposal(subject, proposals.nextNumber(), new Proposal.Terms(issued,
                issued.plusDays(current ? 30 : 10), BigDecimal.ZERO, "30/60 dias", null),
                List.of(new ProposalItem(null, "Licenças e implantação", BigDecimal.ONE, price, BigDecimal.ZERO)),
                at, by);
        em.persist(proposal);
        em.flush();
        proposals.changed(Change.Kind.PROPOSAL_SAVED, proposal);
        if (state == ProposalStatus.DRAFT) {
            return;
        }
        OffsetDateTime sent = at.plusHours(2);
        proposal.markSent(sent, by);
        Customer customer = subject.getCustomer();
        Mail mail = new Mail(subject.getId(), proposal.getId(), customer.getEmail(), null,
                "Proposta " + proposal.getDisplayNumber() + " — " + customer.getName(),
                "Prezados,\n\nsegue a nossa proposta. Ficamos à disposição.\n\nAtenciosamente", "<demo-"
                + proposal.getNumber() + "@demo.crm.local>", sent, by);
        mail.sent(sent.plusMinutes(1));
        em.persist(mail);
        em.flush();
        proposals.changed(Change.Kind.PROPOSAL_SENT, proposal);
        changes.recorded(Change.Kind.MAIL_QUEUED, subject.getId(), mail.getId(), sent);
        if (state == ProposalStatus.ACCEPTED || state == ProposalStatus.REJECTED) {
            proposal.decide(state == ProposalStatus.ACCEPTED, sent.plusDays(2), by);
            em.flush();
            proposals.changed(Change.Kind.PROPOSAL_ANSWERED, proposal);
        }
        // EXPIRED: sent and past its validity; the expiry below marks it as every night does.
    }

    /** An activity made as it was, through the subjects' one path (which counts it if done). */
    private void saved(Activity activity, Change.Kind kind) {
        changes.activity(kind, activity.getSubjectId(), null, () -> {
            em.persist(activity);
            if (activity.getDoneAt() != null) {
                // On the entity, not by a bulk update: the subject moves on in this same transaction.
                activity.getSubject().activityRecordedAt(activity.getDoneAt());
            }
            em.flush();
            return activity.getId();
        });
    }

    /**
     * Each customer's legal basis as a company records it: the customers by contract, the people's consent from the
     * site's form, one of them withdrawn since (plain e-mails to her are refused), the rest by legitimate interest.
     */
    private void consents(List<Customer> customers, Random random) {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        boolean withdrawn = false;
        for (Customer customer : customers) {
            OffsetDateTime at = now.minusDays(30 + random.nextInt(300));
            if (customer.getContactStatus() == ContactStatus.CUSTOMER) {
                em.persist(customer.record(LegalBasis.CONTRACT, null, "Contrato de fornecimento", at, now, "admin"));
            } else if (customer.getKind() == CustomerKind.PERSON) {
                em.persist(customer.record(null, Consent.Action.GIVEN, "Formulário de contato do site", at, now,
                        "ana"));
                if (!withdrawn) {
                    em.persist(customer.record(null, Consent.Action.WITHDRAWN, "Pediu por e-mail para não receber "
                            + "novidades", at.plusDays(20), now, "ana"));
                    withdrawn = true;
                }
            } else {
                em.persist(customer.record(LegalBasis.LEGITIMATE_INTEREST, null, null, at, now, "admin"));
            }
        }
    }

    /** About 60 subjects over the stages, with fixed randomness so every demo looks the same. */
    private void createSubjects() {
        Random random = new Random(42);
        List<Customer> customers = CUSTOMERS.stream().map(c -> {
            CustomerKind kind = c[1].length() == 9 ? CustomerKind.PERSON : CustomerKind.COMPANY;
            Customer customer = new Customer(c[0], kind, TaxId.complete(c[1]), c[2], c[3], ContactStatus.valueOf(c[4]));
            em.persist(customer);
            return customer;
        }).toList();
        em.flush();
        consents(customers, random);
        List<Stage> stages = em.createNamedQuery(Stage.ALL, Stage.class).getResultList();
        stages.stream().filter(stage -> !stage.isClosing()).forEach(stage -> stage.flagStaleAfter(10));
        List<LostReason> reasons = em.createNamedQuery(LostReason.ACTIVE, LostReason.class).getResultList();
        List<User> sellers = List.of(users.find("ana").orElseThrow(), users.find("bruno").orElseThrow(),
                users.find("admin").orElseThrow());
        List<Tag> tags = List.of(new Tag("Urgente", "#b91c1c"), new Tag("Cliente novo", "#15803d"),
                new Tag("Renovação", "#1f4e79"), new Tag("Indicação", "#b45309"));
        tags.forEach(em::persist);
        OffsetDateTime start = OffsetDateTime.now(ZoneOffset.UTC).minusDays(120);
        for (int i = 0; i < 60; i++) {
            Customer customer = customers.get(i % customers.size());
            OffsetDateTime created = start.plusHours(i * 36L);
            String by = sellers.get(i % sellers.size()).getUsername();
            Subject subject = new Subject(TITLES.get(i % TITLES.size()) + " — " + customer.getName(), customer,
                    stages.get(0), sellers.get(random.nextInt(sellers.size())), created, by);
            subject.edit(subject.getTitle(), customer, subject.getResponsible(),
                    BigDecimal.valueOf(500 + random.nextInt(95_000), 0).setScale(2),
                    LocalDate.now().plusDays(random.nextInt(120) - 20), null, created, by);
            if (i % 3 == 0) {
                subject.tagWith(List.of(tags.get(i % tags.size())), created, by);
            }
            changes.created(subject);
            demoActivities(subject, random, by);
            int target = i % stages.size();
            for (int s = 1; s <= target; s++) {
                Stage stage = stages.get(s);
                Outcome outcome = stage.isClosing() ? (random.nextInt(3) == 0 ? Outcome.LOST : Outcome.WON) : null;
                LostReason reason = outcome == Outcome.LOST ? reasons.get(random.nextInt(reasons.size())) : null;
                OffsetDateTime at = created.plusDays(s * 3L);
                changes.change(subject, Change.Kind.SUBJECT_MOVED,
                        (moved, now, user) -> moved.moveTo(stage, outcome, reason, at, by));
            }
            demoHistory(subject, i, random, by);
            if (i % 6 == 2) {
                demoProposal(subject, PROPOSALS.get((i / 6) % PROPOSALS.size()), by);
            }
        }
        expiry.expire();
        LOG.info("Demo mode: created 60 subjects for " + customers.size() + " customers");
    }
}
