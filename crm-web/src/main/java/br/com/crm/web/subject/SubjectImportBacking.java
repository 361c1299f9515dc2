package br.com.crm.web.subject;

import br.com.crm.kernel.BusinessException;
import br.com.crm.subject.boundary.SubjectImport.Report;
import br.com.crm.subject.boundary.SubjectImport.Status;
import br.com.crm.subject.boundary.SubjectImport;
import br.com.crm.web.shell.Feedback;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.omnifaces.cdi.ViewScoped;
import org.omnifaces.util.Faces;
import org.primefaces.model.file.UploadedFile;

import java.io.Serializable;
import java.util.ResourceBundle;
import java.util.stream.Collectors;

/**
 * Importing subjects from CSV: upload, preview (every line with what it would do and why it is rejected), then
 * import the valid lines. The file is kept in the view between preview and import, so what is imported is exactly
 * what was previewed.
 */
@Named
@ViewScoped
public class SubjectImportBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    SubjectImport imports;

    @Inject
    Feedback feedback;

    private transient UploadedFile file;
    private byte[] content;
    private String fileName;
    private Report report;

    /** Reads the chosen file and shows what importing it would do. */
    public void check() {
        if (file == null || file.getSize() == 0) {
            feedback.refused(new BusinessException(
                    BusinessException.Kind.INVALID, "import.file.required", "file"));
            return;
        }
        content = file.getContent();
        fileName = file.getFileName();
        report = feedback.attempt(() -> imports.check(content));
    }

    /** Imports the previewed file's valid lines. */
    public void run() {
        if (content == null) {
            return;
        }
        Report done = feedback.attempt(() -> imports.run(content));
        if (done != null) {
            report = done;
            content = null;
            feedback.info("import.done", done.count(Status.NEW), done.count(Status.EXISTS),
                    done.count(Status.REJECTED));
        }
    }

    /** The problems of a line in the user's language, one per line of text. */
    public String problems(SubjectImport.LineReport line) {
        ResourceBundle bundle = Faces.getResourceBundle("msg");
        return line.problems().stream()
                .map(p -> Feedback.format(bundle, "import.column." + p.column()) + ": "
                        + Feedback.format(bundle, p.messageKey(), p.arguments().toArray()))
                .collect(Collectors.joining("\n"));
    }

    public String getRunLabel() {
        return Feedback.format(Faces.getResourceBundle("msg"), "import.run", report.count(Status.NEW));
    }

    public UploadedFile getFile() {
        return file;
    }

    public void setFile(UploadedFile file) {
        this.file = file;
    }

    public String getFileName() {
        return fileName;
    }

    public Report getReport() {
        return report;
    }

    public boolean isReady() {
        return report != null && !report.imported() && report.count(Status.NEW) > 0;
    }
}
