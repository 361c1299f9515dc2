/**
 * Subjects (Assuntos): what is followed through the funnel to a conclusion, their rules (moving, closing as won or
 * lost, archiving), their stage history, bulk operations and the CSV import. Every write to a subject, and to an
 * activity, goes through {@code SubjectChanges}: it keeps the column totals, the report's daily activity counts, the
 * open activities by due day, the forecast's and the stage report's daily counts and the stage history's facts, and
 * emits one {@code Change}.
 */
package br.com.crm.subject;
