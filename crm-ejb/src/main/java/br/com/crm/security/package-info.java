/**
 * Who may log in and with which role: users with PBKDF2-hashed passwords and their roles, read by the container's
 * database identity store. The roles are checked on the server, at the boundaries.
 */
package br.com.crm.security;
