/** The proposal editor, the proposals of a subject page and the proposal PDF download. */
package br.com.crm.web.proposal;
