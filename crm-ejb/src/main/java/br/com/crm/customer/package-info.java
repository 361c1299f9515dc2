/**
 * Customers and contacts: who a subject is about, with a validated CPF or CNPJ and a contact status, linked to the
 * ERP's customer when it knows them ({@code Customer.erpKey()}), and their documents in the ERP.
 */
package br.com.crm.customer;
