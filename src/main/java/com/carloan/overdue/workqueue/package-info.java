/**
 * The work queues agents, supervisors and legal officers open in Tasklist: the shared filters (which
 * tasks each queue holds, in which order, which columns it shows, which one a role lands on) and the
 * indexes on the engine's tables that keep those queues fast. Where to look when Tasklist is slow.
 *
 * <p>Who may read a filter is granted in {@code identity}; this package only says which groups work
 * which queue.
 */
package com.carloan.overdue.workqueue;
