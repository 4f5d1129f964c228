@runner @outlines
Feature: Scenario outlines
  Each Examples row is its own test case; Examples-level tags become categories too.

  Scenario Outline: adding two numbers
    Given the number <a>
    And the number <b>
    When the numbers are added
    Then the result is <sum>

    Examples: small
      | a | b | sum |
      | 1 | 2 | 3   |
      | 0 | 0 | 0   |

    @negative
    Examples: negative
      | a  | b  | sum |
      | -4 | 1  | -3  |
      | -2 | -2 | -4  |

  Scenario: a plain scenario next to an outline
    Given the number 40
    And the number 2
    When the numbers are added
    Then the result is 42
