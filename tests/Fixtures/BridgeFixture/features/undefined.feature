@undefined
Feature: Undefined

  Scenario: undefined step
    Given a step nobody wrote with "text" and 42
