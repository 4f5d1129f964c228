@rule
Feature: Rules

  Rule: rules are not in Gherkin 5

  Scenario: under a rule
    Given a step that passes
