/**
 * Subjects (Assuntos): what is followed through the funnel to a conclusion, their rules (moving, closing as won or
 * lost, archiving) and their stage history.
 */
package br.com.crm.subject;
