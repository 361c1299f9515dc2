package br.com.crm.web.funnel;

import br.com.crm.activity.boundary.Activities;
import br.com.crm.funnel.boundary.Funnel.Card;
import br.com.crm.funnel.boundary.Funnel.ColumnFigures;
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
import jakarta.faces.context.FacesContext;
import jakarta.faces.context.PartialViewContext;
import jakarta.faces.event.PhaseId;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.omnifaces.cdi.ViewScoped;
import org.omnifaces.util.Faces;
import org.primefaces.PrimeFaces;

import java.io.Serializable;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The funnel board: columns, their figures and cards (a page at a time), moving cards by drag and drop or by the
 * keyboard's "Mover para…" dialog, and closing as won or lost. A move into the closing stage first asks for the
 * outcome; the move and the answers are then saved in one call.
 * <p>
 * The cards are read when the page renders them ({@link ShownBoard}) and are not kept in the view: a view lives in
 * the session (with a cluster, copied to another server after every request), and an open board must cost it
 * little. What a postback needs before the render is kept: the stages, which columns have more cards, how many
 * cards each column shows.
 */
@Named
@ViewScoped
public class FunnelBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    /** The cards of one column as shown, and whether it has more. */
    public static final class Column {
        private final List<Card> cards;
        private final boolean more;

        Column(List<Card> cards, boolean more) {
            this.cards = cards;
            this.more = more;
        }

        public List<Card> getCards() {
            return cards;
        }

        public boolean isMore() {
            return more;
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

    @Inject
    ShownBoard shown;

    // The render ids of the board and of its columns, as index.xhtml names them.
    private static final String BOARD_ID = "board";
    private static final Pattern COLUMN_ID = Pattern.compile(BOARD_ID + ":columns:(\\d{1,4}):column");

    // As the last render showed them: what the postbacks of this view decode and act on.
    private List<Stage> stageList = List.of();
    private final Map<Long, Boolean> more = new HashMap<>();
    private boolean erpAvailable = true;
    /** Cards a column shows beyond its first page (it was scrolled), by stage. */
    private final Map<Long, Integer> loaded = new HashMap<>();

    // The move being made (from a drop or from the dialog).
    private Long moveSubject;
    private long moveVersion;
    private String moveTitle;
    private final MoveChoice move = new MoveChoice();

    // The filter, from the page's URL (bookmarkable): the same parameters as the API's.
    private SubjectFilter filter = SubjectFilter.NONE;
    private List<Long> chosenTags = new ArrayList<>();
    // Loaded when a dialog needs them, once: getters run many times per render.
    private List<Tag> allTags = List.of();
    private List<LostReason> lostReasons;

    @PostConstruct
    void init() {
        filter = filterBar.getFilter();
    }

    /** The board is read again when the page renders it next. */
    public void load() {
        shown.forget();
    }

    /** A push said that columns changed: the board is read again (all of it, in one boundary call). */
    public void changed() {
        load();
    }

    /**
     * The board of this request, read once: stages with their kept totals, a page of cards per column this render
     * draws.
     */
    private ShownBoard board() {
        return shown.isRead() ? shown : read(drawnColumns());
    }

    private ShownBoard read(Set<Long> columns) {
        Funnel.Board board = funnel.board(Funnel.PAGE_SIZE, loaded, filter, columns);
        shown.read(board);
        stageList = board.stages();
        erpAvailable = board.erpAvailable();
        if (columns == null) {
            more.clear();
        }
        board.pages().forEach((stage, page) -> more.put(stage, page.more()));
        return shown;
    }

    /**
     * The stages whose cards this render draws, or {@code null} for all. A column's next page and a move redraw one
     * or two columns by their client ids ({@code board:columns:2:column}, the row of the stage as the last render
     * listed them): reading the other columns' cards would be work thrown away.
     */
    private Set<Long> drawnColumns() {
        PartialViewContext partial = FacesContext.getCurrentInstance().getPartialViewContext();
        if (!partial.isAjaxRequest() || partial.isRenderAll()) {
            return null;
        }
        Set<Long> drawn = new HashSet<>();
        for (String id : partial.getRenderIds()) {
            Matcher column = COLUMN_ID.matcher(id);
            if (column.matches()) {
                int row = Integer.parseInt(column.group(1));
                if (row >= stageList.size()) {
                    return null;
                }
                drawn.add(stageList.get(row).getId());
            } else if (id.equals(BOARD_ID) || id.startsWith(BOARD_ID + ":columns")) {
                return null;
            }
        }
        return drawn;
    }

    /**
     * While the page renders: the board as it is now. Before (a postback decoding, validating, acting): the board
     * as the user saw it, without reading it.
     */
    private static boolean rendering() {
        return FacesContext.getCurrentInstance().getCurrentPhaseId() == PhaseId.RENDER_RESPONSE;
    }

    public void loadMore(long stageId) {
        loaded.put(stageId, Math.max(Funnel.PAGE_SIZE, loaded.getOrDefault(stageId, 0)) + Funnel.PAGE_SIZE);
        load();
    }

    /** A card was dropped on a column (parameters from the page's script). */
    public void drop() {
        long subject = Long.parseLong(Faces.getRequestParameter("subject"));
        long version = Long.parseLong(Faces.getRequestParameter("version"));
        long stage = Long.parseLong(Faces.getRequestParameter("stage"));
        prepareMove(subject, version, null);
        move.reset(stage, null, null);
        if (isMoveCloses()) {
            // The dialog names the subject: only then is the board read before the move.
            Card card = findCard(subject);
            moveTitle = card == null ? null : card.title();
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
        try {
            boolean closing = isMoveCloses();
            subjects.move(moveSubject, moveVersion, move.getStageId(), move.outcomeFor(closing),
                    move.lostReasonFor(closing));
            announceMove();
        } catch (BusinessException e) {
            feedback.refused(e);
        } catch (EJBAccessException e) {
            feedback.forbidden();
        }
        // The board's own push will not come back to it.
        load();
    }

    /**
     * What the page's live region says of the move just saved ("Movido para Negociação"), and the card it keeps the
     * focus on: a screen reader hears where the card went, whether dragged, moved by the keyboard or by its menu.
     */
    private void announceMove() {
        PrimeFaces.Ajax ajax = PrimeFaces.current().ajax();
        ajax.addCallbackParam("movedSubject", moveSubject);
        stageList.stream().filter(s -> s.getId().equals(move.getStageId())).findFirst().ifPresent(stage ->
                ajax.addCallbackParam("moved", feedback.text("card.moved", stage.describedIn(Faces.getLocale()))));
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
        return board().columns().values().stream().flatMap(c -> c.cards.stream())
                .filter(c -> c.id() == subject).findFirst().orElse(null);
    }

    public boolean isMoveCloses() {
        return move.getStageId() != null
                && stageList.stream().anyMatch(s -> s.isClosing() && s.getId().equals(move.getStageId()));
    }

    /** Whether the ERP answered for the cards' badges (else the board says so). */
    public boolean isErpAvailable() {
        return rendering() ? board().board().erpAvailable() : erpAvailable;
    }

    /** The board's columns. */
    public List<Stage> getStages() {
        return rendering() ? board().board().stages() : stageList;
    }

    /** The stages a card may be moved to in the dialog, as the board last showed them (no read of the board). */
    public List<Stage> getStageChoices() {
        return stageList;
    }

    public Column column(long stageId) {
        if (rendering()) {
            Column column = board().columns().get(stageId);
            if (column == null) {
                // Not a column the render ids named: the stages changed since the last render. Read them all.
                column = read(null).columns().get(stageId);
            }
            return column;
        }
        return new Column(List.of(), more.getOrDefault(stageId, false));
    }

    public ColumnFigures figures(long stageId) {
        return board().board().figures().get(stageId);
    }

    /** Open subjects: on the board and not in the closing stage. */
    public long getOpenCount() {
        Funnel.Board board = board().board();
        return board.stages().stream().filter(s -> !s.isClosing())
                .mapToLong(s -> board.figures().get(s.getId()).all().count()).sum();
    }

    public BigDecimal getOpenTotal() {
        return openSum(figures -> figures.all().total());
    }

    /** The open subjects' value weighed by their stages' win probabilities: the forecast of the open funnel. */
    public BigDecimal getOpenWeighted() {
        return openSum(ColumnFigures::weighted);
    }

    private BigDecimal openSum(Function<ColumnFigures, BigDecimal> figure) {
        Funnel.Board board = board().board();
        return board.stages().stream().filter(s -> !s.isClosing())
                .map(s -> figure.apply(board.figures().get(s.getId()))).reduce(BigDecimal.ZERO, BigDecimal::add);
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
        return shown.activityFigures(activities::dueFigures);
    }

    /** Today in the business day's time zone: a card's next activity is overdue, due today or later. */
    public LocalDate getToday() {
        return BusinessCalendar.today();
    }

    public MoveChoice getMove() {
        return move;
    }
}
