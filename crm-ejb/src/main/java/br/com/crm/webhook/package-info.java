/**
 * Outgoing webhooks (Configurações → Integrações): endpoints that receivers registered for chosen events, and the
 * deliveries of those events. An event is queued as a delivery per endpoint inside the transaction of the change
 * (a rolled-back change sends nothing, a committed one cannot lose its event, a deleted record's last state is
 * kept), with the record as the REST API shows it; the background sender posts it signed with the endpoint's
 * secret (HMAC-SHA256), retries with back-off like the e-mail outbox, and keeps each endpoint's deliveries of one
 * subject in order. It reads subjects, activities, proposals and customers, so it lies above them.
 */
package br.com.crm.webhook;
