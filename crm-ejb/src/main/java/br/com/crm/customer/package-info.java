/** Customers and contacts: who a subject is about, with a validated CPF or CNPJ and a contact status. */
package br.com.crm.customer;
