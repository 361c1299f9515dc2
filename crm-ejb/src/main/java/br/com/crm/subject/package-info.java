/**
 * Subjects (Assuntos): what is followed through the funnel to a conclusion, their rules (moving, closing as won or
 * lost, archiving), their stage history, bulk operations and the CSV import. Every write to a subject, and to a
 * done activity, goes through {@code SubjectChanges}: it keeps the column totals and the report's daily activity
 * counts and emits one {@code Change}.
 */
package br.com.crm.subject;
