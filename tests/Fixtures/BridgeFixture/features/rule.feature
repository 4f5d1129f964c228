@rule
Feature: Rules

  Background:
    Given a step that passes

  @transport
  Rule: a rule with its own background
    Background:
      Given a step with 7

    Scenario: under the rule
      Given a step that passes

  Rule: another rule
    Scenario: in the other rule
      Given a step with 8
