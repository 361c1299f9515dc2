/** Notes (Anotações): free text about a subject's progress, each changed only by its author. */
package br.com.crm.note;
