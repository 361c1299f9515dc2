/** The subject page's activities and notes, and the agenda (Minhas ações) with its calendar. */
package br.com.crm.web.activity;
