@broken
Feature: Broken

  Scenario: fine so far
    Given a step that passes

  Given a stray step after a scenario
    | a table |
  this line is not gherkin
