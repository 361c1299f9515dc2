/**
 * What an administrator needs to run the module: the state of its database and of the ERP behind it, with the
 * details that public readiness leaves out.
 */
package br.com.crm.operations;
