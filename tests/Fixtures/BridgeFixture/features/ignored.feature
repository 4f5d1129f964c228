@ignored
Feature: Ignored

  @ignore
  Scenario: ignored scenario
    Given a step that passes
