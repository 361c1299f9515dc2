/**
 * Activities (Ações): what was done and must be done about a subject, by whom and when; a subject's next open
 * activity (for cards and rows), the funnel header's due figures and a user's agenda. Changes go through the
 * subjects' one write path, which keeps the report's daily counts of done activities.
 */
package br.com.crm.activity;
