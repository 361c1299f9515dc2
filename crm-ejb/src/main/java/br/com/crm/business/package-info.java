/** How business rules refuse: one exception type with a message key, a kind (mapped to HTTP) and a field. */
package br.com.crm.business;
