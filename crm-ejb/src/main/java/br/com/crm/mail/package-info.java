/** E-mail: the server-provided mail session the module sends through. */
package br.com.crm.mail;
