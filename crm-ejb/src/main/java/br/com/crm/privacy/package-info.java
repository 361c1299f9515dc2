/**
 * What the LGPD (Lei 13.709/2018, art. 18) asks of the module about the people it holds data on: everything held
 * about a customer as JSON and PDF, anonymisation (their name, CPF, e-mail and phone replaced wherever the module
 * wrote them, figures kept), and the retention review that proposes customers for it. Bases and consents belong to
 * the customer component; this one reaches across the others to find and replace a person's data.
 */
package br.com.crm.privacy;
