/**
 * The shared kernel every component may use and that uses none of them: how business rules refuse
 * ({@link br.com.crm.kernel.BusinessException}), the business calendar (São Paulo days), the one way text is folded
 * for search, and the change event each component's single write path emits ({@link br.com.crm.kernel.Change}),
 * with the registry that hands committed changes to the web module.
 */
package br.com.crm.kernel;
