@runner @fuzz
Feature: Fuzzed values
  "a..b" is an inclusive range and "a|b|c" a choice, resolved per test case from CHAOS_GEN_SEED.

  Scenario: a range and a choice in one scenario
    Given the number 1..5
    And the colour red|green|blue
    Then the number is between 1 and 5
    And the colour is one of "red,green,blue"
    And the fuzzed values of this test case are recorded

  Scenario: fuzzed values inside mutation rows
    Given a fresh list
    And one of:
      | the item "slice 1..3" is added  |
      | the item "delay 10\|20" is added |
    Then the list holds exactly the mutation steps this test case chose
    And the fuzzed values of this test case are recorded
