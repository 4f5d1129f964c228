# For UnobservedExceptionTests: a faulted task dropped by a passing case and by a failing one.
@io
Feature: Unobserved task exceptions

  Scenario: a passing case drops a faulted task
    When a faulted task is dropped

  Scenario: a failing case drops a faulted task
    Given an evil peer "EP" serving 256 bytes
    When a faulted task is dropped
    And task "C" downloads from peer "EP"
    Then task "C" received 1 bytes
