package br.com.crm.web.report;

import br.com.crm.kernel.BusinessException;
import br.com.crm.kernel.Jsonp;
import br.com.crm.report.boundary.ForecastReport;
import br.com.crm.security.boundary.Users;
import br.com.crm.security.entity.User;
import br.com.crm.stage.boundary.Stages;
import br.com.crm.web.shell.Feedback;
import br.com.crm.web.shell.ScriptJson;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import org.omnifaces.util.Faces;

import java.math.BigDecimal;
import java.util.List;
import java.util.ResourceBundle;
import java.util.function.Function;

/**
 * Relatório → Previsão: open value, weighted value, won and lost by expected close month, responsible or stage, as
 * a chart and a table. The filters are the page's URL (a GET form, no postback), so the bean lives for one request
 * and the session keeps nothing of it.
 */
@Named
@RequestScoped
public class ForecastBacking {

    @Inject
    ForecastReport report;

    @Inject
    Stages stages;

    @Inject
    Users users;

    @Inject
    Feedback feedback;

    private ForecastRows rows;
    private List<User> userChoices;

    @PostConstruct
    void init() {
        userChoices = users.responsibles();
        var request = Faces.getRequest();
        ResourceBundle bundle = Faces.getResourceBundle("msg");
        ForecastReport.Result result;
        try {
            result = report.run(ForecastRows.query(request.getParameter("from"), request.getParameter("to"),
                    request.getParameter("by"), request.getParameter("user")));
        } catch (BusinessException e) {
            feedback.refused(e);
            result = report.run(ForecastRows.query(null, null, null, null));
        }
        rows = ForecastRows.of(result, stages.list(), bundle, Faces.getLocale());
    }

    public ForecastRows getRows() {
        return rows;
    }

    public List<User> getUserChoices() {
        return userChoices;
    }

    public ForecastReport.Grouping[] getGroupings() {
        return ForecastReport.Grouping.values();
    }

    /** The Chart.js configuration: open, weighted and won value per row, as bars; safe inside a script block. */
    public String getChart() {
        ResourceBundle bundle = Faces.getResourceBundle("msg");
        JsonArrayBuilder labels = Jsonp.createArrayBuilder();
        rows.labels().forEach(labels::add);
        JsonArrayBuilder datasets = Jsonp.createArrayBuilder()
                .add(dataset(bundle.getString("forecast.openValue"), "#94a3b8", ForecastReport.Row::openValue))
                .add(dataset(bundle.getString("forecast.weighted"), "#1f6feb", ForecastReport.Row::weighted))
                .add(dataset(bundle.getString("forecast.wonValue"), "#1a7f37", ForecastReport.Row::wonValue))
                .add(dataset(bundle.getString("forecast.lostValue"), "#b42318", ForecastReport.Row::lostValue));
        return ScriptJson.safe(Jsonp.createObjectBuilder()
                .add("type", "bar")
                .add("data", Jsonp.createObjectBuilder().add("labels", labels).add("datasets", datasets))
                .add("options", Jsonp.createObjectBuilder().add("responsive", true).add("maintainAspectRatio", false)
                        .add("scales", Jsonp.createObjectBuilder()
                                .add("y", Jsonp.createObjectBuilder().add("beginAtZero", true))))
                .build().toString());
    }

    private JsonObjectBuilder dataset(String label, String colour, Function<ForecastReport.Row, BigDecimal> value) {
        JsonArrayBuilder data = Jsonp.createArrayBuilder();
        rows.result().rows().forEach(row -> data.add(value.apply(row)));
        return Jsonp.createObjectBuilder().add("label", label).add("data", data).add("backgroundColor", colour);
    }
}
