/** Demo users and demo data for the embedded default; off unless {@code crm.demo=true}. */
package br.com.crm.demo;
