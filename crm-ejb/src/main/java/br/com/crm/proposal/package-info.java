/**
 * Commercial proposals: numbered drafts, revisions, answers and expiry; the items offered with the money rules that
 * make every figure add up to the cent; the printable PDF; and the funnel's proposal rules, which move the
 * subject through the subjects' one write path ({@code ProposalLifecycle}).
 */
package br.com.crm.proposal;
