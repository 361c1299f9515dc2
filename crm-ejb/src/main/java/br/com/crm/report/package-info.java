/**
 * The CRM report (Relatório de CRM): what was done, counted from the activities performed (not from subjects, as
 * the seed insists), by period and by kind, user, stage or outcome of the subject.
 */
package br.com.crm.report;
