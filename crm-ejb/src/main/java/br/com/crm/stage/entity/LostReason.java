package br.com.crm.stage.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import java.io.Serializable;
import java.util.Locale;

/** Why a subject was lost; kept in settings. Retired reasons stay on the subjects that used them. */
@Entity
@Table(name = "crm_lost_reason")
@NamedQuery(name = LostReason.ACTIVE, query = "select r from LostReason r where r.active = true order by r.description")
@NamedQuery(name = LostReason.ALL, query = "select r from LostReason r order by r.active desc, r.description")
public class LostReason implements Serializable {

    private static final long serialVersionUID = 1L;

    public static final String ACTIVE = "LostReason.active";
    public static final String ALL = "LostReason.all";
    public static final int DESCRIPTION_LENGTH = 80;

    @Id
    @SequenceGenerator(name = "crm_lost_reason_seq", sequenceName = "crm_lost_reason_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "crm_lost_reason_seq")
    private Long id;

    @NotBlank
    @Size(max = DESCRIPTION_LENGTH)
    @Column(nullable = false, length = DESCRIPTION_LENGTH)
    private String description;

    @Size(max = DESCRIPTION_LENGTH)
    @Column(name = "description_en", length = DESCRIPTION_LENGTH)
    private String descriptionEn;

    @Column(nullable = false)
    private boolean active = true;

    @Version
    private long version;

    protected LostReason() {
        // for JPA
    }

    public LostReason(String description, String descriptionEn) {
        this.description = description == null ? null : description.strip();
        this.descriptionEn = descriptionEn == null || descriptionEn.isBlank() ? null : descriptionEn.strip();
    }

    public void retire() {
        active = false;
    }

    public String describedIn(Locale locale) {
        return Stage.labelIn(locale, description, descriptionEn);
    }

    public Long getId() {
        return id;
    }

    public String getDescription() {
        return description;
    }

    public String getDescriptionEn() {
        return descriptionEn;
    }

    public boolean isActive() {
        return active;
    }

    public long getVersion() {
        return version;
    }

    @Override
    public boolean equals(Object o) {
        return this == o || o instanceof LostReason other && id != null && id.equals(other.id);
    }

    @Override
    public int hashCode() {
        return LostReason.class.hashCode();
    }
}
