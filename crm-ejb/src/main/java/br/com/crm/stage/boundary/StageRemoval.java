package br.com.crm.stage.boundary;

/**
 * A stage is about to be removed. Fired synchronously inside the removal's transaction, so a component above that
 * keeps something in the stage (subjects do) refuses by throwing a {@link br.com.crm.kernel.BusinessException};
 * the stage component itself knows nothing of them.
 */
public record StageRemoval(long stageId) {
}
