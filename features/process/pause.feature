@process @pause
Feature: SIGSTOP and SIGCONT: a paused server times legitimate clients out, and recovers
  A stopped process runs no code, yet the kernel still completes TCP handshakes on its listening socket:
  a bare connect cannot tell a paused server from a healthy one, a request/response probe can. After
  SIGCONT the server serves again, including the connections that queued up meanwhile.

  Scenario Outline: a paused <server> does not answer while a bare connect still succeeds; SIGCONT recovers it
    Given server "X" is the configured "<server>" server
    When server "X" gets SIGSTOP
    Then server "X" does not answer a legitimate client within 500 ms
    And a bare connect to server "X" succeeds within 2000 ms
    When server "X" gets SIGCONT
    Then server "X" answers a legitimate client within 5000 ms

    Examples:
      | server |
      | sample |
      | redis  |

  Scenario: requests sent during a pause are answered after SIGCONT
    Given server "S" is the configured "sample" server
    And evil client "E" replays a 10-byte frame 1 times and waits 3000 ms
    And evil client "E" uses 10 connections
    When server "S" gets SIGSTOP
    And evil client "E" attacks server "S"
    And evil client "E" has 10 connections open
    And server "S" gets SIGCONT
    Then evil client "E" received 150 bytes
    And evil client "E" closed every connection itself

  Scenario: a forked flood killed by SIGKILL: the server's descriptors come back and nothing stays in CLOSE_WAIT
    Given server "S" is the configured "sample" server
    And evil client "E" holds 50 silent connections for 60000 ms
    And evil client "E" runs as a forked client
    When evil client "E" attacks server "S"
    And evil client "E" has 50 connections open
    And server "S" has accepted 50 connections
    And the forked evil client "E" is killed
    Then server "S" holds no connection within 10000 ms
    And the open file descriptors of server "S" return to within 5 of the baseline within 10000 ms
    And server "S" has no connection in CLOSE_WAIT within 10000 ms
