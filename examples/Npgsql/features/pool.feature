@examples @npgsql
Feature: Npgsql when the network to PostgreSQL lies
  What a team learns: how its database calls behave when the network between the service and PostgreSQL slows
  down, resets a connection mid-query or goes away and comes back: which outcome each fault surfaces as, how long a
  command timeout really takes, and what the connection pool hands out afterwards. The client is Npgsql with its
  pool, the server Debian's PostgreSQL (a fresh cluster per scenario), and the faults come from the toxic proxy.

  Background:
    Given a real postgres server "PG"
    And evil peer "PG" is fronted by a toxic proxy
    And an Npgsql data source "DB" for peer "PG" with a 1 s command timeout
    When task "W" queries "SELECT 1" on "DB"
    Then the outcome of task "W" is completed

  # When the command timeout elapses Npgsql sends PostgreSQL a cancel request and waits for the server's answer
  # (its cancellation timeout, 2 s by default): a reply that was only slow still arrives, and the query succeeds.
  Scenario: a command timeout does not cut a reply that is merely slow
    When task "K" adds 1500 ms latency to the proxy of peer "PG"
    And task "C" sleeps 50 ms
    And task "C" queries "SELECT 1" on "DB"
    Then task "C" got the reply "1"
    And the transfer of task "C" took at least 1500 ms

  Scenario: a slow query under latency is cancelled at its command timeout
    When task "K" adds 300 ms latency to the proxy of peer "PG"
    And task "C" sleeps 50 ms
    And task "C" queries "SELECT pg_sleep(5)" on "DB"
    Then the outcome of task "C" is timeout
    And the transfer of task "C" took at least 1000 ms

  # The cancel request travels the same slow network, and Npgsql waits for the server to close the cancel
  # connection before its own cancellation timeout starts: a 1 s command timeout takes more than the latency.
  Scenario: under heavy latency the command timeout takes far longer than the timeout
    Given task "C" gives up after 25000 ms
    When task "K" adds 8000 ms latency to the proxy of peer "PG"
    And task "C" sleeps 50 ms
    And task "C" queries "SELECT 1" on "DB"
    Then the outcome of task "C" is timeout
    And the transfer of task "C" took at least 8000 ms

  # A patient pool (10 s command timeout) and a 3 s query: the reset lands mid-query even when a loaded machine
  # wakes the resetting task late (a 0.5 s query on the 1 s pool once finished before a reset 880 ms late).
  Scenario: a reset mid-query fails that query, and the pool opens a fresh connection for the next
    Given an Npgsql data source "PATIENT" for peer "PG" with a 10 s command timeout
    When task "C" queries "SELECT pg_sleep(3)" on "PATIENT"
    And task "K" sleeps 200 ms
    And task "K" resets the connections of the proxy of peer "PG"
    Then the outcome of task "C" is reset
    When task "C2" queries "SELECT 2" on "PATIENT"
    Then task "C2" got the reply "2"

  Scenario: after the proxy is disabled and re-enabled, the pool's idle connection is dead
    When task "K" takes the proxy of peer "PG" down
    And task "K" brings the proxy of peer "PG" back up
    And task "C" sleeps 100 ms
    And task "C" queries "SELECT 1" on "DB"
    Then the outcome of task "C" is eof
    When task "C2" queries "SELECT 2" on "DB"
    Then task "C2" got the reply "2"
