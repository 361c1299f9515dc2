/** The ERP tabs of the subject page (Vendas, Financeiro, Serviço) and the ERP badges of cards, rows and header. */
package br.com.crm.web.erp;
