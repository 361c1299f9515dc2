/**
 * The timeline (Linha do tempo) of a subject: its activities, notes, stage changes, proposals and e-mails, newest
 * first, a page at a time.
 */
package br.com.crm.timeline;
