@runner @hooks
Feature: Hooks, scopes and injection
  Hooks run in Order, filtered by tag; binding classes share one context per scenario.

  @traced
  Scenario: hooks ran around this scenario in order
    Given a step runs
    Then the scenario hooks so far were "before-scenario:10, before-scenario:traced, before-step, after-step, before-step"
    And the test-run and feature hooks ran once before it

  Scenario: an untagged scenario does not run the tagged hook
    Given a step runs
    Then the scenario hooks so far were "before-scenario:10, before-step, after-step, before-step"

  Scenario: two binding classes share one injected context
    Given the shared context holds "hello"
    Then another binding class reads "hello" from the shared context

  @scoped
  Scenario: a scoped step definition wins over an unscoped one
    Then the greeting comes from the "scoped" definition

  Scenario: the unscoped definition is used elsewhere
    Then the greeting comes from the "unscoped" definition
