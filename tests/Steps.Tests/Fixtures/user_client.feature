@io
Feature: A user's own client code as scenario tasks (ChaosContext)

  Scenario: a user call reads through the proxy and the library's Then steps read it
    Given an evil peer "EP" serving "hello"
    And the proxy of peer "EP" adds 20 ms latency
    When user task "C" reads peer "EP" to its end
    Then the outcome of task "C" is completed
    And task "C" received 5 bytes
    And counter "io_call_ok_C" equals 1
    And the transfer of task "C" took at least 20 ms

  Scenario: a reset inside the user's client is its outcome
    Given an evil peer "EP" that accepts and resets at once
    When user task "C" reads peer "EP" to its end
    Then the outcome of task "C" is reset
    And counter "io_call_failed_C" equals 1

  Scenario: a killer cancels a user call
    When user task "C" waits 5000 ms
    And task "K" sleeps 50 ms
    And task "K" cancels task "C"
    Then task "C" was cancelled
    And the outcome of task "C" is cancelled

  Scenario: a user call that outlives its give-up time times out
    Given task "C" gives up after 100 ms
    When user task "C" waits 5000 ms
    Then the outcome of task "C" is timeout
    And the transfer of task "C" took less than 4000 ms

  Scenario: the user's own classification names its client's exceptions
    When user task "C" fails with corrupt data
    Then the outcome of task "C" is corrupt

  Scenario: a client the scenario owns is disposed before the leak check
    Given an evil peer "EP" that never reads
    When user task "C" keeps a connection to peer "EP" open
    Then the outcome of task "C" is completed
