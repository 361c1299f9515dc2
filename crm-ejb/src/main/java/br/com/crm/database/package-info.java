/**
 * The module's own database: its data source, the versioned schema migrations run at start-up, and its health.
 */
package br.com.crm.database;
