package br.com.crm.customer.entity;

/** Person (CPF) or company (CNPJ). */
public enum CustomerKind {
    PERSON, COMPANY
}
