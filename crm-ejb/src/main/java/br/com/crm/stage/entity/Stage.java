package br.com.crm.stage.entity;

import br.com.crm.kernel.BusinessException;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
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
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;

/**
 * A step of the funnel. Stages are ordered by {@link #getPosition() position}; exactly one, always the last, is the
 * closing stage (Encerrado), where subjects end as won or lost ({@link #isClosing()}; {@code Stages} keeps it so).
 * There are never more than {@link #MAX_STAGES}. Each open stage has a win probability, what the forecast weighs its
 * subjects' values by; the closing stage has none (its won subjects count whole, its lost ones not at all).
 */
@Entity
@Table(name = "crm_stage")
@NamedQuery(name = Stage.ALL, query = "select s from Stage s order by s.position")
@NamedQuery(name = Stage.COUNT, query = "select count(s) from Stage s")
public class Stage implements Serializable {

    private static final long serialVersionUID = 1L;

    public static final String ALL = "Stage.all";
    public static final String COUNT = "Stage.count";
    public static final int MAX_STAGES = 5;
    public static final int DESCRIPTION_LENGTH = 60;

    /** The win probabilities (%) a new open stage gets by its place among the open stages (the last beyond). */
    static final int[] DEFAULT_PROBABILITIES = {10, 25, 50, 75};

    @Id
    @SequenceGenerator(name = "crm_stage_seq", sequenceName = "crm_stage_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "crm_stage_seq")
    private Long id;

    @Column(nullable = false)
    private int position;

    @NotBlank
    @Size(max = DESCRIPTION_LENGTH)
    @Column(nullable = false, length = DESCRIPTION_LENGTH)
    private String description;

    @Size(max = DESCRIPTION_LENGTH)
    @Column(name = "description_en", length = DESCRIPTION_LENGTH)
    private String descriptionEn;

    @Column(name = "stale_days")
    private Integer staleDays;

    /** {@code true} on the closing stage, {@code null} (not false) elsewhere: the column is unique. */
    @Column(name = "closing")
    private Boolean closing;

    /** % of an open subject's value the forecast counts; {@code null} on the closing stage. */
    @Column(name = "probability")
    private Integer probability;

    @Enumerated(EnumType.STRING)
    @Column(name = "proposal_rule", length = 10)
    private ProposalRule proposalRule;

    @Version
    private long version;

    protected Stage() {
        // for JPA
    }

    public Stage(int position, String description, String descriptionEn) {
        this.position = position;
        describe(description, descriptionEn);
    }

    /** Whether subjects end here, as won or lost. */
    public boolean isClosing() {
        return Boolean.TRUE.equals(closing);
    }

    /** Makes this the closing stage; the caller takes the role from the stage that had it. */
    public void closeSubjects(boolean closes) {
        this.closing = closes ? Boolean.TRUE : null;
    }

    public void describe(String description, String descriptionEn) {
        this.description = description == null ? null : description.strip();
        this.descriptionEn = descriptionEn == null || descriptionEn.isBlank() ? null : descriptionEn.strip();
    }

    /** After how many days without activity the stage's subjects are flagged as stale; {@code null}: never. */
    public void flagStaleAfter(Integer days) {
        if (days != null && (days < 1 || days > 365)) {
            throw new BusinessException(BusinessException.Kind.INVALID,
                    "stage.staleDays.invalid", "staleDays", 1, 365);
        }
        this.staleDays = days;
    }

    /**
     * How likely (%, 0–100) a subject open here is to be won. The closing stage takes none: its subjects are
     * already won or lost.
     */
    public void estimateWinAt(Integer percent) {
        if (isClosing()) {
            if (percent != null) {
                throw new BusinessException(BusinessException.Kind.INVALID, "stage.probability.closing",
                        "probability");
            }
            return;
        }
        if (percent == null || percent < 0 || percent > 100) {
            throw new BusinessException(BusinessException.Kind.INVALID, "stage.probability.invalid", "probability",
                    0, 100);
        }
        this.probability = percent;
    }

    /** The default probability of the {@code index}-th open stage (0-based). */
    public static int defaultProbability(int index) {
        return DEFAULT_PROBABILITIES[Math.min(index, DEFAULT_PROBABILITIES.length - 1)];
    }

    /** The win probability (%) of a subject open here; {@code null} on the closing stage. */
    public Integer getProbability() {
        return probability;
    }

    /** What {@code amount} open here is worth in the forecast: weighed by the probability, in cents. */
    public BigDecimal weigh(BigDecimal amount) {
        return weigh(amount, probability);
    }

    /** {@code amount} × {@code percent} %, in cents ({@code null} percent: nothing). */
    public static BigDecimal weigh(BigDecimal amount, Integer percent) {
        if (amount == null || percent == null) {
            return BigDecimal.ZERO.setScale(2);
        }
        return amount.multiply(BigDecimal.valueOf(percent)).divide(BigDecimal.valueOf(100), 2, RoundingMode.HALF_EVEN);
    }

    /** Subjects come here when one of their proposals is sent or accepted; {@code null}: no rule. */
    public void moveOnProposal(ProposalRule rule) {
        this.proposalRule = rule;
    }

    public ProposalRule getProposalRule() {
        return proposalRule;
    }

    public Integer getStaleDays() {
        return staleDays;
    }

    public void placeAt(int position) {
        this.position = position;
    }

    /** The description in the user's language: English when the stage has one and the user reads English. */
    public String describedIn(Locale locale) {
        return labelIn(locale, description, descriptionEn);
    }

    public static String labelIn(Locale locale, String portuguese, String english) {
        boolean wantsEnglish = locale != null && "en".equals(locale.getLanguage());
        return wantsEnglish && english != null ? english : portuguese;
    }

    public Long getId() {
        return id;
    }

    public int getPosition() {
        return position;
    }

    public String getDescription() {
        return description;
    }

    public String getDescriptionEn() {
        return descriptionEn;
    }

    public long getVersion() {
        return version;
    }

    @Override
    public boolean equals(Object o) {
        return this == o || o instanceof Stage other && id != null && id.equals(other.id);
    }

    @Override
    public int hashCode() {
        return Stage.class.hashCode();
    }
}
