/**
 * The funnel's read side: the kanban board (every column's count and sum from the kept totals, a column's cards a
 * page at a time by keyset, with their tags, next activity and ERP badges in one query each) and the list view of
 * the same subjects (sorted and paged on the server, exports). Reads only; every write is the subject's, activity's
 * or stage's. Above them: it may use subject, stage, tag, activity, customer and erp, and nothing uses it but the
 * report, the timeline, the demo and the web module.
 */
package br.com.crm.funnel;
