package br.com.crm.proposal.entity;

/** Where a proposal is: a draft until sent; then accepted, rejected, or expired after its validity date. */
public enum ProposalStatus {
    DRAFT, SENT, ACCEPTED, REJECTED, EXPIRED
}
