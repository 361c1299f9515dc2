/** The application shell: layout, menu, language, the logged-in user and build facts. */
package br.com.crm.web.shell;
