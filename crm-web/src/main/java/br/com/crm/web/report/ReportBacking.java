package br.com.crm.web.report;

import br.com.crm.activity.entity.ActivityKind;
import br.com.crm.kernel.BusinessException;
import br.com.crm.kernel.Jsonp;
import br.com.crm.report.boundary.ActivityReport;
import br.com.crm.report.boundary.StageReport;
import br.com.crm.security.boundary.Users;
import br.com.crm.security.entity.User;
import br.com.crm.stage.boundary.Stages;
import br.com.crm.stage.entity.Stage;
import br.com.crm.tag.boundary.Tags;
import br.com.crm.tag.entity.Tag;
import br.com.crm.web.shell.Feedback;
import br.com.crm.web.shell.ScriptJson;
import jakarta.annotation.PostConstruct;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.json.JsonArrayBuilder;
import org.omnifaces.cdi.ViewScoped;
import org.omnifaces.util.Faces;

import java.io.Serializable;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Relatório de CRM: the activities performed, counted by period and one dimension, as a stacked bar chart (with the
 * total as a line) and a table; the filters are the page's URL, so a report is a link to keep or send.
 */
@Named
@ViewScoped
public class ReportBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    /** Chart colours, one per group, in order. */
    private static final String[] COLOURS = {"#1f6feb", "#1a7f37", "#b54708", "#8250df", "#b42318", "#0e7490",
        "#57606a", "#bf3989", "#9a6700", "#116329"};

    @Inject
    ActivityReport report;

    @Inject
    Stages stages;

    @Inject
    Users users;

    @Inject
    Feedback feedback;

    @Inject
    StageReport stageReport;

    @Inject
    Tags tags;

    private List<Stage> stageList;
    private ReportTable table;
    private StageReport.Result funnel;
    private List<Tag> tagChoices;
    private Long tag;
    private List<User> userChoices;
    private String query = "";

    @PostConstruct
    void init() {
        userChoices = users.responsibles();
        stageList = stages.list();
        tagChoices = tags.list();
        var request = Faces.getRequest();
        String tagParameter = request.getParameter("tag");
        tag = tagParameter != null && tagParameter.matches("\\d{1,18}") ? Long.valueOf(tagParameter) : null;
        ActivityReport.Query asked;
        try {
            asked = ReportTable.query(request.getParameter("from"), request.getParameter("to"),
                    request.getParameter("period"), request.getParameter("by"), request.getParameter("user"),
                    request.getParameter("kind"));
            table = ReportTable.of(asked, report.run(asked), stageList, Faces.getLocale());
        } catch (BusinessException e) {
            feedback.refused(e);
            asked = ReportTable.query(null, null, null, null, null, null);
            table = ReportTable.of(asked, report.run(asked), stageList, Faces.getLocale());
        }
        StringBuilder q = new StringBuilder("from=" + asked.from() + "&to=" + asked.to() + "&period="
                + asked.period() + "&by=" + asked.by());
        if (asked.user() != null) {
            q.append("&user=").append(URLEncoder.encode(asked.user(), StandardCharsets.UTF_8));
        }
        if (asked.kind() != null) {
            q.append("&kind=").append(asked.kind());
        }
        if (tag != null) {
            q.append("&tag=").append(tag);
        }
        query = q.toString();
        funnel = stageReport.run(new StageReport.Query(asked.from(), asked.to(),
                asked.user(), tag));
    }

    public StageReport.Result getFunnel() {
        return funnel;
    }

    public String stageLabel(long stageId) {
        return stageList.stream().filter(s -> s.getId() == stageId).findFirst()
                .map(s -> s.describedIn(Faces.getLocale())).orElse(String.valueOf(stageId));
    }

    public List<Tag> getTagChoices() {
        return tagChoices;
    }

    public Long getTag() {
        return tag;
    }

    /** The Chart.js configuration: a stacked bar per group and the total as a line; safe inside a script block. */
    public String getChart() {
        JsonArrayBuilder datasets = Jsonp.createArrayBuilder();
        ActivityReport.Result result = table.result();
        for (int g = 0; g < result.groups().size(); g++) {
            JsonArrayBuilder data = Jsonp.createArrayBuilder();
            for (long count : result.counts().get(result.groups().get(g))) {
                data.add(count);
            }
            datasets.add(Jsonp.createObjectBuilder().add("type", "bar").add("label", table.groupLabels().get(g))
                    .add("data", data).add("backgroundColor", COLOURS[g % COLOURS.length]).add("stack", "s"));
        }
        JsonArrayBuilder totals = Jsonp.createArrayBuilder();
        for (int p = 0; p < result.periods().size(); p++) {
            totals.add(result.totalAt(p));
        }
        datasets.add(Jsonp.createObjectBuilder().add("type", "line").add("label",
                        Feedback.format(Faces.getResourceBundle("msg"), "report.total"))
                .add("data", totals).add("borderColor", "#24292f").add("backgroundColor", "#24292f"));
        JsonArrayBuilder labels = Jsonp.createArrayBuilder();
        table.periodLabels().forEach(labels::add);
        return ScriptJson.safe(Jsonp.createObjectBuilder()
                .add("type", "bar")
                .add("data", Jsonp.createObjectBuilder().add("labels", labels).add("datasets", datasets))
                .add("options", Jsonp.createObjectBuilder().add("responsive", true).add("maintainAspectRatio", false)
                        .add("scales", Jsonp.createObjectBuilder()
                                .add("x", Jsonp.createObjectBuilder().add("stacked", true))
                                .add("y", Jsonp.createObjectBuilder().add("stacked", true).add("beginAtZero", true))))
                .build().toString());
    }

    public ReportTable getTable() {
        return table;
    }

    public String getQuery() {
        return query;
    }

    public List<User> getUserChoices() {
        return userChoices;
    }

    public ActivityReport.Period[] getPeriods() {
        return ActivityReport.Period.values();
    }

    public ActivityReport.Dimension[] getDimensions() {
        return ActivityReport.Dimension.values();
    }

    public ActivityKind[] getKinds() {
        return ActivityKind.values();
    }
}
