package br.com.crm.tag.entity;

import br.com.crm.kernel.BusinessException;
import br.com.crm.kernel.Text;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.io.Serializable;
import java.util.Locale;
import java.util.regex.Pattern;

/** A label put on subjects (Marcador), shown as a coloured chip and used to filter. */
@Entity
@Table(name = "crm_tag")
@NamedQuery(name = Tag.ALL, query = "select t from Tag t order by t.searchName")
@NamedQuery(name = Tag.BY_SEARCH_NAME, query = "select t from Tag t where t.searchName = :name")
public class Tag implements Serializable {

    private static final long serialVersionUID = 1L;

    public static final String ALL = "Tag.all";
    public static final String BY_SEARCH_NAME = "Tag.bySearchName";
    public static final int NAME_LENGTH = 40;
    public static final String DEFAULT_COLOR = "#64748b";
    private static final Pattern COLOR = Pattern.compile("#[0-9a-fA-F]{6}");

    @Id
    @SequenceGenerator(name = "crm_tag_seq", sequenceName = "crm_tag_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "crm_tag_seq")
    private Long id;

    @Column(nullable = false, length = NAME_LENGTH)
    private String name;

    /** The name lower case without accents: "Urgente" and "urgênte" are the same tag. */
    @Column(name = "search_name", nullable = false, length = NAME_LENGTH, unique = true)
    private String searchName;

    @Column(nullable = false, length = 7)
    private String color;

    @Version
    private long version;

    protected Tag() {
        // for JPA
    }

    public Tag(String name, String color) {
        rename(name, color);
    }

    /** @throws BusinessException when the name is blank or too long, or the colour is not #rrggbb */
    public final void rename(String name, String color) {
        String trimmed = name == null ? "" : name.strip();
        if (trimmed.isEmpty()) {
            throw new BusinessException(BusinessException.Kind.INVALID, "tag.name.required", "name");
        }
        if (trimmed.length() > NAME_LENGTH) {
            throw new BusinessException(BusinessException.Kind.INVALID, "tag.name.tooLong", "name", NAME_LENGTH);
        }
        String chosen = color == null || color.isBlank() ? DEFAULT_COLOR : color.strip();
        if (!COLOR.matcher(chosen).matches()) {
            throw new BusinessException(BusinessException.Kind.INVALID, "tag.color.invalid", "color", chosen);
        }
        this.name = trimmed;
        this.searchName = Text.searchable(trimmed);
        this.color = chosen.toLowerCase(Locale.ROOT);
    }

    public Long getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public String getSearchName() {
        return searchName;
    }

    public String getColor() {
        return color;
    }

    public long getVersion() {
        return version;
    }

    @Override
    public boolean equals(Object o) {
        return this == o || o instanceof Tag other && id != null && id.equals(other.id);
    }

    @Override
    public int hashCode() {
        return Tag.class.hashCode();
    }
}
