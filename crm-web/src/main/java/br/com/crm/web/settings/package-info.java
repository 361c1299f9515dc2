/** Configurações: stages and lost reasons, tags, e-mail templates, the company's letterhead. */
package br.com.crm.web.settings;
