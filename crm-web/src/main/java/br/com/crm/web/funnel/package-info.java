/**
 * The funnel board (index.xhtml): columns and cards, drag and drop, the "Mover para…" dialog, and the push that
 * reloads the board when a colleague's change concerns it ({@code FunnelPush}).
 */
package br.com.crm.web.funnel;
