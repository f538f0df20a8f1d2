/**
 * Process owners change the model safely (CONTRACT §6).
 *
 * <ul>
 *   <li>{@link com.carloan.overdue.modelchange.ProcessVersions}: the deployed versions and where their cases wait.</li>
 *   <li>{@link com.carloan.overdue.modelchange.VersionMapping}: Camunda's migration plan between two versions, and
 *       the cases it cannot move.</li>
 *   <li>{@link com.carloan.overdue.modelchange.CaseMigrations}: the batch that moves them, and its outcome per case.</li>
 *   <li>{@link com.carloan.overdue.modelchange.DecisionPreview}: what a changed {@code overdueStrategy} would decide
 *       for recent cases, before it is deployed.</li>
 * </ul>
 */
package com.carloan.overdue.modelchange;
