@runtime-skip
Feature: Runtime skip

  Scenario: needs a tool
    Given a requirement that is missing
