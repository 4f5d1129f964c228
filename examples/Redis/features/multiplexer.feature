@examples @stackexchange_redis
Feature: StackExchange.Redis when the network to Redis lies
  What a team learns: how its Redis calls behave when the network between the service and Redis slows down,
  resets a connection mid-command or goes away for a while: which outcome each fault surfaces as, how long a call
  takes to fail, and whether the multiplexer comes back by itself. The client is StackExchange.Redis, the server
  Debian's redis-server, and the faults come from the toxic proxy between them.

  Background:
    Given a real redis server "R"
    And evil peer "R" is fronted by a toxic proxy
    And a multiplexer "M" connected to peer "R" with a 1000 ms command timeout

  Scenario: latency below the command timeout only slows the command down
    When task "K" adds 300 ms latency to the proxy of peer "R"
    And task "C" sleeps 50 ms
    And task "C" gets "missing" through "M"
    Then the outcome of task "C" is completed
    And the transfer of task "C" took at least 300 ms

  # The timeout is checked by the multiplexer's heartbeat, about once a second: a 1000 ms timeout fires after 1 to 2 s.
  Scenario: latency above the command timeout fails the command with a timeout, a little after the timeout
    When task "K" adds 5000 ms latency to the proxy of peer "R"
    And task "C" sleeps 50 ms
    And task "C" gets "missing" through "M"
    Then the outcome of task "C" is timeout
    And the transfer of task "C" took at least 1000 ms
    And the transfer of task "C" took less than 4500 ms

  # K waits for C's SET to reach the proxy instead of sleeping: the reset must land while the command is held by the
  # latency, and before the multiplexer's 1 s timeout, however late either task gets a thread on a busy machine. Any
  # bytes would not do: the multiplexer sends its own INFO now and then.
  Scenario: a reset mid-command fails that command, and the multiplexer reconnects by itself
    When task "K" adds 3000 ms latency to the proxy of peer "R"
    And task "K" waits until a client sends "SET" through the proxy of peer "R"
    And task "K" resets the connections of the proxy of peer "R"
    And task "K" removes the toxics of the proxy of peer "R"
    And task "C" sleeps 50 ms
    And task "C" sets "greeting" to "hello" through "M"
    Then the outcome of task "C" is reset
    When task "C2" waits until "M" answers again
    And task "C2" gets "greeting" through "M"
    Then the outcome of task "C2" is completed

  Scenario: the proxy going down mid-command fails that command as a closed connection
    When task "K" adds 3000 ms latency to the proxy of peer "R"
    And task "K" waits until a client sends "SET" through the proxy of peer "R"
    And task "K" takes the proxy of peer "R" down
    And task "C" sleeps 50 ms
    And task "C" sets "greeting" to "hello" through "M"
    Then the outcome of task "C" is eof

  # A command sent while Redis is unreachable does not fail at once: it waits in the multiplexer's backlog for a
  # connection until the command timeout, then fails with the last connection failure, whichever came last: the
  # closed connection (eof) or a refused reconnect (refused).
  Scenario: with the proxy down a command waits out its timeout and fails; once it is back up the multiplexer reconnects
    When task "K" takes the proxy of peer "R" down
    And task "C" sleeps 200 ms
    And task "C" sets "greeting" to "hello" through "M"
    Then the outcome of task "C" is one of "refused, eof"
    And the transfer of task "C" took at least 1000 ms
    When task "K" brings the proxy of peer "R" back up
    And task "C2" waits until "M" answers again
    And task "C2" sets "greeting" to "hello" through "M"
    And task "C2" gets "greeting" through "M"
    Then task "C2" got the reply "hello"
