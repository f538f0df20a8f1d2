/**
 * Case ownership (CONTRACT §4, 分案、留案、流转、回收): which team and which agent hold each open case.
 *
 * <ul>
 *   <li>{@link com.carloan.overdue.allocation.AllocateCase}: the service task where a case gets its team
 *       (decision {@code caseAllocation}) and its owner, the team's available agent with the fewest open
 *       cases ({@link com.carloan.overdue.allocation.AllocationRule}).</li>
 *   <li>{@link com.carloan.overdue.allocation.Allocation}: allocation, the team's pool, reallocation.</li>
 *   <li>{@link com.carloan.overdue.allocation.OwnershipMoves}: what supervisors do (transfer, recall, hold,
 *       availability), loan by loan.</li>
 *   <li>{@link com.carloan.overdue.allocation.OwnershipSweep}: bucket moves (迁徙) and the end of holding
 *       periods, on business time, once per case on any number of nodes.</li>
 * </ul>
 *
 * The tables ({@code case_ownership}, {@code ownership_event}, {@code collection_agent},
 * {@code collection_team}) are the truth; the process variables {@code team}, {@code caseOwner} and
 * {@code bucket} and the agent tasks' assignee and candidate group follow them in the same transaction.
 */
package com.carloan.overdue.allocation;
