@process @signals
Feature: Signals: an orderly stop, a forced second signal, a kill mid-transfer, a restart
  Layer 2 of a resilience plan: spawn the daemon as a child, signal it, check that it exits cleanly and
  recovers. The sample server stops gracefully on its first SIGTERM or SIGINT (stop accepting, let frames in
  flight finish, close idle connections, exit 0; 1 when the drain times out) and exits 2 at once on a
  second. Exits are timed from the signal; a process killed by signal N exits 128+N, as a shell reports it.

  Scenario Outline: <signal> stops the sample server with exit 0, closing idle connections with FIN
    Given server "S" is the configured "sample" server
    And evil client "E" holds 10 silent connections for 60000 ms
    When evil client "E" attacks server "S"
    And evil client "E" has 10 connections open
    And server "S" has accepted 10 connections
    And server "S" gets <signal>
    Then server "S" exits with code 0 within 5000 ms of the signal
    And the server ended every connection of evil client "E"
    And counter "evil_client_server_fin_E" equals 10
    And the log of server "S" says "lengthprefixed-server: stopped"

    Examples:
      | signal  |
      | SIGTERM |
      | SIGINT  |

  Scenario Outline: a second <signal> while a frame is in flight forces exit 2
    Given server "S" is the configured "sample" server with "--frame-timeout 60000 --drain-timeout 30000"
    And evil client "E" trickles a 996-byte frame at 50 bytes/s in 5-byte chunks
    When evil client "E" attacks server "S"
    And evil client "E" has sent 10 bytes
    And server "S" has accepted 1 connection
    And server "S" gets <signal>
    Then server "S" is still running 1000 ms after the signal
    When server "S" gets <signal>
    Then server "S" exits with code 2 within 5000 ms of the signal
    And the log of server "S" says "second <signal>, exiting now with 1 connection(s) open"

    Examples:
      | signal  |
      | SIGTERM |
      | SIGINT  |

  Scenario: the same signal twice in a row, 200 ms apart, is a second signal
    Given server "S" is the configured "sample" server with "--frame-timeout 60000 --drain-timeout 30000"
    And evil client "E" trickles a 996-byte frame at 50 bytes/s in 5-byte chunks
    When evil client "E" attacks server "S"
    And evil client "E" has sent 10 bytes
    And server "S" has accepted 1 connection
    And server "S" gets SIGTERM twice, 200 ms apart
    Then server "S" exits with code 2 within 5000 ms of the signal
    And the server ended every connection of evil client "E"

  Scenario: a drain that outlasts its timeout exits 1 and the frame in flight is cut
    Given server "S" is the configured "sample" server with "--frame-timeout 60000 --drain-timeout 500"
    And evil client "E" trickles a 996-byte frame at 50 bytes/s in 5-byte chunks
    When evil client "E" attacks server "S"
    And evil client "E" has sent 10 bytes
    And server "S" has accepted 1 connection
    And server "S" gets SIGTERM
    Then server "S" exits with code 1 within 8000 ms of the signal
    And the server ended every connection of evil client "E"

  Scenario: SIGKILL mid-upload: exit 137, the upload ends with the kill, nothing of the server is left
    Given server "S" is the configured "sample" server with "--frame-timeout 60000 --max-frame 1000000"
    And evil client "E" trickles a 500000-byte frame at 100000 bytes/s in 1000-byte chunks
    And any of:
      | evil client "E" runs as a forked client |
    When evil client "E" attacks server "S"
    And evil client "E" has sent 50000 bytes
    And server "S" gets SIGKILL
    Then server "S" exits with code 137 within 5000 ms of the signal
    And the server ended every connection of evil client "E" within 4000 ms
    And evil client "E" sent less than 500004 bytes
    And no process of server "S" is left

  Scenario Outline: after a SIGKILL <server> starts again on its port and serves
    Given server "X" is the configured "<server>" server
    When server "X" gets SIGKILL
    Then server "X" exits with code 137 within 5000 ms of the signal
    When server "X" is started again
    Then server "X" answers a legitimate client within 2000 ms

    Examples:
      | server |
      | sample |
      | redis  |

  Scenario Outline: redis exits 0 on <signal>
    Given server "R" is the configured "redis" server
    When server "R" gets <signal>
    Then server "R" exits with code 0 within 5000 ms of the signal
    And the log of server "R" says "Redis is now ready to exit, bye bye..."

    Examples:
      | signal  |
      | SIGTERM |
      | SIGINT  |
