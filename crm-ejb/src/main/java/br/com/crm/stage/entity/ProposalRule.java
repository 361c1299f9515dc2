package br.com.crm.stage.entity;

/** A stage rule: subjects move to the stage when one of their proposals is sent, or accepted. */
public enum ProposalRule {
    SENT, ACCEPTED
}
