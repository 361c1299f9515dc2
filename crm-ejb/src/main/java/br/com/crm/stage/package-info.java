/**
 * Stage configuration (Configurações → Vendas): the funnel's ordered stages (at most five; exactly one, the last,
 * closes subjects as won or lost: {@code Stage.isClosing()}), their stale-days and proposal rules, the reasons a
 * subject is lost, and the kept count and sum of each column ({@code crm_stage_total}) that the subjects' one write
 * path moves. Knows nothing of subjects: removing a stage asks the components above ({@code StageRemoval}).
 */
package br.com.crm.stage;
