/**
 * E-mail: templates, messages queued in a database outbox in the transaction that wrote them (a proposal sent
 * moves its subject through the proposal's lifecycle), and the background sender with retries and back-off.
 */
package br.com.crm.mail;
