/**
 * The audit trail: who did what to which record, when, from where. Every write path's change event and every
 * audited act (login, export, user administration, settings) becomes an append-only entry in {@code crm_audit},
 * written in the transaction of the change ({@link br.com.crm.audit.control.AuditTrail}); administrators read it
 * ({@link br.com.crm.audit.boundary.Audit}), and everyone who may see a subject reads its history.
 */
package br.com.crm.audit;
