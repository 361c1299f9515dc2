/**
 * The ERP: what the module reads from it (customers, sales, finance and service documents, products) and the one
 * thing it writes (a sales order from an accepted proposal), through one small interface ({@link
 * br.com.crm.erp.boundary.Erp}) whose implementation queries the documented {@code erp_*} SQL views in a data
 * source the administrator names. The ERP may be down: every answer says whether it was reachable.
 */
package br.com.crm.erp;
