/**
 * Subject pages: the list view with its filter bar and bulk operations, the subject page, the subject form, the
 * CSV import and the list's exports. The filter's URL parameters ({@code FilterParams}) are shared with the API.
 */
package br.com.crm.web.subject;
