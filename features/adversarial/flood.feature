@adversarial @flood
Feature: A flood of silent connections: the server keeps serving within its limits and gets its descriptors back
  An evil client opens many connections and says nothing, in the test process or forked, closing them
  with FIN or RST. A server must keep answering a legitimate client while it holds them, enforce its
  connection limit by telling the extra clients (and must let legitimate ones in again afterwards), and
  return to its baseline of open descriptors, with no CLOSE_WAIT left, once the flood is gone.

  Scenario: the sample server serves through a flood and its descriptors come back
    Given server "S" is the configured "sample" server with "--max-connections 200"
    And evil client "E" holds 80 silent connections for 60000 ms
    And any of:
      | evil client "E" runs as a forked client |
      | evil client "E" closes with RST         |
    When evil client "E" attacks server "S"
    And evil client "E" has 80 connections open
    Then server "S" holds at least 80 connections within 10000 ms
    And server "S" answers a legitimate client within 2000 ms
    When evil client "E" is stopped
    Then the open file descriptors of server "S" return to within 5 of the baseline within 10000 ms
    And server "S" has no connection in CLOSE_WAIT within 10000 ms

  Scenario: a flood up to the sample server's limit locks legitimate clients out until it ends
    Given server "S" is the configured "sample" server with "--max-connections 20"
    And evil client "E" holds 20 silent connections for 60000 ms
    When evil client "E" attacks server "S"
    And evil client "E" has 20 connections open
    And server "S" has accepted 20 connections
    Then server "S" turns a legitimate client away with "too many connections (limit 20)"
    When evil client "E" is stopped
    Then server "S" answers a legitimate client again within 10000 ms

  Scenario: past maxclients redis tells the extra clients and a legitimate one, and the slots come back
    Given server "R" is the configured "redis" server with "--maxclients 10"
    And evil client "E" holds 12 silent connections for 60000 ms
    When evil client "E" attacks server "R"
    And evil client "E" has connected 12 times
    Then server "R" turns a legitimate client away with "-ERR max number of clients reached"
    When evil client "E" is stopped
    Then 2 connections of evil client "E" were told "-ERR max number of clients reached"
    And server "R" answers a legitimate client again within 5000 ms

  Scenario: redis closes connections idle past its timeout, and its descriptors come back
    Given server "R" is the configured "redis" server with "--timeout 1"
    And evil client "E" holds 20 silent connections for 30000 ms
    When evil client "E" attacks server "R"
    Then the server ended every connection of evil client "E" within 10000 ms
    And the server kept every connection of evil client "E" for at least 900 ms
    And the open file descriptors of server "R" return to within 2 of the baseline within 10000 ms
