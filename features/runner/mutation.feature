@runner @mutation
Feature: Mutation blocks
  "one of:" picks exactly one row, "any of:" any subset (the empty one too); blocks multiply.
  One block of 3 rows and one of 2 rows give 3 x 4 = 12 test cases.

  Scenario: a one-of block crossed with an any-of block
    Given a fresh list
    And one of:
      | the item "slice" is added   |
      | the item "delay" is added   |
      | the item "reset" is added   |
    And any of:
      | the item "byte-by-byte" is added |
      | the item "killer" is added       |
    Then the list holds exactly the mutation steps this test case chose

  @chaos-max:3
  Scenario: a cap keeps a stable sample of the combinations
    Given a fresh list
    And any of:
      | the item "a" is added |
      | the item "b" is added |
      | the item "c" is added |
      | the item "d" is added |
      | the item "e" is added |
    Then the list holds exactly the mutation steps this test case chose
