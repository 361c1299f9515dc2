/**
 * The funnel board (index.xhtml): columns and cards, drag and drop, the "Mover para…" dialog, and the push that
 * reloads only the columns a colleague's change touched ({@code FunnelPush}).
 */
package br.com.crm.web.funnel;
