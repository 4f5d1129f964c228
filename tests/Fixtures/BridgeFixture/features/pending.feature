@pending
Feature: Pending

  Scenario: pending step
    Given a pending step
