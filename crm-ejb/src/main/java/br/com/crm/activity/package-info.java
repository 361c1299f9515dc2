/**
 * Activities (Ações): what was done and must be done about a subject, by whom and when; a subject's next open
 * activity (on cards and rows) and a user's agenda.
 */
package br.com.crm.activity;
