package br.com.crm.activity.entity;

/** What kind of activity: how the customer is reached or what is to be done. */
public enum ActivityKind {
    CALL, EMAIL, MEETING, VISIT, TASK, PROPOSAL, WHATSAPP, OTHER
}
