/**
 * The REST API under {@code /crm/api/v1}, one resource per kind of record: subjects; a subject's activities, notes,
 * proposals, e-mails and timeline; the transfers (export, import, bulk); stages, lost reasons, tags, customers,
 * activities, notes, proposals, reports. Errors are problem details in the caller's language ({@code Languages}).
 */
package br.com.crm.web.api;
