package br.com.crm.web.funnel;

import br.com.crm.activity.boundary.Activities;
import br.com.crm.funnel.boundary.Funnel.Card;
import br.com.crm.funnel.boundary.Funnel.ColumnFigures;
import br.com.crm.funnel.boundary.Funnel.Page;
import br.com.crm.funnel.boundary.Funnel;
import br.com.crm.kernel.BusinessCalendar;
import br.com.crm.kernel.BusinessException;
import br.com.crm.stage.boundary.Stages;
import br.com.crm.stage.entity.LostReason;
import br.com.crm.stage.entity.Stage;
import br.com.crm.subject.boundary.SubjectFilter;
import br.com.crm.subject.boundary.Subjects;
import br.com.crm.tag.boundary.Tags;
import br.com.crm.tag.entity.Tag;
import br.com.crm.web.shell.Feedback;
import br.com.crm.web.subject.FilterBarBacking;
import br.com.crm.web.subject.MoveChoice;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJBAccessException;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.omnifaces.cdi.ViewScoped;
import org.omnifaces.util.Faces;
import org.primefaces.PrimeFaces;

import java.io.Serializable;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The funnel board: columns, their figures and cards (a page at a time), moving cards by drag and drop or by the
 * keyboard's "Mover para…" dialog, and closing as won or lost. A move into the closing stage first asks for the
 * outcome; the move and the answers are then saved in one call.
 */
