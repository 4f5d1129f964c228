@runner @arguments
Feature: Step arguments
  Data tables and doc strings reach step definitions as Reqnroll would pass them.

  Scenario: a table becomes a set of typed objects
    Given these transfers:
      | Name    | Bytes | Driver |
      | small   | 256   | socket |
      | bulk    | 65536 | pipe   |
    Then there are 2 transfers totalling 65792 bytes
    And transfer "bulk" uses driver "pipe"

  Scenario: a vertical table becomes one object
    Given this transfer:
      | Field  | Value  |
      | Name   | single |
      | Bytes  | 1024   |
      | Driver | stream |
    Then there are 1 transfers totalling 1024 bytes

  Scenario: a doc string is passed verbatim
    Given the text:
      """
      line one
        indented line two
      """
    Then the text has 2 lines
    And line 2 of the text is "  indented line two"

  Scenario Outline: a placeholder inside a table cell
    Given these transfers:
      | Name   | Bytes   | Driver   |
      | row    | <bytes> | <driver> |
    Then there are 1 transfers totalling <bytes> bytes

    Examples:
      | bytes | driver |
      | 8     | socket |
      | 16    | stream |
