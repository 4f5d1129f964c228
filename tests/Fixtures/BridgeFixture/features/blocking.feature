@blocking
Feature: Blocking

  Scenario: blocks forever
    Given a step that blocks forever

  Scenario: the next scenario
    Given a step that passes
