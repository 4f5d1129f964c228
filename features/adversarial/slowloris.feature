@adversarial @slowloris
Feature: A slowloris trickle: cut off by a request deadline, never by an idle timeout
  An evil client sends a request a few bytes a second. A server that only times out idle connections
  keeps it forever, since every byte counts as activity; one with a deadline for the whole request cuts it
  off. The sample server has both (--frame-timeout, --idle-timeout); redis has only an idle timeout.

  Scenario Outline: the sample server's frame timeout cuts a slowloris off however steadily it trickles
    Given server "S" is the configured "sample" server with "--frame-timeout 1500 --idle-timeout 10000"
    And evil client "E" trickles a 100-byte frame at <rate> bytes/s
    And evil client "E" uses <connections> connections
    When evil client "E" attacks server "S"
    Then the server ended every connection of evil client "E" within 6000 ms
    And the server kept every connection of evil client "E" for at least 1400 ms
    And every connection of evil client "E" was told "frame not complete within 1500 ms"
    And server "S" answers a legitimate client within 2000 ms

    Examples:
      | rate | connections |
      | 10   | 1           |
      | 50   | 10          |

  Scenario: a slowloris outlives redis's idle timeout while a silent client beside it is closed
    Given server "R" is the configured "redis" server with "--timeout 1"
    And evil client "E" trickles "GETRANGE key" at 4 bytes/s
    And evil client "Q" holds 1 silent connection for 10000 ms
    When evil client "E" attacks server "R"
    And evil client "Q" attacks server "R"
    Then evil client "E" closed every connection itself
    And the server kept every connection of evil client "E" for at least 2500 ms
    And the server ended every connection of evil client "Q" within 5000 ms
