package org.outpost.dashboard.model;

/**
 * A switch or rollback done.
 *
 * @param active the version in use now ({@link ModelRecord#SHIPPED} for the shipped model)
 * @param previous the version that was in use
 * @param rescoring whether re-scoring every stored article started (false: a run was going already;
 *     start one when it ends, so stored labels follow the model)
 */
public record SwitchOutcome(String active, String previous, boolean rescoring) {}
