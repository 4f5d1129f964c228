@blocking
Feature: Blocking

  Scenario: blocks forever
    Given a step that blocks forever
