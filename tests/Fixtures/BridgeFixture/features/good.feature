@good
Feature: Good

  Scenario: passes
    Given a step that passes

  Scenario Outline: rows
    Given a step with <n>

    Examples:
      | n |
      | 1 |
      | 2 |

  Scenario: crossed
    Given one of:
      | a step with 1 |
      | a step with 2 |
      | a step with 3 |
    And any of:
      | a step with 4 |
      | a step with 5 |
