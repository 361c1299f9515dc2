/** The REST API under {@code /crm/api/v1}: resources, and errors as problem details. */
package br.com.crm.web.api;
