package br.com.crm.web.subject;

import br.com.crm.funnel.boundary.SubjectList.Row;
import br.com.crm.funnel.boundary.SubjectList;
import br.com.crm.kernel.BusinessCalendar;
import br.com.crm.kernel.BusinessException;
import br.com.crm.security.boundary.Users;
import br.com.crm.security.entity.User;
import br.com.crm.stage.boundary.Stages;
import br.com.crm.stage.entity.Stage;
import br.com.crm.subject.boundary.SubjectBulk.Result;
import br.com.crm.subject.boundary.SubjectBulk.Selection;
import br.com.crm.subject.boundary.SubjectBulk;
import br.com.crm.subject.boundary.SubjectFilter;
import br.com.crm.tag.boundary.Tags;
import br.com.crm.tag.entity.Tag;
import br.com.crm.web.shell.Feedback;
import jakarta.annotation.PostConstruct;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.omnifaces.cdi.ViewScoped;
import org.omnifaces.util.Faces;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;
import org.primefaces.model.SortOrder;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The list of subjects (Tipo de visualização: lista): a lazy table paged and sorted on the server, selection of
 * rows on a page or of everything the filter selects, and the bulk operations on the selection.
 */
@Named
@ViewScoped
public class SubjectListBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    public static final int PAGE_SIZE = 25;

    /**
     * The table's rows, a page at a time. What it pages through and, once asked for, how many match in all are kept
     * until the data changes (each costs a query; the whole count of a broad filter reads every match).
     */
    public final class Rows extends LazyDataModel<Row> {
        private static final long serialVersionUID = 1L;
        private SubjectList.Shown shown;
        private Long matching;

        @Override
        public int count(Map<String, FilterMeta> filterBy) {
            return (int) Math.min(shown().rows(), Integer.MAX_VALUE);
        }

        SubjectList.Shown shown() {
            if (shown == null) {
                shown = list.shown(filter);
            }
            return shown;
        }

        long matching() {
            if (matching == null) {
                matching = shown().more() ? list.count(filter) : shown().rows();
            }
            return matching;
        }

        @Override
        public List<Row> load(int first, int pageSize, Map<String, SortMeta> sortBy, Map<String, FilterMeta> filterBy) {
            SubjectList.Sort sort = SubjectList.Sort.LAST_ACTIVITY;
            boolean ascending = false;
            for (SortMeta meta : sortBy.values()) {
                if (meta.getOrder() != SortOrder.UNSORTED) {
                    sort = sortOf(meta.getField());
                    ascending = meta.getOrder() == SortOrder.ASCENDING;
                    break;
                }
            }
            return list.page(filter, sort, ascending, first, pageSize);
        }

        @Override
        public String getRowKey(Row row) {
            return String.valueOf(row.id());
        }

        /** A selected row of the page on screen (selection is per page; "all matching" covers the rest). */
        @Override
        public Row getRowData(String rowKey) {
            List<Row> page = getWrappedData();
            return page == null ? null
                    : page.stream().filter(r -> getRowKey(r).equals(rowKey)).findFirst().orElse(null);
        }

        void changed() {
            shown = null;
            matching = null;
        }
    }

    @Inject
    SubjectList list;

    @Inject
    SubjectBulk bulk;

    @Inject
    Stages stages;

    @Inject
    Tags tags;

    @Inject
    Users users;

    @Inject
    Feedback feedback;

    @Inject
    FilterBarBacking filterBar;

    private SubjectFilter filter;
    private int first;
    private final Rows rows = new Rows();
    private List<Row> selected = new ArrayList<>();
    private boolean allMatching;
    private List<Stage> stageList;
    private final Map<Long, String> stageLabels = new HashMap<>();
    private Long closingStage;

    // The bulk dialogs' choices, read when a dialog opens.
    private List<Tag> tagChoices = List.of();
    private List<User> responsibleChoices = List.of();
    private List<Long> chosenTags = new ArrayList<>();
    private boolean removingTags;
    private Long targetStage;
    private String targetResponsible;

    @PostConstruct
    void init() {
        filter = filterBar.getFilter();
        stageList = stages.list();
        stageList.forEach(s -> stageLabels.put(s.getId(), s.describedIn(Faces.getLocale())));
        stageList.stream().filter(Stage::isClosing).findFirst().ifPresent(s -> closingStage = s.getId());
        // A page of the list has a URL too (?page=N), like its filter.
        String page = Faces.getRequestParameter("page");
        if (page != null && page.matches("\\d{1,7}")) {
            first = (Math.max(Integer.parseInt(page), 1) - 1) * PAGE_SIZE;
        }
    }

    /** The table's first row: from the URL's page number, then wherever the paginator goes. */
    public int getFirst() {
        return first;
    }

    public void setFirst(int first) {
        this.first = first;
    }

    static SubjectList.Sort sortOf(String field) {
        return switch (field == null ? "" : field) {
            case "title" -> SubjectList.Sort.TITLE;
            case "customer" -> SubjectList.Sort.CUSTOMER;
            case "stage" -> SubjectList.Sort.STAGE;
            case "amount" -> SubjectList.Sort.AMOUNT;
            case "expectedClose" -> SubjectList.Sort.EXPECTED_CLOSE;
            case "responsible" -> SubjectList.Sort.RESPONSIBLE;
            case "updated" -> SubjectList.Sort.UPDATED;
            default -> SubjectList.Sort.LAST_ACTIVITY;
        };
    }

    /** Reloads after a change elsewhere (the push), or after a bulk operation here. */
    public void refresh() {
        rows.changed();
    }

    public void selectAllMatching() {
        allMatching = true;
    }

    public void clearSelection() {
        allMatching = false;
        selected = new ArrayList<>();
    }

    /** After a page change the page's own selection starts empty; "all matching" stays (it is the filter's). */
    public void selectionChanged() {
        if (selected.isEmpty()) {
            allMatching = false;
        }
    }

    /** How many subjects the list pages through (a narrowed one at most {@link SubjectList#SHOWN_AT_MOST}). */
    public long getShownCount() {
        return rows.shown().rows();
    }

    /** Whether more subjects match the filter than the list pages through. */
    public boolean isMoreMatching() {
        return rows.shown().more();
    }

    public long getSelectedCount() {
        return allMatching ? rows.matching() : selected.size();
    }

    public boolean isNothingSelected() {
        return getSelectedCount() == 0;
    }

    public void archive() {
        run(bulk::archive, "bulk.archived");
    }

    public void unarchive() {
        run(bulk::unarchive, "bulk.unarchived");
    }

    /** How many subjects the delete dialog showed: the deletion is refused when the selection changed since. */
    private long deleteCount;
    private boolean deleteSent;

    public void prepareDelete() {
        deleteCount = getSelectedCount();
        deleteSent = false;
    }

    public void delete() {
        run(selection -> bulk.delete(selection, (int) deleteCount, deleteSent), "bulk.deleted");
    }

    public long getDeleteCount() {
        return deleteCount;
    }

    public boolean isDeleteSent() {
        return deleteSent;
    }

    public void setDeleteSent(boolean deleteSent) {
        this.deleteSent = deleteSent;
    }

    public void prepareTags(boolean remove) {
        removingTags = remove;
        chosenTags = new ArrayList<>();
        tagChoices = tags.list();
    }

    public void applyTags() {
        if (chosenTags == null || chosenTags.isEmpty()) {
            feedback.refused(new BusinessException(BusinessException.Kind.INVALID, "bulk.tags.none", null));
            FacesContext.getCurrentInstance().validationFailed();
            return;
        }
        List<Long> chosen = List.copyOf(chosenTags);
        run(removingTags ? s -> bulk.removeTags(s, chosen) : s -> bulk.addTags(s, chosen),
                removingTags ? "bulk.untagged" : "bulk.tagged");
    }

    public void prepareMove() {
        targetStage = null;
    }

    public void move() {
        Long stage = targetStage;
        run(s -> bulk.move(s, stage == null ? -1 : stage), "bulk.moved");
    }

    public void prepareAssign() {
        targetResponsible = null;
        responsibleChoices = users.responsibles();
    }

    public void assign() {
        String responsible = targetResponsible;
        run(s -> bulk.assign(s, responsible), "bulk.assigned");
    }

    private void run(Function<Selection, Result> operation, String doneKey) {
        if (isNothingSelected()) {
            feedback.refused(new BusinessException(
                    BusinessException.Kind.INVALID, "bulk.selection.empty", null));
            return;
        }
        Selection selection = allMatching ? Selection.matching(filter)
                : Selection.of(selected.stream().map(Row::id).toList());
        Result result = feedback.attempt(() -> operation.apply(selection));
        if (result != null) {
            feedback.info(doneKey, result.changed(), result.selected());
            clearSelection();
            rows.changed();
        }
    }

    public Rows getRows() {
        return rows;
    }

    public List<Row> getSelected() {
        return selected;
    }

    public void setSelected(List<Row> selected) {
        this.selected = selected == null ? new ArrayList<>() : new ArrayList<>(selected);
    }

    public boolean isAllMatching() {
        return allMatching;
    }

    public SubjectFilter getFilter() {
        return filter;
    }

    public LocalDate getToday() {
        return BusinessCalendar.today();
    }

    public String stageLabel(long stageId) {
        return stageLabels.get(stageId);
    }

    public boolean isClosing(long stageId) {
        return closingStage != null && closingStage == stageId;
    }

    /** Stages a bulk move may go to: all but the closing one (closing asks each subject for its outcome). */
    public List<Stage> getMoveStages() {
        return stageList.stream().filter(s -> !s.isClosing()).toList();
    }

    public List<Tag> getTagChoices() {
        return tagChoices;
    }

    public List<User> getResponsibleChoices() {
        return responsibleChoices;
    }

    public List<Long> getChosenTags() {
        return chosenTags;
    }

    public void setChosenTags(List<Long> chosenTags) {
        this.chosenTags = chosenTags;
    }

    public boolean isRemovingTags() {
        return removingTags;
    }

    public Long getTargetStage() {
        return targetStage;
    }

    public void setTargetStage(Long targetStage) {
        this.targetStage = targetStage;
    }

    public String getTargetResponsible() {
        return targetResponsible;
    }

    public void setTargetResponsible(String targetResponsible) {
        this.targetResponsible = targetResponsible;
    }
}
