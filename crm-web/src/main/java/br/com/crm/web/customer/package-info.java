/** Customers as pages pick them: the converter of the customer fields. */
package br.com.crm.web.customer;
