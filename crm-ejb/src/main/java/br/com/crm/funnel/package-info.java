/**
 * The funnel: its ordered stages (at most five, the last one closes), the reasons a subject is lost, and the
 * read side of the kanban board (counts and sums per column, a column's cards by keyset).
 */
package br.com.crm.funnel;
