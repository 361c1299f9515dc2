package br.com.crm.customer.entity;

/** Where the customer is in the relationship (Situação do contato). */
public enum ContactStatus {
    LEAD, PROSPECT, CUSTOMER, INACTIVE
}
