package br.com.crm.web.settings;

import br.com.crm.tag.boundary.Tags;
import br.com.crm.tag.entity.Tag;
import br.com.crm.web.shell.Feedback;
import jakarta.annotation.PostConstruct;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.omnifaces.cdi.ViewScoped;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/** Configurações → Vendas → Marcadores: create, rename, delete one or several tags at once. Administrators. */
@Named
@ViewScoped
public class TagsBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    Tags tags;

    @Inject
    Feedback feedback;

    private List<Tag> all;
    private List<Tag> selected = new ArrayList<>();
    private String newName;
    private String newColor = "1f4e79";

    @PostConstruct
    void load() {
        all = tags.list();
        selected = new ArrayList<>();
    }

    public void create() {
        if (feedback.attempt(() -> tags.create(newName, "#" + newColor), "tag.created", newName)) {
            newName = null;
        }
        load();
    }

    public void rename(Tag tag) {
        feedback.attempt(() -> tags.rename(tag.getId(), tag.getVersion(), tag.getName(), tag.getColor()),
                "tag.saved", tag.getName());
        load();
    }

    public void deleteSelected() {
        int deleted = tags.delete(selected.stream().map(Tag::getId).toList());
        feedback.info("tag.deleted", deleted);
        load();
    }

    public List<Tag> getAll() {
        return all;
    }

    public List<Tag> getSelected() {
        return selected;
    }

    public void setSelected(List<Tag> selected) {
        this.selected = selected;
    }

    public String getNewName() {
        return newName;
    }

    public void setNewName(String newName) {
        this.newName = newName;
    }

    public String getNewColor() {
        return newColor;
    }

    public void setNewColor(String newColor) {
        this.newColor = newColor;
    }
}
