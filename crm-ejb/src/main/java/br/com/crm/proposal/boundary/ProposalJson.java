package br.com.crm.proposal.boundary;

import br.com.crm.proposal.entity.Proposal;
import br.com.crm.proposal.entity.ProposalStatus;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * A proposal as the REST API shows it ({@code /api/v1/proposals/{id}}), and as a webhook's event carries it: one
 * definition for both.
 */
public record ProposalJson(long id, long subjectId, long number, int revision, String displayNumber,
                           ProposalStatus status, boolean superseded, LocalDate issuedOn, LocalDate validUntil,
                           List<ItemJson> items, BigDecimal subtotal, BigDecimal discount, BigDecimal freight,
                           BigDecimal total, String paymentTerms, String notes, OffsetDateTime sentAt,
                           OffsetDateTime decidedAt, OffsetDateTime orderRequestedAt, String createdBy,
                           OffsetDateTime updatedAt, String updatedBy, long version) {

    public record ItemJson(String productCode, String description, BigDecimal quantity, BigDecimal unitPrice,
                           BigDecimal discountPercent, BigDecimal gross, BigDecimal discount, BigDecimal total) {
    }

    public static ProposalJson of(Proposal p) {
        var totals = p.totals();
        return new ProposalJson(p.getId(), p.getSubjectId(), p.getNumber(), p.getRevision(), p.getDisplayNumber(),
                p.getStatus(), p.isSuperseded(), p.getIssuedOn(), p.getValidUntil(),
                p.getItems().stream().map(i -> new ItemJson(i.getProductCode(), i.getDescription(), i.getQuantity(),
                        i.getUnitPrice(), i.getDiscountPercent(), i.gross(), i.discount(), i.total())).toList(),
                totals.subtotal(), totals.discount(), totals.freight(), totals.total(), p.getPaymentTerms(),
                p.getNotes(), p.getSentAt(), p.getDecidedAt(), p.getOrderRequestedAt(), p.getCreatedBy(),
                p.getUpdatedAt(), p.getUpdatedBy(), p.getVersion());
    }
}
