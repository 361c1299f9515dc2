/** The audit page (Configurações → Auditoria), its CSV, and a subject's history tab. */
package br.com.crm.web.audit;
