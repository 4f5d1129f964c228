@io @greeting
Feature: Our greeting client reads the whole greeting whatever the network does
  A team's own client (GreetingClient) and its own binding, in a test project that references only the packages.

  Scenario: the greeting arrives whole, however the peer slices it
    Given an evil peer "EP" serving 3000 bytes
    And one of:
      | evil peer "EP" slices output into 100-byte chunks |
      | evil peer "EP" slices output into 7-byte chunks   |
    And evil peer "EP" delays 1 ms between chunks
    And the proxy of peer "EP" adds 1..5 ms latency
    When our client "C" reads the greeting from peer "EP"
    Then the outcome of task "C" is completed
    And task "C" received 3000 bytes

  Scenario: a forked peer runs from the host the packages copied next to the tests
    Given an evil peer "F" serving 256 bytes
    And evil peer "F" runs as a forked peer
    When task "D" downloads from peer "F"
    Then task "D" received the payload of peer "F" intact