@Named
@ViewScoped
public class FunnelBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    /** The cards loaded so far in one column. */
    public static final class Column implements Serializable {
        private static final long serialVersionUID = 1L;
        private final List<Card> cards = new ArrayList<>();
        private boolean more;

        public List<Card> getCards() {
            return cards;
        }

        public boolean isMore() {
            return more;
        }

        void add(Page page) {
            cards.addAll(page.cards());
            more = page.more();
        }
    }

    @Inject
    Funnel funnel;

    @Inject
    Stages stages;

    @Inject
    Subjects subjects;

    @Inject
    Feedback feedback;

    @Inject
    Tags tags;

    @Inject
    FilterBarBacking filterBar;

    @Inject
    Activities activities;

    private List<Stage> stageList;
    private Map<Long, ColumnFigures> figures;
    private final Map<Long, Column> columns = new HashMap<>();

    // The move being made (from a drop or from the dialog).
    private Long moveSubject;
    private long moveVersion;
    private String moveTitle;
    private final MoveChoice move = new MoveChoice();

    // The filter, from the page's URL (bookmarkable): the same parameters as the API's.
    private SubjectFilter filter = SubjectFilter.NONE;
    private Map<String, Long> activityFigures = Map.of();
    private boolean erpAvailable = true;
    private List<Long> chosenTags = new ArrayList<>();
    // Loaded when a dialog needs them, once: getters run many times per render.
    private List<Tag> allTags = List.of();
    private List<LostReason> lostReasons;

    @PostConstruct
    void init() {
        filter = filterBar.getFilter();
        load();
    }

    public void load() {
        refresh(null);
    }

    /** A push named these columns (a parameter {@code stages}, empty for all): only they are read again. */
    public void changed() {
        String stages = Faces.getRequestParameter("stages");
        if (stages == null || !stages.matches("\\d{1,18}(,\\d{1,18})*")) {
            load();
        } else {
            refresh(Arrays.stream(stages.split(",")).map(Long::valueOf).collect(Collectors.toSet()));
        }
    }

    /** The figures, and the cards of the columns {@code only} ({@code null}: all), as many as were loaded. */
    private void refresh(Set<Long> only) {
        Map<Long, Integer> loaded = new HashMap<>();
        columns.forEach((stage, column) -> loaded.put(stage, column.cards.size()));
        Funnel.Board board = funnel.columns(Funnel.PAGE_SIZE, loaded, filter,
                only == null || !columns.keySet().containsAll(only) ? null : only);
        activityFigures = activities.dueFigures();
        stageList = board.stages();
        figures = board.figures();
        erpAvailable = board.erpAvailable();
        if (board.pages().size() == stageList.size()) {
            columns.clear();
        }
        board.pages().forEach((stage, page) -> {
            Column column = new Column();
            column.add(page);
            columns.put(stage, column);
        });
    }

    public void loadMore(long stageId) {
        Column column = columns.get(stageId);
        Card last = column.cards.isEmpty() ? null : column.cards.get(column.cards.size() - 1);
        column.add(last == null ? funnel.firstPage(stageId, Funnel.PAGE_SIZE, filter)
                : funnel.nextPage(stageId, last.enteredAt(), last.id(), Funnel.PAGE_SIZE, filter));
    }

    /** A card was dropped on a column (parameters from the page's script). */
    public void drop() {
        long subject = Long.parseLong(Faces.getRequestParameter("subject"));
        long version = Long.parseLong(Faces.getRequestParameter("version"));
        long stage = Long.parseLong(Faces.getRequestParameter("stage"));
        Card card = findCard(subject);
        prepareMove(subject, version, card == null ? null : card.title());
        move.reset(stage, null, null);
        if (isMoveCloses()) {
            PrimeFaces.current().ajax().addCallbackParam("ask", true);
            return;
        }
        confirmMove();
    }

    /** An item of the card menu (parameters from the page's script): move (opens the dialog), archive, delete. */
    public void cardAction() {
        long subject = Long.parseLong(Faces.getRequestParameter("subject"));
        long version = Long.parseLong(Faces.getRequestParameter("version"));
        Card card = findCard(subject);
        String title = card == null ? "" : card.title();
        switch (Faces.getRequestParameter("action")) {
            case "move" -> {
                prepareMove(subject, version, title);
                move.reset(card == null ? null : card.stageId(), null, null);
                PrimeFaces.current().ajax().addCallbackParam("move", true);
            }
            case "tags" -> {
                prepareMove(subject, version, title);
                allTags = tags.list();
                chosenTags = card == null ? new ArrayList<>()
                        : new ArrayList<>(card.tags().stream().map(Tags.Chip::id).toList());
                PrimeFaces.current().ajax().addCallbackParam("tags", true);
            }
            case "archive" -> archive(subject, version, title);
            case "unarchive" -> unarchive(subject, version, title);
            case "delete" -> delete(subject, version, title);
            default -> throw new IllegalArgumentException("Unknown card action");
        }
    }

    public void confirmMove() {
        Card card = findCard(moveSubject);
        try {
            boolean closing = isMoveCloses();
            subjects.move(moveSubject, moveVersion, move.getStageId(), move.outcomeFor(closing),
                    move.lostReasonFor(closing));
        } catch (BusinessException e) {
            feedback.refused(e);
        } catch (EJBAccessException e) {
            feedback.forbidden();
        }
        // The two columns the card left and entered; the board's own push will not come back to it.
        refresh(card == null || move.getStageId() == null ? null
                : new HashSet<>(List.of(card.stageId(), move.getStageId())));
    }

    /** Saves the tags chosen in the dialog on the subject of the card menu. */
    public void saveTags() {
        feedback.attempt(() -> subjects.tag(moveSubject, moveVersion, chosenTags), "subject.tagged", moveTitle);
        load();
    }

    public void cancelMove() {
        moveSubject = null;
        load();
    }

    private void archive(long subject, long version, String title) {
        feedback.attempt(() -> subjects.archive(subject, version), "subject.archived.done", title);
        load();
    }

    private void unarchive(long subject, long version, String title) {
        feedback.attempt(() -> subjects.unarchive(subject, version), "subject.unarchived.done", title);
        load();
    }

    private void delete(long subject, long version, String title) {
        feedback.attempt(() -> subjects.delete(subject, version, false), "subject.deleted.done", title);
        load();
    }

    private void prepareMove(long subject, long version, String title) {
        moveSubject = subject;
        moveVersion = version;
        moveTitle = title;
    }

    private Card findCard(long subject) {
        return columns.values().stream().flatMap(c -> c.cards.stream())
                .filter(c -> c.id() == subject).findFirst().orElse(null);
    }

    public boolean isMoveCloses() {
        return move.getStageId() != null
                && stageList.stream().anyMatch(s -> s.isClosing() && s.getId().equals(move.getStageId()));
    }

    /** Whether the ERP answered for the cards' badges (else the board says so). */
    public boolean isErpAvailable() {
        return erpAvailable;
    }

    public List<Stage> getStages() {
        return stageList;
    }

    public Column column(long stageId) {
        return columns.get(stageId);
    }

    public ColumnFigures figures(long stageId) {
        return figures.get(stageId);
    }

    /** Open subjects: on the board and not in the closing stage. */
    public long getOpenCount() {
        return stageList.stream().filter(s -> !s.isClosing()).mapToLong(s -> figures.get(s.getId()).all().count())
                .sum();
    }

    public BigDecimal getOpenTotal() {
        return stageList.stream().filter(s -> !s.isClosing()).map(s -> figures.get(s.getId()).all().total())
                .reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    public List<LostReason> getLostReasons() {
        if (lostReasons == null) {
            lostReasons = stages.lostReasons();
        }
        return lostReasons;
    }

    public String getMoveTitle() {
        return moveTitle;
    }

    public List<Tag> getAllTags() {
        return allTags;
    }

    public List<Long> getChosenTags() {
        return chosenTags;
    }

    public void setChosenTags(List<Long> chosenTags) {
        this.chosenTags = chosenTags;
    }

    /** Open activities overdue and due today: {@code overdue}, {@code today}, {@code myOverdue}, {@code myToday}. */
    public Map<String, Long> getActivityFigures() {
        return activityFigures;
    }

    /** Today in the business day's time zone: a card's next activity is overdue, due today or later. */
    public LocalDate getToday() {
        return BusinessCalendar.today();
    }

    public MoveChoice getMove() {
        return move;
    }
}
