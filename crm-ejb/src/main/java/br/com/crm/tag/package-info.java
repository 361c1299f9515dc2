/** Tags (Marcadores): labels on subjects, managed by administrators, used on cards and as filters. */
package br.com.crm.tag;
