/**
 * Commercial proposals: the items offered to a customer with their prices and discounts, the money rules that make
 * every figure add up to the cent, and the printable PDF the customer receives.
 */
package br.com.crm.proposal;
