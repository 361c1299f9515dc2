/** The CRM report page, its chart and table, and their CSV, Excel and PDF downloads. */
package br.com.crm.web.report;
