package br.com.crm.privacy.entity;

import br.com.crm.kernel.BusinessException;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.io.Serializable;

/**
 * The company's privacy settings (one row): after how many months without news a lost or archived subject's
 * customer, not linked to the ERP, is proposed for anonymisation. A proposal only: nothing is erased by a timer.
 */
@Entity
@Table(name = "crm_privacy")
public class PrivacyPolicy implements Serializable {

    private static final long serialVersionUID = 1L;

    public static final long ID = 1;
    public static final int MIN_MONTHS = 1;
    public static final int MAX_MONTHS = 600;

    @Id
    private Long id;

    @Column(name = "retention_months", nullable = false)
    private int retentionMonths;

    @Version
    private long version;

    protected PrivacyPolicy() {
        // for JPA
    }

    public void changeRetention(Integer months) {
        if (months == null || months < MIN_MONTHS || months > MAX_MONTHS) {
            throw new BusinessException(BusinessException.Kind.INVALID, "privacy.retention.range", "months",
                    MIN_MONTHS, MAX_MONTHS);
        }
        retentionMonths = months;
    }

    public int getRetentionMonths() {
        return retentionMonths;
    }

    public long getVersion() {
        return version;
    }
}
