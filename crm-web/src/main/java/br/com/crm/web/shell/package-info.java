/**
 * The application shell: layout, menu, the one language negotiation ({@code Languages}), the logged-in user, the
 * feedback of actions, the open view's origin key for change events ({@code ViewOrigin}) and build facts.
 */
package br.com.crm.web.shell;
