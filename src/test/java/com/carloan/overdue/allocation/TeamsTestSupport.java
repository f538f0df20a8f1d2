package com.carloan.overdue.allocation;

import com.carloan.overdue.process.ProcessTestSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Process tests of ownership that change the teams of the shared database: each test gets fresh agents and
 * teams ({@link Teams}) and puts back what it changed, so the demo agents' counts never matter.
 */
abstract class TeamsTestSupport extends ProcessTestSupport {

  protected static final String TEAM_M1 = "team-m1";
  protected static final String TEAM_M2 = "team-m2";
  protected static final String TEAM_M3 = "team-m3";

  @Autowired protected OwnershipMoves moves;
  @Autowired protected TeamMembers members;
  @Autowired protected Allocation allocation;
  @Autowired protected AllocationSettings settings;
  @Autowired protected OwnershipSweep sweep;
  @Autowired protected PlatformTransactionManager transactions;

  protected Teams teams;

  @BeforeEach
  void shareTheTeamsCleanly() {
    teams = new Teams(identity, moves, members, allocation, settings, jdbc, transactions);
    teams.drainPools();
  }

  @AfterEach
  void putTheTeamsBack() {
    teams.restore();
  }
}
