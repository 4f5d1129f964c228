@proxy @redis
Feature: A real Redis server behind the toxic proxy
  The toxic proxy in front of a real server, here Debian's redis-server, started on a free loopback
  port by each scenario and stopped with it. The task speaks Redis's inline protocol: one command
  line out, one reply line back. Whatever the proxy does to timing and segmentation, a reply that
  arrives is the right one; what it does to the connection shows as the outcome. Without
  redis-server these scenarios are skipped with the install command.

  Scenario: a PING comes back through the passthrough proxy
    Given a real redis server "R"
    And evil peer "R" is fronted by a toxic proxy
    When task "C" sends the line "PING" to peer "R"
    Then task "C" got the reply "+PONG"
    And the outcome of task "C" is completed

  Scenario Outline: timing and segmentation faults delay the reply but never change it
    Given a real redis server "R"
    And one of:
      | the proxy of peer "R" adds 20..60 ms latency                  |
      | the proxy of peer "R" adds 50 ms latency with 20 ms jitter    |
      | the proxy of peer "R" slices into 1..3-byte segments          |
      | the proxy of peer "R" throttles to 1 KB/s                     |
      | the proxy of peer "R" delays the close by 50 ms               |
    And the proxy of peer "R" applies its toxics <direction>
    When task "C" sends the line "PING" to peer "R"
    Then task "C" got the reply "+PONG"
    And the outcome of task "C" is completed

    Examples:
      | direction  |
      | downstream |
      | upstream   |

  Scenario: latency on both legs adds up in the round trip
    Given a real redis server "R"
    And the proxy of peer "R" adds 100 ms latency
    When task "C" sends the line "PING" to peer "R"
    Then task "C" got the reply "+PONG"
    And the transfer of task "C" took at least 95 ms

  Scenario: a reset from the proxy reaches the client as a reset, not a reply
    Given a real redis server "R"
    And the proxy of peer "R" resets after 0 ms
    And task "C" gives up after 5000 ms
    When task "C" sends the line "PING" to peer "R"
    Then the outcome of task "C" is reset
    And task "C" received 0 bytes

  Scenario: a proxy that stops forwarding leaves the client waiting until it gives up
    Given a real redis server "R"
    And the proxy of peer "R" times out after 0 ms
    And task "C" gives up after 300 ms
    When task "C" sends the line "PING" to peer "R"
    Then the outcome of task "C" is timeout
    And task "C" received 0 bytes
