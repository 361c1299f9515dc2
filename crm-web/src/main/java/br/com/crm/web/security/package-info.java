/** Logging in and out: the one authentication mechanism (form for pages, HTTP Basic for the API) and the login page. */
package br.com.crm.web.security;
