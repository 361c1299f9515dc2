/**
 * The timeline (Linha do tempo) of a subject: its activities, notes and stage changes (later also proposals and
 * e-mails), newest first, a page at a time.
 */
package br.com.crm.timeline;
